"""A process pool whose workers load Kiwi once, fed through a bounded window (a corpus of large
files is never held in memory at once) and read back in input order."""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from ..store.prepare import prepare, warm

WINDOW = 4          # tasks in flight per worker: enough to keep each busy while the parent writes


def run_pool(tasks: Iterable, jobs: int) -> Iterator:
    # spawn, not fork: the parent may hold a database connection and a progress-bar thread
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("spawn"), initializer=warm) as ex:
        pending: deque = deque()
        for task in tasks:
            pending.append(ex.submit(prepare, *task))
            if len(pending) >= jobs * WINDOW:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
