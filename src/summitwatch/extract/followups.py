"""Follow-ups: what a party did after the summit, set against what it committed to.

A follow-up is a sentence dated after the summit (and not after the document was written)
whose wording reports a reversal (불참, 허용하지 않음, 철회 ...) or a fulfilment (이행, 서명 ...)
and whose subject matches a commitment: either its own key terms overlap the commitment's
("U.S. Steel ... 불가"), or the sentence itself opens with the commitment and turns on a
contrastive ending ("연대를 강화하겠다는 입장을 밝혔으나, (2.20) 회의에 불참").
"""
from __future__ import annotations

from dataclasses import dataclass

from . import clauses
from .claimkeys import ANCHOR, keys_from_tokens, shared, similarity, weight
from .cues import FULFILMENT, NON_FULFILMENT, REVERSAL
from .summit import after

MAX_EVIDENCE = 400
_PREDICATE = frozenset({"VV", "VA", "VX", "XSV", "XSA", "EP", "EF", "VCP"})


@dataclass
class FollowUp:
    start: int
    stop: int
    date: str
    relation: str            # supports, contradicts
    target: int              # index of the commitment it bears on


def find(ctx, index, summit, commitments, party_forms, units=None, skip_spans=()) -> list[FollowUp]:
    """``commitments``: list of key dicts, one per commitment (the union of its mentions' keys).
    ``skip_spans``: spans that report no act (outcome tables)."""
    if not summit.date or not commitments:
        return []
    text = ctx.text.text
    ref = ctx.reference_date.isoformat() if ctx.reference_date else None
    out: list[FollowUp] = []
    # what a commitment is about, without who made it: sharing only the names of countries
    # (the parties, when the summit's are unknown) links any act of a party to any pledge of it
    nations = _nation_forms(ctx)
    subjects = [_subject_terms(ck, nations) for ck in commitments]
    for u in units if units is not None else clauses.units(ctx):
        # a title, heading or table cell reports nothing: a follow-up is a sentence with a predicate
        if any(a <= u.start < b for a, b in skip_spans) or not any(t.tag in _PREDICATE for t in u.tokens):
            continue
        dates = [d for d in index.dates_within(u.start, u.stop)
                 if after(d.value, summit.date) and (ref is None or d.value[:len(ref)] <= ref)]
        if not dates:
            continue
        first_date = min(dates, key=lambda d: d.start)
        toks = u.tokens
        # a commitment stated first, then turned by "-으나/-지만" before the dated act
        pivot = None
        for i, t in enumerate(toks):
            if t.start >= first_date.start:
                break
            if t.tag == "EC" and t.form in clauses.CONTRASTIVE_EC:
                pivot = i
        if pivot is not None:
            head_keys = keys_from_tokens(toks, index, u.start, toks[pivot].start, party_forms)
            span_start = toks[pivot + 1].start if pivot + 1 < len(toks) else u.start
        else:
            head_keys = None
            span_start = u.start
        span_stop = min(u.stop, span_start + MAX_EVIDENCE)
        body = text[span_start:span_stop]
        if REVERSAL.search(body) or NON_FULFILMENT.search(body):
            relation = "contradicts"
        elif FULFILMENT.search(body):
            relation = "supports"
        else:
            continue
        keys = head_keys if head_keys else keys_from_tokens(toks, index, u.start, u.stop, party_forms)
        target = _best(_subject_terms(keys, nations), subjects)
        if target is None:
            continue
        while span_start < span_stop and text[span_start] in " ,":
            span_start += 1
        out.append(FollowUp(span_start, span_stop, first_date.value, relation, target))
    return out


def _nation_forms(ctx) -> frozenset[str]:
    forms = set()
    for e in ctx.facts.get("entities", []) or []:
        if getattr(e, "type", None) == "COUNTRY":
            forms.add(e.name)
            forms.update(getattr(e, "aliases", []) or [])
            forms.update(m.text for m in getattr(e, "mentions", []) or [])
    for g in ctx.facts.get("groups", []) or []:
        if len(g.members) <= 2:
            forms.add(g.text)
    return frozenset(f.lower() for f in forms)


def _subject_terms(keys: dict[str, float], nations: frozenset[str]) -> dict[str, float]:
    """Keys without single countries and pairs ("한미"): those say who. A grouping of three or
    more ("한미일 협력") is a framework, what a pledge can be about."""
    return {k: w for k, w in keys.items() if not k.startswith("C:") and not (k.startswith("G:") and len(k) <= 6)
            and k.lower() not in nations}


def _best(keys, commitments) -> int | None:
    best, best_score = None, 0.0
    for n, ck in enumerate(commitments):
        s, anchor = shared(keys, ck)
        # a shared name and more, or most of what the commitment is about
        if not ((anchor and s >= ANCHOR + 1) or (s >= 2 and s >= 0.5 * weight(ck))):
            continue
        score = s + similarity(keys, ck)
        if score > best_score:
            best, best_score = n, score
    return best
