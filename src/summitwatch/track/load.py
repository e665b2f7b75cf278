"""Documents analysed in memory as tracking sees them (the CLI's ``--from``, tests, benchmarks);
a corpus in a database is read by the store instead."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model import TrackDoc


def from_bytes(data: bytes, source: str, reference_date: dt.date | None = None) -> TrackDoc:
    from ..export import to_analysis
    from ..ingest import load_bytes
    from ..pipeline import Options, run

    ctx = run(load_bytes(data, source=source), Options(reference_date=reference_date))
    analysis = to_analysis(ctx)
    ref = ctx.reference_date.isoformat() if ctx.reference_date else None
    how = "given" if ctx.reference_date_given else ("inferred" if ref else "none")
    return TrackDoc(id=analysis.document.id, source=source, reference_date=ref, reference_date_source=how,
                    analysis=analysis)


def from_path(path: Path, reference_date: dt.date | None = None) -> TrackDoc:
    return from_bytes(Path(path).read_bytes(), str(path), reference_date)
