"""A decoded input document, before structure recovery."""
from __future__ import annotations

from dataclasses import dataclass, field

from .mapped import MappedText


@dataclass(slots=True)
class DocMeta:
    title: str | None = None
    date: str | None = None        # ISO date the format itself states (HTML meta, PDF info)
    author: str | None = None


@dataclass(slots=True)
class NativeFootnote:
    """A footnote the format stores as an object (DOCX, HWPX), with its marker position."""
    n: int
    text: str
    marker_raw: int | None = None   # raw offset of the marker in the body, if known


@dataclass(slots=True)
class TableHint:
    """A table as the format stores it: raw spans of its caption, cells and source line."""
    start: int                                  # raw span of the whole block
    end: int
    rows: list[list[tuple[int, int]]]           # per row, the raw span of every cell (empty: start == end)
    caption: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    header_rows: int = 0                        # leading rows the format marks as column headers
    parent: int | None = None                   # index of the table whose cell holds this one


@dataclass(slots=True)
class Layout:
    """What a format knows that plain text has lost."""
    # (raw_offset, page number) at the start of every page, ascending
    pages: list[tuple[int, int]] = field(default_factory=list)
    # raw offset of a line start -> heading level, from styles or font sizes
    headings: dict[int, int] = field(default_factory=dict)
    # raw offset where footnote bodies begin, when the format separates them
    footnotes_start: int | None = None
    # the reader wrote the text from a format that stores its paragraphs and notes (HWP, HWPX,
    # DOCX, HTML): no page numbers, running heads or footnotes are to be guessed from it
    native: bool = False
    # raw offset of a line start -> nesting level (1 = outermost) of a numbered or bulleted list item
    lists: dict[int, int] = field(default_factory=dict)
    # (raw start, raw end, n) of every footnote marker the format places, when it does
    markers: list[tuple[int, int, int]] | None = None
    # tables the format stores, in text order (nested ones after the table holding them)
    tables: list[TableHint] = field(default_factory=list)
    # (raw start, raw end, kind) of page headers and footers, kept after the body
    furniture: list[tuple[int, int, str]] = field(default_factory=list)
    # (raw start, raw end, n) of footnote bodies written in the body, after the table whose cell
    # holds their marker (the other bodies are after the body, from footnotes_start)
    notes: list[tuple[int, int, int]] = field(default_factory=list)

    def page_at(self, raw: int) -> int | None:
        page = None
        for start, n in self.pages:
            if start > raw:
                break
            page = n
        return page


@dataclass(slots=True)
class Document:
    id: str                    # sha256 of the input bytes
    source: str                # file name
    raw: str                   # decoded input: raw_offset indexes this
    text: MappedText           # normalised text (NFC, controls handled) mapped to raw
    format: str = "text"
    encoding: str | None = None
    meta: DocMeta = field(default_factory=DocMeta)
    layout: Layout | None = None
    warnings: list[str] = field(default_factory=list)
