"""The corpus store: documents, analysis runs and facts, search, the tables tracking derives and
the analysts' reviews, in SQLite (default) or PostgreSQL. Open it with ``open_store(url)``;
migrations run at open. Every query the CLI and the web app make is a method of ``Store``."""
from __future__ import annotations

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from . import migrate
from .db import StoreError, describe, make_engine, resolve_url
from .queries import NotFound, QueryMixin
from .search import SearchMixin
from .write import WriteMixin

__all__ = ["Store", "open_store", "resolve_url", "StoreError", "NotFound"]


class Store(WriteMixin, QueryMixin, SearchMixin):
    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(db: str | None = None) -> Store:
    """The store at ``db`` (a URL or a SQLite path; else SUMMITWATCH_DB; else ./summitwatch.db),
    migrated to the newest schema."""
    url = resolve_url(db)
    store = Store(url)
    try:
        migrate.upgrade(store.engine)
    except OperationalError as e:
        store.close()
        reason = " ".join(str(e.orig or e).split())
        raise StoreError(f"cannot open the database {describe(url)}: {reason}") from None
    except SQLAlchemyError as e:
        store.close()
        raise StoreError(f"cannot migrate the database {describe(url)}: {type(e).__name__}: "
                         f"{' '.join(str(e).split())[:300]}") from None
    return store
