"""Ingest and re-analysis: which files, idempotency by content, one line per failure, tracking
rebuilt after (or a clear note when tracking is absent), reviews kept through it all."""
from sqlalchemy import update
from sqlalchemy.orm import Session

import summitwatch.track as track
from summitwatch.store import schema as s
from summitwatch.store.corpus import expand, ingest, ingest_one, reanalyze, rebuild_tracking
from summitwatch.store.digest import digest

from handmade_corpus import DOCS, tracking, write_docs


def test_corpus_expand_files_folders_globs(tmp_path):
    paths = write_docs(tmp_path / "docs")
    (tmp_path / "docs" / "notes.json").write_text("{}")
    (tmp_path / "docs" / ".hidden.txt").write_text("x")
    files, missing = expand([str(tmp_path / "docs"), str(tmp_path / "docs" / "*.txt"), str(tmp_path / "nope.txt"),
                             str(tmp_path / "none*.pdf")])
    assert sorted(files) == sorted(paths)
    assert [m.reason.rsplit(": ", 1)[1] for m in missing] == ["no such file", "no file matches"]


def test_corpus_ingest_is_idempotent(store, tmp_path):
    write_docs(tmp_path / "docs")
    first = ingest(store, [str(tmp_path / "docs")])
    assert (first.count("new"), first.count("unchanged"), first.failed) == (3, 0, [])
    before = digest(store)
    again = ingest(store, [str(tmp_path / "docs" / "*.txt")])
    assert (again.count("new"), again.count("unchanged")) == (0, 3)
    assert digest(store) == before


def test_corpus_same_bytes_under_two_names_is_one_document(store, tmp_path):
    a, *_ = write_docs(tmp_path / "docs")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(a.read_bytes())
    out = ingest(store, [str(a), str(copy)])
    status = {o.path: (o.status, o.reason) for o in out.outcomes}
    assert status[str(a)] == ("new", "") and status[str(copy)] == ("unchanged", f"same content as {a}")
    assert store.counts().documents == 1
    assert len(store.documents()[0].sources) == 2


def test_corpus_failures_are_one_line_and_others_are_stored(store, tmp_path):
    paths = write_docs(tmp_path / "docs")
    empty = tmp_path / "docs" / "empty.txt"
    empty.write_bytes(b"")
    out = ingest(store, [str(p) for p in paths] + [str(empty), str(tmp_path / "gone.txt")])
    assert out.count("new") == 3
    reasons = [o.reason for o in out.failed]
    assert len(reasons) == 2 and all("\n" not in r for r in reasons)
    assert any("empty.txt" in r and "empty" in r for r in reasons)


def test_corpus_reanalyze_older_runs_only(store, tmp_path):
    write_docs(tmp_path / "docs")
    ingest(store, [str(tmp_path / "docs")])
    before = digest(store)
    assert reanalyze(store).outcomes == []
    old = store.documents()[0].id
    with Session(store.engine) as ses, ses.begin():
        run_id = ses.get(s.Document, old).run_id
        ses.execute(update(s.AnalysisRun).where(s.AnalysisRun.id == run_id).values(pipeline_version="0.0.9"))
    out = reanalyze(store)
    assert [(o.status, o.document) for o in out.outcomes] == [("reanalysed", old)]
    after = digest(store)
    assert after.pop("analysis_runs") != before.pop("analysis_runs")   # the old run is kept as history
    assert after == before                          # the same analysis again, nothing else touched
    assert store.counts().documents == 3
    assert reanalyze(store, all_=True).count("reanalysed") == 3


def test_corpus_reanalyze_reports_a_moved_file(store, tmp_path):
    paths = write_docs(tmp_path / "docs")
    ingest(store, [str(paths[0])])
    paths[0].unlink()
    out = reanalyze(store, all_=True)
    assert out.failed and "gone or has changed" in out.failed[0].reason


def test_corpus_rebuild_tracking_passes_documents_and_reviews(store, tmp_path, monkeypatch):
    write_docs(tmp_path / "docs")
    ingest(store, [str(tmp_path / "docs")])
    store.replace_tracking(tracking())
    store.add_review("c-youth", "broken", "cancelled")
    seen = {}

    def build(docs, reviews):
        seen["docs"], seen["reviews"] = docs, reviews
        return tracking()

    monkeypatch.setattr(track, "build", build, raising=False)
    assert rebuild_tracking(store) is None
    assert sorted(d.source for d in seen["docs"]) == ["news.txt", "poll.txt", "statement.txt"]
    # the reference date and its source travel from the export to tracking unchanged
    for d in seen["docs"]:
        assert (d.reference_date, d.reference_date_source) == \
            (d.analysis.document.reference_date, d.analysis.document.reference_date_source)
        assert d.reference_date and d.reference_date_source not in ("", "none")
    assert [r.verdict for r in seen["reviews"]] == ["broken"]
    assert [c.id for c in store.commitments()] == ["c-invest", "c-youth"]


def test_corpus_without_tracking_says_so(store, monkeypatch):
    monkeypatch.delattr(track, "build", raising=False)
    assert "tracking is not part of this build" in rebuild_tracking(store)


def test_corpus_reviews_survive_reingest_and_reanalysis(store, tmp_path, monkeypatch):
    monkeypatch.setattr(track, "build", lambda docs, reviews: tracking(), raising=False)
    write_docs(tmp_path / "docs")
    ingest(store, [str(tmp_path / "docs")])
    rebuild_tracking(store)
    store.add_review("c-invest", "compromise", "half of it", by="lee")
    ingest(store, [str(tmp_path / "docs")])
    reanalyze(store, all_=True)
    rebuild_tracking(store)
    [r] = store.reviews()
    assert (r.commitment, r.verdict, r.why, r.by) == ("c-invest", "compromise", "half of it", "lee")


def test_corpus_ingest_one_from_bytes(store):
    body = DOCS["news.txt"].encode()
    new = ingest_one(store, body, "upload.txt")
    assert (new.status, store.document(new.document).document.sources) == ("new", ["upload.txt"])
    assert ingest_one(store, body, "again.txt").status == "unchanged"
    bad = ingest_one(store, b"\x00\x01\x02" * 50, "blob.bin")
    assert bad.status == "failed" and bad.reason.startswith("blob.bin: ") and "\n" not in bad.reason


def test_corpus_a_write_that_fails_is_one_line_and_the_rest_is_stored(store, tmp_path, monkeypatch):
    from sqlalchemy.exc import OperationalError

    paths = write_docs(tmp_path / "docs")
    real = store.save

    def save(p, path=None):
        if path and path.endswith("news.txt"):
            raise OperationalError("INSERT", {}, Exception("database or disk is full"))
        return real(p, path)

    monkeypatch.setattr(store, "save", save)
    out = ingest(store, [str(p) for p in paths])
    assert out.count("new") == 2
    [bad] = out.failed
    assert bad.reason == "news.txt: cannot be stored: database or disk is full"
    assert store.counts().documents == 2


def test_corpus_a_document_stored_meanwhile_is_unchanged(store, tmp_path, monkeypatch):
    """Two ingests of the same file at once: the one that loses the race reports it unchanged."""
    from sqlalchemy.exc import IntegrityError

    paths = write_docs(tmp_path / "docs")
    real = store.save

    def racing_save(p, path=None):
        real(p, "/elsewhere/" + p.source)          # the other ingest commits first
        raise IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed: documents.id"))

    monkeypatch.setattr(store, "save", racing_save)
    out = ingest(store, [str(paths[0])])
    assert [(o.status, o.reason) for o in out.outcomes] == [("unchanged", "stored meanwhile by another ingest")]


def test_corpus_ingest_keeps_tracking_keys_and_a_rebuild_does_not_tokenise(store, tmp_path, monkeypatch):
    from summitwatch.track import build
    from summitwatch.track import keys as tk

    write_docs(tmp_path / "docs")
    ingest(store, [str(tmp_path / "docs")])
    docs = store.track_docs()
    for d in docs:      # the worker's digest of the document's own passages, with the key function's version
        assert d.keys == tk.digest(d.analysis)
        assert d.keys["version"] == tk.version()
    assert sum(bool(d.keys["keys"]) for d in docs) >= 2          # the statement's and the news story's passages
    expected = build(docs, [])
    tk.cache_clear()
    calls = []
    real = tk._compute
    monkeypatch.setattr(tk, "_compute", lambda text: calls.append(text) or real(text))
    assert build(store.track_docs(), []) == expected
    stored = {t for d in docs for t in d.keys["keys"]}
    assert not [t for t in calls if t in stored]       # every stored passage came from the store, none re-tokenised
