"""Dates: full (2024.3.15, 2024년 3월 15일, March 15, 2024), partial (3월 15일, (3.17),
3.14-3.16, 10월 말~11월 초, 상반기) and relative (지난해 10월, 연내, 오는 7월) dates, as ISO
strings at the precision the text gives.

Two passes: mentions are found first; then, unless the caller gives one, the document's
reference date is inferred from the full dates (see refdate.py); then every mention is
resolved against it. ``parse_dates`` is the plain API (used by ``extract`` and the peer
suite); ``deictic=True`` adds conversational forms (내일, 다음 주 금요일, 이틀 전) anchored
to the reference date — off in documents, where "이틀 후" is relative to the event just
narrated, not to the day of writing.

Year of a partial date: the past tense (지난) takes the latest occurrence not after the
reference, the future (오는, 예정) the earliest not before it, otherwise the reference year
unless a neighbouring year's occurrence is much nearer (datecal.infer_year).
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from . import datecal
from .. import prefilter
from .date_patterns import NUMBER_LEAD, PATTERNS, Mention, _, weekday_in
from .date_deictic import DEICTIC_PATTERNS, NEEDLES
from .date_words import EN_DEICTIC_PATTERNS, WORD_PATTERNS

NAME = "dates"
REQUIRES = ()


@dataclass
class DateSpan:
    start: int
    stop: int
    text: str
    value: str | None                  # None: it needs a reference date the text does not give
    end: str | None = None
    relative: bool = False
    fuzzy: str | None = None


URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'）)]*[^\s<>\"'）).,]")
EMAIL_DOMAIN = re.compile(r"[\w-]+\.[\w.]+")
AT = re.compile("@")
# 계획 and 전망 only as the predicate ("방문할 계획이다"), not as nouns ("비축 계획에 참여");
# "예정대로 시행됐다" is a plan carried out
FUTURE_CUE = re.compile(r"[^.。\n]{0,40}?(?:예정(?!대로)|계획(?:이다|이며|이라|이고|인|임)|전망(?:이다|이며|이라|된다)|"
                        r"개최될|열릴|것으로\s?보인)")
# Range connectors between two mentions; the second may inherit year and month.
DASH = re.compile(rf"{_}[-~–—〜∼～]{_}")
FROM = re.compile(rf"{_}(?:부터|에서|로부터){_}")
AND = re.compile(rf"{_}(?:과|와|및){_}")
UNTIL = re.compile(rf"{_}(?:까지|사이)")
COMMA = re.compile(r",[ \t]?")


class SpanSet:
    """Non-overlapping (start, stop) spans with a logarithmic overlap test."""

    def __init__(self, spans=()):
        self._starts: list[int] = []
        self._stops: list[int] = []
        for s, e in sorted(spans):
            if self._stops and s < self._stops[-1]:      # merge overlapping input spans
                self._stops[-1] = max(self._stops[-1], e)
            else:
                self._starts.append(s)
                self._stops.append(e)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self._stops, s + 1)       # first span ending after s
        return i < len(self._starts) and self._starts[i] < e

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self._starts, s)
        self._starts.insert(i, s)
        self._stops.insert(i, e)


def url_spans(text: str) -> list[tuple[int, int]]:
    return list(_url_spans(text))


@functools.lru_cache(maxsize=4)          # dates and quantities both ask for the same text
def _url_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = [(m.start(), m.end()) for m in URL.finditer(text)]
    for at in AT.finditer(text):           # e-mail addresses: grow both ways from each "@"
        i = at.start()
        dom = EMAIL_DOMAIN.match(text, i + 1)
        j = i
        while j > 0 and i - j < 64 and (text[j - 1].isalnum() or text[j - 1] in "._-"):
            j -= 1
        if dom and j < i:
            spans.append((j, dom.end()))
    return tuple(sorted(spans))


SCANNED = [p for p in PATTERNS if p[4] is None] + WORD_PATTERNS
ALL_DEICTIC = DEICTIC_PATTERNS + EN_DEICTIC_PATTERNS
BY_NEXT: dict[str, list] = {}                   # "월" -> the patterns a number + 월 may start
for _p in PATTERNS:
    for _k in _p[4] or ():
        BY_NEXT.setdefault(_k, []).append(_p)


# In a document, 오늘/내일 before 의 are figurative ("내일의 과제"), 지난날 is the past at large.
FIGURATIVE_NEXT = re.compile(r"의|날")
FIGURATIVE = {"지난날", "지난 날", "글피", "명일", "당일"}
FIGURATIVE_WORDS = ("오늘", "내일", "금일", "어제")


def find_mentions(text: str, deictic: bool = False, document: bool = False) -> list[Mention]:
    """Unresolved date mentions, non-overlapping, ranges merged, in text order.

    ``deictic`` adds the forms that need the day of writing or the day just narrated
    (오늘, 이날, 지난주, 이틀 후, today, on Tuesday). ``document`` keeps the rules of running
    text: a bare day ("15일") needs support, figurative 오늘/내일 are not dates; without it
    (conversational input, the peer suite) every bare day counts."""
    blocked = url_spans(text)
    cands: list[Mention] = []
    # number-led patterns: tried where a number is followed by a character they need
    for lead in NUMBER_LEAD.finditer(text):
        s = lead.start()
        for rx, handler, priority, not_after, _after in BY_NEXT.get(lead["k"] or "A", ()):
            m = rx.match(text, s)
            if m is not None:
                _candidate(text, m, handler, priority, not_after, cands)
    for rx, handler, priority, not_after, _after in SCANNED + (ALL_DEICTIC if deictic else []):
        for m in _scan(rx, text):
            _candidate(text, m, handler, priority, not_after, cands)
    cands = _drop_blocked(cands, blocked)
    chosen = _select(cands)
    merged = _merge_ranges(text, _join_month_day(text, chosen))
    out = []
    month_day = -1          # stop of the last month-and-day date ("3월 5일 … 7일 타결")
    day = None              # the last day kept: a later day of the same sentence goes on its story
    for i, mn in enumerate(merged):
        if mn.weak and (document or not deictic) and not (
                month_day >= 0 and SAME_SENTENCE.fullmatch(text, month_day, mn.start)) and not (
                day is not None and mn.d is not None and 0 < mn.d - day[1] <= DAY_CHAIN
                and SAME_SENTENCE.fullmatch(text, day[0], mn.start)):
            continue
        if document and mn.fn is not None and _figurative(text, mn):
            continue
        if mn.m is not None and mn.d is not None:
            month_day = mn.stop
        if mn.d is not None and mn.fn is None:
            day = (mn.stop, (mn.end.d if mn.end is not None and mn.end.d is not None else mn.d))
        # "사흘 뒤(3.9)", "한 달 뒤인 6월 25일": the explicit date wins over the relative phrase
        if mn.fn is not None and i + 1 < len(merged) and BRACKET_GAP.fullmatch(text, mn.stop, merged[i + 1].start):
            continue
        out.append(mn)
    return out


NEEDLE_REACH = 60              # characters a needled pattern may start before its needle


def _scan(rx, text: str):
    """rx.finditer(text), or for a pattern with a needle only the matches around the needle's
    hits (the same matches where they hold the needle, which every match must)."""
    needle = NEEDLES.get(rx)
    if needle is None:
        yield from prefilter.finditer(rx, text)
        return
    seen = -1
    for hit in needle.finditer(text):
        s, e = hit.span()
        if e <= seen:
            continue
        for m in rx.finditer(text, max(0, s - NEEDLE_REACH, seen), min(len(text), e + 12)):
            if m.start() < e and m.end() > s and m.start() >= seen:
                seen = m.end()
                yield m


BRACKET_GAP = re.compile(r"\s*[(（]\s*|인\s|\s?[,，]\s?(?:즉\s)?")    # 사흘 뒤(3.9), 한 달 뒤인 6월 25일


def _figurative(text: str, mn: Mention) -> bool:
    """Deictic look-alikes of running text: 내일의 과제, 지난날, and a length in a
    sentence ("향후 4년간 투자")."""
    word = text[mn.start:mn.stop]
    if text.startswith("간", mn.stop) and word[-1:] in "년월주일":
        return True
    return word in FIGURATIVE or word in FIGURATIVE_WORDS and bool(FIGURATIVE_NEXT.match(text, mn.stop))
# "24일 … 떠나 25일 … 도착했다": a sentence that narrates one day and then the next days of a
# journey writes the later days bare after a verb; a later day within a week of the one kept is
# read as a date.
DAY_CHAIN = 7
SAME_SENTENCE = re.compile(r"(?:[^.!?。\n]|\.\d){0,80}")


def _candidate(text, m, handler, priority, not_after, out) -> None:
    s = m.start()
    if m.end() == s or not_after is not None and s and not_after.match(text, s - 1):
        return
    mention = handler(m)
    if mention is not None:
        mention.priority = max(priority, mention.priority)
        out.append(mention)


def _drop_blocked(cands, blocked):
    if not blocked:
        return cands
    spans = SpanSet(blocked)
    return [c for c in cands if not spans.overlaps(c.start, c.stop)]


def _select(cands: list[Mention]) -> list[Mention]:
    """Greedy left-to-right choice: earliest start, then longest, then priority."""
    cands.sort(key=lambda c: (c.start, -(c.stop - c.start), -c.priority))
    out: list[Mention] = []
    last = -1
    for c in cands:
        if c.start >= last:
            out.append(c)
            last = c.stop
        elif out and c.start == out[-1].start and c.stop == out[-1].stop and c.priority > out[-1].priority:
            out[-1] = c
    return out


MONTH_DAY_GAP = re.compile(r"[ \t]?")


def _join_month_day(text: str, ms: list[Mention]) -> list[Mention]:
    """"2022년 5월" + "20~21일" read apart is one date: the days of that month. A day that
    writes its weekday ("7일 금요일") carries it for the month to be checked."""
    out: list[Mention] = []
    for mn in ms:
        if mn.d is not None and mn.wd is None and mn.fn is None:
            mn.wd = weekday_in(text[mn.start:mn.stop])
        prev = out[-1] if out else None
        if (prev is not None and mn.d is not None and mn.m is None and mn.y is None and mn.fn is None
                and mn.mrel is None and prev.m is not None and prev.d is None and prev.end is None
                and prev.fn is None and prev.months is None and MONTH_DAY_GAP.fullmatch(text, prev.stop, mn.start)):
            prev.stop, prev.d, prev.weak, prev.wd = mn.stop, mn.d, False, mn.wd
            if mn.end is not None and mn.end.d is not None:
                prev.end = Mention(prev.start, mn.stop, y=prev.y, yrel=prev.yrel, m=prev.m, d=mn.end.d)
            continue
        out.append(mn)
    return out


def _merge_ranges(text: str, ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        if i + 1 < len(ms) and a.end is None and ms[i + 1].end is None:
            b = ms[i + 1]
            g0, g1 = a.stop, b.start
            stop = None
            comma = COMMA.fullmatch(text, g0, g1)
            if DASH.fullmatch(text, g0, g1) or FROM.fullmatch(text, g0, g1):
                u = UNTIL.match(text, b.stop)
                stop = u.end() if u and "까지" in u.group() else b.stop
            elif AND.fullmatch(text, g0, g1) or comma and b.d and b.m is None:
                u = UNTIL.match(text, b.stop)
                if u and "사이" in u.group():
                    stop = u.end()
                elif comma:
                    stop = b.stop
            if stop is not None and _compatible(a, b):
                a.end = b
                a.stop = stop
                a.weak = False
                out.append(a)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _compatible(a: Mention, b: Mention) -> bool:
    if b.fn is not None:
        return a.fn is not None
    if a.fn is not None:                 # 6월 첫째 금요일부터 2031년까지
        return b.y is not None or b.yrel is not None
    if b.y is not None or b.yrel is not None:
        return True
    if b.m is not None:
        return a.m is not None or a.y is not None or a.yrel is not None
    if b.d is not None:
        return a.d is not None or a.mrel is not None
    return False


# ---------------------------------------------------------------- resolution

# a photo's date stamp ("2025.3.4 /사진=…", "(사진=AFP) 2025.3.4") is not a day the story narrates
CAPTION_AFTER = re.compile(r"\s*[/|]?\s*(?:사진|자료|그래픽|영상|Photo|photo|ⓒ|©)")

# 이날 and its kin name the day just narrated, or in news the day of the dateline
SAME_DAY = {"이날", "그날", "당일"}

# Stands in for a missing reference date: what depends on it comes out unresolved.
NO_REFERENCE = dt.date(2000, 1, 1)


def resolve(text: str, mentions: list[Mention], ref: dt.date | None, anaphora: bool = False) -> list[DateSpan]:
    """Resolved spans; without a reference date (None) a date that needs one keeps its
    text with ``value`` None. With ``anaphora`` (documents), 이날, 다음 날, 이틀 후 count
    from the last day the text narrated before them (the reference date when none)."""
    out = []
    missing = ref is None
    ref = ref or NO_REFERENCE
    month = None            # (year, month, stop) of the last month-and-day date in the text
    narrated: tuple | None = None   # last single day named: (day, whether it needed the reference, its end)
    listing = None          # (year, month, stop, relative) of the last month named, for a list of months
    for mn in mentions:
        context = None
        if month is not None and text.find("\n\n", month[2], mn.start) < 0:
            context = month[:2]
        same_day = text[mn.start:mn.stop].replace(" ", "") in SAME_DAY
        # 이날 may point back across paragraphs; 다음 날, 이틀 후 count from a day of their own paragraph
        near = narrated is not None and (same_day or text.find("\n\n", narrated[2], mn.start) < 0)
        anchored = anaphora and mn.anaphoric and near
        if anaphora and mn.anaphoric and not anchored and not same_day and narrated is not None:
            continue    # "다음 날" after a day told in another paragraph: which day it follows is not said
        listed = _listed_month(text, mn, listing)
        res = resolve_one(text, mn, narrated[0] if anchored else ref, context, listed)
        if res is None:
            continue
        value, end, relative, fuzzy = res
        if anchored:
            relative = narrated[1]
        if listed is not None:
            relative = listing[3]
        if mn.m is not None and mn.fn is None and value and len(value) >= 7 and mn.end is None:
            listing = (int(value[:4]), int(value[5:7]), mn.stop, relative)
        if value and len(value) == 10 and end is None and _tense(text, mn) <= 0 \
                and not CAPTION_AFTER.match(text, mn.stop):
            narrated = (dt.date.fromisoformat(value), relative, mn.stop)
        if missing and relative:
            out.append(DateSpan(mn.start, mn.stop, text[mn.start:mn.stop], None, None, True, fuzzy))
            continue
        out.append(DateSpan(mn.start, mn.stop, text[mn.start:mn.stop], value, end, relative, fuzzy))
        if mn.m is not None and mn.d is not None and mn.fn is None and len(value) == 10:
            month = (int(value[:4]), int(value[5:7]), mn.stop)
    return out


LIST_GAP = re.compile(r"[^.!?。\n]{0,24}?,\s?")


def _weekday_month(d: int, wd: int | None, ref: dt.date):
    if wd is None:
        return None
    fits = [ym for k in (-1, 0, 1) if datecal.valid(*(ym := datecal.shift_month(ref.year, ref.month, k)), d)
            and dt.date(*ym, d).weekday() == wd]
    return fits[0] if len(fits) == 1 else None


def _listed_month(text: str, mn: Mention, listing):
    """(year, month) a month without a year inherits in a list ("지난해 9월 41%, 10월 37%, 11월
    35%": all last year's): the month named just before it in the same sentence, a comma
    between them."""
    if listing is None or mn.y is not None or mn.yrel is not None or mn.mrel is not None or mn.fn is not None \
            or mn.m is None or mn.tense:
        return None
    if not LIST_GAP.fullmatch(text, listing[2], mn.start):
        return None
    return listing[0], listing[1]


def _tense(text: str, mn: Mention) -> int:
    if mn.tense:
        return mn.tense
    if FUTURE_CUE.match(text, mn.stop):
        return 1
    return 0


# The end of the sentence a date is in, and its last word: "밝혔다", "합의했습니다".
SENTENCE_END = re.compile(r"[^\n]{0,240}?(?P<word>[가-힣]+)[\"'”’)]?(?:[.!?。](?=\s|$|[\"'”’])|\n|$)")
PAST_JONG = 20                          # final consonant ㅆ: 했, 됐, 혔, 었, 았
NOT_PAST = set("있겠")                   # 있다 is present, 겠 is will


def _past_predicate(text: str, stop: int) -> bool:
    """Whether the sentence after ``stop`` ends in a past-tense verb (했다, 밝혔다, 열렸다)."""
    m = SENTENCE_END.match(text, stop)
    if not m:
        return False
    return any((ord(ch) - 0xAC00) % 28 == PAST_JONG for ch in m["word"] if ch not in NOT_PAST)


def resolve_one(text: str, mn: Mention, ref: dt.date, context=None, listed=None):
    """(value, end, relative, fuzzy) of a mention; ``context`` is the (year, month) of a
    month-and-day date earlier in the paragraph, which a day-only date belongs to."""
    if mn.fn is not None:
        r = mn.fn(ref)
        if r is None:
            return None
        value, end = r
        if mn.end is not None and mn.end.fn is not None:
            r2 = mn.end.fn(ref)
            if r2:
                end = r2[0]
        elif mn.end is not None:
            e = _point(text, mn.end, ref, None)
            end = e[0] if e else end
        return value, end, True, None
    start = _point(text, mn, ref, listed, context)
    if start is None:
        return None
    value, y, m, relative, fuzzy = start
    end = None
    if mn.months:
        end = datecal.iso(y, mn.months[1])
    if mn.years:
        end = datecal.iso(mn.years[1])
    if mn.end is not None:
        e = _point(text, mn.end, ref, (y, m))
        if e is None:
            return None
        end = e[0]
        relative = relative or e[3]
        if mn.end.fuzzy and fuzzy:
            fuzzy = f"{fuzzy}/{mn.end.fuzzy}"
        if datecal.span_of(end)[1] < datecal.span_of(value)[0]:
            return None
    return value, end, relative, fuzzy


def _point(text: str, mn: Mention, ref: dt.date, anchor, context=None):
    """(iso, year, month, relative, fuzzy) of one mention; ``anchor`` is the (year, month)
    of a range's start, which a range's end inherits."""
    fuzzy = mn.fuzzy
    if mn.years:
        y0 = mn.years[0]
        return datecal.iso(y0), y0, None, False, fuzzy
    relative = False
    y, m, d = mn.y, mn.m, mn.d
    if mn.months:
        m = mn.months[0]
    if mn.mrel is not None:
        y, m = datecal.shift_month(ref.year, ref.month, mn.mrel)
        relative = True
    elif y is None and mn.yrel is not None:
        y = ref.year + mn.yrel
        relative = True
    if y is None:
        relative = anchor is None           # a range's end takes its start's year, not the reference's
        if anchor is not None:
            ay, am = anchor
            if m is None:
                m = am
            y = ay
            if am is not None and m is not None and m < am:
                y += 1
        elif m is not None:
            y = datecal.infer_year(m, d, ref, _tense(text, mn), mn.wd)
        elif d is not None:
            if context is not None and not mn.tense and datecal.valid(context[0], context[1], d):
                y, m = context                  # "8월 25일 … 26일": the month just named
            elif (fit := _weekday_month(d, mn.wd, ref)) is not None:
                y, m = fit                      # "7일 금요일": the neighbouring month where the 7th is a Friday
            else:
                tense = _tense(text, mn)
                past = tense == 0 and _past_predicate(text, mn.stop)
                ym = datecal.infer_month(d, ref, tense, past)
                if ym is None:
                    return None
                y, m = ym
        else:
            return None
        if y is None:
            return None
    if not datecal.valid(y, m, d):
        return None
    return datecal.iso(y, m, d), y, m, relative, fuzzy


# ---------------------------------------------------------------- API

def parse_dates(text: str, reference: dt.date | None = None, *, deictic: bool = False) -> list[DateSpan]:
    """Dates in ``text`` resolved against ``reference`` (inferred when None; a date that
    needs a reference the text does not give keeps ``value`` None)."""
    mentions = find_mentions(text, deictic)
    if reference is None:
        from .refdate import infer

        reference = infer(text, mentions).date
    return resolve(text, mentions, reference)


def infer_reference_date(text: str) -> dt.date | None:
    from .refdate import infer

    return infer(text, find_mentions(text)).date


def _meta_date(doc) -> dt.date | None:
    try:
        return dt.date.fromisoformat((doc.meta.date or "")[:10])
    except ValueError:
        return None


# A format's own date (a PDF's or DOCX's creation date) is often the day a file was
# converted, years later: it stands in only when it is not before any year the text
# states and not more than this many years after the latest.
META_SLACK_YEARS = 1


def _plausible(meta: dt.date, mentions) -> bool:
    years = [mn.y for mn in mentions if mn.y is not None and mn.fn is None]
    if not years:
        return True
    return max(years) <= meta.year <= max(years) + META_SLACK_YEARS


def _reference(ctx, text: str, mentions):
    """The writing date and its source: a web page's published date when it states one
    (and the text has no date line of its own); otherwise inferred from the text, with the
    format's date (a PDF's creation date, say) only when the text gives none and it is
    plausible."""
    from .refdate import Reference, dateline, infer

    meta = _meta_date(ctx.doc)
    header = _header_text(ctx.doc)
    if meta is not None and ctx.doc.format == "html" and dateline(text, header) is None:
        return Reference(meta, "metadata")
    found = infer(text, mentions, header=header)
    if found.date is None and meta is not None and _plausible(meta, mentions):
        return Reference(meta, "metadata")
    return found


def _header_text(doc) -> str | None:
    """The normalised input with its own line breaks (structure recovery joins a title
    block into one paragraph, hiding a date line under the title)."""
    mapped = getattr(doc, "text", None)
    return getattr(mapped, "text", None)


def extract(ctx) -> list:
    from ...model.facts import DateFact

    text = ctx.text.text
    mentions = find_mentions(text, deictic=True, document=True)
    if ctx.reference_date_given and ctx.reference_date is not None:
        ctx.reference_date_source = "given"
    else:
        ctx.reference_date, ctx.reference_date_source = _reference(ctx, text, mentions)
    facts, unresolved = [], []
    for span in resolve(text, mentions, ctx.reference_date, anaphora=True):
        fact = DateFact(value=span.value, end=span.end, relative=span.relative, fuzzy=span.fuzzy)
        if span.value is None:
            fact.unresolved = True
            unresolved.append(ctx.place(fact, span.start, span.stop))
        else:
            facts.append(ctx.place(fact, span.start, span.stop))
    # kept apart: the other extractors read resolved dates only; the export lists both
    ctx.facts["dates_unresolved"] = unresolved
    return facts
