"""The recovered structure of a document: blocks, headings, tables, footnotes, citations."""
from __future__ import annotations

from dataclasses import dataclass, field

from .mapped import MappedText


@dataclass(slots=True)
class Heading:
    level: int
    text: str
    raw_offset: int
    start: int = 0            # offset in the body text
    page: int | None = None
    role: str | None = None   # a web page's headline, deck or subhead (structure/news.py); None: outline


@dataclass(slots=True)
class TableRow:
    header: str
    cells: list[str]


@dataclass(slots=True)
class Table:
    caption: str
    rows: list[TableRow]
    source: str | None
    raw_offset: int
    start: int = 0
    end: int = 0
    header_rows: int = 0          # leading rows that label the columns
    parent: int | None = None     # index (in Structure.tables) of the table whose cell holds this one


@dataclass(slots=True)
class FootnoteRef:
    n: int
    raw_offset: int
    start: int = 0             # position in the body where the marker was removed
    dangling: bool = False     # no footnote body was found for it


@dataclass(slots=True)
class Footnote:
    n: int
    text: MappedText
    raw_offset: int
    in_body: bool = False      # its text is also in the body (after the table that anchors it)


@dataclass(slots=True)
class Citation:
    footnote: int
    publisher: str | None
    title: str | None
    date: str | None
    url: str | None
    accessed: str | None
    raw_offset: int


@dataclass(slots=True)
class Block:
    kind: str                  # heading, paragraph, caption, table_row, source, list_item
    start: int                 # offsets in the body text
    end: int
    level: int | None = None


@dataclass(slots=True)
class Structure:
    body: MappedText                      # reflowed body, markers removed
    blocks: list[Block] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    footnote_refs: list[FootnoteRef] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # page furniture (menus, bylines, photo captions, stamps, related lists): kind and body span
    furniture: list[Block] = field(default_factory=list)
