"""Shared fixtures. The store tests run on SQLite and on PostgreSQL (a real server:
SUMMITWATCH_TEST_PG, started by .ci/run in CI, where a missing server fails the run instead of
skipping)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# shared helpers of the test suite (sharedpath.py, handmade_corpus.py) importable from every test folder
sys.path.insert(0, str(Path(__file__).parent))

from handmade_corpus import PG_ENV, fresh_url  # noqa: E402


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "postgresql" and not os.environ.get(PG_ENV):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set: PostgreSQL must be running in CI (.ci/run starts it)")
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql+psycopg://... (see .ci/pg_start)")
    return fresh_url(request.param, tmp_path)


@pytest.fixture
def store(db_url):
    from summitwatch.store import open_store

    st = open_store(db_url)
    yield st
    st.close()
