"""Follow-ups across documents, status history and scores.

Evidence of a commitment is (1) what the extractor already linked in the document that made it,
and (2) any later event, in any document, dated after the summit and not after its document was
written, that names one of the summit's parties, shares the commitment's subject (two morpheme
keys or more) and reports an act: a definitive reversal (무산, 철회 → contradicts, broken), a delay
or a failure to act (연기, 불참, "하지 않았다" → contradicts, stalled), a fulfilment (이행, 서명,
출범했다) or the pledged act itself in the past tense (인하했다 for a pledged 인하 → supports),
partly or in progress (일부, 착수 → supports, partial). A wording that pledges or plans is no act.
Events are looked up per party among the summits before them (sorted by date), and commitments
through an inverted index of their keys: the cost follows the events, not events × commitments.
When the same parties pledged the same thing at several summits, an act bears on the latest one.

Status history: one point at the summit (not yet rated), then one per evidence date, the latest
evidence deciding (a support after a definitive reversal is a compromise). Reviews are points
of their own (source "review") at their time; the latest point is the current status."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict

from .docview import DocView, is_iso, span_of
from .ids import content_id
from .keys import keys, without
from .lexicon import cue, verdict_scores
from .model import Commitment, EvidenceLink, PartyScore, Review, StatusPoint, Summit

MIN_SHARED = 2
NEAR_BEST = 0.8
HORIZON_DAYS = 3 * 365          # a follow-up this long after a summit still bears on it
# On one date, the worst news decides.
_SEVERITY = {"broken": 5, "stalled": 4, "compromise": 3, "in_the_works": 2, "kept": 1}


def _after(value: str | None, summit_date: str) -> bool:
    return bool(value) and value > summit_date[:len(value)]


def classify(text: str, pledged: frozenset[str], done_keys: frozenset[str]) -> tuple[str, str, str] | None:
    """(relation, degree, verdict) of a reported act against a pledge, or None when it reports none."""
    if cue("definitive").search(text):
        return "contradicts", "full", "broken"
    if cue("delay").search(text):
        return "contradicts", "full", "stalled"
    if cue("pledge").search(text):
        return None
    partial = bool(cue("partial").search(text))
    if cue("progress").search(text):
        return "supports", "partial", "in_the_works"
    if cue("fulfilment").search(text) or (cue("done").search(text) and pledged & done_keys):
        return ("supports", "partial", "compromise") if partial else ("supports", "full", "kept")
    return None


def verdict_of(relation: str, degree: str, text: str) -> str:
    """The verdict one piece of evidence the extractor linked points to."""
    if relation == "contradicts":
        return "broken" if cue("definitive").search(text) else "stalled"
    if cue("progress").search(text):
        return "in_the_works"
    return "compromise" if degree == "partial" else "kept"


class Linker:
    """Commitments by party and summit date, keys inverted, for events to be matched against."""

    def __init__(self, summits: list[Summit], commitments: list[Commitment], ckeys: dict[str, tuple]):
        self.summits = {s.id: s for s in summits}
        self.by_party: dict[str, list[tuple[str, str]]] = defaultdict(list)   # party -> [(date, summit id)]
        for s in summits:
            for p in s.parties:
                self.by_party[p].append((s.date, s.id))
        for v in self.by_party.values():
            v.sort()
        self.index: dict[tuple[str, str], set[str]] = defaultdict(set)        # (summit, key) -> commitments
        self.ckeys = ckeys
        self.commitments = {c.id: c for c in commitments}
        for c in commitments:
            if c.summit:
                for k in ckeys[c.id][0]:
                    self.index[(c.summit, k)].add(c.id)

    def summits_before(self, parties: list[str], date: str) -> list[str]:
        """Summits before ``date`` (within the horizon) of the parties an event names: of all of
        them when it names several that met (one party's list is scanned: the rarest), else of any."""
        try:
            lo = (dt.date.fromisoformat((date + "-01-01")[:10]) - dt.timedelta(days=HORIZON_DAYS)).isoformat()
        except (ValueError, OverflowError):      # not a date, or one in the first years of the calendar
            return []

        def window(p):
            v = self.by_party.get(p, [])
            return v[bisect.bisect_left(v, (lo, "")):bisect.bisect_left(v, (date, ""))]

        lists = sorted((window(p) for p in parties), key=len)
        lists = [w for w in lists if w]
        if not lists:
            return []
        wanted = set(parties)
        joint = [sid for d, sid in lists[0] if _after(date, d) and len(wanted & set(self.summits[sid].parties)) >= 2]
        if len(wanted) >= 2 and joint:
            return sorted(set(joint))
        return sorted({sid for w in lists for d, sid in w if _after(date, d)})

    def link(self, view: DocView, pledge_spans: list[tuple[int, int]]) -> list[tuple[str, EvidenceLink, str]]:
        """(commitment id, evidence, verdict) for every event of the document bearing on one."""
        out = []
        ref = view.date
        for ev in view.a.events:
            if not isinstance(ev.raw_offset, int) or ev.status != "occurred" or not ev.date:
                continue
            if ref and ev.date[:len(ref)] > ref:
                continue
            if any(a <= ev.raw_offset < b for a, b in pledge_spans):
                continue                      # the pledge itself, not an act
            text = ev.text or ""
            if cue("summit").search(text) and not (cue("definitive").search(text) or cue("delay").search(text)):
                continue                      # a report of a summit tells what was pledged there
            parties = [a for a in ev.actors if is_iso(a)]
            parties += view.countries_within(ev.raw_offset, ev.raw_offset + len(text))
            parties = sorted(set(parties))
            doer = _subject(view, ev)
            sids = self.summits_before(parties, ev.date)
            if not sids:
                continue
            k = without(keys(text), view.names)
            scored = []
            for sid in sids:
                cands = set()
                for key in k.nouns:
                    cands |= self.index.get((sid, key), set())
                for cid in sorted(cands):
                    nouns, actions = self.ckeys[cid]
                    shared = len(k.nouns & nouns)
                    if shared >= MIN_SHARED:
                        scored.append((shared, cid))
            if not scored:
                continue
            best = max(s for s, _ in scored)
            scored = [(s, cid) for s, cid in scored if s >= NEAR_BEST * best]
            # the same pair pledging the same thing at yearly summits: an act bears on the latest pledge
            latest = max(self.summits[self.commitments[cid].summit].date for _, cid in scored)
            for s, cid in scored:
                c = self.commitments[cid]
                if self.summits[c.summit].date != latest:
                    continue
                if c.actors and not set(parties) & set(c.actors):
                    continue                  # another country's act: not this pledge's party
                if doer and doer not in c.actors and doer not in self.summits[c.summit].parties:
                    continue                  # "일본은 … 한국산 자동차 관세를 인하했다": a third country acted
                nouns, actions = self.ckeys[cid]
                rel = classify(text, actions, k.nouns | k.actions)
                if rel is None:
                    continue
                relation, degree, verdict = rel
                acting = [p for p in parties if p in c.actors]
                party = doer if doer in c.actors else (acting[0] if len(acting) == 1 else None)
                span = span_of(view.id, ev)
                eid = content_id("e", cid, view.id, span.start, relation)
                out.append((cid, EvidenceLink(id=eid, document=view.id, date=ev.date, relation=relation, degree=degree,
                                              party=party, text=text, span=span), verdict))
        return out


_SUBJECT = re.compile(r"\s?(?:정부|당국|측)?\s?(?:은|는|이|가)\s")


def _subject(view: DocView, ev) -> str | None:
    """The country an event's sentence opens with as its subject ("캐나다 정부는 …", "미국은 …")."""
    text = ev.text or ""
    for at, kind, value, surface in view.within(ev.raw_offset, ev.raw_offset + min(len(text), 40)):
        if kind == "COUNTRY" and is_iso(value):
            rel = at - ev.raw_offset
            return value if _SUBJECT.match(text, rel + len(surface)) and not text[:rel].strip(" (") else None
    return None


def history(c: Commitment, summit: Summit | None, verdicts: dict[str, str], reviews: list[Review]) -> None:
    """Fill the commitment's status history and current status (in place)."""
    scores = verdict_scores()
    points: list[StatusPoint] = [StatusPoint(date=summit.date if summit else None, score=None,
                                             verdict="not_yet_rated", source="evidence", ref=None)]
    ev = sorted(c.evidence, key=lambda e: (e.date or "", e.document, e.span.start, e.id))
    broken_before = False
    i = 0
    while i < len(ev):
        date = ev[i].date
        same = []
        while i < len(ev) and ev[i].date == date:
            same.append(ev[i])
            i += 1
        worst = max(same, key=lambda e: (_SEVERITY[verdicts[e.id]], e.id))
        verdict = verdicts[worst.id]
        if broken_before and worst.relation == "supports":
            verdict = "compromise"
        broken_before = broken_before or verdict == "broken"
        points.append(StatusPoint(date=date, score=scores[verdict], verdict=verdict, source="evidence", ref=worst.id))
    for r in sorted(reviews, key=lambda r: (r.at, r.id)):
        points.append(StatusPoint(date=r.at, score=scores[r.verdict], verdict=r.verdict, source="review", ref=r.id))
    points.sort(key=lambda p: (p.date or "", p.source == "review", p.ref or ""))
    c.history = points
    c.score, c.verdict = points[-1].score, points[-1].verdict


def party_scores(summits: list[Summit], commitments: list[Commitment]) -> list[PartyScore]:
    """Mean score of rated commitments per party at each summit, and per party over all summits."""
    acc: dict[tuple, list] = defaultdict(lambda: [0, []])
    for c in commitments:
        for p in c.actors:
            for key in ((p, c.summit), (p, None)):
                acc[key][0] += 1
                if c.score is not None:
                    acc[key][1].append(c.score)
    out = []
    for (p, sid), (total, rated) in acc.items():
        out.append(PartyScore(party=p, summit=sid, score=round(sum(rated) / len(rated), 4) if rated else None,
                              rated=len(rated), total=total))
    out.sort(key=lambda s: (s.summit or "", s.party))
    return out
