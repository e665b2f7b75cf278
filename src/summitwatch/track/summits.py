"""Summits as objects across documents.

A document names a summit where an event of a day carries a summit word (정상회담, summit …)
with the date next to it or a verb that says it took place ("… 오타와에서 정상회담을 가졌다",
"정상회담(3.9)"). Its parties are the pair written before the word ("한-캐나다", "한국과 캐나다"),
else the event's actors; a forum (G7, NATO, APEC: organisations with members in the knowledge
base) before the word without a pair makes a multilateral summit of the forum's members and the
countries named; a pair with a forum in the sentence is a bilateral on the forum's sidelines.

Mentions are grouped by parties (or forum) and date: dates within a day of the first are one
summit (a meeting on the 9th in Ottawa is on the 10th in Seoul), and so is any day of a meeting
reported with its span ("6월 15~17일"). The summit's date is the most
reported one, a date marked as the home clock (한국시간) counting half, one marked local
(현지시간) one and a half. Sorting by parties and date makes this near-linear in the mentions.
A document that speaks of a summit without dating it (its commitments' parties, "지난달
정상회담") refers to the latest summit of those parties before it was written (within 60 days).
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..kb import load_kb
from .docview import DocView, is_iso, span_of
from .ids import content_id
from .lexicon import cue
from .model import Span, Summit

SAME_SUMMIT_DAYS = 1
UNDATED_REACH_DAYS = 60
_WORD_BEFORE = 30            # a date this close before the summit word dates it
_WORD_AFTER = 12
_PAIR_BEFORE = 14            # a pair or a forum this close before the word is its subject


@dataclass
class Mention:
    doc: str
    key: tuple                       # ("pair", parties) or ("forum", name)
    parties: tuple[str, ...]
    forum: str | None
    date: str
    end: str | None
    place: str | None
    weight: float
    span: Span | None
    at: int


@dataclass
class Reference:
    """A document speaking of a summit without a day: resolved to a dated one."""
    doc: str
    parties: tuple[str, ...]
    before: str | None                # the document's date
    month: str | None = None          # "지난달 정상회담": the month it names
    spans: list[Span] = field(default_factory=list)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def mentions(view: DocView) -> tuple[list[Mention], list[Reference]]:
    """The summits one document names, dated and undated."""
    out: list[Mention] = []
    refs: list[Reference] = []
    word, held = cue("summit"), cue("held")
    for ev in view.a.events:
        if not isinstance(ev.raw_offset, int) or ev.status == "candidate":
            continue
        base, text = ev.raw_offset, ev.text or ""
        words = list(word.finditer(text))
        if not words:      # two leaders who "met" or "held talks": their summit, without the word
            words = [t for t in cue("talks").finditer(text) if _leaders_before(view, base, base + t.start()) >= 2][:1]
        if len(words) > 1:
            # "G7 정상회의를 계기로 정상회담을 가졌다": the meeting that took place is the event's
            words = [m for m in words if held.match(text, m.end())] or words[-1:]
        for m in words:
            w0, w1 = base + m.start(), base + m.end()
            parties, forum, own = _parties(view, ev, base, w0)
            if len(parties) < 2:
                continue
            day = _day(ev.date)
            if day is None:
                if len(ev.date or "") == 7:
                    refs.append(Reference(view.id, parties, view.date, ev.date, [span_of(view.id, ev)]))
                continue
            # a day written next to the word dates the summit: an event of another day of the same
            # sentence ("4월 24일부터 30일까지 방문했으며, 4월 26일 … 정상회담을 가졌다") is not it
            beside = [d for d in view.dates_within(w0 - _WORD_BEFORE, w1 + _WORD_AFTER) if len(d.value) == 10
                      and not _counted_from(text, base, d, w0, w1)]
            near = [d for d in beside if d.value == ev.date]
            dated_in_span = [d for d in view.dates_within(base, base + len(text)) if len(d.value) == 10]
            if beside and not near:
                continue
            if not near and not (held.match(text, m.end()) and dated_in_span and dated_in_span[0].value == ev.date):
                continue
            weight = 1.0
            for d in near or dated_in_span[:1]:
                after = text[d.raw_offset - base + len(d.text or ""):][:14]
                if cue("home_time").search(after):
                    weight = 0.5
                elif cue("local_time").search(after) or cue("local_time").search(text[:m.start()]):
                    weight = 1.5
            place = next((mk[2] for mk in view.within(base, base + len(text), "LOCATION")), None)
            key = ("forum", forum) if own else ("pair", parties)
            out.append(Mention(view.id, key, parties, forum, ev.date, ev.end if _day(ev.end) else None, place,
                               weight, span_of(view.id, ev), w0))
    seen = set()
    unique = []
    for mt in out:               # one event may carry the word twice ("정상회담 … 정상회담")
        k = (mt.key, mt.date, mt.at)
        if k not in seen:
            seen.add(k)
            unique.append(mt)
    return unique, refs


def _leaders_before(view: DocView, lo: int, hi: int) -> int:
    """How many countries' leaders are named between ``lo`` and ``hi``."""
    return len({mk[2] for mk in view.within(lo, hi, "LEADER")})


def _counted_from(text: str, base: int, d, w0: int, w1: int) -> bool:
    """A date counted from the summit ("회담 닷새 뒤(4.12)", "정상회의 하루 전인 6월 1일")."""
    lo, hi = (w1, d.raw_offset) if d.raw_offset >= w1 else (d.raw_offset + len(d.text or ""), w0)
    between = text[max(0, lo - base):max(0, hi - base)]
    return bool(cue("relative").search(between) or cue("relative").search(d.text or ""))


def _parties(view: DocView, ev, base: int, w0: int) -> tuple[tuple[str, ...], str | None, bool]:
    """Who met at the summit word at raw ``w0``, the forum it belongs to, and whether it is the
    forum's own summit (not a meeting on its sidelines)."""
    before = view.within(base, w0)
    forum = next((mk[2] for mk in reversed(view.within(base, base + len(ev.text or ""))) if mk[1] == "FORUM"), None)
    last = before[-1] if before else None
    # the forum's own meeting word between it and this one ("G7 정상회의를 계기로 정상회담"): not its
    own = last is not None and not cue("summit").search((ev.text or "")[last[0] + len(last[3]) - base:w0 - base])
    if last is not None and last[1] == "FORUM" and w0 - last[0] <= _PAIR_BEFORE and own:
        # "G7 정상회의", "나토 정상회의": the forum's members and the countries the event names
        entry = next((e for name in (last[3], last[2]) for e in load_kb().lookup(name) if e.members), None)
        named = [a for a in ev.actors if is_iso(a)] + view.countries_within(base, w0)
        return tuple(sorted(set(named) | set(entry.members if entry else ()))), last[2], True
    groups = [mk[2] for mk in before if mk[1] == "GROUP" and len(mk[2]) >= 2 and all(is_iso(x) for x in mk[2])]
    if groups:                            # "한미 정상은 …", "한-캐나다 정상회담", "한미일 정상회의"
        return tuple(sorted(groups[-1])), forum, False
    named = list(dict.fromkeys(mk[2] for mk in before if mk[1] == "COUNTRY" and is_iso(mk[2])))
    if len(named) < 2:                    # "트럼프 대통령과 이재명 대통령은 …": the leaders' countries
        named = list(dict.fromkeys(mk[2] for mk in before if mk[1] in ("COUNTRY", "LEADER") and is_iso(mk[2])))
    if len(named) >= 2:                   # "A 대통령과 B 총리는 … 정상회담을 가졌다"
        return tuple(sorted(named[-2:])), forum, False
    named = list(dict.fromkeys(named + [a for a in ev.actors if is_iso(a)]))
    if len(named) == 1:                  # "시진핑 주석과 정상회담": the other is the document's own side
        other = [c for c, _ in sorted(view.country_counts.items(), key=lambda kv: (-kv[1], kv[0])) if c != named[0]]
        named += other[:1]
    return (tuple(sorted(named[:2])) if len(named) >= 2 else ()), forum, False


def commitment_reference(view: DocView) -> Reference | None:
    """The parties of a document's commitments: the summit they were made at (a report that
    does not date the summit it reports)."""
    parties = sorted({a for c in view.a.commitments for a in c.actors if is_iso(a)})
    if len(parties) == 1:                # one side named as acting: the other is the one the document names most
        others = [c for c, _ in sorted(view.country_counts.items(), key=lambda kv: (-kv[1], kv[0])) if c != parties[0]]
        parties = sorted(parties + others[:1])
    if len(parties) < 2:
        return None
    return Reference(view.id, tuple(parties), view.date, None, [])      # no span: none names the summit


def cluster(all_mentions: list[Mention]) -> tuple[list[Summit], dict[tuple, str]]:
    """Summits from every document's mentions; also (doc, at) -> summit id for each mention."""
    by_key: dict[tuple, list[Mention]] = defaultdict(list)
    for m in all_mentions:
        by_key[m.key].append(m)
    summits: list[Summit] = []
    where: dict[tuple, str] = {}
    for key in sorted(by_key, key=repr):
        ms = sorted(by_key[key], key=lambda m: (m.date, m.doc, m.at))
        groups: list[list[Mention]] = []
        reach = None               # the last day the current group's meeting may still be on
        for m in ms:
            if groups and _day(m.date) <= reach:
                groups[-1].append(m)
            else:
                groups.append([m])
                reach = _day(m.date) + dt.timedelta(days=SAME_SUMMIT_DAYS)
            if _day(m.end):        # a meeting of several days ("6월 15~17일"): any of its days
                reach = max(reach, _day(m.end) + dt.timedelta(days=SAME_SUMMIT_DAYS))
        for g in groups:
            s = _summit(key, g)
            summits.append(s)
            for m in g:
                where[(m.doc, m.at)] = s.id
    summits.sort(key=lambda s: (s.date, s.id))
    return summits, where


def _summit(key, g: list[Mention]) -> Summit:
    votes: Counter = Counter()
    for m in g:
        votes[m.date] += m.weight
    best = max(votes.values())
    date = min(d for d, n in votes.items() if n == best)
    ends = [m.end for m in g if m.end]
    forums = Counter(m.forum for m in g if m.forum)
    forum = key[1] if key[0] == "forum" else (min(f for f, n in forums.items() if n == max(forums.values()))
                                             if forums else None)
    places = Counter(m.place for m in g if m.place)
    place = min(p for p, n in places.items() if n == max(places.values())) if places else None
    parties = sorted({p for m in g for p in m.parties}) if key[0] == "forum" else list(key[1])
    sid = content_id("s", ",".join(parties), date, forum)
    who = forum if key[0] == "forum" else "-".join(parties) + (f" ({forum})" if forum else "")
    label = ", ".join(x for x in (f"{who} summit", date, place) if x)
    spans = sorted((m.span for m in g if m.span), key=lambda s: (s.document, s.start))
    return Summit(id=sid, date=date, end=max(ends) if ends else None, place=place, forum=forum, parties=parties,
                  label=label, documents=sorted({m.doc for m in g}), spans=spans)


def resolve(ref: Reference, by_parties: dict[tuple, list[Summit]]) -> Summit | None:
    """The latest summit of the reference's parties before the document (within the reach) or in
    the month it names; ``by_parties`` lists are in date order, so only the window is looked at."""
    limit = _day(ref.before)
    if ref.month:
        lo, hi = ref.month + "-01", ref.month + "-99"
    elif limit is not None:
        lo = (limit - dt.timedelta(days=UNDATED_REACH_DAYS)).isoformat()
        hi = (limit + dt.timedelta(days=SAME_SUMMIT_DAYS)).isoformat()
    else:
        return None                       # neither the document nor the mention says when
    cands = by_parties.get(ref.parties)
    lists = [cands] if cands else [ss for ps, ss in by_parties.items() if set(ref.parties) <= set(ps)]
    best = None
    for ss in lists:
        window = ss[bisect.bisect_left(ss, lo, key=lambda s: s.date):bisect.bisect_right(ss, hi, key=lambda s: s.date)]
        for s in window:
            if best is None or (s.date, s.id) > (best.date, best.id):
                best = s
    return best


def of_document(doc) -> list[Summit]:
    """The summits one document reports on its own (a ``TrackDoc``): the same finder and ids as a
    corpus build, so a document that dates a summit as the corpus does names it by the same id."""
    summits, _ = cluster(mentions(DocView(doc))[0])
    return summits
