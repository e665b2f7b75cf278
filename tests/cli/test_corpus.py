"""The corpus commands end to end: ingest twice, search, summits/commitments/show/polls as JSON,
review, one-line errors, and a kill -9 in the middle of an ingest."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

import summitwatch.track as track
from summitwatch.cli.app import app
from summitwatch.store import open_store
from summitwatch.store.digest import digest, rows

from handmade_corpus import STATEMENT, prepared, tracking, write_docs

runner = CliRunner()


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def corpus(db_url, tmp_path, monkeypatch):
    """A database holding the hand-made documents and (standing in for tracking) its result."""
    monkeypatch.setattr(track, "build", lambda docs, reviews: tracking(), raising=False)
    write_docs(tmp_path / "docs")
    r = cli("ingest", tmp_path / "docs", "--db", db_url)
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == "3 new, 0 unchanged, 0 failed"
    return db_url


def test_corpus_ingest_twice_says_nothing_new(corpus, tmp_path):
    r = cli("ingest", tmp_path / "docs" / "*.txt", "--db", corpus)
    assert r.exit_code == 0 and r.stdout.strip() == "nothing new: 3 documents already in the store"


def test_corpus_ingest_failure_is_one_line_and_exit_1(db_url, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = cli("ingest", tmp_path / "empty.txt", tmp_path / "missing.txt", "--db", db_url)
    assert r.exit_code == 1
    assert r.stdout.strip() == "0 new, 0 unchanged, 2 failed"
    errors = [line for line in r.stderr.splitlines() if "note:" not in line]
    assert len(errors) == 2 and all(e.startswith("summitwatch: ") for e in errors)


def test_corpus_queries_as_json(corpus):
    [s] = json.loads(cli("summits", "--db", corpus, "--format", "json").stdout)
    assert (s["id"], s["date"], s["end"], s["place"], s["forum"], s["parties"]) == \
        ("s-kr-ca-20310409", "2031-04-09", None, "Ottawa", None, ["KR", "CA"])
    assert s["documents"] == [prepared("statement.txt").id, prepared("news.txt").id]
    rows_ = json.loads(cli("commitments", "--db", corpus, "--party", "KR", "-f", "json").stdout)
    assert [c["id"] for c in rows_] == ["c-youth"]
    shown = json.loads(cli("show", "c-inv", "--db", corpus, "-f", "json").stdout)
    assert [m["span"]["quote"] for m in shown["commitment"]["mentions"]][0].startswith("캐나다는 한국 기업의")
    assert shown["commitment"]["evidence"][0]["span"]["quote"].startswith("캐나다 정부는 20일")
    summit = json.loads(cli("show", "s-kr", "--db", corpus, "-f", "json").stdout)
    assert [c["id"] for c in summit["commitments"]] == ["c-invest", "c-youth"]
    [series] = json.loads(cli("polls", "--db", corpus, "-f", "json").stdout)
    assert series["points"][0]["results"] == {"긍정": 48.0, "부정": 45.0}
    hits = json.loads(cli("search", "투자", "--db", corpus, "-f", "json").stdout)
    assert hits and all(h["snippet"] for h in hits)


def test_corpus_listings_are_pages(corpus):
    first = cli("commitments", "--db", corpus, "--limit", "1", "-f", "json")
    assert [c["id"] for c in json.loads(first.stdout)] == ["c-invest"]
    assert first.stderr.strip() == "summitwatch: rows 1-1 of 2; the next page: --offset 1"
    last = cli("commitments", "--db", corpus, "--limit", "1", "--offset", "1", "-f", "json")
    assert [c["id"] for c in json.loads(last.stdout)] == ["c-youth"] and last.stderr == ""
    assert json.loads(cli("commitments", "--db", corpus, "--offset", "5", "-f", "json").stdout) == []
    assert json.loads(cli("summits", "--db", corpus, "--offset", "1", "-f", "json").stdout) == []
    assert "2 commitments" in cli("commitments", "--db", corpus, "--limit", "1").stdout
    assert cli("summits", "--db", corpus, "--limit", "0").exit_code != 0


def test_corpus_tables_render(corpus):
    for args in (["summits"], ["commitments", "--status", "kept"], ["show", "c-youth"], ["show", "s-kr"],
                 ["polls"], ["search", "청년"]):
        r = cli(*args, "--db", corpus)
        assert r.exit_code == 0, (args, r.output)
    assert "Ottawa" in cli("summits", "--db", corpus).stdout


def test_corpus_review_is_recorded_and_kept(corpus, tmp_path):
    doc = prepared("news.txt")
    a = doc.raw_text.index("그러나 청년")
    r = cli("review", "c-youth", "--status", "broken", "--why", "예산 문제로 미뤄짐", "--by", "park",
            "--evidence", f"{doc.id[:10]}:{a}-{a + 6}", "--db", corpus)
    assert r.exit_code == 0, r.output
    cli("ingest", tmp_path / "docs", "--db", corpus)
    cli("reanalyze", "--all", "--db", corpus)
    shown = json.loads(cli("show", "c-youth", "--db", corpus, "-f", "json").stdout)
    [rev] = shown["reviews"]
    assert (rev["verdict"], rev["why"], rev["by"], rev["evidence"]["quote"]) == \
        ("broken", "예산 문제로 미뤄짐", "park", "그러나 청년")


@pytest.mark.parametrize("args,message", [
    (["review", "c-youth", "--status", "done", "--why", "x"], "is not one of"),
    (["review", "c-youth", "--status", "kept", "--why", "x", "--evidence", "abc"], "DOC:START-END"),
    (["review", "nope", "--status", "kept", "--why", "x"], "no commitment nope"),
    (["show", "nope"], "no summit or commitment nope"),
])
def test_corpus_bad_arguments(corpus, args, message):
    r = cli(*args, "--db", corpus)
    assert r.exit_code != 0 and message in r.output


def _kill_corpus(folder, n=8):
    """Documents long enough that an ingest of them takes seconds, each with other bytes."""
    folder.mkdir()
    for i in range(n):
        (folder / f"doc{i:02d}.txt").write_text(f"문서 {i}\n\n" + STATEMENT * 40, encoding="utf-8")


def test_corpus_kill_9_during_ingest_loses_at_most_the_document_in_flight(db_url, tmp_path):
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from summitwatch.store import schema as s

    _kill_corpus(tmp_path / "docs")
    env = {**os.environ, "SUMMITWATCH_DB": db_url}
    cmd = [sys.executable, "-m", "summitwatch.cli", "ingest", str(tmp_path / "docs")]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    store = open_store(db_url)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            with Session(store.engine) as ses:
                if (ses.scalar(select(func.count()).select_from(s.Document)) or 0) >= 2:
                    break
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    committed = {d.id for d in store.documents()}
    assert 2 <= len(committed) < 8, "the kill must land in the middle of the ingest"

    # an uninterrupted ingest of the same files, for reference
    ref = open_store(f"sqlite:///{tmp_path / 'reference.db'}")
    assert cli("ingest", tmp_path / "docs", "--db", ref.url).exit_code == 0
    # every committed document is whole: its facts and search units are those of the reference
    for table in ("facts", "search_units"):
        col = 0 if table == "search_units" else 1
        mine = [r for r in rows(store)[table] if r[col] in committed]
        theirs = [r for r in rows(ref)[table] if r[col] in committed]
        assert mine == theirs and mine
    # the rerun completes the store: the same database as the uninterrupted run
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"{8 - len(committed)} new, {len(committed)} unchanged, 0 failed"
    assert digest(store) == digest(ref)
    store.close()
    ref.close()


def test_corpus_readme_commands_exist():
    """Every command of the README's corpus block is a command with help."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## A corpus", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = {ln.split()[1] for ln in block.splitlines() if ln.startswith("summitwatch ")}
    assert commands >= {"ingest", "reanalyze", "summits", "commitments", "show", "review", "polls", "search"}
    for c in commands:
        r = cli(c, "--help")
        assert r.exit_code == 0 and "--db" in r.stdout, c


def test_corpus_whole_path_with_tracking(db_url, tmp_path):
    """The tracking team's corpus through the store: what the queries return is exactly what
    tracking computes in memory; a review changes the status and survives re-ingest and
    re-analysis."""
    from pathlib import Path

    from summitwatch.track import build
    from summitwatch.track.load import from_path

    corpus = Path(__file__).resolve().parents[1] / "track" / "corpus"
    if not callable(build) or not corpus.is_dir():
        pytest.skip("tracking (track.build and its test corpus) is not in this tree")
    r = cli("ingest", corpus, "--db", db_url)
    assert r.exit_code == 0, r.output
    want = build([from_path(p) for p in sorted(corpus.glob("*.txt"))], [])
    with open_store(db_url) as store:
        assert store.summits(spans=True) == sorted(want.summits, key=lambda s: (s.date, s.id), reverse=True)
        assert [store.summit(s.id).summit for s in want.summits] == want.summits
        assert [store.commitment(c.id).commitment for c in want.commitments] == want.commitments
        assert store.polls() == want.poll_series
        target = want.commitments[0].id
    r = cli("review", target[:12], "--status", "stalled", "--why", "실무 협의가 멈췄다", "--db", db_url)
    assert r.exit_code == 0, r.output
    cli("ingest", corpus, "--db", db_url)
    assert cli("reanalyze", "--all", "--db", db_url).exit_code == 0
    shown = json.loads(cli("show", target, "--db", db_url, "-f", "json").stdout)
    assert [x["why"] for x in shown["reviews"]] == ["실무 협의가 멈췄다"]
    assert shown["commitment"]["verdict"] == "stalled"
    assert shown["commitment"]["history"][-1]["source"] == "review"
