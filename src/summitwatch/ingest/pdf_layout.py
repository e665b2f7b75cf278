"""Page layout before lines are built: columns, side-by-side regions and ruled tables.

Runs (one text object each: font, size, baseline, box) are clustered into rows by baseline.
A row whose text leaves an internal gap wider than a gutter votes for that x-range; where
three or more rows agree, the page (or a part of it) is cut there (recursive XY-cut on
whitespace): rows that cross the cut are full-width bands, stretches of rows that do not are
cut into a left and a right side, each analysed again (three columns, a table beside text).

A stretch cut this way is read
- column by column when both sides are text columns (wide, several rows of words each);
- slab by slab when a drawn rule runs down the gutter (a ruled table: rows of cells are read
  cell by cell, the way the cells are written), cutting slabs at horizontal rules and at
  vertical gaps that both sides share;
- as before otherwise (a grid of short cells stays one region: its rows become table rows).

pdfplumber and pdfminer.six (MIT) offer layout analysis, but they parse the PDF again in pure
Python, many times slower than pdfium's text page that we already hold; the cut itself is
a few histogram passes, linear in the runs of a page.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:  # pdf_lines imports this module
    from .pdf_lines import Run

_MIN_SUPPORT = 3          # rows that must agree on a gutter
_MAX_DEPTH = 6


@dataclass(slots=True)
class Region:
    runs: list[Run]
    left: float               # x extent of the column the region belongs to
    right: float
    split: bool = False       # the region is one side of a cut page
    cell: bool = False        # a cell of a ruled table (its lines are one cell's text)


Rules = Callable[[], tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]]


def rows_of(runs: Sequence[Run]) -> list[list[Run]]:
    """Runs top to bottom, grouped by baseline; a raised small run joins the row below it."""
    ordered = sorted(runs, key=lambda r: (-r.y, r.x0))
    rows: list[list[Run]] = []
    cur: list[Run] = []
    low_y = big = 0.0
    for r in ordered:
        if cur and low_y - r.y <= 0.5 * max(big, r.size):
            cur.append(r)
            low_y = min(low_y, r.y)
            big = max(big, r.size)
        else:
            if cur:
                rows.append(cur)
            cur, low_y, big = [r], r.y, r.size
    if cur:
        rows.append(cur)
    return rows


def _row_size(row: list[Run]) -> float:
    weight: dict[float, int] = {}
    for r in row:
        k = round(r.size * 2) / 2
        weight[k] = weight.get(k, 0) + len(r.text)
    return max(weight, key=weight.get)


def _spans(row: list[Run], bridge: float) -> list[tuple[float, float]]:
    """The x-intervals a row covers, word gaps narrower than ``bridge`` bridged."""
    out: list[list[float]] = []
    for r in sorted(row, key=lambda r: r.x0):
        if out and r.x0 - out[-1][1] < bridge:
            out[-1][1] = max(out[-1][1], r.x1)
        else:
            out.append([r.x0, r.x1])
    return [(a, b) for a, b in out]


def _gutter(rows: list[list[Run]]) -> tuple[float, float] | None:
    """The x-range most rows leave open between text on both sides, if three rows agree."""
    votes: dict[int, int] = {}
    for row in rows:
        gap = 1.2 * _row_size(row)
        spans = _spans(row, gap)
        for (_, a), (b, _) in zip(spans, spans[1:]):
            for x in range(int(a) + 1, int(b)):
                votes[x] = votes.get(x, 0) + 1
    if not votes:
        return None
    best = max(votes.values())
    if best < _MIN_SUPPORT:
        return None
    xs = sorted(x for x, v in votes.items() if v == best)
    # the widest plateau of the best support
    lo = hi = xs[0]
    run_lo = xs[0]
    for prev, x in zip(xs, xs[1:] + [None]):
        if x is None or x != prev + 1:
            if prev - run_lo > hi - lo:
                lo, hi = run_lo, prev
            if x is not None:
                run_lo = x
    return float(lo), float(hi + 1)


def _crosses(row: list[Run], m: float) -> bool:
    return any(r.x0 < m < r.x1 for r in row)


def _chars(rows: list[list[Run]]) -> int:
    return sum(len(r.text.strip()) for row in rows for r in row)


def _text_side(rows: list[list[Run]], width: float) -> bool:
    """Several rows of words that take a good part of the width: a column of running text."""
    if len(rows) < _MIN_SUPPORT:
        return False
    lo = min(r.x0 for row in rows for r in row)
    hi = max(r.x1 for row in rows for r in row)
    return hi - lo >= 0.25 * width and _chars(rows) / len(rows) >= 8


def _slabs(rows: list[list[Run]], cuts: list[float]) -> list[list[list[Run]]]:
    """Rows grouped between horizontal rules and shared vertical gaps (table rows)."""
    if not rows:
        return []
    tops = [max(r.y + 0.8 * r.size for r in row) for row in rows]
    bots = [min(r.y - 0.25 * r.size for r in row) for row in rows]
    gaps = sorted(bots[k] - tops[k + 1] for k in range(len(rows) - 1))
    typical = gaps[len(gaps) // 2] if gaps else 0.0
    out: list[list[list[Run]]] = [[rows[0]]]
    for k in range(1, len(rows)):
        ruled = any(tops[k] <= y <= bots[k - 1] for y in cuts)
        wide = bots[k - 1] - tops[k] > max(typical * 2.5, typical + 0.6 * _row_size(rows[k]))
        if ruled or wide:
            out.append([])
        out[-1].append(rows[k])
    return out


def regions(runs: Sequence[Run], rules: Rules | None = None) -> list[Region]:
    """The page's runs as regions in reading order."""
    if not runs:
        return []
    rows = rows_of(runs)
    lo = min(r.x0 for r in runs)
    hi = max(r.x1 for r in runs)
    cache: dict[str, tuple] = {}

    def get_rules():
        if "r" not in cache:
            cache["r"] = rules() if rules else ([], [])
        return cache["r"]

    out: list[Region] = []
    _cut(rows, lo, hi, False, 0, get_rules, out)
    return out


def _emit(rows: list[list[Run]], lo: float, hi: float, split: bool, out: list[Region], cell: bool = False) -> None:
    runs = [r for row in rows for r in row]
    if runs:
        out.append(Region(runs, lo, hi, split, cell))


def _cut(rows: list[list[Run]], lo: float, hi: float, split: bool, depth: int, rules, out: list[Region]) -> None:
    g = _gutter(rows) if depth < _MAX_DEPTH and len(rows) >= _MIN_SUPPORT else None
    if g is None:
        _emit(rows, lo, hi, split, out)
        return
    m = (g[0] + g[1]) / 2
    # bands: stretches of rows that do not cross the gutter, and the rows that do
    bands: list[tuple[bool, list[list[Run]]]] = []
    for row in rows:
        crossing = _crosses(row, m)
        if bands and bands[-1][0] == crossing:
            bands[-1][1].append(row)
        else:
            bands.append((crossing, [row]))
    width = hi - lo
    found = False
    pending: list[list[Run]] = []
    for crossing, band in bands:
        if not crossing:
            left = [[r for r in row if r.x1 <= m] for row in band]
            right = [[r for r in row if r.x0 >= m] for row in band]
            left, right = [x for x in left if x], [x for x in right if x]
            kind = _kind(band, left, right, m, width, rules)
            if kind:
                found = True
                if pending:
                    _cut(pending, lo, hi, split, depth + 1, rules, out)
                    pending = []
                if kind == "columns":
                    l_hi = max(r.x1 for row in left for r in row)
                    r_lo = min(r.x0 for row in right for r in row)
                    _cut(left, lo, l_hi, True, depth + 1, rules, out)
                    _cut(right, r_lo, hi, True, depth + 1, rules, out)
                else:
                    for slab in _slabs(band, _h_cuts(band, m, rules)):
                        for side in ([[r for r in row if r.x1 <= m] for row in slab],
                                     [[r for r in row if r.x0 >= m] for row in slab]):
                            side = [x for x in side if x]
                            if side:
                                _emit(side, min(r.x0 for x in side for r in x), max(r.x1 for x in side for r in x),
                                      True, out, cell=True)
                continue
        pending += band
    if not found:
        _emit(rows, lo, hi, split, out)
        return
    if pending:
        _cut(pending, lo, hi, split, depth + 1, rules, out)


def _h_cuts(band: list[list[Run]], m: float, rules) -> list[float]:
    _, horizontal = rules()
    top = max(r.y + r.size for r in band[0])
    bottom = min(r.y - r.size for r in band[-1])
    return [y for y, a, b in horizontal if bottom <= y <= top and a < m < b]


def _kind(band, left, right, m: float, width: float, rules) -> str | None:
    """columns, table (ruled, read cell by cell) or None (leave the rows whole)."""
    if not left or not right:
        return None
    vertical, _ = rules()
    top = max(r.y + r.size for r in band[0])
    bottom = min(r.y - r.size for r in band[-1])
    l_hi = max(r.x1 for row in left for r in row)
    r_lo = min(r.x0 for row in right for r in row)
    ruled = any(l_hi - 1 <= x <= r_lo + 1 and min(b, top) - max(a, bottom) >= 0.5 * (top - bottom)
                for x, a, b in vertical)
    if ruled and len(band) >= 2:
        return "table"
    if _text_side(left, width) and _text_side(right, width):
        return "columns"
    return None
