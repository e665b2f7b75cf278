"""Poll series: one point per poll however many outlets report it.

A poll is the same when its pollster, field dates, normalised question and figures are the same;
each outlet that reports it adds a document and a span to the one point. A poll without field
dates cannot be told apart from another with the same figures, so it stays its document's own.
Series are per pollster and normalised question (``data/poll_questions.tsv``), by field date."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from .docview import DocView, span_of
from .ids import content_id
from .lexicon import poll_questions
from .model import PollPoint, PollSeries

_SPACE = re.compile(r"\s+")
AROUND_DAYS = 60


def question(topic: str) -> str:
    for label, pattern in poll_questions():
        if pattern.search(topic or ""):
            return label
    return _SPACE.sub(" ", topic or "").strip() or "?"


def series(views: list[DocView]) -> list[PollSeries]:
    points: dict[str, PollPoint] = {}
    sizes: dict[str, Counter] = defaultdict(Counter)
    for v in views:
        for p in v.a.polls:
            if not p.pollsters:
                continue
            pollster = "+".join(sorted(set(p.pollsters)))
            span = span_of(v.id, p)
            for q in p.questions:
                qn = question(q.topic)
                results = {k: float(x) for k, x in sorted(q.results.items())}
                figures = ",".join(f"{k}={x:g}" for k, x in results.items())
                dated = p.field_start or p.field_end
                pid = content_id("p", pollster, p.field_start, p.field_end, qn, figures, None if dated else v.id)
                pt = points.get(pid)
                if pt is None:
                    pt = points[pid] = PollPoint(id=pid, pollster=pollster, field_start=p.field_start,
                                                 field_end=p.field_end, question=qn, results=results)
                if v.id not in pt.documents:
                    pt.documents.append(v.id)
                if span is not None and span not in pt.spans:
                    pt.spans.append(span)
                if p.sample_size:
                    sizes[pid][p.sample_size] += 1
    _fold_partial_reports(points, sizes)
    by_series: dict[tuple, list[PollPoint]] = defaultdict(list)
    for pid, pt in points.items():
        pt.documents.sort()
        pt.spans.sort(key=lambda s: (s.document, s.start))
        if sizes[pid]:
            top = max(sizes[pid].values())
            pt.sample_size = min(n for n, c in sizes[pid].items() if c == top)
        by_series[(pt.pollster, pt.question)].append(pt)
    out = []
    for (pollster, qn), pts in by_series.items():
        pts.sort(key=lambda p: (p.field_start or p.field_end or "", p.field_end or "", p.id))
        out.append(PollSeries(id=content_id("ps", pollster, qn), pollster=pollster, question=qn, points=pts))
    out.sort(key=lambda s: (s.pollster, s.question, s.id))
    return out


def _fold_partial_reports(points: dict[str, PollPoint], sizes: dict) -> None:
    """An outlet that gives only some of a poll's figures ("긍정률 57%" without the negative share)
    reports the same poll as one giving all of them: same pollster, field dates and question, and
    every figure it gives equal. It joins the fullest such point (in place)."""
    groups: dict[tuple, list[PollPoint]] = defaultdict(list)
    for pt in points.values():
        if pt.field_start or pt.field_end:
            groups[(pt.pollster, pt.field_start, pt.field_end, pt.question)].append(pt)
    for pts in groups.values():
        if len(pts) < 2:
            continue
        pts.sort(key=lambda p: (-len(p.results), p.id))
        for small in pts[1:]:
            full = next((big for big in pts if big is not small and len(big.results) > len(small.results)
                         and all(big.results.get(k) == v for k, v in small.results.items())), None)
            if full is None:
                continue
            full.documents.extend(d for d in small.documents if d not in full.documents)
            full.spans.extend(sp for sp in small.spans if sp not in full.spans)
            sizes[full.id].update(sizes.pop(small.id, {}))
            del points[small.id]


def around(s: PollSeries, date: str, days: int = AROUND_DAYS) -> list[PollPoint]:
    """The series' points whose field period ends within ``days`` of ``date`` (either side)."""
    try:
        centre = dt.date.fromisoformat(date[:10])
    except ValueError:
        return []
    out = []
    for p in s.points:
        when = p.field_end or p.field_start
        try:
            d = dt.date.fromisoformat((when or "")[:10])
        except ValueError:
            continue
        if abs((d - centre).days) <= days:
            out.append(p)
    return out
