"""Upload: analysed in the background through ingest's own path; progress as JSON; the CLI's
one-line error for a file that cannot be analysed."""
from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from .conftest import csrf_of

NEW_DOC = ("한빛일보 2026년 5월 20일\n"
           "캐나다와 한국 정부는 19일 배터리 공동 투자 협의를 열고 투자하기로 한 공장의 착공 시기를 논의했다.\n")


@pytest.fixture
def writable(db_copy, tmp_path):
    from summitwatch.store import open_store
    from summitwatch.web import create_app

    with open_store(str(db_copy)) as store, TestClient(create_app(store, upload_dir=tmp_path / "up")) as c:
        yield c, store


def _wait(c, job_url: str, seconds: float = 120) -> dict:
    job_id = job_url.rsplit("/", 1)[-1]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = c.get(f"/api/jobs/{job_id}").json()
        if job["state"] in ("done", "unchanged", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"upload {job_id} still {job['state']} after {seconds} s")


def _upload(c, name: str, data: bytes):
    token = csrf_of(c.get("/upload").text)
    r = c.post("/upload", files={"file": (name, data, "application/octet-stream")}, data={"csrf": token},
               follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    page = c.get(r.headers["location"])
    assert page.status_code == 200 and 'id="job-progress"' in page.text
    return _wait(c, r.headers["location"])


def test_uploads_document_is_analysed_and_appears(writable):
    c, store = writable
    before = {d["id"] for d in c.get("/api/documents").json()}
    job = _upload(c, "../../etc/new_story.txt", NEW_DOC.encode("utf-8"))
    assert job["state"] == "done" and job["error"] is None and job["name"] == "new_story.txt"
    docs = {d["id"]: d for d in c.get("/api/documents").json()}
    assert set(docs) - before == {job["document"]}
    assert any(p.endswith("new_story.txt") for p in docs[job["document"]]["sources"])
    assert c.get(f"/documents/{job['document']}").status_code == 200
    assert any(h["document"] == job["document"] for h in c.get("/api/search", params={"q": "착공"}).json())
    again = _upload(c, "copy.txt", NEW_DOC.encode("utf-8"))
    assert again["state"] == "unchanged" and again["document"] == job["document"]


def test_uploads_unreadable_file_gives_the_cli_line(writable, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from summitwatch.cli.app import app as cli

    c, store = writable
    data = b"%PDF-1.7\n this is not a PDF body at all \x00\x01"
    job = _upload(c, "broken.pdf", data)
    assert job["state"] == "failed" and job["error"].startswith("summitwatch: broken.pdf: ")
    path = tmp_path / "cli" / "broken.pdf"
    path.parent.mkdir()
    path.write_bytes(data)
    res = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "cli.db")])
    assert res.exit_code == 1
    assert job["error"] in res.stderr.splitlines()
    assert "\n" not in job["error"]


def test_uploads_unknown_job_is_404(client):
    assert client.get("/api/jobs/nope").status_code == 404
