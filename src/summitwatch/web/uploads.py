"""Uploads analysed in the background, one at a time, through the path ``summitwatch ingest``
takes (``store.corpus.ingest_one`` then ``rebuild_tracking``); each job's state is polled as JSON
by the upload page's script. The file is kept under the upload folder so that ``reanalyze``
can read its bytes again, as it does for a file ingested from disk."""
from __future__ import annotations

import datetime as dt
import hashlib
import queue
import re
import threading
import uuid
from pathlib import Path

from .views import Job

_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)
MAX_JOBS = 200                        # finished jobs kept for their status page


def safe_name(name: str | None) -> str:
    """The upload's base name without folders or control characters (its suffix tells the format)."""
    base = Path((name or "").replace("\\", "/")).name
    base = _UNSAFE.sub("_", base).strip(" .")
    return base[:120] or "upload.txt"


class Uploads:
    def __init__(self, store, folder: Path, lock: threading.Lock):
        self.store, self.folder, self.lock = store, folder, lock
        self.jobs: dict[str, Job] = {}
        self.on_change = lambda: None         # called when the corpus changed (the page cache clears)
        self._queue: queue.Queue = queue.Queue()
        self._guard = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="summitwatch-uploads", daemon=True)
        self._thread.start()

    def submit(self, data: bytes, name: str) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], name=safe_name(name),
                  created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
        with self._guard:
            self.jobs[job.id] = job
            for old in [j.id for j in self.jobs.values() if j.state in ("done", "unchanged", "failed")][:-MAX_JOBS]:
                self.jobs.pop(old, None)
        self._queue.put((job.id, data))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._guard:
            job = self.jobs.get(job_id)
            return job.model_copy() if job else None

    def _set(self, job_id: str, **kw) -> None:
        with self._guard:
            job = self.jobs.get(job_id)
            if job:
                for k, v in kw.items():
                    setattr(job, k, v)

    def _run(self) -> None:
        while True:
            job_id, data = self._queue.get()
            if job_id is None:
                return
            try:
                self._one(job_id, data)
            except Exception as e:  # noqa: BLE001 — a job fails with one line; the worker goes on
                self._set(job_id, state="failed", progress=1.0,
                          error=f"summitwatch: internal error: {type(e).__name__}: {' '.join(str(e).split())}")

    def _one(self, job_id: str, data: bytes) -> None:
        from ..store.corpus import ingest_one, rebuild_tracking

        job = self.get(job_id)
        folder = self.folder / hashlib.sha256(data).hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / job.name
        if not path.exists():
            path.write_bytes(data)
        self._set(job_id, state="analysing", progress=0.2)
        with self.lock:
            outcome = ingest_one(self.store, data, job.name, path=str(path))
            if outcome.status == "failed":
                self._set(job_id, state="failed", progress=1.0, error=f"summitwatch: {outcome.reason}")
                return
            if outcome.status == "unchanged":
                self._set(job_id, state="unchanged", progress=1.0, document=outcome.document)
                return
            self._set(job_id, state="tracking", progress=0.7, document=outcome.document)
            try:
                note = rebuild_tracking(self.store)
            except Exception as e:  # noqa: BLE001 — as the CLI says it: the document is stored
                self._set(job_id, state="failed", progress=1.0,
                          error=f"summitwatch: tracking failed ({type(e).__name__}: {e}); the documents are "
                                "stored, the previous summits and commitments are kept")
                return
        self.on_change()
        self._set(job_id, state="done", progress=1.0, error=f"summitwatch: note: {note}" if note else None)

    def close(self) -> None:
        self._queue.put((None, None))
