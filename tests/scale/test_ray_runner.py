"""The same ingest on a local Ray instance (2 CPUs, no dashboard) gives the same database."""
import pytest

from summitwatch.store import open_store
from summitwatch.store.corpus import ingest
from summitwatch.store.digest import digest

from handmade_corpus import write_docs

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_runner_gives_the_same_database_as_the_pool(local_ray, tmp_path):
    write_docs(tmp_path / "docs")
    (tmp_path / "docs" / "empty.txt").write_bytes(b"")
    pool = open_store(f"sqlite:///{tmp_path / 'pool.db'}")
    by_pool = ingest(pool, [str(tmp_path / "docs")], jobs=2)
    on_ray = open_store(f"sqlite:///{tmp_path / 'ray.db'}")
    by_ray = ingest(on_ray, [str(tmp_path / "docs")], engine="ray")
    assert [(o.status, o.reason) for o in by_ray.outcomes] == [(o.status, o.reason) for o in by_pool.outcomes]
    assert by_ray.count("new") == 3 and len(by_ray.failed) == 1
    assert digest(on_ray) == digest(pool)
    assert ray.is_initialized()          # a Ray the caller started is left running
    pool.close()
    on_ray.close()
