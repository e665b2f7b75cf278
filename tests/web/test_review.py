"""Review forms record exactly what `summitwatch review` records."""
from __future__ import annotations

import shutil

from fastapi.testclient import TestClient

from .conftest import csrf_of


def test_review_form_records_as_the_cli_does(db_copy, tmp_path):
    from typer.testing import CliRunner

    from summitwatch.cli.app import app as cli
    from summitwatch.store import open_store
    from summitwatch.web import create_app

    cli_db = tmp_path / "cli.db"
    shutil.copy(db_copy, cli_db)
    with open_store(str(db_copy)) as store:
        c0 = next(r for r in store.commitments() if r.verdict == "not_yet_rated")
        ev = store.commitment(c0.id).commitment.mentions[0].span
    span = f"{ev.document[:12]}:{ev.start}-{ev.end}"
    res = CliRunner().invoke(cli, ["review", c0.id[:10], "--status", "stalled", "--why", "착공이 늦어졌다",
                                   "--evidence", span, "--by", "kim", "--db", str(cli_db)])
    assert res.exit_code == 0, res.output
    with open_store(str(db_copy)) as store, TestClient(create_app(store, upload_dir=tmp_path / "up")) as c:
        page = c.get(f"/commitments/{c0.id}")
        form = {"csrf": csrf_of(page.text), "status": "stalled", "why": "착공이 늦어졌다", "evidence": span,
                "by": "kim"}
        r = c.post(f"/commitments/{c0.id}/review", data=form, follow_redirects=False)
        assert r.status_code == 303
        after = c.get(r.headers["location"]).text
        assert 'id="saved"' in after and "착공이 늦어졌다" in after
        bad = c.post(f"/commitments/{c0.id}/review", data=dict(form, status="great"))
        assert bad.status_code == 400 and "is not one of" in bad.text
        web_reviews, web_c = store.reviews(), store.commitment(c0.id).commitment
    with open_store(str(cli_db)) as store:
        cli_reviews, cli_c = store.reviews(), store.commitment(c0.id).commitment
    strip = lambda r: r.model_dump(exclude={"id", "at"})  # noqa: E731
    assert [strip(r) for r in web_reviews] == [strip(r) for r in cli_reviews]
    assert web_reviews[0].evidence.quote == ev.quote
    assert web_c.verdict == cli_c.verdict == "stalled"
    assert [(h.verdict, h.source) for h in web_c.history] == [(h.verdict, h.source) for h in cli_c.history]


def test_review_summit_page_not_served_stale_after_a_review(db_copy, tmp_path):
    """The summit page comes from the page cache while the corpus is unchanged; a review changes it."""
    from summitwatch.store import open_store
    from summitwatch.web import create_app

    with open_store(str(db_copy)) as store, TestClient(create_app(store, upload_dir=tmp_path / "up")) as c:
        s = c.get("/api/summits").json()[0]["id"]
        cid = next(r for r in c.get("/api/commitments").json() if r["verdict"] == "not_yet_rated")["id"]
        before = c.get(f"/summits/{s}").text
        assert before == c.get(f"/summits/{s}").text
        form = {"csrf": csrf_of(c.get(f"/commitments/{cid}").text), "status": "broken", "why": "철회되었다"}
        assert c.post(f"/commitments/{cid}/review", data=form, follow_redirects=False).status_code == 303
        after = c.get(f"/summits/{s}").text
        li = after.split(f'id="c-{cid}"', 1)[1].split("</li>", 1)[0]
        assert "v-broken" in li and after != before
