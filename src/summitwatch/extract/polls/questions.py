"""A poll's results and questions: the percentages of a poll block, their labels (positive,
negative, support, oppose, dont_know, neutral) read from the words around them, and questions
formed from labelled results, each with a topic (approval of an office holder is
support/oppose, the evaluation of an event positive/negative). Breakdowns (by age, party,
reasons, graded answers) are no results; values of earlier rounds are trend history.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model.facts import PollQuestion
from .layout import COMPARED, result_spans, sentence_start, sentence_spans

if TYPE_CHECKING:
    from .anchors import Anchor
    from .polls import _Block

# Sentences that break results down (by age, region, reasons, party lists) hold no question's answer.
_BREAKDOWN = re.compile(r"(?:연령대?|세대|지역|권역|성|이념\s*성향|성향|지지\s*정당|정당|직업|계층|학력|소득)별"
                        r"|이유로는|이유는|이유로|이유를|꼽은\s*이유|평가자|정당\s*지지(?:율|도)|세부적으로|구체적으로\s*보면"
                        r"|(?:중도|보수|진보|무당|청년|고령|중장년|\d0대)층(?:에서|의|은|는|에선)")
# A graded answer ('아주 만족', '다소 만족', '만족하는 편'): a part of the positive or negative total, not a result.
_INTENSITY = re.compile(r"['‘\"“](?:매우|아주|다소|대체로|약간|전혀|별로|어느\s*정도)[^'’\"”\n]{0,20}['’\"”][^%\d'’\"”]{0,8}$"
                        r"|편(?:이다|이었다|이라)?['’\"”][^%\d'’\"”]{0,8}$")
_LIST_ORDER = re.compile(r"순(?:이었|이다|였|으로|의)")
# Result labels; negations and longer forms come first so "부적절" is not "적절" and
# "부정적으로 평가한다" is one negative label, not "부정" + "평가한다".
_LABEL_WORDS = (
    ("oppose", r"不支持|支持しない|disapprov|unfavou?rable|oppos(?:e|ed|es|ing)\b|비지지|부지지|지지하지\s*않|지지\s*안\s*(?:한|함)|반대"),
    ("negative", r"評価しない|negative|dissatisf|unsatisf|부정적으로\s*(?:평가(?:한다|했다|했|함)?|본다|봤다)|부정|잘못\s*했|잘못한|잘못하고|잘못됐"
                 r"|평가하지\s*않|부적절|불만|나쁘|실패"),
    ("dont_know", r"don'?t\s*know|not\s*sure|모름|무응답|모르겠|응답\s*거절|의견\s*(?:을\s*)?유보|답변을\s*유보"),
    ("neutral", r"보통|중립|어느\s*쪽도|그저\s*그렇"),
    ("positive", r"評価する|positive|satisf|긍정적으로\s*(?:평가(?:한다|했다|했|함)?|본다|봤다)|긍정|잘\s*했|잘한|잘하고|잘됐"
                 r"|평가한다|평가했|높이\s*평가|적절|만족|성공"),
    ("support", r"支持率|支持する|approv|favou?rable|(?<![A-Za-z])support|지지율|지지도|지지한다|지지(?!\s*않)|찬성"),
)
_LABEL = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _LABEL_WORDS), re.I)
_LABEL_AFTER = re.compile(r"\s*(?:가|는|은|이|of\s+\w+\s+)?\s*['‘\"“]?(?:" + "|".join(
    f"(?P<{k}>{p})" for k, p in _LABEL_WORDS) + ")", re.I)
# Labels listed together ("긍정·부정 평가는 58% 대 30%") hand out their values in order.
_LIST_GAP = re.compile(r"['‘’\"“”\s]*(?:[·ㆍ/,]|와|과|및|대|vs\.?)['‘’\"“”\s]*", re.I)
# What may stand between the values of such a list.
_RUN_GAP = re.compile(r"\s*(?:[,·/:]|대|對|vs\.?|와|과|로|,?\s*각각)?\s*", re.I)
# A quoted answer right before its value ("'성과가 있었다'는 응답이 61%").
_QUOTED_ANSWER = re.compile(r"['‘\"“]([^'’\"”\n]{1,24})['’\"”]\s*(?:(?:(?:이?라)?는|이?란)\s*)?"
                            r"(?:(?:응답|답변|의견|답)\s*(?:이|은|는|가)?\s*)?$")
# The quoted answer after its value: "48%가 '유지될 것'이라고 했다".
_QUOTED_AFTER = re.compile(r"\s*(?:가|이|는|은|만)?\s*['‘\"“]([^'’\"”\n]{1,24})['’\"”]\s*(?:이?라고|라는|고\s)")
_PAIR_REACH = 160                       # characters between the two answers of one question
_NEGATED = re.compile(r"없|않|안\s|안됐|안된|못|아니|반대")
_PAIRS = {"positive": "negative", "negative": "positive", "support": "oppose", "oppose": "support"}
_APPROVAL = {"support", "oppose"}
_EVALUATION = {"positive", "negative"}
_AS_APPROVAL = {"positive": "support", "negative": "oppose"}
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


@dataclass
class Result:
    start: int
    stop: int
    value: float
    sent_start: int
    label: str | None = None
    when: str | None = None         # an earlier period this value belongs to (trend history)
    answer: str | None = None       # the quoted answer option that gave the label


def block_results(text: str, block: _Block, periods) -> list[Result]:
    found = []
    for a, z, para in block.regions:
        for s, e in sentence_spans(text, a, z):
            sent = sentence_start(text, para, s) if s == a else s  # a segment may start mid-sentence
            listed = _LIST_ORDER.search(text, sent, e) is not None
            lo = sent
            for m in result_spans(text, s, e):
                by = _BREAKDOWN.search(text, sent, m.start())
                if listed or by:
                    # by age, party, region …: kept apart from the headline results
                    group = _GROUP_BEFORE.search(text, max(lo, m.start() - 24), m.start())
                    if group:
                        block.breakdowns.append({"by": _breakdown_kind(by.group() if by else None),
                                                 "group": group.group(1), "value": float(m.group(1))})
                    lo = m.end()
                    continue
                if _INTENSITY.search(text, max(lo, m.start() - 40), m.start()):
                    continue
                r = Result(m.start(), m.end(), float(m.group(1)), sent)
                r.when = _earlier_period(text, periods, lo, m.start())
                found.append(r)
                lo = m.end()
    return found


# The group a breakdown value belongs to: "30대(70%)", "자민당 31.3%", "서울에서 45%".
_GROUP_BEFORE = re.compile(r"([가-힣A-Za-z0-9·]{1,12}?)(?:에서는?|에선|은|는|이|가|층)?\s*\(?\s*$")


def _breakdown_kind(cue: str | None) -> str | None:
    """연령별 -> 연령, 지지 정당별 -> 지지 정당; None for a ranked list."""
    if not cue:
        return None
    return cue[:-1].strip() if cue.endswith("별") else cue.strip()


# An earlier round named before a value: "지난달엔 38%", "직전 조사에서 41%".
_EARLIER_ROUND = re.compile(r"(?:지난|직전|이전|앞선|전회)\s*(?:조사|회차)|지난주|전주|전달|전월|지난달")


def _earlier_period(text: str, periods, lo: int, at: int) -> str | None:
    """The month or year named between the clause's start (or the previous value) and a value:
    a trend's earlier point ("지난해 11월엔 36%, 지난달엔 38%"). A day date there is
    the field period or the event asked about, not history."""
    k = bisect.bisect_left(periods[0], lo)
    while k < len(periods[0]) and periods[0][k] < at:
        d = periods[1][k]
        month_only = len(d.value) < 10 if d.value else not _HAS_DAY.search(d.text or "")
        if month_only and not d.end and d.stop <= at and not _DAY_FOLLOWS.match(text, d.stop):
            return d.value or d.text            # unresolved (an undated text): its words
        k += 1
    # a month the date reader did not give (or could not resolve)
    m = None
    for m in _MONTH_EXPR.finditer(text, lo, at):
        pass
    if m and not _DAY_FOLLOWS.match(text, m.end()):
        return " ".join(m.group().split())
    m = None
    for m in _EARLIER_ROUND.finditer(text, lo, at):
        pass
    if m and not COMPARED.match(text, m.end()):
        return "earlier"
    return None


_DAY_FOLLOWS = re.compile(r"\s?\d{1,2}\s*(?:[~∼-]\s*\d{1,2}\s*)?일")
_HAS_DAY = re.compile(r"\d\s*일|\bday|\d{1,2}(?:st|nd|rd|th)?,")
_MONTH_EXPR = re.compile(r"(?:(?:지난해|작년|올해|올|재작년)\s*)?(?<!\d)\d{1,2}\s*월(?:\s*(?:초|중순|하순|말|께))?")


def _label_list(window: str, found: list) -> list[str]:
    """The trailing run of labels joined by list separators, in order ("긍정·부정" -> 2 labels)."""
    run = [found[-1]]
    for m in reversed(found[:-1]):
        if not _LIST_GAP.fullmatch(window, m.end(), run[0].start()) or m.lastgroup in {x.lastgroup for x in run}:
            break
        run.insert(0, m)
    return [m.lastgroup for m in run]


def label_results(text: str, results: list[Result], anchor: Anchor) -> None:
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
        later = _english_label_after(text, r, results[k + 1].start if k + 1 < len(results) else None)
        if adjacent:
            r.label, pending = adjacent.lastgroup, []
        elif later:
            r.label, pending = later, []
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


# An English answer follows its value in the same clause: "52 percent of those asked rated the
# talks positively, while 31 percent ..." (Korean puts the label first).
_EN_CLAUSE_END = re.compile(r"[,;.)]|\b(?:while|whereas|but|and|compared)\b")
_EN_REACH = 90


_NOT_LATIN = re.compile(r"[가-힣\u3040-\u30ff\u3400-\u9fff]")


def _english_label_after(text: str, r: Result, nxt: int | None) -> str | None:
    if _NOT_LATIN.search(text, r.sent_start, r.stop):
        return None
    end = min(nxt if nxt is not None else len(text), r.stop + _EN_REACH)
    cut = _EN_CLAUSE_END.search(text, r.stop, end)
    m = _LABEL.search(text[r.stop:cut.start() if cut else end])
    return m.lastgroup if m else None


def quoted_polarity(text: str, results: list[Result]) -> None:
    """Two quoted answers in a row, one the negation of the other, are a positive/negative
    pair of one question ("'성과가 있었다' 61%, '성과가 없었다' 31%"; "48%가 '유지될 것'이라고
    했다. '유지되지 않을 것'이란 답은 39%"): the question is split by its answer options."""
    def answer(k):
        r = results[k]
        if r.label is not None or r.when:
            return None
        lo = max(r.sent_start, results[k - 1].stop if k else r.sent_start)
        m = _QUOTED_ANSWER.search(text, lo, r.start) or _QUOTED_AFTER.match(text, r.stop)
        return m.group(1) if m else None

    for k in range(len(results) - 1):
        a, b = results[k], results[k + 1]
        if a.label or b.label or a.sent_start != b.sent_start and b.start - a.stop > _PAIR_REACH:
            continue
        qa, qb = answer(k), answer(k + 1)
        if qa and qb and bool(_NEGATED.search(qa)) != bool(_NEGATED.search(qb)):
            a.label, b.label = ("negative", "positive") if _NEGATED.search(qa) else ("positive", "negative")
            a.answer, b.answer = qa, qb


def _adjacent(text: str, a: Result, b: Result) -> bool:
    return re.fullmatch(r"[\s,、·/]*", text[a.stop:b.start]) is not None


def infer_missing(text: str, blocks: list[_Block]) -> None:
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


def _is_approval(window: str) -> bool:
    """The office holder's job is the nearest subject before the answers, not an event."""
    appr = [m.start() for m in _APPROVAL_CUE.finditer(window)]
    if not appr:
        return False
    event = [m.start() for m in _TOPIC_PHRASE.finditer(_QUOTES.sub(lambda q: " " * len(q.group()), window))
             if not _APPROVAL_CUE.search(m.group(1))]
    return not event or appr[-1] > event[-1]


_HANGUL = re.compile(r"[가-힣]")
# A verb form or the survey itself before the subject: "실시한 조사에서 합의" -> 합의.
_CLAUSE_WORD = re.compile(r"[한된던할될]$|조사|설문")


def _topic_words(phrase: str) -> str:
    words = phrase.split()
    while len(words) > 1 and (words[0] in _TOPIC_STOP or _PARTICLE_END.search(words[0])
                              or _CLAUSE_WORD.search(words[0])):
        words.pop(0)
    return " ".join(words)


def _topic(text: str, lo: int, at: int, approval: bool, labels: set[str]) -> str:
    window = text[lo:at]
    if not _HANGUL.search(window) and (approval or labels & _APPROVAL):
        office = list(_OFFICE.finditer(window)) or list(_OFFICE.finditer(text, at, at + 60))
        return f"{office[-1].group().lower()} approval" if office else "approval"
    if labels & _APPROVAL and not approval:
        found = list(_APPROVAL_TOPIC.finditer(window)) or list(_APPROVAL_TOPIC.finditer(text, at, at + 60))
        return f"{found[-1].group(1).strip()} 지지율" if found else "지지율"
    if approval:
        office = list(_OFFICE.finditer(window))
        return f"{office[-1].group()} 직무수행 평가" if office else "직무수행 평가"
    if not _HANGUL.search(window):
        found = list(_EN_TOPIC.finditer(window)) or list(_EN_TOPIC.finditer(text, at, at + _EN_REACH))
        return f"{found[-1].group(1).lower()} rating" if found else "rating"
    found = list(_TOPIC_PHRASE.finditer(_QUOTES.sub(lambda q: " " * len(q.group()), window)))
    return f"{_topic_words(found[-1].group(1))} 평가" if found else "평가"


_EN_TOPIC = re.compile(r"\b((?:[A-Z][\w.-]*\s+){0,3}(?:(?!(?:the|a|an|its|his|her|their|this|that)\s)[a-z][a-z-]+\s+)?"
                       r"(?:summit|talks|meeting|visit|agreement|deal|policy|policies"
                       r"|handling|response|negotiations?|outcome|trip)\b)")


@dataclass
class _Question:
    start: int
    approval: bool
    topic: str
    results: dict[str, float] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)       # label -> quoted answer option


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


def group_questions(text: str, block: _Block) -> list[PollQuestion]:
    out: list[_Question] = []
    prev = None
    for r in block.results:
        if not r.label or r.when:
            continue
        q = out[-1] if out else None
        if q is not None:
            approval = q.approval or bool(set(q.results) & _APPROVAL)
            label = _AS_APPROVAL.get(r.label, r.label) if approval else r.label
            kind = "approval" if label in _APPROVAL else "evaluation" if label in _EVALUATION else None
            q_kind = "approval" if q.approval or set(q.results) & _APPROVAL else "evaluation" \
                if set(q.results) & _EVALUATION else None
            if label not in q.results and (kind is None or q_kind in (None, kind)) \
                    and not _shifts_topic(text, prev.stop, r.start, q):
                q.results[label] = r.value
                if r.answer:
                    q.options[label] = r.answer
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
        if r.answer:
            q.options[label] = r.answer
        q.topic = _topic(text, lo, r.start, approval, {label})
        out.append(q)
        prev = r
    questions = []
    for q in out:
        pq = PollQuestion(topic=q.topic, results=q.results)
        if q.options:
            pq.options = q.options
        questions.append(pq)
    return questions
