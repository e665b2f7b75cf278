"""The analysis export, schema ``summitwatch.analysis/1`` (see docs/export.md)."""
from __future__ import annotations

from pydantic import BaseModel, Field

from .facts import Commitment, DateFact, Entity, Event, Group, Point, Poll, Quantity

SCHEMA = "summitwatch.analysis/1"


class DocumentInfo(BaseModel):
    id: str
    source: str
    language: str = "ko"
    reference_date: str | None = None
    reference_date_source: str = "none"   # given, metadata, dateline, byline, latest_date, ... none
    # the language of each paragraph of the body: [{"raw_offset": 0, "language": "en"}, ...]
    paragraph_languages: list[dict] = Field(default_factory=list)
    format: str = "text"
    encoding: str | None = None
    title: str | None = None


class HeadingOut(BaseModel):
    level: int
    text: str
    raw_offset: int
    page: int | None = None


class RowOut(BaseModel):
    header: str
    cells: list[str]


class TableOut(BaseModel):
    caption: str
    rows: list[RowOut]
    source: str | None = None
    raw_offset: int
    header_rows: int = 0            # leading rows that label the columns
    parent: int | None = None       # index of the table whose cell holds this one (nested tables)


class FootnoteRefOut(BaseModel):
    n: int
    raw_offset: int
    dangling: bool = False


class FootnoteOut(BaseModel):
    n: int
    text: str
    raw_offset: int


class CitationOut(BaseModel):
    footnote: int
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    accessed: str | None = None
    raw_offset: int


class SummitOut(BaseModel):
    """A summit the document reports, found as tracking finds it (``track.summits``) in this
    document alone: the id is tracking's content id, so the corpus gives the same summit the same id
    when the document's date for it is the corpus's date."""
    id: str
    date: str                       # ISO start date the document gives
    end: str | None = None
    place: str | None = None
    forum: str | None = None
    parties: list[str] = Field(default_factory=list)      # ISO 3166-1 alpha-2
    raw_offset: int                 # the first mention that dates it
    raw_end: int


class Analysis(BaseModel):
    schema_: str = Field(default=SCHEMA, alias="schema")
    document: DocumentInfo
    text: str
    headings: list[HeadingOut] = Field(default_factory=list)
    tables: list[TableOut] = Field(default_factory=list)
    footnote_refs: list[FootnoteRefOut] = Field(default_factory=list)
    footnotes: list[FootnoteOut] = Field(default_factory=list)
    citations: list[CitationOut] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    # dates that need a reference date the document does not give: text kept, value null
    dates_unresolved: list[DateFact] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    polls: list[Poll] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    named_events: list[Entity] = Field(default_factory=list)     # type EVENT: G20 정상회의, 올림픽
    events: list[Event] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    findings: list[Point] = Field(default_factory=list)
    recommendations: list[Point] = Field(default_factory=list)
    summits: list[SummitOut] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # page furniture the extractors skip: [{"kind": "byline", "text": "...", "raw_offset": 0}]
    furniture: list[dict] = Field(default_factory=list)

    model_config = {"populate_by_name": True}

    def to_json(self, indent: int | None = 1) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)
