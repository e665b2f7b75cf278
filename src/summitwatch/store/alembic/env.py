"""Alembic environment: migrations run programmatically at open (``store.migrate.upgrade``), on
the connection the store hands over in ``config.attributes``; there is no alembic.ini."""
from alembic import context

from summitwatch.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
