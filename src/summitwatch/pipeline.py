"""One document flows one way: ingest -> structure -> extract -> export.

The orchestrator lists the stages in order; every extractor module declares
``NAME``, ``REQUIRES`` (names of extractors it reads from ``ctx.facts``) and
``extract(ctx) -> list``.
"""
from __future__ import annotations

import datetime as dt
import gc
import importlib
from dataclasses import dataclass

from .extract.context import Context
from .model.document import Document
from .model.mapped import Builder
from .structure import recover

# Extractors in the order they run (dates first: it settles the reference date).
# Each name is the key of its facts in ``ctx.facts``; the module lives in extract/<subject>/.
EXTRACTORS = (
    "dates",
    "quantities",
    "entities",
    "groups",
    "named_events",
    "polls",
    "events",
    "commitments",
    "findings",
    "recommendations",
)
MODULES = {
    "dates": "time.dates",
    "quantities": "numbers.quantities",
    "entities": "actors.entities",
    "groups": "actors.groups",
    "named_events": "actors.named_events",
    "polls": "polls.polls",
    "events": "claims.events",
    "commitments": "claims.commitments",
    "findings": "claims.findings",
    "recommendations": "claims.recommendations",
}


@dataclass
class Options:
    reference_date: dt.date | None = None
    structure_only: bool = False


def _extractor(name: str):
    return importlib.import_module(f"{__package__}.extract.{MODULES[name]}")


def check_order(names=EXTRACTORS) -> None:
    """Fail early if an extractor runs before one it requires."""
    seen: set[str] = set()
    for name in names:
        missing = [r for r in getattr(_extractor(name), "REQUIRES", ()) if r not in seen]
        if missing:
            raise RuntimeError(f"extractor {name} requires {missing}, which run later or not at all")
        seen.add(name)


def analysis_text(structure):
    """The body, then each footnote as its own paragraph: the text facts are found on (a note
    the body holds already, after its table, is not repeated)."""
    b = Builder()
    b.append(structure.body)
    body_end = b.length
    for fn in structure.footnotes:
        if fn.in_body:
            continue
        b.insert("\n\n", fn.raw_offset)
        b.append(fn.text)
    return b.build(), body_end


def build_context(doc: Document, options: Options | None = None) -> Context:
    options = options or Options()
    structure = recover(doc)
    text, body_end = analysis_text(structure)
    return Context(doc=doc, structure=structure, text=text, body_end=body_end,
                   reference_date=options.reference_date,
                   reference_date_given=options.reference_date is not None)


def run(doc: Document, options: Options | None = None) -> Context:
    options = options or Options()
    ctx = build_context(doc, options)
    if options.structure_only:
        return ctx
    # The extractors allocate many small objects while hundreds of thousands of tokens are
    # alive; frozen, those tokens are left out of every collection pass until the end. What
    # exists before (the KB, the structure) is frozen first: the sentence pass allocates
    # enough to set off full collections, which would otherwise walk all of it.
    gc.freeze()
    try:
        ctx.sentences
        gc.freeze()
        for name in EXTRACTORS:
            ctx.facts[name] = list(_extractor(name).extract(ctx))
    finally:
        gc.unfreeze()
    return ctx


def analyze_text(text: str, reference_date: dt.date | None = None, source: str = "<text>",
                 structure_only: bool = False) -> Context:
    """Analyse a string as if it were a UTF-8 text file (handy in tests and notebooks)."""
    from .ingest import load_bytes

    doc = load_bytes(text.encode("utf-8"), source=source)
    return run(doc, Options(reference_date=reference_date, structure_only=structure_only))
