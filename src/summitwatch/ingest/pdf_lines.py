"""PDF page -> lines of text with position, font size and weight (pdfium, page by page).

pdfium's text page gives characters in content order with the text object each belongs to.
Characters of one text object form a *run*: one font, one size, one baseline. Per character
we make only the one call that finds its object; positions, sizes and weights are asked once
per run, which keeps extraction close to pdfium's own character-level speed.
"""
from __future__ import annotations

import ctypes
import math
import re
from ctypes import POINTER, c_double, c_int, c_uint, c_ushort, c_void_p
from dataclasses import dataclass, field
from itertools import compress, islice, repeat
from operator import eq, ne

import pypdfium2.raw as pdfium_c

from .canon import marker as canon_marker
from .pdf_layout import regions, rows_of

try:  # private prototypes with plain void* handles: cheaper per call than the typed bindings
    from pypdfium2_raw.bindings import _libs as _pdfium_libs
    _LIB = _pdfium_libs["pdfium"]
except (ImportError, KeyError):  # pragma: no cover - layout of pypdfium2 5.x
    _LIB = None


def _proto(name, restype, *argtypes):
    if _LIB is None:  # pragma: no cover
        return getattr(pdfium_c, name)
    f = _LIB[name]
    f.restype = restype
    f.argtypes = argtypes
    return f


_PD = POINTER(c_double)
_get_obj = _proto("FPDFText_GetTextObject", c_void_p, c_void_p, c_int)
_get_text = _proto("FPDFText_GetText", c_int, c_void_p, c_int, c_int, c_void_p)
_get_unicode = _proto("FPDFText_GetUnicode", c_uint, c_void_p, c_int)
_get_origin = _proto("FPDFText_GetCharOrigin", c_int, c_void_p, c_int, _PD, _PD)
_get_box = _proto("FPDFText_GetCharBox", c_int, c_void_p, c_int, _PD, _PD, _PD, _PD)
_get_size = _proto("FPDFText_GetFontSize", c_double, c_void_p, c_int)
_get_matrix = _proto("FPDFText_GetMatrix", c_int, c_void_p, c_int, POINTER(pdfium_c.FS_MATRIX))
_get_weight = _proto("FPDFText_GetFontWeight", c_int, c_void_p, c_int)

# a raised run of digits (or a footnote sign) in a smaller font is a footnote marker
_SPACES = re.compile(r"\s+")
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
    buf = (c_ushort * (n + 1))()
    got = _get_text(h, 0, n, buf)
    text = bytes(buf)[: 2 * max(0, got - 1)].decode("utf-16-le", "replace") if got > 0 else ""
    if len(text) != n:  # pdfium inserted or dropped characters: ask one by one
        text = "".join(chr(_get_unicode(h, i) or 0xFFFD) for i in range(n))
    return text


def page_runs(textpage) -> list[Run]:
    h = ctypes.cast(textpage.raw, c_void_p)
    n = textpage.count_chars()
    if n <= 0:
        return []
    text = _page_text(h, n)
    # one call per character finds its object; the loops over them run in C (map, compress)
    objs = list(map(_get_obj, repeat(h, n), range(n)))
    starts = [0, *compress(range(1, n), map(ne, islice(objs, 1, None), objs))]
    runs: list[Run] = []
    x, y = c_double(), c_double()
    left, right, bottom, top = c_double(), c_double(), c_double(), c_double()
    m = pdfium_c.FS_MATRIX()
    get_origin, get_box, get_size, get_matrix, get_weight = _get_origin, _get_box, _get_size, _get_matrix, _get_weight
    hypot = math.hypot
    for i, j in zip(starts, [*starts[1:], n]):
        if objs[i] is None:
            continue
        s = text[i:j]
        if s.isspace():
            continue
        get_origin(h, i, x, y)
        get_box(h, j - 1, left, right, bottom, top)
        size = get_size(h, i)
        if get_matrix(h, i, m):
            scale = hypot(m.c, m.d)
            if scale > 0:
                size *= scale
        x0 = x.value
        runs.append(Run(s, x0, max(right.value, x0), y.value, size, get_weight(h, i) >= 600))
    return runs


def _line_of(runs: list[Run], page: int) -> Line:
    # (the per-line hot path of the reader: one pass for sizes, one for the words)
    lens = [len(r.text.strip()) for r in runs]
    weight: dict[float, int] = {}
    for r, k in zip(runs, lens):
        key = round(r.size * 2) / 2
        weight[key] = weight.get(key, 0) + k
    size = max(weight, key=weight.get) if len(weight) > 1 else next(iter(weight))
    base_y = min([r.y for r in runs if abs(r.size - size) <= 0.5] or [runs[0].y])
    total = sum(lens) or 1
    bold_chars = sum(k for r, k in zip(runs, lens) if r.bold)
    if len(runs) > 1:
        runs = sorted(runs, key=_x0)
    segments: list[tuple[float, list[str]]] = []
    prev: Run | None = None
    lead_marker = False
    marks: list[int] = []
    small, raise_, wide, narrow = size * 0.85, size * 0.12, size * 2.0, size * 0.2
    for r in runs:
        marker = r.size <= small and r.y - base_y >= raise_ and _MARKER_TEXT.match(r.text) is not None
        t = r.text.strip() if marker else r.text
        if prev is None:
            if marker:
                t, lead_marker = t + " ", True
            segments.append((r.x0, [t]))
        elif marker:
            # glued to the word it follows, each number placed as a marker for structure
            segments[-1][1].append(_MARK_NO.sub(lambda m: canon_marker(int(m.group())), t))
            marks.extend(int(d) for d in _MARK_NO.findall(t))
        else:
            gap = r.x0 - prev.x1
            if gap > wide:                     # a wide gap: the next table cell
                segments.append((r.x0, [t]))
            elif gap > narrow:
                segments[-1][1].append(" " + t)
            else:
                segments[-1][1].append(t)
        prev = r
    cells = [(x0, _SPACES.sub(" ", "".join(p)).strip()) for x0, p in segments]
    cells = [c for c in cells if c[1]]
    text = " ".join([c for _, c in cells])
    return Line(text=text, x0=runs[0].x0, x1=max([r.x1 for r in runs]), y=base_y, size=size,
                bold=bold_chars * 2 > total, page=page,
                segments=cells, lead_marker=lead_marker, marks=tuple(marks))


def _x0(r: Run) -> float:
    return r.x0


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


_count_objs = _proto("FPDFPage_CountObjects", c_int, c_void_p)
_get_pobj = _proto("FPDFPage_GetObject", c_void_p, c_void_p, c_int)
_obj_type = _proto("FPDFPageObj_GetType", c_int, c_void_p)
_obj_bounds = _proto("FPDFPageObj_GetBounds", c_int, c_void_p, POINTER(ctypes.c_float), POINTER(ctypes.c_float),
                     POINTER(ctypes.c_float), POINTER(ctypes.c_float))


def page_graphics(page) -> Graphics:
    """Thin path objects as rules, and the images, of a page's top level (raw calls: a page
    may hold thousands of objects)."""
    g = Graphics()
    h = ctypes.cast(page.raw, c_void_p)
    n = _count_objs(h)
    objs = list(map(_get_pobj, repeat(h, n), range(n)))
    kinds = list(map(_obj_type, objs))
    g.images = kinds.count(pdfium_c.FPDF_PAGEOBJ_IMAGE)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds = _obj_bounds
    vertical, horizontal = g.vertical, g.horizontal
    for obj in compress(objs, map(eq, kinds, repeat(pdfium_c.FPDF_PAGEOBJ_PATH))):
        if bounds(obj, left, bottom, right, top):
            x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
            if x1 - x0 <= 2.5 and y1 - y0 >= 10:
                vertical.append(((x0 + x1) / 2, y0, y1))
            elif y1 - y0 <= 2.5 and x1 - x0 >= 10:
                horizontal.append(((y0 + y1) / 2, x0, x1))
    return g
