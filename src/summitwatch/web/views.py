"""What each page shows, as pydantic models: the HTML page renders one and its JSON twin under
/api returns the same one. Store and tracking models are reused as they are."""
from __future__ import annotations

from pydantic import BaseModel, Field

from ..store import views as sv
from ..track import model as tm


class Party(BaseModel):
    iso: str
    name: str


class CommitmentFull(BaseModel):
    """A commitment with its lineage and evidence, as the summit page lists it."""
    commitment: tm.Commitment
    reviews: int = 0


class DomainGroup(BaseModel):
    domain: str
    commitments: list[CommitmentFull] = Field(default_factory=list)


class TimelineEvent(BaseModel):
    date: str | None
    kind: str                                   # summit, report, supports, contradicts, poll, review
    text: str
    span: tm.Span | None = None


class PollView(BaseModel):
    series: str
    pollster: str
    question: str
    points: list[tm.PollPoint] = Field(default_factory=list)
    chart_svg: str = Field("", exclude=True)     # HTML only (inline SVG); the JSON has the points


class Recommendation(BaseModel):
    n: str = ""
    text: str
    span: tm.Span


class SummitPage(BaseModel):
    summit: tm.Summit
    parties: list[Party] = Field(default_factory=list)
    domains: list[DomainGroup] = Field(default_factory=list)
    scores: list[tm.PartyScore] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    polls: list[PollView] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    sources: list[sv.DocumentRow] = Field(default_factory=list)


class Highlight(BaseModel):
    start: int
    end: int
    kind: str                                   # a fact kind, or "summit"
    fact: str | None = None
    label: str = ""
    href: str | None = None                     # the entity, commitment or summit it belongs to
    page: int | None = None


class Segment(BaseModel):
    """A run of text with the highlights covering all of it (innermost last)."""
    start: int
    end: int
    text: str
    marks: list[Highlight] = Field(default_factory=list)
    target: bool = False


class DocumentPage(BaseModel):
    document: sv.DocumentRow
    text: str
    facts: list[sv.FactRow] = Field(default_factory=list)
    highlights: list[Highlight] = Field(default_factory=list)
    summits: list[str] = Field(default_factory=list)
    target: tuple[int, int] | None = None
    segments: list[Segment] = Field(default_factory=list, exclude=True)   # HTML only


class EntityRow(BaseModel):
    key: str                                    # ISO code for a country, else the name
    name: str
    type: str
    documents: int = 0


class EntityPage(BaseModel):
    entity: EntityRow
    summits: list[tm.Summit] = Field(default_factory=list)
    commitments: list[sv.CommitmentRow] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)


class CommitmentPage(BaseModel):
    detail: sv.CommitmentDetail
    verdicts: list[str] = Field(default_factory=list)


class Job(BaseModel):
    id: str
    name: str
    state: str = "queued"                       # queued, analysing, tracking, done, unchanged, failed
    document: str | None = None
    error: str | None = None                    # the CLI's one line
    progress: float = 0.0
    created: str
