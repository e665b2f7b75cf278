"""Structure recovery: reflow, headings, tables, footnotes and citations.

``recover(doc)`` turns the normalised text of a document into a ``Structure``: the reflowed
body (hard wraps and page breaks joined, paragraphs separated by a blank line, footnote
markers removed) with its map back to raw offsets, and the blocks found on the way.
"""
from __future__ import annotations

import bisect
import itertools
import re

from ..model.document import Document
from ..model.mapped import Builder, MappedText
from ..model.structure import Block, Footnote, FootnoteRef, Heading, Structure, Table, TableRow
from .citations import parse_citation
from .lines import URL_RE
from . import news
from .markers import find_markers, placed_markers
from .patterns import BAR_MARK, BULLET_RE, SOURCE_RE
from .segmenter import Segment, Segmentation, segment
from .tables import descendants, normalised_hints

PARAGRAPH_BREAK = "\n\n"


class _Body:
    """Builds the body text, remembering the range of every block and table part."""

    def __init__(self, src: MappedText, seg: Segmentation):
        self.src, self.join = src, seg.joiner
        self.b = Builder()
        self.blocks: list[Block] = []
        self.tables: list[dict] = []

    def _lines(self, lines, strip_bullet=False, seg_header=False, strip_bar=False) -> tuple[int, int]:
        start = self.b.length
        for k, line in enumerate(lines):
            a, z = line.body_start, line.body_end
            if k == 0 and (strip_bullet or seg_header or strip_bar):
                m = (BAR_MARK if strip_bar else BULLET_RE).match(self.src.text, a)
                if m and m.end() < z:
                    a = m.end()
            if k:
                self.b.insert(self.join.sep(lines[k - 1], line), lines[k - 1].body_end)
            self.b.copy(self.src, a, z)
        return start, self.b.length

    def _spans(self, spans: list[tuple[int, int]]) -> tuple[int, int]:
        """Copy source spans joined by single spaces; the range they take in the body."""
        start = self.b.length
        for k, (a, z) in enumerate(spans):
            if k:
                self.b.insert(" ", spans[k - 1][1])
            self.b.copy(self.src, a, z)
        return start, self.b.length

    def _grid(self, seg: Segment) -> None:
        t = {"caption": None, "rows": [], "source": None, "start": self.b.length}
        first = True
        for line, role in zip(seg.lines, seg.roles):
            if role in ("caption", "source"):
                if not first:
                    self.b.insert("\n", line.start)
                t[role] = self._lines([line])
                first = False
        for head, cells in seg.grid:
            if not first:
                self.b.insert("\n", head[0][0])
            first = False
            hspan = self._spans(head)
            cspans = []
            for cell in cells:
                cell = [sp for sp in cell if sp[0] < sp[1]]
                if cell:
                    self.b.insert("\n", cell[0][0])
                    cspans.append(self._spans(cell))
            t["rows"].append([hspan, cspans])
        t["end"] = self.b.length
        self.blocks.append(Block("table", t["start"], t["end"]))
        self.tables.append(t)

    def _hinted(self, seg: Segment) -> None:
        """A table the format stored: caption, every cell (empty ones too) and source as given;
        its nested tables follow it, their cells located inside the cells that hold them."""
        h = seg.hint
        copied: list[tuple[int, int, int]] = []        # (source start, source end, body start)

        def put(sp) -> tuple[int, int]:
            if self.b.length > t["start"]:
                self.b.insert("\n", sp[0])
            a = self.b.length
            self.b.copy(self.src, sp[0], sp[1])
            copied.append((sp[0], sp[1], a))
            return a, self.b.length

        t = {"caption": None, "rows": [], "source": None, "start": self.b.length, "header_rows": h.header_rows}
        if h.caption and h.caption[1] > h.caption[0]:
            t["caption"] = put(h.caption)
        for row in h.rows:
            cells = [put(sp) if sp[1] > sp[0] else (self.b.length, self.b.length) for sp in row]
            t["rows"].append([cells[0] if cells else None, cells[1:]])
        if h.source and h.source[1] > h.source[0]:
            t["source"] = put(h.source)
        t["end"] = self.b.length
        self.blocks.append(Block("table", t["start"], t["end"]))
        index = {id(h): len(self.tables)}
        self.tables.append(t)
        starts = [c[0] for c in copied]

        def moved(p: int) -> int:
            k = bisect.bisect_right(starts, p) - 1
            if k < 0 or p > copied[k][1]:
                return t["start"]
            return copied[k][2] + p - copied[k][0]

        for child, parent in descendants(h):
            rows = []
            for row in child.rows:
                cells = [(moved(a), moved(b)) for a, b in row]
                rows.append([cells[0] if cells else None, cells[1:]])
            index[id(child)] = len(self.tables)
            cap = (moved(child.caption[0]), moved(child.caption[1])) if child.caption else None
            self.tables.append({"caption": cap, "rows": rows, "source": None, "header_rows": child.header_rows,
                                "start": moved(child.start), "end": moved(child.end), "parent": index[id(parent)]})

    def add(self, seg: Segment) -> None:
        if self.b.length:
            self.b.insert(PARAGRAPH_BREAK, seg.lines[0].start if seg.lines else seg.grid[0][0][0][0])
        if seg.kind == "grid" and seg.hint is not None:
            self._hinted(seg)
            return
        if seg.kind == "grid":
            self._grid(seg)
            return
        if seg.kind != "table":
            # a bar before a section title is an ornament, not part of the title
            s, e = self._lines(seg.lines, strip_bar=seg.kind == "heading" and seg.style == "bar")
            self.blocks.append(Block(seg.kind, s, e, seg.level))
            return
        t = {"caption": None, "rows": [], "source": None, "start": self.b.length}
        groups: list[tuple[str, list]] = []
        for line, role in zip(seg.lines, seg.roles):
            if role == "cont" and groups:
                groups[-1][1].append(line)
            else:
                groups.append((role, [line]))
        for k, (role, lines) in enumerate(groups):
            if k:
                self.b.insert("\n", lines[0].start)
            span = self._lines(lines, strip_bullet=role == "cell", seg_header=role == "header")
            if role == "caption":
                t["caption"] = span
            elif role == "source":
                t["source"] = span
            elif role == "header" or not t["rows"]:
                t["rows"].append([span if role == "header" else None, [] if role == "header" else [span]])
            else:
                t["rows"][-1][1].append(span)
        t["end"] = self.b.length
        self.blocks.append(Block("table", t["start"], t["end"]))
        self.tables.append(t)


def _levels(segments: list[Segment]) -> None:
    """Heading levels follow the order in which heading styles first appear."""
    order: dict[str, int] = {}
    for seg in segments:
        if seg.kind != "heading":
            continue
        if seg.level is not None:
            continue
        seg.level = order.setdefault(seg.style or "", len(order) + 1)


def _marker_cut(t: str, s: int, e: int) -> tuple[int, int]:
    """The span to delete for a marker: with one of its spaces when it stood between two."""
    if 0 < s and e < len(t) and t[s - 1] == "[" and t[e] == "]":
        s, e = s - 1, e + 1                          # "[3]" goes with its brackets
    if 0 < s and e < len(t) and t[s - 1] == " " and t[e] == " ":
        return s, e + 1
    return s, e


def _remove(body: MappedText, spans: list[tuple[int, int]]) -> tuple[MappedText, callable]:
    b = Builder()
    pos = 0
    for s, e in spans:
        b.copy(body, pos, s)
        pos = e
    b.copy(body, pos, len(body.text))
    out = b.build(body.raw(len(body.text)))
    starts = [s for s, _ in spans]
    removed = list(itertools.accumulate((e - s for s, e in spans), initial=0))

    def moved(p: int) -> int:
        return p - removed[bisect.bisect_left(starts, p)]

    return out, moved


def recover(doc: Document) -> Structure:
    src = doc.text
    layout = doc.layout
    seg = segment(src.text,
                  heading_hints=_hints_on_normalised(doc) if layout and layout.headings else None,
                  footnotes_start=_norm_pos(doc, layout.footnotes_start) if layout and
                  layout.footnotes_start is not None else None,
                  page_breaks={_norm_pos(doc, m.start()) for m in re.finditer("\f", doc.raw)} or None,
                  tables=normalised_hints(doc), native=bool(layout and layout.native),
                  list_hints={_norm_pos(doc, raw): lv for raw, lv in layout.lists.items()} if layout else None,
                  placed_notes={n for _, _, n in layout.notes} if layout else None)
    _levels(seg.segments)
    body = _Body(src, seg)
    for s in seg.segments:
        body.add(s)
    text = body.b.build(src.raw(len(src.text)))

    in_body = _notes_in_body(doc)
    skip = [m.span() for m in URL_RE.finditer(text.text)]
    for f in in_body:               # a note written after its table holds no marker of the body
        a, z = f.text.raw_span(0, len(f.text.text))
        skip.append((bisect.bisect_left(text.origin, a, 0, len(text.text)),
                     bisect.bisect_left(text.origin, z, 0, len(text.text))))
    skip.sort()
    if layout and layout.markers is not None:
        markers = placed_markers(text.origin, text.text, layout.markers)
    else:
        markers = find_markers(text.text, skip, notes={fl.n for fl in seg.footnotes} | {f.n for f in in_body})
    clean, moved = _remove(text, [_marker_cut(text.text, m.start, m.end) for m in markers])

    def cut(span) -> str:
        return clean.text[moved(span[0]):moved(span[1])].strip() if span else ""

    st = Structure(body=clean)
    heading_segs = [s for s in seg.segments if s.kind == "heading"]
    for blk, s in zip((b for b in body.blocks if b.kind == "heading"), heading_segs):
        start = moved(blk.start)
        st.headings.append(Heading(level=s.level or 1, text=cut((blk.start, blk.end)),
                                   raw_offset=clean.raw(start), start=start,
                                   page=layout.page_at(clean.raw(start)) if layout and layout.pages else None))
    furniture = layout.furniture if layout else []
    for blk in body.blocks:
        kind = blk.kind
        if furniture and kind == "paragraph":
            r = text.raw(blk.start)
            kind = next((k for a, z, k in furniture if a <= r < z), kind)   # a page header or footer
        st.blocks.append(Block(kind, moved(blk.start), moved(blk.end), blk.level))
    for t in body.tables:
        rows = [TableRow(cut(h) if h else "", _trimmed([cut(c) for c in cells])) for h, cells in t["rows"]]
        source = cut(t["source"]) if t["source"] else None
        if source:
            source = SOURCE_RE.sub("", source, count=1).strip()
        st.tables.append(Table(caption=cut(t["caption"]), rows=rows, source=source,
                               raw_offset=clean.raw(moved(t["start"])), start=moved(t["start"]),
                               end=moved(t["end"]), header_rows=t.get("header_rows", 0),
                               parent=t.get("parent")))

    for fl in seg.footnotes:
        fb = Builder()
        first = True
        for k, line in enumerate(fl.lines):
            a = fl.number_end if k == 0 else line.body_start
            while a < line.body_end and src.text[a] in " \t":
                a += 1
            if not first:
                fb.insert(seg.joiner.sep(fl.lines[k - 1], line), fl.lines[k - 1].body_end)
            fb.copy(src, a, line.body_end)
            first = False
        ftext = fb.build(src.raw(fl.lines[-1].body_end))
        st.footnotes.append(Footnote(fl.n, ftext, ftext.raw(0)))
    if in_body:
        st.footnotes = sorted(st.footnotes + in_body, key=lambda f: f.n)
    have = {f.n for f in st.footnotes}
    for m in markers:
        st.footnote_refs.append(FootnoteRef(m.n, text.raw(m.start), moved(m.start), dangling=m.n not in have))
    dangling = [m.n for m in markers if m.n not in have]
    if dangling:
        st.warnings.append(f"{len(dangling)} footnote marker(s) without a footnote body: "
                           f"{_ranges(dangling)}")
    unused = sorted(have - {m.n for m in markers})
    if unused:
        st.warnings.append(f"footnote(s) {_ranges(unused)} have no marker in the body")
    for f in st.footnotes:
        c = parse_citation(f.n, f.text.text, f.raw_offset)
        if c:
            st.citations.append(c)
    news.apply(st)                  # headline, deck lines, subheads and furniture of web pages
    return st


def _notes_in_body(doc: Document) -> list[Footnote]:
    """The notes a reader wrote after the table whose cells hold their markers: they stay in the
    body where they are, and are footnotes all the same (linked to their markers)."""
    out = []
    for a, z, n in doc.layout.notes if doc.layout else []:
        s, e = _norm_pos(doc, a), _norm_pos(doc, z)
        if e <= s:
            continue
        fb = Builder()
        fb.copy(doc.text, s, e)
        ftext = fb.build(doc.text.raw(e))
        out.append(Footnote(n, ftext, ftext.raw(0), in_body=True))
    return out


def _trimmed(cells: list[str]) -> list[str]:
    """A row without its trailing empty cells (padding: they hold nothing and place nothing)."""
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _ranges(ns: list[int]) -> str:
    out, i = [], 0
    while i < len(ns):
        j = i
        while j + 1 < len(ns) and ns[j + 1] == ns[j] + 1:
            j += 1
        out.append(str(ns[i]) if i == j else f"{ns[i]}-{ns[j]}")
        i = j + 1
    return ", ".join(out)


def _norm_pos(doc: Document, raw: int) -> int:
    """Position in the normalised text of a raw offset (first character at or after it)."""
    import bisect

    return bisect.bisect_left(doc.text.origin, raw, 0, len(doc.text.text))


def _hints_on_normalised(doc: Document) -> dict[int, int]:
    return {_norm_pos(doc, raw): level for raw, level in doc.layout.headings.items()}
