"""The document's main summit: who met (the parties) and when (the date).

Parties: the country group or countries written just before 정상회담/summit or 정상 ("한미 정상"),
else the countries of the leaders who meet in the sentence ("A 대통령과 B 총리는 … 정상회담을
가졌다"), most often; ``Summit.parties_at`` gives the parties of the summit a section is about.
Date: the day-precision date written next to the summit word ("2월 7일의 미일정상회담",
"정상회담(2.7)"), most often — dates after "이틀 후" or "이후" relate to the summit and are not it.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from .claimkeys import FactIndex

SUMMIT_WORD = re.compile(r"정상\s?회담|정상\s?회의|首脳会談|summit|Summit")
# Words that say a statement or meeting of the parties stands behind a claim.
SUMMIT_CONTEXT = re.compile(r"정상\s?회담|정상\s?회의|회담|공동\s?성명|공동\s?선언|공동\s?발표|합의문|성명|선언문|"
                            r"정상들?|양\s?정상|두\s?정상|양국|양측|首脳|summit|joint statement|communiqu", re.I)
_MET = re.compile(r"(?<!정상)회담(?:했|하였|을\s?(?:가졌|열었|개최))")
_LEADERS = re.compile(r"정상(?!\s?회[담의])")
_RELATIVE = re.compile(r"후|전|뒤|이후|이전|다음|앞서|after|before")
_BEFORE_WINDOW = 30
_AFTER_WINDOW = 4


@dataclass(slots=True)
class Summit:
    parties: tuple[str, ...] = ()
    date: str | None = None
    # (position, parties) of every mention that names who met, and section starts: a brief on two
    # summits ("□ 미중 정상회담 … □ 중일 정상회담") speaks of each one's parties in its section
    mentions: tuple = ()
    sections: tuple = ()
    positions: tuple = ()        # the mentions' positions, for look-ups (filled in by ``find``)

    def parties_at(self, pos: int) -> tuple[str, ...]:
        """Parties of the summit last named before ``pos`` in its section, else the main ones."""
        k = bisect.bisect_right(self.sections, pos) - 1
        lo = self.sections[k] if k >= 0 else 0
        if len(self.positions) == len(self.mentions):
            j = bisect.bisect_right(self.positions, pos) - 1
        else:
            j = bisect.bisect_right(self.mentions, pos, key=lambda m: m[0]) - 1   # mentions are in text order
        return self.mentions[j][1] if j >= 0 and self.mentions[j][0] >= lo else self.parties


def find(ctx, index: FactIndex) -> Summit:
    text = ctx.text.text
    party_votes: Counter = Counter()
    # (parties of the summit word, date) -> votes: "APEC 정상회의(10월 31일~11월 1일)" is a summit
    # word too, but not the meeting of the parties, so its date must not become theirs
    date_votes: Counter = Counter()
    starts = [x.start for x in ctx.sentences]
    mentions: list = []
    # "한미 정상", "한·중 정상은": a group right before the word for the leaders names the parties
    for m in _LEADERS.finditer(text, 0, ctx.body_end):
        groups = [s for s in index.within(max(0, m.start() - 12), m.start())
                  if s[2] == "GROUP" and 0 <= m.start() - s[1] <= 1 and len(s[3]) == 2]
        if groups:
            party_votes[tuple(groups[-1][3])] += 1
            mentions.append((m.start(), tuple(groups[-1][3])))
    for m in SUMMIT_WORD.finditer(text, 0, ctx.body_end):
        # parties: a group or countries right before the word ("미일정상회담", "한·일 정상회담")
        near = [s for s in index.within(max(0, m.start() - 12), m.start()) if s[1] <= m.start() + 1]
        groups = [s for s in near if s[2] == "GROUP" and m.start() - s[1] <= 2]
        who: tuple = ()
        if groups:
            who = tuple(groups[-1][3])
            party_votes[who] += 1
        else:
            isos = [s[3] for s in near if s[2] == "COUNTRY" and s[3]]
            if len(set(isos)) >= 2:
                who = tuple(dict.fromkeys(isos))[-2:]
                party_votes[who] += 1
            else:
                who = _participants(ctx, index, starts, m.start()) or ()
                if len(who) == 2:
                    party_votes[who] += 1
        if who:
            mentions.append((m.start(), who))
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
            date_votes[(who, d.value)] += 1
        # "A와 B는 2025년 10월 30일 부산에서 … 정상회담을 가졌다": the day the sentence gives
        held = HELD.match(text, m.end())
        if held:
            d = _sentence_day(ctx, index, starts, m.start())
            if d is not None:
                date_votes[(who, d.value)] += 1
    # a bare "회담했다" names the parties too ("A와 B는 … 회담했다"), but not the summit's date
    for m in _MET.finditer(text, 0, ctx.body_end):
        met = _participants(ctx, index, starts, m.start())
        if met and len(met) == 2:
            if not party_votes:
                party_votes[met] += 1
            mentions.append((m.start(), met))
    # "시진핑 주석과 정상회담을 갖고": one party named, the other is the one the document follows
    # (ties go to the country the document names most often)
    home = Counter(p for _, who in mentions if len(who) >= 2 for p in who)
    named = Counter(s[3] for s in index.spans if s[2] in ("COUNTRY", "PERSON") and isinstance(s[3], str))
    first: dict[str, int] = {}
    for s in index.spans:                 # spans are in text order: the side named first
        if s[2] in ("COUNTRY", "PERSON") and isinstance(s[3], str):
            first.setdefault(s[3], s[0])
    total = 1 + sum(named.values())
    home = Counter({p: n + (named[p] + 1 / (2 + first.get(p, len(text)))) / total for p, n in home.items()})
    mentions = [(at, _complete(who, home)) for at, who in mentions]
    mentions = [(at, who) for at, who in mentions if len(who) >= 2]
    mentions.sort()
    parties = party_votes.most_common(1)[0][0] if party_votes else ()
    sections = tuple(sorted(h.start for h in getattr(ctx.structure, "headings", []) or []))
    date = None
    votes: Counter = Counter()
    for (who, value), n in date_votes.items():
        who = _complete(who, home)
        if not parties or set(who) == set(parties):
            votes[value] += n
    if not votes:              # no date next to the parties' summit: any summit word's
        for (who, value), n in date_votes.items():
            if not who:
                votes[value] += n
    if votes:
        best = max(votes.values())
        date = min(v for v, n in votes.items() if n == best)
    return Summit(tuple(parties), date, tuple(mentions), sections, tuple(at for at, _ in mentions))


# A summit word followed by the verb that says it took place.
HELD = re.compile(r"(?:을|를)?\s?(?:갖|가졌|가진|열었|열고|연\s|하고|했|하였|개최(?:했|하였|하고|됐|되었))")


def _complete(who: tuple, home: Counter) -> tuple:
    if len(who) != 1:
        return who
    others = [(n, p) for p, n in home.items() if p not in who]
    return (max(others)[1], who[0]) if others else who


def _sentence_day(ctx, index: FactIndex, starts, pos: int):
    """The first day-precision date of the sentence before ``pos``, when it dates the sentence
    (not "이틀 후", not a deadline "…까지")."""
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return None
    lo = ctx.sentences[i].start
    text = ctx.text.text
    for d in index.dates_within(lo, pos):
        if d.start < lo or len(d.value) != 10 or _RELATIVE.search(d.text or ""):
            continue
        if (d.text or "").endswith(("까지", "부터")) or text.startswith(("까지", "부터"), d.stop):
            continue
        return d
    return None


def _participants(ctx, index: FactIndex, starts, pos: int) -> tuple[str, ...] | None:
    """The two countries whose leaders meet in the sentence that holds a summit word:
    "A와 B는 … 정상회담을 가졌다", "A는 … B 총리와 정상회담을 가졌다" (people named before the word)."""
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return None
    lo = ctx.sentences[i].start
    people = [s[3] for s in index.within(lo, pos) if s[2] == "PERSON" and isinstance(s[3], str) and s[0] >= lo]
    isos = tuple(dict.fromkeys(people))
    return isos if len(isos) in (1, 2) else None


def after(value: str | None, summit_date: str | None) -> bool:
    """True when a date lies wholly after the summit day (at the date's own precision)."""
    if not value or not summit_date:
        return False
    return value > summit_date[:len(value)]


def before(value: str | None, summit_date: str | None) -> bool:
    if not value or not summit_date:
        return False
    return value < summit_date[:len(value)]
