"""Context -> the analysis export (``summitwatch.analysis/1``)."""
from __future__ import annotations

import hashlib
import re

from .extract.context import Context
from .model.facts import Entity
from .structure.patterns import TIMESTAMP_RE as _TIMESTAMP
from .model.export import (Analysis, CitationOut, DocumentInfo, FootnoteOut, FootnoteRefOut, HeadingOut,
                           RowOut, SummitOut, TableOut)


def _pages(ctx: Context) -> None:
    """Facts of a paged document (PDF) carry their page as well as their offset."""
    layout = ctx.doc.layout
    if not (layout and layout.pages):
        return
    for facts in ctx.facts.values():
        for fact in facts:
            off = getattr(fact, "raw_offset", None)
            if isinstance(off, int) and hasattr(fact, "model_extra"):
                fact.page = layout.page_at(off)


# a date (and what follows it: author, unit) closing a title line joined with the date line
_DATE_TAIL = re.compile(r"(?<=\S)\s+\d{4}\s*[.년-]\s*\d{1,2}\s*[.월-]\s*\d{1,2}\s*[.일]?(?:\s.*)?$")


def _title(ctx: Context) -> str | None:
    """The format's title, else the longest line of the title block: the short lines before
    the first sentence (series label, title, date, author each stand on their own)."""
    if ctx.doc.meta.title:
        return ctx.doc.meta.title
    st = ctx.structure
    block: list[str] = []
    for blk in st.blocks[:6]:
        line = st.body.text[blk.start:blk.end].strip()
        # (a table of one cell is a frame around a line: press releases set their title so)
        if blk.kind not in ("paragraph", "heading", "table") or not line or "\n" in line or len(line) > 100 \
                or line.endswith((".", "다", "?", "!")):
            break
        if not _TIMESTAMP.match(line):
            block.append(_DATE_TAIL.sub("", line))
    return max(block, key=len) if block else None


def _raw_end(ctx: Context, item) -> int | None:
    """Raw end of a span on the analysis text (its start/stop), through the text's map."""
    start, stop = getattr(item, "start", -1), getattr(item, "stop", -1)
    if start < 0 or stop < start:
        return None
    return ctx.text.raw_span(start, stop)[1]


def _hash(*parts) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def _identify(ctx: Context) -> None:
    """Every fact gets its raw end and a stable id made from the document, its kind, its raw
    span and its text: re-analysis finds the same ids, whatever the facts' order in a list.
    Two identical facts (same kind, span and text) are told apart by a suffix."""
    seen: dict[str, int] = {}

    def ident(kind: str, *key) -> str:
        base = _hash(ctx.doc.id, kind, *key)
        n = seen[base] = seen.get(base, 0) + 1
        return base if n == 1 else f"{base}-{n}"

    def point(kind: str, fact) -> None:
        for m in getattr(fact, "mentions", None) or []:
            m.raw_end = _raw_end(ctx, m)
        if isinstance(fact, Entity):          # entities, named events: one fact, many mentions
            fact.id = ident(kind, fact.name, fact.type, fact.kb_id)
            return
        fact.raw_end = _raw_end(ctx, fact)
        fact.id = ident(kind, fact.raw_offset, fact.raw_end, fact.text)
        for child in getattr(fact, "children", None) or []:
            point(kind, child)

    for kind, facts in ctx.facts.items():
        for fact in facts:
            point(kind, fact)


def _reference_warning(ctx: Context) -> list[str]:
    if ctx.reference_date is not None or "dates" not in ctx.facts:
        return []
    n = len(ctx.facts.get("dates_unresolved", []))
    return [f"no reference date: nothing in the document dates it; {n} relative date(s) left unresolved"]


def to_analysis(ctx: Context) -> Analysis:
    from .nlp import paragraph_languages

    st, doc = ctx.structure, ctx.doc
    f = ctx.facts
    _pages(ctx)
    language, paras = paragraph_languages(st.body.text)
    _identify(ctx)
    analysis = Analysis(
        document=DocumentInfo(id=doc.id, source=doc.source, reference_date=ctx.reference_date.isoformat()
                              if ctx.reference_date else None,
                              reference_date_source=ctx.reference_date_source, language=language or "ko",
                              paragraph_languages=[{"raw_offset": st.body.raw(s), "language": lang} for s, lang in paras],
                              format=doc.format, encoding=doc.encoding,
                              title=_title(ctx)),
        text=st.body.text,
        headings=[HeadingOut(level=h.level, text=h.text, raw_offset=h.raw_offset, page=h.page) for h in st.headings],
        tables=[TableOut(caption=t.caption, rows=[RowOut(header=r.header, cells=r.cells) for r in t.rows],
                         source=t.source, raw_offset=t.raw_offset, header_rows=t.header_rows,
                         parent=t.parent) for t in st.tables],
        footnote_refs=[FootnoteRefOut(n=r.n, raw_offset=r.raw_offset, dangling=r.dangling) for r in st.footnote_refs],
        footnotes=[FootnoteOut(n=fn.n, text=fn.text.text, raw_offset=fn.raw_offset) for fn in st.footnotes],
        citations=[CitationOut(footnote=c.footnote, publisher=c.publisher, title=c.title, date=c.date, url=c.url,
                               accessed=c.accessed, raw_offset=c.raw_offset) for c in st.citations],
        dates=f.get("dates", []),
        dates_unresolved=f.get("dates_unresolved", []),
        quantities=f.get("quantities", []),
        polls=f.get("polls", []),
        entities=f.get("entities", []),
        groups=f.get("groups", []),
        named_events=f.get("named_events", []),
        events=f.get("events", []),
        commitments=f.get("commitments", []),
        findings=f.get("findings", []),
        recommendations=f.get("recommendations", []),
        warnings=list(doc.warnings) + list(st.warnings) + _reference_warning(ctx),
        furniture=[{"kind": b.kind, "text": st.body.text[b.start:b.end], "raw_offset": st.body.raw(b.start)}
                   for b in st.furniture],
    )
    analysis.summits = _summits(analysis)
    return analysis


def _summits(analysis: Analysis) -> list[SummitOut]:
    """The summits the document reports, by tracking's own finder (one definition of a summit)."""
    from .track.model import TrackDoc
    from .track.summits import of_document

    info = analysis.document
    doc = TrackDoc(id=info.id, source=info.source, reference_date=info.reference_date,
                   reference_date_source=info.reference_date_source, analysis=analysis)
    out = []
    for s in of_document(doc):
        if not s.spans:
            continue
        first = min(s.spans, key=lambda sp: (sp.start, sp.end))
        out.append(SummitOut(id=s.id, date=s.date, end=s.end, place=s.place, forum=s.forum, parties=s.parties,
                             raw_offset=first.start, raw_end=first.end))
    return out
