"""Findings: the author's explanatory claims, written as an enumeration — "(1) … (2) …",
"첫째, … 둘째, …", "1) … 2) …", "① … ②", "우선, … 다음으로, …" — either inside an explanatory
passage ("…한 이유로", "요인은", "특징은", "주목해야 할 점은") or as the items, one sentence each,
of a section headed as an assessment (평가, 분석, 요인, 배경 …). Enumerations that prescribe
(…해야 한다) are recommendations (see recommendations.py; both use enumerations.py).

The same findings are often stated twice (summary and body): a block that repeats an earlier
one is dropped, so each finding is numbered once.
"""
from __future__ import annotations

import re

from ...model.facts import Point
from . import voiced
from .enumerations import (Block, clean, find_blocks, heading_before, items_are_headings,
                           items_are_sentences, prescriptive_share, repeats)

NAME = "findings"
REQUIRES = ("dates", "quantities")   # voiced.py: dated history, statistics

_EXPLAIN = re.compile(r"이유|요인|특징|주목해야\s*할|주목할\s*(?:만한\s*)?점|배경|원인|까닭|교훈|시사하는\s*바|"
                      r"눈여겨|특기할|가지\s*(?:점|측면)|의미는")
# Section headings under which a list of claims is the author's assessment.
_FINDING_HEADING = re.compile(r"평가|분석|요인|배경|원인|진단|특징|교훈|의의|"
                              r"assessment|analysis|evaluation|takeaways?", re.I)


def is_explanatory(text: str, block: Block) -> bool:
    if not _EXPLAIN.search(block.intro):
        return False
    # An inline list introduced by a reason is a finding even if the sentence ends in "…안 될 것이다".
    return block.inline or prescriptive_share(text, block) < 0.5


def in_assessment_section(ctx, text: str, block: Block) -> bool:
    """A list of descriptive sentences, each item opening its own line, under an assessment heading."""
    if block.inline or items_are_headings(ctx, block) or not items_are_sentences(text, block):
        return False
    h = heading_before(ctx, block.items[0].marker_start)
    return h is not None and bool(_FINDING_HEADING.search(h.text)) and prescriptive_share(text, block) < 0.5


def explains(ctx, block: Block) -> bool:
    text = ctx.text.text
    return is_explanatory(text, block) or in_assessment_section(ctx, text, block)


def extract(ctx) -> list[Point]:
    text = ctx.text.text
    kept: list[Block] = []
    out: list[Point] = []
    for block in find_blocks(ctx):
        if not explains(ctx, block):
            continue
        if any(repeats(text, block, k) for k in kept):
            continue
        kept.append(block)
        base = len(out)
        for it in block.items:
            a, z = it.head
            body = clean(text[a:z])
            if not body:
                continue
            a += text[a:z].find(body)
            out.append(ctx.place(Point(n=base + it.n), a, a + len(body)))
    # no numbered findings: the author's assessments wherever an analysis states them
    return out or voiced.findings(ctx)
