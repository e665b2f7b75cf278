"""Deictic date forms anchored to the reference date (오늘, 내일, 다음 주 금요일, 이틀 전,
이번 주말, 다음 달 첫째 주 금요일, 지난 3주, 5일 이내...). Used only with
``parse_dates(..., deictic=True)``: in a policy brief "이틀 후" counts from the event just
narrated, not from the day of writing.

Each handler returns a Mention whose ``fn(ref) -> (value, end)`` computes ISO strings.
Weeks run Monday to Sunday.
"""
from __future__ import annotations

import datetime as dt
import re

from . import datecal
from .date_patterns import MON, Mention, REL_MONTH_MAP
from ..numbers.knumbers import AMOUNT, NATIVE_COUNTS, NATIVE_DAYS, parse_number

DEICTIC_PATTERNS: list = []
WEEKDAYS = "월화수목금토일"
# Patterns that open with a number of any shape are slow to try at every position of a long
# text; each is tried only around what it must contain (its needle) -- see dates._scan.
NEEDLES: dict = {}


def register(target: list, regex: str, priority: int = 1, flags: int = 0, needle: str | None = None):
    """A decorator that adds its function to ``target`` as the reader of ``regex``'s matches."""
    def deco(fn):
        rx = re.compile(regex, flags)
        target.append((rx, fn, priority, None, None))
        if needle:
            NEEDLES[rx] = re.compile(needle)
        return fn
    return deco


def pattern(regex: str, priority: int = 1, needle: str | None = None):
    return register(DEICTIC_PATTERNS, regex, priority, needle=needle)


# the last syllable of a length (3일, 2주, 한 달, 1년, 6개월, 이틀, 보름, 며칠) before its direction
_LENGTH_END = r"(?:[일주달년월루틀흘새레름칠]|개월|주일)\s?(?:반\s?)?"


def _d(day: dt.date) -> str:
    return day.isoformat()


def _mk(m, fn, **kw) -> Mention:
    return Mention(m.start(), m.end(), fn=fn, **kw)


DAY_WORDS = {"오늘": 0, "금일": 0, "당일": 0, "그날": 0, "그 날": 0, "이날": 0, "이 날": 0,
             "내일": 1, "명일": 1, "다음날": 1, "다음 날": 1, "그 다음날": 1, "그 다음 날": 1,
             "이튿날": 1, "모레": 2, "내일 모레": 2, "내일모레": 2, "글피": 3,
             "어제": -1, "어저께": -1, "전날": -1, "그 전날": -1, "지난날": -1, "지난 날": -1,
             "그제": -2, "그저께": -2, "그끄저께": -3, "그끄제": -3}
# words that point back to the day a text has just narrated, not to the day of writing
ANAPHORIC_DAY_WORDS = {"이날", "그날", "당일", "다음날", "그다음날", "이튿날", "전날", "그전날"}
DAY_WORD_RE = "|".join(re.escape(w).replace(r"\ ", r"\s?")
                       for w in sorted(DAY_WORDS, key=len, reverse=True))


@pattern(rf"(?<![가-힣])(?:{DAY_WORD_RE})(?!날|부로|까지의)", 1)
def _day_word(m):
    off = DAY_WORDS.get(m.group()) if m.group() in DAY_WORDS else \
        DAY_WORDS.get(re.sub(r"\s+", " ", m.group()), DAY_WORDS.get(re.sub(r"\s+", "", m.group()), 0))
    return _mk(m, lambda ref, off=off: (_d(ref + dt.timedelta(days=off)), None),
               anaphoric=re.sub(r"\s+", "", m.group()) in ANAPHORIC_DAY_WORDS)


# 금요일, 이번 금요일, 다음 주 일요일, 지난 일요일, 저번주 일요일
@pattern(rf"(?<![가-힣])(?:(?P<w>이번|다음|다다음|지난|저번)\s?(?P<wk>주\s?)?)?(?P<wd>[{WEEKDAYS}])요일"
         rf"(?:\s?(?:과|와|부터|에서)\s?(?P<wd2>[{WEEKDAYS}])요일\s?(?:사이|까지))?")
def _weekday(m):
    wd = WEEKDAYS.index(m["wd"])
    if m["wd2"]:                                    # 다음 주 화요일부터 목요일까지: one week
        wd2 = WEEKDAYS.index(m["wd2"])
        shift = {"다음": 1, "다다음": 2, "지난": -1, "저번": -1}.get(m["w"] or "", 0)

        def span(ref, shift=shift):
            start = datecal.week_start(ref) + dt.timedelta(days=7 * shift)
            return _d(start + dt.timedelta(days=wd)), _d(start + dt.timedelta(days=wd2))
        return _mk(m, span)
    shift = {"이번": 0, "다음": 1, "다다음": 2, "지난": -1, "저번": -1}.get(m["w"] or "", None)

    def fn(ref, wd=wd, shift=shift, week=bool(m["wk"]), which=m["w"]):
        start = datecal.week_start(ref)
        if shift is None:                           # bare weekday: the nearest one
            cands = [start + dt.timedelta(days=wd + 7 * k) for k in (-1, 0, 1)]
            day = min(cands, key=lambda c: (abs((c - ref).days), c < ref))
        elif which in ("지난", "저번") and not week:
            day = start + dt.timedelta(days=wd)     # 지난 일요일: the latest one before today
            if day >= ref:
                day -= dt.timedelta(days=7)
        else:
            day = start + dt.timedelta(days=wd + 7 * shift)
        return _d(day), None
    return _mk(m, fn)


ORD = r"(?P<ord>첫|두|세|네|다섯|둘|셋|넷)\s?(?:번\s?째|째)(?:\s?주)?|(?P<last>마지막)(?:\s?주)?"
ORD_N = {"첫": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5}


# 7월의 첫 번째 금요일, 다음 달 둘째주 월요일, 셋째주 화요일
@pattern(rf"(?:(?P<mon>{MON})월의?\s?|(?P<rm>이번\s?달|이\s?달|이번달|다음\s?달|지난\s?달|저번\s?달)\s?)?"
         rf"(?:{ORD})\s?(?P<wd>[{WEEKDAYS}])요일", 2)
def _nth_weekday(m):
    n = -1 if m["last"] else ORD_N[m["ord"]]
    wd = WEEKDAYS.index(m["wd"])

    def fn(ref, mon=m["mon"], rm=m["rm"]):
        if rm:
            key = re.sub(r"\s+", "", rm).replace("달", "")
            y, mo = datecal.shift_month(ref.year, ref.month, REL_MONTH_MAP.get(key, 0))
        elif mon:
            mo = int(mon)
            y = datecal.infer_year(mo, None, ref) or ref.year
        else:
            y, mo = ref.year, ref.month
        day = datecal.nth_weekday(y, mo, wd, n)
        return (_d(day), None) if day else None
    return _mk(m, fn)


def month_week(y: int, mo: int, n: int) -> dt.date | None:
    """Monday of the n-th week (-1: the last) of a month; a week belongs to the month that
    holds its Thursday (ISO's rule, also the suite's: 2016-10-01 was a Saturday, so October's
    first week starts on the 3rd)."""
    first = datecal.week_start(dt.date(y, mo, 1))
    if (first + dt.timedelta(days=3)).month != mo:
        first += dt.timedelta(days=7)
    weeks = []
    day = first
    while (day + dt.timedelta(days=3)).month == mo:
        weeks.append(day)
        day += dt.timedelta(days=7)
    if n == -1:
        return weeks[-1] if weeks else None
    return weeks[n - 1] if 1 <= n <= len(weeks) else None


# 이번 달 셋째 주, 10월의 첫째 주, 7월 마지막 주 (no weekday after it: the whole week)
@pattern(rf"(?:(?P<mon>{MON})월의?\s?|(?P<rm>이번\s?달|이\s?달|다음\s?달|지난\s?달|저번\s?달)\s?)"
         rf"(?:(?P<ord>첫|두|세|네|다섯|둘|셋|넷)\s?(?:번\s?째|째)|(?P<last>마지막))\s?주(?!말|간|년|일|차|기|\s?[{WEEKDAYS}]요일)", 2)
def _month_week(m):
    n = -1 if m["last"] else ORD_N[m["ord"]]

    def fn(ref, mon=m["mon"], rm=m["rm"], n=n):
        if rm:
            key = re.sub(r"\s+", "", rm).replace("달", "")
            y, mo = datecal.shift_month(ref.year, ref.month, REL_MONTH_MAP.get(key, 0))
        else:
            mo = int(mon)
            y = datecal.infer_year(mo, None, ref) or ref.year
        start = month_week(y, mo, n)
        return (_d(start), _d(start + dt.timedelta(days=6))) if start else None
    return _mk(m, fn)


UNIT_DAYS = {"일": "days", "주": "weeks", "주일": "weeks", "개월": "months", "달": "months", "년": "years"}
QTY = rf"(?:{AMOUNT}|한|두|세|네|몇|열)"
PART = rf"{QTY}\s?(?:년|개월|달|주일|주|일)"
NATIVE = "|".join(sorted(NATIVE_DAYS, key=len, reverse=True))
ANCHOR = r"(?P<anchor>지금으로부터|오늘로부터|오늘부터|어제로부터|어제부터|내일로부터|내일부터)\s?"
ANCHOR_DAYS = {"지금": 0, "오늘": 0, "어제": -1, "내일": 1}


def _offset(text: str) -> dict | None:
    """{"days": 21, "months": 1, ...} of "1개월 21일", "이틀", "며칠", "한 달"."""
    out = {"years": 0, "months": 0, "weeks": 0, "days": 0}
    if text.strip() in ("며칠", "몇일"):
        out["days"] = 3
        return out
    for nat, n in NATIVE_DAYS.items():
        if text.strip() == nat:
            out["days"] = n
            return out
    for pm in re.finditer(rf"(?P<q>{QTY})\s?(?P<u>년|개월|달|주일|주|일)", text):
        q = pm["q"]
        n = NATIVE_COUNTS.get(q) or (3 if q == "몇" else None) or parse_number(q)
        if not n:
            return None
        out[UNIT_DAYS[pm["u"]]] += int(n)
    return out


# 이틀 전, 2주 후, 한 달 전, 2년 1개월 21일 전, 지금으로부터 2주 후, 삼일 후
@pattern(rf"(?:{ANCHOR})?(?P<off>(?:{PART}(?:\s?하고\s?|,\s?|\s)?)+|{NATIVE}|며칠|몇일)\s?(?:반\s?)?"
         r"(?P<dir>후|뒤|전|지나서)(?P<until>까지)?(?![가-힣]{0,1}(?:략|체|후|쟁|부))", 2,
         needle=_LENGTH_END + "(?:후|뒤|전|지나서)")
def _relative_offset(m):
    off = _offset(m["off"])
    if off is None:
        return None
    sign = -1 if m["dir"] == "전" else 1
    base = ANCHOR_DAYS.get((m["anchor"] or "지금")[:2], 0)
    # "오늘부터 이틀 후까지": from the anchor to the offset day
    as_range = bool(m["until"] and m["anchor"] and "부터" in m["anchor"])

    def fn(ref, off=off, sign=sign, base=base, as_range=as_range):
        anchor = ref + dt.timedelta(days=base)
        day = datecal.add_offset(anchor, **{k: sign * v for k, v in off.items()})
        return (_d(anchor), _d(day)) if as_range else (_d(day), None)
    return _mk(m, fn, anaphoric=not m["anchor"])


# 이번 달 초반에, 올해 들어 먼저: from the start of the period to the reference
@pattern(r"(?P<p>이번\s?주|이번\s?달|이\s?달|올\s?해|올해)에\s?(?:좀\s?더\s?)?(?:일찍|앞서)", 3)
def _earlier_in(m):
    p = re.sub(r"\s+", "", m["p"])

    def fn(ref, p=p):
        if p == "이번주":
            start = datecal.week_start(ref)
        elif p in ("이번달", "이달"):
            start = ref.replace(day=1)
        else:
            start = ref.replace(month=1, day=1)
        return _d(start), _d(ref)
    return _mk(m, fn)


# 이번 주, 다음 주, 다가오는 주, 지난주, 같은 주, 이번 주말, 주말, 다음 주 초, 지난 주 후반
@pattern(r"(?<![가-힣])(?:(?P<w>이번|이|다음|다가오는|다다음|지난|저번|같은|그)\s?)?주(?P<we>말)?"
         r"(?:\s?(?P<fz>초반|초|전반|후반|말))?"
         r"(?![가-힣]{0,1}(?:년|간|일|요|식|가|민|장|택|의원|한|재|도|체|로|요|력|변))")
def _week(m):
    if not m["w"] and not m["we"]:
        return None
    shift = {"다음": 1, "다가오는": 1, "다다음": 2, "지난": -1, "저번": -1}.get(m["w"] or "", 0)
    part = {"초": "early", "초반": "early", "전반": "early", "후반": "late", "말": "late"}.get(m["fz"] or "")

    def fn(ref, shift=shift, weekend=bool(m["we"]), part=part):
        start = datecal.week_start(ref) + dt.timedelta(days=7 * shift)
        if weekend:
            return _d(start + dt.timedelta(days=5)), _d(start + dt.timedelta(days=6))
        if part == "early":                       # Monday to Wednesday
            return _d(start), _d(start + dt.timedelta(days=2))
        if part == "late":                        # Thursday to Sunday
            return _d(start + dt.timedelta(days=3)), _d(start + dt.timedelta(days=6))
        return _d(start), _d(start + dt.timedelta(days=6))
    return _mk(m, fn)


# 2015년 첫 번째 주, 올해 셋째 주, 2015년 마지막 주: ISO weeks of a year
@pattern(rf"(?:(?P<y>(?:1[0-9]|20)\d{{2}})년|(?P<ry>올\s?해|올해|다음\s?해|내년|지난\s?해|작년))\s?(?:{ORD})(?<!주)\s?주", 3)
def _year_week(m):
    n = -1 if m["last"] else ORD_N[m["ord"]]

    def fn(ref, y=m["y"], ry=m["ry"], n=n):
        from .date_patterns import _rel_year
        year = int(y) if y else ref.year + _rel_year(re.sub(r"\s+", " ", ry))
        weeks = dt.date(year, 12, 28).isocalendar()[1]
        k = weeks if n == -1 else n
        start = dt.date.fromisocalendar(year, k, 1)
        return _d(start), _d(start + dt.timedelta(days=6))
    return _mk(m, fn)


# 다가오는 달, 같은 달, 같은 해, 다가오는 해
@pattern(r"(?<![가-힣])(?P<w>다가오는|같은|그)\s?(?P<u>달|해)(?![가-힣]{0,1}(?:러|변|빛|결|석))")
def _same_period(m):
    shift = 1 if m["w"] == "다가오는" else 0

    def fn(ref, shift=shift, unit=m["u"]):
        if unit == "해":
            return datecal.iso(ref.year + shift), None
        y, mo = datecal.shift_month(ref.year, ref.month, shift)
        return datecal.iso(y, mo), None
    return _mk(m, fn)


# 지난 3주, 과거 며칠, 앞으로 4주, 다가오는 3일, 향후 3개월
# ("지난 3년 동안", "지난 2년 넘게" state a length: durations, not periods)
@pattern(rf"(?<![가-힣])(?P<dir>지난|과거|최근|앞으로|다가오는|향후)\s?(?!(?:19|20)\d\d\s?년)(?P<off>{PART}|{NATIVE}|며칠)"
         r"(?!\s?동안|\s?넘게|\s?이상|\s?만에|[가-힣]*째)")
def _window(m):
    off = _offset(m["off"])
    if off is None:
        return None
    past = m["dir"] in ("지난", "과거", "최근")

    def fn(ref, off=off, past=past):
        if past:
            return _d(datecal.add_offset(ref, **{k: -v for k, v in off.items()})), _d(ref)
        start = ref + datecal.DAY
        return _d(start), _d(datecal.add_offset(start, **off))
    return _mk(m, fn)


# 5일 이내, 3년 이내, 오늘로부터 2주 내, 내일로부터 3일 안
@pattern(rf"(?:{ANCHOR})?(?P<off>(?:{PART}\s?)+|{NATIVE})\s?(?:이내|내에?|안에?)(?![가-힣]{{0,1}}(?:용|부|각|외))",
         needle=_LENGTH_END + "(?:이내|내|안)")
def _within(m):
    off = _offset(m["off"])
    if off is None:
        return None
    base = ANCHOR_DAYS.get((m["anchor"] or "지금")[:2], 0)

    def fn(ref, off=off, base=base):
        start = ref + dt.timedelta(days=base)
        return _d(start), _d(datecal.add_offset(start, **off))
    return _mk(m, fn)
