"""Ingest and re-analysis of a corpus: which files, which are new, analysis on an engine, one
transaction per document, then tracking rebuilt over the whole corpus. The CLI and the web app's
upload both come through here."""
from __future__ import annotations

import glob
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy.exc import SQLAlchemyError

from ..ingest import read_bytes
from ..ingest.errors import InputError
from .prepare import Failed, Prepared


@dataclass
class Outcome:
    path: str
    status: str                     # new, reanalysed, unchanged, failed
    reason: str = ""                # one line: why it failed, or what it duplicates
    document: str | None = None


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    tracking: str | None = None     # a note when tracking could not be rebuilt

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def expand(paths: Iterable[str]) -> tuple[list[Path], list[Outcome]]:
    """Files named by the arguments: files, folders (recursively, hidden entries skipped) and globs;
    each once, in argument order, a folder's files and a glob's matches sorted. From a folder only
    files with a document suffix are taken (a README or a JSON beside the documents is not one)."""
    files: list[Path] = []
    missing: list[Outcome] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES \
                        and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    add(f)
        elif p.exists():
            add(p)
        elif glob.has_magic(arg):
            matches = sorted(Path(m) for m in glob.glob(arg, recursive=True))
            for m in matches:
                if m.is_file():
                    add(m)
            if not matches:
                missing.append(Outcome(arg, "failed", f"{arg}: no file matches"))
        else:
            missing.append(Outcome(arg, "failed", f"{arg}: no such file"))
    return files, missing


# what a folder contributes: the formats ingest reads (a file named on the command line is always tried)
DOCUMENT_SUFFIXES = {".txt", ".text", ".pdf", ".hwp", ".hwpx", ".docx", ".html", ".htm", ".xhtml"}

Progress = Callable[[Outcome], None]


def ingest(store, paths: Iterable[str], jobs: int = 1, engine: str = "pool", ray_address: str | None = None,
           options: dict | None = None, progress: Progress | None = None,
           on_total: Callable[[int], None] | None = None) -> Summary:
    """Add the files' documents that the store does not hold yet; a file whose bytes it holds is
    'unchanged' (its path is recorded). Each document is committed on its own."""
    summary = Summary()
    files, missing = expand(paths)
    summary.outcomes.extend(missing)
    if on_total:
        on_total(len(files))
    tasks, first_of, dups = [], {}, []
    for f in files:
        try:
            data = read_bytes(f)
        except InputError as e:
            _done(summary, progress, Outcome(str(f), "failed", str(e)))
            continue
        doc_id = hashlib.sha256(data).hexdigest()
        if doc_id in first_of:                      # the same bytes twice in one run: one document
            dups.append((str(f), doc_id))
            _done(summary, progress, Outcome(str(f), "unchanged", f"same content as {first_of[doc_id]}", doc_id))
            continue
        first_of[doc_id] = str(f)
        tasks.append((f, doc_id, data))
    known = store.runs_of([t[1] for t in tasks])
    todo = []
    for f, doc_id, data in tasks:
        if doc_id in known:
            store.add_source(doc_id, str(f))
            _done(summary, progress, Outcome(str(f), "unchanged", "", doc_id))
        else:
            todo.append((f, data))
    _analyse(store, todo, jobs, engine, ray_address, options or {}, summary, progress, "new")
    stored = {o.document for o in summary.outcomes if o.status in ("new", "unchanged")} | set(known)
    for path, doc_id in dups:
        if doc_id in stored:
            store.add_source(doc_id, path)
    return summary


def ingest_one(store, data: bytes, name: str, path: str | None = None, options: dict | None = None) -> Outcome:
    """One document from its bytes (an upload): new, unchanged or failed with a one-line reason,
    exactly as ``ingest`` would record it. Tracking is not rebuilt here (``rebuild_tracking``)."""
    from .prepare import prepare

    path = path or name
    doc_id = hashlib.sha256(data).hexdigest()
    if store.runs_of([doc_id]):
        store.add_source(doc_id, path)
        return Outcome(path, "unchanged", "", doc_id)
    result = prepare(data, name, options or {})
    if isinstance(result, Failed):
        return Outcome(path, "failed", result.reason)
    store.save(result, path)
    return Outcome(path, "new", "", result.id)


def reanalyze(store, all_: bool = False, jobs: int = 1, engine: str = "pool", ray_address: str | None = None,
              progress: Progress | None = None, on_total: Callable[[int], None] | None = None) -> Summary:
    """Analyse again the documents an older pipeline (or knowledge base) analysed, or all of them,
    from the bytes at a stored path (a moved or changed file is reported, the old run kept)."""
    summary = Summary()
    ids = store.stale(all_)
    if on_total:
        on_total(len(ids))
    todo = []
    for doc_id in ids:
        name, data, options = store.source_of(doc_id)
        if data is None:
            _done(summary, progress, Outcome(name, "failed", f"{name}: the file is gone or has changed; "
                                                             f"document {doc_id[:12]} keeps its earlier analysis"))
        else:
            todo.append((name, data, options))
    # options of the previous run are kept (a document analysed with --reference-date keeps it)
    groups: dict[tuple, list] = {}
    for name, data, options in todo:
        groups.setdefault(tuple(sorted(options.items())), []).append((name, data))
    for key, items in groups.items():
        _analyse(store, items, jobs, engine, ray_address, dict(key), summary, progress, "reanalysed")
    return summary


def _analyse(store, todo, jobs, engine, ray_address, options, summary, progress, status) -> None:
    from ..scale import run

    tasks = ((data, Path(f).name, options) for f, data in todo)
    for (f, _data), result in zip(todo, run(tasks, jobs=jobs, engine=engine, ray_address=ray_address)):
        if isinstance(result, Failed):
            _done(summary, progress, Outcome(str(f), "failed", result.reason))
            continue
        assert isinstance(result, Prepared)
        try:
            store.save(result, str(f) if status == "new" else None)
        except SQLAlchemyError as e:
            if status == "new" and store.runs_of([result.id]):    # another ingest stored it meanwhile
                _done(summary, progress, Outcome(str(f), "unchanged", "stored meanwhile by another ingest",
                                                 result.id))
                continue
            reason = " ".join(str(getattr(e, "orig", None) or e).split())[:300]
            _done(summary, progress, Outcome(str(f), "failed", f"{Path(f).name}: cannot be stored: {reason}"))
            continue
        _done(summary, progress, Outcome(str(f), status, "", result.id))


def _done(summary: Summary, progress: Progress | None, outcome: Outcome) -> None:
    summary.outcomes.append(outcome)
    if progress:
        progress(outcome)


def rebuild_tracking(store) -> str | None:
    """Recompute summits, commitments, evidence, status and poll series over the whole corpus and
    replace the derived tables; None when done, else a one-line note of why it was not."""
    try:
        from ..track import build
    except ImportError:
        build = None
    if not callable(build):
        return ("tracking is not part of this build yet: documents, facts and search are stored; "
                "summits, commitments and polls will appear once it is")
    tracking = build(store.track_docs(), store.reviews())
    store.replace_tracking(tracking)
    return None
