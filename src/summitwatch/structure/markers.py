"""Footnote reference markers in extracted body text.

A marker is a number that lost its superscript: glued to a word (``번째1``), to a closing
quote or parenthesis (``”며12``, ``(2025.2.9)5``), or standing between punctuation and
the next word (``참조). 3 미국``). Numbers that belong to the text (``5조``, ``2기``,
``2.14``, ``70주년``, ``G20``) look similar one at a time, but markers run 1, 2, 3 ... in
document order, so the most plausible increasing chain of candidates is chosen.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_NUM = re.compile(r"\d{1,3}")
_CLOSERS = set("”’\"')]」』》〉>}.,;:!?…%")
_PARTICLES = ("에서", "으로", "이라고", "라고", "이다", "에게", "까지", "부터", "처럼", "보다",
              "을", "를", "이", "가", "은", "는", "의", "에", "로", "과", "와", "도", "만")
# Words a bare number may be followed by when it counts something: then it is not a marker.
_COUNTERS = re.compile(r"\s*(?:개|명|년|월|일|시|분|초|%|퍼센트|달러|원|엔|위안|유로|배|차|위|번|회|건|곳|국|세|살|조|억|만|천|백|"
                       r"km|kg|m\b|톤|척|대|기|호|층|항|장|절|조항|주|주년|시간|쪽|페이지|p\b)")
# A spaced number followed by one of these words counts something ("3 개국", "5 %").
_UNIT_WORD = re.compile(r"\s*(?:%|퍼센트|달러|원|엔|위안|유로|명|개|개국|년|월|일|차례|번째|시간|주년|배)(?![가-힣])")
_MISS_PENALTY = 2.5
_MAX_MISSED = 3          # markers lost in a row (extraction dropped them) that a chain may skip


@dataclass(slots=True)
class Marker:
    n: int
    start: int      # offset of the digits in the scanned text
    end: int


def _hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3"


def _score(text: str, s: int, e: int) -> float:
    """How much the number at text[s:e] looks like a marker (0: not at all)."""
    n = len(text)
    prev = text[s - 1] if s > 0 else "\n"
    nxt = text[e] if e < n else "\n"
    if prev == "[" and nxt == "]":
        return 4.0                                  # "[3]": a bracketed note number
    if nxt.isdigit() or prev.isdigit():
        return 0.0
    if nxt in ".," and e + 1 < n and text[e + 1].isdigit():
        return 0.0                                  # 2.14, 5,000
    if prev in ".," and s >= 2 and text[s - 2].isdigit():
        return 0.0                                  # decimal or thousands part: 3.2, 5,000
    if nxt == ")" and not prev.isspace() and prev not in "(（" and (_hangul(prev) or prev in ".,”’\"'"):
        return 2.5                                  # a "4)" marker glued to the text
    if nxt in ")]" or (nxt in ".．" and (e + 1 >= n or text[e + 1] in " \n") and not _hangul(prev)):
        return 0.0                                  # enumerations: 1) 2. (3) (but "합의했다3. " is a marker)
    if prev in "(-–~·/#№" or nxt in "-–~/":
        return 0.0
    if not prev.isspace():
        # glued to what precedes
        if prev in ".," and s >= 2 and text[s - 2].isdigit():
            return 0.0                              # decimal or thousands part
        if prev.isalpha() and prev.isascii():
            word = re.search(r"[A-Za-z]+$", text[max(0, s - 20):s]).group()
            if word.isupper() or len(word) < 3:
                return 0.0                          # G20, F35, COVID19
        elif not (_hangul(prev) or prev in _CLOSERS or "\u3040" <= prev <= "\u9fff"):
            return 0.0
        if nxt.isspace() or nxt in _CLOSERS or nxt in "“‘\"'(":
            return 3.0
        if _hangul(nxt):
            tail = text[e:e + 4]
            if any(tail.startswith(p) for p in _PARTICLES):
                # 가능성31을: a particle after the number; but 2배를, 3차의 are counted things
                return 0.0 if _COUNTERS.match(text[e:e + 3]) and not tail.startswith(("이", "의")) else 2.0
            return 0.0                              # 제2기, 3조
        return 0.0
    # standing alone: "참조). 3 미국", "되었고, 4 일본", "(2.16) 7: 긍정"
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    if not text[line_start:s].strip() and not text[e:line_end if line_end >= 0 else n].strip():
        return 0.0                                  # a number on a line of its own: a table cell, a count
    j = s - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    before = text[j] if j >= 0 else "\n"
    if before == "\n":
        before = text[j - 1] if j > 0 else "\n"
    if not (nxt.isspace() or nxt == ":"):
        return 0.0
    if _UNIT_WORD.match(text, e):
        return 0.0
    if before in _CLOSERS:
        return 1.5
    return 1.0 if _hangul(before) else 0.0


def find_markers(text: str, skip: list[tuple[int, int]] = (), notes: set[int] | None = None) -> list[Marker]:
    """The most plausible chain 1..N of footnote markers in ``text``.

    ``skip`` lists spans (URLs, say) where no marker can be. ``notes``, when given, are the
    numbers of the footnotes the document has: a number is a marker only if its note exists
    (``부속서1과`` stays as it is in a text without a footnote 1), or if it continues the chain
    past the last note found (notes cut off at the end of an extracted text)."""
    if notes is not None and not notes:
        return []
    top_note = max(notes) if notes else 0
    cands: list[tuple[int, int, int, float]] = []   # (n, start, end, score)
    skip = sorted(skip)
    starts = [a for a, _ in skip]
    for m in _NUM.finditer(text):
        s, e = m.span()
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and s < skip[k][1]:
            continue
        v = int(m.group())
        if v == 0 or v > 500 or (notes is not None and v <= top_note and v not in notes):
            continue
        sc = _score(text, s, e)
        if sc > 0:
            cands.append((v, s, e, sc))
    if not cands:
        return []
    best = [0.0] * len(cands)
    back: list[int | None] = [None] * len(cands)
    # Candidates come in text order, so the best chain ending in each number so far is all a
    # new candidate can extend: (score, index), the earliest on ties. Linear in the candidates.
    lead: dict[int, tuple[float, int]] = {}
    for k, (v, s, _, sc) in enumerate(cands):
        # start a chain at 1 (or later if the first markers were lost), or extend one up to
        # _MAX_MISSED numbers back
        top = sc - _MISS_PENALTY * (v - 1) if v <= 1 + _MAX_MISSED else float("-inf")
        for missed in range(_MAX_MISSED + 1):
            got = lead.get(v - 1 - missed)
            if got is not None:
                cand = got[0] + sc - _MISS_PENALTY * missed
                if cand > top:
                    top, back[k] = cand, got[1]
        best[k] = top
        if top > float("-inf") and (v not in lead or top > lead[v][0]):
            lead[v] = (top, k)
    ends = range(len(cands))
    if notes is not None:
        # the chain must take in the notes: it ends at or after the last one
        ends = [k for k in ends if cands[k][0] >= top_note] or [k for k in ends if cands[k][0] in notes]
        if not ends:
            return []
    end = max(ends, key=lambda k: (best[k], cands[k][0]))
    if best[end] <= 0:
        return []
    chain = []
    k: int | None = end
    while k is not None:
        v, s, e, _ = cands[k]
        if e < len(text) and text[e] == ")":
            e += 1
        chain.append(Marker(v, s, e))
        k = back[k]
    chain.reverse()
    return chain


def first_marker(text: str, n: int) -> int:
    """Offset of the first plausible marker ``n`` in ``text``, or -1."""
    digits = str(n)
    i = text.find(digits)
    while i >= 0:
        if _score(text, i, i + len(digits)) > 0 and not (i > 0 and text[i - 1].isdigit()):
            return i
        i = text.find(digits, i + 1)
    return -1


_DIGIT = re.compile(r"\d")


def placed_markers(origin, text: str, placed: list[tuple[int, int, int]]) -> list[Marker]:
    """The markers a format placed itself ((raw start, raw end, n) each), found in a text whose
    characters map to raw offsets through ``origin``: nothing is guessed."""
    want = {a: (e - a, n) for a, e, n in placed}
    out: list[Marker] = []
    seen: set[int] = set()
    for m in _DIGIT.finditer(text):
        i = m.start()
        r = origin[i]
        if r in want and r not in seen:
            ln, n = want[r]
            if text[i:i + ln] == str(n):
                out.append(Marker(n, i, i + ln))
                seen.add(r)
    return out
