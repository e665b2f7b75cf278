"""Quantities: money (1조 달러, 5,000억 달러(약 719조 원), $550 billion, 4억 2천만 엔),
percentages (25%, 50.1%, 100 퍼센트, 3.5%p), counts (40여 개국) and durations (30시간, 100일).

``parse_quantities`` is the plain API (used by ``extract`` and the peer suite). Approximation
markers: 약/대략/거의 before the number, 여 glued after it (30여억 달러, 40여 개), 가량/정도/
내외/안팎/남짓/이상 after the unit. Spans that are dates are never quantities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .currencies import EN_ADJECTIVES, EN_NAMES, EN_SCALE, KO_UNIT, SYMBOL, SYMBOLS, lookup
from ..time.dates import url_spans
from .knumbers import AMOUNT, DECIMAL, parse_number

NAME = "quantities"
REQUIRES = ("dates",)


@dataclass
class QuantitySpan:
    start: int
    stop: int
    text: str
    kind: str
    value: float
    unit: str | None
    approximate: bool = False
    end: float | None = None             # the top of a band: 40%대 is 40 up to 50
    role: str | None = None              # "exchange_rate" for a conversion note


_ = r"[ \t\u00a0\r\n]{0,4}"
# Speed: every regex starts at the first character of the number (a digit or a Korean
# numeral), so the regex engine skips in C to those characters; what comes before the
# number (약, 총, a minus sign) is looked up in Python on the few matches.
KDIG = "영일이삼사오육칠팔구〇一二三四五六七八九"
KUNIT = "십백천十百千만억조경万萬億兆"
# A number: digits, Korean numerals and units ("5,000억", "7천 5백만", "1만 2천 345", "30여억",
# "이십"), not glued to a preceding word or number (the lookbehind after the first
# character). A numeral syllable (이, 일 ...) counts only at the start or after a unit, and a
# space only after a unit or before one, so "10일 25%" stops at "10".
_SEP = r",(?=\d{3}(?!\d))|\.(?=\d)"          # thousands separator, decimal point
_BIG = "만억조경万萬億兆"
_NEXT = (rf"(?<![{KDIG}])\d|{_SEP}|[{KUNIT}]|(?<=[{KUNIT} \t])[{KDIG}]|여(?=[ \t]?[{_BIG}])"
         rf"|(?<=[{KUNIT}])[ \t](?=[\d{KDIG}{KUNIT}])|(?<=[\d{KDIG}])[ \t](?=[{KUNIT}])")
# a number starts after no letter, digit or separator; Japanese and Chinese write it right after
# a kana or kanji ("支持率は35%"), which is a word character too
AMT = rf"(?P<amt>[\d{KDIG}{KUNIT}](?:(?<![\w.,$€£¥₩].)|(?<=[\u3040-\u30ff\u3400-\u9fff々].))(?:{_NEXT})*)"
AMT_AFTER_SYMBOL = rf"(?P<amt>\d(?:{_NEXT})*)"
PRE_BEFORE = re.compile(r"(?P<pre>약|대략|거의|어림잡아|최대|최소|총|무려)[ \t]?$")
NEG_BEFORE = re.compile(r"(?:(?<![\w\d])[-−–]|마이너스[ \t\u00a0\r\n]{0,4})$")
APPROX_PRE = ("약", "대략", "거의", "어림잡아")
POST = r"(?P<post>[ \t]?(?:가량|정도|내외|안팎|남짓|이상|넘는|여))?"
LOOKBACK = 8
LOOKBACK_EN = 40

PARTICLE_NEXT = r"(?=[^가-힣]|[이가을를의에로와과도만씩은는째]|$)"
# Money, percent and counts in one pass: a number, then the unit that says which.
QUANTITY_KO = re.compile(
    rf"{AMT}(?P<yeo>여)?(?:"
    rf"{_}(?P<money>{KO_UNIT})(?:{_}(?P<minor>\d{{1,2}}){_}(?:센트|펜스))?"
    rf"|{_}(?P<percent>[%％][ \t]?[pP](?![A-Za-z])|[%％][ \t]?포인트|퍼센트[ \t]?포인트|[%％]|퍼센티지|퍼센트|"
    r"(?i:percentage[ \t]points?|percent(?:age)?[ \t]?points?|per[ \t]?cent\b)|"
    r"프로(?![그젝세필포토듀모파선농구레축테페스급야답미]))(?P<band>대(?![ \t]*\d)(?=[^가-힣]|[로를의에가는이도]))?"
    rf"|{_}(?P<count>개국|개사|개|명|곳|건|차례|척){PARTICLE_NEXT}"
    r"|[ \t]?(?P<dunit>개월|년간|년[ \t]동안|주간|일간|일[ \t]동안|시간)"
    r"|(?P<dunit1>년(?![대도])|주(?![년의요])|일|분(?![기야의석])|초(?![대청반순기])))"
    + POST)
MONEY_SYMBOL = re.compile(
    rf"(?P<sym>{SYMBOL}){_}{AMT_AFTER_SYMBOL}"
    rf"(?:[ \t]?(?P<scale>(?i:trillion|billion|million|thousand)|tn|bn|mn|[mk])\b)?"
    # the name may follow the symbol's amount again, capitalised or not ("$20 million dollars")
    r"(?P<named>[ \t](?i:(?:U\.S\.[ \t])?dollars)\b)?")
SYMBOL_NOT_AFTER = re.compile(r"\w")
# English currency names, found by the name (rare in Korean text) and then the number before
# it; (?i:...) only after the first letter keeps the regex's fast start.
EN_NAME = re.compile(r"[DdEeYyWwPp](?i:(?<=d)ollars?|(?<=e)uros?|(?<=y)en|(?<=y)uan|(?<=w)on|(?<=p)ounds?)\b")
EN_NUMBER_BEFORE = re.compile(
    r"(?<![\w.,$€£¥₩])(?P<num>\d[\d,]*(?:\.\d+)?)[ \t]?(?P<scale>(?i:trillion|billion|million|thousand))?[ \t]?"
    r"(?P<adj>(?:U\.S\.|US|American|Chinese|Japanese|South Korean|Korean|Canadian|Australian|Hong Kong"
    r"|Singapore|New Taiwan|Taiwan|New Zealand)[ \t])?$")
PER_HUNDRED = re.compile(rf"백분의{_}(?P<amt>{AMOUNT})")
DURATION_UNITS = {"개월": "month", "년간": "year", "년동안": "year", "년": "year", "주간": "week",
                  "주": "week", "일간": "day", "일동안": "day", "일": "day", "시간": "hour",
                  "분": "minute", "초": "second"}
DECIMAL_RX = re.compile(DECIMAL)                   # plain digits: "1,002", "3.1"


def _pre(text: str, start: int) -> str | None:
    p = PRE_BEFORE.search(text, max(0, start - LOOKBACK), start)
    return p["pre"] if p else None


MONEY_BAND = re.compile(r"대(?![ \t]*\d)(?=[^가-힣]|[로를의에가는이도])")
# Vietnamese amounts run to thousands of đồng; a small number before 동 is an address.
SMALLEST_DONG = 1000
POINTS = re.compile(r"[%％][ \t]?[pP]$|포인트|(?i:points?)$")


def _band_width(v: float) -> float:
    return 10.0 if v >= 10 and v % 10 == 0 else 1.0


APPROX_POST = {"가량", "정도", "내외", "안팎", "남짓", "이상", "넘는", "여"}
HAS_NUMERAL = re.compile(r"[\d영일이삼사오육칠팔구십백천〇一二三四五六七八九十百千]")
LONE_NUMERAL = re.compile(r"\s*[영일이삼사오육칠팔구]\s*")
SPACES = re.compile(r"\s+")


def _approx(pre, yeo, post) -> bool:
    return bool(pre in APPROX_PRE or yeo or post and post.strip() in APPROX_POST)


def _number(s: str) -> float | None:
    """parse_number with a fast path for plain digits ("1,002", "3.1")."""
    if DECIMAL_RX.fullmatch(s):
        return float(s.replace(",", ""))
    return parse_number(s)


def _amount(s: str, money: bool = False) -> float | None:
    if DECIMAL_RX.fullmatch(s):
        return float(s.replace(",", ""))
    s = s.replace("여", "")
    if not HAS_NUMERAL.search(s):
        # a unit alone is a word (경주, 조정안) except 만 right before a currency: 만원, 만 달러
        return 1e4 if money and s.strip() == "만" else None
    if LONE_NUMERAL.fullmatch(s):
        return None                      # a lone numeral syllable is a word, not a number
    return parse_number(s)


def _korean(text: str, counts: bool):
    """Money, percent, counts and durations written with a Korean unit."""
    for m in QUANTITY_KO.finditer(text):
        s = m.start()
        post = m["post"]
        stop = m.end("post") if post else m.end()
        amt = m["amt"]
        if m["percent"]:
            unit = m["percent"]
            neg = NEG_BEFORE.search(text, max(0, s - LOOKBACK), s)
            pre = _pre(text, neg.start() if neg else s)
            if LONE_NUMERAL.fullmatch(amt) and not ("퍼센" in unit or neg):
                continue
            v = _number(amt.replace("여", ""))
            if v is None:
                continue
            kind = "%p" if POINTS.search(unit) else "%"
            start = neg.start() if neg and not pre else s
            value = -v if neg else v
            if m["band"] and v == int(v) and (v % 10 == 0 or v < 10):
                # "40%대": the forties, 40 up to 50 (a band of ten, or of one below ten)
                yield start, stop, "percent", value, kind, True, value + _band_width(v)
                continue
            if m["band"]:
                stop = m.start("band")          # "61%대 29%": 대 is "versus", not a band
            yield start, stop, "percent", value, kind, _approx(pre, m["yeo"], post)
            continue
        if not (m["money"] or counts):
            continue
        v = _amount(amt, money=bool(m["money"]))
        if not v:
            continue
        approx = _approx(_pre(text, s), m["yeo"], post)
        if m["money"]:
            code, factor = lookup(m["money"])
            if code == "VND" and v < SMALLEST_DONG and "베트남" not in m["money"]:
                continue                 # 3동, 12동: a quarter or a building of an address
            v *= factor
            if m["minor"]:
                v += int(m["minor"]) / 100
            band = MONEY_BAND.match(text, stop)
            if band:                        # "50만 원대": somewhere in the 500,000s
                yield s, band.end(), "money", v, code, True
                continue
            yield s, stop, "money", v, code, approx
            continue
        unit = m["count"] or SPACES.sub("", m["dunit"] or m["dunit1"])
        if unit in DURATION_UNITS:
            yield s, stop, "duration", v, DURATION_UNITS[unit], approx
        else:
            yield s, stop, "count", v, unit, approx


def _foreign(text: str):
    """Money written with a symbol or an English name: $550 billion, 30 dollars."""
    skip_names: set[int] = set()        # names already read with their symbol
    for m in MONEY_SYMBOL.finditer(text):
        s = m.start()
        if s and SYMBOL_NOT_AFTER.match(text, s - 1):
            continue
        v = _amount(m["amt"])
        if v is None:
            continue
        v *= EN_SCALE.get((m["scale"] or "").lower(), 1)
        yield s, m.end(), "money", v, SYMBOLS[m["sym"]], _approx(_pre(text, s), None, None)
        if m["named"]:
            skip_names.add(m.end())
    for name in EN_NAME.finditer(text):
        s = name.start()
        if name.end() in skip_names or s and text[s - 1].isalpha():
            continue
        m = EN_NUMBER_BEFORE.search(text, max(0, s - LOOKBACK_EN), s)
        if m is None or not DECIMAL_RX.fullmatch(m["num"]):
            continue
        v = float(m["num"].replace(",", "")) * EN_SCALE.get((m["scale"] or "").lower(), 1)
        word = name.group().lower()
        code = EN_NAMES.get(word, EN_NAMES.get(word + "s", "XXX"))
        if m["adj"] and word.startswith(("dollar", "yuan", "won", "yen")):
            code = EN_ADJECTIVES.get(m["adj"].strip().lower(), code)
        yield m.start(), name.end(), "money", v, code, False
    for m in PER_HUNDRED.finditer(text):
        v = parse_number(m["amt"])
        if v is not None:
            yield m.start(), m.end(), "percent", v, "%", False


KIND_RANK = {"money": 0, "percent": 1, "count": 2, "duration": 2}


def parse_quantities(text: str, exclude: list[tuple[int, int]] | None = None,
                     counts: bool = True) -> list[QuantitySpan]:
    """Quantities in ``text``; spans overlapping ``exclude`` (e.g. dates) and URLs are skipped."""
    cands = [c for gen in (_korean(text, counts), _foreign(text)) for c in gen if c[1] > c[0]]
    # money and percent win over counts; then earliest, longest. ``used`` marks the
    # characters already taken (by an excluded span, a URL or a chosen quantity).
    cands.sort(key=lambda c: (KIND_RANK[c[2]], c[0], -(c[1] - c[0])))
    used = bytearray(len(text) + 1)
    for s, e in (exclude or []) + url_spans(text):
        used[s:e] = b"\1" * (e - s)
    out = []
    for s, e, kind, v, unit, approx, *band in cands:
        if used.find(1, s, e) >= 0:
            continue
        used[s:e] = b"\1" * (e - s)
        out.append(QuantitySpan(s, e, text[s:e], kind, v, unit, approx, band[0] if band else None))
    out.sort(key=lambda q: q.start)
    out = _join_durations(text, out)
    for q in out:
        if q.kind == "money" and _is_rate_note(text, q):
            q.role = "exchange_rate"
    return out


# "2시간 30분", "1년 6개월", "3 hours 20 minutes": one duration in the larger unit.
_SUBUNITS = {("hour", "minute"): 60, ("minute", "second"): 60, ("year", "month"): 12, ("day", "hour"): 24}
_RATE_NOTE = re.compile(r"\(\s*(?:US)?[$€£¥₩]?\s*1\s*[A-Za-z가-힣 ]{0,12}=\s*[^()\n]{1,50}\)")
_RATE_WORD = re.compile(r"(?:환율|exchange\s+rate|원[·/]달러|달러당|per\s+dollar)[^.\n]{0,20}$", re.I)


def _join_durations(text: str, qs: list[QuantitySpan]) -> list[QuantitySpan]:
    out: list[QuantitySpan] = []
    for q in qs:
        prev = out[-1] if out else None
        factor = _SUBUNITS.get((prev.unit, q.unit)) if prev and prev.kind == q.kind == "duration" else None
        if factor and text[prev.stop:q.start] in ("", " ") and q.value < factor:
            prev.stop, prev.value = q.stop, prev.value + q.value / factor
            prev.text = text[prev.start:q.stop]
            prev.approximate = prev.approximate or q.approximate
            continue
        out.append(q)
    return out


def _is_rate_note(text: str, q: QuantitySpan) -> bool:
    """An exchange-rate note ("($1 = 1,400 won)", "환율 1,400원") converts, it is no amount of
    the story; it is kept (its text is there) but marked."""
    lo = text.rfind("(", max(0, q.start - 40), q.start + 1)
    if lo >= 0:
        m = _RATE_NOTE.match(text, lo)
        if m and m.end() >= q.stop:
            return True
    return _RATE_WORD.search(text, max(0, q.start - 30), q.start) is not None


def extract(ctx) -> list:
    from ...model.facts import Quantity

    dates = [(d.start, d.stop) for d in ctx.facts.get("dates", [])]
    facts = []
    for q in parse_quantities(ctx.text.text, exclude=dates):
        fact = Quantity(kind=q.kind, value=q.value, unit=q.unit, approximate=q.approximate)
        if q.end is not None:
            fact.end = q.end
        if q.role:
            fact.role = q.role
        facts.append(ctx.place(fact, q.start, q.stop))
    return facts
