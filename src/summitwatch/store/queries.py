"""Reads. Every query the CLI and the web app need lives here and returns ``views`` models."""
from __future__ import annotations

from collections import defaultdict

from pydantic import TypeAdapter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..track import model as tm
from . import schema as s
from . import views as v


class NotFound(LookupError):
    """No such (or no unique) summit, commitment or document; the message is one line."""


SCORES = {"+1": 1, "1": 1, "0": 0, "-1": -1}


def _summit(row: s.Summit, documents: list[str]) -> tm.Summit:
    """One summit from its ORM row (a detail page)."""
    return tm.Summit(**_summit_fields({c: getattr(row, c) for c in (
        "id", "date", "end", "place", "forum", "parties", "label", "spans")}, documents))


def _summit_fields(m, documents: list[str]) -> dict:
    return dict(id=m["id"], date=m["date"], end=m["end"], place=m["place"], forum=m["forum"],
                parties=m["parties"] or [], label=m["label"] or "", documents=documents, spans=m.get("spans") or [])


# a listing is validated in one call (thousands of rows: per-object construction would dominate)
_SUMMITS = TypeAdapter(list[tm.Summit])
_ROWS = TypeAdapter(list[v.CommitmentRow])


_SUMMIT_COLS = (s.Summit.id, s.Summit.date, s.Summit.end, s.Summit.place, s.Summit.forum, s.Summit.label,
                s.Summit.parties, s.Summit.spans)
_COMMITMENT_COLS = (s.Commitment.id, s.Commitment.summit_id, s.Commitment.actors, s.Commitment.domain,
                    s.Commitment.text, s.Commitment.score, s.Commitment.verdict)


def _row_fields(c, mentions: int, evidence: int) -> dict:
    return dict(id=c[0], summit=c[1], actors=c[2] or [], domain=c[3], text=c[4], score=c[5], verdict=c[6],
                mentions=mentions, evidence=evidence)


def _summit_filters(q, party: str | None, forum: str | None):
    if party:
        q = q.where(s.Summit.id.in_(select(s.SummitParty.summit_id).where(s.SummitParty.party == party.upper())))
    if forum:
        q = q.where(func.lower(s.Summit.forum) == forum.lower())
    return q


class QueryMixin:
    engine: object

    def counts(self) -> v.Counts:
        with Session(self.engine) as ses:
            n = lambda t: ses.scalar(select(func.count()).select_from(t)) or 0  # noqa: E731
            return v.Counts(documents=n(s.Document), facts=n(s.Fact), summits=n(s.Summit),
                            commitments=n(s.Commitment), poll_series=n(s.PollSeries), reviews=n(s.Review))

    # --- summits ----------------------------------------------------------------------------

    def summits(self, party: str | None = None, forum: str | None = None, limit: int | None = None,
                offset: int = 0, spans: bool = False) -> list[tm.Summit]:
        """Summits by date, newest first, each with the ids of the documents that mention it; their
        spans (every mention, quoted) only with ``spans=True`` (``summit(id)`` always has them).
        ``limit``/``offset`` read one page: the date index gives it without reading the others."""
        cols = _SUMMIT_COLS if spans else _SUMMIT_COLS[:-1]
        with Session(self.engine) as ses:
            q = _summit_filters(select(*cols), party, forum).order_by(s.Summit.date.desc(), s.Summit.id)
            rows = ses.connection().execute(q.offset(offset).limit(limit)).all()
            docs = self._summit_docs(ses, [r.id for r in rows], every=limit is None and not (party or forum))
            return _SUMMITS.validate_python([_summit_fields(r._mapping, docs.get(r.id, [])) for r in rows])

    def summits_total(self, party: str | None = None, forum: str | None = None) -> int:
        """How many summits ``summits`` lists with these filters (a listing's page says 'of N')."""
        with Session(self.engine) as ses:
            return ses.scalar(_summit_filters(select(func.count(s.Summit.id)), party, forum)) or 0

    @staticmethod
    def _summit_docs(ses: Session, ids: list[str], every: bool = False) -> dict[str, list[str]]:
        """Summit id -> its documents' ids; ``every``: all summits are wanted, read the table once."""
        out: dict[str, list[str]] = defaultdict(list)
        q = select(s.SummitDocument.summit_id, s.SummitDocument.document_id) \
            .order_by(s.SummitDocument.summit_id, s.SummitDocument.position)
        chunks = [None] if every else [ids[i:i + 500] for i in range(0, len(ids), 500)]
        for chunk in chunks:
            for sid, did in ses.execute(q if chunk is None else q.where(s.SummitDocument.summit_id.in_(chunk))):
                out[sid].append(did)
        return out

    def summit(self, summit_id: str) -> v.SummitDetail:
        with Session(self.engine) as ses:
            sid = self._resolve(ses, s.Summit, summit_id, "summit")
            row = ses.get(s.Summit, sid)
            summit = _summit(row, self._summit_docs(ses, [sid]).get(sid, []))
            scores = [tm.PartyScore(party=x.party, summit=x.summit_id, score=x.score, rated=x.rated, total=x.total)
                      for x in ses.scalars(select(s.PartyScore).where(s.PartyScore.summit_id == sid)
                                           .order_by(s.PartyScore.party))]
        return v.SummitDetail(summit=summit, commitments=self.commitments(summit=sid), scores=scores)

    # --- commitments ------------------------------------------------------------------------

    def commitments(self, summit: str | None = None, party: str | None = None, status: str | None = None,
                    domain: str | None = None, limit: int | None = None, offset: int = 0) -> list[v.CommitmentRow]:
        """Commitments in tracking's order; ``status`` is a verdict word or a score (+1, 0, -1).
        One query: each row's mention and evidence counts come through their (commitment_id,
        position) keys, so a page costs its own rows only (the position index orders it)."""
        with Session(self.engine) as ses:
            counts = [select(func.count()).where(t.commitment_id == s.Commitment.id).correlate(s.Commitment)
                      .scalar_subquery() for t in (s.LineageMention, s.Evidence)]
            q = self._commitment_filters(ses, select(*_COMMITMENT_COLS, *counts), summit, party, status, domain)
            # through the connection: plain rows, without the ORM's per-row bookkeeping
            rows = ses.connection().execute(q.order_by(s.Commitment.position).offset(offset).limit(limit)).all()
            return _ROWS.validate_python([_row_fields(r, r[-2], r[-1]) for r in rows])

    def commitments_total(self, summit: str | None = None, party: str | None = None, status: str | None = None,
                          domain: str | None = None) -> int:
        with Session(self.engine) as ses:
            q = self._commitment_filters(ses, select(func.count(s.Commitment.id)), summit, party, status, domain)
            return ses.scalar(q) or 0

    def _commitment_filters(self, ses: Session, q, summit, party, status, domain):
        if summit:
            q = q.where(s.Commitment.summit_id == self._resolve(ses, s.Summit, summit, "summit"))
        if party:
            q = q.where(s.Commitment.id.in_(select(s.CommitmentActor.commitment_id)
                                            .where(s.CommitmentActor.actor == party.upper())))
        if status:
            key = status.strip().lower()
            q = q.where(s.Commitment.score == SCORES[key]) if key in SCORES else \
                q.where(s.Commitment.verdict == key.replace(" ", "_").replace("-", "_"))
        if domain:
            q = q.where(s.Commitment.domain == domain)
        return q

    def commitment(self, commitment_id: str) -> v.CommitmentDetail:
        with Session(self.engine) as ses:
            cid = self._resolve(ses, s.Commitment, commitment_id, "commitment")
            c = ses.get(s.Commitment, cid)
            by = lambda t: ses.scalars(select(t).where(t.commitment_id == cid).order_by(t.position)).all()  # noqa
            full = tm.Commitment(
                id=c.id, summit=c.summit_id, actors=list(c.actors or []), domain=c.domain, text=c.text,
                score=c.score, verdict=c.verdict,
                mentions=[tm.LineageMention(document=m.document_id, date=m.date, span=tm.Span(**m.span),
                                            wording=m.wording, changes=list(m.changes or []))
                          for m in by(s.LineageMention)],
                evidence=[tm.EvidenceLink(id=e.id, document=e.document_id, date=e.date, relation=e.relation,
                                          degree=e.degree, party=e.party, text=e.text, span=tm.Span(**e.span))
                          for e in by(s.Evidence)],
                history=[tm.StatusPoint(date=h.date, score=h.score, verdict=h.verdict, source=h.source, ref=h.ref)
                         for h in by(s.StatusPoint)])
            summit = None
            if c.summit_id and (row := ses.get(s.Summit, c.summit_id)) is not None:
                summit = _summit(row, self._summit_docs(ses, [row.id]).get(row.id, []))
        return v.CommitmentDetail(commitment=full, summit=summit, reviews=self.reviews(cid))

    def kind_of(self, some_id: str) -> str:
        """'summit' or 'commitment' for an id (or a unique prefix of one)."""
        with Session(self.engine) as ses:
            found = [kind for kind, table in (("summit", s.Summit), ("commitment", s.Commitment))
                     if self._matches(ses, table, some_id)]
        if len(found) != 1:
            raise NotFound(f"no summit or commitment {some_id}" if not found
                           else f"{some_id} is both a summit and a commitment id prefix; give more of it")
        return found[0]

    # --- polls, documents -------------------------------------------------------------------

    def polls(self, pollster: str | None = None) -> list[tm.PollSeries]:
        with Session(self.engine) as ses:
            q = select(s.PollSeries).order_by(s.PollSeries.position)
            if pollster:
                q = q.where(s.PollSeries.pollster == pollster)
            series = ses.scalars(q).all()
            points: dict[str, list[tm.PollPoint]] = defaultdict(list)
            for p in ses.scalars(select(s.PollPoint).where(s.PollPoint.series_id.in_([x.id for x in series]))
                                 .order_by(s.PollPoint.series_id, s.PollPoint.position)):
                points[p.series_id].append(tm.PollPoint(
                    id=p.id, pollster=p.pollster, field_start=p.field_start, field_end=p.field_end,
                    question=p.question, results=p.results or {}, sample_size=p.sample_size,
                    documents=list(p.documents or []), spans=[tm.Span(**x) for x in p.spans or []]))
        return [tm.PollSeries(id=x.id, pollster=x.pollster, question=x.question, points=points.get(x.id, []))
                for x in series]

    def documents(self, limit: int | None = None, offset: int = 0) -> list[v.DocumentRow]:
        with Session(self.engine) as ses:
            q = (select(s.Document, s.AnalysisRun).join(s.AnalysisRun, s.AnalysisRun.id == s.Document.run_id)
                 .order_by(s.Document.added_at, s.Document.id).offset(offset).limit(limit))
            rows = ses.execute(q).all()
            sources = self._sources(ses, [d.id for d, _ in rows])
            return [self._doc_row(d, r, sources.get(d.id, [])) for d, r in rows]

    @staticmethod
    def _doc_row(d: s.Document, r: s.AnalysisRun | None, sources: list[str]) -> v.DocumentRow:
        return v.DocumentRow(id=d.id, title=d.title, format=d.format, sources=sources,
                             reference_date=r.reference_date if r else None,
                             reference_date_source=r.reference_date_source if r else "none",
                             pipeline_version=r.pipeline_version if r else None, added_at=d.added_at)

    @staticmethod
    def _sources(ses: Session, ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for i in range(0, len(ids), 500):
            for did, path in ses.execute(select(s.DocumentSource.document_id, s.DocumentSource.path)
                                         .where(s.DocumentSource.document_id.in_(ids[i:i + 500]))
                                         .order_by(s.DocumentSource.path)):
                out[did].append(path)
        return out

    def document(self, doc_id: str, kinds: list[str] | None = None) -> v.DocumentDetail:
        with Session(self.engine) as ses:
            did = self._resolve(ses, s.Document, doc_id, "document")
            d = ses.get(s.Document, did)
            run = ses.get(s.AnalysisRun, d.run_id) if d.run_id else None
            q = select(s.Fact).where(s.Fact.document_id == did).order_by(s.Fact.raw_start, s.Fact.kind, s.Fact.id)
            if kinds:
                q = q.where(s.Fact.kind.in_(kinds))
            facts = [v.FactRow(id=f.id, kind=f.kind, start=f.raw_start, end=f.raw_end, page=f.page, text=f.text,
                               value=f.value) for f in ses.scalars(q)]
            summits = ses.scalars(select(s.SummitDocument.summit_id).where(s.SummitDocument.document_id == did)
                                  .order_by(s.SummitDocument.summit_id)).all()
            row = self._doc_row(d, run, self._sources(ses, [did]).get(did, []))
        return v.DocumentDetail(document=row, text=d.raw_text, facts=facts, summits=list(summits))

    # --- ids --------------------------------------------------------------------------------

    @staticmethod
    def _matches(ses: Session, table, some_id: str) -> list[str]:
        if ses.get(table, some_id) is not None:
            return [some_id]
        return ses.scalars(select(table.id).where(table.id.startswith(some_id, autoescape=True)).limit(2)).all()

    def _resolve(self, ses: Session, table, some_id: str, what: str) -> str:
        """A full id from an id or a unique prefix of one."""
        found = self._matches(ses, table, some_id)
        if len(found) != 1:
            raise NotFound(f"no {what} {some_id}" if not found else f"{what} id {some_id} is ambiguous; "
                           "give more of it")
        return found[0]
