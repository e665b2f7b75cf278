"""Opinion polls: who asked (pollsters), when (field dates), whom (sample size, margin of error)
and what came out (labelled percentages grouped into questions).

A poll starts at a pollster *anchor*: a name in angle brackets (``<마이니치신문·TBS>``) or a plain
name that a survey word follows in the same clause (``한국갤럽이 … 실시한 조사``). News spreads one
poll over several sentences and paragraphs (description, results, method), so a poll *block* runs
from its anchor through the following paragraphs that still talk about the survey, until another
pollster is named, a heading starts or the topic changes. Several polls in one sentence are split
at their anchors. Each block gathers its dates, sample, margin and results; results are grouped
into questions, each with a topic (approval of an office holder is support/oppose, the evaluation
of an event positive/negative).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field

from ...model.facts import Poll, PollQuestion

NAME = "polls"
REQUIRES = ("dates", "quantities", "entities")

# Paragraphs without these are skipped cheaply.
_POLL_HINT = re.compile(r"여론\s*조사|조사|설문|지지율|지지도|응답|긍정|부정|잘했|잘못|표본\s*오차|poll|survey", re.I)
# A paragraph after a poll's anchor goes on with that poll only when it speaks of the survey.
_POLL_GOES_ON = re.compile(r"조사|설문|응답|질문|물음|답했|답변|표본\s*오차|지지율|지지도|긍정\s*평가|부정\s*평가"
                           r"|긍정률|부정률|잘했|잘못했|잘하고|잘못하고|poll|survey|respondents", re.I)
# … or gives answers in words that only a survey uses, with their percentages.
_ANSWER_WORDS = re.compile(r"평가(?:한다|하지|했|함)|긍정|부정|잘\s*했|잘됐|잘못|지지하지|모름|무응답|찬성|approve", re.I)
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
# Sentences that break results down (by age, region, reasons, party lists) hold no question's answer.
_BREAKDOWN = re.compile(r"(?:연령대?|세대|지역|권역|성|이념\s*성향|성향|지지\s*정당|정당|직업|계층|학력|소득)별"
                        r"|이유로는|이유는|이유로|꼽은\s*이유|정당\s*지지(?:율|도)"
                        r"|(?:중도|보수|진보|무당|청년|고령|중장년|\d0대)층(?:에서|의|은|는|에선)")
_LIST_ORDER = re.compile(r"순(?:이었|이다|였|으로|의)")

# Result labels; negations and longer forms come first so "부적절" is not "적절" and
# "부정적으로 평가한다" is one negative label, not "부정" + "평가한다".
_LABEL_WORDS = (
    ("oppose", r"disapprov|unfavou?rable|비지지|부지지|지지하지\s*않|지지\s*안\s*(?:한|함)|반대"),
    ("negative", r"negative|부정적으로\s*(?:평가(?:한다|했다|했|함)?|본다|봤다)|부정|잘못\s*했|잘못한|잘못하고|잘못됐"
                 r"|평가하지\s*않|부적절|불만|나쁘|실패"),
    ("dont_know", r"don'?t\s*know|not\s*sure|모름|무응답|모르겠|응답\s*거절|의견\s*유보"),
    ("neutral", r"보통|중립|어느\s*쪽도|그저\s*그렇"),
    ("positive", r"positive|긍정적으로\s*(?:평가(?:한다|했다|했|함)?|본다|봤다)|긍정|잘\s*했|잘한|잘하고|잘됐"
                 r"|평가한다|평가했|높이\s*평가|적절|만족|성공"),
    ("support", r"approv|favou?rable|지지율|지지도|지지한다|지지|찬성"),
)
_LABEL = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _LABEL_WORDS), re.I)
_LABEL_AFTER = re.compile(r"\s*(?:가|는|은|이|of\s+\w+\s+)?\s*['‘\"“]?(?:" + "|".join(
    f"(?P<{k}>{p})" for k, p in _LABEL_WORDS) + ")", re.I)
# Labels listed together ("긍정·부정 평가는 58% 대 30%") hand out their values in order.
_LIST_GAP = re.compile(r"['‘’\"“”\s]*(?:[·ㆍ/,]|와|과|및|대|vs\.?)['‘’\"“”\s]*", re.I)
# What may stand between the values of such a list.
_RUN_GAP = re.compile(r"\s*(?:[,·/:]|대|對|vs\.?|와|과|로|,?\s*각각)?\s*", re.I)
# A quoted answer right before its value ("'성과가 있었다'는 응답이 61%").
_QUOTED_ANSWER = re.compile(r"['‘\"“]([^'’\"”\n]{1,24})['’\"”]\s*(?:(?:이|라)?(?:는|란)\s*)?"
                            r"(?:(?:응답|답변|의견|답)\s*(?:이|은|는|가)?\s*)?$")
_NEGATED = re.compile(r"없|않|안\s|안됐|안된|못|아니|반대")
_PAIRS = {"positive": "negative", "negative": "positive", "support": "oppose", "oppose": "support"}
_APPROVAL = {"support", "oppose"}
_EVALUATION = {"positive", "negative"}
_AS_APPROVAL = {"positive": "support", "negative": "oppose"}

# --- pollster names -------------------------------------------------------------------------
# Known pollsters and media come from the knowledge base (data, not rules); besides them, name
# shapes: "<word>신문/일보/리서치…", Latin acronyms, Japanese names.
_SUFFIX = r"(?:신문사?|일보|통신|방송|뉴스|리서치|갤럽|여론연구소|연구소|연구원|미터|코리아|TV|텔레비전)"
_POLL_SUBTYPES = {"pollster", "media"}


@lru_cache(maxsize=1)
def _chain() -> re.Pattern:
    from ...kb import load_kb

    kb = load_kb()
    entries = kb.entries.values() if isinstance(kb.entries, dict) else kb.entries
    known = {n for e in entries if e.subtype in _POLL_SUBTYPES for n in [e.name, *e.aliases]
             if 2 <= len(n) <= 24 and "\n" not in n}
    # The suffix shape is tried first so "지지통신" is not cut to a shorter known name.
    name = (rf"(?:[가-힣A-Za-z0-9]{{0,10}}[가-힣A-Za-z]{_SUFFIX}|"
            + "|".join(sorted(map(re.escape, known), key=len, reverse=True))
            + r"|[A-Z][A-Za-z&\-]{1,11}"
            + r"|[\u30a0-\u30ff\u4e00-\u9fff]{2,10})")
    return re.compile(rf"(?<![가-힣A-Za-z0-9])({name}(?:\s*[·ㆍ・/]\s*{name}|\s*[와과]\s+{name})*)")


_SPLIT_NAMES = re.compile(r"\s*[·ㆍ・/,]\s*|\s*(?<=[가-힣])[와과]\s+")
# What follows a plain pollster name before its survey word (same clause).
_AFTER_NAME = re.compile(r"(?:이|가|은|는|의|에서|측|공동|와|과)?(?=[\s(]|$)|(?=\s*(?:여론)?조사)")
_SURVEY_CUE = re.compile(r"(?:여론\s*)?조사|설문|실시|의뢰|물은\s*결과|물었|응답자|polls?|survey", re.I)
# Without a percentage nearby only an explicit survey word makes a name a pollster.
_STRONG_SURVEY_CUE = re.compile(r"(?:여론\s*)?조사|설문|polls?|survey", re.I)
# A survey brand in brackets after the survey word: "전국지표조사(NBS)"; not a survey method.
_SURVEY_BRAND = re.compile(r"([가-힣A-Za-z]*조사)\s*\(\s*([A-Z][A-Za-z0-9]{1,7})\s*\)")
_METHOD_ACRONYMS = {"ARS", "CATI", "CAWI", "CAPI", "IVR", "RDD", "ACS", "PC"}
_GENERIC_SURVEY = re.compile(r"(?:여론|설문|전화|면접|온라인|정례|정기|긴급)?조사")
_CLAUSE_STOP = re.compile(r"[.?!。]\s|다[.,]?\s")
_SENTENCE_END = re.compile(r"[.?!。](?=\s|$)|\n")
_BRACKET = re.compile(r"[<〈《＜]\s*([^<>〈〉《》＜＞\n]{1,40}?)\s*[>〉》＞]")
_TITLE_BRACKET = re.compile(r"[「『]\s*([^「」『』\n]{1,30}?)\s*[」』](?=\s*(?:의\s*)?(?:여론)?조사)")
# Headline-like lines of news ("◇ 한국갤럽 …"): they end a block and hold no results.
_BULLET_HEADING = re.compile(r"[◇◆■□▶▷●○◎※#]")

# --- topics ---------------------------------------------------------------------------------
_TOPIC_CUE = r"(?:회담|회의|방문|방미|방일|방중|합의|타결|정책|대응|성과|국정|직무|운영|외교|협상|조치|선언|성명)"
_TOPIC_PHRASE = re.compile(r"((?:[가-힣A-Za-z0-9·]+\s){0,2}[가-힣A-Za-z0-9·]*" + _TOPIC_CUE
                           + r"(?:\s*결과|\s*성과)?)(?=에\s*대|에\s*관|을|를|의|이|가|은|는|[\s,(']|$)")
# A topic named with a particle that introduces a question ("한중 정상회담은 …", "… 결과에 대해서는").
_TOPIC_SHIFT = re.compile(r"([가-힣A-Za-z]*" + _TOPIC_CUE + r")(?:\s*결과|\s*성과)?"
                          r"(?:에\s*대(?:해|한)|에\s*관해|은|는|을\s*묻|를\s*묻|과\s*관련|와\s*관련)")
# The job of an office holder: its positive/negative rating is approval (support/oppose).
_APPROVAL_CUE = re.compile(r"직무|국정|(?:내각|정부|정권)\s*(?:지지|운영)|지지율|지지도|job|approval", re.I)
_OFFICE = re.compile(r"대통령|총리|내각|정부|정권|president|prime\s+minister|cabinet", re.I)
_APPROVAL_TOPIC = re.compile(r"((?:[가-힣A-Za-z]+\s)?[가-힣A-Za-z]*(?:내각|정부|정권|대통령|총리|정당|여당|야당))"
                             r"(?:의|에\s*대한)?\s*지지(?:율|도)")
_TOPIC_STOP = {"이번", "지난", "같은", "이", "그", "올해", "최근", "당시", "향후", "또", "또한", "특히"}
_PARTICLE_END = re.compile(r"(?:에서|에는|에선|이|가|을|를|은|는|에|의|도|로|와|과)$")
_QUOTES = re.compile(r"['‘\"“][^'’\"”\n]{0,40}['’\"”]")

# --- field dates ----------------------------------------------------------------------------
_PUBLISHED = re.compile(r"\s*(?:에\s*)?(?:발표|공개|보도|공표|게재)")
_COMPARED = re.compile(r"\s*\)?\s*(?:보다|대비|에\s*비해|와\s*비교|과\s*비교|때보다|조사보다)")
_PREVIOUS = re.compile(r"(?:직전|이전|지난|앞선|전회|전주|지난주|지난달)\s*(?:조사|회차|주|달)\s*\(?\s*[^()\n]{0,10}$")
_FIELD_CUE = re.compile(r"대상|명(?:을|에게|이)|상대로|실시|진행|조사|물어|물은|설문|응답")
_RANGE_JOIN = re.compile(r"\s*(?:부터|~|-|–|에서)\s*")


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
    sent_start: int
    label: str | None = None


@dataclass
class _Block:
    anchor: _Anchor
    names: list[str]
    regions: list[tuple[int, int, int]]     # (start, stop, start of its paragraph)
    results: list[_Result] = field(default_factory=list)


# --- layout ---------------------------------------------------------------------------------

def _paragraphs(text: str):
    pos = 0
    for m in re.finditer(r"\n\s*\n", text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _heading_starts(ctx) -> set[int]:
    structure = getattr(ctx, "structure", None)
    return {b.start for b in getattr(structure, "blocks", None) or [] if b.kind == "heading"}


def _is_heading(text: str, a: int, z: int, heads: set[int]) -> bool:
    if a in heads:
        return True
    chunk = text[a:z]
    return "\n" not in chunk.strip() and len(chunk) <= 80 and _BULLET_HEADING.match(chunk.lstrip()) is not None


def _sentences(text: str, a: int, z: int) -> list[tuple[int, int]]:
    out, pos = [], a
    for m in _SENTENCE_END.finditer(text, a, z):
        if m.end() > pos:
            out.append((pos, m.end()))
        pos = m.end()
    if pos < z:
        out.append((pos, z))
    return out


def _sentence_start(text: str, a: int, at: int) -> int:
    m = None
    for m in _SENTENCE_END.finditer(text, a, at):
        pass
    return m.end() if m else a


# --- anchors --------------------------------------------------------------------------------

def _names(chain: str) -> list[str]:
    return [n.strip() for n in _SPLIT_NAMES.split(chain) if n.strip()]


def _org_index(ctx) -> list[tuple[int, int]]:
    """Sorted spans of ORG entity mentions: extra pollster candidates from the entity layer."""
    out = []
    for e in ctx.facts.get("entities") or []:
        if getattr(e, "type", None) == "ORG":
            out += [(m.start, m.stop) for m in getattr(e, "mentions", []) or []]
    return sorted(out)


def _org_spans(orgs: list[tuple[int, int]], a: int, z: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in orgs[bisect.bisect_left(orgs, (a, -1)):bisect.bisect_left(orgs, (z, -1))] if e <= z]


def _find_anchors(orgs, text: str, a: int, z: int) -> list[_Anchor]:
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
    for m in _SURVEY_BRAND.finditer(text, a, z):
        if m.group(2) not in _METHOD_ACRONYMS and free(m.start(1), m.end()):
            names = [m.group(2)] + ([] if _GENERIC_SURVEY.fullmatch(m.group(1)) else [m.group(1)])
            anchors.append(_Anchor(m.start(1), m.end(), names))
            taken.append((m.start(1), m.end()))
    # Plain names that a survey word follows in the same clause.
    spans = [(m.start(1), m.end(1)) for m in _chain().finditer(text, a, z)]
    spans += _org_spans(orgs, a, z)
    for s, e in sorted(set(spans)):
        if not free(s, e):
            continue
        if not _AFTER_NAME.match(text, e):
            continue
        clause = text[e:min(z, e + 70)]
        stop = _CLAUSE_STOP.search(clause)
        clause = clause[:stop.start()] if stop else clause
        # Results may follow in later sentences or paragraphs; then the survey word must be explicit.
        cue = _SURVEY_CUE if _PERCENT.search(text, e, min(z, e + 300)) else _STRONG_SURVEY_CUE
        if not cue.search(clause):
            continue
        anchors.append(_Anchor(s, e, _names(text[s:e])))
        taken.append((s, e))
    anchors.sort(key=lambda x: x.start)
    return anchors


def _result_spans(text: str, a: int, z: int):
    for m in _PERCENT.finditer(text, a, z):
        if _NOT_RESULT_AFTER.match(text, m.end()) or _NOT_RESULT_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        if m.start() > 0 and text[m.start() - 1] in "±+-":
            continue
        yield m


def _merge_co_pollsters(text: str, anchors: list[_Anchor]) -> list[_Anchor]:
    """A name without results before the next one in the same clause is a co-pollster
    ("리얼미터가 OO신문 의뢰로", "조선일보·TV조선이 칸타코리아에 의뢰해")."""
    merged: list[_Anchor] = []
    for anc in anchors:
        if merged:
            prev = merged[-1]
            if next(_result_spans(text, prev.stop, anc.start), None) is None \
                    and _CLAUSE_STOP.search(text, prev.stop, anc.start) is None:
                prev.names += [n for n in anc.names if n not in prev.names]
                prev.stop = anc.stop
                continue
        merged.append(_Anchor(anc.start, anc.stop, list(anc.names)))
    return merged


def _segments(text: str, a: int, z: int, anchors: list[_Anchor]) -> list[tuple[_Anchor, int, int]]:
    """Split a paragraph at its anchors. The first segment takes its whole sentence, and the
    sentences before it when the anchor's sentence states no result ("… 결과다")."""
    out = []
    for k, anc in enumerate(anchors):
        stop = anchors[k + 1].start if k + 1 < len(anchors) else z
        start = anc.start
        if k == 0:
            start = _sentence_start(text, a, anc.start)
            sent_end = next((e for s, e in _sentences(text, start, z) if e > anc.stop), z)
            if next(_result_spans(text, anc.stop, min(sent_end, stop)), None) is None:
                start = a
        out.append((anc, start, stop))
    return out


def _same_pollster(a: list[str], b: list[str]) -> bool:
    return any(x == y or x in y or y in x for x in a for y in b)


def _blocks(ctx, text: str) -> list[_Block]:
    heads = _heading_starts(ctx)
    orgs = _org_index(ctx)
    dates = ctx.facts.get("dates") or []
    body_end = getattr(ctx, "body_end", len(text))
    blocks: list[_Block] = []
    cur: _Block | None = None
    in_notes = False
    for a, z in _paragraphs(text):
        if a >= z:
            continue
        if a >= body_end and not in_notes:
            in_notes, cur = True, None          # no poll runs on from the body into the footnotes
        if _is_heading(text, a, z, heads):
            cur = None
            continue
        hinted = _POLL_HINT.search(text, a, z) is not None
        anchors = _merge_co_pollsters(text, _find_anchors(orgs, text, a, z)) if hinted else []
        if not anchors:
            if cur is not None and (_POLL_GOES_ON.search(text, a, z) or _ANSWER_WORDS.search(text, a, z)
                                    and next(_result_spans(text, a, z), None) is not None):
                cur.regions.append((a, z, a))   # the poll goes on: results, method, margin
            else:
                cur = None                      # the topic changed
            continue
        segs = _segments(text, a, z, anchors)
        if cur is not None and segs[0][1] > a:
            cur.regions.append((a, segs[0][1], a))
        for anc, s, e in segs:
            # The same pollster named again without a new field period: the same poll.
            if cur is not None and _same_pollster(cur.names, anc.names) \
                    and not any(s <= d.start < e and d.end for d in dates):
                cur.regions.append((s, e, a))
                continue
            cur = _Block(anc, list(anc.names), [(s, e, a)])
            blocks.append(cur)
    return blocks


# --- results and labels ---------------------------------------------------------------------

def _block_results(text: str, block: _Block) -> list[_Result]:
    found = []
    for a, z, para in block.regions:
        for s, e in _sentences(text, a, z):
            sent = _sentence_start(text, para, s) if s == a else s  # a segment may start mid-sentence
            listed = _LIST_ORDER.search(text, sent, e) is not None
            for m in _result_spans(text, s, e):
                if listed or _BREAKDOWN.search(text, sent, m.start()):
                    continue
                found.append(_Result(m.start(), m.end(), float(m.group(1)), sent))
    return found


def _label_list(window: str, found: list) -> list[str]:
    """The trailing run of labels joined by list separators, in order ("긍정·부정" -> 2 labels)."""
    run = [found[-1]]
    for m in reversed(found[:-1]):
        if not _LIST_GAP.fullmatch(window, m.end(), run[0].start()) or m.lastgroup in {x.lastgroup for x in run}:
            break
        run.insert(0, m)
    return [m.lastgroup for m in run]


def _label(text: str, results: list[_Result], anchor: _Anchor) -> None:
    pending: list[str] = []
    prev = None
    for k, r in enumerate(results):
        lo = r.sent_start
        if prev is not None and prev.stop > lo:
            lo = prev.stop
        if anchor.stop <= r.start and anchor.stop > lo:
            lo = anchor.stop
        window = text[lo:r.start]
        adjacent = _LABEL_AFTER.match(text, r.stop)
        found = list(_LABEL.finditer(window))
        if adjacent:
            r.label, pending = adjacent.lastgroup, []
        elif found:
            labels = _label_list(window, found)
            r.label, pending = labels[0], labels[1:]
        elif pending and _RUN_GAP.fullmatch(window):
            r.label = pending.pop(0)
        else:
            # A label later in its clause ("58%가 긍정적").
            nxt = results[k + 1].start if k + 1 < len(results) else r.stop + 25
            after = text[r.stop:min(nxt, r.stop + 25)]
            cut = re.search(r"[,.)]", after)
            found = list(_LABEL.finditer(after[:cut.start()] if cut else after))
            r.label = found[0].lastgroup if found else None
        prev = r


def _quoted_polarity(text: str, results: list[_Result]) -> None:
    """Two quoted answers side by side, one the negation of the other, are a positive/negative
    pair ("'성과가 있었다' 61%, '성과가 없었다' 31%")."""
    def answer(k):
        r = results[k]
        lo = max(r.sent_start, results[k - 1].stop if k else r.sent_start)
        m = _QUOTED_ANSWER.search(text, lo, r.start)
        return m.group(1) if m and r.label is None else None

    for k in range(len(results) - 1):
        a, b = results[k], results[k + 1]
        if a.label or b.label or a.sent_start != b.sent_start:
            continue
        qa, qb = answer(k), answer(k + 1)
        if qa and qb and bool(_NEGATED.search(qa)) != bool(_NEGATED.search(qb)):
            a.label, b.label = ("negative", "positive") if _NEGATED.search(qa) else ("positive", "negative")


def _adjacent(text: str, a: _Result, b: _Result) -> bool:
    return re.fullmatch(r"[\s,、·/]*", text[a.stop:b.start]) is not None


def _infer_missing(text: str, blocks: list[_Block]) -> None:
    """An unlabelled result next to labelled ones takes the label its neighbours' pattern gives
    ("긍정 50.1%, 42.7%" beside polls giving 긍정 x%, 부정 y% -> negative)."""
    patterns = [[r.label for r in b.results] for b in blocks if b.results and all(r.label for r in b.results)]
    for b in blocks:
        res = b.results
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


# --- questions ------------------------------------------------------------------------------

def _is_approval(window: str) -> bool:
    """The office holder's job is the nearest subject before the answers, not an event."""
    appr = [m.start() for m in _APPROVAL_CUE.finditer(window)]
    if not appr:
        return False
    event = [m.start() for m in _TOPIC_PHRASE.finditer(_QUOTES.sub(lambda q: " " * len(q.group()), window))
             if not _APPROVAL_CUE.search(m.group(1))]
    return not event or appr[-1] > event[-1]


def _topic_words(phrase: str) -> str:
    words = phrase.split()
    while words and (words[0] in _TOPIC_STOP or _PARTICLE_END.search(words[0]) and len(words) > 1):
        words.pop(0)
    return " ".join(words)


def _topic(text: str, lo: int, at: int, approval: bool, labels: set[str]) -> str:
    window = text[lo:at]
    if labels & _APPROVAL and not approval:
        found = list(_APPROVAL_TOPIC.finditer(window)) or list(_APPROVAL_TOPIC.finditer(text, at, at + 60))
        return f"{found[-1].group(1).strip()} 지지율" if found else "지지율"
    if approval:
        office = list(_OFFICE.finditer(window))
        return f"{office[-1].group()} 직무수행 평가" if office else "직무수행 평가"
    found = list(_TOPIC_PHRASE.finditer(_QUOTES.sub(lambda q: " " * len(q.group()), window)))
    return f"{_topic_words(found[-1].group(1))} 평가" if found else "평가"


@dataclass
class _Question:
    start: int
    approval: bool
    topic: str
    results: dict[str, float] = field(default_factory=dict)


def _shifts_topic(text: str, a: int, z: int, q: _Question) -> bool:
    """Between two results a new subject is introduced ("…였고, 한중 정상회담은 …")."""
    gap = _QUOTES.sub(lambda m: " " * len(m.group()), text[a:z])
    last = None
    for last in _TOPIC_SHIFT.finditer(gap):
        pass
    if last is None:
        return False
    if _APPROVAL_CUE.search(last.group()):
        return not q.approval
    return q.approval or last.group(1) not in q.topic


def _questions(text: str, block: _Block) -> list[PollQuestion]:
    out: list[_Question] = []
    prev = None
    for r in block.results:
        if not r.label:
            continue
        q = out[-1] if out else None
        if q is not None:
            label = _AS_APPROVAL.get(r.label, r.label) if q.approval else r.label
            kind = "approval" if label in _APPROVAL else "evaluation" if label in _EVALUATION else None
            q_kind = "approval" if q.approval or set(q.results) & _APPROVAL else "evaluation" \
                if set(q.results) & _EVALUATION else None
            if label not in q.results and (kind is None or q_kind in (None, kind)) \
                    and not _shifts_topic(text, prev.stop, r.start, q):
                q.results[label] = r.value
                prev = r
                continue
        lo = max(r.sent_start, prev.stop if prev is not None and prev.stop <= r.start else r.sent_start)
        if block.anchor.stop <= r.start and block.anchor.stop > lo:
            lo = block.anchor.stop
        if not _TOPIC_PHRASE.search(text, lo, r.start) and not _APPROVAL_CUE.search(text, lo, r.start):
            lo = r.sent_start                   # the subject was named earlier in the sentence
        approval = r.label in _EVALUATION and _is_approval(text[lo:r.start])
        label = _AS_APPROVAL.get(r.label, r.label) if approval else r.label
        q = _Question(r.start, approval, "")
        q.results[label] = r.value
        q.topic = _topic(text, lo, r.start, approval, {label})
        out.append(q)
        prev = r
    return [PollQuestion(topic=q.topic, results=q.results) for q in out]


# --- description: dates, sample, margin -----------------------------------------------------

def _inside(block: _Block, a: int, z: int) -> bool:
    return any(s <= a and z <= e for s, e, _ in block.regions)


def _field_dates(text: str, dates, block: _Block, starts=None):
    """The field period: the date range of the survey's description ("지난 4~6일 … 1,002명을
    대상으로"), not a publication date ("7일 공개한") nor an earlier survey's ("직전 조사(…)보다")."""
    starts = starts if starts is not None else [d.start for d in dates]     # dates are sorted by start
    cands = []
    # only dates that start within the block's reach can lie inside one of its regions
    lo = bisect.bisect_left(starts, min(s for s, _, _ in block.regions))
    hi = bisect.bisect_right(starts, max(e for _, e, _ in block.regions))
    for i in range(lo, hi):
        d = dates[i]
        if not _inside(block, d.start, d.stop):
            continue
        if _PUBLISHED.match(text, d.stop) or _COMPARED.match(text, d.stop) \
                or _PREVIOUS.search(text, max(0, d.start - 16), d.start):
            continue
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        # "지난달 21~23일": the month is part of the day phrase that follows.
        if nxt is not None and not d.end and re.fullmatch(r"\s?", text[d.stop:nxt.start]):
            continue
        cands.append(d)
    best, best_score = None, -1
    for k, d in enumerate(cands):
        start, end, last = d.value, d.end, d
        if not end:
            nxt = cands[k + 1] if k + 1 < len(cands) else None
            # "4일부터 6일까지", "4일~6일": two dates make the range.
            if nxt is not None and _RANGE_JOIN.fullmatch(text, d.stop, nxt.start):
                end, last = nxt.end or nxt.value, nxt
        score = (2 if end else 0) + (1 if _FIELD_CUE.search(text, last.stop, last.stop + 40) else 0) \
            + (1 if len(d.value) >= 10 else 0)
        if score > best_score:
            best, best_score = (start, end or start, d, last), score
    return best


def _first(pattern, text: str, block: _Block):
    for a, z, _ in block.regions:
        m = pattern.search(text, a, z)
        if m:
            return m
    return None


def extract(ctx) -> list[Poll]:
    text = ctx.text.text
    if "%" not in text and "퍼센트" not in text:
        return []
    dates = sorted(ctx.facts.get("dates") or [], key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    blocks = _blocks(ctx, text)
    for b in blocks:
        b.results = _block_results(text, b)
        _label(text, b.results, b.anchor)
        _quoted_polarity(text, b.results)
    _infer_missing(text, blocks)
    polls: list[Poll] = []
    for b in blocks:
        questions = _questions(text, b)
        if not questions:
            continue
        labelled = [r for r in b.results if r.label]
        field_range = _field_dates(text, dates, b, date_starts)
        margin = _first(_MARGIN, text, b) or _first(_MARGIN_WORDED, text, b)
        sample = _first(_SAMPLE, text, b)
        begin = min(b.anchor.start, labelled[0].start)
        stop = max(labelled[-1].stop, margin.end() if margin else 0)
        start_v = end_v = None
        if field_range:
            start_v, end_v, first_d, last_d = field_range
            begin, stop = min(begin, first_d.start), max(stop, last_d.stop)
        poll = Poll(pollsters=b.names, field_start=start_v, field_end=end_v,
                    sample_size=int(sample.group(1).replace(",", "")) if sample else None,
                    margin_of_error=float(margin.group(1)) if margin else None,
                    questions=questions)
        polls.append(ctx.place(poll, begin, stop))
    return polls
