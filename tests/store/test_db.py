"""Which database: --db, else SUMMITWATCH_DB, else ./summitwatch.db; bad URLs are one line."""
import pytest

from summitwatch.store import StoreError, open_store
from summitwatch.store.db import resolve_url


def test_db_resolve_url_order(monkeypatch):
    monkeypatch.delenv("SUMMITWATCH_DB", raising=False)
    assert resolve_url(None) == "sqlite:///summitwatch.db"
    monkeypatch.setenv("SUMMITWATCH_DB", "sqlite:///env.db")
    assert resolve_url(None) == "sqlite:///env.db"
    assert resolve_url("other.db") == "sqlite:///other.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_db_unsupported_backend_is_refused():
    with pytest.raises(StoreError, match="SQLite or PostgreSQL only"):
        open_store("mysql://u@h/db")


def test_db_unreachable_server_is_one_line():
    with pytest.raises(StoreError) as e:
        open_store("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    assert "cannot open the database" in str(e.value) and "\n" not in str(e.value)
