"""Dating a text by the summits it names (extract/data/summits.tsv).

News of a summit often gives only a day ("29일 정상회담을 열고", "on Saturday"): the year and
the month are what every reader of that day knew. A text that names two leaders who met
(or the pair 한미, the venue, the summit's own name) and a day of that meeting was written
on or just after it; the text's other days (a poll taken 지난 21~22일, a result 24일 발표)
then fall in the same month. A text that announces a summit as coming (향후 개최될, will
hold) was written before it: with a year it states, the day before the earliest such
summit of that year.

A summit is *named* when the text names all its leaders, or its pair/trio of countries
(한미, 북미, 한미일) together with a leader or the venue, or its own name with the venue. It
*anchors* the text when a day of the text matches it: a month and day, a bare day, or a
weekday the text names. Only then does it give a date; without an anchor the summits named
as coming may bound it. Nothing here consults the clock.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from . import datecal
from .terms import EN_WEEKDAY_RE, EN_WEEKDAYS, KO_WEEKDAY_RE, data_rows, load_terms, window

DATA = Path(__file__).resolve().parent.parent / "data" / "summits.tsv"
# a meeting of leaders in any words: 정상회담, 회동, 만나, summit, talks, met
SUMMIT_WORD = re.compile(r"정상\s?회[담의]|首脳会[談議]|[Ss]ummit|SUMMIT|회담|회동|만났|만나|[Tt]alks|\bmet\b|会談")
# a coming summit: the words that announce it, in the summit word's sentence
COMING = re.compile(r"향후|앞으로|개최될|열릴|예정|앞두고|앞둔|추진\s?중|될 것|오는|upcoming|will (?:hold|meet)|"
                    r"to be held|planned|開催予定")
HELD = re.compile(r"열린|열렸|개최된|개최했|개최되었|가졌|했다|진행했|held|met\b")
SENTENCE_REACH = 120
LOCAL_TIME = re.compile(r"\s?[(（]?\s?(?:현지\s?시[간각]|local time)")
LOCAL_BEFORE = re.compile(r"(?:현지\s?시[간각]|local time)\s?(?:으로|기준)?\s?$")
# days of the text after the anchoring summit still count (a poll published a week later)
AFTER_DAYS = 30


@dataclass(frozen=True)
class Summit:
    id: str
    start: dt.date
    end: dt.date
    parties: frozenset[str]
    leaders: tuple[str, ...]
    places: tuple[str, ...]
    names: tuple[str, ...]

    def days(self):
        d = self.start
        while d <= self.end:
            yield d
            d += dt.timedelta(days=1)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def load_summits() -> tuple[Summit, ...]:
    return _load(DATA)


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> tuple[Summit, ...]:
    if not path.exists():
        return ()
    out = []
    for sid, start, end, parties, leaders, places, names in data_rows(path, 7):
        s = dt.date.fromisoformat(start)
        out.append(Summit(sid, s, dt.date.fromisoformat(end) if end else s, frozenset(_split(parties)),
                          _split(leaders), _split(places), _split(names)))
    return tuple(out)


def _named_people(text: str) -> set[str]:
    """Ids of the leaders the text names (any of their names, not only with a title)."""
    found = set()
    for t in load_terms():
        if t.id in found:
            continue
        for n in t.names:
            if _contains(text, n):
                found.add(t.id)
                break
    return found


@functools.lru_cache(maxsize=4096)
def _word_re(word: str) -> re.Pattern:
    # Latin names as words and without case ("GYEONGJU"); Hangul ones as written
    if word.isascii():
        return re.compile(r"(?<![A-Za-z])" + re.escape(word) + r"(?![a-z])", re.IGNORECASE)
    return re.compile(re.escape(word))


def _contains(text: str, word: str) -> bool:
    return _word_re(word).search(text) is not None


def _groups(text: str) -> list[frozenset[str]]:
    from ..actors.groups import find_groups

    return [frozenset(members) for _a, _z, members in find_groups(text, named=False)]


def named_summits(text: str) -> list[Summit]:
    """The known summits the text names (see the module's note)."""
    summits = load_summits()
    if not summits or not SUMMIT_WORD.search(text):
        return []
    people = _named_people(text)
    groups = set(_groups(text))
    out = []
    for s in summits:
        leaders = sum(1 for p in s.leaders if p in people)
        place, name = _where(text, s)
        group = s.parties in groups
        if (s.leaders and leaders == len(s.leaders)) or (group and (leaders or place)) or (name and place):
            out.append(s)
    return out


def _weekdays(text: str) -> set[int]:
    days = {EN_WEEKDAYS.index(m.group(1).lower()) for m in EN_WEEKDAY_RE.finditer(text)}
    return days | {"월화수목금토일".index(m.group(1)) for m in KO_WEEKDAY_RE.finditer(text)}


def _day_mentions(mentions):
    """(month or None, day, last day, past) of the dates without a year."""
    for mn in mentions:
        if mn.y is not None or mn.yrel is not None or mn.mrel is not None or mn.fn is not None:
            continue
        if mn.d is None or mn.tense > 0:
            continue
        last = mn.end if mn.end is not None and mn.end.d is not None else mn
        yield mn.m, mn.d, last.d, mn.tense < 0, mn


def _anchor_strength(s: Summit, days, weekdays: set[int]) -> int:
    """How strongly the text's days point at this summit: 3 a month and day, 2 a bare day,
    1 a weekday, 0 none."""
    best = 0
    for d in s.days():
        for month, first, last, _past, _mn in days:
            if first <= d.day <= last:
                best = max(best, 3 if month == d.month else 2 if month is None else 0)
        if d.weekday() in weekdays:
            best = max(best, 1)
    return best


def _where(text: str, s: Summit) -> tuple[bool, bool]:
    """The venue named, then the summit's own name (a venue tells one meeting from the
    others of the same leaders; names such as 한미일 정상회의 are shared by many)."""
    return any(_contains(text, p) for p in s.places), any(_contains(text, n) for n in s.names)


def _summit_sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in SUMMIT_WORD.finditer(text):
        a, z = _bounds(text, m.start(), m.end())
        if not out or a > out[-1][1]:
            out.append((a, z))
    return out


def _near(s: Summit, days, sentences) -> bool:
    """A day of this summit written in a sentence that speaks of a summit."""
    return any(first <= d.day <= last and any(a <= mn.start < z for a, z in sentences)
               for d in s.days() for month, first, last, _past, mn in days if month in (None, d.month))


# A news text's dated days lie within weeks of the meeting it reports.
_MONTH_DAY_REACH = dt.timedelta(days=45)


def _month_days_agree(s: Summit, days) -> bool:
    """The text's month-and-day dates (without a year), if any, lie near the summit in one of
    the years around it: "Oct. 29" in a dateline rules out a meeting of January."""
    written = [(month, first) for month, first, _last, _past, _mn in days if month is not None]
    if not written:
        return True
    for month, day in written:
        for year in (s.start.year - 1, s.start.year, s.start.year + 1):
            if datecal.valid(year, month, day) and \
                    s.start - _MONTH_DAY_REACH <= dt.date(year, month, day) <= s.end + _MONTH_DAY_REACH:
                return True
    return False


def _in_window(day: dt.date, spans) -> bool:
    return spans is None or any(a <= day and (b is None or day <= b) for a, b in spans)


def _past_years(mentions) -> list[int]:
    return [mn.y for mn in mentions if mn.y is not None and mn.fn is None and mn.tense <= 0]


def date_by_summits(text: str, mentions, is_future) -> dt.date | None:
    named = named_summits(text)
    if not named:
        return None
    spans = window(text)
    spans = spans if spans else None
    years = _past_years(mentions)
    floor = dt.date(max(years), 1, 1) if years else dt.date.min
    named = [s for s in named if _in_window(s.start, spans) and s.end >= floor]
    days = [x for x in _day_mentions(mentions) if not is_future(text, x[4])]
    weekdays = _weekdays(text)
    # a day that fits decides first, then the venue or the summit's name the text gives
    near = _summit_sentences(text)
    scored = [(k, s) for s in named if (k := _anchor_strength(s, days, weekdays))]
    # a weekday or a bare day fits many meetings: not one far from a month and day the text writes
    scored = [(k, s) for k, s in scored if k == 3 or _month_days_agree(s, days)]
    sure = [s for k, s in scored if k == 3]
    if sure:                    # month and day: every such summit was before the writing
        return _written(text, max(sure, key=lambda s: s.start), days, weekdays)
    if scored:
        # a day of it in a sentence about a summit, then the venue, then its own name
        keyed = [((k, _near(s, days, near), *_where(text, s)), s) for k, s in scored]
        top = max(k for k, _ in keyed)
        best = [s for k, s in keyed if k == top]
        if len({s.start for s in best}) == 1:
            return _written(text, best[0], days, weekdays)
        return None                        # two summits fit equally: no guess
    return _before_coming(text, named, years)


def _written(text: str, s: Summit, days, weekdays: set[int]) -> dt.date:
    """The latest day of the text placed in the anchoring summit's month (or just after);
    a day said to be past (지난 21~22일) was before the writing, so the day after it, and
    so is a day in the venue's local time (21일(현지시간)): a Korean desk, hours ahead of
    a venue abroad, files it on its own next day."""
    ref = max((d for d in s.days() if d.weekday() in weekdays), default=s.start)
    for month, _first, last, past, _mn in days:
        y, m = s.start.year, month or s.start.month
        if not datecal.valid(y, m, last):
            continue
        day = dt.date(y, m, last)
        if month is None and day < s.start - dt.timedelta(days=20):
            m2 = 1 if m == 12 else m + 1
            y2 = y + 1 if m == 12 else y
            if not datecal.valid(y2, m2, last):
                continue
            day = dt.date(y2, m2, last)
        if past or LOCAL_TIME.match(text, _mn.stop) or LOCAL_BEFORE.search(text, max(0, _mn.start - 10), _mn.start):
            day += dt.timedelta(days=1)
        if ref < day <= s.end + dt.timedelta(days=AFTER_DAYS) and day >= s.start:
            ref = day
    return ref


def _before_coming(text: str, named: list[Summit], years: list[int]) -> dt.date | None:
    """The day before the earliest summit the text announces as coming, in the year it
    states (a text of 2018 that looks ahead to a summit was written before the first one)."""
    if not years or not _announces(text):
        return None
    year = max(years)
    coming = [s.start for s in named if s.start.year == year]
    return min(coming) - dt.timedelta(days=1) if coming else None


def _announces(text: str) -> bool:
    """A summit word in a sentence that speaks of it as coming, none as held."""
    coming = held = False
    for m in SUMMIT_WORD.finditer(text):
        seg = _sentence(text, m.start(), m.end())
        coming = coming or bool(COMING.search(seg))
        held = held or bool(HELD.search(seg))
    return coming and not held


def _sentence(text: str, a: int, z: int) -> str:
    return text[slice(*_bounds(text, a, z))]


def _bounds(text: str, a: int, z: int) -> tuple[int, int]:
    lo = max(0, a - SENTENCE_REACH)
    cut = max(text.rfind(ch, lo, a) for ch in ".?!\n")
    start = lo if cut < 0 else cut + 1
    hi = min(len(text), z + SENTENCE_REACH)
    ends = [i for ch in ".?!\n" if (i := text.find(ch, z, hi)) >= 0]
    return start, min(ends) if ends else hi
