"""A process pool fed through a bounded window (a corpus of large files is never held in memory at
once) and read back in input order. Workers are forked from a fork server that has loaded Kiwi
and the knowledge base once (``preload``): starting N workers costs one load, not N."""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from ..store.prepare import prepare, warm

WINDOW = 4          # tasks in flight per worker: enough to keep each busy while the parent writes


def run_pool(tasks: Iterable, jobs: int) -> Iterator:
    # a fork server, not a fork of this process: the parent may hold a database connection and a
    # progress-bar thread; the server is a fresh single-threaded process
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([f"{__package__}.preload"])
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=warm) as ex:
        pending: deque = deque()
        for task in tasks:
            pending.append(ex.submit(prepare, *task))
            if len(pending) >= jobs * WINDOW:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
