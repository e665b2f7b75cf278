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
from dataclasses import dataclass, field

from ...model.facts import Poll
from .anchors import Anchor, find_anchors, merge_co_pollsters, org_index, same_pollster, segments, subject_index
from .layout import COMPARED, PERCENT, heading_starts, is_heading, paragraphs, result_spans
from .questions import Result, block_results, infer_missing, label_results, group_questions, quoted_polarity
NAME = "polls"
REQUIRES = ("dates", "quantities", "entities")

# Paragraphs without these are skipped cheaply.
_POLL_HINT = re.compile(r"世論調査|支持率|여론\s*조사|조사|설문|지지율|지지도|응답|긍정|부정|잘했|잘못|표본\s*오차|poll|survey", re.I)
# A paragraph after a poll's anchor goes on with that poll only when it speaks of the survey.
_POLL_GOES_ON = re.compile(r"조사|설문|응답|질문|물음|답했|답변|표본\s*오차|지지율|지지도|긍정\s*평가|부정\s*평가"
                           r"|긍정률|부정률|잘했|잘못했|잘하고|잘못하고|poll|survey|respondents", re.I)
# … or gives answers in words that only a survey uses, with their percentages.
_ANSWER_WORDS = re.compile(r"평가(?:한다|하지|했|함)|긍정|부정|잘\s*했|잘됐|잘못|지지하지|모름|무응답|찬성|approve", re.I)
_UNIT_P = r"(?:%\s*p|%\s*포인트|%|퍼센트\s*포인트|포인트)"
# "±3.1%p" first; else "표본오차는 3.1%포인트" (a confidence level "95%" is skipped).
_MARGIN = re.compile(r"(?:±|\+/-|\+-|플러스마이너스\s*)\s*(\d{1,2}(?:\.\d+)?)\s*" + _UNIT_P)
_MARGIN_WORDED = re.compile(r"(?:표본\s*오차|오차\s*범위)[^±\n]{0,30}?(?<![\d.])(\d{1,2}(?:\.\d+)?)\s*"
                            + _UNIT_P + r"(?!\s*(?:의\s*)?신뢰)")
_SAMPLE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d{3,6})\s*(?:명|(?:U\.S\.\s+)?(?:adults|respondents|people|"
                     r"(?:registered |likely )?voters|Americans|residents|citizens)\b)")
_MARGIN_EN = re.compile(r"margin of (?:sampling )?error (?:of |is |was )?(?:plus or minus |±\s?|\+/-\s?)?"
                        r"(\d{1,2}(?:\.\d+)?)\s*(?:percentage points?|points?|%)", re.I)
# How the survey was run: "무선 전화면접", "ARS", "online", "by telephone".
_METHOD = re.compile(r"(?:(?:무선|유선|휴대\s*전화|휴대폰)\s*(?:\d{1,3}\s*%\s*)?(?:[·,/]\s*(?:무선|유선)\s*(?:\d{1,3}\s*%\s*)?)?)?"
                     r"(?:전화\s*면접|자동\s*응답|ARS|CATI|전화\s*조사|인터넷\s*조사|온라인\s*조사|웹\s*조사|모바일\s*조사|면접\s*조사)"
                     r"|(?i:(?:by |via )?(?:tele)?phone(?: interviews?)?|online|web-based)(?= (?:survey|poll|interviews?)\b)")

# --- field dates ----------------------------------------------------------------------------
_PUBLISHED = re.compile(r"\s*(?:에\s*)?(?:발표|공개|보도|공표|게재)")
_PREVIOUS = re.compile(r"(?:직전|이전|지난|앞선|전회|전주|지난주|지난달)\s*(?:조사|회차|주|달)\s*\(?\s*[^()\n]{0,10}$")
_FIELD_CUE = re.compile(r"대상|명(?:을|에게|이)|상대로|실시|진행|조사|물어|물은|설문|응답")
# English names the fieldwork before its dates: "conducted Nov. 4-6", "taken from Monday to Wednesday".
_FIELD_CUE_EN = re.compile(r"\b(?:conducted|taken|carried\s+out|surveyed|polled|fielded|between)\b(?:\s+\w+){0,2}\s*$", re.I)
_DAY_TAIL = re.compile(r"\s?(?:[-–~]|to\s|through\s|and\s)\s?(\d{1,2})(?![\d%]|[.,:]\d)")
_RANGE_JOIN = re.compile(r"\s*(?:부터|~|-|–|에서|to|through|until|and)\s*")


@dataclass
class _Block:
    anchor: Anchor
    names: list[str]
    regions: list[tuple[int, int, int]]     # (start, stop, start of its paragraph)
    results: list[Result] = field(default_factory=list)
    breakdowns: list[dict] = field(default_factory=list)     # {"by", "group", "value"}


def _blocks(ctx, text: str) -> list[_Block]:
    heads = heading_starts(ctx)
    orgs, subjects = org_index(ctx), subject_index(ctx)
    dates = ctx.facts.get("dates") or []
    body_end = getattr(ctx, "body_end", len(text))
    blocks: list[_Block] = []
    cur: _Block | None = None
    in_notes = False
    for a, z in paragraphs(text):
        if a >= z:
            continue
        if a >= body_end and not in_notes:
            in_notes, cur = True, None          # no poll runs on from the body into the footnotes
        if is_heading(text, a, z, heads):
            cur = None
            continue
        hinted = _POLL_HINT.search(text, a, z) is not None
        anchors = merge_co_pollsters(text, find_anchors(orgs, text, a, z, subjects)) if hinted else []
        if not anchors:
            if cur is not None and (_POLL_GOES_ON.search(text, a, z) or _ANSWER_WORDS.search(text, a, z)
                                    and next(result_spans(text, a, z), None) is not None):
                cur.regions.append((a, z, a))   # the poll goes on: results, method, margin
            else:
                cur = None                      # the topic changed
            continue
        segs = segments(text, a, z, anchors)
        if cur is not None and segs[0][1] > a:
            cur.regions.append((a, segs[0][1], a))
        for anc, s, e in segs:
            # The same pollster named again without a new field period: the same poll.
            if cur is not None and same_pollster(cur.names, anc.names) \
                    and not any(s <= d.start < e and d.end for d in dates):
                cur.regions.append((s, e, a))
                continue
            cur = _Block(anc, list(anc.names), [(s, e, a)])
            blocks.append(cur)
    return blocks


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
        if not d.value or not _inside(block, d.start, d.stop):
            continue                            # an unresolved date gives no field period
        if _PUBLISHED.match(text, d.stop) or COMPARED.match(text, d.stop) \
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
            else:
                # "May 1-3": a day range the date reader took as its first day
                tail = _DAY_TAIL.match(text, d.stop)
                if tail and len(d.value) == 10 and int(d.value[8:]) < int(tail.group(1)) <= 31:
                    end = f"{d.value[:8]}{int(tail.group(1)):02d}"
        cue = _FIELD_CUE.search(text, last.stop, last.stop + 40) or _FIELD_CUE_EN.search(text, max(0, d.start - 30), d.start)
        score = (2 if end else 0) + (1 if cue else 0) + (1 if len(d.value) >= 10 else 0)
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
    if "%" not in text and "퍼센트" not in text and PERCENT.search(text) is None:
        return []
    dates = sorted(ctx.facts.get("dates") or [], key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    blocks = _blocks(ctx, text)
    periods = (date_starts, dates)
    for b in blocks:
        b.results = block_results(text, b, periods)
        label_results(text, b.results, b.anchor)
        quoted_polarity(text, b.results)
    infer_missing(text, blocks)
    polls: list[Poll] = []
    for b in blocks:
        questions = group_questions(text, b)
        if not questions:
            continue
        labelled = [r for r in b.results if r.label]
        field_range = _field_dates(text, dates, b, date_starts)
        margin = _first(_MARGIN, text, b) or _first(_MARGIN_WORDED, text, b) or _first(_MARGIN_EN, text, b)
        method = _first(_METHOD, text, b)
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
        history = [{"when": r.when, "label": r.label, "value": r.value} for r in b.results if r.when]
        if history:
            poll.history = history
        if method:
            poll.method = " ".join(method.group().split())
        if b.breakdowns:
            poll.breakdowns = b.breakdowns
        polls.append(ctx.place(poll, begin, stop))
    return _merge_repeats(polls)


def _same_round(a: Poll, b: Poll) -> bool:
    """Same field period; in an undated text (field dates unresolved), the same sample."""
    if a.field_start or b.field_start:
        return (a.field_start, a.field_end) == (b.field_start, b.field_end)
    return a.sample_size is not None and a.sample_size == b.sample_size


def _merge_repeats(polls: list[Poll]) -> list[Poll]:
    """A news page repeats its lead in the body: the same pollsters with the same field period
    are one poll, whose questions are those of both (the fuller answer set wins)."""
    out: list[Poll] = []
    for p in polls:
        same = next((q for q in out if same_pollster(q.pollsters, p.pollsters) and _same_round(q, p)), None)
        if same is None:
            out.append(p)
            continue
        for question in p.questions:
            twin = next((x for x in same.questions if x.topic == question.topic
                         or set(x.results.items()) & set(question.results.items())), None)
            if twin is None:
                same.questions.append(question)
            elif len(question.results) > len(twin.results):
                twin.results = question.results
        same.pollsters += [n for n in p.pollsters if n not in same.pollsters]
        same.sample_size = same.sample_size or p.sample_size
        same.margin_of_error = same.margin_of_error or p.margin_of_error
        for key in ("history", "breakdowns"):
            extra = [x for x in getattr(p, key, None) or [] if x not in (getattr(same, key, None) or [])]
            if extra:
                setattr(same, key, (getattr(same, key, None) or []) + extra)
        if getattr(p, "method", None) and not getattr(same, "method", None):
            same.method = p.method
    return out
