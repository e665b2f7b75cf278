"""``summitwatch dossier`` end to end on our own corpus, analysed in memory (--from)."""
import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from summitwatch.report.dossier import render_dossier
from summitwatch.track import build

from track.analysed import CORPUS, corpus_docs


def run(*args, cwd=None):
    """In process (the pipeline's Kiwi is loaded once for the whole test session)."""
    from summitwatch.cli.app import app

    here = os.getcwd()
    try:
        os.chdir(cwd or here)
        r = CliRunner().invoke(app, [str(a) for a in args])
    finally:
        os.chdir(here)
    r.returncode = r.exit_code
    return r


def test_dossier_cli_from_folder_writes_markdown_and_html(tmp_path):
    # the documents' sources are the paths given, as in the library call below
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    md, page = tmp_path / "d.md", tmp_path / "d.html"
    r = run("dossier", "2026-03-09", "--from", "corpus", "-o", md, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("dossier", "2026-03-09", "--from", "corpus/*.txt", "-o", page, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    docs = [d.model_copy(update={"source": "corpus/" + Path(d.source).name}) for d in corpus_docs()]
    t = build(docs)
    lookup = {d.id: d for d in docs}
    assert md.read_text(encoding="utf-8") == render_dossier(t, t.summits[0].id, lookup, "md")
    assert page.read_text(encoding="utf-8") == render_dossier(t, t.summits[0].id, lookup, "html")


def test_dossier_cli_bad_input_one_line_nothing_written(tmp_path):
    out = tmp_path / "d.md"
    (tmp_path / "empty.txt").write_bytes(b"")
    shutil.copy(CORPUS / "01_joint_statement.txt", tmp_path / "a.txt")
    r = run("dossier", "2026-03-09", "--from", tmp_path / "a.txt", "--from", tmp_path / "empty.txt", "-o", out)
    assert r.returncode == 1 and not out.exists()
    lines = r.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith("summitwatch: ")
    assert lines[0].endswith("empty.txt: the file is empty")
    assert lines[1] == "summitwatch: 1 of 2 documents could not be read; no dossier written"
    r = run("dossier", "2026-03-09", "--from", tmp_path / "missing", "-o", out)
    assert r.returncode == 2 and r.stderr.strip().startswith("summitwatch: no such file or folder:")
    r = run("dossier", "1999-01-01", "--from", tmp_path / "a.txt", "-o", out)
    assert r.returncode == 1 and not out.exists()
    assert len(r.stderr.splitlines()) == 1 and r.stderr.startswith("summitwatch: no summit matches '1999-01-01'")
    r = run("dossier", "2026-03-09", "--from", tmp_path / "a.txt", "--format", "pdf")
    assert r.returncode == 2 and r.stderr.strip() == "summitwatch: unknown format 'pdf': use html or md"


def test_dossier_cli_from_the_corpus_database(tmp_path):
    """With the store (store/): ingest the corpus, then the dossier from --db is the one from --from."""
    import pytest

    pytest.importorskip("summitwatch.store", reason="the corpus store is merged from its own branch")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    db = f"sqlite:///{tmp_path / 'c.db'}"
    r = run("ingest", "corpus", "--db", db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("dossier", "2026-03-09", "--db", db, "-o", tmp_path / "db.md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("dossier", "2026-03-09", "--from", "corpus", "-o", tmp_path / "mem.md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr

    def commitments(p):
        return p.read_text(encoding="utf-8").split("## Commitments")[1].split("## Timeline")[0]
    assert commitments(tmp_path / "db.md") == commitments(tmp_path / "mem.md")
    assert "status broken, score -1" in commitments(tmp_path / "db.md")
