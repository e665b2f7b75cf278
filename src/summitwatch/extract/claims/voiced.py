"""Findings and recommendations from modality anywhere in an analysis (see ``genre``), for the
documents that do not number them: a sentence whose last predicate the author states as an
assessment ("…이 핵심이다", "…할 전망이다", "의미가 있다") is a finding; a sentence with a clause
of obligation, necessity or desirability ("…해야 한다", "…할 필요가 있다", "바람직하다",
"should", "must") is a recommendation. Reported speech, quotations, questions, narrated past acts
and the parties' own pledges are neither. Such points carry no number (n is None): the text
gives none."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ... import clauses
from ...clauses import english, frames, predicate, voice
from ...model.facts import Point
from .genre import in_editor_note, is_analysis, self_reference

MAX_POINT = 600
MIN_POINT = 20
_EN_ADVICE = re.compile(r"\b(?:should|must|ought to|need to|needs to)\b(?!\s+not\s+be\s+(?:ruled|excluded))", re.I)
_EN_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b", re.I)


def _sentences(ctx):
    """(start, stop, tokens, is_english) of the body's sentences outside headings."""
    text = ctx.text.text
    heads = [(h.start, h.start + len(h.text)) for h in getattr(ctx.structure, "headings", []) or []]
    for u in clauses.units(ctx):
        if any(a <= u.start < b for a, b in heads):
            continue
        if english.is_english(text, u.start, u.stop):
            for a, b in english.sentences(text, u.start, u.stop):
                yield a, b, [t for t in u.tokens if a <= t.start < b], True
        else:
            yield u.start, u.stop, u.tokens, False


def _point(ctx, a, b) -> Point | None:
    text = ctx.text.text
    body = text[a:b].strip()
    if len(body) < MIN_POINT or body.endswith("?"):
        return None
    a += text[a:b].find(body)
    if len(body) > MAX_POINT:
        body = body[:MAX_POINT]
    return ctx.place(Point(n=None), a, a + len(body))


# A brief in sections (a page's headline and deck lines are no sections), or one that numbers its advice, states its findings in its structure (an
# enumeration, an assessment section: see findings.py); only an analysis without structure (an
# abstract, a short outlook, a release) states them sentence by sentence. Statistics (a share, a
# sum) are facts, not findings.
SECTIONED = 3


def _sections(ctx) -> int:
    """Headings that divide the text (a web page's headline and deck lines do not)."""
    return sum(1 for h in getattr(ctx.structure, "headings", []) or []
               if getattr(h, "role", None) not in ("headline", "deck"))


def findings(ctx) -> list[Point]:
    if not is_analysis(ctx.text.text[:ctx.body_end]):
        return []
    if _sections(ctx) >= SECTIONED or _structured_advice(ctx):
        return []
    out = []
    for a, b, toks, is_en in _sentences(ctx):
        if is_en or not toks:
            continue
        v = voice.sentence_voice(toks)
        # in an analysis a present-tense statement is the author's ("…은 분기점을 맞이한다")
        if _statistic(ctx, a, b) or in_editor_note(ctx.text.text, a):
            continue
        if (v.kind != "forecast" and _dated_history(ctx, a, b)) or _founded_state(toks, v):
            continue
        if v.kind in ("assessment", "forecast", "present") and not _advises(toks) \
                and "possible" not in v.predicate.modality and not _about_the_text(ctx.text.text, a, b, v.predicate):
            p = _point(ctx, a, b)
            if p is not None:
                out.append(p)
    return out


def recommendations(ctx) -> list[Point]:
    if not is_analysis(ctx.text.text[:ctx.body_end]):
        return []
    text = ctx.text.text
    out = []
    for a, b, toks, is_en in _sentences(ctx):
        if is_en:
            advice = _EN_ADVICE.search(text, a, b) is not None and not _EN_REPORTED.search(text, a, b)
        else:
            advice = bool(toks) and voice.sentence_voice(toks).kind not in ("reported", "quoted") and _advises(toks)
        if advice:
            p = _point(ctx, a, b)
            if p is not None:
                out.append(p)
    return out


def _structured_advice(ctx) -> bool:
    from .recommendations import _from_blocks, _from_sections

    text = ctx.text.text
    return bool(_from_blocks(ctx, text) or _from_sections(ctx, text))


def _statistic(ctx, a: int, b: int) -> bool:
    """A sentence that reports a share, an amount or a poll figure."""
    return any(a <= getattr(q, "start", -1) < b for q in ctx.facts.get("quantities", []) or [])


# Two or more dated past events in one sentence tell a history (of a venue, an institution,
# a dispute): background the author recounts, not what they find.
HISTORY_DATES = 2


def _dated_history(ctx, a: int, b: int) -> bool:
    ref = ctx.reference_date
    if ref is None:
        return False
    years = set()
    for d in ctx.facts.get("dates", []) or []:
        if not a <= getattr(d, "start", -1) < b:
            continue
        v = (getattr(d, "end", None) or getattr(d, "value", None) or "")[:4]
        if not v.isdigit() or int(v) >= ref.year:
            return False          # a date of this year or later: the sentence is about now
        years.add(v)
    return len(years) >= HISTORY_DATES


@lru_cache(maxsize=1)
def _founded() -> frozenset[str]:
    raw = resources.files(__package__).joinpath("data", "background.json").read_text(encoding="utf-8")
    return frozenset(json.loads(raw)["founded_states"])


def _founded_state(toks, v) -> bool:
    """"…이 설립되어 있다": a present result state that an institution exists is a fact of
    the setting; its negation (a missing body) may be what the author finds."""
    p = v.predicate
    if v.kind != "present" or p is None or p.negated or p.lemma not in _founded():
        return False
    tail = toks[p.head:p.end + 1]
    return any(t.form == "있" and t.tag == "VX" and i and tail[i - 1].tag == "EC" for i, t in enumerate(tail))


def _about_the_text(text: str, a: int, b: int, pred) -> bool:
    """A sentence about the document itself ("본 글에서는 …을 논의한다", "…을 제시한다"), or a note
    ("* …"): it announces or annotates, it finds nothing."""
    if text[a:b].lstrip().startswith(("*", "※")):
        return True
    return self_reference(text[a:b]) or pred.lemma in _ANNOUNCING


_ANNOUNCING = frozenset({"논의하", "제시하", "살펴보", "검토하", "소개하", "정리하", "다루", "분석하", "고찰하"})


def _advises(toks) -> bool:
    """A clause of the sentence is advice (outside quotations)."""
    depths = frames.quote_depths(toks)
    bounds = clauses.boundaries(toks)
    first = 0
    for last in bounds:
        if not depths[last]:
            p = predicate.read(toks, first, last)
            if p is not None and p.advice and not p.adnominal:
                return True
        first = last + 1
    return False
