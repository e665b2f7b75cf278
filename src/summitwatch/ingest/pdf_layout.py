"""Page layout before lines are built: columns, side-by-side regions and ruled tables.

Runs (one text object each: font, size, baseline, box) are clustered into rows by baseline.
A row whose text leaves an internal gap wider than a gutter votes for that x-range; where
three or more rows agree, the page (or a part of it) is cut there (recursive XY-cut on
whitespace): rows that cross the cut are full-width bands, stretches of rows that do not are
cut into a left and a right side, each analysed again (three columns, a table beside text).
When the best gutter cuts nothing, the next best are tried (side-by-side charts: the widest
open stripe lies between a chart's labels and its values).

A stretch cut this way is read
- column by column when both sides are text columns (wide, several rows of words each);
- block by block when both sides are strips of short items that stand apart from the rows
  around them and mostly share no baseline (charts side by side, each label with its value);
- slab by slab when a drawn rule runs down the gutter (a ruled table: rows of cells are read
  cell by cell, the way the cells are written), cutting slabs at horizontal rules and at
  vertical gaps that both sides share; a chart's axis is no such rule;
- as before otherwise (a grid of short cells stays one region: its rows become table rows).

pdfplumber and pdfminer.six (MIT) offer layout analysis, but they parse the PDF again in pure
Python, many times slower than pdfium's text page that we already hold; the cut itself is
a few histogram passes, linear in the runs of a page.
"""
from __future__ import annotations

import bisect
from operator import attrgetter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:  # pdf_lines imports this module
    from .pdf_lines import Run

_MIN_SUPPORT = 3          # rows that must agree on a gutter
_MAX_DEPTH = 6
_TRIES = 3                # gutters tried on one stretch of rows before it is read whole
_STACK_SCAN = 128      # runs of a row a run off its baseline is compared with


@dataclass(slots=True)
class Region:
    runs: list[Run]
    left: float               # x extent of the column the region belongs to
    right: float
    split: bool = False       # the region is one side of a cut page
    cell: bool = False        # a cell of a ruled table (its lines are one cell's text)
    rows: list[list[Run]] | None = None     # its runs by baseline, when the cut already has them
    table: int = 0            # the ruled table (1, 2, … on its page) the cell belongs to; 0: none
    row: int = 0              # the cell's row in that table


_X0 = attrgetter("x0")
_Y = attrgetter("y")

Rules = Callable[[], tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]]


def rows_of(runs: Sequence[Run]) -> list[list[Run]]:
    """Runs top to bottom, grouped around the baseline of each row's largest text; a raised
    small run joins the row below it. A run off the row's baseline that lies over or under a run of the row (their x-ranges
    overlap) is on another line: labels stacked closer than a line's height, such as the
    category names beside a bar chart, are not run together into one line."""
    # top down, left to right on one baseline (two stable sorts: no key tuple per run)
    ordered = sorted(runs, key=_X0)
    ordered.sort(key=_Y, reverse=True)
    rows: list[list[Run]] = []
    cur: list[Run] = []
    big = base_y = 0.0
    for r in ordered:
        if cur and base_y - r.y <= 0.5 * max(big, r.size) and not (
                abs(base_y - r.y) > 0.15 * r.size and _stacked(r, cur)):
            cur.append(r)
            if r.size > big:
                big, base_y = r.size, r.y
        else:
            if cur:
                rows.append(cur)
            cur, big, base_y = [r], r.size, r.y
    if cur:
        rows.append(cur)
    return rows


def _stacked(r: Run, row: list[Run]) -> bool:
    """r overlaps (by more than half a point) a run of the row on another baseline. Only the
    row's last runs are looked at, so a hostile row of thousands of runs stays linear."""
    for o in row[-_STACK_SCAN:]:
        over = min(r.x1, o.x1) - max(r.x0, o.x0)
        if over > max(0.5, 0.05 * min(r.x1 - r.x0, o.x1 - o.x0)) and abs(o.y - r.y) > 0.15 * min(r.size, o.size):
            return True
    return False


def _row_size(row: list[Run]) -> float:
    weight: dict[float, int] = {}
    for r in row:
        k = round(r.size * 2) / 2
        weight[k] = weight.get(k, 0) + len(r.text)
    return max(weight, key=weight.get)


def _spans(row: list[Run], bridge: float) -> list[tuple[float, float]]:
    """The x-intervals a row covers, word gaps narrower than ``bridge`` bridged."""
    out: list[list[float]] = []
    for r in sorted(row, key=_X0):
        if out and r.x0 - out[-1][1] < bridge:
            out[-1][1] = max(out[-1][1], r.x1)
        else:
            out.append([r.x0, r.x1])
    return [(a, b) for a, b in out]


def _gutter(rows: list[list[Run]], tried: Sequence[tuple[float, float]] = ()) -> tuple[float, float, float, float] | None:
    """The x-range that most rows leave open between text on both sides and fewest rows
    cover (a column gutter, not the gap after a label that the text below runs through);
    three rows at least must agree. Returned with the whole open stretch around it (where
    the score stays above zero); stretches in ``tried`` (gutters that cut nothing) are not
    offered again. Difference arrays over 1-pt bins: linear in the rows."""
    spans = [_spans(row, 1.2 * _row_size(row)) for row in rows]
    lo = int(min(sp[0][0] for sp in spans))
    width = int(max(sp[-1][1] for sp in spans)) - lo + 2
    votes = [0] * (width + 1)
    cover = [0] * (width + 1)
    for sp in spans:
        for a, b in sp:
            cover[int(a) - lo] += 1
            cover[int(b) - lo + 1] -= 1
        for (_, a), (b, _) in zip(sp, sp[1:]):
            votes[int(a) - lo + 1] += 1
            votes[int(b) - lo] -= 1
    best, at = 0, []
    v = c = 0
    skip = [0] * (width + 1)
    for a, b in tried:
        for x in range(max(0, int(a) - lo), min(width, int(b) - lo + 1)):
            skip[x] = 1
    scores = [0] * (width + 1)
    for x in range(width):
        v += votes[x]
        c += cover[x]
        score = scores[x] = v - c if v >= _MIN_SUPPORT and not skip[x] else 0
        if score > best:
            best, at = score, [x]
        elif score == best and score > 0:
            at.append(x)
    if not at:
        return None
    # the widest plateau of the best score
    x_lo = x_hi = run_lo = at[0]
    for prev, x in zip(at, at[1:] + [None]):
        if x is None or x != prev + 1:
            if prev - run_lo > x_hi - x_lo:
                x_lo, x_hi = run_lo, prev
            if x is not None:
                run_lo = x
    h_lo, h_hi = x_lo, x_hi
    while h_lo > 0 and scores[h_lo - 1] > 0:
        h_lo -= 1
    while scores[h_hi + 1] > 0:
        h_hi += 1
    return float(x_lo + lo), float(x_hi + lo + 1), float(h_lo + lo), float(h_hi + lo + 1)


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
    if hi - lo < 0.25 * width or _chars(rows) / len(rows) < 8:
        return False
    # most rows one stretch of words (a row of a chart's labels and values has open space
    # between them; a form's label and value may too, but not on most of its rows)
    return sum(len(_spans(row, 1.2 * _row_size(row))) == 1 for row in rows) * 2 > len(rows)


def _slabs(rows: list[list[Run]], cuts: list[float], m: float) -> list[list[list[Run]]]:
    """Rows grouped between horizontal rules and shared vertical gaps (table rows). Where the
    lines on the left of ``m`` stand on the baselines of lines on the right (labels, each with
    its value beside it; a wrapped label's second line is the exception), each label opens a
    row too, and its value is read after it."""
    if not rows:
        return []
    tops = [max(r.y + 0.8 * r.size for r in row) for row in rows]
    bots = [min(r.y - 0.25 * r.size for r in row) for row in rows]
    gaps = sorted(bots[k] - tops[k + 1] for k in range(len(rows) - 1))
    typical = gaps[len(gaps) // 2] if gaps else 0.0
    paired = [_sides_aligned(row, m) for row in rows]
    pairs, alone = paired.count(True), paired.count(False)
    labels = pairs >= 2 and pairs >= 2 * alone and _narrow_left(rows, m)
    out: list[list[list[Run]]] = [[rows[0]]]
    for k in range(1, len(rows)):
        ruled = any(tops[k] <= y <= bots[k - 1] for y in cuts)
        wide = bots[k - 1] - tops[k] > max(typical * 2.5, typical + 0.6 * _row_size(rows[k]))
        if ruled or wide or labels and paired[k]:
            out.append([])
        out[-1].append(rows[k])
    return out


def _narrow_left(rows: list[list[Run]], m: float) -> bool:
    """The text left of ``m`` takes at most half the width of the text right of it (labels,
    not the first of two columns of running text that wrap side by side)."""
    left = [r for row in rows for r in row if r.x1 <= m]
    right = [r for row in rows for r in row if r.x0 >= m]
    if not left or not right:
        return False
    return max(r.x1 for r in left) - min(r.x0 for r in left) <= 0.5 * (max(r.x1 for r in right) - min(r.x0 for r in right))


def _side_y(runs: list[Run]) -> float:
    """The baseline of the largest text among ``runs``."""
    return max(runs, key=lambda r: (r.size, -r.y)).y


def _sides_aligned(row: list[Run], m: float) -> bool | None:
    """Whether the text left of ``m`` and the text right of it share a baseline: None when the
    row has text on the right only, False when on the left only (a wrapped label's next line)."""
    left = [r for r in row if r.x1 <= m]
    right = [r for r in row if r.x0 >= m]
    if not left:
        return None
    if not right:
        return False
    return abs(_side_y(left) - _side_y(right)) <= 0.2 * min(_row_size(left), _row_size(right))


_ANCHOR = "\ufffc"         # stands for a ruled table in the cut; never reaches the text


def regions(runs: Sequence[Run], rules: Rules | None = None) -> list[Region]:
    """The page's runs as regions in reading order."""
    if not runs:
        return []
    cache: dict[str, tuple] = {}

    def get_rules():
        if "r" not in cache:
            cache["r"] = rules() if rules else ([], [])
        return cache["r"]

    tables = ruled_tables(runs, *get_rules()) if rules else []
    anchors: dict[int, RuledTable] = {}
    if tables:
        taken = {id(r) for t in tables for cell in t.cells for r in cell}
        runs = [r for r in runs if id(r) not in taken]
        for t in tables:
            a = _anchor_run(t)
            anchors[id(a)] = t
            runs.append(a)
    rows = rows_of(runs)
    lo = min(r.x0 for r in runs)
    hi = max(r.x1 for r in runs)
    out: list[Region] = []
    _cut(rows, lo, hi, False, 0, get_rules, out)
    return _expand(out, anchors) if anchors else out


def _expand(out: list[Region], anchors: dict[int, "RuledTable"]) -> list[Region]:
    """Each table anchor gives way to the table's cells, in their order."""
    done: list[Region] = []
    number: dict[int, int] = {}
    for reg in out:
        if anchors.keys().isdisjoint(map(id, reg.runs)):
            done.append(reg)
            continue
        pending: list[Run] = []
        for row in rows_of(reg.runs):
            marks = sorted((r for r in row if id(r) in anchors), key=lambda r: r.x0)
            if not marks:
                pending += row
                continue
            if pending:
                done.append(Region(pending, reg.left, reg.right, reg.split))
                pending = []
            for a in marks:
                t = anchors[id(a)]
                k = number.setdefault(id(t), len(number) + 1)
                for cell, (left, _), r_no in zip(t.cells, t.bounds, t.rows):
                    # a cell's text ends where its longest line ends, short of the rule
                    done.append(Region(cell, left, max(r.x1 for r in cell), True, True, table=k, row=r_no))
            pending += [r for r in row if id(r) not in anchors]
        if pending:
            done.append(Region(pending, reg.left, reg.right, reg.split))
    return done


def _emit(rows: list[list[Run]], lo: float, hi: float, split: bool, out: list[Region], cell: bool = False) -> None:
    rows = [row for row in rows if row]
    if rows:
        out.append(Region([r for row in rows for r in row], lo, hi, split, cell, rows))


def _cut(rows: list[list[Run]], lo: float, hi: float, split: bool, depth: int, rules, out: list[Region]) -> None:
    """Cut at the best gutter; when it cuts nothing (the open stripe between a chart's labels
    and their values), at the next best ones: side-by-side blocks have a gutter of their own."""
    tried: list[tuple[float, float]] = []
    while depth < _MAX_DEPTH and len(rows) >= _MIN_SUPPORT and len(tried) < _TRIES:
        g = _gutter(rows, tried)
        if g is None:
            break
        if _cut_at(rows, (g[0] + g[1]) / 2, lo, hi, split, depth, rules, out):
            return
        tried.append(g[2:])
    _emit(rows, lo, hi, split, out)


def _cut_at(rows: list[list[Run]], m: float, lo: float, hi: float, split: bool, depth: int, rules,
            out: list[Region]) -> bool:
    """Cut the rows at the gutter through ``m``; False (nothing written) when no stretch of
    them is columns or a ruled table there."""
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
    for b, (crossing, band) in enumerate(bands):
        if not crossing:
            left = [[r for r in row if r.x1 <= m] for row in band]
            right = [[r for r in row if r.x0 >= m] for row in band]
            left, right = [x for x in left if x], [x for x in right if x]
            apart = _set_off(band, bands[b - 1][1][-1] if b else None, bands[b + 1][1][0] if b + 1 < len(bands) else None)
            kind = _kind(band, left, right, m, width, rules, apart)
            tail: list[list[Run]] = []
            if kind == "columns":
                band, tail = _columns_end(band, m, width, rules)
                left = [x for x in ([r for r in row if r.x1 <= m] for row in band) if x]
                right = [x for x in ([r for r in row if r.x0 >= m] for row in band) if x]
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
                    for slab in _slabs(band, _h_cuts(band, m, rules), m):
                        for side in ([[r for r in row if r.x1 <= m] for row in slab],
                                     [[r for r in row if r.x0 >= m] for row in slab]):
                            side = [x for x in side if x]
                            if side:
                                _emit(side, min(r.x0 for x in side for r in x), max(r.x1 for x in side for r in x),
                                      True, out, cell=True)
                pending = tail         # what follows the columns' end is read after both of them
                continue
        pending += band
    if not found:
        return False
    if pending:
        _cut(pending, lo, hi, split, depth + 1, rules, out)
    return True


def _columns_end(band: list[list[Run]], m: float, width: float, rules) -> tuple[list[list[Run]], list[list[Run]]]:
    """The band of columns, and the rows after a gap across its whole width (three typical row
    gaps at least) that do not go on as columns themselves: the columns end at that gap (a
    heading under both columns belongs to what follows them, not to the left column)."""
    if len(band) < 4:
        return band, []
    tops = [max(r.y + 0.8 * r.size for r in row) for row in band]
    bots = [min(r.y - 0.25 * r.size for r in row) for row in band]
    gaps = [bots[k - 1] - tops[k] for k in range(1, len(band))]
    typical = max(sorted(gaps)[len(gaps) // 2], 0.0)
    for k in range(len(band) - 1, 0, -1):
        if gaps[k - 1] > max(3 * typical, typical + 1.5 * _row_size(band[k])):
            tail = band[k:]
            left = [x for x in ([r for r in row if r.x1 <= m] for row in tail) if x]
            right = [x for x in ([r for r in row if r.x0 >= m] for row in tail) if x]
            head = band[:k]
            if _kind(tail, left, right, m, width, rules) == "columns" or \
                    not any(r.x1 <= m for row in head for r in row) or not any(r.x0 >= m for row in head for r in row):
                return band, []
            return head, tail
    return band, []


def _h_cuts(band: list[list[Run]], m: float, rules) -> list[float]:
    _, horizontal = rules()
    top = max(r.y + r.size for r in band[0])
    bottom = min(r.y - r.size for r in band[-1])
    return [y for y, a, b in horizontal if bottom <= y <= top and a < m < b]


def _set_off(band: list[list[Run]], above: list[Run] | None, below: list[Run] | None) -> bool:
    """The band stands apart from the rows across the gutter above and below it: the space
    between is wider than the band's own row gaps (a block of its own, not rows of a list
    that a long label on the next row happens to interrupt)."""
    tops = [max(r.y + 0.8 * r.size for r in row) for row in band]
    bots = [min(r.y - 0.25 * r.size for r in row) for row in band]
    gaps = sorted(bots[k] - tops[k + 1] for k in range(len(band) - 1))
    typical = max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0
    if above is not None and min(r.y - 0.25 * r.size for r in above) - tops[0] < \
            max(2 * typical, typical + 0.5 * _row_size(band[0])):
        return False
    return below is None or bots[-1] - max(r.y + 0.8 * r.size for r in below) >= \
        max(2 * typical, typical + 0.5 * _row_size(band[-1]))


def _kind(band, left, right, m: float, width: float, rules, apart: bool = True) -> str | None:
    """columns, table (ruled, read cell by cell) or None (leave the rows whole)."""
    if not left or not right:
        return None
    vertical, horizontal = rules()
    top = max(r.y + r.size for r in band[0])
    bottom = min(r.y - r.size for r in band[-1])
    l_hi = max(r.x1 for row in left for r in row)
    r_lo = min(r.x0 for row in right for r in row)
    down = [(x, a, b) for x, a, b in vertical
            if l_hi - 1 <= x <= r_lo + 1 and min(b, top) - max(a, bottom) >= 0.5 * (top - bottom)]
    # (past a chart's grid worth of pairs, a rule is taken as drawn, axis or not)
    ruled = bool(down) and (len(down) * len(horizontal) > _MAX_PAIRS or
                            any(not _axis(x, a, b, horizontal) for x, a, b in down))
    if ruled and len(band) >= 2:
        return "table"
    text_l, text_r = _text_side(left, width), _text_side(right, width)
    if text_l and text_r:
        return "columns"
    # one side a text column, the other a strip of short items whose baselines keep no step
    # with it (the tick labels of a chart beside a paragraph): two regions, not merged rows
    if text_l or text_r:
        both = [row for row in band if any(r.x1 <= m for r in row) and any(r.x0 >= m for r in row)]
        if len(both) >= _MIN_SUPPORT and sum(not _sides_aligned(row, m) for row in both) * 2 > len(both):
            return "columns"
    # two strips of short items set off from the rows around them, most lines of each on no
    # baseline of the other (the labelled bars of charts side by side): blocks of their own;
    # a table's label stands on the baseline of its value
    fewer = min(len(left), len(right))
    if apart and fewer >= _MIN_SUPPORT and sum(_facing(row, m) for row in band) * 2 < fewer:
        return "columns"
    return None


def _axis(x: float, a: float, b: float, horizontal) -> bool:
    """The rule from (x, a) to (x, b) is a chart's axis: the other axis starts at one of its
    ends and runs off to one side, and no rule crosses it (a table's rules meet its inner
    rules from both sides)."""
    corner = any((abs(y - a) <= _TOL or abs(y - b) <= _TOL) and (abs(h0 - x) <= _TOL or abs(h1 - x) <= _TOL)
                 for y, h0, h1 in horizontal)
    return corner and not any(h0 < x - _TOL and h1 > x + _TOL and a - _TOL <= y <= b + _TOL
                              for y, h0, h1 in horizontal)


def _facing(row: list[Run], m: float) -> bool:
    """The runs either side of ``m`` that face each other across it share a baseline (a label
    and its value; runs further out may belong to other blocks of the same row)."""
    left = [r for r in row if r.x1 <= m]
    right = [r for r in row if r.x0 >= m]
    if not left or not right:
        return False
    a, b = max(left, key=lambda r: r.x1), min(right, key=_X0)
    return abs(a.y - b.y) <= 0.2 * max(a.size, b.size)


# ----------------------------------------------------------------- ruled tables

@dataclass(slots=True)
class RuledTable:
    x0: float
    x1: float
    y0: float
    y1: float
    cells: list[list[Run]]                    # in reading order: rows top down, cells left to right
    bounds: list[tuple[float, float]]         # x extent of each cell
    rows: list[int] = field(default_factory=list)   # the row of each cell (cells sharing a top rule)


_TOL = 2.0
_MAX_PAIRS = 40_000          # rule pairs a page may cost (a chart's grid is not worth more)


def _components(vertical, horizontal) -> list[tuple[list, list]]:
    """Groups of vertical and horizontal rules that touch one another."""
    parent = list(range(len(vertical) + len(horizontal)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    nv = len(vertical)
    by_y = sorted(range(len(horizontal)), key=lambda j: horizontal[j][0])
    ys = [horizontal[j][0] for j in by_y]
    for i, (x, a, b) in enumerate(vertical):
        for k in range(bisect.bisect_left(ys, a - _TOL), bisect.bisect_right(ys, b + _TOL)):
            j = by_y[k]
            if horizontal[j][1] - _TOL <= x <= horizontal[j][2] + _TOL:
                parent[find(i)] = find(nv + j)
    groups: dict[int, tuple[list, list]] = {}
    for i in range(len(parent)):
        g = groups.setdefault(find(i), ([], []))
        (g[0] if i < nv else g[1]).append(vertical[i] if i < nv else horizontal[i - nv])
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def ruled_tables(runs: Sequence[Run], vertical, horizontal) -> list[RuledTable]:
    """Tables drawn with rules: each run goes to the cell whose four rules enclose it, a
    merged cell being simply the box no inner rule crosses."""
    if len(vertical) < 2 or len(horizontal) < 2 or len(vertical) * len(horizontal) > _MAX_PAIRS:
        return []
    out: list[RuledTable] = []
    centers = [((r.x0 + r.x1) / 2, r.y + 0.3 * r.size, r) for r in runs]
    for vs, hs in _components(vertical, horizontal):
        # a table may leave its outer sides open: its extent is that of all its rules
        x0, x1 = min(min(v[0] for v in vs), min(h[1] for h in hs)), max(max(v[0] for v in vs), max(h[2] for h in hs))
        y0, y1 = min(min(h[0] for h in hs), min(v[1] for v in vs)), max(max(h[0] for h in hs), max(v[2] for v in vs))
        inside = [c for c in centers if x0 < c[0] < x1 and y0 < c[1] < y1]
        if len(inside) < 2:
            continue
        vs = sorted(vs)
        hs = sorted(hs)
        vx = [v[0] for v in vs]
        hy = [h[0] for h in hs]
        cells: dict[tuple, list[Run]] = {}
        memo: dict[tuple, tuple[float, float]] = {}
        of_key: dict[tuple, list[Run]] = {}
        bisect_right = bisect.bisect_right
        for cx, cy, r in inside:
            # runs on one baseline between the same rules share their lookups (and their cell)
            kv = bisect_right(vx, cx)
            kh = bisect_right(hy, cy)
            key = (kv, round(cy), kh)
            cell = of_key.get(key)
            if cell is None:
                key_v = key[:2]
                if key_v not in memo:
                    memo[key_v] = (_nearest(vs, range(kv - 1, -1, -1), cy, x0),
                                   _nearest(vs, range(kv, len(vs)), cy, x1))
                left, right = memo[key_v]
                key_h = (kh, left, right)
                if key_h not in memo:
                    mid = (left + right) / 2
                    memo[key_h] = (_nearest(hs, range(kh - 1, -1, -1), mid, y0), _nearest(hs, range(kh, len(hs)), mid, y1))
                bottom, top = memo[key_h]
                cell = of_key[key] = cells.setdefault((-round(top, 1), round(left, 1), right, bottom), [])
            cell.append(r)
        if len(cells) < 2:
            continue
        centers = [c for c in centers if not (x0 < c[0] < x1 and y0 < c[1] < y1)]     # the rest: not inside
        keys = sorted(cells)
        tops = sorted({k[0] for k in keys})
        out.append(RuledTable(x0, x1, y0, y1, [cells[k] for k in keys], [(k[1], k[2]) for k in keys],
                              [tops.index(k[0]) for k in keys]))
    return out


def _nearest(rules, order, at: float, default: float) -> float:
    """The first rule, walking outwards in ``order``, whose span covers ``at``."""
    for k in order:
        pos, a, b = rules[k]
        if a - _TOL <= at <= b + _TOL:
            return pos
    return default


def _anchor_run(t: RuledTable) -> Run:
    from .pdf_lines import Run
    return Run(_ANCHOR, t.x0, t.x1, t.y1 - 1.0, 1.0, False)
