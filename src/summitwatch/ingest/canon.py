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
- footnote bodies after the body, each its own paragraph "N text", from ``footnotes_start``.
"""
from __future__ import annotations

import re

from ..model.document import DocMeta, Document, Layout
from .errors import InputError
from .limits import MAX_PARAGRAPHS, MAX_TEXT_CHARS
from .text import from_text

_WS = re.compile(r"[ \t\r\n\u00a0\u3000]+")
# a table's caption and source line belong to its block, written where the document has them
CAPTION = re.compile(r"^\s*(?:\[\s*(?:표|Table)\s*[\d\-]+\s*\]|[<〈《【]\s*(?:표|Table)\s*[\d\-]+\s*[>〉》】]|"
                     r"(?:표|Table)\s*\d+(?:[.\-]\d+)?\s*[.:])", re.I)
SOURCE = re.compile(r"^\s*(?:\*\s*)?(?:출처|자료|Source)\s*[:：]", re.I)


def one_line(text: str) -> str:
    """Collapse any run of whitespace (hard wraps included) to one space."""
    return _WS.sub(" ", text).strip()


class Canon:
    """Accumulates paragraphs, headings, tables and footnotes into the canonical text."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.headings: dict[int, int] = {}
        self.pages: list[tuple[int, int]] = []
        self.footnotes: list[tuple[int, str]] = []
        self._page_pending: int | None = None
        self.title: str | None = None   # the document title, when the format marks one
        self._last = ""            # kind of the last block: paragraph, caption, table, heading
        self._lines = 0            # paragraphs, headings, table lines: budgeted as they come

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
            return start
        return self._emit(line, "caption" if CAPTION.match(line) else "paragraph")

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

    def table(self, rows: list[list[str]], caption: str | None = None, source: str | None = None) -> None:
        """One block: the caption, then per row its header line and a "- " line per other cell,
        then the source line. A caption paragraph just before the table joins the block."""
        lines = []
        for row in rows:
            cells = [c for c in (one_line(c) for c in row) if c]
            if cells:
                lines.append(cells[0])
                lines += ["- " + c for c in cells[1:]]
        if not lines:
            return
        if caption and one_line(caption):
            self._emit(one_line(caption), "caption")
        if self._last == "caption":
            self._attach("\n".join(lines), "table")
        else:
            self._emit("\n".join(lines), "table")
        if source and one_line(source):
            self._attach(one_line(source), "paragraph")

    def footnote(self, n: int, text: str) -> None:
        body = one_line(text)
        if body:
            self.footnotes.append((n, body))

    def document(self, *, doc_id: str, source: str, fmt: str, meta: DocMeta | None = None) -> Document:
        footnotes_start = None
        for n, body in self.footnotes:
            start = self._emit(f"{n} {body}")
            if footnotes_start is None:
                footnotes_start = start
        raw = "".join(self._parts) + ("\n" if self._parts else "")
        doc = from_text(raw, doc_id=doc_id, source=source, fmt=fmt)
        doc.meta = meta or DocMeta()
        doc.layout = Layout(pages=list(self.pages), headings=dict(self.headings), footnotes_start=footnotes_start)
        return doc
