"""A store ingested from the tracking tests' corpus (tests/track/corpus, our own sentences) once per
session, copied for each test that writes; apps over it through FastAPI's TestClient."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[1] / "track" / "corpus"


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    from summitwatch.store import open_store
    from summitwatch.store.corpus import ingest, rebuild_tracking

    db = tmp_path_factory.mktemp("web") / "corpus.db"
    with open_store(str(db)) as store:
        summary = ingest(store, [str(CORPUS)])
        assert not summary.failed, summary.failed
        assert rebuild_tracking(store) is None
    return db


@pytest.fixture
def db_copy(corpus_db, tmp_path) -> Path:
    """A private copy for tests that write (reviews, uploads)."""
    out = tmp_path / "corpus.db"
    shutil.copy(corpus_db, out)
    return out


@pytest.fixture
def store(corpus_db):
    from summitwatch.store import open_store

    with open_store(str(corpus_db)) as s:
        yield s


@pytest.fixture
def client(store, tmp_path):
    from fastapi.testclient import TestClient

    from summitwatch.web import create_app

    with TestClient(create_app(store, upload_dir=tmp_path / "up")) as c:
        yield c


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF field in the form"
    return m.group(1)
