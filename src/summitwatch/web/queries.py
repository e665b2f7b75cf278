"""Reads the web pages need beyond ``Store``'s own: a summit's live dossier in a handful of queries
(not a rebuild of tracking: the page must answer in milliseconds on a large corpus), the links
from a document's facts to what tracking made of them, and entities. Read-only, over the store's
engine and schema."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
import threading
from urllib.parse import quote

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..store import schema as s
from ..store import views as sv
from ..track import model as tm
from ..track.polls import AROUND_DAYS
from . import views as wv

ENTITY_TYPES = ("PERSON", "COUNTRY")


def _span(d: dict | None) -> tm.Span | None:
    return tm.Span(**d) if d else None


def doc_rows(ses: Session, ids: list[str]) -> list[sv.DocumentRow]:
    """Document rows for ``ids`` (unknown ids are left out), by reference date."""
    out = []
    for i in range(0, len(ids), 500):
        rows = ses.execute(select(s.Document.id, s.Document.title, s.Document.format, s.Document.added_at,
                                  s.AnalysisRun.reference_date, s.AnalysisRun.reference_date_source,
                                  s.AnalysisRun.pipeline_version)
                           .outerjoin(s.AnalysisRun, s.AnalysisRun.id == s.Document.run_id)
                           .where(s.Document.id.in_(ids[i:i + 500]))).all()
        paths: dict[str, list[str]] = defaultdict(list)
        for did, path in ses.execute(select(s.DocumentSource.document_id, s.DocumentSource.path)
                                     .where(s.DocumentSource.document_id.in_(ids[i:i + 500]))
                                     .order_by(s.DocumentSource.path)):
            paths[did].append(path)
        out += [sv.DocumentRow(id=r.id, title=r.title, format=r.format, sources=paths.get(r.id, []),
                               reference_date=r.reference_date,
                               reference_date_source=r.reference_date_source or "none",
                               pipeline_version=r.pipeline_version, added_at=r.added_at) for r in rows]
    return sorted(out, key=lambda d: (d.reference_date or "", d.id))


def full_commitments(ses: Session, rows: list[sv.CommitmentRow]) -> list[tm.Commitment]:
    """Commitments with lineage, evidence and history: three queries for all of them."""
    ids = [r.id for r in rows]
    mentions, evidence, history = defaultdict(list), defaultdict(list), defaultdict(list)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for m in ses.scalars(select(s.LineageMention).where(s.LineageMention.commitment_id.in_(chunk))
                             .order_by(s.LineageMention.commitment_id, s.LineageMention.position)):
            mentions[m.commitment_id].append(tm.LineageMention(document=m.document_id, date=m.date,
                                                               span=tm.Span(**m.span), wording=m.wording,
                                                               changes=list(m.changes or [])))
        for e in ses.scalars(select(s.Evidence).where(s.Evidence.commitment_id.in_(chunk))
                             .order_by(s.Evidence.commitment_id, s.Evidence.position)):
            evidence[e.commitment_id].append(tm.EvidenceLink(id=e.id, document=e.document_id, date=e.date,
                                                             relation=e.relation, degree=e.degree, party=e.party,
                                                             text=e.text, span=tm.Span(**e.span)))
        for h in ses.scalars(select(s.StatusPoint).where(s.StatusPoint.commitment_id.in_(chunk))
                             .order_by(s.StatusPoint.commitment_id, s.StatusPoint.position)):
            history[h.commitment_id].append(tm.StatusPoint(date=h.date, score=h.score, verdict=h.verdict,
                                                           source=h.source, ref=h.ref))
    return [tm.Commitment(id=r.id, summit=r.summit, actors=r.actors, domain=r.domain, text=r.text, score=r.score,
                          verdict=r.verdict, mentions=mentions[r.id], evidence=evidence[r.id],
                          history=history[r.id]) for r in rows]


def _summit_detail(ses: Session, summit_id: str) -> tuple[tm.Summit, list[sv.CommitmentRow], list[tm.PartyScore]]:
    """``Store.summit`` without its listing's counts, which group the whole lineage and evidence
    tables (tens of milliseconds on a large corpus): the page loads those rows anyway."""
    from ..store import NotFound

    found = [summit_id] if ses.get(s.Summit, summit_id) is not None else ses.scalars(
        select(s.Summit.id).where(s.Summit.id.startswith(summit_id, autoescape=True)).limit(2)).all()
    if len(found) != 1:
        raise NotFound(f"no summit {summit_id}" if not found else f"summit id {summit_id} is ambiguous; give more of it")
    row = ses.get(s.Summit, found[0])
    docs = ses.scalars(select(s.SummitDocument.document_id).where(s.SummitDocument.summit_id == row.id)
                       .order_by(s.SummitDocument.position)).all()
    summit = tm.Summit(id=row.id, date=row.date, end=row.end, place=row.place, forum=row.forum,
                       parties=list(row.parties or []), label=row.label or "", documents=list(docs),
                       spans=[tm.Span(**x) for x in row.spans or []])
    rows = [sv.CommitmentRow(id=c.id, summit=c.summit_id, actors=list(c.actors or []), domain=c.domain, text=c.text,
                             score=c.score, verdict=c.verdict)
            for c in ses.scalars(select(s.Commitment).where(s.Commitment.summit_id == row.id)
                                 .order_by(s.Commitment.position))]
    scores = [tm.PartyScore(party=x.party, summit=x.summit_id, score=x.score, rated=x.rated, total=x.total)
              for x in ses.scalars(select(s.PartyScore).where(s.PartyScore.summit_id == row.id)
                                   .order_by(s.PartyScore.party))]
    return summit, rows, scores


def summit_page(store, summit_id: str) -> wv.SummitPage:
    from ..kb import load_kb

    kb = load_kb()
    with Session(store.engine) as ses:
        summit, rows, scores = _summit_detail(ses, summit_id)
        full = full_commitments(ses, rows)
        ids = [c.id for c in full]
        reviewed = dict(ses.execute(select(s.Review.commitment_id, func.count()).where(s.Review.commitment_id.in_(ids))
                                    .group_by(s.Review.commitment_id)).all()) if ids else {}
        polls = _polls_around(ses, summit, kb)
        recs = _recommendations(ses, summit.documents)
        cited = set(summit.documents)
        for c in full:
            cited.update(m.document for m in c.mentions)
            cited.update(e.document for e in c.evidence)
        for p in polls:
            for pt in p.points:
                cited.update(pt.documents)
        sources = doc_rows(ses, sorted(cited))
    parties = [wv.Party(iso=p, name=(kb.country(p).name if kb.country(p) else p)) for p in summit.parties]
    domains: dict[str, list[wv.CommitmentFull]] = {}
    for c in full:
        domains.setdefault(c.domain, []).append(wv.CommitmentFull(commitment=c, reviews=reviewed.get(c.id, 0)))
    by_id = {d.id: d for d in sources}
    timeline = [wv.TimelineEvent(date=summit.date, kind="summit", text=summit.label)]
    timeline += [wv.TimelineEvent(date=by_id[d].reference_date, kind="report", text=by_id[d].title or d[:12])
                 for d in summit.documents if d in by_id and by_id[d].reference_date]
    for c in full:
        timeline += [wv.TimelineEvent(date=e.date, kind=e.relation, text=e.text, span=e.span) for e in c.evidence]
        timeline += [wv.TimelineEvent(date=h.date, kind="review", text=c.text) for h in c.history
                     if h.source == "review"]
    for p in polls:
        for pt in p.points:
            res = ", ".join(f"{k} {v:g}" for k, v in pt.results.items())
            timeline.append(wv.TimelineEvent(date=pt.field_end or pt.field_start, kind="poll",
                                             text=f"{p.series}: {res}"))
    timeline.sort(key=lambda e: (e.date or "", e.kind, e.text))
    return wv.SummitPage(summit=summit, parties=parties, scores=scores, timeline=timeline, polls=polls,
                         recommendations=recs, sources=sources,
                         domains=[wv.DomainGroup(domain=k, commitments=v) for k, v in sorted(domains.items())])


def _polls_around(ses: Session, summit: tm.Summit, kb) -> list[wv.PollView]:
    """Poll points within the window around the summit, by series; another country's opinion
    (a pollster the knowledge base places elsewhere) is left out, as in the dossier."""
    try:
        centre = dt.date.fromisoformat(summit.date[:10])
    except ValueError:
        return []
    lo, hi = (centre - dt.timedelta(days=AROUND_DAYS)).isoformat(), (centre + dt.timedelta(days=AROUND_DAYS + 1)).isoformat()
    # field_end is indexed: a point without one is placed by its start
    in_window = or_(and_(s.PollPoint.field_end >= lo, s.PollPoint.field_end < hi),
                    and_(s.PollPoint.field_end.is_(None), s.PollPoint.field_start >= lo, s.PollPoint.field_start < hi))
    rows = ses.scalars(select(s.PollPoint).where(in_window)
                       .order_by(s.PollPoint.series_id, s.PollPoint.position)).all()
    if not rows:
        return []
    series = {x.id: x for x in ses.scalars(select(s.PollSeries).where(
        s.PollSeries.id.in_(list({r.series_id for r in rows}))))}
    out: dict[str, wv.PollView] = {}
    for r in rows:
        ps = series.get(r.series_id)
        if ps is None:
            continue
        home = {e.country for name in ps.pollster.split("+") for e in kb.lookup(name) if e.country}
        if home and not home & set(summit.parties):
            continue
        view = out.setdefault(ps.id, wv.PollView(series=f"{ps.pollster} — {ps.question}", pollster=ps.pollster,
                                                 question=ps.question))
        view.points.append(tm.PollPoint(id=r.id, pollster=r.pollster, field_start=r.field_start,
                                        field_end=r.field_end, question=r.question, results=r.results or {},
                                        sample_size=r.sample_size, documents=list(r.documents or []),
                                        spans=[tm.Span(**x) for x in r.spans or []]))
    views = sorted(out.values(), key=lambda v: v.series)
    for v in views:
        lines: dict[str, list[tuple[str, float]]] = {}
        for p in v.points:
            for k, val in p.results.items():
                lines.setdefault(k, []).append(((p.field_end or p.field_start or "")[:10], val))
        v.chart_svg = chart_svg(tuple((k, tuple(pts)) for k, pts in sorted(lines.items()) if all(d for d, _ in pts)),
                                summit.date)
    return views


def _recommendations(ses: Session, documents: list[str]) -> list[wv.Recommendation]:
    out = []
    if not documents:
        return out
    q = (select(s.Fact.document_id, s.Fact.raw_start, s.Fact.raw_end, s.Fact.text, s.Fact.value)
         .where(s.Fact.kind == "recommendations", s.Fact.document_id.in_(documents[:500]),
                s.Fact.raw_start.is_not(None)).order_by(s.Fact.document_id, s.Fact.raw_start))
    for did, a, z, text, value in ses.execute(q):
        n = (value or {}).get("n")
        end = z if z is not None else a + len(text)
        out.append(wv.Recommendation(n="" if n is None else str(n), text=text,
                                     span=tm.Span(document=did, start=a, end=end, quote=text)))
    return out


# --- the poll chart: matplotlib's SVG, its style attributes made presentation attributes ------

_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')
_STYLE_EL = re.compile(r"<style[^>]*>.*?</style>", re.S)
_DEFS_EMPTY = re.compile(r"<defs>\s*</defs>")


def _presentation(m: re.Match) -> str:
    """style="fill: #fff; stroke-width: 0.8" -> fill="#fff" stroke-width="0.8": the page's CSP
    forbids inline styles, but SVG presentation attributes are not styles."""
    out = []
    for decl in m.group(1).split(";"):
        name, _, value = decl.partition(":")
        name, value = name.strip(), value.strip().replace('"', "'")
        if re.fullmatch(r"[a-z-]+", name) and value:
            out.append(f' {name}="{value}"')
    return "".join(out)


_CHARTS: dict = {}
_CHART_LOCK = threading.Lock()          # matplotlib's rc_context is global state: one chart at a time


def chart_svg(lines: tuple, summit_date: str) -> str:
    """The chart, drawn once per series and date (a few hundred ms of matplotlib) and kept."""
    if not lines:
        return ""
    key = (lines, summit_date)
    with _CHART_LOCK:
        if key not in _CHARTS:
            from ..report.chart import poll_chart

            svg = poll_chart({k: list(v) for k, v in lines}, summit_date)
            svg = _DEFS_EMPTY.sub("", _STYLE_EL.sub("", svg))
            if len(_CHARTS) >= 4096:
                _CHARTS.clear()
            _CHARTS[key] = _STYLE_ATTR.sub(_presentation, svg)
        return _CHARTS[key]


# --- a document's facts, linked to what tracking made of them ---------------------------------

def entity_key(value: dict) -> str:
    return value.get("iso") if value.get("type") == "COUNTRY" and value.get("iso") else value.get("name", "")


def entity_href(key: str) -> str:
    return "/entities/" + quote(key, safe="")


def document_page(store, doc_id: str, target: tuple[int, int] | None = None) -> wv.DocumentPage:
    d = store.document(doc_id)
    did, n = d.document.id, len(d.text)
    with Session(store.engine) as ses:
        pledges = {(m["start"], m["end"]): cid for cid, m in ses.execute(
            select(s.LineageMention.commitment_id, s.LineageMention.span).where(s.LineageMention.document_id == did))}
        events = {(e["start"], e["end"]): cid for cid, e in ses.execute(
            select(s.Evidence.commitment_id, s.Evidence.span).where(s.Evidence.document_id == did))}
        summit_spans = [(sid, sp) for sid, spans in ses.execute(
            select(s.Summit.id, s.Summit.spans).where(s.Summit.id.in_(d.summits or [""])))
            for sp in spans or [] if sp.get("document") == did]
    one_summit = f"/summits/{d.summits[0]}" if len(d.summits) == 1 else None
    marks: list[wv.Highlight] = []

    def add(a, z, kind, fact=None, label="", href=None, page=None):
        if isinstance(a, int) and isinstance(z, int) and 0 <= a < z <= n:
            marks.append(wv.Highlight(start=a, end=z, kind=kind, fact=fact, label=label, href=href, page=page))

    for f in d.facts:
        if f.kind == "entities":
            key = entity_key(f.value)
            href = entity_href(key) if f.value.get("type") in ENTITY_TYPES else None
            for m in f.value.get("mentions") or []:
                a = m.get("raw_offset")
                z = m.get("raw_end") if m.get("raw_end") is not None else (a + len(m.get("text", "")) if a is not None else None)
                add(a, z, "entities", f.id, f.text, href, f.page)
            continue
        href = None
        if f.kind == "commitments":
            cid = pledges.get((f.start, f.end))
            href = f"/commitments/{cid}" if cid else one_summit
        elif f.kind == "events":
            cid = events.get((f.start, f.end))
            href = f"/commitments/{cid}" if cid else None
        elif f.kind in ("recommendations", "findings"):
            href = one_summit
        elif f.kind == "polls":
            href = "/polls"
        add(f.start, f.end, f.kind, f.id, f.text, href, f.page)
    for sid, sp in summit_spans:
        add(sp.get("start"), sp.get("end"), "summit", None, "", f"/summits/{sid}", sp.get("page"))
    if target and not (0 <= target[0] < target[1] <= n):
        target = None
    marks.sort(key=lambda h: (h.start, -h.end, h.kind))
    return wv.DocumentPage(document=d.document, text=d.text, facts=d.facts, highlights=marks, summits=d.summits,
                           target=target, segments=segments(d.text, marks, target))


def segments(text: str, marks: list[wv.Highlight], target: tuple[int, int] | None) -> list[wv.Segment]:
    """The text cut at every highlight's (and the target's) edges: each piece knows every
    highlight over it, so overlapping facts render as flat, never crossing, elements."""
    cuts = {0, len(text)}
    for h in marks:
        cuts.update((h.start, h.end))
    if target:
        cuts.update(target)
    edges = sorted(cuts)
    starts = sorted(marks, key=lambda h: h.start)
    out, active, i = [], [], 0
    for a, z in zip(edges, edges[1:]):
        while i < len(starts) and starts[i].start <= a:
            active.append(starts[i])
            i += 1
        active = [h for h in active if h.end > a]
        over = sorted((h for h in active if h.start <= a and h.end >= z), key=lambda h: -(h.end - h.start))
        out.append(wv.Segment(start=a, end=z, text=text[a:z], marks=over,
                              target=bool(target and target[0] <= a and z <= target[1])))
    return out


# --- entities -------------------------------------------------------------------------------

def entities(store, limit: int = 500) -> list[wv.EntityRow]:
    """People and countries named in the corpus, with the number of documents naming them."""
    typ = s.Fact.value["type"].as_string()
    iso = s.Fact.value["iso"].as_string()
    with Session(store.engine) as ses:
        rows = ses.execute(select(s.Fact.text, typ, iso, func.count(func.distinct(s.Fact.document_id)))
                           .where(s.Fact.kind == "entities", typ.in_(ENTITY_TYPES))
                           .group_by(s.Fact.text, typ, iso)).all()
    merged: dict[str, wv.EntityRow] = {}
    for name, t, code, n in rows:
        key = code if t == "COUNTRY" and code else name
        row = merged.setdefault(key, wv.EntityRow(key=key, name=name, type=t, documents=0))
        row.documents += n
    return sorted(merged.values(), key=lambda r: (-r.documents, r.key))[:limit]


def entity_page(store, key: str, limit: int = 200) -> wv.EntityPage:
    from ..kb import load_kb
    from ..store import NotFound

    kb = load_kb()
    country = kb.country(key) if len(key) == 2 and key.isalpha() else None
    typ, iso = s.Fact.value["type"].as_string(), s.Fact.value["iso"].as_string()
    with Session(store.engine) as ses:
        where = (iso == key.upper()) if country else (s.Fact.text == key)
        docs = ses.scalars(select(s.Fact.document_id).where(s.Fact.kind == "entities", typ.in_(ENTITY_TYPES), where)
                           .group_by(s.Fact.document_id).order_by(s.Fact.document_id).limit(limit)).all()
        name = country.name if country else key
        if not docs and not country:
            raise NotFound(f"no person or country {key}")
        if country:
            summits = store.summits(party=key.upper(), limit=limit)
            commitments = store.commitments(party=key.upper(), limit=limit)
        else:
            sids = ses.scalars(select(s.SummitDocument.summit_id).where(s.SummitDocument.document_id.in_(docs))
                               .distinct()).all()
            summits = [x for x in store.summits() if x.id in set(sids)][:limit] if sids else []
            cids = set(ses.scalars(select(s.CommitmentActor.commitment_id).where(s.CommitmentActor.actor == key)))
            cids |= set(ses.scalars(select(s.LineageMention.commitment_id)
                                    .where(s.LineageMention.document_id.in_(docs))))
            commitments = [c for c in store.commitments() if c.id in cids][:limit] if cids else []
    row = wv.EntityRow(key=key.upper() if country else key, name=name, type="COUNTRY" if country else "PERSON",
                       documents=len(docs))
    return wv.EntityPage(entity=row, summits=summits, commitments=commitments, documents=list(docs))

