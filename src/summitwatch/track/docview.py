"""One analysed document seen by position: spans from facts, and the entities, groups and dates
that lie inside a raw range. Facts carry their raw start (``raw_offset``) and their surface text;
their raw end is ``raw_end`` when the export gives it, else the start plus the text's length."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property, lru_cache

from ..kb import load_kb
from .model import Span, TrackDoc


def is_iso(value) -> bool:
    return isinstance(value, str) and len(value) == 2 and value.isalpha() and value.isupper()


def span_of(doc_id: str, fact, text: str | None = None) -> Span | None:
    """The raw span of a fact (or of a mention: anything with ``raw_offset`` and ``text``)."""
    start = getattr(fact, "raw_offset", None)
    if not isinstance(start, int):
        return None
    quote = text if text is not None else (getattr(fact, "text", "") or "")
    end = getattr(fact, "raw_end", None) if text is None else None
    if not isinstance(end, int) or end < start:
        end = start + len(quote)
    return Span(document=doc_id, start=start, end=end, quote=quote, page=getattr(fact, "page", None))


class DocView:
    """Position look-ups over one document's facts (raw offsets)."""

    def __init__(self, doc: TrackDoc):
        self.doc = doc
        self.a = doc.analysis
        marks = []          # (raw offset, kind, value, surface)
        for e in self.a.entities:
            value = e.iso if e.type == "COUNTRY" else e.name
            kind = e.type
            if e.type == "ORG" and e.kb_id:
                entry = load_kb().get(e.kb_id)
                if entry is not None and entry.members:
                    kind, value = "FORUM", forum_label(entry)
            # a leader stands for the country they lead ("트럼프 대통령과 이재명 대통령은 … 정상회담")
            leads = e.country if e.type == "PERSON" and e.subtype == "leader" and is_iso(e.country or "") else None
            for m in e.mentions:
                if isinstance(m.raw_offset, int):
                    marks.append((m.raw_offset, kind, value, m.text))
                    if leads:
                        marks.append((m.raw_offset, "LEADER", leads, m.text))
        for g in self.a.groups:
            if isinstance(g.raw_offset, int):
                marks.append((g.raw_offset, "GROUP", tuple(g.members), g.text))
        marks.sort(key=lambda m: (m[0], m[1], str(m[2])))
        self.marks = marks
        self._at = [m[0] for m in marks]
        self.dates = sorted((d for d in self.a.dates if isinstance(d.raw_offset, int)), key=lambda d: d.raw_offset)
        self._date_at = [d.raw_offset for d in self.dates]

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def date(self) -> str | None:
        return self.doc.reference_date or self.a.document.reference_date

    def within(self, lo: int, hi: int, kind: str | None = None) -> list[tuple]:
        i, j = bisect.bisect_left(self._at, lo), bisect.bisect_left(self._at, hi)
        return [m for m in self.marks[i:j] if kind is None or m[1] == kind]

    def dates_within(self, lo: int, hi: int) -> list:
        i, j = bisect.bisect_left(self._date_at, lo), bisect.bisect_left(self._date_at, hi)
        return self.dates[i:j]

    def countries_within(self, lo: int, hi: int) -> list[str]:
        out = [m[2] for m in self.within(lo, hi, "COUNTRY") if is_iso(m[2])]
        return list(dict.fromkeys(out))

    @cached_property
    def country_counts(self) -> Counter:
        return Counter(m[2] for m in self.marks if m[1] == "COUNTRY" and is_iso(m[2]))

    @cached_property
    def names(self) -> frozenset[str]:
        """Surface forms of countries, places, people and forums: who and where, not what."""
        out = set()
        for e in self.a.entities:
            if e.type in ("COUNTRY", "LOCATION", "PERSON") or (e.type == "ORG" and e.kb_id
                                                               and e.kb_id.startswith("igo:")):
                out.add(e.name)
                out.update(e.aliases)
                out.update(m.text for m in e.mentions)
        for g in self.a.groups:
            out.add(g.text)
        for iso in self.country_counts:
            out |= _country_names(iso)
        return frozenset(n for n in out if n)


def forum_label(entry) -> str:
    """A forum by the short name analysts write in any language (EAS for 동아시아정상회의, ASEAN
    for 아세안), else its knowledge-base name."""
    for name in (entry.name, *entry.aliases):
        if re.fullmatch(r"[A-Z][A-Z0-9+]{1,7}", name):
            return name
    return entry.name


@lru_cache(maxsize=None)
def _country_names(iso: str) -> frozenset[str]:
    entry = load_kb().country(iso)
    return frozenset([entry.name, *entry.aliases]) if entry is not None else frozenset()
