"""Policy recommendations: prescriptive enumerations ("첫째, …해야 한다. 둘째, …할 필요가 있다.",
"① …", "우선, … 다음으로, … 마지막으로, …"; scanner in enumerations.py) and, where a document has
none, the prescriptive paragraphs of its implications section (함의, 정책적 고려사항, 제언, 시사점),
skipping the sentence that announces them ("정부는 다음 과제에 집중해야 한다"). Each recommendation
is the prescriptive sentence itself; sub-points ("특히 …", a nested "(1) …") become its children.

Summaries often restate the body's recommendations: a repeated block is merged into the first,
keeping one recommendation per number (the more concise wording).
"""
from __future__ import annotations

import re

from ...model.facts import Point
from .enumerations import (PRESCRIPTIVE, Block, clean, find_blocks, heading_before,
                           prescriptive_share, repeats, sentence_stop, similar)
from . import voiced
from .findings import explains

NAME = "recommendations"
REQUIRES = ()

_REC_CUE = re.compile(r"시사점|함의|제언|권고|정책\s*제안|고려\s*(?:해\s*볼|할\s*수|할\s*만한|사항)|대응\s*방안|"
                      r"정책\s*방향|다음과\s*같은\s*(?:방안|노력|조치|사항|정책|과제)|recommend|implication", re.I)
_REC_HEADING = re.compile(r"함의|정책적\s*고려|고려사항|제언|시사점|정책\s*과제|대응\s*(?:방안|과제)|정책\s*방향|권고|"
                          r"implications?|recommendations?", re.I)
_SUB_CUE = re.compile(r"\s*(?:특히|또한|아울러|나아가|더불어|이를\s*위해|이를\s*위하여|이\s*과정에서|"
                      r"무엇보다(?:도)?|구체적으로)")


def _is_recommendation(ctx, text: str, block: Block) -> bool:
    if explains(ctx, block):
        return False
    share = prescriptive_share(text, block)
    if share >= 0.5:
        return True
    h = heading_before(ctx, block.items[0].marker_start)
    cue = _REC_CUE.search(block.intro) or (h is not None and _REC_HEADING.search(h.text))
    return bool(cue) and share > 0


def _point(ctx, text: str, a: int, z: int, n: int) -> Point | None:
    body = clean(text[a:z])
    if not body:
        return None
    a = a + text[a:z].find(body)
    return ctx.place(Point(n=n), a, a + len(body))


def _children(ctx, text: str, item, nested: list[Block]) -> list[Point]:
    """Sub-points of an item: a nested enumeration inside it, else the sentences after its head
    that open with a sub-point cue (특히, 또한, 이를 위해 …) and prescribe."""
    out: list[Point] = []
    for b in nested:
        if item.head[1] <= b.items[0].marker_start and b.items[-1].stop <= item.stop:
            for it in b.items:
                p = _point(ctx, text, *it.head, n=len(out) + 1)
                if p:
                    out.append(p)
    if out:
        return out
    pos = item.head[1]
    while pos < item.stop:
        end = sentence_stop(text, pos, item.stop)
        if end <= pos:
            break
        sentence = text[pos:end]
        if _SUB_CUE.match(sentence) and PRESCRIPTIVE.search(sentence):
            p = _point(ctx, text, pos, end, len(out) + 1)
            if p:
                out.append(p)
        pos = end
    return out


def _from_blocks(ctx, text: str) -> list[Point]:
    blocks = find_blocks(ctx)
    recs = [b for b in blocks if _is_recommendation(ctx, text, b)]
    # Enumerations nested in a recommendation item are its sub-points, not recommendations.
    nested = [b for b in recs if any(o is not b and any(it.head[1] <= b.items[0].marker_start
                                                        and b.items[-1].stop <= it.stop for it in o.items)
                                     for o in recs)]
    out: list[Point] = []
    firsts: list[tuple[Block, list[Point]]] = []
    for block in recs:
        if block in nested:
            continue
        points = []
        for it in block.items:
            p = _point(ctx, text, *it.head, n=0)
            if p is None:
                continue
            p.children = _children(ctx, text, it, nested)
            points.append(p)
        earlier = next(((b, ps) for b, ps in firsts if repeats(text, block, b)), None)
        if earlier:
            _merge(earlier[1], points)
            continue
        base = len(out)
        for k, p in enumerate(points):
            p.n = base + k + 1
        firsts.append((block, points))
        out.extend(points)
    return out


def _merge(kept: list[Point], again: list[Point]) -> None:
    """One recommendation per number: keep the more concise wording and the richer sub-points."""
    for k, p in zip(kept, again):
        children = k.children or p.children
        if len(p.text) < len(k.text):
            k.text, k.start, k.stop, k.raw_offset = p.text, p.start, p.stop, p.raw_offset
        k.children = children


# A sentence announcing the list that follows ("정부는 다음 과제에 집중해야 한다") is no recommendation.
_ANNOUNCES = re.compile(r"(?:다음|아래|이하)(?:과|와)?\s*같|(?:다음|아래)의?\s*(?:\S+\s+){0,2}?"
                        r"(?:과제|방안|사항|조치|노력|정책|원칙|방향)")


def _rec_sections(ctx) -> list[tuple[int, int]]:
    """The spans of the implications sections; a section nested in one already taken is skipped."""
    heads = sorted(getattr(ctx.structure, "headings", []) or [], key=lambda h: h.start)
    spans: list[tuple[int, int]] = []
    for k, h in enumerate(heads):
        if not _REC_HEADING.search(h.text) or any(a <= h.start < z for a, z in spans):
            continue
        end = next((x.start for x in heads[k + 1:] if x.level <= h.level), ctx.body_end)
        spans.append((h.start, end))
    return spans


def _from_sections(ctx, text: str) -> list[Point]:
    """No enumeration: the first prescriptive sentence of each paragraph of an implications section."""
    out: list[Point] = []
    for start, end in _rec_sections(ctx):
        pos = text.find("\n", start, end)
        pos = end if pos < 0 else pos
        while pos < end:
            para_end = text.find("\n\n", pos + 1, end)
            para_end = end if para_end < 0 else para_end
            s = pos
            while s < para_end:
                e = sentence_stop(text, s, para_end)
                if e <= s:
                    break
                if PRESCRIPTIVE.search(text, s, e) and not _ANNOUNCES.search(text, s, e):
                    p = _point(ctx, text, s, e, len(out) + 1)
                    # A summary paragraph restating a later one is counted once.
                    if p and not any(similar(p.text, q.text) for q in out):
                        out.append(p)
                    break
                s = e
            pos = para_end + 1
    return out


def extract(ctx) -> list[Point]:
    text = ctx.text.text
    return _from_blocks(ctx, text) or _from_sections(ctx, text) or voiced.recommendations(ctx)

