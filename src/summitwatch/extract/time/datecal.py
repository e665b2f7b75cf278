"""Calendar arithmetic for date resolution: ISO strings at a precision, month shifts,
choosing the year of a date written without one, weeks and weekdays."""
from __future__ import annotations

import datetime as dt

DAY = dt.timedelta(days=1)


MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_days(y: int, m: int) -> int:
    if m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        return 29
    return MONTH_DAYS[m]


def valid(y: int, m: int | None = None, d: int | None = None) -> bool:
    if not 1 <= y <= 9999:
        return False
    if m is None:
        return d is None
    if not 1 <= m <= 12:
        return False
    return d is None or 1 <= d <= month_days(y, m)


def iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def first_day(y: int, m: int | None = None, d: int | None = None) -> dt.date:
    return dt.date(y, m or 1, d or 1)


def last_day(y: int, m: int | None = None, d: int | None = None) -> dt.date:
    if m is None:
        return dt.date(y, 12, 31)
    if d is None:
        return dt.date(y, m, month_days(y, m))
    return dt.date(y, m, d)


def parse_iso(s: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in s.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def span_of(s: str) -> tuple[dt.date, dt.date]:
    """First and last day an ISO string at any precision covers."""
    y, m, d = parse_iso(s)
    return first_day(y, m, d), last_day(y, m, d)


def infer_year(m: int, d: int | None, ref: dt.date, tense: int = 0, weekday: int | None = None) -> int | None:
    """Year of a month(-day) written without one.

    A weekday written with the date ("8.23.(토)", Monday = 0) decides first: the weekday
    of a date differs in any three consecutive years, so at most one of the reference
    year and its neighbours fits it (none fits: a typo, and the rules below apply).

    Past tense (지난): the latest occurrence not after the reference. Future (오는, 예정):
    the earliest not before it. Otherwise the reference year, unless that is more than
    half a year away and the neighbouring year's occurrence is within three months
    (a December date in a January document is last December).
    """
    def point(y):
        if not valid(y, m, d):
            return None
        return dt.date(y, m, d) if d else dt.date(y, m, 15)

    years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if point(y)]
    if not years:
        return None
    if weekday is not None and d:
        fits = [y for y in years if dt.date(y, m, d).weekday() == weekday]
        if len(fits) == 1:
            return fits[0]
    if tense < 0:
        past = [y for y in years if first_day(y, m, d) <= ref]
        return max(past) if past else min(years)
    if tense > 0:
        slack = ref - dt.timedelta(days=7)
        future = [y for y in years if last_day(y, m, d) >= slack]
        return min(future) if future else max(years)
    if ref.year in years:
        here = abs((point(ref.year) - ref).days)
        if here <= 183:
            return ref.year
        near = [y for y in years if y != ref.year and abs((point(y) - ref).days) <= 92]
        return near[0] if near else ref.year
    return min(years, key=lambda y: abs((point(y) - ref).days))


PAST_SLACK = dt.timedelta(days=7)


def infer_month(d: int, ref: dt.date, tense: int = 0, past: bool = False) -> tuple[int, int] | None:
    """Year and month of a day written alone ("25일"), as news writes it.

    지난 (tense < 0): the latest occurrence not after the reference. 오는 or a future
    predicate (tense > 0): the earliest not before it. Otherwise the reference month; but
    when the sentence is in the past tense (``past``) and that day would come more than a
    week after the reference, the previous month (the reference may lag the writing).
    """
    cands = []
    for k in (-1, 0, 1):
        y, m = shift_month(ref.year, ref.month, k)
        if valid(y, m, d):
            cands.append((dt.date(y, m, d), y, m, k))
    if not cands:
        return None
    if tense < 0:
        past_days = [c for c in cands if c[0] <= ref]
        pick = past_days[-1] if past_days else cands[0]
    elif tense > 0:
        fut = [c for c in cands if c[0] >= ref]
        pick = fut[0] if fut else cands[-1]
    else:
        here = [c for c in cands if c[3] == 0]
        if not here:                     # 31일 in a 30-day month: the nearest month that has it
            pick = min(cands, key=lambda c: abs((c[0] - ref).days))
        elif past and here[0][0] > ref + PAST_SLACK:
            pick = cands[0] if cands[0][3] == -1 else here[0]
        else:
            pick = here[0]
    return pick[1], pick[2]


def add_offset(ref: dt.date, years=0, months=0, weeks=0, days=0) -> dt.date:
    y, m = shift_month(ref.year, ref.month, years * 12 + months)
    d = min(ref.day, month_days(y, m))
    return dt.date(y, m, d) + dt.timedelta(days=weeks * 7 + days)


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def nth_weekday(y: int, m: int, weekday: int, n: int) -> dt.date | None:
    """n-th (1-based; -1 = last) given weekday (Monday=0) of a month."""
    days = [dt.date(y, m, d) for d in range(1, month_days(y, m) + 1)
            if dt.date(y, m, d).weekday() == weekday]
    if n == -1:
        return days[-1]
    return days[n - 1] if 1 <= n <= len(days) else None
