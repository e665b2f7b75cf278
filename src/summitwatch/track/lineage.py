"""Commitments across documents: one commitment, many mentions (its lineage).

Each document's commitments (the extractor already merged a document's own restatements) are
units. Units of one summit that share their morpheme keys are one commitment, matched document by
document (in date order) to the commitments found so far, best pairs first and at most one unit of
a document per commitment: the extractor keeps two things of one document apart, so do we.
Only commitments sharing a key are scored (an inverted index), so the cost follows the matches,
not the square of the corpus. Wording is compared with the earliest mention: a pledge that became
an intent to consider ("하기로 했다" -> "검토하기로 했다", "will" -> "will seek to") is softened,
the reverse hardened, and a different amount or share of the same unit is a changed number."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .docview import DocView, is_iso, span_of
from .ids import content_id
from .keys import keys, overlap, without
from .lexicon import cue
from .model import Commitment, LineageMention, Span

MIN_SHARED = 2
MIN_OVERLAP = 0.5
_SPACE = re.compile(r"\s+")


@dataclass
class Unit:
    doc: str
    date: str | None
    at: int
    summit: str | None
    fact: object                      # the document's Commitment fact
    nouns: frozenset[str]
    actions: frozenset[str]
    mentions: list[tuple[Span, str]]  # (span, wording) in text order
    quantities: dict[tuple, set]     # (span start) -> {(kind, unit): {values}}
    view: DocView = field(repr=False, default=None)


def units(view: DocView, summit_of) -> list[Unit]:
    """``summit_of(at, actors)`` -> the summit id a commitment at raw ``at`` belongs to."""
    out = []
    for c in view.a.commitments:
        if not isinstance(c.raw_offset, int):
            continue
        ms = [(span_of(view.id, m), m.text) for m in c.mentions if isinstance(m.raw_offset, int)]
        ms = [(s, w) for s, w in ms if s is not None] or [(span_of(view.id, c), c.text)]
        ms.sort(key=lambda x: x[0].start)
        nouns, actions = set(), set()
        for _, w in ms:
            k = without(keys(w), view.names)
            nouns |= k.nouns
            actions |= k.actions
        actors = [a for a in c.actors if is_iso(a)]
        out.append(Unit(view.id, view.date, c.raw_offset, summit_of(c.raw_offset, actors), c, frozenset(nouns),
                        frozenset(actions), ms, {s.start: _numbers(view, s) for s, _ in ms}, view))
    return out


def _numbers(view: DocView, span: Span) -> dict[tuple, set]:
    out: dict[tuple, set] = defaultdict(set)
    for q in view.a.quantities:
        if isinstance(q.raw_offset, int) and span.start <= q.raw_offset < span.end and q.kind in ("money", "percent",
                                                                                                  "count"):
            out[(q.kind, q.unit)].add(round(q.value, 6))
    return out


def _score(u: Unit, nouns: frozenset[str]) -> float:
    shared = len(u.nouns & nouns)
    small = min(len(u.nouns), len(nouns))
    if shared >= MIN_SHARED or (shared and shared == small):
        ov = overlap(u.nouns, nouns)
        return ov + shared / 100 if ov >= MIN_OVERLAP else 0.0
    return 0.0


def group(all_units: list[Unit]) -> list[list[Unit]]:
    """Units -> commitments (lists of units, earliest first)."""
    buckets: dict[tuple, list[Unit]] = defaultdict(list)
    for u in all_units:
        bucket = ("summit", u.summit) if u.summit else ("doc", u.doc)
        buckets[bucket].append(u)
    out: list[list[Unit]] = []
    for b in sorted(buckets, key=repr):
        out.extend(_group_bucket(buckets[b]))
    return out


def _group_bucket(us: list[Unit]) -> list[list[Unit]]:
    by_doc: dict[str, list[Unit]] = defaultdict(list)
    for u in us:
        by_doc[u.doc].append(u)
    order = sorted(by_doc, key=lambda d: (by_doc[d][0].date or "9999", d))
    clusters: list[list[Unit]] = []
    ckeys: list[set] = []
    holders: dict[str, set[int]] = defaultdict(set)
    for d in order:
        mine = sorted(by_doc[d], key=lambda u: u.at)
        pairs = []
        for i, u in enumerate(mine):
            cands = set().union(*(holders[k] for k in u.nouns if k in holders)) if u.nouns else set()
            for n in cands:
                s = _score(u, frozenset(ckeys[n]))
                if s > 0:
                    pairs.append((-s, i, n))
        pairs.sort()
        taken_u, taken_c = set(), set()
        assign: dict[int, int] = {}
        for _, i, n in pairs:
            if i not in taken_u and n not in taken_c:
                taken_u.add(i)
                taken_c.add(n)
                assign[i] = n
        for i, u in enumerate(mine):
            n = assign.get(i)
            if n is None:
                clusters.append([u])
                ckeys.append(set(u.nouns))
                n = len(clusters) - 1
            else:
                clusters[n].append(u)
                ckeys[n] |= u.nouns
            for k in u.nouns:
                holders[k].add(n)
    return clusters


def strength(wording: str) -> int:
    """2 a firm pledge, 1 an intent to consider or try, 0 neither said."""
    if cue("soft").search(wording):
        return 1
    return 2 if cue("firm").search(wording) else 0


def changes(first: tuple[str, dict], later: tuple[str, dict]) -> list[str]:
    """How a later wording differs from the first: softened, hardened, number_changed."""
    out = []
    a, b = strength(first[0]), strength(later[0])
    if a and b and b < a:
        out.append("softened")
    elif a and b and b > a:
        out.append("hardened")
    for unit, values in later[1].items():
        before = first[1].get(unit)
        if before and not values <= before:
            out.append("number_changed")
            break
    return out


def commitment(us: list[Unit]) -> Commitment:
    """One commitment from its units (earliest document first)."""
    mentions = [(u, s, w) for u in us for s, w in u.mentions]
    mentions.sort(key=lambda x: (x[0].date or "9999", x[1].document, x[1].start))
    u0, s0, w0 = mentions[0]
    first = (w0, u0.quantities.get(s0.start, {}))
    summit = u0.summit
    cid = content_id("c", summit or u0.doc, _SPACE.sub(" ", w0).strip())
    lineage = []
    for u, s, w in mentions:
        ch = [] if (u is u0 and s.start == s0.start) else changes(first, (w, u.quantities.get(s.start, {})))
        lineage.append(LineageMention(document=u.doc, date=u.date, span=s, wording=w, changes=ch))
    actors = []
    for u in us:
        actors.extend(a for a in u.fact.actors if is_iso(a))
    domains = Counter(u.fact.domain for u in us)
    top = max(domains.values())
    domain = next(u.fact.domain for u in us if domains[u.fact.domain] == top)
    return Commitment(id=cid, summit=summit, actors=sorted(set(actors)), domain=domain, text=w0, mentions=lineage)
