"""Scan only the neighbourhood of cheap trigger matches (digits, currency words): regexes
whose matches must contain a trigger run on those windows instead of every position.
Lookbehinds still see the text before a window, so results equal a full scan as long as
no match reaches further than the margins from its trigger."""
from __future__ import annotations

import re


def windows(text: str, trigger: re.Pattern, before: int, after: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(text)
    for m in trigger.finditer(text):
        s, e = max(0, m.start() - before), min(n, m.end() + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def finditer(rx: re.Pattern, text: str, wins: list[tuple[int, int]]):
    """Matches of ``rx`` inside the windows, each found once, in text order."""
    last = 0
    for s, e in wins:
        for m in rx.finditer(text, max(s, last), e):
            if m.end() > m.start():
                last = m.end()
            yield m
