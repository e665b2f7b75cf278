"""The web app: server-rendered pages (Jinja2, autoescaped) over the corpus store, each with its
JSON twin under /api, review and upload forms. ``create_app(store, token=…)`` makes it; the
``summitwatch serve`` command runs it with uvicorn."""
from __future__ import annotations

import secrets
from contextlib import asynccontextmanager
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store import NotFound
from ..store import views as sv
from ..track import model as tm
from . import i18n
from . import queries as wq
from . import views as wv
from .cache import PageCache
from .security import CSRF_COOKIE, CSRF_FIELD, BodyTooLarge, Guard, csrf_valid, new_csrf
from .uploads import Uploads

HERE = Path(__file__).parent
VERDICTS = ("not_yet_rated", "in_the_works", "stalled", "kept", "compromise", "broken")
MAX_UPLOAD = 20 * 1024 * 1024          # bytes; the CLI reads larger files, the web does not take them
MAX_BODY = 256 * 1024                  # any other request body
LANG_COOKIE = "sw_lang"


def safe_url(value: str | None) -> str | None:
    """Only http(s) links leave the app; anything else (javascript:, data:) is shown as text."""
    if not value:
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)
    env.filters["kdate"] = i18n.kdate
    env.filters["safe_url"] = safe_url
    env.filters["short"] = lambda v, n=12: (v or "")[:n]
    env.filters["score"] = lambda v: "—" if v is None else (f"{v:+g}" if v else "0")
    env.globals["entity_href"] = wq.entity_href
    return env


def create_app(store, token: str | None = None, upload_dir: str | Path | None = None,
               max_upload: int = MAX_UPLOAD, max_body: int = MAX_BODY, page_cache: bool = True,
               threads: int = 4) -> FastAPI:
    """The app over an open ``Store``. With ``token`` every request must carry it. Uploads are
    kept in ``upload_dir`` (a temporary folder when omitted). ``page_cache``: keep rendered pages
    without forms while the corpus is unchanged. ``threads``: request threads (see ``lifespan``)."""
    write_lock = threading.Lock()
    folder = Path(upload_dir) if upload_dir else Path(tempfile.mkdtemp(prefix="summitwatch-uploads-"))
    uploads = Uploads(store, folder, write_lock)

    @asynccontextmanager
    async def lifespan(_app):
        # few request threads: pages are CPU work under one GIL, and forty threads competing for it
        # starve the event loop that accepts and answers (throughput fell as clients grew)
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield
        uploads.close()

    app = FastAPI(title="summitwatch", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", lifespan=lifespan,
                  description="The corpus as JSON: every page of the web app has its twin under /api.")
    env = _templates()
    secret = secrets.token_bytes(32)
    pages = PageCache(store, enabled=page_cache)
    uploads.on_change = pages.clear
    app.state.store, app.state.uploads, app.state.pages = store, uploads, pages
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def lang_of(request: Request) -> str:
        q = request.query_params.get("lang")
        if q in i18n.LANGS:
            return q
        c = request.cookies.get(LANG_COOKIE)
        return c if c in i18n.LANGS else i18n.DEFAULT

    def csrf_of(request: Request) -> tuple[str, bool]:
        """The request's CSRF token (its cookie's when the app signed it) and whether it is new."""
        cookie = request.cookies.get(CSRF_COOKIE)
        if cookie and csrf_valid(secret, cookie, cookie):
            return cookie, False
        return new_csrf(secret), True

    def render(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
        csrf, fresh = csrf_of(request)
        return respond(request, body_of(request, template, csrf=csrf, **ctx), status, csrf if fresh else None)

    def body_of(request: Request, template: str, csrf: str = "", **ctx) -> str:
        lang = lang_of(request)
        return env.get_template(template).render(request=request, t=i18n.translator(lang), lang=lang, csrf=csrf,
                                                 csrf_field=CSRF_FIELD, path=request.url.path, **ctx)

    def cached(request: Request, template: str, make) -> HTMLResponse:
        """A page without forms, from the page cache while the corpus is unchanged."""
        key = (template, request.url.path, str(request.query_params), lang_of(request))
        return respond(request, pages.get_or_make(key, lambda: body_of(request, template, **make())), 200, None)

    def respond(request: Request, body: str, status: int, fresh_csrf: str | None) -> HTMLResponse:
        lang = lang_of(request)
        resp = HTMLResponse(body, status_code=status)
        if fresh_csrf:
            resp.set_cookie(CSRF_COOKIE, fresh_csrf, httponly=True, samesite="strict", path="/")
        if request.query_params.get("lang") in i18n.LANGS:
            resp.set_cookie(LANG_COOKIE, lang, samesite="lax", path="/", max_age=365 * 86400)
        return resp

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error(request: Request, status: int, key: str, detail: str | None = None):
        if wants_json(request):
            return JSONResponse({"detail": detail or key}, status_code=status)
        return render(request, "error.html", status=status, message=key, detail=detail)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        return error(request, 404, "not_found", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if isinstance(exc.__cause__, BodyTooLarge):   # FastAPI reports a body it could not read as 400
            return error(request, 413, "too_large", "the request body is larger than the limit")
        key = {404: "not_found", 401: "unauthorized", 403: "forbidden", 413: "too_large"}.get(exc.status_code,
                                                                                             "bad_request")
        return error(request, exc.status_code, key, exc.detail if isinstance(exc.detail, str) else None)

    @app.exception_handler(BodyTooLarge)
    async def _too_large(request: Request, exc: BodyTooLarge):
        return error(request, 413, "too_large", "the request body is larger than the limit")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):     # no traceback leaves the server
        return error(request, 500, "error", None)

    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        bad = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors())
        return error(request, 422, "bad_request", bad[:300])

    # --- summits ----------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/summits", status_code=303)

    @app.get("/api/summits", response_model=list[tm.Summit], tags=["summits"])
    def api_summits(party: str | None = None, limit: int = Query(200, ge=1, le=5000), offset: int = Query(0, ge=0)):
        return store.summits(party=party, limit=limit, offset=offset)

    @app.get("/summits", include_in_schema=False)
    def summits(request: Request, party: str | None = None, limit: int = Query(200, ge=1, le=5000),
                offset: int = Query(0, ge=0)):
        return render(request, "summits.html", summits=store.summits(party=party, limit=limit, offset=offset),
                      counts=store.counts(), party=party)

    @app.get("/api/summits/{summit_id}", response_model=wv.SummitPage, tags=["summits"])
    def api_summit(summit_id: str):
        return wq.summit_page(store, summit_id)

    @app.get("/summits/{summit_id}", include_in_schema=False)
    def summit(request: Request, summit_id: str):
        return cached(request, "summit.html", lambda: {"page": wq.summit_page(store, summit_id)})

    # --- commitments and reviews ----------------------------------------------------------

    @app.get("/api/commitments", response_model=list[sv.CommitmentRow], tags=["commitments"])
    def api_commitments(summit: str | None = None, party: str | None = None, status: str | None = None,
                        limit: int = Query(200, ge=1, le=5000), offset: int = Query(0, ge=0)):
        return store.commitments(summit=summit, party=party, status=status, limit=limit, offset=offset)

    @app.get("/commitments", include_in_schema=False)
    def commitments_list(request: Request, summit: str | None = None, party: str | None = None,
                         status: str | None = None, limit: int = Query(200, ge=1, le=5000)):
        return render(request, "commitments.html",
                      rows=store.commitments(summit=summit, party=party, status=status, limit=limit))

    @app.get("/api/commitments/{commitment_id}", response_model=wv.CommitmentPage, tags=["commitments"])
    def api_commitment(commitment_id: str):
        return wv.CommitmentPage(detail=store.commitment(commitment_id), verdicts=list(VERDICTS))

    @app.get("/commitments/{commitment_id}", include_in_schema=False)
    def commitment(request: Request, commitment_id: str, saved: int = 0):
        return render(request, "commitment.html", page=api_commitment(commitment_id), saved=bool(saved),
                      form_error=None, form={})

    @app.post("/commitments/{commitment_id}/review", include_in_schema=False)
    def review(request: Request, commitment_id: str, csrf: str = Form(""), status: str = Form(""),
               why: str = Form(""), evidence: str = Form(""), by: str = Form("")):
        from ..store.corpus import rebuild_tracking

        if not csrf_valid(secret, request.cookies.get(CSRF_COOKIE), csrf):
            return error(request, 403, "forbidden", "the form's CSRF token is missing or wrong; reload the page")
        page = api_commitment(commitment_id)
        full = page.detail.commitment.id
        verdict = status.strip().lower().replace("-", "_").replace(" ", "_")
        problem, span = None, None
        if verdict not in VERDICTS:
            problem = f"{status!r} is not one of {', '.join(VERDICTS)}"
        elif not why.strip():
            problem = "say why"
        elif evidence.strip():
            span = _span(evidence.strip())
            if span is None:
                problem = f"{evidence!r} is not DOC:START-END (e.g. 1c97519592:120-164)"
        if problem is None:
            try:
                ev = store.quote(*span) if span else None
            except NotFound as e:
                problem = str(e)
        if problem is not None:
            return render(request, "commitment.html", status=400, page=page, saved=False, form_error=problem,
                          form={"status": verdict, "why": why, "evidence": evidence, "by": by})
        with write_lock:                     # as `summitwatch review`: append, then rebuild tracking
            store.add_review(full, verdict, why.strip(), by.strip() or None, ev)
            rebuild_tracking(store)
            pages.clear()
        return RedirectResponse(f"/commitments/{full}?saved=1", status_code=303)

    # --- documents ------------------------------------------------------------------------

    @app.get("/api/documents", response_model=list[sv.DocumentRow], tags=["documents"])
    def api_documents(limit: int = Query(200, ge=1, le=5000), offset: int = Query(0, ge=0)):
        return store.documents(limit=limit, offset=offset)

    @app.get("/documents", include_in_schema=False)
    def documents(request: Request, limit: int = Query(200, ge=1, le=5000), offset: int = Query(0, ge=0)):
        return render(request, "documents.html", rows=store.documents(limit=limit, offset=offset))

    @app.get("/api/documents/{doc_id}", response_model=wv.DocumentPage, tags=["documents"])
    def api_document(doc_id: str, hl: str | None = Query(None, pattern=r"^\d+-\d+$")):
        return wq.document_page(store, doc_id, _range(hl))

    @app.get("/documents/{doc_id}", include_in_schema=False)
    def document(request: Request, doc_id: str, hl: str | None = Query(None, pattern=r"^\d+-\d+$")):
        return cached(request, "document.html", lambda: {"page": wq.document_page(store, doc_id, _range(hl))})

    # --- entities, polls, search ------------------------------------------------------------

    @app.get("/api/entities", response_model=list[wv.EntityRow], tags=["entities"])
    def api_entities():
        return wq.entities(store)

    @app.get("/entities", include_in_schema=False)
    def entities(request: Request):
        return render(request, "entities.html", rows=wq.entities(store))

    @app.get("/api/entities/{key}", response_model=wv.EntityPage, tags=["entities"])
    def api_entity(key: str):
        return wq.entity_page(store, key)

    @app.get("/entities/{key}", include_in_schema=False)
    def entity(request: Request, key: str):
        return render(request, "entity.html", page=wq.entity_page(store, key))

    @app.get("/api/polls", response_model=list[tm.PollSeries], tags=["polls"])
    def api_polls():
        return store.polls()

    @app.get("/polls", include_in_schema=False)
    def polls(request: Request):
        series = store.polls()
        charts = {}
        for ps in series:
            lines: dict[str, list] = {}
            for p in ps.points:
                when = (p.field_end or p.field_start or "")[:10]
                for k, v in p.results.items():
                    if when:
                        lines.setdefault(k, []).append((when, v))
            first = min((d for pts in lines.values() for d, _ in pts), default=None)
            charts[ps.id] = wq.chart_svg(tuple((k, tuple(v)) for k, v in sorted(lines.items())), first) if first else ""
        return render(request, "polls.html", series=series, charts=charts)

    @app.get("/api/search", response_model=list[sv.SearchHit], tags=["search"])
    def api_search(q: str = Query("", max_length=200), limit: int = Query(20, ge=1, le=200),
                   offset: int = Query(0, ge=0)):
        return store.search(q, limit=limit, offset=offset) if q.strip() else []

    @app.get("/search", include_in_schema=False)
    def search(request: Request, q: str = Query("", max_length=200), limit: int = Query(20, ge=1, le=200)):
        return cached(request, "search.html", lambda: {"q": q, "hits": api_search(q, limit, 0)})

    # --- upload -------------------------------------------------------------------------------

    @app.get("/upload", include_in_schema=False)
    def upload_form(request: Request):
        return render(request, "upload.html", max_upload=max_upload, job=None)

    @app.post("/upload", include_in_schema=False)
    async def upload(request: Request, file: UploadFile = File(...), csrf: str = Form("")):
        if not csrf_valid(secret, request.cookies.get(CSRF_COOKIE), csrf):
            return error(request, 403, "forbidden", "the form's CSRF token is missing or wrong; reload the page")
        data = await file.read(max_upload + 1)
        if len(data) > max_upload:
            return error(request, 413, "too_large", f"the file is larger than {max_upload} bytes")
        job = uploads.submit(data, file.filename or "upload.txt")
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/api/jobs/{job_id}", response_model=wv.Job, tags=["upload"])
    def api_job(job_id: str):
        job = uploads.get(job_id)
        if job is None:
            raise HTTPException(404, f"no upload {job_id}")
        return job

    @app.get("/jobs/{job_id}", include_in_schema=False)
    def job_page(request: Request, job_id: str):
        return render(request, "upload.html", max_upload=max_upload, job=api_job(job_id))

    # --- the API's own page (no CDN: the OpenAPI document rendered here) ----------------------

    @app.get("/api", include_in_schema=False)
    def api_docs(request: Request):
        return render(request, "api.html", spec=app.openapi())

    app.add_middleware(Guard, token=token, max_body=max_body, max_upload=max_upload)
    return app


def _range(hl: str | None) -> tuple[int, int] | None:
    if not hl:
        return None
    a, _, z = hl.partition("-")
    return (int(a), int(z)) if int(a) < int(z) else None


def _span(value: str) -> tuple[str, int, int] | None:
    doc, _, rng = value.rpartition(":")
    a, _, z = rng.partition("-")
    if not (doc and a.isdigit() and z.isdigit() and int(a) < int(z)):
        return None
    return doc, int(a), int(z)
