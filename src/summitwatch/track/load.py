"""Documents analysed in memory as tracking sees them (the CLI's ``--from``, tests, benchmarks);
a corpus in a database is read by the store instead."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model.document import Document
from .model import TrackDoc


def from_document(doc: Document, source: str, reference_date: dt.date | None = None) -> TrackDoc:
    from ..export import to_analysis
    from ..pipeline import Options, run

    ctx = run(doc, Options(reference_date=reference_date))
    analysis = to_analysis(ctx)
    info = analysis.document
    return TrackDoc(id=info.id, source=source, reference_date=info.reference_date,
                    reference_date_source=info.reference_date_source, analysis=analysis)


def from_bytes(data: bytes, source: str, reference_date: dt.date | None = None) -> TrackDoc:
    from ..ingest import load_bytes

    return from_document(load_bytes(data, source=source), source, reference_date)


def from_path(path: Path, reference_date: dt.date | None = None) -> TrackDoc:
    """One file; raises ``InputError`` with a one-line reason naming the file."""
    from ..ingest import load

    return from_document(load(path), str(path), reference_date)
