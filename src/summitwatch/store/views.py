"""What the queries return: plain pydantic models that the CLI prints (table or JSON) and the web
app renders, so neither ever touches SQL. Tracking's own models (``track.model``) are reused
wherever they fit."""
from __future__ import annotations

from pydantic import BaseModel, Field

from ..track import model as tm


class CommitmentRow(BaseModel):
    """A commitment in a listing: without its lineage and evidence, with their counts."""
    id: str
    summit: str | None = None
    actors: list[str] = Field(default_factory=list)
    domain: str = "other"
    text: str
    score: tm.Score | None = None
    verdict: tm.Verdict = "not_yet_rated"
    mentions: int = 0
    evidence: int = 0


class CommitmentDetail(BaseModel):
    commitment: tm.Commitment
    summit: tm.Summit | None = None
    reviews: list[tm.Review] = Field(default_factory=list)


class SummitDetail(BaseModel):
    summit: tm.Summit
    commitments: list[CommitmentRow] = Field(default_factory=list)
    scores: list[tm.PartyScore] = Field(default_factory=list)


class DocumentRow(BaseModel):
    id: str
    title: str | None = None
    format: str
    sources: list[str] = Field(default_factory=list)
    reference_date: str | None = None
    reference_date_source: str = "none"
    pipeline_version: str | None = None
    added_at: str


class FactRow(BaseModel):
    id: str
    kind: str
    start: int | None = None          # raw offsets
    end: int | None = None
    page: int | None = None
    text: str
    value: dict


class DocumentDetail(BaseModel):
    document: DocumentRow
    text: str                         # the raw decoded input: every offset indexes it
    facts: list[FactRow] = Field(default_factory=list)
    summits: list[str] = Field(default_factory=list)


class SearchHit(BaseModel):
    document: str
    title: str | None = None
    start: int                        # raw span of the sentence
    end: int
    snippet: str
    hits: list[tuple[int, int]] = Field(default_factory=list)   # raw spans of the matched morphemes
    rank: float


class Counts(BaseModel):
    documents: int = 0
    facts: int = 0
    summits: int = 0
    commitments: int = 0
    poll_series: int = 0
    reviews: int = 0
