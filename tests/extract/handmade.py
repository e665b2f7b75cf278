"""Contexts built by hand for extractor tests: the text as written (no structure recovery) and
the facts of earlier extractors given explicitly, so a test sees only the extractor under test."""
from __future__ import annotations

import datetime as dt

from summitwatch.extract.context import Context
from summitwatch.ingest import load_bytes
from summitwatch.model.facts import DateFact, Entity, Mention
from summitwatch.model.structure import Structure


def handmade_context(text: str, reference: dt.date, dates=(), entities=(), polls=()) -> Context:
    """``dates``: (surface, value, end) in order of appearance; ``entities``: (name, type, iso,
    [surfaces])."""
    doc = load_bytes(text.encode("utf-8"), source="<test>")
    ctx = Context(doc=doc, structure=Structure(body=doc.text), text=doc.text, body_end=len(doc.text.text),
                  reference_date=reference)
    t = ctx.text.text
    facts, pos = [], 0
    for surface, value, end in dates:
        i = t.index(surface, pos)
        facts.append(ctx.place(DateFact(value=value, end=end), i, i + len(surface)))
        pos = i + len(surface)
    ents = []
    for name, typ, iso, surfaces in entities:
        mentions = []
        for s in surfaces:
            i = t.index(s)
            mentions.append(Mention(text=s, raw_offset=i, start=i, stop=i + len(s)))
        ents.append(Entity(name=name, type=typ, iso=iso, mentions=mentions))
    ctx.facts.update({"dates": facts, "quantities": [], "entities": ents, "polls": list(polls)})
    return ctx
