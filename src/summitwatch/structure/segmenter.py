"""Group physical lines into blocks: paragraphs, headings, tables, footnote bodies.

Extracted text marks its structure differently from one tool to the next: one puts an
empty line after every line and a whitespace-only line between paragraphs, another wraps
with single newlines and separates paragraphs with a blank line, a third writes one
paragraph per line. Rather than assume one convention, the gaps between lines are
measured and the commonest gap is taken as the hard wrap; stronger gaps are paragraph
breaks, weaker ones (a page break that left a lone newline) are decided by content.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field

from .lines import Line, URL_RE, display_width, ends_sentence, is_page_number, is_url_only, split_lines
from .patterns import bullet_of, heading_style, is_caption, is_source_line, is_timestamp, list_marker, section_label
from .tables import hinted_lines, rows_follow

WRAP, PARA, SOFT = "wrap", "para", "soft"
_MAX_WRAP_WIDTH = 130     # display columns: hard-wrapped lines of a page are narrower than this
SEPARATOR = re.compile(r"^\s*[-_─━=＿~]{5,}\s*$")
# After a separator rule, notes may also be numbered "1)" or "1."
class _FirstOf:
    """Try several patterns in turn; each keeps the footnote number in group 1."""

    def __init__(self, *patterns: re.Pattern):
        self.patterns = patterns

    def match(self, s: str):
        for p in self.patterns:
            m = p.match(s)
            if m:
                return m
        return None


# Note bodies written "[3] …" or "주3) …" say what they are whatever precedes them.
_BRACKET_NOTE = re.compile(r"^\[(\d{1,3})\]\s*(?=\S)")
_JU_NOTE = re.compile(r"^주\s?(\d{1,3})\)\s*(?=\S)")
NOTE_START = _FirstOf(_BRACKET_NOTE, _JU_NOTE, re.compile(r"^(\d{1,3})[).]?\s+(?=\S)"))
FOOTNOTE_START = _FirstOf(_BRACKET_NOTE, _JU_NOTE, re.compile(
    r"^(\d{1,3})(?:\s+|(?=[“\"‘'「『<《(\[A-Za-z\u3040-\u30ff\u4e00-\u9fff]))(?=\S)"))


@dataclass(slots=True)
class Segment:
    kind: str                       # paragraph, heading, table, list_item
    lines: list[Line]
    style: str | None = None        # heading style
    level: int | None = None
    # for tables: per line, its role: caption, header, cell, cont, source
    roles: list[str] = field(default_factory=list)
    # for ruled tables (│ … │): rows of (header spans, [spans of each cell]) in source offsets
    grid: list[tuple[list, list[list]]] = field(default_factory=list)
    hint: object = None             # for a table the format stored: its structure.tables.Hint


@dataclass(slots=True)
class FootnoteLines:
    n: int
    lines: list[Line]
    number_end: int                 # offset after the footnote number on its first line


@dataclass(slots=True)
class Segmentation:
    segments: list[Segment]
    footnotes: list[FootnoteLines]
    joiner: "Joiner"
    dropped: list[Line]             # page numbers, running headers, link annotations


class Joiner:
    """How two hard-wrapped lines are joined: with a space, or none inside a split word."""

    def __init__(self, trailing_space_convention: bool):
        self.trailing = trailing_space_convention

    def sep(self, a: Line, b: Line) -> str:
        last = a.text.rstrip()[-1:] if a.text.strip() else ""
        first = b.text.lstrip()[:1]
        if _cjk(last) and _cjk(first):
            return ""              # Japanese and Chinese are written without spaces
        if last == "-" and len(a.text.rstrip()) > 1 and a.text.rstrip()[-2].isalpha() and first.isalpha() \
                and first.islower():
            return ""              # a hyphenated English word split over two lines
        if self.trailing and not a.trailing_space and _hangul(last) and _hangul(first):
            return ""              # the extractor keeps the space it broke at; none means mid-word
        return " "


def _cjk(c: str) -> bool:
    return bool(c) and ("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" or c in "、。「」『』（）")


def _hangul(c: str) -> bool:
    return bool(c) and "\uac00" <= c <= "\ud7a3"


def _gap_signature(lines: list[Line], a: Line, b: Line) -> tuple[int, bool]:
    between = lines[a.index + 1:b.index]
    return len(between), any(x.ws_only for x in between)


def _noise(lines: list[Line], page_breaks: set[int]) -> set[int]:
    """Page numbers and running headers/footers: lines that are not the document's text.

    A repeated short line is a running header or footer only where the text shows its pages
    (form feeds) and every repetition stands next to a page break: elsewhere a repeated line
    may well be content (a table label, a refrain), and dropping content is worse."""
    content = [x for x in lines if not x.blank]
    noise = {x.index for x in content if is_page_number(x.stripped) and not FOOTNOTE_START.match(x.stripped + " x")}
    if not page_breaks:
        return noise
    near: set[int] = set()
    for k, x in enumerate(content):
        if x.start - 1 in page_breaks or x.end in page_breaks:
            near.update(c.index for c in content[max(0, k - 2):k + 3])
    groups: dict[str, list[int]] = {}
    for x in content:
        if display_width(x.stripped) <= 80 and heading_style(x.stripped) is None and len(x.stripped) > 3:
            groups.setdefault(x.stripped, []).append(x.index)
    for idx in groups.values():
        if len(idx) >= 3 and all(i in near for i in idx):
            noise.update(idx)
    return noise


def _strength(sig: tuple[int, bool], base: tuple[int, bool]) -> str:
    n, ws = sig
    if n > base[0] or (ws and not base[1]):
        return PARA
    if n < base[0]:
        return SOFT
    return WRAP


@lru_cache(maxsize=1 << 16)
def _structural(s: str) -> bool:
    return bool(heading_style(s) or is_caption(s) or is_source_line(s) or list_marker(s) or is_timestamp(s)
                or section_label(s))


def segment(text: str, heading_hints: dict[int, int] | None = None,
            footnotes_start: int | None = None, page_breaks: set[int] | None = None,
            tables=None, native: bool = False, list_hints: dict[int, int] | None = None,
            placed_notes: set[int] | None = None) -> Segmentation:
    """``page_breaks``: offsets of line breaks that were form feeds in the input; ``tables``:
    hints of the tables the format stores (taken as they are); ``placed_notes``: numbers of the
    notes a reader wrote after their table, not among the notes after the body; ``native``: a
    reader wrote the text from a format that stores paragraphs and notes, so no page numbers,
    running heads or footnotes are guessed from it."""
    lines = split_lines(text)
    table_at, in_table = hinted_lines(lines, tables)
    noise = set() if native else _noise(lines, page_breaks or set())
    content = [x for x in lines if not x.blank and x.index not in noise]
    dropped = [x for x in lines if x.index in noise]
    if not content:
        return Segmentation([], [], Joiner(False), dropped)

    fn_at = len(content) if native and footnotes_start is None else \
        _footnote_region(content, footnotes_start)
    body, notes = content[:fn_at], content[fn_at:]
    rules = [x for x in body if SEPARATOR.match(x.text) and x.index not in in_table]
    if rules:
        body = [x for x in body if not SEPARATOR.match(x.text) or x.index in in_table]
        dropped += rules
    notes, annotations = _split_annotations(notes, body)
    dropped += annotations

    sigs = [_gap_signature(lines, a, b) for a, b in zip(body, body[1:])]
    # The hard wrap is the commonest gap after a line that stops mid-sentence (in a short
    # document full of headings, paragraph gaps can outnumber wraps overall).
    mid = [sg for sg, a in zip(sigs, body) if not ends_sentence(a.stripped) and not _structural(a.stripped)]
    base = Counter(mid or sigs).most_common(1)[0][0] if sigs else (0, False)
    if native:
        base = (0, False)          # a reader wrote one paragraph per line, a blank line between
    gaps = [_strength(s, base) for s in sigs]
    page_notes, body, straddle = ([], body, set()) if native else \
        _page_footnotes(text, body, gaps, page_breaks or set())
    if page_notes:
        # the body lines left around a footnote block are joined like a page break
        sigs = [_gap_signature(lines, a, b) for a, b in zip(body, body[1:])]
        gaps = [SOFT if k + 1 in straddle else _strength(sg, base) for k, sg in enumerate(sigs)]
        notes = page_notes + notes
    wrap_prev = [a for a, g in zip(body, gaps) if g == WRAP]
    joiner = Joiner(sum(a.trailing_space for a in wrap_prev) > 0.5 * max(1, len(wrap_prev)))
    sentence_ends = sum(ends_sentence(a.stripped) for a in wrap_prev) / max(1, len(wrap_prev))
    has_para = PARA in gaps
    width = {x.index: display_width(x.stripped) for x in body}
    widths = sorted(width.values())
    full = widths[int(len(widths) * 0.9)] if widths else 0
    # Some texts mark a paragraph only by indenting its first line: indented lines are then few,
    # and come after a line that ends a sentence (a hanging indent indents most lines instead).
    indented = [k for k in range(1, len(body)) if gaps[k - 1] == WRAP and body[k].leading_space]
    indent_paragraphs = 2 <= len(indented) <= 0.4 * max(1, gaps.count(WRAP)) and \
        sum(ends_sentence(body[k - 1].stripped) for k in indented) >= 0.6 * len(indented)
    # One paragraph per line: the lines end sentences, or are longer than any page is wide.
    unwrapped = (len(wrap_prev) >= 3 and sentence_ends >= 0.6) or \
        (len(widths) >= 3 and widths[len(widths) // 2] > _MAX_WRAP_WIDTH)

    def short(a: Line) -> bool:
        return width[a.index] < 0.75 * full

    segments: list[Segment] = []
    hints = heading_hints or {}
    i = 0
    while i < len(body):
        line = body[i]
        s = line.stripped
        if line.index in table_at:
            h = table_at[line.index]
            j = i
            while j < len(body) and body[j].index in in_table and body[j].start < h.end:
                j += 1
            part = body[i:max(j, i + 1)]
            roles = ["caption" if h.caption and x.start <= h.caption[0] <= x.end else
                     "source" if h.source and x.start <= h.source[0] <= x.end else "row" for x in part]
            segments.append(Segment("grid", part, "hint", roles=roles, hint=h))
            i = max(j, i + 1)
            continue
        if list_hints and (line.start in list_hints or line.body_start in list_hints):
            segments.append(Segment("list_item", [line], level=list_hints.get(line.start,
                                                                             list_hints.get(line.body_start))))
            i += 1
            continue
        style = heading_style(s)
        if line.start in hints or line.body_start in hints:
            segments.append(Segment("heading", [line], style or "hint",
                                    level=hints.get(line.start, hints.get(line.body_start))))
            i += 1
            continue
        if style and _heading_ok(s, gaps[i] if i < len(gaps) else PARA, display_width(s), full):
            segments.append(Segment("heading", [line], style))
            i += 1
            continue
        grid_end = i if native else _grid_run(body, i)   # a native text's tables come as hints
        if grid_end > i + 1:
            seg = _grid_table(body, i, grid_end, segments)
            i = grid_end
            if i < len(body) and is_source_line(body[i].stripped):
                seg.lines.append(body[i])
                seg.roles.append("source")
                i += 1
            segments.append(seg)
            continue
        if not native and (is_caption(s) or rows_follow(body, i)) and _grid_run(body, i + 1) <= i + 2 and \
                not (i + 1 < len(body) and body[i + 1].index in in_table):
            seg, i = _table(body, gaps, i)
            segments.append(seg)
            continue
        kind = "list_item" if list_marker(s) else "paragraph"
        seg = Segment(kind, [line])
        i += 1
        while i < len(body):
            gap, prev, nxt = gaps[i - 1], body[i - 1], body[i]
            if gap == PARA or unwrapped or nxt.start in hints or nxt.body_start in hints \
                    or nxt.index in in_table:
                break
            if not native and _grid_run(body, i) > i + 1:
                break                      # a ruled table starts here
            if section_label(nxt.stripped) or section_label(prev.stripped):
                break                      # a line that only names a part (요약, 목차) stands alone
            # A heading, caption or bullet opens a block only where the line before could end
            # one: "(2) ..." after a line ending in a comma is an inline enumeration.
            if _structural(nxt.stripped) and (gap != WRAP or ends_sentence(prev.stripped) or short(prev)):
                break
            if indent_paragraphs and gap == WRAP and nxt.leading_space and ends_sentence(prev.stripped):
                break
            # a hard-wrapped line fills the width; one far shorter ended where its author broke
            # it (a title block: series, title, date, author on lines of their own)
            if gap == WRAP and not unwrapped and full and width[prev.index] < 0.5 * full \
                    and not is_url_only(nxt.stripped):
                break
            if gap == SOFT or not has_para:
                if ends_sentence(prev.stripped) and short(prev):
                    break
            seg.lines.append(nxt)
            i += 1
        segments.append(seg)
    footnotes = _footnote_bodies(notes, given=native or footnotes_start is not None, placed=placed_notes)
    return Segmentation(segments, footnotes, joiner, dropped)


_PREFIX = re.compile(r"^\S{1,5}[.)]\s+")
# Ruled tables: rows split by vertical bars, rules drawn with box characters or dashes.
_GRID_BAR = re.compile(r"[│┃|║]")
_GRID_RULE = re.compile(r"^[\s─━┌┐└┘├┤┬┴┼═╔╗╚╝╠╣╦╩╬╞╡╪╒╕╘╛+\-=│┃|║]{3,}$")
# A first row of column labels ("구분 | 내용") names the columns; it is not a row of the table.
_COLUMN_LABELS = {"구분", "분야", "항목", "영역", "부문", "내용", "주요내용", "합의내용", "비고", "주요합의", "세부내용"}


def _grid_row(s: str) -> bool:
    return len(_GRID_BAR.findall(s)) >= 2 and not _GRID_RULE.match(s)


def _grid_run(body: list[Line], i: int) -> int:
    """End of the run of ruled-table lines starting at ``i`` (``i`` when there is none);
    a run needs two rows at least."""
    j, rows = i, 0
    while j < len(body) and (_grid_row(body[j].stripped) or _GRID_RULE.match(body[j].stripped)):
        rows += _grid_row(body[j].stripped)
        j += 1
    return j if rows >= 2 else i


def _cells(line: Line) -> list[tuple[int, int]]:
    """Source spans of the cells of a ruled row (empty cells kept, border cells dropped)."""
    t, base = line.text, line.start
    cuts = [m.start() for m in _GRID_BAR.finditer(t)]
    bounds = [-1] + cuts + [len(t)]
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        seg = t[a + 1:b]
        lead = len(seg) - len(seg.lstrip())
        core = seg.strip()
        spans.append((base + a + 1 + lead, base + a + 1 + lead + len(core)))
    if spans and spans[0][0] == spans[0][1] and cuts and not t[:cuts[0]].strip():
        spans = spans[1:]                      # the left border
    if spans and spans[-1][0] == spans[-1][1]:
        spans = spans[:-1]                     # the right border
    return spans


def _grid_table(body: list[Line], i: int, j: int, segments: list[Segment]) -> Segment:
    seg = Segment("grid", [], roles=[])
    if segments and segments[-1].kind == "paragraph" and len(segments[-1].lines) == 1 and \
            (is_caption(segments[-1].lines[0].stripped) or segments[-1].lines[0].stripped.startswith(
                ("붙임", "[붙임", "<붙임", "〈붙임"))):
        cap = segments.pop()
        seg.lines.append(cap.lines[0])
        seg.roles.append("caption")
    rows: list[tuple[list, list[list]]] = []
    for line in body[i:j]:
        if not _grid_row(line.stripped):
            continue
        spans = _cells(line)
        if not spans:
            continue
        head, rest = spans[0], spans[1:]
        if head[0] == head[1] and rows:         # an empty first column continues the row above
            for k, sp in enumerate(rest):
                if sp[0] < sp[1]:
                    while len(rows[-1][1]) <= k:
                        rows[-1][1].append([])
                    rows[-1][1][k].append(sp)
            continue
        rows.append(([head], [[sp] for sp in rest]))
        seg.lines.append(line)
        seg.roles.append("row")
    seg.grid = _without_labels(seg, rows)
    return seg


def _without_labels(seg: Segment, rows: list) -> list:
    """Drop a first row of column labels ("구분  내용")."""
    if rows:
        line = next(x for x, r in zip(seg.lines, seg.roles) if r == "row")
        a, b = rows[0][0][0]
        if "".join(line.text[a - line.start:b - line.start].split()) in _COLUMN_LABELS:
            seg.roles[seg.roles.index("row")] = "labels"
            return rows[1:]
    return rows


_COLUMN_GAP = re.compile(r"\S {2,}\S")


def _aligned_cells(line: Line) -> list[tuple[int, int]]:
    """Source spans of the columns of a line laid out with runs of spaces."""
    t, base = line.text, line.start
    return [(base + m.start(), base + m.end()) for m in re.finditer(r"\S+(?: \S+)*", t)]


def _aligned_table(seg: Segment, lines: list[Line], source: Line | None) -> Segment:
    """A table whose columns are aligned with spaces, as PDF text extraction often gives."""
    grid = Segment("grid", seg.lines[:1], roles=["caption"])
    rows: list = []
    for x in lines:
        spans = _aligned_cells(x)
        if len(spans) >= 2 and not x.leading_space:
            rows.append(([spans[0]], [[sp] for sp in spans[1:]]))
            grid.lines.append(x)
            grid.roles.append("row")
        elif rows and spans:
            rows[-1][1][-1].append(spans[0] if len(spans) == 1 else (spans[0][0], spans[-1][1]))
    grid.grid = _without_labels(grid, rows)
    if source is not None:
        grid.lines.append(source)
        grid.roles.append("source")
    return grid


_INNER_SENTENCE = re.compile(r"[가-힣][.!?][”’\"')]*\s+\S")


def _heading_ok(s: str, gap_after: str, width: int, full: int) -> bool:
    """A heading-styled line that is really the first line of a wrapped paragraph is not
    a heading: it holds a finished sentence, or fills the line and runs on."""
    if _INNER_SENTENCE.search(_PREFIX.sub("", s, count=1)):
        return False
    return not (gap_after == WRAP and full and width >= 0.85 * full)


def _label(s: str) -> bool:
    """A short category label such as 경제 or 외교안보 (no sentence, no list of things)."""
    return len(s) <= 14 and len(s.split()) <= 3 and not re.search(r"[.,:;()%]", s)


def _indent(line: Line) -> int:
    return line.body_start - line.start


def _table(body: list[Line], gaps: list[str], i: int) -> tuple[Segment, int]:
    """Caption, rows of a category header and its items, and the source line.

    Items are told from headers by their bullet or indentation; where extraction lost the
    bullets (items then start with a space), a short label without one is a header."""
    seg = Segment("table", [body[i]], roles=["caption"])
    i += 1
    lines: list[Line] = []
    source: Line | None = None
    while i < len(body):
        gap, line = gaps[i - 1], body[i]
        s = line.stripped
        if gap == PARA and not is_source_line(s):
            break
        if (heading_style(s) and not bullet_of(s)) or is_caption(s):
            break
        i += 1
        if is_source_line(s):
            source = line
            break
        lines.append(line)
    aligned = [x for x in lines if _COLUMN_GAP.search(x.stripped)]
    if len(aligned) >= 2 and len(aligned) >= 0.6 * len(lines):
        return _aligned_table(seg, lines, source), i
    keys: list[tuple[int, str]] = []
    for x in lines:
        b = bullet_of(x.stripped)
        if b and (_indent(x), b) not in keys:
            keys.append((_indent(x), b))
    outer = min(keys) if len(keys) >= 2 else None
    roles: list[str] = []
    last_bullet_indent = -1
    for k, x in enumerate(lines):
        s, b = x.stripped, bullet_of(x.stripped)
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if b:
            key = (_indent(x), b)
            role = "header" if outer is not None and key == outer and _label(s[1:].strip()) else "cell"
            last_bullet_indent = _indent(x)
        elif 0 <= last_bullet_indent < _indent(x) and roles:
            role = "cont"
        elif x.leading_space and not keys:
            role = "cell"
        elif _label(s) and (nxt is None or nxt.leading_space or bullet_of(nxt.stripped)):
            role = "header"
            last_bullet_indent = -1
        elif roles and roles[-1] in ("cell", "cont"):
            role = "cont"
        else:
            role = "cell"
        roles.append(role)
    seg.lines += lines
    seg.roles += roles
    if source is not None:
        seg.lines.append(source)
        seg.roles.append("source")
    return seg, i


def _footnote_region(content: list[Line], given: int | None) -> int:
    """Index in ``content`` where trailing footnote bodies begin (len(content) if none).

    Footnote bodies at the end of a text run 1, 2, 3 ... at line starts. The region starts at
    the last line numbered 1 after which no heading or caption follows."""
    if given is not None:
        for k, x in enumerate(content):
            if x.end > given:
                return k
    for k in range(len(content) - 1, -1, -1):
        if SEPARATOR.match(content[k].text) and k + 1 < len(content) \
                and NOTE_START.match(content[k + 1].stripped):
            return k + 1
    for k in range(len(content) - 1, -1, -1):
        m = FOOTNOTE_START.match(content[k].stripped)
        if not m or int(m.group(1)) != 1:
            continue
        rest = content[k + 1:]
        if any(heading_style(x.stripped) or is_caption(x.stripped) for x in rest):
            return len(content)
        return k
    return len(content)


def _page_footnotes(text: str, body: list[Line], gaps: list[str],
                    page_breaks: set[int]) -> tuple[list[Line], list[Line], set[int]]:
    """Footnote bodies printed at the foot of each page, between stretches of body text.

    A line opens such a block when it starts with the next footnote number, a marker with
    that number stands in the text before it, and it does not continue a wrapped line, or
    the block it opens runs to a page break (form feed). The block runs over wrapped lines
    and following footnotes; the body resumes after it."""
    from .markers import first_marker

    firsts: dict[int, int] = {}

    def marker_before(pos: int, n: int) -> bool:
        if n not in firsts:
            firsts[n] = first_marker(text, n)
        return 0 <= firsts[n] < pos

    breaks = sorted(page_breaks)

    def page_between(a: Line, b: Line) -> bool:
        i = bisect.bisect_left(breaks, a.end)
        return i < len(breaks) and breaks[i] < b.start

    notes: list[Line] = []
    kept: list[Line] = []
    straddle: set[int] = set()
    expected = 1
    rejected_until = 0
    k = 0
    while k < len(body):
        line = body[k]
        m = FOOTNOTE_START.match(line.stripped)
        if not (m and int(m.group(1)) == expected and k > 0 and marker_before(line.start, expected)) \
                or (gaps[k - 1] == WRAP and (not breaks or k < rejected_until)):
            # (a line inside a block already found not to end at a page break ends there neither)
            kept.append(line)
            k += 1
            continue
        j, n = k + 1, expected + 1
        while j < len(body):
            mm = FOOTNOTE_START.match(body[j].stripped)
            if mm and int(mm.group(1)) == n:
                n += 1
            elif gaps[j - 1] != WRAP or page_between(body[j - 1], body[j]):
                break
            j += 1
        at_page_end = bool(breaks) and (j == len(body) or page_between(body[j - 1], body[j]))
        if gaps[k - 1] == WRAP and not at_page_end:
            rejected_until = j
            kept.append(line)
            k += 1
            continue
        notes += body[k:j]
        expected, k = n, j
        if kept and k < len(body):
            straddle.add(len(kept))
    return notes, kept, straddle


def _split_annotations(notes: list[Line], body: list[Line]) -> tuple[list[Line], list[Line]]:
    """Trailing lines that only repeat URLs given earlier are link annotations, not text."""
    if not notes:
        return notes, []
    k = len(notes)
    while k > 0 and is_url_only(notes[k - 1].stripped):
        url = notes[k - 1].stripped
        rest = " ".join(x.text for x in notes[:k - 1])
        if url not in rest:
            break
        k -= 1
    return notes[:k], notes[k:]


def _footnote_bodies(notes: list[Line], given: bool = False, placed: set[int] | None = None) -> list[FootnoteLines]:
    """Footnote bodies numbered 1, 2, 3 ...; a region the reader marked (``given``: one note
    a line, as a PDF's page foot yields them) may start at any number and skip a few, and
    skips the numbers ``placed`` elsewhere."""
    out: list[FootnoteLines] = []
    placed = placed or set()

    def after(n: int) -> int:
        while n in placed:
            n += 1
        return n

    expected = after(1)
    pattern = FOOTNOTE_START
    if notes and not FOOTNOTE_START.match(notes[0].stripped):
        pattern = NOTE_START
    for line in notes:
        m = pattern.match(line.stripped)
        n = int(m.group(1)) if m else 0
        if m and (n == expected or given and (not out and n > 0 or expected < n <= expected + 4)):
            out.append(FootnoteLines(n, [line], line.body_start + m.end()))
            expected = after(n + 1)
        elif out:
            out[-1].lines.append(line)
    return out


def urls_in(s: str) -> list[str]:
    return URL_RE.findall(s)
