"""Context -> the analysis export (``summitwatch.analysis/1``)."""
from __future__ import annotations

from .extract.context import Context
from .model.export import (Analysis, CitationOut, DocumentInfo, FootnoteOut, FootnoteRefOut, HeadingOut,
                           RowOut, TableOut)


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


def to_analysis(ctx: Context) -> Analysis:
    st, doc = ctx.structure, ctx.doc
    f = ctx.facts
    _pages(ctx)
    return Analysis(
        document=DocumentInfo(id=doc.id, source=doc.source, reference_date=ctx.reference_date.isoformat()
                              if ctx.reference_date else None, format=doc.format, encoding=doc.encoding,
                              title=doc.meta.title),
        text=st.body.text,
        headings=[HeadingOut(level=h.level, text=h.text, raw_offset=h.raw_offset, page=h.page) for h in st.headings],
        tables=[TableOut(caption=t.caption, rows=[RowOut(header=r.header, cells=r.cells) for r in t.rows],
                         source=t.source, raw_offset=t.raw_offset) for t in st.tables],
        footnote_refs=[FootnoteRefOut(n=r.n, raw_offset=r.raw_offset, dangling=r.dangling) for r in st.footnote_refs],
        footnotes=[FootnoteOut(n=fn.n, text=fn.text.text, raw_offset=fn.raw_offset) for fn in st.footnotes],
        citations=[CitationOut(footnote=c.footnote, publisher=c.publisher, title=c.title, date=c.date, url=c.url,
                               accessed=c.accessed, raw_offset=c.raw_offset) for c in st.citations],
        dates=f.get("dates", []),
        quantities=f.get("quantities", []),
        polls=f.get("polls", []),
        entities=f.get("entities", []),
        groups=f.get("groups", []),
        events=f.get("events", []),
        commitments=f.get("commitments", []),
        findings=f.get("findings", []),
        recommendations=f.get("recommendations", []),
        warnings=list(doc.warnings) + list(st.warnings),
    )
