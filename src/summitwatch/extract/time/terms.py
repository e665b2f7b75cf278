"""Dating a text by the terms of office of the people it names with their title.

A text that calls someone 총리 (Prime Minister, 大統領 ...) was written while that person
held the office; the intersection of such terms bounds the writing date. Within it, a
month-and-day written without a year ("Oct 28", "7.8.(금)") is placed in the one year that
fits the window and the weekday written with the date or named in its sentence; where several
years fit (a term of four years and no weekday, or two terms of one person), it dates nothing.
The terms are data (extract/data/terms_of_office.tsv); "전 대통령", "former President",
"the late" do not count.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from . import datecal

DATA = Path(__file__).resolve().parent.parent / "data" / "terms_of_office.tsv"
# how far a title may stand from the name: "기시다 후미오 일본 총리", "Japan's new Prime Minister X"
KO_GAP = 12
EN_GAP = 30
FORMER = re.compile(r"(?:^|[\s(])(?:전|前|故|고|당시|former|Former|late|ex-|then-)(?:\s|$)|former|late\b|ex-|then-")
# a deputy's title holds the office's word (부총리, Deputy Prime Minister, 副首相, 부위원장)
DEPUTY = re.compile(r"(?:부|副|[Dd]eputy\s|[Vv]ice[\s-])$")
# "former" written just before a Korean name ("고 김정일", "전 총리 아베"): the title after the
# name is then the office once held. A bare 전 is "before" ("회담 전 트럼프 대통령은").
FORMER_BEFORE = re.compile(r"(?:^|[\s(])(?:(?:고|故)\s?|(?:전|前)\s?[가-힣]{1,4}\s)$")
EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EN_WEEKDAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
KO_WEEKDAY_RE = re.compile(r"(?<![가-힣])([월화수목금토일])요일")
WEEKDAY_REACH = 300


@dataclass(frozen=True)
class Term:
    id: str
    names: tuple[str, ...]
    titles: tuple[str, ...]
    start: dt.date
    end: dt.date | None


def data_rows(path: Path, width: int):
    """The rows of one of these data tables: tab-separated, ``width`` stripped columns (missing
    ones empty); comments, blank lines and the header line (it starts with ``id``) skipped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        yield tuple(c.strip() for c in (line.split("\t") + [""] * width)[:width])


@functools.lru_cache(maxsize=1)
def load_terms() -> tuple[Term, ...]:
    return tuple(Term(pid, tuple(n for n in names.split("|") if n), tuple(t for t in titles.split("|") if t),
                      dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else None)
                 for pid, names, titles, start, end in data_rows(DATA, 5))


@functools.lru_cache(maxsize=1)
def _name_regex() -> re.Pattern:
    names = sorted({n for t in load_terms() for n in t.names}, key=len, reverse=True)
    return re.compile(r"(?<![\w가-힣])(?:" + "|".join(re.escape(n) for n in names) + r")(?![a-z])")


def _holds_title(text: str, s: int, e: int, term: Term) -> bool:
    """Whether the name at text[s:e] carries the term's title (after it in Korean, before
    it in English), not as a former holder."""
    after = text[e:e + KO_GAP + 12]
    before = text[max(0, s - EN_GAP):s]
    if FORMER_BEFORE.search(before):                # 고 김정일, 故 아베, 전 대통령 문재인
        return False
    for title in term.titles:
        i = after.find(title)
        if 0 <= i <= KO_GAP and "\n" not in after[:i] and not FORMER.search(after[:i]) \
                and not DEPUTY.search(after[:i]):
            return True
        j = before.lower().rfind(title.lower())
        if j >= 0 and "\n" not in before[j:] and not FORMER.search(before[max(0, j - 12):j]) \
                and not DEPUTY.search(before[:j]) and len(before) - j - len(title) <= EN_GAP:
            return True
        # "Kim, the country's new foreign minister": a title after the name and a comma
        k = after.lower().find(title.lower())
        if title[0].isascii() and 0 <= k <= EN_GAP and after[:1] == "," and not FORMER.search(after[:k]):
            return True
    return False


def window(text: str) -> list[tuple[dt.date, dt.date | None]] | None:
    """Intervals the writing date must lie in (None: nobody with a known term is named
    with the title; []: the terms named do not overlap)."""
    by_person: dict[str, list[Term]] = {}
    for t in load_terms():
        by_person.setdefault(t.id, []).append(t)
    named: set[str] = set()
    for m in _name_regex().finditer(text):
        for pid, terms in by_person.items():
            if pid in named or m.group() not in terms[0].names:
                continue
            if _holds_title(text, m.start(), m.end(), terms[0]):
                named.add(pid)
    if not named:
        return None
    spans: list[tuple[dt.date, dt.date | None]] = [(dt.date.min, None)]
    for pid in sorted(named):
        spans = [iv for a in spans for t in by_person[pid] if (iv := _meet(a, (t.start, t.end)))]
    return spans


def _meet(a, b):
    start = max(a[0], b[0])
    ends = [e for e in (a[1], b[1]) if e is not None]
    end = min(ends) if ends else None
    return (start, end) if end is None or start <= end else None


def _inside(day: dt.date, spans) -> bool:
    return any(a <= day and (b is None or day <= b) for a, b in spans)


def _weekday_near(text: str, stop: int) -> int | None:
    """A weekday named shortly after a date in the same paragraph ("Oct 28 (Reuters) - ...
    on Tuesday announced")."""
    end = text.find("\n", stop)
    seg = text[stop:min(len(text) if end < 0 else end, stop + WEEKDAY_REACH)]
    m = EN_WEEKDAY_RE.search(seg)
    if m:
        return EN_WEEKDAYS.index(m.group(1).lower())
    k = KO_WEEKDAY_RE.search(seg)
    return "월화수목금토일".index(k.group(1)) if k else None


@functools.lru_cache(maxsize=1)
def _horizon() -> dt.date:
    """How far a term still running reaches: a year past the latest day the knowledge base
    records (a term start or a dated summit). The data's own date, never the clock's."""
    from .summit_dates import load_summits

    days = [t.start for t in load_terms()] + [t.end for t in load_terms() if t.end]
    days += [s.end for s in load_summits()]
    return max(days) + dt.timedelta(days=365)


def date_by_terms(text: str, mentions, is_future) -> dt.date | None:
    """The writing date from month-and-day mentions placed inside the terms' window."""
    spans = window(text)
    if not spans:
        return None
    cands = [mn for mn in mentions if mn.y is None and mn.yrel is None and mn.mrel is None and mn.fn is None
             and mn.m is not None and mn.d is not None and not is_future(text, mn)]
    if not cands:
        return None
    first = min(a for a, _ in spans)
    years: dict[int, list[dt.date]] = {}
    for mn in cands:
        last = mn.end if mn.end is not None and mn.end.d is not None else mn
        m = last.m or mn.m
        wd = mn.wd if mn.wd is not None else _weekday_near(text, mn.stop)
        fits = []
        horizon = _horizon()
        for y in range(max(first.year, 1900), horizon.year + 1):
            if not datecal.valid(y, m, last.d):
                continue
            day = dt.date(y, m, last.d)
            if not _inside(day, spans) or day > horizon:
                continue
            if wd is not None and dt.date(y, mn.m, mn.d).weekday() != wd:
                continue
            fits.append((y, day))
        if len(fits) == 1:                          # several years fit: no guess from this one
            years.setdefault(fits[0][0], []).append(fits[0][1])
    if not years:
        return None
    best = max(years, key=lambda y: (len(years[y]), -y))
    return max(years[best])
