"""Dates named by words rather than numbers: English deictic forms (today, last week, on
Tuesday, earlier this year, in July), holidays (광복절, 성탄절, 설날 and 추석 by the lunar
calendar), seasons (봄, 올 가을), 새해, and a few numeric shapes of web pages (a year opening
a title line, "07.22.25 07:12 PM").

``WORD_PATTERNS`` are always scanned; ``EN_DEICTIC_PATTERNS`` need the reference date and
join the deictic forms. Holiday names and their days are data (extract/data/holidays.tsv).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

from . import datecal
from .date_deictic import _d, _mk, register as _register
from .date_patterns import Mention

WORD_PATTERNS: list = []
EN_DEICTIC_PATTERNS: list = []
HOLIDAYS = Path(__file__).resolve().parent.parent / "data" / "holidays.tsv"
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")




# The sentence around a match says whether a weekday or a month lies ahead or behind.
EN_FUTURE = re.compile(r"\b(?:will|'ll|shall|is to|are to|is due|are due|scheduled|plans? to|is expected to|"
                       r"are expected to|next|upcoming|coming)\b")


def _sentence(text: str, s: int, e: int) -> str:
    a = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), 0)
    b = min([i for i in (text.find(". ", e), text.find("\n", e)) if i >= 0] or [len(text)])
    return text[a:b]


def _en_tense(text: str, s: int, e: int) -> int:
    return 1 if EN_FUTURE.search(_sentence(text, s, e)) else -1


# ---------------------------------------------------------------- English, deictic

EN_DAY = {"today": 0, "yesterday": -1, "tomorrow": 1}


@_register(EN_DEICTIC_PATTERNS, r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow)\b(?!['’]s)")
def _en_day(m):
    off = EN_DAY[m.group().lower()]
    return _mk(m, lambda ref, off=off: (_d(ref + dt.timedelta(days=off)), None))


# on Tuesday, last Friday, next Monday, this Wednesday: news counts a bare weekday back
# to the latest one (the day of writing included) unless the sentence looks ahead
@_register(EN_DEICTIC_PATTERNS, r"\b(?:(?P<w>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>" + "|".join(EN_WEEKDAYS) + r")\b"
           r"(?!,?\s+(?:" + "|".join(EN_MONTH_NAMES) + r")|\s*,\s*\d)")
def _en_weekday(m):
    wd = EN_WEEKDAYS.index(m["wd"])
    which = (m["w"] or "").lower()
    tense = 1 if which == "next" else -1 if which == "last" else _en_tense(m.string, m.start(), m.end())

    def fn(ref, wd=wd, tense=tense, which=which):
        back = (ref.weekday() - wd) % 7
        if tense < 0:
            day = ref - dt.timedelta(days=back or (7 if which == "last" else 0))
        else:
            ahead = (wd - ref.weekday()) % 7
            day = ref + dt.timedelta(days=ahead or (7 if which == "next" else 0))
        return _d(day), None
    return _mk(m, fn)


# last week, this week, next week; last month ...; this year, earlier this year, within this year
@_register(EN_DEICTIC_PATTERNS, r"\b(?P<pre>(?:[Ee]arlier|[Ll]ater|[Ww]ithin|[Ss]ince)\s+)?(?P<w>[Ll]ast|[Tt]his|[Nn]ext)"
           r"\s+(?P<u>week|month|year)\b")
def _en_period(m):
    shift = {"last": -1, "this": 0, "next": 1}[m["w"].lower()]
    unit = m["u"]

    def fn(ref, shift=shift, unit=unit):
        if unit == "week":
            start = datecal.week_start(ref) + dt.timedelta(days=7 * shift)
            return _d(start), _d(start + dt.timedelta(days=6))
        if unit == "month":
            y, mo = datecal.shift_month(ref.year, ref.month, shift)
            return datecal.iso(y, mo), None
        return datecal.iso(ref.year + shift), None
    return _mk(m, fn)


# in July, since October, expired in October, last March, early next month is above;
# a month name alone only after a word that makes it a time (May is also a verb)
@_register(EN_DEICTIC_PATTERNS, r"\b(?P<pre>in|since|by|until|from|through|during|last|next|this|early|late|mid-?|"
           r"In|Since|By|Until|From|Through|During|Last|Next|This|Early|Late|Mid-?)\s*(?P<mon>"
           + "|".join(EN_MONTH_NAMES) + r")\b(?!\s*\d|\s*,\s*\d)")
def _en_month(m):
    mo = EN_MONTH_NAMES.index(m["mon"]) + 1
    pre = m["pre"].lower()
    tense = {"last": -1, "next": 1, "since": -1}.get(pre)
    if tense is None:
        tense = _en_tense(m.string, m.start(), m.end())
    start = m.start("mon") if pre in ("in", "since", "by", "until", "from", "through", "during") else m.start()
    fuzzy = {"early": "early", "late": "late", "mid": "mid", "mid-": "mid"}.get(pre)

    def fn(ref, mo=mo, tense=tense):
        y = datecal.infer_year(mo, None, ref, tense)
        return (datecal.iso(y, mo), None) if y else None
    return Mention(start, m.end(), fn=fn, fuzzy=fuzzy)


# ---------------------------------------------------------------- Korean words

@_register(EN_DEICTIC_PATTERNS, r"(?<![가-힣])새해(?=[^가-힣]|[는에의도를]|첫|$)")
def _new_year(m):
    # written in the first two months, 새해 is this year; in the autumn, the coming one
    return _mk(m, lambda ref: (datecal.iso(ref.year if ref.month <= 2 else ref.year + 1), None))


@functools.lru_cache(maxsize=2)
def _holidays(events: bool = False) -> dict[str, tuple]:
    """name -> (calendar, month, day) of recurring days; with ``events``, name -> (year,
    month, day) of the dated events (5·18 민주화운동)."""
    out = {}
    for line in HOLIDAYS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("names\t"):
            continue
        names, calendar, month, day, year = (line.split("\t") + [""])[:5]
        if (calendar == "event") != events:
            continue
        for name in names.split("|"):
            out[name] = (int(year), int(month), int(day)) if events else (calendar, int(month), int(day))
    return out


def _lunar_to_solar(y: int, m: int, d: int) -> dt.date | None:
    from korean_lunar_calendar import KoreanLunarCalendar

    cal = KoreanLunarCalendar()
    if not cal.setLunarDate(y, m, d, False):
        return None
    return dt.date.fromisoformat(cal.SolarIsoFormat())


def holiday_day(name: str, year: int) -> dt.date | None:
    calendar, m, d = _holidays()[name]
    if calendar == "lunar":
        return _lunar_to_solar(year, m, d)
    return dt.date(year, m, d) if datecal.valid(year, m, d) else None


@functools.lru_cache(maxsize=1)
def _holiday_regex() -> str:
    names = sorted(_holidays(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


# 광복절, 올해 추석, 지난 설날, 내년 성탄절: the year from the cue, else the nearest occurrence
YEAR_CUE = {"올해": 0, "올": 0, "지난해": -1, "작년": -1, "내년": 1}


def _holiday_pattern():
    return (rf"(?<![가-힣])(?:(?P<cue>올해|올|지난해|작년|내년|지난|오는|이번)\s?)?(?P<h>{_holiday_regex()})"
            r"(?![가-힣]{0,1}(?:기념|경축|특사|특별|사면|연설|축사|담화))")


def _holiday(m):
    name, cue = m["h"], m["cue"]

    def fn(ref, name=name, cue=cue):
        if cue in YEAR_CUE:
            day = holiday_day(name, ref.year + YEAR_CUE[cue])
        else:
            days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := holiday_day(name, y))]
            if cue == "지난":
                days = [d for d in days if d <= ref] or days
                day = max(days)
            elif cue == "오는":
                days = [d for d in days if d >= ref] or days
                day = min(days)
            else:
                day = min(days, key=lambda d: abs((d - ref).days))
        return (_d(day), None) if day else None
    return _mk(m, fn)


SEASONS = {"봄": (3, 5), "여름": (6, 8), "가을": (9, 11)}


# 올 봄, 지난해 가을, 내년 여름, 이번 봄 (a season alone is too often figurative: 한반도의 봄)
@_register(EN_DEICTIC_PATTERNS, r"(?<![가-힣])(?P<cue>올해|올|지난해|작년|내년|이번|지난|오는)\s?(?P<s>봄|여름|가을)"
           r"(?=[^가-힣]|[에은는의도부까철]|$)")
def _season(m):
    cue, (a, b) = m["cue"], SEASONS[m["s"]]

    def fn(ref, cue=cue, a=a, b=b):
        if cue in YEAR_CUE:
            y = ref.year + YEAR_CUE[cue]
        elif cue == "지난":
            y = ref.year if ref.month > b else ref.year - 1
        elif cue == "오는":
            y = ref.year if ref.month < a else ref.year + 1
        else:
            y = ref.year
        return datecal.iso(y, a), datecal.iso(y, b)
    return _mk(m, fn)


# ---------------------------------------------------------------- numeric shapes of pages

# "2026 미국 외교 전망" opening a title line, or the title after its series label
# ("[현안 진단] 2026 …"): a year, not a count (a unit would follow). Two patterns: each opens
# with what the prefilter can skip to (a line start, a closing bracket).
_TITLE_REST = r"(?=[ \t]+[가-힣A-Za-z]{2,}[ \t][가-힣A-Za-z])"


@_register(WORD_PATTERNS, r"[\]】」』》][ \t]?(?P<y>(?:19|20)\d{2})" + _TITLE_REST, 2)
def _labelled_title_year(m):
    return _title_year(m)


@_register(WORD_PATTERNS, r"(?m)^[ \t]*(?P<y>(?:19|20)\d{2})" + _TITLE_REST, 2)
def _title_year(m):
    rest = m.string[m.end():m.end() + 12]
    if re.match(r"[ \t]+(?:명|개|건|원|달러|개국|곳|년|번|회|차례|대|척|톤|kg|km|여|만|억|천)", rest):
        return None
    return Mention(m.start("y"), m.end("y"), y=int(m["y"]))


# "07.22.25 07:12 PM": a US month.day.year stamp, recognised only with its clock time
@_register(WORD_PATTERNS, r"(?<![\d.])(?P<m>0[1-9]|1[0-2])\.(?P<d>[0-2]\d|3[01])\.(?P<y>\d{2})(?=[ \t]+\d{1,2}:\d{2}[ \t]?"
           r"(?:AM|PM|am|pm|a\.m\.|p\.m\.))", 3)
def _us_stamp(m):
    y = 2000 + int(m["y"])
    mo, d = int(m["m"]), int(m["d"])
    return Mention(m.start(), m.end(), y=y, m=mo, d=d) if datecal.valid(y, mo, d) else None


# the in-2023 shape the bare-year rule leaves out: "in 2023 signed", "since 2019 has"
@_register(WORD_PATTERNS, r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil)[ \t]+(?P<y>(?:19|20)\d{2})(?=[ \t]+(?:[a-z]+ed|has|had|have|"
           r"it|they|he|she|we|signed|won|made|took|began|set|held|met|saw)\b)", 2)
def _en_year_clause(m):
    return Mention(m.start("y"), m.end("y"), y=int(m["y"]))


def _event(m):
    y, mo, d = _holidays(True)[m.group()]
    return Mention(m.start(), m.end(), y=y, m=mo, d=d)


def _install_holidays():
    EN_DEICTIC_PATTERNS.append((re.compile(_holiday_pattern()), _holiday, 1, None, None))
    events = "|".join(re.escape(n) for n in sorted(_holidays(True), key=len, reverse=True))
    WORD_PATTERNS.append((re.compile(rf"(?<![\d가-힣])(?:{events})"), _event, 4, None, None))


_install_holidays()
