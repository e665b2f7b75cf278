"""The canonical plain-text rendering every structured format is turned into.

Readers of PDF, DOCX, HWPX, HWP and HTML do not build their own structures: they write the
document as the plain text the structure recovery already understands, and keep what the
format knows (heading levels, where footnote bodies start, page starts) as layout hints on
raw offsets of that text:

- one paragraph per line, paragraphs separated by one blank line;
- headings on their own line, numbering as written, level in ``layout.headings``;
- tables as a caption line, then per row the row header on its own line and each cell as a
  line starting with "- ", then the "출처: ..." line;
- footnote markers glued to the word they follow ("합의했다.3 다음");
- footnote bodies after the body, each its own paragraph "N text", from ``footnotes_start``;
  a note whose marker sits in a table cell is written right after that table instead, as the
  paragraph "N) text" (where a printed table carries its notes, and where a reading of the file in
  its own order meets it), its span in ``layout.notes``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model.document import DocMeta, Document, Layout, TableHint
from .errors import InputError
from .limits import MAX_PARAGRAPHS, MAX_TEXT_CHARS
from .text import from_text

_WS = re.compile(r"[ \t\r\n\u00a0\u3000]+")
# a table's caption and source line belong to its block, written where the document has them
CAPTION = re.compile(r"^\s*(?:\[\s*(?:표|Table)\s*[\d\-]+\s*\]|[<〈《【]\s*(?:표|Table)\s*[\d\-]+\s*[>〉》】]|"
                     r"(?:표|Table)\s*\d+(?:[.\-]\d+)?\s*[.:])", re.I)
# a title set in angle or square brackets, as press releases caption their tables: "< 국가별 동향 >"
BRACKETED = re.compile(r"^\s*(?:<[^<>]{2,80}>|‹[^‹›]{2,80}›|〈[^〈〉]{2,80}〉|《[^《》]{2,80}》|\[[^\[\]]{2,80}\]|"
                       r"【[^【】]{2,80}】)\s*$")
SOURCE = re.compile(r"^\s*(?:\*\s*)?(?:출처|자료|Source)\s*[:：]", re.I)


# A footnote marker the format places is written between these two private-use characters
# (``Canon.marker``); ``Canon.document`` takes them out and keeps the marker's span.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
_MARK = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


def marker(n: int) -> str:
    return f"{MARK_OPEN}{n}{MARK_CLOSE}"


def _take_markers(raw: str) -> tuple[str, list[tuple[int, int, int]], callable]:
    """The text without marker brackets, the markers' (start, end, n) in it, and the map of
    an offset in the bracketed text to the plain one."""
    import bisect

    cuts: list[int] = []
    marks: list[tuple[int, int, int]] = []
    out: list[str] = []
    pos = 0
    for m in _MARK.finditer(raw):
        out.append(raw[pos:m.start()])
        start = m.start() - len(cuts)
        marks.append((start, start + len(m.group(1)), int(m.group(1))))
        out.append(m.group(1))
        cuts += [m.start(), m.end() - 1]
        pos = m.end()
    out.append(raw[pos:])

    def moved(p: int) -> int:
        return p - bisect.bisect_left(cuts, p)

    return "".join(out), marks, moved


def one_line(text: str) -> str:
    """Collapse any run of whitespace (hard wraps included) to one space."""
    return _WS.sub(" ", text).strip()


_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffd\ufffe\uffff]")


def meta_text(value) -> str | None:
    """A metadata value (title, author) as text: NUL padding and control bytes dropped; None when what is
    left is not text (a few letters at least, no stray code points)."""
    if not isinstance(value, str):
        return None
    s = one_line(_CONTROL.sub(" ", value.split("\x00", 1)[0]))
    letters = sum(ch.isalpha() for ch in s)            # a title is words, not only a number
    return s if letters >= 2 and sum(ch.isalnum() for ch in s) >= 0.5 * len(s.replace(" ", "")) else None


@dataclass
class TableSpec:
    """A table inside a cell: rows of cells, each cell a string or a list of strings and tables."""
    rows: list[list]
    header_rows: int = 0
    caption: str | None = None
    children: list = field(default_factory=list)


def flatten(items: list) -> list[str]:
    """The text of paragraphs and nested tables (caption, then cells row by row) as one-line strings;
    empty ones dropped. Used where a box or cell holds tables but only its text is kept."""
    out: list[str] = []
    for it in items:
        if isinstance(it, TableSpec):
            if it.caption:
                out.append(it.caption)
            for row in it.rows:
                for cell in row:
                    out += flatten(cell if isinstance(cell, list) else [cell])
        elif one_line(it):
            out.append(one_line(it))
    return out


def _cell_items(cell) -> list:
    return [cell] if isinstance(cell, (str, TableSpec)) else list(cell or [])


def _render_cell(cell) -> tuple[str, list[list]]:
    """The one-line text of a cell and the tables nested in it, as [rows of spans relative to the
    text, header_rows, parent, caption span] where parent indexes the returned list (None: the
    cell's own table)."""
    text, subs = "", []

    def add(t: str) -> tuple[int, int]:
        nonlocal text
        if t and text:
            text += " "
        a = len(text)
        text += t
        return a, len(text)

    for it in _cell_items(cell):
        if not isinstance(it, TableSpec):
            add(one_line(it))
            continue
        cap = add(one_line(it.caption)) if it.caption and one_line(it.caption) else None
        mine = len(subs)
        subs.append(None)
        rows = []
        for row in it.rows:
            spans = []
            for c in row:
                t, inner = _render_cell(c)
                a, b = add(t) if t else (len(text), len(text))
                spans.append((a, b))
                base = len(subs)
                for r, hr, parent, icap in inner:
                    subs.append([[[(x + a, y + a) for x, y in rr] for rr in r], hr,
                                 mine if parent is None else parent + base,
                                 (icap[0] + a, icap[1] + a) if icap else None])
            rows.append(spans)
        subs[mine] = [rows, it.header_rows, None, cap]
    return text, subs


class Canon:
    """Accumulates paragraphs, headings, tables and footnotes into the canonical text."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.headings: dict[int, int] = {}
        self.lists: dict[int, int] = {}
        self.pages: list[tuple[int, int]] = []
        self.footnotes: list[tuple[int, str]] = []
        self._page_pending: int | None = None
        self.title: str | None = None   # the document title, when the format marks one
        self._last = ""            # kind of the last block: paragraph, caption, table, heading
        self._lines = 0            # paragraphs, headings, table lines: budgeted as they come
        self._last_start = 0
        self.table_hints: list[TableHint] = []
        self.native = False        # the format stores paragraphs and notes (nothing to guess from text)
        self.places_markers = True # with ``native``: every footnote marker is written with ``marker``
        self._furniture: list[tuple[str, str]] = []
        self.skipped: Counter = Counter()   # parts of the file not read, by kind
        self._placed: list[tuple[int, int, int]] = []   # (start, end, n) of notes written after a table

    def _budget(self, lines: int) -> None:
        """Refuse a document beyond the limits while it is read, not after it is all in memory."""
        self._lines += lines
        if self._lines > MAX_PARAGRAPHS:
            raise InputError(f"the document has more than {MAX_PARAGRAPHS:,} paragraphs; summitwatch reads "
                             f"documents of up to that")
        if self._len > MAX_TEXT_CHARS:
            raise InputError(f"the document holds more than {MAX_TEXT_CHARS:,} characters of text; summitwatch "
                             f"reads documents of up to that")

    @property
    def length(self) -> int:
        return self._len

    def _start_block(self) -> int:
        if self._parts:
            self._parts.append("\n\n")
            self._len += 2
        if self._page_pending is not None:
            self.pages.append((self._len, self._page_pending))
            self._page_pending = None
        return self._len

    def _emit(self, line: str, kind: str = "paragraph") -> int:
        start = self._start_block()
        self._parts.append(line)
        self._len += len(line)
        self._last = kind
        self._budget(1 + line.count("\n"))
        self._last_start = start
        return start

    def _attach(self, line: str, kind: str) -> None:
        """Continue the last block on the next line (a table after its caption, its source)."""
        self._parts.append("\n" + line)
        self._len += 1 + len(line)
        self._last = kind
        self._budget(1 + line.count("\n"))

    def page(self, n: int) -> None:
        """The next block starts page ``n`` (a paragraph continuing across pages keeps its start page)."""
        if not self.pages or self.pages[-1][1] != n:
            self._page_pending = n

    def paragraph(self, text: str) -> int | None:
        line = one_line(text)
        if not line:
            return None
        if self._last == "table" and SOURCE.match(line):
            start = self._len + 1
            self._attach(line, "paragraph")
            self._table_source(start)
            return start
        return self._emit(line, "caption" if CAPTION.match(line) or BRACKETED.match(line) else "paragraph")

    def paragraph_with_pages(self, line: str, marks: list[tuple[int, int]]) -> int | None:
        """A one-line paragraph whose text crosses pages: marks are (offset in line, page)."""
        if not line.strip():
            return None
        start = self._emit(line)
        for off, page in marks:
            if off > 0 and (not self.pages or self.pages[-1][1] != page):
                self.pages.append((start + off, page))
        return start

    def heading(self, text: str, level: int) -> int | None:
        line = one_line(text)
        if not line:
            return None
        start = self._emit(line, "heading")
        self.headings[start] = max(1, int(level))
        return start

    def list_item(self, text: str, level: int) -> int | None:
        """A paragraph the format numbers or bullets as an item of a list (level 1: outermost)."""
        start = self.paragraph(text)
        if start is not None and self._last == "paragraph":
            self.lists[start] = max(1, int(level))
        return start

    def table(self, rows: list[list], caption: str | None = None, source: str | None = None,
              header_rows: int = 0) -> None:
        """One block: the caption, then per row its first cell on a line and a "- " line per other
        cell, then the source line. A caption paragraph just before the table joins the block.
        A cell is a string, or a list of strings and ``TableSpec`` (tables nested in the cell).
        The spans of every cell go to ``table_hints``: structure takes the table from there."""
        lines: list[str] = []
        pos = 0                                   # length of "\n".join(lines)
        spans: list[list[tuple[int, int]]] = []
        nested: list[list] = []
        for row in rows:
            rspans = []
            for cell in row:
                t, subs = _render_cell(cell)
                if not t:
                    rspans.append((pos, pos))
                    continue
                prefix = "- " if any(b > a for a, b in rspans) else ""
                a = pos + (1 if lines else 0) + len(prefix)
                lines.append(prefix + t)
                pos = a + len(t)
                rspans.append((a, pos))
                base = len(nested)
                for r, hr, parent, icap in subs:
                    nested.append([[[(x + a, y + a) for x, y in rr] for rr in r], hr,
                                   None if parent is None else parent + base,
                                   (icap[0] + a, icap[1] + a) if icap else None])
            spans.append(rspans)
        if not lines:
            if caption:
                self.paragraph(caption)           # an empty table: its caption is still text
            return
        if caption and one_line(caption):
            self._emit(one_line(caption), "caption")
        cap = None
        if self._last == "caption":
            cap = (self._last_start, self._len)
            start = self._len + 1
            self._attach("\n".join(lines), "table")
        else:
            start = self._emit("\n".join(lines), "table")
        me = len(self.table_hints)
        self.table_hints.append(TableHint(
            start=cap[0] if cap else start, end=start + pos, caption=cap, header_rows=header_rows,
            rows=[[(start + a, start + b) for a, b in r] for r in spans]))
        for r, hr, parent, icap in nested:
            first = icap[0] if icap else r[0][0][0] if r and r[0] else 0
            self.table_hints.append(TableHint(
                start=start + first, end=start + max(
                    (b for rr in r for _, b in rr), default=0), header_rows=hr,
                rows=[[(start + a, start + b) for a, b in rr] for rr in r],
                caption=(start + icap[0], start + icap[1]) if icap else None,
                parent=me if parent is None else me + 1 + parent))
        if source and one_line(source):
            at = self._len + 1
            self._attach(one_line(source), "paragraph")
            self._table_source(at)
        self._table_notes("\n".join(lines))

    def _table_notes(self, table_text: str) -> None:
        """The notes whose markers the table's cells hold, written after it once each (a note whose
        body is not known yet stays with the notes after the body)."""
        bodies = dict(self.footnotes)
        done = {n for _, _, n in self._placed}
        for m in _MARK.finditer(table_text):
            n = int(m.group(1))
            if n in bodies and n not in done:
                head = f"{n}) "
                start = self._emit(head + bodies[n], "paragraph")
                self._placed.append((start + len(head), self._len, n))
                done.add(n)

    def _table_source(self, at: int) -> None:
        """The source line just attached belongs to the last top-level table."""
        top = [h for h in self.table_hints if h.parent is None]
        if top and top[-1].source is None and self._len - at < 500:
            top[-1].source = (at, self._len)
            top[-1].end = self._len

    def furniture(self, text: str, kind: str) -> None:
        """A page header or footer: kept apart, written once after the body."""
        line = one_line(text)
        if line and (kind, line) not in self._furniture:
            self._furniture.append((kind, line))

    def footnote(self, n: int, text: str) -> None:
        body = one_line(text)
        if body:
            self.footnotes.append((n, body))

    def document(self, *, doc_id: str, source: str, fmt: str, meta: DocMeta | None = None) -> Document:
        furniture = []
        for kind, line in self._furniture:
            start = self._emit(line)
            furniture.append((start, start + len(line), kind))
        footnotes_start = None
        placed = {n for _, _, n in self._placed}
        for n, body in self.footnotes:
            if n in placed:
                continue
            start = self._emit(f"{n} {body}")
            if footnotes_start is None:
                footnotes_start = start
        raw = "".join(self._parts) + ("\n" if self._parts else "")
        raw, marks, mv = _take_markers(raw)

        def span(sp):
            return (mv(sp[0]), mv(sp[1])) if sp else None

        tables = [TableHint(mv(h.start), mv(h.end), [[span(c) for c in r] for r in h.rows], span(h.caption),
                            span(h.source), h.header_rows, h.parent) for h in self.table_hints]
        doc = from_text(raw, doc_id=doc_id, source=source, fmt=fmt)
        doc.meta = meta or DocMeta()
        doc.layout = Layout(pages=[(mv(a), n) for a, n in self.pages],
                            headings={mv(a): lv for a, lv in self.headings.items()},
                            lists={mv(a): lv for a, lv in self.lists.items()},
                            footnotes_start=mv(footnotes_start) if footnotes_start is not None else None,
                            native=self.native, tables=tables, furniture=[(mv(a), mv(b), k) for a, b, k in furniture],
                            markers=marks if self.native and self.places_markers else None,
                            notes=[(mv(a), mv(b), n) for a, b, n in self._placed])
        doc.warnings += [f"{n} {what} not read" for what, n in sorted(self.skipped.items())]
        return doc
