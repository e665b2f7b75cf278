"""Running ingest's analyses in parallel: in this process, a process pool, or Ray. Workers only
analyse (``store.prepare.prepare``); results come back in input order and the parent writes them,
so every engine gives the same database."""
from __future__ import annotations

from typing import Iterable, Iterator

# a task: (the file's bytes, its name, analysis options)
Task = tuple[bytes, str, dict]


def run(tasks: Iterable[Task], jobs: int = 1, engine: str = "pool", ray_address: str | None = None) -> Iterator:
    """Prepared or Failed results of ``tasks``, in order."""
    if engine == "ray":
        from .ray_runner import run_ray

        return run_ray(tasks, jobs=jobs, address=ray_address)
    if jobs <= 1:
        from ..store.prepare import prepare

        return (prepare(*t) for t in tasks)
    from .pool import run_pool

    return run_pool(tasks, jobs=jobs)
