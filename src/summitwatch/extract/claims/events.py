"""Dated happenings: one event per date mention that dates something that happened, is
scheduled, or is an option the author weighs, with the clause around the date as its text.

Not events: access dates of citations, source lines under tables, poll field dates (the poll
is the fact), a coarse date that only frames a finer one beside it ("2023년 … (2023.4.26)"), and
the document's own date (a publication timestamp "입력 2025.08.26 14:30", the date of the title block).
The same happening restated on the same date (summary and body) is kept once.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import re
from importlib import resources

from ... import clauses
from ...clauses import DATELINE, english, lexicon, predicate
from ...model.facts import Event

NAME = "events"
REQUIRES = ("dates", "quantities", "entities", "groups", "polls")

SENTENCE_MAX = 150      # longer sentences are trimmed to the clause holding the date
CLAUSE_MIN = 25         # a shorter clause takes the next one too
TEXT_MAX = 300

_ACCESS = re.compile(r"(?:검색일|접속일|열람일|최종\s*접속|accessed|retrieved|access\s*date)\s*[:：]?\s*$", re.I)
# A publication timestamp ("입력 2025.08.26 14:30", "Published March 3, 2025") dates the
# document, not a happening.
_TIMESTAMP = re.compile(r"(?:기사\s*)?(?:입력|수정|최종\s*수정|등록|발행|송고|게재|작성|업데이트|발행일|작성일|"
                        r"보도\s*(?:시점|일시|일자)|배포\s*(?:일시|일자)?|엠바고(?:\s*해제)?|embargo)\s*[:：|]?\s*$|"
                        r"(?:published|updated|posted|last\s+updated|first\s+published)\s*(?:on|at)?\s*[:：]?\s*$", re.I)
_ACCESS_AFTER = re.compile(r"\s*(?:검색|접속|열람)(?:일)?\s*[)\]]")
_SOURCE_LINE = re.compile(r"\s*(?:출처|자료|Source|資料|出典)\s*[:：]", re.I)
# An English wire dateline opens the story: "SEOUL, Nov. 3 (Agency) --". Its date is when the story
# was filed; a day the sentence names ("on Monday") is when things happened.
_WIRE_DATELINE = re.compile(r"[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][A-Za-z .]{1,25})?(?:\s*\([^()\n]{1,30}\))?,\s*$")
_WIRE_AFTER = re.compile(r"(?:,?\s*\d{4})?\s*(?:\([^()\n]{1,30}\)\s*)?(?:--|–|—|-)\s")
# The author weighs options: "후보로 꼽히는 때는 가) … 나) …", "가능성", "~할 수도".
_CANDIDATE = re.compile(r"가능성|[을를ㄹ할될일]\s*수도|시기로는|후보\s*(?:시기|일|지)|후보로는|거론되|유력|검토\s*중|"
                        r"선택지|혹은|또는")
# A sentence that lays out options: "고려할 수 있는 방안으로는 ① … ② …".
_OPTIONS = re.compile(r"시기로는|후보로는|방안으로는|생각해\s*볼\s*수\s*있는|고려할\s*수\s*있는|가능한\s*시기")
_SCHEDULED = re.compile(r"예정|오는\s|계획이|계획이다|앞두고|[할될열릴]\s*것이다|[할될]\s*전망|개최될|열릴|방문할|참석할")
_OCCURRED = re.compile(r"지난\s|바\s*있|었다|았다|였다|했다|됐다|되었|가졌|열렸|밝혔")
# A century or a decade ("21세기의 도전", "1990년대") names an era, not the day of a happening.
_ERA = re.compile(r"(?:세기|년대|世紀|世纪|年代|centur(?:y|ies)|\d0s)\s*$", re.I)
# "‘5월 부산 공동성명’": a date that opens a quoted name of a statement is part of the name.
_QUOTED_NAME = re.compile(r"[^’'”\"」』\n]{0,16}(?:선언|성명|합의|협정|공약)[^’'”\"」』\n]{0,4}[’'”\"」』]")


def _names_a_document(text: str, d) -> bool:
    return d.start > 0 and text[d.start - 1] in "‘'“\"「『" and _QUOTED_NAME.match(text, d.stop) is not None


_SENTENCE_END = re.compile(r"(?<=[가-힣])[.?!](?=\s|$)")
# Clause breaks inside a long sentence: before an enumeration marker "2)", "(3)", "③".
_ENUM_BREAK = re.compile(r"(?<=\s)(?:\(?\d{1,2}\)|[①-⑩])\s")
_STOP_NOUNS = {"것", "수", "등", "때", "이후", "이번", "이전", "당시", "대통령", "총리", "관련", "문제", "경우",
               "측면", "정도", "가운데", "중", "내", "후", "전", "간", "및", "이", "그"}


def _sentence_at(ctx, starts: list[int], pos: int):
    i = bisect.bisect_right(starts, pos) - 1
    return ctx.sentences[i] if i >= 0 else None


def _clause_breaks(text: str, sent) -> list[int]:
    """Positions after a connective ending and its comma ("밝혔으나, ", "하며, ")."""
    breaks = []
    toks = sent.tokens
    for k in range(len(toks) - 1):
        t, nxt = toks[k], toks[k + 1]
        if t.tag == "EC" and nxt.tag == "SP" and text[nxt.start:nxt.start + nxt.len] == ",":
            breaks.append(nxt.start + nxt.len)
    for m in _ENUM_BREAK.finditer(text, sent.start, sent.stop):
        breaks.append(m.start())
    return sorted(set(breaks))


def _has_predicate(sent, a: int, z: int, text: str | None = None) -> bool:
    """Whether [a, z) holds a finite predicate: titles, headings, captions and bylines do not.
    Kiwi tags no endings in English, so an English span is judged by its verbs."""
    if text is not None and english.is_english(text, a, z):
        return _EN_FINITE.search(text, a, z) is not None
    return any(a <= t.start < z and t.tag in ("EF", "EP") for t in sent.tokens)


def _label_start(text: str, pos: int) -> int:
    """Start of a timestamp label in front of a date ("입력 2025.08.26"), else the date's start."""
    m = _TIMESTAMP.search(text[max(0, pos - 20):pos])
    return pos - 20 + m.start() if m and pos >= 20 else (m.start() if m else pos)


def _span(text: str, sent, d, others=(), body_end: int = 0) -> tuple[int, int]:
    a, z = sent.start, sent.stop
    # Never across a line (table rows, list lines) or a sentence end Kiwi did not see.
    a = max(a, text.rfind("\n", 0, d.start) + 1)
    nl = text.find("\n", d.stop, z)
    z = nl if nl >= 0 else z
    for m in _SENTENCE_END.finditer(text, a, d.start):
        a = m.end()
    m = _SENTENCE_END.search(text, d.stop, z)
    z = m.end() if m else z
    # A title block has no sentence to cut at ("…정상회담(3.16) 평가와 과제 2023년 3월 27일 …
    # 연구위원"): the other dates in it (the document's date, a timestamp) end the date's text.
    # Footnotes are left whole: a citation is one reference however it is laid out.
    if others and d.start < body_end and not _has_predicate(sent, a, z, text):
        a = max([a] + [o.stop for o in others if a <= o.stop <= d.start])
        z = min([z] + [_label_start(text, o.start) for o in others if d.stop <= o.start < z])
    line = DATELINE.match(text, a)
    if line and line.end() <= d.start:
        a = line.end()
    while a < z and text[a].isspace():
        a += 1
    while z > a and text[z - 1].isspace():
        z -= 1
    if z - a <= SENTENCE_MAX:
        return a, z
    breaks = [b for b in _clause_breaks(text, sent) if a < b < z]
    ca = max([b for b in breaks if b <= d.start] or [a])
    after = [b for b in breaks if b >= d.stop]
    cz = after[0] if after else z
    if cz - ca < CLAUSE_MIN and len(after) > 1:
        cz = after[1]
    elif cz - ca < CLAUSE_MIN:
        cz = z
    if cz - ca > TEXT_MAX:
        ca = max(ca, d.start - TEXT_MAX // 3)
        cz = min(cz, ca + TEXT_MAX)
        # cut between words, not inside one
        sp = text.find(" ", ca, d.start)
        ca = sp + 1 if sp >= 0 and text[ca - 1:ca] not in (" ", "") else ca
        sp = text.rfind(" ", d.stop, cz)
        cz = sp if sp >= 0 and cz < len(text) and not text[cz].isspace() else cz
    while ca < cz and text[ca].isspace():
        ca += 1
    while cz > ca and text[cz - 1] in " ,":
        cz -= 1
    return ca, cz


def _narrative(text: str, sent, a: int, z: int) -> bool:
    """Whether [a, z) tells of something with a predicate of its own (a verb, an ending) or a plan
    ("상호 방문 계획"): a stamp under a photo ("2023.8.19 /사진=…"), a dateline, a byline or a
    bare title has none. English spans are judged by their words."""
    if english.is_english(text, a, z):
        return _EN_VERB.search(text, a, z) is not None
    return any(a <= t.start < z and (t.tag in ("EF", "EP", "EC", "ETM", "VV", "XSV")
                                     or (t.tag == "NNG" and t.form in _PLAN_NOUNS)) for t in sent.tokens)


_EN_VERB = re.compile(r"\b(?:[a-z]{2,}ed|was|were|is|are|will|would|has|have|had|met|held|made|took|left|"
                      r"came|went|began|said|says|meets|holds|signs)\b")
_PLAN_NOUNS = lexicon.words("korean", "plan_nouns")
# A finite English verb after a lower-case word: a headline's "Summit Collapses" is capitalised.
_EN_FINITE = re.compile(r"(?<=[a-z,] )(?:[a-z]{2,}ed|was|were|is|are|will|would|has|have|had|met|held|made|"
                        r"took|left|came|went|began|said|says|wrote|meets|holds|signs)\b")


def _tense(sent, d) -> str | None:
    """The tense of the predicate that governs the date: the first ending after it that closes a
    predicate ("7월 열린" past, "다음 달 열릴" future, "7월 중 파견할 수도 있다고" a possibility)."""
    toks = sent.tokens
    k = next((i for i, t in enumerate(toks) if t.start >= d.stop), None)
    if k is None:
        return None
    for e in range(k, len(toks)):
        t = toks[e]
        if t.tag not in ("EF", "EC", "ETM") or e == 0:
            continue
        if t.tag == "EC" and t.form not in clauses.CLAUSE_EC and t.form not in _QUOTATIVE:
            continue
        p = predicate.read(toks, k, e)
        if p is None:
            continue
        if p.modality & (predicate.FUTURE | {"forecast", "possible"}):
            return "future"
        if t.tag == "ETM":
            stem = toks[e - 1]
            if t.form in ("ᆯ", "을"):
                return "future"
            return "past" if t.form in ("ᆫ", "은") and stem.tag in ("VV", "XSV") else None
        return "past" if p.past else None
    return None


_QUOTATIVE = lexicon.words("korean", "quotative_ec")
_EN_PAST = re.compile(r"(?<=[a-z,] )(?:[a-z]{2,}ed|was|were|had|met|held|made|took|left|came|went|began|said|"
                      r"wrote|told|won|cut|set|saw|gave|spoke|struck|hit)\b")
# "the revised quota", "its expanded alliance": an -ed word after a determiner is an adjective
_EN_DETERMINER = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those|new|newly)\s+$", re.I)


def _en_past(text: str, a: int, z: int) -> list:
    """Past verbs in text[a:z], without the -ed adjectives ("the planned visit")."""
    return [m for m in _EN_PAST.finditer(text, a, z)
            if not (m.group().endswith("ed") and _EN_DETERMINER.search(text, max(0, m.start() - 12), m.start()))]


_EN_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|set|expected|due|going)\s+to|"
                        r"(?:plans?|intends?)\s+to|upcoming|next\s+(?:week|month|year))\b", re.I)

_EN_AIM = re.compile(r"\b(?:towards?|aim(?:s|ing)?\s+(?:to|at)|to\s+(?:hold|meet|visit|host|convene|resume|"
                     r"launch|sign|begin|start|coordinate|work|travel))\b", re.I)


def _en_tense(text: str, a: int, z: int, d) -> str | None:
    """An English clause's tense: a past verb just before the date ("held talks on Saturday")
    speaks first, then a future cue ("will visit on Monday", "his office said" notwithstanding),
    then a past verb after it ("on Tuesday announced"), then any past verb."""
    before = _en_past(text, max(a, d.start - 80), d.start)
    # "agreed in May to aim at a joint drill by autumn": the decision is past, the date's happening is not
    if before and _EN_AIM.search(text, before[-1].end(), d.start):
        return "scheduled"
    if before:
        return "occurred"
    if _EN_FUTURE.search(text, a, z):
        return "scheduled"
    if _en_past(text, d.stop, min(z, d.stop + 80)):
        return "occurred"
    return "occurred" if _en_past(text, a, z) else None


def _status(ctx, text: str, sent, a: int, z: int, d) -> str:
    clause = text[a:z]
    sentence = text[sent.start:sent.stop]
    if _OPTIONS.search(sentence) and _ENUM_BREAK.search(sentence):
        return "candidate"
    if english.is_english(text, a, z):
        tense = _en_tense(text, a, z, d)
        if tense:
            return tense
    # the predicate decides first: a past 했다 is occurred whatever its date
    tense = _tense(sent, d)
    if tense == "past":
        return "occurred"
    # Cues right at the date speak for it first ("오는 7월 … 예정", "7월 혹은 …").
    near = text[max(a, d.start - 15):min(z, d.stop + 25)]
    if _SCHEDULED.search(near):
        return "scheduled"
    if _CANDIDATE.search(near):
        return "candidate"
    ref = ctx.reference_date.isoformat() if ctx.reference_date else None
    if ref and (d.end or d.value) < ref[:len(d.end or d.value)]:
        return "occurred"
    if _CANDIDATE.search(clause) or _OPTIONS.search(sentence):
        return "candidate"
    if _SCHEDULED.search(clause):
        return "scheduled"
    if ref and d.value > ref[:len(d.value)]:
        return "scheduled"
    past = any(t.tag == "EP" and t.form in ("었", "았", "였", "ㅆ") for t in sent.tokens if a <= t.start < z)
    return "occurred" if past or _OCCURRED.search(clause) else "scheduled"


def _actor_index(ctx) -> tuple[list[int], list[tuple[int, int, int, str]]]:
    """Country and person mentions sorted by start: (start, stop, entity order, key)."""
    rows = []
    for order, e in enumerate(ctx.facts.get("entities") or []):
        if e.type not in ("COUNTRY", "PERSON"):
            continue
        key = e.iso if e.type == "COUNTRY" and e.iso else e.name
        if key:
            rows += [(m.start, m.stop, order, key) for m in e.mentions if m.start >= 0]
    rows.sort()
    return [r[0] for r in rows], rows


def _actors(index, a: int, z: int) -> list[str]:
    """Actors mentioned wholly inside [a, z), in the order of the entity list."""
    starts, rows = index
    inside = rows[bisect.bisect_left(starts, a):bisect.bisect_left(starts, z)]
    found = sorted({(order, key) for _, stop, order, key in inside if stop <= z})
    out: list[str] = []
    for _, key in found:
        if key not in out:
            out.append(key)
    return out


def _nouns(sent, a: int, z: int, cache: dict | None = None) -> set[str]:
    # a sentence's content nouns are listed once, however many dates it holds
    found = cache.get(id(sent)) if cache is not None else None
    if found is None:
        found = [(t.start, t.form) for t in sent.tokens if t.tag in ("NNG", "NNP", "SL")
                 and len(t.form) > 1 and t.form not in _STOP_NOUNS]
        if cache is not None:
            cache[id(sent)] = found
    return {f for s, f in found if a <= s < z}


def _happenings(sent, a: int, z: int) -> set[str]:
    """Nouns of happenings held in [a, z): the object of a holding verb that is a predicate of
    its own ("브리핑을 열고", "회견을 가졌다"), not a modifier ("새 장을 여는 계기")."""
    toks = sent.tokens
    out = set()
    for k in range(len(toks) - 3):
        if not (a <= toks[k].start < z and toks[k].tag in ("NNG", "NNP") and toks[k + 1].tag == "JKO"
                and toks[k + 2].form in _HOLDING and toks[k + 2].tag in ("VV", "NNG")):
            continue
        e = k + 4 if toks[k + 3].tag == "XSV" and k + 4 < len(toks) else k + 3
        if toks[e].tag in ("EC", "EP", "EF"):
            out.add(toks[k].form)
    return out


_HOLDING = frozenset(json.loads(resources.files(__package__).joinpath("data", "events.json")
                                .read_text(encoding="utf-8"))["holding_verbs"])


def _same_content(a: set[str], b: set[str]) -> bool:
    shared = len(a & b)
    return shared >= 2 and shared >= 0.4 * min(len(a), len(b))


def _document_date(ctx, text: str, d, sent) -> bool:
    """The date of the document itself: a publication timestamp, or the date in the title block
    (the lines before the first sentence with a predicate) that is the reference date."""
    line_start = text.rfind("\n", 0, d.start) + 1
    if _TIMESTAMP.search(text[max(line_start, d.start - 30):d.start]):
        return True
    ref = ctx.reference_date.isoformat() if ctx.reference_date else None
    if ref is None or not ref.startswith(d.value) or d.end:
        return False
    line_end = text.find("\n", d.stop)
    line_end = len(text) if line_end < 0 else line_end
    if _has_predicate(sent, max(sent.start, line_start), min(sent.stop, line_end), text):
        return False        # a sentence that happens on the day it was written
    return not any(_has_predicate(s, s.start, min(s.stop, d.start), text)
                   for s in ctx.sentences if s.start < d.start)


def _wire_filing_day(text: str, d, dates, starts) -> bool:
    """``d`` is the date of a wire dateline and its sentence names another day."""
    line_start = text.rfind("\n", 0, d.start) + 1
    if not _WIRE_DATELINE.fullmatch(text, line_start, d.start) or not _WIRE_AFTER.match(text, d.stop):
        return False
    end = text.find(". ", d.stop)
    end = len(text) if end < 0 else end
    k = bisect.bisect_right(starts, d.start)
    return any(o.start < end and o.value and o.value != d.value for o in dates[k:k + 4] if o is not d)


def _skip(ctx, text: str, d, dates, starts, poll_spans) -> bool:
    if _ACCESS.search(text[max(0, d.start - 20):d.start]) or _ACCESS_AFTER.match(text, d.stop):
        return True
    if _wire_filing_day(text, d, dates, starts):
        return True
    line_start = text.rfind("\n", 0, d.start) + 1
    if _SOURCE_LINE.match(text, line_start):
        return True
    if any(a <= d.start and d.stop <= z for a, z in poll_spans.get(d.value, ())):
        return True
    # A coarse date framing a finer one close by: "2023년, … (2023.4.26)", "‘…(7.19)’이 있는 7월".
    lo, hi = bisect.bisect_left(starts, d.start - 60), bisect.bisect_right(starts, d.start + 60)
    for o in dates[lo:hi]:
        if o is not d and abs(o.start - d.start) < 60 and len(o.value) > len(d.value) \
                and o.value.startswith(d.value) and not d.end:
            between = text[min(o.stop, d.stop):max(o.start, d.start)]
            if not _ENUM_BREAK.search(between) and not _SENTENCE_END.search(between):
                return True
    return False


# Days counted from the last day named before: "트럼프 대통령은 다음 날 … 밝혔다".
_RELATIVE_DAY = re.compile(r"다음\s?날|이튿날|이틀\s?(?:후|뒤)|사흘\s?(?:후|뒤)|같은\s?날|전날")
_OFFSET = {"다음날": 1, "이튿날": 1, "이틀후": 2, "이틀뒤": 2, "사흘후": 3, "사흘뒤": 3, "같은날": 0, "전날": -1}
# A figure measured over a year or a month: "2023년 기준 …", "2024년 2,954억 달러", "7~9월 영업이익이 29.2%".
_STAT_GAP = 20
_MEASURED = ("money", "percent", "count")
_MEASURE_NOUN = re.compile(r"영업이익|매출|수출액|수입액|교역액|적자|흑자|비중|성장률|물가|실업률|외환보유액|"
                           r"보유액|생산량|점유율|지지율|합계|총액|규모는|GDP|국내총생산")
_BASIS = re.compile(r"\s?(?:기준|현재\s?기준)")


def _statistic(text: str, d, quantities) -> bool:
    """A year or month that only says when a figure was measured: the years of statistics are
    not happenings. Day-precision dates with an amount ("11월 5일 … 15%의 관세를 철폐") are."""
    if len(d.value) > 7:
        return False
    if _BASIS.match(text, d.stop):
        return True
    i = bisect.bisect_left(quantities, (d.stop,))
    if i >= len(quantities) or quantities[i][0] - d.stop > _STAT_GAP:
        return False
    between = text[d.stop:quantities[i][0]]
    if any(c in between for c in ".,\n") or between.lstrip().startswith(("까지", "부터")):
        return False
    # a year or a span of months right before its figure ("2024년 2,954억 달러로", "2018년 26.8%에서"),
    # or any period before a measured quantity ("10월 말 외환보유액은 …", "7~9월 영업이익이 …")
    return (between.strip() in ("", "의") and (len(d.value) == 4 or d.end)) or _MEASURE_NOUN.search(between) is not None


def _relative_events(ctx, text, dates, summit_date) -> list[tuple[int, int, str]]:
    """(start, stop, ISO day) of "다음 날"-style phrases without a written date of their own: the day
    counts from the last day named earlier in the paragraph, else from the summit when the
    paragraph speaks of the meeting ("이 대통령은 회담에서 … 트럼프 대통령은 다음 날 …"), else from
    the last day named earlier in the section."""
    out = []
    heads = sorted(h.start for h in getattr(ctx.structure, "headings", []) or [])
    days = [d for d in dates if len(d.value) == 10 and not d.end and d.start < ctx.body_end
            and not text.startswith(("까지", "부터"), d.stop)]
    # position indexes: ``dates`` are sorted by start
    starts = [d.start for d in dates]
    reach = list(itertools.accumulate((d.stop for d in dates), max))
    day_starts = [d.start for d in days]
    for m in _RELATIVE_DAY.finditer(text, 0, ctx.body_end):
        ms, me = m.start(), m.end()
        lo = bisect.bisect_left(starts, me)
        written = any("(" in text[me:d.start + 1] for d in dates[lo:bisect.bisect_right(starts, me + 3)])
        k = bisect.bisect_right(starts, ms) - 1
        if written or (k >= 0 and reach[k] > ms):
            continue                  # "사흘 뒤(3.9)": the date is written
        para = text.rfind("\n\n", 0, ms) + 1
        h = bisect.bisect_right(heads, ms)
        section = heads[h - 1] if h else 0
        # the last day (in text order) that ends before the phrase
        last = None
        for j in range(bisect.bisect_right(day_starts, ms) - 1, -1, -1):
            if days[j].stop <= ms:
                last = days[j]
                break
        anchor = last.value if last is not None and last.start >= para else None
        if anchor is None and "회담" in text[para:ms]:
            summit_date = summit_date() if callable(summit_date) else summit_date
            if summit_date and len(summit_date) == 10:
                anchor = summit_date
        if anchor is None:
            anchor = last.value if last is not None and last.start >= section else None
        if anchor is None:
            continue
        try:
            day = dt.date.fromisoformat(anchor) + dt.timedelta(days=_OFFSET[re.sub(r"\s", "", m.group(0))])
        except ValueError:
            continue
        out.append((m.start(), m.end(), day.isoformat()))
    return out


def _heading_only(ctx, text: str, d) -> bool:
    """A month or year in a heading without a predicate ("□ 사전 협상과 10월의 긴장 고조") names a
    period the section covers, not a happening."""
    if len(d.value) == 10:
        return False
    heads = ctx.structure.headings      # in text order
    k = bisect.bisect_right(heads, d.start, key=lambda h: h.start) - 1
    return k >= 0 and d.start < heads[k].start + len(heads[k].text)


def extract(ctx) -> list[Event]:
    text = ctx.text.text
    dates = sorted(ctx.facts.get("dates") or [], key=lambda d: d.start)
    if not dates:
        return []
    poll_spans: dict = {}       # field start -> spans of the polls
    for p in ctx.facts.get("polls") or []:
        poll_spans.setdefault(p.field_start, []).append((p.start, p.stop))
    starts = [s.start for s in ctx.sentences]
    date_starts = [d.start for d in dates]
    events: list[Event] = []
    seen: dict[tuple, list[tuple[set[str], Event, str]]] = {}
    actor_index = _actor_index(ctx)
    noun_cache: dict[int, list] = {}     # id of a sentence of ctx.sentences -> its content nouns
    quantities = sorted((q.start, q.kind) for q in ctx.facts.get("quantities") or []
                        if getattr(q, "start", -1) >= 0 and q.kind in _MEASURED)
    for d in dates + _relative(ctx, text, dates):
        if d.start < 0 or _skip(ctx, text, d, dates, date_starts, poll_spans) or _statistic(text, d, quantities) \
                or _heading_only(ctx, text, d) or _ERA.search(d.text or "") or _names_a_document(text, d):
            continue
        sent = _sentence_at(ctx, starts, d.start)
        if sent is None or _document_date(ctx, text, d, sent):
            continue
        near = dates[max(0, bisect.bisect_left(date_starts, sent.start)):bisect.bisect_right(date_starts, sent.stop)]
        a, z = _span(text, sent, d, [o for o in near if o is not d], ctx.body_end)
        if z <= a or not _narrative(text, sent, a, z):
            continue
        key = (d.value, d.end)
        nouns = _nouns(sent, a, z, noun_cache)
        clause = text[a:z]
        # The same happening restated on the same date: same text, or two content nouns shared —
        # unless the clause holds a happening of its own the earlier one does not name (a
        # briefing held after the talks).
        held = _happenings(sent, a, z)
        dup = next((ev for ns, ev, t in seen.get(key, [])
                    if t == clause or (_same_content(ns, nouns) and held <= ns)), None)
        if dup is not None:
            dup.also_at = getattr(dup, "also_at", []) + [ctx.raw_offset(a)]
            for ns, ev, _ in seen[key]:
                if ev is dup:
                    ns |= nouns
            continue
        ev = Event(date=d.value, end=d.end, status=_status(ctx, text, sent, a, z, d), actors=_actors(actor_index, a, z))
        ctx.place(ev, a, z)
        events.append(ev)
        seen.setdefault(key, []).append((nouns, ev, clause))
    return events


class _Day:
    """A day reckoned from a relative phrase, standing in for a date fact."""
    __slots__ = ("start", "stop", "value", "end", "text")

    def __init__(self, start, stop, value):
        self.start, self.stop, self.value, self.end = start, stop, value, None
        self.text = None


def _relative(ctx, text, dates) -> list:
    from .claimkeys import FactIndex
    from .summit import find

    carried = _carried_days(ctx, text, dates)
    if not _RELATIVE_DAY.search(text, 0, ctx.body_end):
        return carried
    # the summit is found only if a phrase needs its day
    return carried + [_Day(a, z, v) for a, z, v in
                      _relative_events(ctx, text, dates, lambda: find(ctx, FactIndex(ctx)).date)]


# A sentence that opens with a part of the day and names no date ("이어 저녁에는 …") goes on with
# the day of the sentence right before it ("3월 2일 오전에는 …"), within one section (in an
# itinerary every line may be a paragraph of its own).
_PART_OF_DAY = re.compile(r"(?:(?:이어서|이어|그리고|또한|이후)\s*,?\s*)?(오전|오후|저녁|밤|새벽|낮)(?:에는|에|엔)\s")


def _carried_days(ctx, text, dates) -> list:
    date_starts = [d.start for d in dates]
    heads = [h.start for h in getattr(ctx.structure, "headings", []) or []]
    out, prev = [], None        # prev: (start, day) of the last sentence that names one day
    for sent in ctx.sentences:
        if sent.start >= ctx.body_end:
            break
        a = sent.start
        while a < sent.stop and text[a].isspace():
            a += 1
        m = _PART_OF_DAY.match(text, a, sent.stop)
        inside = dates[bisect.bisect_left(date_starts, sent.start):bisect.bisect_left(date_starts, sent.stop)]
        if m and not inside and prev is not None and not any(prev[0] < h < sent.start for h in heads):
            out.append(_Day(m.start(1), m.end(1), prev[1]))
        # only a sentence that names one day (and no span of days) hands it on
        days = {d.value for d in inside if len(d.value) == 10 and not d.end}
        prev = (sent.start, days.pop()) if len(days) == 1 and len(days) == len(inside) else \
            (prev if m and not inside else None)
    return out
