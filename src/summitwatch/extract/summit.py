"""The document's main summit: who met (the parties) and when (the date).

Parties: the country group or countries written just before 정상회담/summit, most often.
Date: the day-precision date written next to the summit word ("2월 7일의 미일정상회담",
"정상회담(2.7)"), most often — dates after "이틀 후" or "이후" relate to the summit and are not it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .claimkeys import FactIndex

SUMMIT_WORD = re.compile(r"정상\s?회담|정상\s?회의|首脳会談|summit|Summit")
# Words that say a statement or meeting of the parties stands behind a claim.
SUMMIT_CONTEXT = re.compile(r"정상\s?회담|정상\s?회의|회담|공동\s?성명|공동\s?선언|공동\s?발표|합의문|성명|선언문|"
                            r"정상들?|양\s?정상|두\s?정상|양국|양측|首脳|summit|joint statement|communiqu", re.I)
_RELATIVE = re.compile(r"후|전|뒤|이후|이전|다음|앞서|after|before")
_BEFORE_WINDOW = 30
_AFTER_WINDOW = 4


@dataclass(slots=True)
class Summit:
    parties: tuple[str, ...] = ()
    date: str | None = None


def find(ctx, index: FactIndex) -> Summit:
    text = ctx.text.text
    party_votes: Counter = Counter()
    date_votes: Counter = Counter()
    for m in SUMMIT_WORD.finditer(text, 0, ctx.body_end):
        # parties: a group or countries right before the word ("미일정상회담", "한·일 정상회담")
        near = [s for s in index.within(max(0, m.start() - 12), m.start()) if s[1] <= m.start() + 1]
        groups = [s for s in near if s[2] == "GROUP" and m.start() - s[1] <= 2]
        if groups:
            party_votes[tuple(groups[-1][3])] += 1
        else:
            isos = [s[3] for s in near if s[2] == "COUNTRY" and s[3]]
            if len(set(isos)) >= 2:
                party_votes[tuple(dict.fromkeys(isos))[-2:]] += 1
        for d in index.dates_within(m.start() - _BEFORE_WINDOW, m.end() + _AFTER_WINDOW + 12):
            # "이틀 후" is a date relative to the summit, not the summit's own
            if len(d.value) != 10 or _RELATIVE.search(d.text or ""):
                continue
            if d.stop <= m.start():
                between = text[d.stop:m.start()]
                if m.start() - d.stop > _BEFORE_WINDOW or _RELATIVE.search(between) or "." in between:
                    continue
            elif d.start >= m.end():
                between = text[m.end():d.start]
                if d.start - m.end() > _AFTER_WINDOW or _RELATIVE.search(between):
                    continue
            date_votes[d.value] += 1
    parties = party_votes.most_common(1)[0][0] if party_votes else ()
    date = None
    if date_votes:
        best = max(date_votes.values())
        date = min(v for v, n in date_votes.items() if n == best)
    return Summit(tuple(parties), date)


def after(value: str | None, summit_date: str | None) -> bool:
    """True when a date lies wholly after the summit day (at the date's own precision)."""
    if not value or not summit_date:
        return False
    return value > summit_date[:len(value)]


def before(value: str | None, summit_date: str | None) -> bool:
    if not value or not summit_date:
        return False
    return value < summit_date[:len(value)]
