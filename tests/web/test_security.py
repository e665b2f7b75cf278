"""Safe by default: hostile text escaped, forged forms refused, the token enforced, bodies bounded,
strict headers, no listings, no tracebacks."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .conftest import csrf_of

HOSTILE = ("양국 정상은 2026년 4월 2일 회담을 열고 <script>alert('x')</script> 협력을 확대하기로 했다.\n"
           "대변인은 \"><img src=x onerror=alert(1)> 라고 적힌 쪽지를 공개했다.\n"
           "자세한 내용은 <a href=\"javascript:alert(2)\">여기</a> 와 javascript:alert(3) 에 있다.\n")


@pytest.fixture
def hostile_client(db_copy, tmp_path):
    from summitwatch.store import open_store
    from summitwatch.store.corpus import ingest, rebuild_tracking
    from summitwatch.web import create_app

    path = tmp_path / "<i>hostile<i>.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    with open_store(str(db_copy)) as store:
        assert not ingest(store, [str(path)]).failed
        rebuild_tracking(store)
        with TestClient(create_app(store, upload_dir=tmp_path / "up")) as c:
            yield c, store


def _no_live_markup(text: str) -> None:
    assert "<script>alert" not in text
    assert not re.search(r"<img[^>]*onerror", text)
    assert 'href="javascript:' not in text.lower()
    assert "<i>hostile" not in text


def test_security_hostile_document_renders_as_text(hostile_client):
    c, store = hostile_client
    doc = next(d for d in store.documents() if "hostile" in " ".join(d.sources))
    page = c.get(f"/documents/{doc.id}")
    assert page.status_code == 200
    _no_live_markup(page.text)
    assert "&lt;script&gt;alert(" in page.text and "onerror=alert(1)&gt;" in page.text
    _no_live_markup(c.get("/documents").text)
    hits = c.get("/search", params={"q": "쪽지"})
    assert "onerror" in hits.text
    _no_live_markup(hits.text)
    for s in c.get("/api/summits").json():
        _no_live_markup(c.get(f"/summits/{s['id']}").text)


def test_security_safe_url_only_http():
    from summitwatch.web.app import safe_url

    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JaVaScRiPt:alert(1)") is None
    assert safe_url("data:text/html,x") is None


def test_security_headers_strict_csp(client):
    r = client.get("/summits")
    csp = r.headers["content-security-policy"]
    for part in ("default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
                 "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"):
        assert part in csp
    assert "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/static/app.css").headers["content-security-policy"] == csp
    assert " style=" not in r.text and "<style" not in r.text and "<script>" not in r.text


def test_security_no_directory_listing_and_no_traceback(client):
    assert client.get("/static/").status_code == 404
    assert client.get("/static").status_code == 404
    assert client.get("/static/../app.py").status_code == 404
    r = client.get("/documents/x", params={"hl": "not-a-span"})
    assert r.status_code == 422 and "Traceback" not in r.text


def test_security_forged_forms_refused(db_copy, tmp_path):
    from summitwatch.store import open_store
    from summitwatch.web import create_app

    with open_store(str(db_copy)) as store, TestClient(create_app(store, upload_dir=tmp_path)) as c:
        cid = c.get("/api/commitments").json()[0]["id"]
        form = {"status": "broken", "why": "forged"}
        assert c.post(f"/commitments/{cid}/review", data=form).status_code == 403
        page = c.get(f"/commitments/{cid}").text              # sets the cookie
        token = csrf_of(page)
        assert c.post(f"/commitments/{cid}/review", data=dict(form, csrf=token + "x")).status_code == 403
        # a token of the right shape but not signed by this app, in both cookie and form
        c.cookies.set("sw_csrf", "abc.0123456789abcdef0123456789abcdef")
        r = c.post(f"/commitments/{cid}/review", data=dict(form, csrf="abc.0123456789abcdef0123456789abcdef"))
        assert r.status_code == 403
        up = c.post("/upload", files={"file": ("a.txt", b"x", "text/plain")}, data={"csrf": "nope"})
        assert up.status_code == 403
        assert store.reviews() == []


def test_security_token_required_off_loopback(store, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from summitwatch.cli.app import app as cli
    from summitwatch.web import create_app
    from summitwatch.web.security import check_bind, is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("0.0.0.0")
    with pytest.raises(ValueError):
        check_bind("0.0.0.0", None)
    check_bind("0.0.0.0", "t0ken")
    monkeypatch.delenv("SUMMITWATCH_TOKEN", raising=False)
    res = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 2 and "without a token" in res.output
    with TestClient(create_app(store, token="s3cret", upload_dir=tmp_path), follow_redirects=False) as c:
        assert c.get("/summits").status_code == 401
        assert c.get("/api/summits").status_code == 401
        assert c.get("/static/app.css").status_code == 401
        assert c.get("/summits", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/summits", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        r = c.get("/?token=s3cret")
        assert r.status_code == 303 and "token" not in r.headers["location"]
        assert c.get("/summits").status_code == 200               # the cookie now carries it


def test_security_oversized_upload_refused(client):
    page = client.get("/upload").text
    token = csrf_of(page)
    from summitwatch.web.app import MAX_UPLOAD

    big = "가".encode() * (MAX_UPLOAD // 3 + 30000)
    r = client.post("/upload", files={"file": ("big.txt", big, "text/plain")}, data={"csrf": token})
    assert r.status_code == 413


def test_security_body_refused_before_reading(store, tmp_path):
    """A declared length over the limit is answered 413 without reading; a streamed body that grows
    past it is cut off."""
    from summitwatch.web import create_app

    app = create_app(store, upload_dir=tmp_path, max_upload=1000, max_body=500)
    with TestClient(app) as c:
        token = csrf_of(c.get("/upload").text)
        small = c.post("/upload", files={"file": ("s.txt", b"x" * 10, "text/plain")}, data={"csrf": token},
                       follow_redirects=False)
        assert small.status_code == 303
        r = c.post("/upload", files={"file": ("b.txt", b"x" * 5000, "text/plain")}, data={"csrf": token})
        assert r.status_code == 413
        cid = c.get("/api/commitments").json()[0]["id"]
        r = c.post(f"/commitments/{cid}/review", data={"csrf": token, "status": "kept", "why": "y" * 2000})
        assert r.status_code == 413

        def chunks():
            for _ in range(100):
                yield b"status=kept&why=" + b"z" * 100
        r = c.post(f"/commitments/{cid}/review", content=chunks(),
                   headers={"content-type": "application/x-www-form-urlencoded"})
        assert r.status_code == 413
    assert store.reviews() == []


def test_security_server_error_without_traceback(store, tmp_path, monkeypatch):
    from summitwatch.web import create_app

    def boom(*a, **k):
        raise RuntimeError("secret internals at /srv/db")

    monkeypatch.setattr(store, "summits", boom)
    with TestClient(create_app(store, upload_dir=tmp_path), raise_server_exceptions=False) as c:
        for path in ("/summits", "/api/summits"):
            r = c.get(path)
            assert r.status_code == 500
            assert "secret internals" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text
