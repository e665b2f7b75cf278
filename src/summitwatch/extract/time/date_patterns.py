"""Surface patterns of dates in Korean text (with English and Japanese forms), each
turned into an unresolved ``Mention``. Resolution against a reference date is in dates.py.

A mention may lack a year (2월 7일, (2.9)), be relative (지난해 10월, 연내), fuzzy
(10월 말, 상반기), day-only (25일, 지난 11~13일) or deictic (내일, 다음 주 금요일: only
when ``deictic`` patterns are used).

Speed: a pattern that starts with a number is not run over the whole text: NUMBER_LEAD
finds the numbers followed by a character some pattern needs (년, 월, ".", 일 ...) and
dates.py tries just those patterns there (``after``). The other patterns start with a plain
character or class (지, 연, 상, a capital letter), so the regex engine skips to candidates in
C. Lookbehinds and optional prefixes would defeat both, so they are checked in Python on the
few matches: ``not_after`` (a class the preceding character must not be in) and
``cue_before`` (지난/오는 written before the number, made part of the span as the team's
examples write it: "지난 8월 24일", "오는 26일").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from . import datecal
from ..numbers.knumbers import parse_number


@dataclass
class Mention:
    start: int
    stop: int
    y: int | None = None
    m: int | None = None
    d: int | None = None
    yrel: int | None = None          # year relative to the reference (지난해 = -1)
    mrel: int | None = None          # month relative to the reference (다음 달 = +1)
    tense: int = 0                   # -1 past (지난), +1 future (오는, 예정)
    fuzzy: str | None = None         # early, mid, late, half, quarter, decade, century
    months: tuple[int, int] | None = None   # month span of a half or quarter
    years: tuple[int, int] | None = None    # year span of a decade or century
    weak: bool = False               # bare day ("15일") without support: dropped in documents
    fn: Callable | None = None       # deictic: ref -> (value, end)
    wd: int | None = None            # weekday written with it ("(토)"), Monday = 0
    end: "Mention | None" = None
    priority: int = 0
    anaphoric: bool = False          # 이날, 다음 날, 이틀 후: counted from the day just narrated


_ = r"[ \t\u00a0\r\n]{0,6}"                 # spaces, possibly across a hard wrap
Y4 = r"(?:1[0-9]|20)\d{2}"
MON = r"(?:1[0-2]|0?[1-9])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
N2 = r"\d\d?"                               # a leading month or day: checked in the handler
DASH_CHARS = "-~–〜∼～"
WD = "월화수목금토일"
WEEKDAY = rf"(?:{_}[(（]\s?[{WD}]\s?[)）]|{_}[{WD}]요일)?"
WEEKDAY_IN = re.compile(rf"[(（]\s?([{WD}])\s?[)）]|([{WD}])요일")
# Fuzzy part of a month or year. "말" only before a particle (not 말씀, 말하다, 말레이시아),
# "초" not 초대/초청 ...;
# 경/께 only as a suffix ("10월경에"), not the first syllable of 경주, 경제, 께서.
_SUFFIX_END = r"(?=[^가-힣]|에|부터|까지|으로|엔|의|$)"
FUZZY = (r"(?P<fz>초순|상순|중순|하순|중반|후반|전반|초반|말경|말엽|"
         r"초(?![대청과래점안기월강고등])|말(?=[^가-힣]|$|에|까지|부터|께|쯤|경|의|과|와|엔|이면|이나)|중(?=에|순|반)|"
         rf"께{_SUFFIX_END}|경{_SUFFIX_END})")
FUZZY_MAP = {"초순": "early", "상순": "early", "초": "early", "초반": "early", "전반": "early",
             "중순": "mid", "중반": "mid", "중": "mid",
             "하순": "late", "말": "late", "말경": "late", "말엽": "late", "후반": "late",
             "께": None, "경": None}
# Suffixes of a count or duration: glued (3일간, 7일째) or after a space (3일 동안).
NOT_DURATION = r"(?!(?:간|째|치|분|씩|당|여)|\s?(?:동안|만에|이내|이상|이하|가량|연속|내내)|\s간(?![가-힣]))"
# A word follows: 전 but not 전화, 후 but not 후보, 안 but not 안보.
_WORD_END = r"(?=[^가-힣]|에|까지|부터|의|만|이|$)"
KO_NUM_MONTH = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "유": 6, "육": 6, "칠": 7, "팔": 8,
                "구": 9, "시": 10, "십": 10, "십일": 11, "십이": 12}
EN_MONTHS = {m.lower(): i for i, m in enumerate(
    ["", "January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"]) if m}
EN_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
REL_YEAR = {"지난해": -1, "작년": -1, "전년": -1, "지난 해": -1, "재작년": -2, "올해": 0, "올 해": 0,
            "금년": 0, "올": 0, "이번 해": 0, "내년": 1, "다음 해": 1, "다음해": 1, "명년": 1,
            "내후년": 2, "다다음 해": 2, "다다음해": 2}
REL_YEAR_RE = r"(?P<ry>지난\s?해|작년|재작년|올\s?해|금년|내년|다음\s?해|다다음\s?해|내후년)"
REL_MONTH = r"(?P<rm>지난\s?달|저번\s?달|지난달|이번\s?달|이\s?달(?!러)|이달|다음\s?달|다다음\s?달|내달|전월|익월)"
REL_MONTH_MAP = {"지난": -1, "저번": -1, "전월": -1, "이번": 0, "이": 0, "다음": 1, "내달": 1,
                 "익월": 1, "다다음": 2}

# Tense cues written before a number: 지난 7일, 오는 10월, 이번 3월, 올 7월.
CUE_BEFORE = re.compile(r"(?<![\w.])(?P<cue>지난|오는|이번|다음|올)[ \t\u00a0\r\n]{0,6}$")
CUE_TENSE = {"지난": -1, "오는": 1, "다음": 1}
CUE_LOOKBACK = 16


def weekday_in(s: str) -> int | None:
    """Monday = 0 of the weekday written in a date's text ("(토)", "（일）", "금요일")."""
    w = WEEKDAY_IN.search(s)
    return WD.index(w[1] or w[2]) if w else None


def _int(s):
    return int(s) if s else None


def _fz(m):
    g = m.groupdict().get("fz")
    return FUZZY_MAP.get(g) if g else None


def _rel_year(s: str) -> int:
    return REL_YEAR[re.sub(r"\s+", " ", s).strip()]


def _rel_month(s: str) -> int:
    s = re.sub(r"\s+", "", s)
    for k in ("다다음", "다음", "지난", "저번", "이번", "전월", "익월", "내달"):
        if s.startswith(k):
            return REL_MONTH_MAP[k]
    return 0


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 50 else 1900 + yy


def _month(s) -> int | None:
    n = int(s)
    return n if 1 <= n <= 12 else None


def _day(s) -> int | None:
    n = int(s)
    return n if 1 <= n <= 31 else None


def cue_before(text: str, start: int, cues=("지난", "오는", "이번", "다음", "올")):
    """(cue, its start) of a tense word written just before ``start``, or (None, start)."""
    c = CUE_BEFORE.search(text, max(0, start - CUE_LOOKBACK), start)
    if c and c["cue"] in cues:
        return c["cue"], c.start()
    return None, start


# ---------------------------------------------------------------- pattern handlers
# Each entry: (compiled regex, handler(match) -> Mention | None, priority, not_after regex,
# after): ``after`` lists the characters that may follow the leading number ("년", "월",
# ".") for patterns that start with one; dates.py then tries them only where
# NUMBER_LEAD finds such a number instead of scanning the text once per pattern.
PATTERNS: list[tuple[re.Pattern, Callable, int, re.Pattern | None, str | None]] = []
NUMBER_LEAD = re.compile(r"\d{1,4}(?:[ \t]?(?P<k>[월일年月世년세./\-~–〜∼～])|[ \t]+(?P<en>[A-Z]))")


def pattern(regex: str, priority: int = 0, not_after: str | None = None, after: str | None = None, flags=0):
    """Register a handler; ``not_after``: a character class the character before the match
    must not belong to (a lookbehind, checked outside the regex to keep its fast start)."""
    def deco(fn):
        guard = re.compile(not_after) if not_after else None
        PATTERNS.append((re.compile(regex, flags), fn, priority, guard, after))
        return fn
    return deco


@pattern(rf"(?P<y>{Y4})년도?(?:{_}(?:(?P<r1>{MON})[ \t]?[{DASH_CHARS}][ \t]?(?P<r2>{MON})월(?!{_}\d)"
         rf"|(?P<m>{MON})월(?:{_}(?P<d>{DAY})일{WEEKDAY})?))?"
         rf"(?:{_}{FUZZY})?(?!\d)" + NOT_DURATION + rf"(?!대|\s?전{_WORD_END})", 5, r"[\d.]", after="년")
def _ko_ymd(m):
    mention = Mention(m.start(), m.end(), y=int(m["y"]), m=_int(m["m"]), d=_int(m["d"]), fuzzy=_fz(m))
    if m["r1"]:                                     # 2025년 7~9월
        if int(m["r2"]) <= int(m["r1"]):
            return None
        mention.months = (int(m["r1"]), int(m["r2"]))
    return mention


# 2025年2月7日, 2024年 (a year alone, but not 年間/年前/年代: a duration, an offset, a decade)
@pattern(rf"(?P<y>{Y4})年(?:(?P<m>{MON})月(?:(?P<d>{DAY})日)?|(?![間间前後后代目来來ぶ以]))", 5, r"[\d.]", after="年")
def _ja_ymd(m):
    return Mention(m.start(), m.end(), y=int(m["y"]), m=_int(m["m"]), d=_int(m["d"]))


@pattern(rf"(?P<m>{N2})月(?P<d>{DAY})日", 4, r"[\d.年]", after="月")
def _ja_md(m):
    mo = _month(m["m"])
    return Mention(m.start(), m.end(), m=mo, d=int(m["d"])) if mo else None


# Dotted dates as Korean government documents write them: a dot after the day, a weekday
# in brackets, a range whose end may be the day alone, a clock time inside the range:
# 8.23.(토), 8. 23.(토)~24.(일), 8.23.~8.24., '25.8.23.(토), 2025. 8. 24.(일),
# 8.23.(토) 10:00 ~ 8.24.(일) 12:00. The time itself is not part of a date.
def _wdb(name: str) -> str:
    return rf"[ \t]?[(（][ \t]?(?P<{name}>[{WD}])(?:요일)?[ \t]?[)）]"


CLOCK = r"(?:[ \t]?(?:오전|오후)?[ \t]?\d{1,2}:\d{2}|[ \t]?(?:오전|오후)[ \t]?\d{1,2}시(?:[ \t]?(?:\d{1,2}분|반))?)"
DOT_RANGE = (rf"(?P<tail>{CLOCK}?{_}[{DASH_CHARS}]{_}(?:(?P<m2>{N2})\.[ \t]?)?(?P<d2>{DAY})(?P<dot2>\.)?"
             rf"(?:{_wdb('w2')})?(?!\d|\.\d))?")
# what makes a lone "8.23." a date rather than a section number ("2.1. 배경"): a particle or
# a clock time after it
DOT_DATE_NEXT = re.compile(rf"(?:부터|까지|이후|이전|경|께|에|자로|자[ \t]|{CLOCK})")


def _dotted(m, y: int | None, mo: int, d: int) -> Mention | None:
    """A dotted date with its weekday and range end (dropped when it does not fit)."""
    if not datecal.valid(y or 2000, mo, d):            # 2000: leap-safe without a year
        return None
    mention = Mention(m.start(), m.end("one"), y=y, m=mo, d=d, wd=weekday_in(m["one"]))
    if m["tail"] and (m["m2"] or m["dot2"] or m["w2"]):
        mo2 = _month(m["m2"]) if m["m2"] else mo
        d2 = int(m["d2"])
        later = mo2 is not None and (mo2 != mo or d2 > d) and datecal.valid(2000, mo2, d2)
        if later:
            w2 = WD.index(m["w2"]) if m["w2"] else None
            mention.end = Mention(m.start(), m.end(), m=mo2, d=d2, wd=w2)
            mention.stop = m.end()
    return mention


# 2024.3.15 / 2024. 3. 15. / 2024-03-15 / 2024/3/15 / 2024. 3. 17.(일)
@pattern(rf"(?P<one>(?P<y>{Y4})(?P<sep>\.[ \t]?|-|/)(?P<m>{MON})(?P=sep)(?P<d>{DAY})\.?(?![\d]|\.\d)"
         rf"(?:{_wdb('w1')})?){DOT_RANGE}", 6, r"[\w.\-/]", after=".-/")
def _num_ymd(m):
    return _dotted(m, int(m["y"]), int(m["m"]), int(m["d"]))


# '24.3.15, '24.3.16.(토)
@pattern(rf"(?P<one>['’‘](?P<yy>\d{{2}})(?P<sep>\.[ \t]?|-|/)(?P<m>{MON})(?P=sep)(?P<d>{DAY})\.?(?![\d]|\.\d)"
         rf"(?:{_wdb('w1')})?){DOT_RANGE}", 6, r"[\w.\-/]")
def _num_yymd(m):
    return _dotted(m, _two_digit_year(int(m["yy"])), int(m["m"]), int(m["d"]))


# 8.23.(토), 8. 23.(토), (8.23.), 9.1.부터, 8.23.~8.24. (no year: resolved like 8월 23일)
# (the lookahead after the day fails fast on 2.5%, 1.5배: most numbers with a dot)
@pattern(rf"(?P<one>(?P<m>{N2})\.[ \t]?(?P<d>{DAY})(?=[.(（ \t])(?P<dot>\.)?(?:{_wdb('w1')})?)(?!\d|\.\d)"
         rf"{DOT_RANGE}", 4, r"[\w.\-/,:$₩€£¥]", after=".")
def _md_dotted(m):
    mo = _month(m["m"])
    if mo is None or not (m["dot"] or m["w1"]):
        return None                                  # 8.23 without either: _md_dot's case
    mention = _dotted(m, None, mo, int(m["d"]))
    if mention is None or m["w1"] or mention.end is not None:
        return mention
    text, stop = m.string, mention.stop
    if DOT_DATE_NEXT.match(text, stop) or _bracketed(text, mention.start, stop):
        return mention
    return None


def _bracketed(text: str, start: int, stop: int) -> bool:
    """(2.9), (8.23.), (2.15, ...): the first thing in brackets."""
    before = text[max(0, start - 2):start].rstrip()
    nxt = text[stop:stop + 2].lstrip()[:1]
    return before.endswith(("(", "（", "[")) and nxt in (")", "）", "]", ",")


# (2024.12): a year-month only when it stands alone in brackets
@pattern(rf"(?P<y>{Y4})\.(?P<m>{MON})(?=[)）\]])", 6, after=".")
def _num_ym(m):
    if not m.start() or m.string[m.start() - 1] not in "(（[":
        return None
    return Mention(m.start(), m.end(), y=int(m["y"]), m=int(m["m"]))


# 02/22/2016, 21/04/2016, 21-04-2016, 13.5.2015, 9-18-15, 89/05/05
@pattern(r"(?P<a>\d\d?)(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?![\d]|[.\-/]\d)", 5,
         r"[\w.\-/]", after="/-.")
def _num_dmy(m):
    a, b, c, sep = int(m["a"]), int(m["b"]), m["c"], m["sep"]
    if sep == "." and len(c) != 4:
        return None                      # 1.2.3 is a section number
    y = int(c) if len(c) == 4 else _two_digit_year(int(c))
    if len(m["a"]) == 2 and a > 31 and len(c) == 2:      # 89/05/05: YY/MM/DD
        y, mo, d = _two_digit_year(a), b, int(c)
    elif sep == ".":
        d, mo = a, b                      # dotted: European D.M.Y
    elif a > 12:
        d, mo = a, b
    else:
        mo, d = a, b                      # slash and dash: M/D/Y unless the first is > 12
    if not datecal.valid(y, mo, d):
        return None
    return Mention(m.start(), m.end(), y=y, m=mo, d=d)


COMMEMORATION = re.compile(r"(?P<glued>절)|[ \t]?(?:광복절|제헌절|개천절|한글날|현충일|어린이날|노동절|"
                           r"국군의[ \t]?날|기념일|기념식|기념사|경축식|경축사)")

# Bare month.day with an optional range: (3.9), 3.14-3.16, 5.20-21, 4.13-10.13
UNIT_AFTER = re.compile(r"\s?(?:%|％|퍼센트|배|달러|원|엔|위안|유로|명|개|조|억|만|년|세|시간|km|kg|㎞|도|℃|점|석|척)")


@pattern(rf"(?P<m>{N2})\.(?P<d>{DAY})(?:{_}[{DASH_CHARS}]{_}(?:(?P<m2>{MON})\.)?(?P<d2>{DAY}))?(?![\d.%％]|\.\d)", 3,
         r"[\w.\-/,:$₩€£¥]", after=".")
def _md_dot(m):
    text = m.string
    if UNIT_AFTER.match(text, m.end()):
        return None
    mo, d = _month(m["m"]), int(m["d"])
    if mo is None or not datecal.valid(2000, mo, d):   # leap-safe check
        return None
    if m["d2"]:
        mo2 = int(m["m2"]) if m["m2"] else mo
        d2 = int(m["d2"])
        if not datecal.valid(2000, mo2, d2) or (mo2, d2) <= (mo, d) and mo2 == mo:
            return None
        end = Mention(m.start(), m.end(), m=mo2, d=d2)
        return Mention(m.start(), m.end(), m=mo, d=d, end=end)
    # a single M.D is a date only inside brackets, (2.9), (2.15, ...), or naming the day a
    # commemoration recurs on (3.1절, 8.15 광복절: this year's); "6.25 전쟁", "5.18 민주화운동"
    # name historical events, not a day of the reference year, and stay undated
    if _bracketed(text, m.start(), m.end()):
        return Mention(m.start(), m.end(), m=mo, d=d)
    day_name = COMMEMORATION.match(text, m.end())
    if day_name:
        return Mention(m.start(), m.end() + len(day_name["glued"] or ""), m=mo, d=d)
    return None


# 2월 7일, 7월, 10월 말, 3월 중순, 3월 15~16일, 8월 7일, 2025년 (a year after the day)
@pattern(rf"(?P<m>{N2})월(?!\s?(?:간|동안))"
         rf"(?:(?:{_}|-)(?P<d>{DAY})(?:[ \t]?[{DASH_CHARS}][ \t]?(?P<d2>{DAY}))?일{WEEKDAY}" + NOT_DURATION
         + rf"(?:,?{_}(?P<y>{Y4})년?(?![\d.]))?)?(?:{_}{FUZZY})?", 3, after="월")
def _ko_md(m):
    mo = _month(m["m"])
    if mo is None or _glued(m.string, m.start(), "."):
        return None
    cue, start = cue_before(m.string, m.start())
    tense = CUE_TENSE.get(cue or "", 0)
    mention = Mention(start, m.end(), m=mo, d=_int(m["d"]), tense=tense, fuzzy=_fz(m), y=_int(m["y"]))
    if mention.d is not None:
        mention.wd = weekday_in(m.group())           # 8월 23일(토): picks the year
    if mention.y is not None:
        mention.priority = 6
        mention.tense = 0
    if cue in ("이번", "올"):
        mention.yrel = 0
    if m["d2"]:
        if int(m["d2"]) <= mention.d:
            return None
        mention.end = Mention(start, m.end(), m=mo, d=int(m["d2"]), y=mention.y)
    return mention


def _glued(text: str, start: int, marks: str) -> bool:
    """A number glued to a preceding number, one of ``marks`` or a word (제3, v2, 1.5),
    unless the word is a tense cue (지난15일)."""
    if not start:
        return False
    ch = text[start - 1]
    if ch.isdigit() or ch in marks:
        return True
    if ch.isalnum() or ch == "_":
        return cue_before(text, start)[0] is None
    return False


# 오월 이십일일, 구월 십일: Korean numeral months only with a day
KD = r"[ \t]?(?P<kd>[일이삼사오육칠팔구십]+)일(?P<tail>,?[ \t]?(?P<y>\d{4}))?"


@pattern(rf"(?P<nm>{N2})월{KD}", 2, r"[가-힣\d]", after="월")
def _num_month_ko_day(m):
    return _ko_num_md(m, _month(m["nm"]))


@pattern(rf"(?P<km>[일이삼사오유육칠팔구시십][일이]?)월{KD}", 2, r"[가-힣\d]")
def _ko_month_ko_day(m):
    return _ko_num_md(m, KO_NUM_MONTH.get(m["km"]))


def _ko_num_md(m, mo):
    d = parse_number(m["kd"])
    if not mo or not d or not datecal.valid(2000, mo, int(d)):
        return None
    return Mention(m.start(), m.end(), y=_int(m["y"]), m=mo, d=int(d))


# 지난해 10월, 올해 1월, 작년, 내년 상반기, 올해 말, 올해 내
@pattern(rf"{REL_YEAR_RE}(?:{_}(?:(?P<r1>{MON})[ \t]?[{DASH_CHARS}][ \t]?(?P<r2>{MON})월(?!{_}\d)"
         rf"|(?P<m>{MON})월(?:{_}(?P<d>{DAY})일)?"
         rf"|(?P<half>상반기|하반기)|(?P<q>[1-4])[ \t]?(?:/4[ \t]?|사)?분기|(?P<inside>내(?![가-힣]))))?(?:{_}{FUZZY})?",
         4, r"[가-힣]")
def _rel_year_m(m):
    mention = Mention(m.start(), m.end(), yrel=_rel_year(m["ry"]), m=_int(m["m"]), d=_int(m["d"]),
                      fuzzy=_fz(m))
    if m["r1"]:                                     # 올해 3~4월
        if int(m["r2"]) <= int(m["r1"]):
            return None
        mention.months = (int(m["r1"]), int(m["r2"]))
    _half_quarter(mention, m)
    return mention


def _half_quarter(mention, m):
    if m.groupdict().get("half"):
        mention.months = (1, 6) if m["half"] == "상반기" else (7, 12)
        mention.fuzzy = "half"
    elif m.groupdict().get("q"):
        q = int(m["q"])
        mention.months = (3 * q - 2, 3 * q)
        mention.fuzzy = "quarter"


# 하반기, 1분기, 2/4분기 (this year); 2025년 상반기, 2016년 3사분기
HALF_Q = r"(?:(?P<half>[상하]반기)|(?P<q>[1-4])[ \t]?(?:/4[ \t]?|사)?분기)"


@pattern(r"(?P<lead>[상하1-4])(?:(?<=[상하])반기|(?<=[1-4])[ \t]?(?:/4[ \t]?|사)?분기)", 5, r"[\d.\w]")
def _half_q(m):
    mention = Mention(m.start(), m.end(), yrel=0)
    if m["lead"] in "상하":
        mention.months = (1, 6) if m["lead"] == "상" else (7, 12)
        mention.fuzzy = "half"
    else:
        q = int(m["lead"])
        mention.months = (3 * q - 2, 3 * q)
        mention.fuzzy = "quarter"
    return mention


@pattern(rf"(?P<y>{Y4})년도?{_}{HALF_Q}", 5, r"[\d.\w]", after="년")
def _year_half_q(m):
    mention = Mention(m.start(), m.end(), y=int(m["y"]))
    _half_quarter(mention, m)
    return mention


# 연내, 연말, 연초, 연중
@pattern(r"연(?P<w>[내말초중])(?![가-힣]{0,1}(?:행사|정산))", 3, r"[가-힣]")
def _year_words(m):
    fz = {"내": None, "말": "late", "초": "early", "중": None}[m["w"]]
    return Mention(m.start(), m.end(), yrel=0, fuzzy=fz)


# 지난달, 이달 20일, 다음 달 초
# 지난달 21~23일: the day range belongs to the relative month (one span)
@pattern(rf"{REL_MONTH}(?:{_}(?P<d>{DAY})(?:[ \t]?[{DASH_CHARS}][ \t]?(?P<d2>{DAY}))?일{NOT_DURATION})?"
         rf"(?:{_}{FUZZY})?", 3, r"[가-힣]")
def _rel_month_m(m):
    mrel = _rel_month(m["rm"])
    mention = Mention(m.start(), m.end(), mrel=mrel, d=_int(m["d"]), fuzzy=_fz(m))
    if m["d2"]:
        if int(m["d2"]) <= mention.d:
            return None
        mention.end = Mention(m.start(), m.end(), mrel=mrel, d=int(m["d2"]))
    return mention


# 1970년대, 70년대, 21세기, 1990年代
@pattern(r"(?P<n>\d\d?(?:\d\d)?)(?:(?P<dec>년대|年代)|(?P<cen>세기|世紀|世纪))", 6, r"[\d.]", after="년세年世")
def _decade(m):
    n = m["n"]
    if m["cen"]:
        if len(n) > 2:
            return None
        c = int(n)
        return Mention(m.start(), m.end(), years=((c - 1) * 100, (c - 1) * 100 + 99), fuzzy="century")
    if len(n) not in (2, 4):
        return None
    y = int(n)
    if y < 100:
        y += 1900            # "70년대" is the 1970s
    return Mention(m.start(), m.end(), years=(y, y + 9), fuzzy="decade")


# 2014-2018 (year range)
@pattern(rf"(?P<y>{Y4})[ \t]?[-~–][ \t]?(?P<y2>{Y4})(?:년)?(?![\d.\-/])", 4, r"[\w.\-/]", after="-~–")
def _year_range(m):
    y, y2 = int(m["y"]), int(m["y2"])
    if y2 <= y:
        return None
    return Mention(m.start(), m.end(), y=y, end=Mention(m.start(), m.end(), y=y2))


# 7~9월, 3-4월 말: a month range (value the first month, end the last)
@pattern(rf"(?P<m>{N2})[ \t]?[{DASH_CHARS}][ \t]?(?P<m2>{N2})월(?!\s?(?:간|동안))(?!{_}\d)(?:{_}{FUZZY})?", 3,
         after=DASH_CHARS)
def _month_range(m):
    mo, mo2 = _month(m["m"]), _month(m["m2"])
    if mo is None or mo2 is None or mo2 <= mo or _glued(m.string, m.start(), ".,"):
        return None
    cue, start = cue_before(m.string, m.start())
    mention = Mention(start, m.end(), months=(mo, mo2), tense=CUE_TENSE.get(cue or "", 0), fuzzy=_fz(m))
    if cue in ("이번", "올"):
        mention.yrel = 0
    return mention


# A bare four-digit year, only where it cannot be a count or an amount: in brackets
# "(1962)", after an English preposition "Act of 1962", or naming an event "2018 평창
# 동계올림픽", "1962 쿠바 미사일 위기", "2025 APEC 정상회의".
BARE_YEAR_EN = re.compile(r"(?:\b(?:[Ii]n|[Oo]f|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Aa]fter|"
                          r"[Dd]uring|[Cc]irca|[Yy]ear)[ \t]+)$")
BARE_YEAR_EN_NEXT = re.compile(r"(?:[)\]）,.;:!?'\"”’]|$|[ \t\n]+(?:(?:and|to|when|the|as|through|until|or|but|"
                               r"with|at|in|on|was|were|is|onward|onwards)\b|[A-Z가-힣(]))")
TITLE_OF = re.compile(r"[A-Z][a-z]+[ \t]+of[ \t]+$")          # the Trade Act of 1974
EVENT_NOUN = (r"위기|전쟁|사태|혁명|회담|정상회의|선언|성명|협정|조약|합의|협약|체제|올림픽|월드컵|엑스포|"
              r"박람회|대선|총선|선거|개헌|헌법|쿠데타|봉기|항쟁|참사|지진|사변|의정서|Summit|Olympics|Expo|Crisis")
BARE_YEAR_EVENT = re.compile(rf"[ \t]+(?:[가-힣A-Za-z·]+[ \t]+){{0,3}}[가-힣A-Za-z·]*?(?:{EVENT_NOUN})"
                             r"(?=[^가-힣]|$|[은는이가을를의에과와도로])")


# "the 2024 election", "Seoul's historic 2018 summit": a determiner or a possessive, perhaps an
# adjective, then the year naming a happening (a count would name things: "the 2000 troops")
EN_YEAR_DET = re.compile(r"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Tt]his|[Tt]hat)|\w['’]s)[ \t]+"
                         r"(?:[a-z]+[ \t]+)?$")
EN_YEAR_EVENT = re.compile(r"[ \t]+(?:[A-Z][A-Za-z]+[ \t]+)?(?:election|elections|victory|win|defeat|summit|visit|"
                           r"meeting|talks|agreement|accord|deal|declaration|statement|treaty|war|crisis|campaign|"
                           r"inauguration|midterms?|census|Olympics|Games)\b")


@pattern(r"(?:19|20)\d\d(?!\d)", 2, r"[\w.,\-/$₩€£¥%+]")
def _bare_year(m):
    text, s, e = m.string, m.start(), m.end()
    if e < len(text) and text[e] in ".,-/~–%":
        return None                       # 2025.1, 2025-14, 1,962: numbers and codes
    bracketed = s > 0 and text[s - 1] in "(（" and text[e:e + 1] in (")", "）")
    english = BARE_YEAR_EN.search(text, max(0, s - 12), s) and (
        BARE_YEAR_EN_NEXT.match(text, e) or TITLE_OF.search(text, max(0, s - 30), s)) or \
        EN_YEAR_DET.search(text, max(0, s - 30), s) and EN_YEAR_EVENT.match(text, e)
    if bracketed or english or BARE_YEAR_EVENT.match(text, e):
        return Mention(s, e, y=int(m.group()))
    return None


# English: February 7, 2025 / Feb 7 / Feb. 2025
@pattern(rf"{EN_MON}(?:[ \t]+(?P<d>{DAY})(?:st|nd|rd|th)?(?:,?[ \t]+(?P<y>{Y4}))?|[ \t,]+(?P<yo>{Y4}))\b", 5,
         r"\w")
def _en_month_first(m):
    mo = EN_MONTHS[_en(m["mon"])]
    if m["yo"]:
        return Mention(m.start(), m.end(), y=int(m["yo"]), m=mo)
    return Mention(m.start(), m.end(), y=_int(m["y"]), m=mo, d=int(m["d"]))


# 7 Feb 2025
@pattern(rf"(?P<d>{N2})[ \t]+{EN_MON}[ \t,]+(?P<y>{Y4})\b", 5, r"\w", after="A")
def _en_dmy(m):
    d = _day(m["d"])
    if d is None:
        return None
    return Mention(m.start(), m.end(), y=int(m["y"]), m=EN_MONTHS[_en(m["mon"])], d=d)


def _en(mon: str) -> str:
    mon = mon.rstrip(".").lower()
    for full in EN_MONTHS:
        if full.startswith(mon[:3]):
            return full
    return mon


# Day-only dates: 15일, 지난 7일, 오는 10일, 7일(현지시간), 15~16일, 지난 11~13일.
# News writes the day alone all the time ("트럼프 대통령은 25일 …"); "3일간", "7일째",
# "30일 이내" are durations. A bare day is weak (dropped in documents) unless supported:
# a tense cue, a weekday, a following word of time (현지시간, 오전, 에, 부터, 현재 ...), or a
# position where news puts its dates (the start of a sentence, after a subject or topic).
# "10일 발표한 조사", "12일 열린 회의", "3일 밝혔다": the day a reported happening took place
HAPPENED = (r"(?:발표|공개|공표|공고|개최|실시|진행|타결|서명|체결|방문|출범|시작|종료|시행|발효|합의|보도|승인|"
            r"의결|채택|선출|선언|단행|발령|통과|회동|통화|회담|방한|방미|방중|방일|귀국|출국|발사|게재|전달)"
            r"(?:한|된|했|됐|하며|하고|하면서|해|돼|되었|하였)"
            r"|열린|열렸|열려|가진|가졌|끝난|끝났|마친|마쳤|나온|나왔|내놓은|내놨|밝힌|밝혔|만난|만났|만나")
BARE_DAY_SUPPORT = re.compile(
    rf"{_}(?:\(\s?(?:[가-힣]{{1,4}}\s?)?현지|[{WD}]요일|에는?|부터|까지|께|경|오전|오후|새벽|저녁|밤|아침|낮|"
    rf"현재|자(?=[^가-힣]|로|에)|부로|{HAPPENED})")
# the word before the day: a sentence start, a subject/topic particle, a comma, a dateline "="
BARE_DAY_LEAD = re.compile(
    r"(?:(?:[.!?。]|[.!?。][\"'”’)]|[=,:]|\n)|[가-힣)](?:은|는|이|가|에서|도|께서)|현지\s?시[간각])[ \t\u00a0]*$")
BARE_DAY_TAIL = r"(?=[^가-힣\d]|[에은는의부까께경자]|$)"
NOT_SPAN = (rf"(?!\s?(?:(?:후|전|뒤|안|차){_WORD_END}|내에|이후|이전|만(?![나난날])|일정|연휴|휴가|과정|체류|코스|"
            r"간격|넘게|남짓|정도|미만|평균|\d+\s?(?:회|번|차례)))")
NIGHTS_BEFORE = re.compile(r"\d[ \t]?박[ \t]?$")
DURATION_VERB = re.compile(r"[^.\n]{0,3}?(?:걸리|걸릴|걸린|걸렸|걸쳐|소요)")
SENTENCE_END = re.compile(r"[.。][\"'”’)]?(?:\s|$)")
RANGE_BEFORE = re.compile(rf"일(?:[ \t]?[(（][ \t]?[{WD}][ \t]?[)）])?[ \t]?[-~–〜∼～][ \t]?$")   # 23일(토)~
LEAD_LOOKBACK = 12


@pattern(rf"(?P<d>{N2})(?:[ \t]?[{DASH_CHARS}][ \t]?(?P<d2>{N2}))?일(?P<wd>{WEEKDAY}){BARE_DAY_TAIL}"
         + NOT_DURATION + NOT_SPAN, 1, after="일-~–〜∼～")
def _bare_day(m):
    text, s = m.string, m.start()
    d = _day(m["d"])
    d2 = _day(m["d2"]) if m["d2"] else None
    if d is None or m["d2"] and (d2 is None or d2 <= d):
        return None
    # "15일~16일": the second day follows a dash; otherwise a dash or digit before is a range or code
    if _glued(text, s, ".,~-–〜∼～/") and not RANGE_BEFORE.search(text, max(0, s - 10), s):
        return None
    if DURATION_VERB.match(text, m.end()):
        return None                               # 3일 걸린다, 2~3일 소요
    if NIGHTS_BEFORE.search(text, max(0, s - 6), s):
        return None                               # 2박 3일: a trip's length
    cue, start = cue_before(text, s, ("지난", "오는"))
    tense = CUE_TENSE.get(cue or "", 0)
    lead = BARE_DAY_LEAD.search(text, max(0, s - LEAD_LOOKBACK), s) or not s
    if lead and not cue and SENTENCE_END.match(text, m.end()):
        lead = False                              # "기간은 3일." states a length
    supported = bool(cue or m["wd"] or d2 or lead or BARE_DAY_SUPPORT.match(text, m.end()))
    mention = Mention(start, m.end(), d=d, tense=tense, weak=not supported)
    if d2:
        mention.end = Mention(start, m.end(), d=d2, tense=tense)
    return mention


# 10/2에, 4/22부터: a slash month/day only before a particle (1/3 is a fraction)
@pattern(rf"(?P<m>{N2})/(?P<d>{DAY})(?=에|부터|까지|\(|일)", 2, r"[\w./\-]", after="/")
def _md_slash(m):
    mo = _month(m["m"])
    return Mention(m.start(), m.end(), m=mo, d=int(m["d"])) if mo else None
