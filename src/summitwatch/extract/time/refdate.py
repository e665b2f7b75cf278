"""Inferring when a document was written (its reference date).

1. A dateline wins: 작성일/발행일/입력/등록 followed by a full date, a full date followed by
   발행/작성/게재, a press release's header (배포일시, 보도시점/보도일시, 엠바고), a full
   date with a clock time near the top (news: "2025.03.05 14:22"), or a full date on a line
   of its own among the first lines (a brief's header under its title: "2025. 11. 12.",
   "2025년 11월 12일 (수)"), alone or with the author or institute.
   When several datelines are found the latest wins. In a press release that is the
   보도시점 (embargo) rather than the 배포일시 (distribution, hours or a day earlier): the
   release is written to be read at the embargo ("24일(일) 개최했다" in a release handed out
   on the 23rd), so its partial and relative dates count from then.
2. Otherwise the latest full date (with its year, to the day) that is not announced as
   future (오는 ..., ... 예정/계획), then extended by dates without a year that fall shortly
   after it (poll field dates reported in the text, within 30 days), and never earlier than
   any access date (검색일, 접속일, accessed).
   In an analysis whose latest date is an event told in the past tense, the day after it.
3. Without such a date: a known summit the text names and one of its days anchors
   (summit_dates.py: "29일 정상회담" of two leaders who met on a 29th), or the day before
   the earliest summit it announces as coming; a month-and-day placed by the terms of office of the people the
   text names with their title (terms.py); the latest access date, the end of the latest
   year-month, the day before the earliest full date announced as future.
4. Nothing: no reference date (source "none"); the clock is never a source.

``infer`` returns the date with where it came from (``Reference.source``: dateline, byline,
latest_date, access_date, known_summit, term_of_office, latest_month, announced_date, none); the caller
adds ``given`` and ``metadata``.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .. import prefilter
from . import datecal
from .date_patterns import EN_MON, EN_MONTHS, Mention, _en, _two_digit_year
from .summit_dates import date_by_summits
from .terms import date_by_terms


class Reference(NamedTuple):
    date: dt.date | None
    source: str

EN_MON_NC = EN_MON.replace("?P<mon>", "?:")
_FULL = (r"(?:(?:19|20)\d{2}\s?(?:[./-]\s?\d{1,2}\s?[./-]\s?\d{1,2}|년\s?\d{1,2}월\s?\d{1,2}일)"
         r"|['’]\d{2}\.\s?\d{1,2}\.\s?\d{1,2}"
         rf"|{EN_MON_NC}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}|\d{{1,2}}/\d{{1,2}}/(?:19|20)\d{{2}})")
# Labels before a date. Bylines name when a news page was put up (입력, 승인, Published);
# an update (수정, Updated) counts only where the page gives nothing else.
BYLINE_LABELS = re.compile(r"기사입력|입력|승인|등록|Published|Posted|posted|published")
UPDATED_LABELS = re.compile(r"수정|Updated|updated")
# two regexes, each starting with a plain character (fast): a label before the date, or a
# date before 발행/작성
DATELINE_LABEL = re.compile(
    rf"(?P<label>작성일|발행일|발간일|배포일|등록일|게재일|기사입력|입력|수정|작성|발행|발간|배포|게재|승인|Published|"
    rf"Posted|Updated|Date|배포\s?(?:일시|일자|시점)|보도\s?(?:시점|일시|일자|일)|엠바고(?:\s?해제)?|"
    rf"Embargo(?:ed)?(?:\s+until)?)"
    rf"\s*[:：|]?\s*(?:on\s+)?({_FULL})")
DATELINE_AFTER = re.compile(rf"({_FULL})\.?\s*(?:발행|발간|작성|게재|배포)")
CLOCK_DATE = re.compile(rf"({_FULL})\.?,?\s+\d{{1,2}}:\d{{2}}")
UPDATED_BEFORE = re.compile(r"(?:수정|Updated|updated)\s*[:：|]?\s*$")
# the corpus's own first line: " date 2025-02-10 ..."
CORPUS_DATE = re.compile(r"\s*date\s+((?:19|20)\d{2}-\d{2}-\d{2})\b")
# a period's issue: "발간호: 2022-07", "발행: 2024년 3월", "Vol. 2023-11"
ISSUE_MONTH = re.compile(r"(?:발간호|발행호|발행|발간|호수|Issue|Vol\.?)\s*[:：]?\s*((?:19|20)\d{2})\s?(?:[.-]|년)\s?"
                         r"(1[0-2]|0?[1-9])(?![\d.])")
# A header line: the date alone, or with the author or institute ("2025.12.5 | 국제협력실 ...").
FULL_RE = re.compile(_FULL)
HEADER_LINES = 10
DATE_TAIL = re.compile(r"\s*\.?\s*(?:[(（]\s?[월화수목금토일](?:요일)?\s?[)）])?\s*")
SEPARATOR = re.compile(r"^\s*(?:[|/·•,:：;]|\s{2,}|\t)")
AUTHOR_WORD = re.compile(
    r"연구위원|연구원|교수|박사|기자|특파원|위원|센터|연구소|연구실|연구부|연구단|재단|팀|실장|소장|원장|"
    r"부장|국장|편집|저자|필자|Fellow|Director|Analyst|Researcher|Institute|Center|Centre")
# a short name after a header date: "2025.1.2 외교부", "2025.1.2 대변인실" (one or two words)
SHORT_NAME = re.compile(r"[가-힣A-Za-z·]{2,12}(?:\s[가-힣A-Za-z·]{2,12})?")
SENTENCE_VERB = re.compile(r"(?:다|요|음|함)\s*[.!?。]?\s*$")
ACCESS = re.compile(r"(?:검색일|접속일|검색|접속|열람일|accessed|Accessed|retrieved|Retrieved)\s*[:：]?\s*$")
PAST_OR_FUTURE_PREFIX = re.compile(r"(?:오는|다음)\s*$")
FUTURE_AFTER = re.compile(r"[^.。\n]{0,30}?(?:예정|계획|개최될|열릴|만료|시한)")
DEADLINE = re.compile(r"까지(?![가-힣]{0,2}(?:했|됐|였|었))")    # "X까지 연장": an end point, not a happening
EXTEND_DAYS = 30


def _full_date(s: str) -> dt.date | None:
    word = re.match(r"[A-Za-z]+", s)
    nums = [int(x) for x in re.findall(r"\d+", s)]
    if word:                                        # Feb 28, 2019
        nums = [nums[1], EN_MONTHS.get(_en(word.group()), 0), nums[0]] if len(nums) >= 2 else []
    elif "/" in s and len(nums) >= 3 and nums[2] > 1000:   # 11/13/2025 (US order)
        nums = [nums[2], nums[0], nums[1]]
    if nums and nums[0] < 100:                      # '25.8.24
        nums[0] = _two_digit_year(nums[0])
    if len(nums) >= 3 and datecal.valid(*nums[:3]):
        return dt.date(*nums[:3])
    return None


def _header_date(header: str) -> dt.date | None:
    """A full date on one of the first lines, standing alone or with an author/institute."""
    seen = 0
    for line in header[:2000].split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_LINES:
            break
        m = FULL_RE.search(line)
        if m is None or (d := _full_date(m.group())) is None:
            continue
        before = line[:m.start()].strip()
        after = line[DATE_TAIL.match(line, m.end()).end():]
        if _attribution(before, before=True) and (_attribution(after) or not before
                                                  and SHORT_NAME.fullmatch(after.strip())):
            return d
    return None


def _attribution(part: str, before: bool = False) -> bool:
    """Whether what shares a line with a header date is nothing, a label or the author."""
    stripped = part.strip(" \t.|/·•,:：;")
    if not stripped:
        return True
    if len(stripped) > 40 or SENTENCE_VERB.search(stripped) or any(ch.isdigit() for ch in stripped):
        return False
    return bool(AUTHOR_WORD.search(stripped) or (SEPARATOR.search(part[::-1] if before else part)))


def _dateline(text: str, header: str | None = None) -> dt.date | None:
    found = dateline(text, header)
    return found.date if found else None


def dateline(text: str, header: str | None = None) -> Reference | None:
    """The document's own date; ``header`` is the text with its original lines (the
    reflowed text joins a brief's title block into one paragraph)."""
    m = CORPUS_DATE.match(header if header is not None else text) or CORPUS_DATE.match(text)
    if m and (d := _full_date(m.group(1))):
        return Reference(d, "dateline")
    found: list[Reference] = []
    updated: list[Reference] = []
    for m in DATELINE_LABEL.finditer(text):
        if (d := _full_date(m.group(2))) is None:
            continue
        label = m.group("label")
        if UPDATED_LABELS.fullmatch(label):
            updated.append(Reference(d, "byline"))
        else:
            found.append(Reference(d, "byline" if BYLINE_LABELS.fullmatch(label) else "dateline"))
    found += [Reference(d, "dateline") for m in prefilter.finditer(DATELINE_AFTER, text) if (d := _full_date(m.group(1)))]
    top = _header_date(header if header is not None else text)
    if top is not None:
        found.append(Reference(top, "dateline"))
    if found:
        return max(found, key=lambda r: r.date)
    for m in CLOCK_DATE.finditer(text[:600]):
        if not UPDATED_BEFORE.search(text, max(0, m.start() - 12), m.start()) and (d := _full_date(m.group(1))):
            return Reference(d, "byline")
    if updated:
        return min(updated, key=lambda r: r.date)
    m = ISSUE_MONTH.search(text[:600])
    if m:
        return Reference(datecal.last_day(int(m.group(1)), int(m.group(2))), "dateline")
    return None


def _is_future(text: str, mn: Mention) -> bool:
    return bool(PAST_OR_FUTURE_PREFIX.search(text[max(0, mn.start - 6):mn.start])
                or FUTURE_AFTER.match(text, mn.stop) or mn.tense > 0
                or mn.end is None and DEADLINE.match(text, mn.stop))


def infer_from_mentions(text: str, mentions: list[Mention], today: dt.date | None = None,
                        header: str | None = None) -> dt.date | None:
    """The reference date alone (``today``, when given, stands in for none)."""
    return infer(text, mentions, header).date or today


def infer(text: str, mentions: list[Mention], header: str | None = None) -> Reference:
    line = dateline(text, header)
    if line is not None:
        return line
    full = []
    access = []
    future = []
    for mn in mentions:
        if mn.y is None or mn.d is None or mn.fn is not None:
            continue
        last = mn.end if mn.end is not None and mn.end.y is not None and mn.end.d else mn
        if not datecal.valid(last.y, last.m, last.d):
            continue
        day = dt.date(last.y, last.m, last.d)
        if ACCESS.search(text[max(0, mn.start - 12):mn.start]):
            access.append(day)
        elif not _is_future(text, mn):
            full.append((day, mn))
        else:
            future.append(day)
    if full:
        latest, mn = max(full, key=lambda x: x[0])
        ref = _extend(text, mentions, latest)
        if ref == latest and _narrated_in_analysis(text, mn):
            ref += dt.timedelta(days=1)
        if access and max(access) > ref:
            return Reference(max(access), "access_date")
        return Reference(ref, "latest_date")
    if access:
        return Reference(max(access), "access_date")
    by_summit = date_by_summits(text, mentions, _is_future)
    if by_summit is not None:
        return Reference(by_summit, "known_summit")
    by_terms = date_by_terms(text, mentions, _is_future)
    if by_terms is not None:
        return Reference(_extend(text, mentions, by_terms), "term_of_office")
    months = [(mn.y, mn.m) for mn in mentions
              if mn.y and mn.m and mn.fn is None and not _is_future(text, mn)]
    if months:
        y, m = max(months)
        return Reference(datecal.last_day(y, m), "latest_month")
    if future:                        # written before what it announces
        return Reference(min(future) - dt.timedelta(days=1), "announced_date")
    return Reference(None, "none")


PAST_PREDICATE = re.compile(r"(?:었|았|였|했|됐|렸|졌)(?:다|으며|고)")


def _narrated_in_analysis(text: str, mn: Mention) -> bool:
    """An analysis that tells of its latest date's event in the past tense ("… 개최되었다")
    was written after that day: a researcher's brief does not appear on the day it
    describes, while a statement or a news report may."""
    from ..claims.genre import is_analysis

    stop = text.find(".", mn.stop)
    sentence = text[mn.stop:stop if 0 <= stop - mn.stop <= 300 else mn.stop + 300]
    return bool(PAST_PREDICATE.search(sentence)) and is_analysis(text)


def _extend(text: str, mentions: list[Mention], ref: dt.date) -> dt.date:
    """Move the reference to dates without a year reported shortly after it."""
    from .dates import resolve_one

    best = ref
    for mn in mentions:
        if mn.y is not None or mn.yrel is not None or mn.mrel is not None or mn.fn is not None:
            continue
        if (mn.end or mn).d is None or mn.tense < 0:
            continue                      # only a day not in the past (지난) can move it
        if _is_future(text, mn):
            continue
        res = resolve_one(text, mn, ref)
        if res is None:
            continue
        value, end = res[0], res[1]
        last = end or value
        if len(last) != 10:
            continue
        day = dt.date.fromisoformat(last)
        if ref < day <= ref + dt.timedelta(days=EXTEND_DAYS):
            best = max(best, day)
    return best
