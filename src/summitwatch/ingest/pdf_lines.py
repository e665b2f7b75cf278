"""PDF page -> lines of text with position, font size and weight (pdfium, page by page).

pdfium's text page gives characters in content order with the text object each belongs to.
Characters of one text object form a *run*: one font, one size, one baseline. Per character
we make only the one call that finds its object; positions, sizes and weights are asked once
per run, which keeps extraction close to pdfium's own character-level speed.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import compress, islice, repeat
from operator import attrgetter, eq, ne

import pypdfium2.raw as pdfium_c

from .canon import marker as canon_marker
from .pdf_calls import NULL, address, ffi, handle, lib
from .pdf_layout import regions, rows_of

try:  # the same two loops compiled (setup.py builds them where a C compiler is present)
    from . import _pdfwalk as _walk
except ImportError:  # pragma: no cover - depends on the machine that installed summitwatch
    _walk = None
_RUN_CALLS = tuple(map(address, ("FPDFText_GetTextObject", "FPDFText_GetCharOrigin", "FPDFText_GetCharBox",
                                 "FPDFText_GetFontSize", "FPDFText_GetMatrix", "FPDFText_GetFontWeight")))
_OBJECT_CALLS = tuple(map(address, ("FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFPageObj_GetType",
                                    "FPDFPageObj_GetBounds")))

# a raised run of digits (or a footnote sign) in a smaller font is a footnote marker
_MARK_NO = re.compile(r"\d{1,3}")
_MARKER_TEXT = re.compile(r"^\s*(?:\d{1,3}(?:\s*[,\-–]\s*\d{1,3})*|[*†‡])\)?\s*$")


@dataclass(slots=True)
class Run:
    text: str
    x0: float
    x1: float
    y: float          # baseline
    size: float       # effective font size in points
    bold: bool


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    page: int
    segments: list[tuple[float, str]] = field(default_factory=list)   # cells split at wide gaps
    lead_marker: bool = False      # the line starts with a raised number (a footnote body's label)
    col_left: float = 0.0          # x extent of the column or cell the line stands in
    col_right: float = 0.0
    region: int = 0                # index of its layout region on the page
    split: bool = False            # in a column of a page cut by a gutter
    cell: bool = False             # in a cell of a ruled table
    marks: tuple[int, ...] = ()    # numbers of the raised footnote markers inside the line
    table: int = 0                 # the ruled table of its cell on the page (0: none) and the cell's row
    row: int = 0


def _page_text(h, n: int) -> str:
    buf = ffi.new("unsigned short[]", n + 1)
    got = lib.FPDFText_GetText(h, 0, n, buf)
    text = ffi.buffer(buf)[: 2 * max(0, got - 1)].decode("utf-16-le", "replace") if got > 0 else ""
    if len(text) != n:  # pdfium inserted or dropped characters: ask one by one
        text = "".join(chr(lib.FPDFText_GetUnicode(h, i) or 0xFFFD) for i in range(n))
    return text


def page_runs(textpage) -> list[Run]:
    h = handle(textpage)
    n = lib.FPDFText_CountChars(h)
    if n <= 0:
        return []
    text = _page_text(h, n)
    if _walk is not None:
        return _walk.runs(_RUN_CALLS, int(ffi.cast("uintptr_t", h)), text, Run, math.hypot)
    # one call per character finds its object; the loops over them run in C (map, compress)
    objs = list(map(lib.FPDFText_GetTextObject, repeat(h, n), range(n)))
    starts = [0, *compress(range(1, n), map(ne, islice(objs, 1, None), objs))]
    runs: list[Run] = []
    # what a run asks lands in two arrays, read back at once through memoryviews
    at = ffi.new("double[6]")            # origin x, y of its first character; box of its last
    where = memoryview(ffi.buffer(at)).cast("d")
    px, py, pl, pr, pb, pt = at, at + 1, at + 2, at + 3, at + 4, at + 5
    m = ffi.new("FS_MATRIX*")
    matrix = memoryview(ffi.buffer(m)).cast("f")
    get_origin, get_box, get_size = lib.FPDFText_GetCharOrigin, lib.FPDFText_GetCharBox, lib.FPDFText_GetFontSize
    get_matrix, get_weight = lib.FPDFText_GetMatrix, lib.FPDFText_GetFontWeight
    hypot = math.hypot
    for i, j in zip(starts, [*starts[1:], n]):
        if objs[i] == NULL:
            continue
        s = text[i:j]
        if s.isspace():
            continue
        get_origin(h, i, px, py)
        get_box(h, j - 1, pl, pr, pb, pt)
        size = get_size(h, i)
        if get_matrix(h, i, m):
            _, _, c, d, _, _ = matrix
            scale = hypot(c, d)
            if scale > 0:
                size *= scale
        x0, y, _, right, _, _ = where
        runs.append(Run(s, x0, x0 if x0 > right else right, y, size, get_weight(h, i) >= 600))
    return runs


def _line_of(runs: list[Run], page: int) -> Line:
    # (the per-line hot path of the reader: one pass for sizes, one for the words)
    weight: dict[float, int] = {}
    total = bold_chars = 0
    for r in runs:
        k = len(r.text.strip())
        key = round(r.size * 2) / 2
        weight[key] = weight.get(key, 0) + k
        total += k
        if r.bold:
            bold_chars += k
    if len(weight) > 1:
        size = max(weight, key=weight.get)
        base_y = min([r.y for r in runs if abs(r.size - size) <= 0.5] or [runs[0].y])
    else:                      # one size (to the half point): every run is within 0.5 of it
        size = key
        base_y = min([r.y for r in runs])
    if len(runs) > 1:
        runs = sorted(runs, key=_X0)
    segments: list[tuple[float, list[str]]] = []
    lead_marker = False
    marks: list[int] = []
    small, raise_, wide, narrow = size * 0.85, size * 0.12, size * 2.0, size * 0.2
    first = runs[0]
    x1 = prev_x1 = first.x1
    for r in runs:
        marker = r.size <= small and r.y - base_y >= raise_ and _MARKER_TEXT.match(r.text) is not None
        t = r.text.strip() if marker else r.text
        if r is first:
            if marker:
                t, lead_marker = t + " ", True
            segments.append((r.x0, [t]))
        elif marker:
            # glued to the word it follows, each number placed as a marker for structure
            segments[-1][1].append(_MARK_NO.sub(lambda m: canon_marker(int(m.group())), t))
            marks.extend(int(d) for d in _MARK_NO.findall(t))
        else:
            gap = r.x0 - prev_x1
            if gap > wide:                     # a wide gap: the next table cell
                segments.append((r.x0, [t]))
            elif gap > narrow:
                segments[-1][1].append(" " + t)
            else:
                segments[-1][1].append(t)
        prev_x1 = r.x1
        if prev_x1 > x1:
            x1 = prev_x1
    # each run of whitespace made one space (str.split's whitespace is the regex \s: same text)
    cells = [(x0, " ".join("".join(p).split())) for x0, p in segments]
    cells = [c for c in cells if c[1]]
    text = " ".join([c for _, c in cells])
    return Line(text=text, x0=first.x0, x1=x1, y=base_y, size=size,
                bold=bold_chars * 2 > (total or 1), page=page,
                segments=cells, lead_marker=lead_marker, marks=tuple(marks))


_X0 = attrgetter("x0")


def page_lines(runs: list[Run], page: int, graphics: "Graphics | None" = None) -> list[Line]:
    """Lines in reading order: the page's layout regions (columns, table cells) in order,
    each region's lines top to bottom; a raised small run joins the line it sits above."""
    if not runs:
        return []
    rules = (lambda: (graphics.vertical, graphics.horizontal)) if graphics else None
    lines: list[Line] = []
    for k, reg in enumerate(regions(runs, rules)):
        for row in reg.rows or rows_of(reg.runs):
            ln = _line_of(row, page)
            if ln.text:
                ln.col_left, ln.col_right, ln.region, ln.split, ln.cell = reg.left, reg.right, k, reg.split, reg.cell
                ln.table, ln.row = reg.table, reg.row
                lines.append(ln)
    return lines


@dataclass(slots=True)
class Graphics:
    """What a page draws besides text: rules (x or y, from, to) and how many images."""
    vertical: list[tuple[float, float, float]] = field(default_factory=list)
    horizontal: list[tuple[float, float, float]] = field(default_factory=list)
    images: int = 0


def page_graphics(page) -> Graphics:
    """Thin path objects as rules, and the images, of a page's top level (raw calls: a page
    may hold thousands of objects)."""
    g = Graphics()
    h = handle(page)
    if _walk is not None:
        g.images, g.vertical, g.horizontal = _walk.graphics(
            _OBJECT_CALLS, int(ffi.cast("uintptr_t", h)), pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE)
        return g
    n = lib.FPDFPage_CountObjects(h)
    objs = list(map(lib.FPDFPage_GetObject, repeat(h, n), range(n)))
    kinds = list(map(lib.FPDFPageObj_GetType, objs))
    g.images = kinds.count(pdfium_c.FPDF_PAGEOBJ_IMAGE)
    # the four bounds land in one array, read back at once through a memoryview
    box = ffi.new("float[4]")
    view = memoryview(ffi.buffer(box)).cast("f")
    paths = compress(objs, map(eq, kinds, repeat(pdfium_c.FPDF_PAGEOBJ_PATH)))
    vertical, horizontal = g.vertical, g.horizontal
    for ok in map(lib.FPDFPageObj_GetBounds, paths, repeat(box), repeat(box + 1), repeat(box + 2), repeat(box + 3)):
        if ok:
            x0, y0, x1, y1 = view
            if x1 - x0 <= 2.5 and y1 - y0 >= 10:
                vertical.append(((x0 + x1) / 2, y0, y1))
            elif y1 - y0 <= 2.5 and x1 - x0 >= 10:
                horizontal.append(((y0 + y1) / 2, x0, x1))
    return g
