"""Migrations run from empty at open, on SQLite and PostgreSQL, and give exactly the models' schema."""
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from summitwatch.store import migrate, open_store
from summitwatch.store.schema import Base


def test_migrate_from_empty_creates_every_table(db_url):
    store = open_store(db_url)
    try:
        tables = set(inspect(store.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert "alembic_version" in tables
        assert migrate.current(store.engine) == migrate.head()
        if store.dialect == "sqlite":
            assert "search_fts" in tables
        else:
            assert "ix_search_units_tsv" in {i["name"] for i in inspect(store.engine).get_indexes("search_units")}
    finally:
        store.close()


def test_migrate_schema_matches_the_models(db_url):
    store = open_store(db_url)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        # the search index is made by hand in the migration (FTS5 table / expression index)
        diff = [d for d in diff if "search_fts" not in str(d) and "ix_search_units_tsv" not in str(d)]
        assert diff == []
    finally:
        store.close()


def test_migrate_reopen_is_a_no_op(db_url):
    open_store(db_url).close()
    store = open_store(db_url)
    try:
        assert migrate.current(store.engine) == migrate.head()
    finally:
        store.close()


def test_migrate_from_the_first_revision_keeps_documents(db_url):
    from alembic import command
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(migrate.config(conn), "0001")
            conn.execute(text("INSERT INTO documents (id, format, language, raw_text, added_at) "
                              "VALUES ('d1', 'text', 'ko', '본문', '2026-01-01')"))
            conn.execute(text("INSERT INTO analysis_runs (document_id, pipeline_version, kb_version, options, "
                              "reference_date_source, analysis, created_at) "
                              "VALUES ('d1', '0.1', 'k', '{}', 'none', '{}', '2026-01-01')"))
    finally:
        engine.dispose()
    store = open_store(db_url)
    try:
        assert migrate.current(store.engine) == migrate.head() != "0001"
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT document_id, keys FROM analysis_runs")).all() == [("d1", None)]
    finally:
        store.close()
