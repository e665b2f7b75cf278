"""PDF -> canonical text: reading order, running heads and page numbers removed, footnotes
found by position and font size, headings by size and weight, paragraphs joined across lines
and pages, captioned tables as rows; every block remembers its page."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from ..model.document import DocMeta, Document
from .canon import MARK_CLOSE, MARK_OPEN, Canon
from .errors import InputError
from . import pdf_ocr
from .pdf_lines import Line
from .pdf_notes import FN_START, split_footnotes
from .pdf_pages import Pages, extract_pages

_PAGE_NO = re.compile(r"^[\s\-–—·|]*(?:p(?:age|\.)?\s*)?(\d{1,4}|[ivxlcdm]{1,6})(?:\s*/\s*\d{1,4})?[\s\-–—·|]*$",
                      re.I)
_DIGITS = re.compile(r"\d+")
# list letters are 가 나 다 … 하, not the whole Hangul range 가-하 (which holds "음. " of a wrapped "있음.")
_HANGUL_LIST = "가나다라마바사아자차카타파하"
_BULLET = re.compile(r"^\s*(?:[•◦▪▫■□●○◆◇▶▷►▸※\-–·*\uf000-\uf0ff]|\(?\d{1,2}\)|\d{1,2}\.\s|[①-⑳]|"
                     rf"[{_HANGUL_LIST}]\.\s|\([{_HANGUL_LIST}]\)|[IVX]{{1,4}}\.\s|[ⅰ-ⅻⅠ-Ⅻ]\.?)")
_INNER_BULLET = re.compile(r"\s+(?=[•◦▪■□●○◆◇▶▷►▸\uf000-\uf0ff]\s)")   # a cell that follows on the same line
_CELL_BULLET = re.compile(r"^\s*[•◦▪▫■□●○◆◇▶▷►▸※\-–·*\uf000-\uf0ff]\s*")
_CAPTION = re.compile(r"^\s*(?:\[\s*(?:표|그림|Table|Figure)\s*[\d\-]+\s*\]|[<〈《【]\s*(?:표|그림|Table)\s*[\d\-]+\s*[>〉》】]|"
                      r"(?:표|Table)\s*\d+(?:[.\-]\d+)?\s*[.:])", re.I)
_SOURCE = re.compile(r"^\s*(?:\*\s*)?(?:출처|자료|Source|SOURCE)\s*[:：]")
_SENTENCE_END = re.compile(r"(?:[.!?。」』”\"')]|다)\s*$")
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$")
_URL_PIECE = re.compile(r"^[\w/%?=&.#~\-]+$", re.A)


@dataclass(slots=True)
class _Para:
    lines: list[Line] = field(default_factory=list)
    kind: str = "paragraph"      # paragraph, heading
    level: int = 0
    chars: int = 0


def _open(data: bytes) -> pdfium.PdfDocument:
    tail = data[-2048:]
    if b"%%EOF" not in tail:
        raise InputError("the PDF is truncated (its end-of-file marker is missing)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            raise InputError("the PDF is encrypted (password-protected); decrypt it first") from None
        if "security" in msg:
            raise InputError("the PDF uses an unsupported security handler") from None
        raise InputError("the PDF is damaged and cannot be read") from None


def _pdf_date(value: str | None) -> str | None:
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", value or "")
    if not m or not (1990 <= int(m.group(1)) <= 2100):
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    return f"{y}-{mo}-{d}" if mo and d else (f"{y}-{mo}" if mo else y)


def _meta(pdf: pdfium.PdfDocument) -> DocMeta:
    try:
        info = pdf.get_metadata_dict()
    except Exception:  # pragma: no cover - pdfium metadata never fails in practice
        info = {}
    title = (info.get("Title") or "").strip()
    author = (info.get("Author") or "").strip()
    junk = {"untitled", "anonymous", "unknown", "unspecified", ""}
    return DocMeta(title=None if title.lower() in junk else title,
                   date=_pdf_date(info.get("CreationDate")),
                   author=None if author.lower() in junk else author)


def _unmark(text: str) -> str:
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def _drop_running_heads(pages: list[list[Line]], heights: list[float]) -> list[tuple[str, str]]:
    """Lines repeated at the same place on several pages, and bare page numbers, are not body
    text: the running heads are returned as (kind, text), each once (its first wording: they
    differ only in their digits), to be kept apart. A running head repeats; a single page has
    none, so small print at the top of a one-page file stays where it stands."""
    def zone_key(ln: Line, h: float):
        if ln.y > h * 0.88:
            zone = "top"
        elif ln.y < h * 0.12:
            zone = "foot"
        else:
            return None
        return zone, round(ln.y / 4), _DIGITS.sub("#", ln.text)

    counts: Counter = Counter()
    for lines, h in zip(pages, heights):
        counts.update({k for ln in lines if (k := zone_key(ln, h)) is not None})
    # on most pages (a footnote citing the same source twice is not a running head)
    need = 2 if len(pages) <= 3 else (len(pages) + 1) // 2
    heads: dict[tuple, tuple[str, str]] = {}
    for idx, (lines, h) in enumerate(zip(pages, heights)):
        keep = []
        ys = sorted(ln.y for ln in lines)
        for ln in lines:
            k = zone_key(ln, h)
            if k is not None and _PAGE_NO.match(ln.text) and _alone(ln, ys):
                continue
            if k is not None and counts[k] >= need and len(pages) >= 2 and not (ln.cell and _PAGE_NO.match(ln.text)):
                heads.setdefault((k[0], k[2]), ("page_header" if k[0] == "top" else "page_footer", ln.text))
                continue
            keep.append(ln)
        pages[idx] = keep
    return list(heads.values())


def _alone(ln: Line, ys: list[float]) -> bool:
    """No other text on the line's baseline (``ys``: the page's baselines, sorted), and not in
    a table's cell: a bare number beside a row's other cells (a score at the foot of a table)
    is a value, not the page number."""
    if ln.cell:
        return False
    d = 0.5 * ln.size
    return bisect.bisect_left(ys, ln.y + d) - bisect.bisect_right(ys, ln.y - d) <= 1


def _body_size(pages: list[list[Line]]) -> float:
    weight: Counter = Counter()
    for lines in pages:
        for ln in lines:
            weight[round(ln.size * 2) / 2] += len(ln.text)
    return weight.most_common(1)[0][0] if weight else 10.0


def _url_continues(token: str) -> bool:
    return bool(_URL_PIECE.match(token)) and (any(c in token for c in "/.=%&?_-") or any(c.isdigit() for c in token))


class _Joined:
    """Lines of one paragraph joined with a space; a URL broken at the line end is rejoined.
    Only the last word is looked at for a URL tail, so a paragraph of any length joins in
    linear time."""

    __slots__ = ("parts", "length", "tail")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.tail = ""              # the last space-free word written

    def add(self, t: str) -> int:
        """Append a line; returns the offset where its text starts in the joined string."""
        t = t.strip()
        if not t:
            return self.length
        first = t.split(" ", 1)[0]
        if self.parts and not (_URL_TAIL.search(self.tail) and _url_continues(first)):
            self.parts.append(" ")
            self.length += 1
            self.tail = ""
        start = self.length
        self.parts.append(t)
        self.length += len(t)
        k = t.rfind(" ")
        self.tail = t[k + 1:] if k >= 0 else self.tail + t
        return start

    def text(self) -> str:
        return "".join(self.parts)


def _join_lines(texts: list[str]) -> str:
    j = _Joined()
    for t in texts:
        j.add(t)
    return j.text()


def _title_size(pages: list[list[Line]], body: float) -> float | None:
    """The largest font, used only in the first lines of page 1: the document's title."""
    sizes = [(round(ln.size * 2) / 2, ln.page) for lines in pages for ln in lines]
    if not sizes:
        return None
    top = max(s for s, _ in sizes)
    if top < body * 1.1 or any(p != 1 for s, p in sizes if s == top):
        return None
    first = pages[0]
    k = next((i for i, ln in enumerate(first) if round(ln.size * 2) / 2 == top), None)
    n = sum(1 for ln in first if round(ln.size * 2) / 2 == top)
    if k is None or k > 3 or n > 6:
        return None
    return top


def _heading_levels(pages: list[list[Line]], body: float, title: float | None) -> dict[float, int]:
    big = sorted({round(ln.size * 2) / 2 for lines in pages for ln in lines if ln.size >= body * 1.1} - {title},
                 reverse=True)
    return {s: i + 1 for i, s in enumerate(big)}


def _is_heading(ln: Line, body: float) -> bool:
    if ln.size >= body * 1.1:
        return True
    return ln.bold and ln.size >= body * 0.95 and len(ln.text) <= 80 and not _SENTENCE_END.search(ln.text)


def _margins(pages: list[list[Line]], body: float) -> tuple[float, float, float]:
    xs: Counter = Counter()
    rights: list[float] = []
    gaps: list[float] = []
    for lines in pages:
        prev = None
        for ln in lines:
            if abs(ln.size - body) <= 0.5:
                xs[round(ln.x0)] += 1
                rights.append(ln.x1)
                if prev is not None and 0 < prev.y - ln.y < body * 3:
                    gaps.append(prev.y - ln.y)
                prev = ln
    left = xs.most_common(1)[0][0] if xs else 0.0
    rights.sort()
    right = rights[int(len(rights) * 0.95)] if rights else 0.0
    gaps.sort()
    pitch = gaps[len(gaps) // 2] if gaps else body * 1.4
    return left, right, pitch


def _width(word: str, size: float) -> float:
    """Rough advance width: CJK glyphs are square, others about half as wide."""
    return sum(size if ord(c) >= 0x2E80 else size * 0.55 for c in word)


def _breaks(prev: Line, cur: Line, para: _Para, body: float, left: float, right: float, pitch: float) -> bool:
    if _BULLET.match(cur.text) or _CAPTION.match(cur.text) or _SOURCE.match(cur.text):
        return True
    if (cur.cell or prev.cell) and (cur.region != prev.region or cur.page != prev.page):
        return True                                # each cell of a ruled table is its own block
    if (cur.region != prev.region or cur.page != prev.page) and \
            prev.col_right - prev.col_left < 0.5 * (cur.col_right - cur.col_left):
        return True          # a strip of labels ends where a wider column starts: no paragraph runs on
    first_word = cur.text.split(" ", 1)[0]
    if prev.split:
        right = prev.col_right                      # a column ends at its own right edge
    room = right - prev.x1 - cur.size * 0.3
    if room > _width(first_word, cur.size) + cur.size * 0.2:   # the next word would have fitted
        return True
    same_column = cur.page == prev.page and cur.region == prev.region
    if same_column and prev.y - cur.y > pitch * 1.45:
        return True
    hanging = len(para.lines) == 1 and _BULLET.match(para.lines[0].text)
    # first-line indent, measured from each line's own column
    if cur.x0 - cur.col_left > prev.x0 - prev.col_left + body * 0.8 and not hanging:
        return True
    return False


_PARA_PAGE_CUT = 20_000      # a paragraph this long is cut at the next page break
_PARA_HARD_CUT = 200_000     # and this long at the next line (no text line may be unbounded)


def _too_long(para: _Para, ln: Line) -> bool:
    """A "paragraph" running on for pages (a text with no sentence end, no indent, no gap) is
    cut at page breaks, so that no canonical line grows without bound."""
    return para.chars > _PARA_HARD_CUT or para.chars > _PARA_PAGE_CUT and ln.page != para.lines[-1].page


def _table_rows(lines: list[Line], body: float) -> list[list[str]]:
    """Rows from a captioned table: a line starting at the left column opens a row (its
    first cell is the row header), a bulleted line opens a cell, others continue the cell."""
    left = min(ln.x0 for ln in lines)
    rows: list[list[str]] = []
    for ln in lines:
        cells = [c for _, t in ln.segments for c in _INNER_BULLET.split(t)] or [ln.text]
        first_x = ln.segments[0][0] if ln.segments else ln.x0
        if first_x <= left + body and not _CELL_BULLET.match(cells[0]):
            rows.append([cells[0]] + [_CELL_BULLET.sub("", c) for c in cells[1:]])
            continue
        if not rows:
            rows.append([""])
        for j, c in enumerate(cells):
            if _CELL_BULLET.match(c) or j > 0 or len(rows[-1]) == 1:
                rows[-1].append(_CELL_BULLET.sub("", c))
            else:
                rows[-1][-1] = _join_lines([rows[-1][-1], c])
    return [r for r in rows if any(c.strip() for c in r)]


def _grid_run(lines: list[Line], i: int) -> int:
    """End of a run of two or more lines that each have several wide-gap cells."""
    j = i
    while j < len(lines) and len(lines[j].segments) >= 2:
        j += 1
    return j if j - i >= 2 else i


def _ruled_rows(flat: list[Line], i: int) -> tuple[int, list[list[str]]]:
    """The rows of the ruled table whose first line is flat[i], each cell's lines joined, and
    the index after its last line. Only a grid (two rows or more, some row with two cells or
    more) is a table: a single row of boxes side by side, or a column of framed paragraphs,
    is left to be read as paragraphs (rows empty)."""
    first = flat[i]
    end = i
    while end < len(flat) and flat[end].page == first.page and flat[end].table == first.table:
        end += 1
    rows: dict[int, list[list[str]]] = {}
    region = None
    for ln in flat[i:end]:
        cells = rows.setdefault(ln.row, [])
        if ln.region != region or not cells:
            cells.append([])
            region = ln.region
        cells[-1].append(ln.text)
    if len(rows) < 2 or max(len(c) for c in rows.values()) < 2:
        return i, []
    return end, [[_join_lines(c) for c in rows[r]] for r in sorted(rows)]


def _render(pages: list[list[Line]], body: float, canon: Canon) -> None:
    title = _title_size(pages, body)
    levels = _heading_levels(pages, body, title)
    bold_level = len(levels) + 1
    left, right, pitch = _margins(pages, body)
    flat = [ln for lines in pages for ln in lines]
    i = 0
    para: _Para | None = None

    def flush():
        nonlocal para
        if para is None or not para.lines:
            para = None
            return
        canon.page(para.lines[0].page)
        if para.kind == "title":
            canon.title = " ".join(ln.text for ln in para.lines)
            canon.paragraph(canon.title)
        elif para.kind == "heading":
            canon.heading(" ".join(ln.text for ln in para.lines), para.level)
        else:
            marks: list[tuple[int, int]] = []
            joined = _Joined()
            for ln in para.lines:
                start = joined.add(ln.text)
                if not marks or ln.page != marks[-1][1]:
                    marks.append((start, ln.page))
            canon.paragraph_with_pages(joined.text(), marks)
        para = None

    while i < len(flat):
        ln = flat[i]
        if _CAPTION.match(ln.text):
            end = next((j for j in range(i + 1, min(len(flat), i + 60)) if _SOURCE.match(flat[j].text)), None)
            if end is not None and end > i + 1:
                flush()
                canon.page(ln.page)
                canon.table(_table_rows(flat[i + 1:end], body), caption=ln.text, source=flat[end].text)
                i = end + 1
                continue
        if ln.table:
            end, rows = _ruled_rows(flat, i)
            if rows:
                flush()
                canon.page(ln.page)
                canon.table(rows)
                i = end
                continue
        g = _grid_run(flat, i) if len(ln.segments) >= 2 else i
        if g > i:
            flush()
            canon.page(ln.page)
            canon.table([[t for _, t in x.segments] for x in flat[i:g]])
            i = g
            continue
        if title is not None and round(ln.size * 2) / 2 == title:
            if not (para and para.kind == "title"):
                flush()
                para = _Para([ln], "title")
            else:
                para.lines.append(ln)
            i += 1
            continue
        if _is_heading(ln, body):
            level = levels.get(round(ln.size * 2) / 2, bold_level)
            if para and para.kind == "heading" and para.level == level and para.lines[-1].page == ln.page \
                    and para.lines[-1].y - ln.y <= ln.size * 1.8:
                para.lines.append(ln)                  # a heading wrapped over two lines
            else:
                flush()
                para = _Para([ln], "heading", level)
            i += 1
            continue
        if para is None or para.kind != "paragraph" or _breaks(para.lines[-1], ln, para, body, left, right, pitch) \
                or _too_long(para, ln):
            flush()
            para = _Para([ln], chars=len(ln.text))
        else:
            para.lines.append(ln)
            para.chars += len(ln.text) + 1
        i += 1
    flush()


def _no_text(pages: Pages) -> str:
    n = len(pages.lines)
    if pages.scanned:
        return f"the PDF has no text layer (scanned); OCR is not installed: {pdf_ocr.INSTALL_HINT}"
    if pages.ocr or pages.ocr_failed:
        return (f"the PDF has no text layer (scanned), and OCR read no text it is confident of on its {n} page(s) "
                f"(languages: {(pdf_ocr.tesseract() or ('', 'none'))[1]})")
    if len(pages.damaged) == n:
        return f"the PDF is damaged: none of its {n} page(s) can be read"
    if pages.damaged:
        return f"the PDF holds no text: its pages are blank or damaged ({len(pages.damaged)} damaged)"
    return "the PDF holds no text (its pages are blank)"


def load_pdf(data: bytes, *, doc_id: str, source: str) -> Document:
    pdf = _open(data)
    try:
        meta = _meta(pdf)
        pages = extract_pages(pdf)
    finally:
        pdf.close()
    if not any(pages.lines):
        raise InputError(_no_text(pages))
    lines = pages.lines
    heads = _drop_running_heads(lines, pages.heights)
    body = _body_size(lines)
    notes = split_footnotes(lines, pages.heights, body, lambda i: pages.seps.get(i, []))
    canon = Canon()
    # the layout gave paragraphs, headings, tables and notes: structure guesses none of them
    # again; markers are still found in the text (many are printed on the baseline: "[3]", "법3)"),
    # and only where a note of that number exists
    canon.native = True
    canon.places_markers = False
    _render(lines, body, canon)
    for kind, text in heads:
        canon.furniture(text, kind)           # written once, after the body
    for n, note in notes:
        text = _join_lines([ln.text for ln in note])
        canon.footnote(n, FN_START.sub("", text, count=1))
    meta.title = meta.title or (_unmark(canon.title) if canon.title else None)
    doc = canon.document(doc_id=doc_id, source=source, fmt="pdf", meta=meta)
    doc.warnings += pages.warnings()
    return doc
