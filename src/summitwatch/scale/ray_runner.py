"""The same analyses as Ray tasks: on a cluster given by ``--ray-address``, else on a local Ray
instance started here (and stopped afterwards). Ray reuses its worker processes, so each loads
Kiwi once, on its first task."""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

WINDOW = 4


def run_ray(tasks: Iterable, jobs: int = 2, address: str | None = None) -> Iterator:
    import ray

    from ..store.prepare import prepare

    started = not ray.is_initialized()
    if started:
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(num_cpus=max(jobs, 1), include_dashboard=False, log_to_driver=False)
    try:
        remote = ray.remote(num_cpus=1)(prepare)
        cpus = max(int(ray.cluster_resources().get("CPU", jobs)), 1)
        pending: deque = deque()
        for data, source, options in tasks:
            pending.append(remote.remote(data, source, options))
            if len(pending) >= cpus * WINDOW:
                yield ray.get(pending.popleft())
        while pending:
            yield ray.get(pending.popleft())
    finally:
        if started:
            ray.shutdown()
