"""The corpus database: documents, analysis runs, facts, search units, what tracking derives
(summits, commitments with lineage, evidence and status history, poll series, party scores) and
the analysts' reviews. Alembic migrations (``store/alembic``) create these tables; keep them in
step (``tests/store/test_migrate.py`` compares the two)."""
from __future__ import annotations

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID = String(80)          # sha256 hex ids and their shorter hashes
DATE = String(32)        # ISO dates as text: they sort and compare the same on SQLite and PostgreSQL


class Base(DeclarativeBase):
    pass


# --- what ingest writes, one document per transaction -----------------------------------------

class Document(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(ID, primary_key=True)          # sha256 of the input bytes
    format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), default="ko")
    raw_text: Mapped[str] = mapped_column(Text)                     # raw offsets index this
    added_at: Mapped[str] = mapped_column(DATE)
    run_id: Mapped[int | None] = mapped_column(Integer)             # the current analysis run


class DocumentSource(Base):
    """Every path a document was ingested from (the same bytes under two names are one document)."""
    __tablename__ = "document_sources"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    path: Mapped[str] = mapped_column(String(1024), primary_key=True)


class AnalysisRun(Base):
    __tablename__ = "analysis_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    pipeline_version: Mapped[str] = mapped_column(String(32))
    kb_version: Mapped[str] = mapped_column(String(32))
    options: Mapped[dict] = mapped_column(JSON)
    reference_date: Mapped[str | None] = mapped_column(DATE)
    reference_date_source: Mapped[str] = mapped_column(String(16), default="none")
    analysis: Mapped[str] = mapped_column(Text)                     # the analysis export (JSON)
    # track.keys.digest(analysis), made in the worker: a rebuild does not tokenise the corpus again
    keys: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[str] = mapped_column(DATE)


class Fact(Base):
    __tablename__ = "facts"
    id: Mapped[str] = mapped_column(ID, primary_key=True)           # the export's stable fact id
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    run_id: Mapped[int] = mapped_column(ForeignKey("analysis_runs.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    raw_start: Mapped[int | None] = mapped_column(Integer)
    raw_end: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[dict] = mapped_column(JSON)
    __table_args__ = (Index("ix_facts_document_kind", "document_id", "kind"),)


class SearchUnit(Base):
    """One sentence: its Kiwi morphemes (space-separated) and each morpheme's raw span."""
    __tablename__ = "search_units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    raw_start: Mapped[int] = mapped_column(Integer)
    raw_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    morphemes: Mapped[str] = mapped_column(Text)
    offsets: Mapped[str] = mapped_column(Text)                      # "start:end" per morpheme, raw


# --- what tracking derives (replaced as a whole in one transaction) ---------------------------

class Summit(Base):
    __tablename__ = "summits"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    date: Mapped[str] = mapped_column(DATE, index=True)
    end: Mapped[str | None] = mapped_column(DATE)
    place: Mapped[str | None] = mapped_column(Text)
    forum: Mapped[str | None] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(Text, default="")
    parties: Mapped[list] = mapped_column(JSON)
    spans: Mapped[list] = mapped_column(JSON)


class SummitParty(Base):
    __tablename__ = "summit_parties"
    summit_id: Mapped[str] = mapped_column(ForeignKey("summits.id", ondelete="CASCADE"), primary_key=True)
    party: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class SummitDocument(Base):
    __tablename__ = "summit_documents"
    summit_id: Mapped[str] = mapped_column(ForeignKey("summits.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)


class Commitment(Base):
    __tablename__ = "commitments"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    summit_id: Mapped[str | None] = mapped_column(ForeignKey("summits.id", ondelete="SET NULL"), index=True)
    domain: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    actors: Mapped[list] = mapped_column(JSON)
    score: Mapped[int | None] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(32), index=True)
    position: Mapped[int] = mapped_column(Integer, index=True)      # tracking's order (listings)


class CommitmentActor(Base):
    __tablename__ = "commitment_actors"
    commitment_id: Mapped[str] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True)
    actor: Mapped[str] = mapped_column(String(128), primary_key=True, index=True)


class LineageMention(Base):
    __tablename__ = "lineage_mentions"
    commitment_id: Mapped[str] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ID, index=True)
    date: Mapped[str | None] = mapped_column(DATE)
    span: Mapped[dict] = mapped_column(JSON)
    wording: Mapped[str] = mapped_column(Text)
    changes: Mapped[list] = mapped_column(JSON)


class Evidence(Base):
    __tablename__ = "evidence"
    commitment_id: Mapped[str] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(ID, index=True)
    document_id: Mapped[str] = mapped_column(ID, index=True)
    date: Mapped[str | None] = mapped_column(DATE)
    relation: Mapped[str] = mapped_column(String(16))
    degree: Mapped[str] = mapped_column(String(16))
    party: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    span: Mapped[dict] = mapped_column(JSON)


class StatusPoint(Base):
    __tablename__ = "status_history"
    commitment_id: Mapped[str] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[str | None] = mapped_column(DATE)
    score: Mapped[int | None] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(16))
    ref: Mapped[str | None] = mapped_column(ID)


class PollSeries(Base):
    __tablename__ = "poll_series"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    pollster: Mapped[str] = mapped_column(Text)
    question: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class PollPoint(Base):
    __tablename__ = "poll_points"
    series_id: Mapped[str] = mapped_column(ForeignKey("poll_series.id", ondelete="CASCADE"), primary_key=True)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    pollster: Mapped[str] = mapped_column(Text)
    field_start: Mapped[str | None] = mapped_column(DATE)
    field_end: Mapped[str | None] = mapped_column(DATE, index=True)
    question: Mapped[str] = mapped_column(Text)
    results: Mapped[dict] = mapped_column(JSON)
    sample_size: Mapped[int | None] = mapped_column(Integer)
    documents: Mapped[list] = mapped_column(JSON)
    spans: Mapped[list] = mapped_column(JSON)


class PartyScore(Base):
    __tablename__ = "party_scores"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    party: Mapped[str] = mapped_column(String(128), index=True)
    summit_id: Mapped[str | None] = mapped_column(ID, index=True)
    score: Mapped[float | None] = mapped_column(Float)
    rated: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)


# --- what analysts write: append-only, never derived, never replaced --------------------------

class Review(Base):
    __tablename__ = "reviews"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)          # order of recording
    commitment_id: Mapped[str] = mapped_column(ID, index=True)      # no FK: commitments are rebuilt
    verdict: Mapped[str] = mapped_column(String(32))
    why: Mapped[str] = mapped_column(Text)
    by: Mapped[str | None] = mapped_column(Text)
    at: Mapped[str] = mapped_column(DATE)
    evidence: Mapped[dict | None] = mapped_column(JSON)              # a Span, with its quote


DERIVED = (PartyScore, PollPoint, PollSeries, StatusPoint, Evidence, LineageMention, CommitmentActor,
           Commitment, SummitDocument, SummitParty, Summit)
