"""Extracted facts. Each is a pydantic model whose fields are the analysis export's;
``start``/``stop`` (excluded from the export) locate it on the analysis text."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Fact(BaseModel):
    model_config = ConfigDict(extra="allow")

    text: str = ""
    id: str = ""                   # stable: hash of document, kind, raw span and text (set by the export)
    raw_offset: int | None = None
    raw_end: int | None = None     # raw offset just past the fact's last character
    # position on the analysis text; not exported
    start: int = Field(default=-1, exclude=True)
    stop: int = Field(default=-1, exclude=True)


class DateFact(Fact):
    value: str | None              # ISO at the text's precision: YYYY, YYYY-MM, YYYY-MM-DD (None: unresolved)
    end: str | None = None         # range end, same format
    relative: bool = False         # resolved against the reference date
    fuzzy: str | None = None       # early/mid/late, half, quarter...


class Quantity(Fact):
    kind: str                      # money, percent, count, duration
    value: float
    unit: str | None = None        # ISO 4217 for money, '%' or '%p' for percent
    approximate: bool = False


class PollQuestion(BaseModel):
    topic: str
    results: dict[str, float]
    options: dict[str, str] | None = None      # label -> the quoted answer option that gave it


class Poll(Fact):
    pollsters: list[str]
    field_start: str | None = None
    field_end: str | None = None
    sample_size: int | None = None
    margin_of_error: float | None = None
    questions: list[PollQuestion] = Field(default_factory=list)


class Mention(BaseModel):
    text: str
    raw_offset: int | None
    raw_end: int | None = None
    start: int = Field(default=-1, exclude=True)
    stop: int = Field(default=-1, exclude=True)


class Entity(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str = ""                   # stable: hash of document, name and type (set by the export)
    name: str
    type: str                      # PERSON, COUNTRY, LOCATION, ORG
    aliases: list[str] = Field(default_factory=list)
    iso: str | None = None
    subtype: str | None = None
    kb_id: str | None = None
    mentions: list[Mention] = Field(default_factory=list)
    venue_mentions: list[int] = Field(default_factory=list)   # mentions where an organisation's seat is a place

class Group(Fact):
    members: list[str]


class Event(Fact):
    date: str
    end: str | None = None
    status: str = "occurred"       # occurred, scheduled, candidate
    actors: list[str] = Field(default_factory=list)


class Evidence(BaseModel):
    date: str | None
    relation: str                  # supports, contradicts
    text: str
    raw_offset: int | None = None


class Commitment(Fact):
    actors: list[str] = Field(default_factory=list)
    domain: str = "other"
    cue: str | None = None
    status: str = "pending"        # pending, kept, partly_kept, contradicted, broken
    evidence: list[Evidence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Point(Fact):
    """A finding or a recommendation, numbered, with nested sub-points."""
    n: int | None = None
    children: list["Point"] = Field(default_factory=list)
