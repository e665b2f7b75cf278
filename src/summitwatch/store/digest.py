"""A fingerprint of a corpus database's content: every table's rows without surrogate keys
(autoincrement ids) and clock times, sorted. Two ingests of the same files, by any engine, in one
go or after a kill and a rerun, must give the same fingerprint."""
from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import schema as s

# columns that differ between equal corpora: autoincrement keys (and references to them), clocks
VOLATILE = {"id", "run_id", "added_at", "created_at", "at", "seq"}
SURROGATE_KEYED = {"analysis_runs", "search_units", "party_scores"}


def rows(store) -> dict[str, list]:
    out = {}
    with Session(store.engine) as ses:
        for table in s.Base.metadata.sorted_tables:
            cols = [c for c in table.columns
                    if not (c.name in VOLATILE and (table.name in SURROGATE_KEYED or c.name != "id"))]
            data = [[_plain(v) for v in r] for r in ses.execute(select(*cols))]
            out[table.name] = sorted(data, key=lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True))
    return out


def _plain(v):
    return round(v, 9) if isinstance(v, float) else v


def digest(store) -> dict[str, str]:
    """Table name -> sha256 of its sorted content rows."""
    return {name: hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
            for name, data in rows(store).items()}
