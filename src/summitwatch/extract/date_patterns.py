"""Surface patterns of dates in Korean text (with English and Japanese forms), each
turned into an unresolved ``Mention``. Resolution against a reference date is in dates.py.

A mention may lack a year (2월 7일, (2.9)), be relative (지난해 10월, 연내), fuzzy
(10월 말, 상반기) or deictic (내일, 다음 주 금요일: only when ``deictic`` patterns are used).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from . import datecal
from .knumbers import parse_number


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
    weak: bool = False               # bare day ("15일"): kept only with support
    fn: Callable | None = None       # deictic: ref -> (value, end)
    end: "Mention | None" = None
    priority: int = 0


_ = r"[ \t\u00a0\r\n]{0,6}"                 # spaces, possibly across a hard wrap
Y4 = r"(?:1[0-9]|20)\d{2}"
MON = r"(?:1[0-2]|0?[1-9])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
WD = "월화수목금토일"
WEEKDAY = rf"(?:{_}\(\s?[{WD}]\s?\)|{_}[{WD}]요일)?"
# Fuzzy part of a month or year. "말" must not start 말씀/말하다, "초" not 초대/초청 ...
FUZZY = (r"(?P<fz>초순|상순|중순|하순|중반|후반|전반|초반|말경|말엽|"
         r"초(?![대청과래점안기월강고등])|말(?![씀하했한할로이을은])|중(?=에|순|반)|께|경)")
FUZZY_MAP = {"초순": "early", "상순": "early", "초": "early", "초반": "early", "전반": "early",
             "중순": "mid", "중반": "mid", "중": "mid",
             "하순": "late", "말": "late", "말경": "late", "말엽": "late", "후반": "late",
             "께": None, "경": None}
NOT_DURATION = r"(?!\s?(?:간|동안|만에|째|이내|이상|이하|가량|여|치|분|씩|연속|당|내내|간의))"
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


# ---------------------------------------------------------------- pattern handlers
# Each entry: (compiled regex, handler(match) -> Mention | None, priority, deictic_only)
PATTERNS: list[tuple[re.Pattern, Callable, int, bool]] = []


def pattern(regex: str, priority: int = 0, deictic: bool = False, flags=0):
    def deco(fn):
        PATTERNS.append((re.compile(regex, flags), fn, priority, deictic))
        return fn
    return deco


@pattern(rf"(?<![\d.])(?P<y>{Y4})년도?(?:{_}(?P<m>{MON})월(?:{_}(?P<d>{DAY})일{WEEKDAY})?)?"
         rf"(?:{_}{FUZZY})?(?!\d)" + NOT_DURATION + r"(?!\s?대|\s?전(?!후))", 5)
def _ko_ymd(m):
    return Mention(m.start(), m.end(), y=int(m["y"]), m=_int(m["m"]), d=_int(m["d"]), fuzzy=_fz(m))


@pattern(rf"(?<![\d.])(?P<m>{MON})월{_}(?P<d>{DAY})일,?{_}(?P<y>{Y4})년?(?![\d.])", 6)
def _ko_mdy(m):
    return Mention(m.start(), m.end(), y=int(m["y"]), m=int(m["m"]), d=int(m["d"]))


@pattern(rf"(?<![\d.])(?P<y>{Y4})年(?P<m>{MON})月(?:(?P<d>{DAY})日)?", 5)
def _ja_ymd(m):
    return Mention(m.start(), m.end(), y=int(m["y"]), m=int(m["m"]), d=_int(m["d"]))


@pattern(rf"(?<![\d.年])(?P<m>{MON})月(?P<d>{DAY})日", 4)
def _ja_md(m):
    return Mention(m.start(), m.end(), m=int(m["m"]), d=int(m["d"]))


# 2025.2.7 / 2025. 2. 7. / 2025-02-07 / 2025/2/7 / '25.2.7
@pattern(rf"(?<![\w.\-/])(?:(?P<y>{Y4})|['’‘](?P<yy>\d{{2}}))(?P<sep>\.[ \t]?|-|/)(?P<m>{MON})"
         rf"(?P=sep)(?P<d>{DAY})\.?(?![\d]|\.\d)", 6)
def _num_ymd(m):
    y = int(m["y"]) if m["y"] else _two_digit_year(int(m["yy"]))
    return Mention(m.start(), m.end(), y=y, m=int(m["m"]), d=int(m["d"]))


# (2024.12): a year-month only when it stands alone in brackets
@pattern(rf"(?<=[(（\[])(?P<y>{Y4})\.(?P<m>{MON})(?=[)）\]])", 6)
def _num_ym(m):
    return Mention(m.start(), m.end(), y=int(m["y"]), m=int(m["m"]))


# 02/22/2016, 21/04/2016, 21-04-2016, 13.5.2015, 9-18-15, 89/05/05
@pattern(r"(?<![\w.\-/])(?P<a>\d{1,2})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?![\d]|[.\-/]\d)", 5)
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


# Bare month.day with an optional range: (2.9), 2.14-2.16, 2.20-21, 4.13-10.13
UNIT_AFTER = re.compile(r"\s?(?:%|％|퍼센트|배|달러|원|엔|위안|유로|명|개|조|억|만|년|세|시간|km|kg|㎞|도|℃|점|석|척)")


@pattern(rf"(?<![\w.\-/,:$₩€£¥])(?P<m>{MON})\.(?P<d>{DAY})(?:{_}[-~–〜]{_}(?:(?P<m2>{MON})\.)?(?P<d2>{DAY}))?(?![\d.%％]|\.\d)", 3)
def _md_dot(m):
    text = m.string
    after = text[m.end():m.end() + 6]
    if UNIT_AFTER.match(after):
        return None
    mo, d = int(m["m"]), int(m["d"])
    if not datecal.valid(2000, mo, d):   # leap-safe check
        return None
    if m["d2"]:
        mo2 = int(m["m2"]) if m["m2"] else mo
        d2 = int(m["d2"])
        if not datecal.valid(2000, mo2, d2) or (mo2, d2) <= (mo, d) and mo2 == mo:
            return None
        end = Mention(m.start(), m.end(), m=mo2, d=d2)
        return Mention(m.start(), m.end(), m=mo, d=d, end=end)
    # a single M.D is a date only inside brackets: (2.9), (2.15, ...)
    before = text[max(0, m.start() - 2):m.start()].rstrip()
    nxt = text[m.end():m.end() + 2].lstrip()[:1]
    if before.endswith(("(", "（", "[")) and nxt in (")", "）", "]", ","):
        return Mention(m.start(), m.end(), m=mo, d=d)
    return None


# 2월 7일, 7월, 10월 말, 3월 중순
@pattern(rf"(?<![\d.\w])(?:(?P<pre>지난|오는|이번|다음|올){_})?(?P<m>{MON})월(?!\s?(?:간|동안))"
         rf"(?:(?:{_}|-)(?P<d>{DAY})일{WEEKDAY}" + NOT_DURATION + rf")?(?:{_}{FUZZY})?", 3)
def _ko_md(m):
    tense = {"지난": -1, "오는": 1, "다음": 1}.get(m["pre"] or "", 0)
    # 지난/오는 are tense cues, not part of the date: the span starts at the month
    start = m.start("m") if m["pre"] in ("지난", "오는") else m.start()
    mention = Mention(start, m.end(), m=int(m["m"]), d=_int(m["d"]), tense=tense, fuzzy=_fz(m))
    if m["pre"] in ("이번", "올"):
        mention.yrel = 0
    if m["pre"] == "다음" and m["d"] is None:
        mention.yrel = None
    return mention


# 오월 이십일일, 구월 십일: Korean numeral months only with a day
@pattern(r"(?<![가-힣\d])(?:(?P<nm>1[0-2]|0?[1-9])|(?P<km>십일|십이|일|이|삼|사|오|유|육|칠|팔|구|시|십))월"
         r"[ \t]?(?P<kd>[일이삼사오육칠팔구십]+)일(?P<tail>,?[ \t]?(?P<y>\d{4}))?", 2)
def _ko_num_md(m):
    d = parse_number(m["kd"])
    mo = int(m["nm"]) if m["nm"] else KO_NUM_MONTH[m["km"]]
    if not d or not datecal.valid(2000, mo, int(d)):
        return None
    return Mention(m.start(), m.end(), y=_int(m["y"]), m=mo, d=int(d))


# 지난해 10월, 올해 1월, 작년, 내년 상반기, 올해 말, 올해 내
@pattern(rf"(?<![가-힣]){REL_YEAR_RE}(?:{_}(?:(?P<m>{MON})월(?:{_}(?P<d>{DAY})일)?"
         rf"|(?P<half>상반기|하반기)|(?P<q>[1-4])[ \t]?(?:/4[ \t]?|사)?분기|(?P<inside>내(?![가-힣]))))?(?:{_}{FUZZY})?", 4)
def _rel_year_m(m):
    mention = Mention(m.start(), m.end(), yrel=_rel_year(m["ry"]), m=_int(m["m"]), d=_int(m["d"]),
                      fuzzy=_fz(m))
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


# 2025년 상반기, 2016년 3사분기, 하반기, 1분기, 2/4분기
@pattern(rf"(?<![\d.\w])(?:(?P<y>{Y4})년도?{_})?(?:(?P<half>상반기|하반기)|(?P<q>[1-4])[ \t]?(?:/4[ \t]?|사)?분기)", 5)
def _half_q(m):
    mention = Mention(m.start(), m.end(), y=_int(m["y"]))
    if mention.y is None:
        mention.yrel = 0
    _half_quarter(mention, m)
    return mention


# 연내, 연말, 연초, 연중
@pattern(r"(?<![가-힣])(?P<w>연내|연말|연초|연중)(?![가-힣]{0,1}(?:행사|정산))", 3)
def _year_words(m):
    fz = {"연내": None, "연말": "late", "연초": "early", "연중": None}[m["w"]]
    return Mention(m.start(), m.end(), yrel=0, fuzzy=fz)


# 지난달, 이달 20일, 다음 달 초
@pattern(rf"(?<![가-힣]){REL_MONTH}(?:{_}(?P<d>{DAY})일{NOT_DURATION})?(?:{_}{FUZZY})?", 3)
def _rel_month_m(m):
    return Mention(m.start(), m.end(), mrel=_rel_month(m["rm"]), d=_int(m["d"]), fuzzy=_fz(m))


# 1970년대, 70년대, 21세기
@pattern(r"(?<![\d.])(?P<y>\d{2}|\d{4})년대|(?<![\d.])(?P<c>\d{1,2})세기", 6)
def _decade(m):
    if m["c"]:
        c = int(m["c"])
        return Mention(m.start(), m.end(), years=((c - 1) * 100, (c - 1) * 100 + 99), fuzzy="century")
    y = int(m["y"])
    if y < 100:
        y += 1900            # "70년대" is the 1970s
    return Mention(m.start(), m.end(), years=(y, y + 9), fuzzy="decade")


# 2014-2018 (year range)
@pattern(rf"(?<![\w.\-/])(?P<y>{Y4})[ \t]?[-~–][ \t]?(?P<y2>{Y4})(?:년)?(?![\d.\-/])", 4)
def _year_range(m):
    y, y2 = int(m["y"]), int(m["y2"])
    if y2 <= y:
        return None
    return Mention(m.start(), m.end(), y=y, end=Mention(m.start(), m.end(), y=y2))


# English: February 7, 2025 / 7 Feb 2025 / Feb. 2025 / Feb 7
@pattern(rf"\b{EN_MON}[ \t]+(?P<d>{DAY})(?:st|nd|rd|th)?(?:,?[ \t]+(?P<y>{Y4}))?\b", 5)
def _en_mdy(m):
    return Mention(m.start(), m.end(), y=_int(m["y"]), m=EN_MONTHS[_en(m["mon"])], d=int(m["d"]))


@pattern(rf"\b(?P<d>{DAY})[ \t]+{EN_MON}[ \t,]+(?P<y>{Y4})\b", 5)
def _en_dmy(m):
    return Mention(m.start(), m.end(), y=int(m["y"]), m=EN_MONTHS[_en(m["mon"])], d=int(m["d"]))


@pattern(rf"\b{EN_MON}[ \t,]+(?P<y>{Y4})\b", 4)
def _en_my(m):
    return Mention(m.start(), m.end(), y=int(m["y"]), m=EN_MONTHS[_en(m["mon"])])


def _en(mon: str) -> str:
    mon = mon.rstrip(".").lower()
    for full in EN_MONTHS:
        if full.startswith(mon[:3]):
            return full
    return mon


# Bare day: 15일, 지난 7일, 오는 10일, 7일(현지시간). Weak unless something supports it.
BARE_DAY_SUPPORT = re.compile(
    rf"{_}(?:\(\s?(?:[가-힣]{{1,4}}\s?)?현지|[{WD}]요일|에는?|부터|까지|께|경|오전|오후|새벽|저녁|밤|아침|낮)")


BARE_DAY_TAIL = r"(?=[^가-힣\d]|[에은는의부까께경]|$)"


@pattern(rf"(?<![\d.\w,~\-])(?:(?P<pre>지난|오는){_})?(?P<d>{DAY})일(?P<wd>{WEEKDAY}){BARE_DAY_TAIL}"
         + NOT_DURATION + r"(?!\s?(?:후|전|뒤|안|내에|이후|이전|만))", 1)
def _bare_day(m):
    d = int(m["d"])
    tense = {"지난": -1, "오는": 1}.get(m["pre"] or "", 0)
    supported = bool(m["pre"] or m["wd"] or BARE_DAY_SUPPORT.match(m.string, m.end()))
    return Mention(m.start(), m.end(), d=d, tense=tense, weak=not supported)


# 10/2에, 4/22부터: a slash month/day only before a particle (1/3 is a fraction)
@pattern(rf"(?<![\w./\-])(?P<m>{MON})/(?P<d>{DAY})(?=에|부터|까지|\(|일)", 2)
def _md_slash(m):
    return Mention(m.start(), m.end(), m=int(m["m"]), d=int(m["d"]))
