"""Where a poll's text lies: paragraphs, headings, sentences, clauses and the percentages
that may be results (not a confidence level, a response rate or a change in points)."""
from __future__ import annotations

import re

# (English news spells the unit out: "41 percent", "41 per cent"; "percentage points" is a change)
PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|％|퍼센트|(?i:per\s?cent)\b)(?!\s*(?:p\b|P\b|포인트))")
# A percent that is not a result: a confidence level, a response rate.
_NOT_RESULT_AFTER = re.compile(r"\s*(?:의\s*)?신뢰\s*수준|\s+confidence\b", re.I)
_NOT_RESULT_BEFORE = re.compile(r"(?:응답률|신뢰\s*수준|표본\s*오차)[^%\d]{0,8}$"
                                r"|(?i:response\s+rate|confidence\s+level|margin\s+of\s+error)[^%\d]{0,12}$")
CLAUSE_STOP = re.compile(r"[.?!。]\s|다[.,]?\s")
_SENTENCE_END = re.compile(r"[.?!。](?=\s|$)|\n")
# Headline-like lines of news ("◇ 한국갤럽 …"): they end a block and hold no results.
_BULLET_HEADING = re.compile(r"[◇◆■□▶▷●○◎※#]")
COMPARED = re.compile(r"\s*\)?\s*(?:보다|대비|에\s*비해|와\s*비교|과\s*비교|때보다|조사보다)")


def paragraphs(text: str):
    pos = 0
    for m in re.finditer(r"\n\s*\n", text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def heading_starts(ctx) -> set[int]:
    structure = getattr(ctx, "structure", None)
    return {b.start for b in getattr(structure, "blocks", None) or [] if b.kind == "heading"}


def is_heading(text: str, a: int, z: int, heads: set[int]) -> bool:
    if a in heads:
        return True
    chunk = text[a:z]
    return "\n" not in chunk.strip() and len(chunk) <= 80 and _BULLET_HEADING.match(chunk.lstrip()) is not None


def sentence_spans(text: str, a: int, z: int) -> list[tuple[int, int]]:
    out, pos = [], a
    for m in _SENTENCE_END.finditer(text, a, z):
        if m.end() > pos:
            out.append((pos, m.end()))
        pos = m.end()
    if pos < z:
        out.append((pos, z))
    return out


def sentence_start(text: str, a: int, at: int) -> int:
    m = None
    for m in _SENTENCE_END.finditer(text, a, at):
        pass
    return m.end() if m else a


def result_spans(text: str, a: int, z: int):
    for m in PERCENT.finditer(text, a, z):
        if _NOT_RESULT_AFTER.match(text, m.end()) or _NOT_RESULT_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        if m.start() > 0 and text[m.start() - 1] in "±+-":
            continue
        yield m
