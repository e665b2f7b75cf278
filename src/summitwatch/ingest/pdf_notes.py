"""Footnotes at the foot of PDF pages: found by position, size and a marker that links to them.

A page's footnote block is the run of small-font lines at its foot. A line of it opens a note
when it starts with a number (``3 text``, ``3) text``, a glued ``3)｢text``, or a raised ``3``)
that a marker in the body announced on that page or one of the two before: a raised number
glued to a word, or ``word3)``. Lines in a ruled table's cells are the table's, never notes. The numbering need not start at 1 (an excerpt, a chapter); it only has to go up. Small print
above the first note, and a foot block that opens no note, stay in the body: a block without
a note is a note running on from the page before only when it is in the notes' size right
under a separator rule, as footnote separators are drawn on every page that has notes.
"""
from __future__ import annotations

import re
from typing import Callable

from .pdf_lines import Line

FN_START = re.compile(r"^(\d{1,3})(?:\)\s*|\.\s+|\s+)(?=\S)")
_TEXT_MARK = re.compile(r"(?<=[^\s\d(\[])(\d{1,3})\)")      # "법률1)" written on the baseline
_CAPTION = re.compile(r"^\s*(?:\[\s*(?:표|그림|Table|Figure)|[<〈《【]\s*(?:표|그림|Table)|(?:표|Table)\s*\d)", re.I)
_SOURCE = re.compile(r"^\s*(?:\*\s*)?(?:출처|자료|Source|SOURCE)\s*[:：]")
_STEP = 5                  # a note number may skip a few (a note lost on a damaged page)
_NEAR = 2                  # pages a note may follow the page that marks it


def _start(ln: Line) -> int | None:
    m = FN_START.match(ln.text)
    return int(m.group(1)) if m else None


def foot_block(lines: list[Line], height: float, body: float) -> int:
    """Index where the small-font block at the foot of a page begins (len(lines) if none).
    It ends above the last line in a ruled table's cell: a table's small print (a numbered
    item in a cell) is no footnote."""
    k = len(lines)
    while k > 0 and lines[k - 1].size <= body * 0.92 and lines[k - 1].y < height * 0.6 and not lines[k - 1].cell:
        k -= 1
    return k


def _announced(lines: list[Line], into: dict[int, int], page: int) -> None:
    for ln in lines:
        for n in ln.marks:
            into[n] = page
        for d in _TEXT_MARK.findall(ln.text):
            into[int(d)] = page


def split_footnotes(pages: list[list[Line]], heights: list[float], body: float,
                    separators: Callable[[int], list[float]]) -> list[tuple[int, list[Line]]]:
    """Take the footnotes off the foot of each page; ``separators(i)`` gives the heights of the
    horizontal rules drawn on page index ``i``. Returns [(n, lines)] in order."""
    notes: list[tuple[int, list[Line]]] = []
    announced: dict[int, int] = {}       # note number -> the last page index whose text marks it
    last_n = 0
    last_page = 0
    for idx, (lines, h) in enumerate(zip(pages, heights)):
        k = foot_block(lines, h, body)
        _announced(lines[:k], announced, idx)
        block = lines[k:]

        def opens(ln: Line) -> int | None:
            n = _start(ln)
            if n is None:
                return None
            # marked on this page or one of the two before (notes pushed past a page-long
            # frame): "1." at the foot of page 40 does not answer a "1)" on page 3
            if not (ln.lead_marker or announced.get(n, -_NEAR - 1) >= idx - _NEAR):
                return None
            return n if (last_n == 0 or last_n < n <= last_n + _STEP) else None

        first = next((j for j, ln in enumerate(block) if opens(ln) is not None), None)
        head = block if first is None else block[:first]
        runs_on = bool(head) and _runs_on(head, notes, last_page, idx, separators)
        if runs_on:
            notes[-1][1].extend(head)
        if first is None:
            if runs_on:
                pages[idx] = lines[:k]
                last_page = idx + 1
            continue
        for ln in block[first:]:
            n = opens(ln)
            if n is not None:
                notes.append((n, [ln]))
                last_n = n
            else:
                notes[-1][1].append(ln)
        last_page = idx + 1
        # small print above the notes that runs on no note stays in the body
        pages[idx] = lines[:k] + ([] if runs_on else head)
    return notes


def _runs_on(head: list[Line], notes, last_page: int, idx: int, separators) -> bool:
    """A small block with no note of its own continues the last note from the page before."""
    if not notes or last_page != idx or _CAPTION.match(head[0].text) or any(_SOURCE.match(x.text) for x in head):
        return False
    note_size = notes[-1][1][-1].size
    if any(abs(x.size - note_size) > 0.3 for x in head):
        return False
    top = head[0].y + head[0].size
    return any(0 <= y - top <= 3 * head[0].size for y in separators(idx))
