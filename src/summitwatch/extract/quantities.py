"""Quantities: money (1조 달러, 5,000억 달러(약 719조 원), $550 billion, 4억 2천만 엔),
percentages (25%, 50.1%, 100 퍼센트, 3.5%p), counts (40여 개국) and durations (30시간, 100일).

``parse_quantities`` is the plain API (used by ``extract`` and the peer suite). Approximation
markers: 약/대략/거의 before the number, 여 glued after it (30여억 달러, 40여 개), 가량/정도/
내외/안팎/남짓/이상 after the unit. Spans that are dates are never quantities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .currencies import EN_NAMES, EN_SCALE, KO_UNIT, SYMBOL, SYMBOLS, lookup
from .dates import SpanSet, url_spans
from .knumbers import AMOUNT, DECIMAL, parse_number
from .windows import finditer, windows

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


_ = r"[ \t\u00a0\r\n]{0,4}"
PRE = r"(?:(?P<pre>약|대략|거의|어림잡아|최대|최소|총|무려)[ \t]?)?"
POST = r"(?P<post>[ \t]?(?:가량|정도|내외|안팎|남짓|이상|넘는|여))?"
START = r"(?<![\w.,\d$€£¥₩])"

MONEY_KO = re.compile(
    rf"{PRE}{START}(?P<amt>{AMOUNT})(?P<yeo>여)?{_}(?P<unit>{KO_UNIT})"
    rf"(?:{_}(?P<minor>\d{{1,2}}){_}(?:센트|펜스))?{POST}")
MONEY_SYMBOL = re.compile(
    rf"{PRE}(?<![\w])(?P<sym>{SYMBOL}){_}(?P<amt>{AMOUNT})"
    rf"(?:[ \t]?(?P<scale>trillion|billion|million|thousand|tn|bn|mn|[mk])\b)?")
MONEY_EN = re.compile(
    rf"{START}(?P<num>{DECIMAL})[ \t]?(?P<scale>trillion|billion|million|thousand)?[ \t]?"
    rf"(?P<name>dollars?|euros?|yen|won|yuan|pounds?)\b", re.I)
PERCENT = re.compile(
    rf"{PRE}(?P<neg>(?<![\w\d])[-−–]|마이너스{_})?{START}(?P<amt>{AMOUNT})(?P<yeo>여)?{_}"
    r"(?P<unit>%[ \t]?p\b|%[ \t]?포인트|퍼센트[ \t]?포인트|%p|％p|%|％|퍼센티지|퍼센트|"
    r"프로(?![그젝세필포토듀모파선농구레축테페스급야답미]))" + POST)
PER_HUNDRED = re.compile(rf"백분의{_}(?P<amt>{AMOUNT})")
PARTICLE_NEXT = r"(?=[^가-힣]|[이가을를의에로와과도만씩은는째]|$)"
COUNT = re.compile(
    rf"{PRE}{START}(?P<amt>{AMOUNT})(?P<yeo>여)?(?:{_}(?P<unit>개국|개사|개|명|곳|건|차례|척){PARTICLE_NEXT}"
    r"|[ \t]?(?P<dunit>개월|년간|년[ \t]동안|주간|일간|일[ \t]동안|시간)"
    r"|(?P<dunit1>년(?![대도])|주(?![년의요])|일|분(?![기야의석])|초(?![대청반순기])))"
    + POST)
DURATION_UNITS = {"개월": "month", "년간": "year", "년동안": "year", "년": "year", "주간": "week",
                  "주": "week", "일간": "day", "일동안": "day", "일": "day", "시간": "hour",
                  "분": "minute", "초": "second"}


def _approx(m) -> bool:
    pre = m.groupdict().get("pre")
    post = (m.groupdict().get("post") or "").strip()
    return bool(pre in ("약", "대략", "거의", "어림잡아") or m.groupdict().get("yeo")
                or post in ("가량", "정도", "내외", "안팎", "남짓", "이상", "넘는", "여"))


def _amount(s: str) -> float | None:
    s = s.replace("여", "")
    if not re.search(r"[\d영일이삼사오육칠팔구십백천〇一二三四五六七八九十百千]", s):
        return None                      # a unit alone (만, 경) is a word: 만 원, 경주
    if re.fullmatch(r"[영일이삼사오육칠팔구]", s.strip()):
        return None                      # a lone numeral syllable is a word, not a number
    return parse_number(s)


def _span(m) -> tuple[int, int]:
    """Span of the number and unit, without a leading 약/총 (kept as the approximate flag)."""
    start = m.start()
    stop = m.end("post") if m.groupdict().get("post") else m.end()
    if m.groupdict().get("pre"):
        start = m.end("pre")
        while start < len(m.string) and m.string[start] in " \t":
            start += 1
    return start, stop


# Money and percent end at a unit word, counts hold a digit: scan only near those.
UNIT_TRIGGER = re.compile(rf"{KO_UNIT}|{SYMBOL}|%|％|퍼센|프로|dollar|euro|yen|yuan|pound|won", re.I)
DIGIT_TRIGGER = re.compile(r"\d+")
MARGIN = 48


def _money(text: str, wins):
    for m in finditer(MONEY_KO, text, wins):
        v = _amount(m["amt"])
        if v is None or not v:
            continue
        code, factor = lookup(m["unit"])
        v *= factor
        if m["minor"]:
            v += int(m["minor"]) / 100
        yield m, _span(m), "money", v, code
    for m in finditer(MONEY_SYMBOL, text, wins):
        v = _amount(m["amt"])
        if v is None:
            continue
        v *= EN_SCALE.get((m["scale"] or "").lower(), 1)
        yield m, _span(m), "money", v, SYMBOLS[m["sym"]]
    for m in finditer(MONEY_EN, text, wins):
        v = float(m["num"].replace(",", "")) * EN_SCALE.get((m["scale"] or "").lower(), 1)
        name = m["name"].lower()
        yield m, (m.start(), m.end()), "money", v, EN_NAMES.get(name, EN_NAMES.get(name + "s", "XXX"))


def _percent(text: str, wins):
    for m in finditer(PERCENT, text, wins):
        amt = m["amt"]
        lone = re.fullmatch(r"[영일이삼사오육칠팔구]", amt.strip())
        if lone and not ("퍼센" in m["unit"] or m["neg"]):
            continue
        v = parse_number(amt.replace("여", ""))
        if v is None:
            continue
        if m["neg"]:
            v = -v
        unit = "%p" if ("p" in m["unit"] or "포인트" in m["unit"]) else "%"
        start, stop = _span(m)
        if m["neg"] and not m["pre"]:
            start = m.start("neg")
        yield m, (start, stop), "percent", v, unit
    for m in PER_HUNDRED.finditer(text):
        v = parse_number(m["amt"])
        if v is not None:
            yield m, (m.start(), m.end()), "percent", v, "%"


def _counts(text: str, wins):
    for m in finditer(COUNT, text, wins):
        v = _amount(m["amt"])
        if v is None or not v:
            continue
        unit = re.sub(r"\s+", "", m["unit"] or m["dunit"] or m["dunit1"])
        if unit in DURATION_UNITS:
            yield m, _span(m), "duration", v, DURATION_UNITS[unit]
        else:
            yield m, _span(m), "count", v, unit


KIND_RANK = {"money": 0, "percent": 1, "count": 2, "duration": 2}


def parse_quantities(text: str, exclude: list[tuple[int, int]] | None = None,
                     counts: bool = True) -> list[QuantitySpan]:
    """Quantities in ``text``; spans overlapping ``exclude`` (e.g. dates) and URLs are skipped."""
    blocked = SpanSet((exclude or []) + url_spans(text))
    cands = []
    unit_wins = windows(text, UNIT_TRIGGER, MARGIN, MARGIN)
    gens = [_money(text, unit_wins), _percent(text, unit_wins)]
    if counts:
        gens.append(_counts(text, windows(text, DIGIT_TRIGGER, MARGIN, MARGIN)))
    for gen in gens:
        for m, (s, e), kind, v, unit in gen:
            if e <= s:
                continue
            cands.append((s, e, kind, v, unit, _approx(m)))
    # money and percent win over counts; then earliest, longest
    cands.sort(key=lambda c: (KIND_RANK[c[2]], c[0], -(c[1] - c[0])))
    taken = SpanSet()
    out = []
    for s, e, kind, v, unit, approx in cands:
        if blocked.overlaps(s, e) or taken.overlaps(s, e):
            continue
        taken.add(s, e)
        out.append(QuantitySpan(s, e, text[s:e], kind, v, unit, approx))
    out.sort(key=lambda q: q.start)
    return out




def extract(ctx) -> list:
    from ..model.facts import Quantity

    dates = [(d.start, d.stop) for d in ctx.facts.get("dates", [])]
    facts = []
    for q in parse_quantities(ctx.text.text, exclude=dates):
        fact = Quantity(kind=q.kind, value=q.value, unit=q.unit, approximate=q.approximate)
        facts.append(ctx.place(fact, q.start, q.stop))
    return facts
