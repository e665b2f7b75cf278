"""Writes: one document per transaction, the tracking tables replaced as a whole, reviews appended."""
from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from ..track import model as tm
from . import schema as s
from .prepare import Prepared, version_key


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class WriteMixin:
    engine: object

    # --- documents ------------------------------------------------------------------------

    def runs_of(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        """Document id -> (pipeline version, KB version) of its current run, for those stored."""
        out: dict[str, tuple[str, str]] = {}
        with Session(self.engine) as ses:
            for i in range(0, len(ids), 500):
                q = (select(s.Document.id, s.AnalysisRun.pipeline_version, s.AnalysisRun.kb_version)
                     .join(s.AnalysisRun, s.AnalysisRun.id == s.Document.run_id)
                     .where(s.Document.id.in_(ids[i:i + 500])))
                out.update({d: (p, k) for d, p, k in ses.execute(q)})
        return out

    def add_source(self, doc_id: str, path: str) -> None:
        with Session(self.engine) as ses, ses.begin():
            self._add_source(ses, doc_id, path)

    def _add_source(self, ses: Session, doc_id: str, path: str) -> None:
        if ses.get(s.DocumentSource, (doc_id, path)) is None:
            ses.add(s.DocumentSource(document_id=doc_id, path=path))

    def save(self, p: Prepared, path: str | None = None) -> None:
        """Write (or re-write) one analysed document, its run, facts and search units, atomically."""
        with Session(self.engine) as ses, ses.begin():
            doc = ses.get(s.Document, p.id)
            if doc is None:
                doc = s.Document(id=p.id, added_at=now())
                ses.add(doc)
            else:                                   # re-analysis: the new run replaces the old facts
                self._drop_units(ses, p.id)
                ses.execute(delete(s.Fact).where(s.Fact.document_id == p.id))
            doc.format, doc.encoding, doc.title = p.format, p.encoding, p.title
            doc.language, doc.raw_text = p.language, p.raw_text
            ses.flush()
            run = s.AnalysisRun(document_id=p.id, pipeline_version=p.pipeline_version, kb_version=p.kb_version,
                                options=p.options, reference_date=p.reference_date,
                                reference_date_source=p.reference_date_source, analysis=p.analysis,
                                keys=p.keys, created_at=now())
            ses.add(run)
            ses.flush()
            doc.run_id = run.id
            if path:
                self._add_source(ses, p.id, path)
            if p.facts:
                ses.execute(insert(s.Fact), [dict(f, document_id=p.id, run_id=run.id) for f in p.facts])
            if p.units:
                ids = ses.scalars(insert(s.SearchUnit).returning(s.SearchUnit.id, sort_by_parameter_order=True),
                                  [dict(u, document_id=p.id) for u in p.units]).all()
                if self.dialect == "sqlite":
                    ses.execute(text("INSERT INTO search_fts(rowid, morphemes) VALUES (:id, :m)"),
                                [{"id": i, "m": u["morphemes"]} for i, u in zip(ids, p.units)])

    def _drop_units(self, ses: Session, doc_id: str) -> None:
        if self.dialect == "sqlite":
            ses.execute(text("DELETE FROM search_fts WHERE rowid IN "
                             "(SELECT id FROM search_units WHERE document_id = :d)"), {"d": doc_id})
        ses.execute(delete(s.SearchUnit).where(s.SearchUnit.document_id == doc_id))

    def stale(self, all_: bool = False) -> list[str]:
        """Ids of documents whose current run is older than this pipeline (or its KB), or all."""
        from .prepare import kb_version, pipeline_version

        mine = version_key(pipeline_version())
        with Session(self.engine) as ses:
            rows = ses.execute(select(s.Document.id, s.AnalysisRun.pipeline_version, s.AnalysisRun.kb_version)
                               .join(s.AnalysisRun, s.AnalysisRun.id == s.Document.run_id)
                               .order_by(s.Document.id)).all()
        return [d for d, p, k in rows if all_ or version_key(p) < mine or k != kb_version()]

    def source_of(self, doc_id: str) -> tuple[str, bytes | None, dict]:
        """What re-analysis needs: a file name, the document's bytes when a stored path still holds
        them, and the options of its last run."""
        from pathlib import Path

        with Session(self.engine) as ses:
            paths = ses.scalars(select(s.DocumentSource.path).where(s.DocumentSource.document_id == doc_id)
                                .order_by(s.DocumentSource.path)).all()
            run = ses.scalar(select(s.AnalysisRun).join(s.Document, s.Document.run_id == s.AnalysisRun.id)
                             .where(s.Document.id == doc_id))
            options = dict(run.options) if run else {}
        for p in paths:
            try:
                data = Path(p).read_bytes()
            except OSError:
                continue
            if hashlib.sha256(data).hexdigest() == doc_id:
                return Path(p).name, data, options
        return (Path(paths[0]).name if paths else doc_id), None, options

    # --- tracking ---------------------------------------------------------------------------

    def track_docs(self) -> list[tm.TrackDoc]:
        from ..model.export import Analysis

        with Session(self.engine) as ses:
            rows = ses.execute(select(s.Document.id, s.AnalysisRun.analysis, s.AnalysisRun.reference_date,
                                      s.AnalysisRun.reference_date_source, s.AnalysisRun.keys)
                               .join(s.AnalysisRun, s.AnalysisRun.id == s.Document.run_id)
                               .order_by(s.Document.id)).all()
        docs = []
        for doc_id, analysis, ref, ref_source, keys in rows:
            a = Analysis.model_validate_json(analysis)
            docs.append(tm.TrackDoc(id=doc_id, source=a.document.source, reference_date=ref,
                                    reference_date_source=ref_source or "none", analysis=a, keys=keys))
        return docs

    def replace_tracking(self, t: tm.Tracking) -> None:
        """The derived tables become ``t``, all at once; reviews are not touched."""
        with Session(self.engine) as ses, ses.begin():
            for table in s.DERIVED:
                ses.execute(delete(table))
            self._insert_tracking(ses, t)

    @staticmethod
    def _insert_tracking(ses: Session, t: tm.Tracking) -> None:
        def rows(table, items):
            if items:
                ses.execute(insert(table), items)

        rows(s.Summit, [dict(id=m.id, date=m.date, end=m.end, place=m.place, forum=m.forum, label=m.label,
                             parties=m.parties, spans=[sp.model_dump() for sp in m.spans]) for m in t.summits])
        rows(s.SummitParty, [dict(summit_id=m.id, party=p) for m in t.summits for p in dict.fromkeys(m.parties)])
        rows(s.SummitDocument, [dict(summit_id=m.id, document_id=d, position=i)
                                for m in t.summits for i, d in enumerate(dict.fromkeys(m.documents))])
        rows(s.Commitment, [dict(id=c.id, summit_id=c.summit, domain=c.domain, text=c.text, actors=c.actors,
                                 score=c.score, verdict=c.verdict, position=i) for i, c in enumerate(t.commitments)])
        rows(s.CommitmentActor, [dict(commitment_id=c.id, actor=a) for c in t.commitments
                                 for a in dict.fromkeys(c.actors)])
        rows(s.LineageMention, [dict(commitment_id=c.id, position=i, document_id=m.document, date=m.date,
                                     span=m.span.model_dump(), wording=m.wording, changes=m.changes)
                                for c in t.commitments for i, m in enumerate(c.mentions)])
        rows(s.Evidence, [dict(commitment_id=c.id, position=i, id=e.id, document_id=e.document, date=e.date,
                               relation=e.relation, degree=e.degree, party=e.party, text=e.text,
                               span=e.span.model_dump()) for c in t.commitments for i, e in enumerate(c.evidence)])
        rows(s.StatusPoint, [dict(commitment_id=c.id, position=i, date=h.date, score=h.score, verdict=h.verdict,
                                  source=h.source, ref=h.ref) for c in t.commitments for i, h in enumerate(c.history)])
        rows(s.PollSeries, [dict(id=p.id, pollster=p.pollster, question=p.question, position=i)
                            for i, p in enumerate(t.poll_series)])
        rows(s.PollPoint, [dict(series_id=p.id, id=q.id, position=i, pollster=q.pollster, field_start=q.field_start,
                                field_end=q.field_end, question=q.question, results=q.results,
                                sample_size=q.sample_size, documents=q.documents,
                                spans=[sp.model_dump() for sp in q.spans])
                           for p in t.poll_series for i, q in enumerate(p.points)])
        rows(s.PartyScore, [dict(party=x.party, summit_id=x.summit, score=x.score, rated=x.rated, total=x.total)
                            for x in t.scores])

    # --- reviews ----------------------------------------------------------------------------

    def add_review(self, commitment: str, verdict: str, why: str, by: str | None = None,
                   evidence: tm.Span | None = None, at: str | None = None) -> tm.Review:
        """Append an analyst's review; earlier ones stay as they were."""
        at = at or now()
        with Session(self.engine) as ses, ses.begin():
            seq = (ses.scalar(select(func.max(s.Review.seq))) or 0) + 1
            key = "\x1f".join([commitment, verdict, why, by or "", at, str(seq)])
            rid = "r" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:19]
            ses.add(s.Review(id=rid, seq=seq, commitment_id=commitment, verdict=verdict, why=why, by=by, at=at,
                             evidence=evidence.model_dump() if evidence else None))
        return tm.Review(id=rid, commitment=commitment, verdict=verdict, why=why, by=by, at=at, evidence=evidence)

    def reviews(self, commitment: str | None = None) -> list[tm.Review]:
        with Session(self.engine) as ses:
            q = select(s.Review).order_by(s.Review.seq)
            if commitment:
                q = q.where(s.Review.commitment_id == commitment)
            return [tm.Review(id=r.id, commitment=r.commitment_id, verdict=r.verdict, why=r.why, by=r.by, at=r.at,
                              evidence=tm.Span(**r.evidence) if r.evidence else None) for r in ses.scalars(q)]

    def quote(self, doc_id: str, start: int, end: int) -> tm.Span:
        """A span of a stored document with its raw text; doc_id may be a unique prefix."""
        from .queries import NotFound

        with Session(self.engine) as ses:
            ids = ses.scalars(select(s.Document.id).where(s.Document.id.startswith(doc_id, autoescape=True))
                              .limit(2)).all()
            if len(ids) != 1:
                raise NotFound(f"no document {doc_id}" if not ids else f"document id {doc_id} is ambiguous")
            raw = ses.scalar(select(s.Document.raw_text).where(s.Document.id == ids[0]))
        if not (0 <= start < end <= len(raw)):
            raise NotFound(f"{start}-{end} is not a span of document {ids[0][:12]} ({len(raw)} characters)")
        return tm.Span(document=ids[0], start=start, end=end, quote=raw[start:end])
