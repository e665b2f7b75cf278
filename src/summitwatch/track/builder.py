"""``build(docs, reviews) -> Tracking``: the corpus as summits, commitments with lineage and
evidence, status history, party scores and poll series. Pure and deterministic: documents are
taken in the order of their ids (duplicates once), and every id comes from content."""
from __future__ import annotations

import gc
from collections import defaultdict

from .docview import DocView, span_of
from .evidence import Linker, history, party_scores, verdict_of
from .ids import content_id
from .keys import seed
from .lexicon import cue
from .lineage import commitment, group, units
from .model import EvidenceLink, Review, Tracking, TrackDoc
from .polls import series
from .summits import commitment_reference, cluster, mentions, resolve


def build(docs: list[TrackDoc], reviews: list[Review] = ()) -> Tracking:
    # The corpus's analyses and what tracking builds from them are many long-lived objects; the
    # cyclic collector's passes over them grew with the corpus (measured: ms/doc rising from 750 to
    # 3,000 documents, flat without them). Tracking's garbage is acyclic (freed by reference
    # counts), so the collector rests while it runs.
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        return _build(docs, reviews)
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()


def _build(docs: list[TrackDoc], reviews) -> Tracking:
    unique = {d.id: d for d in docs}
    for d in unique.values():
        seed(d.keys)
    views = [DocView(unique[k]) for k in sorted(unique)]
    # 1. summits
    per_doc, refs = {}, []
    every = []
    for v in views:
        ms, rs = mentions(v)
        per_doc[v.id] = ms
        every.extend(ms)
        refs.extend(rs)
    summits, where = cluster(every)
    by_id = {s.id: s for s in summits}
    by_parties: dict[tuple, list] = defaultdict(list)
    for s in summits:
        by_parties[tuple(s.parties)].append(s)
    resolved: dict[str, str] = {}          # doc -> summit its undated commitments belong to
    for v in views:
        if v.a.commitments:
            ref = commitment_reference(v)
            if ref is not None:
                refs.append(ref)
                if not per_doc[v.id]:
                    s = resolve(ref, by_parties)
                    if s is not None:
                        resolved[v.id] = s.id
    for ref in refs:
        s = resolve(ref, by_parties)
        if s is not None:
            _attach(s, ref.doc, ref.spans)
    # 2. commitments and their lineage
    all_units = []
    for v in views:
        all_units.extend(units(v, _summit_of(per_doc[v.id], where, resolved.get(v.id))))
    commitments, ckeys, verdicts = [], {}, {}
    groups = group(all_units)
    for us in groups:
        c = commitment(us)
        ckeys[c.id] = (frozenset().union(*(u.nouns for u in us)), frozenset().union(*(u.actions for u in us)))
        for u in us:                      # evidence the extractor linked in the document itself
            for e in u.fact.evidence:
                span = span_of(u.doc, e)
                if span is None:
                    continue
                eid = content_id("e", c.id, u.doc, span.start, e.relation)
                # the degree of this act, not of the document's verdict on the whole commitment
                degree = "partial" if cue("partial").search(e.text) or cue("progress").search(e.text) else "full"
                link = EvidenceLink(id=eid, document=u.doc, date=e.date or u.date, relation=e.relation,
                                    degree=degree, text=e.text, span=span)
                _add(c, link, verdicts, verdict_of(e.relation, degree, e.text))
        commitments.append(c)
    commitments.sort(key=lambda c: (c.summit or "", c.mentions[0].date or "", c.mentions[0].span.document,
                                    c.mentions[0].span.start, c.id))
    # 3. follow-ups from every document
    linker = Linker(summits, commitments, ckeys)
    by_cid = {c.id: c for c in commitments}
    pledges: dict[str, list] = defaultdict(list)           # the pledges' own spans are no acts
    for u in all_units:
        pledges[u.doc].extend((s.start, s.end) for s, _ in u.mentions)
    for v in views:
        for cid, link, verdict in linker.link(v, pledges.get(v.id, [])):
            _add(by_cid[cid], link, verdicts, verdict)
    rv = defaultdict(list)
    for r in reviews:
        rv[r.commitment].append(r)
    for c in commitments:
        c.evidence.sort(key=lambda e: (e.date or "", e.document, e.span.start, e.id))
        history(c, by_id.get(c.summit), verdicts, rv.get(c.id, []))
    return Tracking(summits=summits, commitments=commitments, poll_series=series(views),
                    scores=party_scores(summits, commitments))


def _add(c, link: EvidenceLink, verdicts: dict, verdict: str) -> None:
    """One link per event: the same act found by the extractor and across documents counts once."""
    for e in c.evidence:
        if e.document == link.document and e.relation == link.relation and (
                e.date == link.date or e.span.start <= link.span.start < e.span.end
                or link.span.start <= e.span.start < link.span.end):
            return
    c.evidence.append(link)
    verdicts[link.id] = verdict


def _attach(s, doc: str, spans) -> None:
    if doc not in s.documents:
        s.documents.append(doc)
        s.documents.sort()
    for sp in spans:
        if sp is not None and sp not in s.spans:
            s.spans.append(sp)
    s.spans.sort(key=lambda x: (x.document, x.start))


def _summit_of(ms, where, fallback):
    """A commitment's summit: the document's summit mention last before it whose parties include
    its actors, else the first after it, else the summit its undated document refers to."""
    ms = sorted(ms, key=lambda m: m.at)

    def of(at: int, actors: list[str]) -> str | None:
        fits = [m for m in ms if not actors or set(actors) & set(m.parties)]
        if not fits:
            return fallback
        before = [m for m in fits if m.at <= at]
        pick = before[-1] if before else fits[0]
        return where.get((pick.doc, pick.at), fallback)
    return of
