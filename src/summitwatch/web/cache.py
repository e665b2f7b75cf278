"""Rendered pages kept in memory while the corpus does not change. The corpus's version is the
newest analysis run and the newest review (both grow on every write that rebuilds tracking), read
in one indexed query at most every half second; entries also expire after ``ttl`` seconds, which bounds how long
a page rendered between a write and the tracking rebuild that follows it can be served."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..store import schema as s


class PageCache:
    def __init__(self, store, size: int = 512, ttl: float = 30.0, enabled: bool = True):
        self.store, self.size, self.ttl, self.enabled = store, size, ttl, enabled
        self._items: OrderedDict = OrderedDict()
        self._version: tuple | None = None
        self.recheck = 0.5
        self._lock = threading.Lock()

    def version(self) -> tuple:
        """The corpus's version, read at most every ``recheck`` seconds (a page request under load
        should not cost a database round trip when nothing changed)."""
        now = time.monotonic()
        if self._version is not None and now - self._version[0] < self.recheck:
            return self._version[1]
        with Session(self.store.engine) as ses:
            v = tuple(ses.execute(select(select(func.max(s.AnalysisRun.id)).scalar_subquery(),
                                         select(func.max(s.Review.seq)).scalar_subquery())).one())
        self._version = (now, v)
        return v

    def get_or_make(self, key: tuple, make):
        if not self.enabled:
            return make()
        version, now = self.version(), time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit and hit[0] == version and now - hit[1] < self.ttl:
                self._items.move_to_end(key)
                return hit[2]
        value = make()
        with self._lock:
            self._items[key] = (version, now, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._version = None
