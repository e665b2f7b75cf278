"""Analyses in worker processes, writes in the parent: the same database as one process."""
from summitwatch.scale import run
from summitwatch.store import open_store
from summitwatch.store.corpus import ingest
from summitwatch.store.digest import digest
from summitwatch.store.prepare import Failed, Prepared

from handmade_corpus import DOCS, write_docs


def test_pool_results_come_back_in_input_order():
    tasks = [(body.encode(), name, {}) for name, body in DOCS.items()] + [(b"", "empty.txt", {})]
    out = list(run(tasks, jobs=2))
    assert [type(r) for r in out] == [Prepared] * 3 + [Failed]
    assert [r.source for r in out] == list(DOCS) + ["empty.txt"]


def test_pool_gives_the_same_database(db_url, tmp_path):
    write_docs(tmp_path / "docs")
    one = open_store(f"sqlite:///{tmp_path / 'one.db'}")
    ingest(one, [str(tmp_path / "docs")])
    many = open_store(db_url)
    ingest(many, [str(tmp_path / "docs")], jobs=2)
    assert digest(many) == digest(one)
    one.close()
    many.close()
