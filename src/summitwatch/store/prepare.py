"""One document, analysed and turned into the rows the store writes: this runs in the workers
(a process pool or Ray tasks); the parent only writes, so every engine gives the same database."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import summitwatch

from .morphemes import units_of

def _fact_kinds() -> tuple[str, ...]:
    """The export's lists of facts (or entities), in its order, read from the model: a kind added
    to the export is stored without a change here."""
    import typing

    from ..model.export import Analysis
    from ..model.facts import Entity, Fact

    kinds = []
    for name, field in Analysis.model_fields.items():
        args = typing.get_args(field.annotation)
        if args and isinstance(args[0], type) and issubclass(args[0], (Fact, Entity)):
            kinds.append(name)
    return tuple(kinds)


FACT_KINDS = _fact_kinds()


@dataclass
class Prepared:
    id: str
    source: str
    format: str
    encoding: str | None
    title: str | None
    language: str
    raw_text: str
    reference_date: str | None
    reference_date_source: str
    pipeline_version: str
    kb_version: str
    options: dict
    analysis: str                                   # the export, JSON
    facts: list[dict] = field(default_factory=list)
    units: list[dict] = field(default_factory=list)
    keys: dict | None = None                        # track.keys.digest(analysis): tracking's tokens


@dataclass
class Failed:
    source: str
    reason: str                                     # one line


def pipeline_version() -> str:
    return summitwatch.__version__


@lru_cache(maxsize=1)
def kb_version() -> str:
    """A hash of the knowledge-base files: a changed word list is a new KB version."""
    data = Path(summitwatch.__file__).resolve().parent / "kb" / "data"
    h = hashlib.sha256()
    for p in sorted(data.iterdir()):
        if p.is_file():
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:12]


def version_key(v: str) -> tuple:
    """'0.10.1' > '0.9.3': compare numbers as numbers."""
    return tuple(int(x) if x.isdigit() else x for x in v.replace("-", ".").split("."))


def _fact_rows(analysis) -> list[dict]:
    from ..model.facts import Entity

    rows: list[dict] = []

    def add(kind: str, fact) -> None:
        value = fact.model_dump(mode="json")
        if isinstance(fact, Entity):
            first = fact.mentions[0] if fact.mentions else None
            start, end, text = (first.raw_offset, first.raw_end, fact.name) if first else (None, None, fact.name)
        else:
            start, end, text = fact.raw_offset, fact.raw_end, fact.text
        rows.append(dict(id=fact.id, kind=kind, raw_start=start, raw_end=end, page=value.get("page"),
                         text=text, value=value))
        for child in getattr(fact, "children", None) or []:
            add(kind, child)

    for kind in FACT_KINDS:
        for fact in getattr(analysis, kind):
            add(kind, fact)
    return rows


def prepare(data: bytes, source: str, options: dict | None = None) -> Prepared | Failed:
    """Analyse one file's bytes; a file that cannot be analysed gives a one-line reason."""
    from ..export import to_analysis
    from ..ingest import load_bytes
    from ..ingest.errors import InputError
    from ..pipeline import Options, run
    from ..track.keys import digest

    options = dict(options or {})
    ref = options.get("reference_date")
    try:
        doc = load_bytes(data, source=source)
        ctx = run(doc, Options(reference_date=dt.date.fromisoformat(ref) if ref else None))
        analysis = to_analysis(ctx)
        units = units_of(ctx)
        # tokenising for tracking is done here, in the worker, once: a rebuild reads it back
        keys = digest(analysis)
    except InputError as e:
        return Failed(source, _line(f"{source}: {e}"))
    except Exception as e:  # one bad file must not stop the others
        return Failed(source, _line(f"{source}: internal error while analysing: {type(e).__name__}: {e}"))
    info = analysis.document
    return Prepared(id=doc.id, source=source, format=info.format, encoding=info.encoding, title=info.title,
                    language=info.language, raw_text=doc.raw, reference_date=info.reference_date,
                    reference_date_source=info.reference_date_source, pipeline_version=pipeline_version(),
                    kb_version=kb_version(), options=options, analysis=analysis.to_json(indent=None),
                    facts=_fact_rows(analysis), units=units, keys=keys)


def warm() -> None:
    """Load Kiwi, the knowledge base and the extractors' patterns once in a worker, before its
    first document (a few seconds that would otherwise land on that document)."""
    prepare("양국 정상은 2025년 8월 25일 회담을 열고 협력을 확대하기로 합의했다.\n".encode("utf-8"), "<warm-up>")


def _line(s: str) -> str:
    return " ".join(s.split())
