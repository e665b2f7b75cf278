"""The contract between ``track/`` (which computes) and ``store/`` (which persists and queries).

``track.build(docs, reviews) -> Tracking`` takes every analysed document of a corpus and the
analysts' reviews and returns summits, commitments with lineage, evidence and status history, and
poll series. Every id is derived from content (never from a rank in a list), so the same corpus
gives the same ids on SQLite and PostgreSQL, in one process or on Ray, before and after re-ingest.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..model.export import Analysis

Relation = Literal["supports", "contradicts"]
# G7 Research Group compliance score: +1 full, 0 partial or in progress, -1 not complied
Score = Literal[-1, 0, 1]
# promise-tracker words
Verdict = Literal["not_yet_rated", "in_the_works", "stalled", "kept", "compromise", "broken"]


class TrackDoc(BaseModel):
    """One analysed document as tracking sees it."""
    id: str                                  # sha256 of the input bytes
    source: str
    reference_date: str | None = None        # ISO; None when nothing dates the document
    reference_date_source: str = "none"
    analysis: Analysis
    # optional: ``track.keys.digest(analysis)`` kept from ingest, so that a rebuild does not
    # tokenise the corpus again (ignored when made by another version of the key function)
    keys: dict | None = None


class Span(BaseModel):
    document: str
    start: int                               # raw offsets into the decoded input
    end: int
    quote: str                               # the raw text of [start, end)
    page: int | None = None


class Summit(BaseModel):
    id: str                                  # hash of sorted parties + start date (+ forum)
    date: str                                # ISO start date (host's calendar day)
    end: str | None = None
    place: str | None = None
    forum: str | None = None                 # G7, NATO, APEC... or None for a stand-alone bilateral
    parties: list[str] = Field(default_factory=list)   # ISO 3166-1 alpha-2
    label: str = ""                          # "KR-US summit, 2025-08-25, Washington"
    documents: list[str] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)


class LineageMention(BaseModel):
    document: str
    date: str | None = None                  # the document's reference date
    span: Span
    wording: str
    changes: list[str] = Field(default_factory=list)   # vs the earliest mention: softened, hardened, number_changed


class EvidenceLink(BaseModel):
    id: str
    document: str
    date: str | None = None                  # when the event happened (else the document's date)
    relation: Relation
    degree: Literal["full", "partial"] = "full"
    party: str | None = None                 # ISO code of the party whose act this is, when known
    text: str
    span: Span


class StatusPoint(BaseModel):
    date: str | None
    score: Score | None                      # None = not yet rated
    verdict: Verdict
    source: Literal["evidence", "review"]
    ref: str | None = None                   # evidence id or review id


class Commitment(BaseModel):
    id: str                                  # hash of summit id + canonical key of the commitment
    summit: str | None = None
    actors: list[str] = Field(default_factory=list)    # ISO codes (or entity names when not a state)
    domain: str = "other"
    text: str                                # wording of the earliest mention
    mentions: list[LineageMention] = Field(default_factory=list)
    evidence: list[EvidenceLink] = Field(default_factory=list)
    history: list[StatusPoint] = Field(default_factory=list)
    score: Score | None = None               # current
    verdict: Verdict = "not_yet_rated"


class Review(BaseModel):
    """An analyst's override, kept as history (never overwritten)."""
    id: str
    commitment: str
    verdict: Verdict
    why: str
    by: str | None = None
    at: str                                  # ISO timestamp
    evidence: Span | None = None


class PollPoint(BaseModel):
    id: str                                  # hash of pollster + field dates + question + figures
    pollster: str
    field_start: str | None = None
    field_end: str | None = None
    question: str
    results: dict[str, float] = Field(default_factory=dict)
    sample_size: int | None = None
    documents: list[str] = Field(default_factory=list)   # every outlet that reported it (counted once)
    spans: list[Span] = Field(default_factory=list)


class PollSeries(BaseModel):
    id: str                                  # hash of pollster + normalised question
    pollster: str
    question: str
    points: list[PollPoint] = Field(default_factory=list)  # by field date


class PartyScore(BaseModel):
    party: str
    summit: str | None = None
    score: float | None = None               # mean of rated commitments' scores
    rated: int = 0
    total: int = 0


class Tracking(BaseModel):
    summits: list[Summit] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    poll_series: list[PollSeries] = Field(default_factory=list)
    scores: list[PartyScore] = Field(default_factory=list)
