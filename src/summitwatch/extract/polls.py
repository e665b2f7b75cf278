"""Opinion polls: who asked (pollsters), when (field dates), whom (sample size, margin of error)
and what came out (labelled percentages grouped into questions).

A poll mention starts at a pollster *anchor*: a name in angle brackets (``<요미우리신문·NNN>``)
or a plain name that a survey word follows in the same clause (``한국갤럽이 … 실시한 조사``).
Several polls in one sentence are split at their anchors; each segment gathers its own dates,
sample, margin and results.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model.facts import Poll, PollQuestion

NAME = "polls"
REQUIRES = ("dates", "quantities", "entities")

# Paragraphs without these are skipped cheaply.
_POLL_HINT = re.compile(r"여론\s*조사|조사|설문|지지율|응답|긍정|부정|잘했|poll|survey", re.I)
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|％|퍼센트)(?!\s*(?:p\b|P\b|포인트))")
# A percent that is not a result: a confidence level, a response rate.
_NOT_RESULT_AFTER = re.compile(r"\s*(?:의\s*)?신뢰\s*수준")
_NOT_RESULT_BEFORE = re.compile(r"(?:응답률|신뢰\s*수준|표본\s*오차)[^%\d]{0,8}$")
_UNIT_P = r"(?:%\s*p|%\s*포인트|%|퍼센트\s*포인트|포인트)"
# "±3.1%p" first; else "표본오차는 3.1%포인트" (a confidence level "95%" is skipped).
_MARGIN = re.compile(r"(?:±|\+/-|\+-|플러스마이너스\s*)\s*(\d{1,2}(?:\.\d+)?)\s*" + _UNIT_P)
_MARGIN_WORDED = re.compile(r"(?:표본\s*오차|오차\s*범위)[^±\n]{0,30}?(?<![\d.])(\d{1,2}(?:\.\d+)?)\s*"
                            + _UNIT_P + r"(?!\s*(?:의\s*)?신뢰)")
_SAMPLE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d{3,6})\s*명")

# Result labels; negations and longer forms come first so "부적절" is not "적절".
_LABEL_WORDS = (
    ("oppose", r"disapprov|unfavou?rable|비지지|부지지|지지하지\s*않|지지\s*안\s*(?:한|함)|반대"),
    ("negative", r"negative|부정|잘못\s*했|잘못한|잘못하고|잘못됐|평가하지\s*않|부적절|불만|나쁘|실패"),
    ("dont_know", r"don'?t\s*know|not\s*sure|모름|무응답|모르겠|응답\s*거절|의견\s*유보"),
    ("neutral", r"보통|중립|어느\s*쪽도|그저\s*그렇"),
    ("positive", r"positive|긍정|잘\s*했|잘한|잘하고|잘됐|평가한다|평가했|높이\s*평가|적절|만족|성공"),
    ("support", r"approv|favou?rable|지지율|지지도|지지한다|지지|찬성"),
)
_LABEL = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _LABEL_WORDS), re.I)
_LABEL_AFTER = re.compile(r"\s*(?:가|는|은|이|of\s+\w+\s+)?\s*['‘\"“]?(?:" + "|".join(
    f"(?P<{k}>{p})" for k, p in _LABEL_WORDS) + ")", re.I)
_PAIRS = {"positive": "negative", "negative": "positive", "support": "oppose", "oppose": "support"}
_APPROVAL = {"support", "oppose"}
_EVALUATION = {"positive", "negative"}

# --- pollster names -------------------------------------------------------------------------
# A knowledge list of frequent pollsters and media (data, not rules), plus name shapes:
# "<word>신문/일보/리서치…", Latin acronyms, Japanese names.
_KNOWN = (
    "한국갤럽", "갤럽", "리얼미터", "한국리서치", "코리아리서치", "엠브레인퍼블릭", "케이스탯리서치",
    "입소스", "칸타코리아", "넥스트리서치", "미디어리서치", "에이스리서치", "조원씨앤아이", "NBS",
    "요미우리", "아사히", "마이니치", "닛케이", "산케이", "교도", "지지통신", "도쿄신문", "NHK",
    "조선일보", "중앙일보", "동아일보", "한겨레", "경향신문", "한국일보", "연합뉴스", "뉴시스",
    "뉴스1", "KBS", "MBC", "SBS", "JTBC", "YTN", "MBN", "TV조선", "채널A", "퓨리서치",
    "Gallup", "Pew", "YouGov", "Ipsos", "Reuters", "Quinnipiac", "Monmouth", "Emerson",
    "AP-NORC", "CNN", "CBS", "ABC", "NBC", "Fox News",
)
_SUFFIX = r"(?:신문사?|일보|통신|방송|뉴스|리서치|갤럽|여론연구소|연구소|연구원|미터|코리아|TV|텔레비전)"
# The suffix shape is tried first so "교도통신" is not cut to the known "교도".
_NAME = (rf"(?:[가-힣A-Za-z0-9]{{0,10}}[가-힣A-Za-z]{_SUFFIX}|"
         + "|".join(sorted(map(re.escape, _KNOWN), key=len, reverse=True))
         + r"|[A-Z][A-Za-z&\-]{1,11}"
         + r"|[\u30a0-\u30ff\u4e00-\u9fff]{2,10})")
_CHAIN = re.compile(rf"(?<![가-힣A-Za-z0-9])({_NAME}(?:\s*[·ㆍ・/]\s*{_NAME}|\s*[와과]\s+{_NAME})*)")
_SPLIT_NAMES = re.compile(r"\s*[·ㆍ・/,]\s*|\s*(?<=[가-힣])[와과]\s+")
# What follows a plain pollster name before its survey word (same clause).
_AFTER_NAME = re.compile(r"(?:이|가|은|는|의|에서|측|공동|와|과)?(?=[\s(]|$)|(?=\s*(?:여론)?조사)")
_SURVEY_CUE = re.compile(r"(?:여론\s*)?조사|설문|실시|의뢰|물은\s*결과|물었|응답자|polls?|survey", re.I)
_CLAUSE_STOP = re.compile(r"[.?!。]\s|다[.,]?\s")
_SENTENCE_END = re.compile(r"[.?!。](?=\s)")
_BRACKET = re.compile(r"[<〈《＜]\s*([^<>〈〉《》＜＞\n]{1,40}?)\s*[>〉》＞]")
_TITLE_BRACKET = re.compile(r"[「『]\s*([^「」『』\n]{1,30}?)\s*[」』](?=\s*(?:의\s*)?(?:여론)?조사)")

_TOPIC_NOUN = re.compile(r"([가-힣A-Za-z]{0,12}(?:회담|회의|방문|합의|정책|대응|결과|성과|국정|직무|운영|외교|협상|조치))"
                         r"(?:에\s*대한|에\s*대해|에\s*관한|을|를|의|이|가|은|는)?(?=[\s,(]|$)")
_APPROVAL_TOPIC = re.compile(r"((?:[가-힣A-Za-z]+\s)?[가-힣A-Za-z]*(?:내각|정부|정권|대통령|총리|정당|여당|야당))"
                             r"(?:의|에\s*대한)?\s*지지(?:율|도)")


@dataclass
class _Anchor:
    start: int
    stop: int
    names: list[str]


@dataclass
class _Result:
    start: int
    stop: int
    value: float
    label: str | None = None


@dataclass
class _Segment:
    anchor: _Anchor
    start: int
    stop: int
    results: list[_Result] = field(default_factory=list)


def _paragraphs(text: str):
    pos = 0
    for m in re.finditer(r"\n\s*\n", text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _names(chain: str) -> list[str]:
    return [n.strip() for n in _SPLIT_NAMES.split(chain) if n.strip()]


def _org_spans(ctx, a: int, z: int) -> list[tuple[int, int]]:
    """Spans of ORG entity mentions in [a, z): extra pollster candidates from the entity layer."""
    out = []
    for e in ctx.facts.get("entities") or []:
        if getattr(e, "type", None) != "ORG":
            continue
        for m in getattr(e, "mentions", []) or []:
            if a <= m.start and m.stop <= z:
                out.append((m.start, m.stop))
    return out


def _find_anchors(ctx, text: str, a: int, z: int) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    taken: list[tuple[int, int]] = []

    def free(s, e):
        return not any(s < y and x < e for x, y in taken)

    # Names in angle brackets that a date range or a result follows.
    for m in _BRACKET.finditer(text, a, z):
        after = text[m.end():min(z, m.end() + 80)]
        if _PERCENT.search(after) and (after.lstrip().startswith("(") or _SURVEY_CUE.search(after[:20])
                                       or _SURVEY_CUE.search(text[max(a, m.start() - 200):m.start()])):
            names = _names(m.group(1))
            if names:
                anchors.append(_Anchor(m.start(), m.end(), names))
                taken.append((m.start(), m.end()))
    for m in _TITLE_BRACKET.finditer(text, a, z):
        if free(m.start(), m.end()):
            anchors.append(_Anchor(m.start(), m.end(), _names(m.group(1))))
            taken.append((m.start(), m.end()))
    # Plain names that a survey word follows in the same clause.
    spans = [(m.start(1), m.end(1)) for m in _CHAIN.finditer(text, a, z)]
    spans += _org_spans(ctx, a, z)
    for s, e in sorted(set(spans)):
        if not free(s, e):
            continue
        if not _AFTER_NAME.match(text, e):
            continue
        clause = text[e:min(z, e + 70)]
        stop = _CLAUSE_STOP.search(clause)
        clause = clause[:stop.start()] if stop else clause
        cue = _SURVEY_CUE.search(clause)
        if not cue or not _PERCENT.search(text, e, min(z, e + 300)):
            continue
        anchors.append(_Anchor(s, e, _names(text[s:e])))
        taken.append((s, e))
    anchors.sort(key=lambda x: x.start)
    return anchors


def _label_of(window: str, last: bool) -> str | None:
    found = list(_LABEL.finditer(window))
    if not found:
        return None
    return (found[-1] if last else found[0]).lastgroup


def _results(text: str, seg: _Segment) -> list[_Result]:
    found = []
    for m in _PERCENT.finditer(text, seg.start, seg.stop):
        if _NOT_RESULT_AFTER.match(text, m.end()) or _NOT_RESULT_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        if m.start() > 0 and text[m.start() - 1] in "±+-":
            continue
        found.append(_Result(m.start(), m.end(), float(m.group(1))))
    prev_end = seg.anchor.stop
    for k, r in enumerate(found):
        # A label right after the number ("51%가 긍정", "51% disapprove") speaks for it first;
        # else the nearest one before it, else one later in its clause.
        adjacent = _LABEL_AFTER.match(text, r.stop)
        r.label = adjacent.lastgroup if adjacent else _label_of(text[prev_end:r.start], last=True)
        if r.label is None:
            nxt = found[k + 1].start if k + 1 < len(found) else seg.stop
            after = text[r.stop:min(nxt, r.stop + 25)]
            cut = re.search(r"[,.)]", after)
            r.label = _label_of(after[:cut.start()] if cut else after, last=False)
        prev_end = r.stop
    return found


def _adjacent(text: str, a: _Result, b: _Result) -> bool:
    return re.fullmatch(r"[\s,、·/]*", text[a.stop:b.start]) is not None


def _infer_missing(text: str, segs: list[_Segment]) -> None:
    """An unlabelled result next to labelled ones takes the label its neighbours' pattern gives
    ("긍정 50.1%, 42.7%" beside polls giving 긍정 x%, 부정 y% -> negative)."""
    patterns = [[r.label for r in s.results] for s in segs if s.results and all(r.label for r in s.results)]
    for s in segs:
        res = s.results
        for i, r in enumerate(res):
            if r.label:
                continue
            nb = [res[j] for j in (i - 1, i + 1) if 0 <= j < len(res) and res[j].label
                  and _adjacent(text, *sorted((res[j], r), key=lambda x: x.start))]
            if not nb:
                continue
            used = {x.label for x in res if x.label}
            votes = Counter(p[i] for p in patterns if len(p) > i and p[i] not in used)
            if votes:
                r.label = votes.most_common(1)[0][0]
            elif _PAIRS.get(nb[0].label) and _PAIRS[nb[0].label] not in used:
                r.label = _PAIRS[nb[0].label]


def _topic(text: str, a: int, at: int, labels: set[str]) -> str:
    before = text[a:at]
    if labels & _APPROVAL:
        found = list(_APPROVAL_TOPIC.finditer(before)) or list(_APPROVAL_TOPIC.finditer(text, at, at + 60))
        return f"{found[-1].group(1).strip()} 지지율" if found else "지지율"
    found = list(_TOPIC_NOUN.finditer(before))
    return f"{found[-1].group(1)} 평가" if found else "평가"


def _questions(text: str, para_start: int, seg: _Segment) -> list[PollQuestion]:
    groups: list[tuple[int, dict[str, float]]] = []
    for r in seg.results:
        if not r.label:
            continue
        kind = "approval" if r.label in _APPROVAL else "evaluation" if r.label in _EVALUATION else None
        if groups:
            _, cur = groups[-1]
            cur_kind = "approval" if set(cur) & _APPROVAL else "evaluation" if set(cur) & _EVALUATION else None
            if r.label not in cur and (kind is None or cur_kind in (None, kind)):
                cur[r.label] = r.value
                continue
        groups.append((r.start, {r.label: r.value}))
    return [PollQuestion(topic=_topic(text, para_start, at, set(res)), results=res) for at, res in groups]


def _field_dates(ctx, text: str, dates, seg: _Segment, lo: int):
    """The field period: a date range in the segment before its first result, else the nearest
    date before the anchor in the same sentence ("지난 3~5일 한국갤럽이 …")."""
    first = seg.results[0].start if seg.results else seg.stop
    inside = [d for d in dates if seg.anchor.stop <= d.start < first]
    before = [d for d in dates if lo <= d.start and d.stop <= seg.anchor.start]
    for pool in (inside, list(reversed(before))):
        pool = [d for d in pool if not re.match(r"\s*(?:에\s*)?(?:발표|공개|보도)", text[d.stop:d.stop + 6])]
        if not pool:
            continue
        d = pool[0]
        if d.end:
            return d.value, d.end, d
        # "3일부터 5일까지", "3일~5일": two dates make the range.
        nxt = next((x for x in pool[1:] if x.start >= d.stop), None)
        if nxt and re.fullmatch(r"\s*(?:부터|~|-|–|에서)\s*", text[d.stop:nxt.start]):
            return d.value, nxt.end or nxt.value, nxt
        return d.value, d.value, d
    return None, None, None


def _sentence_start(text: str, a: int, at: int) -> int:
    m = None
    for m in _SENTENCE_END.finditer(text, a, at):
        pass
    return m.end() if m else a


def extract(ctx) -> list[Poll]:
    text = ctx.text.text
    dates = sorted(ctx.facts.get("dates") or [], key=lambda d: d.start)
    polls: list[Poll] = []
    for a, z in _paragraphs(text):
        if a == z or "%" not in text[a:z] and "퍼센트" not in text[a:z] or not _POLL_HINT.search(text, a, z):
            continue
        anchors = _find_anchors(ctx, text, a, z)
        segs = []
        for k, anc in enumerate(anchors):
            stop = anchors[k + 1].start if k + 1 < len(anchors) else z
            seg = _Segment(anc, anc.start, stop)
            seg.results = _results(text, seg)
            segs.append(seg)
        # A name without results before the next one is a co-pollster ("리얼미터가 OO신문 의뢰로").
        merged: list[_Segment] = []
        for seg in segs:
            if merged and not merged[-1].results and _CLAUSE_STOP.search(text, merged[-1].start, seg.start) is None:
                prev = merged.pop()
                seg.anchor.names = prev.anchor.names + [n for n in seg.anchor.names if n not in prev.anchor.names]
                seg.anchor.start = seg.start = prev.start
            merged.append(seg)
        _infer_missing(text, merged)
        prev_stop = a
        for seg in merged:
            questions = _questions(text, _sentence_start(text, a, seg.start), seg)
            if not questions:
                continue
            lo = max(prev_stop, _sentence_start(text, a, seg.start))
            start_v, end_v, used_date = _field_dates(ctx, text, dates, seg, lo)
            last = max(r.stop for r in seg.results if r.label)
            margin = _MARGIN.search(text, seg.anchor.stop, seg.stop) \
                or _MARGIN_WORDED.search(text, seg.anchor.stop, seg.stop)
            sample = _SAMPLE.search(text, lo, min(seg.stop, last))
            begin = min(seg.start, used_date.start) if used_date else seg.start
            stop = max(last, margin.end()) if margin else last
            poll = Poll(pollsters=seg.anchor.names, field_start=start_v, field_end=end_v,
                        sample_size=int(sample.group(1).replace(",", "")) if sample else None,
                        margin_of_error=float(margin.group(1)) if margin else None,
                        questions=questions)
            polls.append(ctx.place(poll, begin, stop))
            prev_stop = stop
    return polls
