"""The web desk and the HTTP API: FastAPI + Jinja2 over the store, offline.

Pages (``/``, ``/stories/ID``, ``/articles/ID``, ``/ingest``) and the JSON API under
``/api/`` read the same export shapes as ``newsdesk export`` (docs/export.md). Every
piece of article text is escaped by Jinja's autoescaping, and a Content-Security-Policy
allows only this server's own scripts, so ingested pages cannot run code here.
"""

from __future__ import annotations

import math
from importlib import resources
from typing import Annotated
from urllib.parse import unquote_plus

import jinja2
from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsdesk import __version__
from newsdesk.errors import InputError, NotFound
from newsdesk.model import Document
from newsdesk.read.fetch import url_problem
from newsdesk.read.files import read_text
from newsdesk.read.published import FORMS, parse_day, parse_published
from newsdesk.report.export import VIEW_FILTERS, export_article, export_record
from newsdesk.store import Store, open_store
from newsdesk.web.highlight import LAYERS, annotations, segments
from newsdesk.web.jobs import Jobs

PAGE_SIZE = 20
# Page numbers above this are refused (422): no store has 200 million stories, and a much
# larger one makes an OFFSET past SQLite's 64-bit integers (a 500 before).
MAX_PAGE = 10_000_000
FILE_KINDS = "plain text, HTML, JSON, JSON Lines, WARC, RSS or Atom feeds, or any of these gzipped"
NUL_MESSAGE = "NUL characters are not accepted (no text, id or query holds one)"
# Uploads and pasted text over this are refused (413): a news article is rarely over
# 1 MB even as HTML, and the server should not hold arbitrary amounts in memory.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class PastedArticle(BaseModel):
    """An article to ingest: its text or HTML, or a URL to fetch; metadata optional."""

    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="the page's HTML")
    url: str | None = Field(
        None, description="http(s) address of the article or feed (fetched in the job if no text or html is given)"
    )
    title: str | None = None
    published: str | None = Field(None, description=FORMS)
    source: str | None = Field(None, description="outlet or site name")

    @field_validator("url")
    @classmethod
    def _web_address(cls, url: str | None) -> str | None:
        if url is not None and (problem := url_problem(url)):
            raise ValueError(problem)
        return url

    @field_validator("published")
    @classmethod
    def _a_date(cls, published: str | None) -> str | None:
        return parse_published(published) if published else None

    @model_validator(mode="after")
    def _no_nul(self) -> PastedArticle:
        # PostgreSQL cannot store NUL in text; no article holds one on purpose.
        if any("\x00" in v for v in self.model_dump().values() if isinstance(v, str)):
            raise ValueError(NUL_MESSAGE)
        return self


def _static_dir() -> str:
    return str(resources.files("newsdesk.web").joinpath("static"))


def create_app(db: str | None = None, *, store: Store | None = None) -> FastAPI:
    store = store or open_store(db)
    jobs = Jobs(store)
    app = FastAPI(
        title="newsdesk",
        version=__version__,
        description="One cross-checked record per news story. Shapes follow docs/export.md.",
        docs_url=None,  # FastAPI's default docs load scripts from a CDN; ours are offline
        redoc_url=None,
    )
    app.state.store = store
    # autoescape=True for every template: Jinja's default only escapes files named *.html,
    # and article text is hostile input whatever the template is called.
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsdesk.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters.update(VIEW_FILTERS)
    templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=_static_dir()), name="static")

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error(request: Request, status: int, message: str, kind: str = "http_error", detail=None) -> Response:
        """The error as JSON under /api/, as a page elsewhere."""
        if wants_json(request):
            return JSONResponse({"error": kind, "detail": message if detail is None else detail}, status_code=status)
        return templates.TemplateResponse(request, "error.html.j2", {"status": status, "message": message}, status)

    @app.middleware("http")
    async def head_and_nul(request: Request, call_next):
        """HEAD answered as GET without the body (FastAPI routes answer GET only); a NUL
        in the path or the query refused before any route reads it."""
        if "\x00" in unquote_plus(request.url.path) or "\x00" in unquote_plus(request.url.query):
            return error(request, 422, NUL_MESSAGE, "invalid_request")
        if request.method != "HEAD" or request.url.path.startswith("/static/"):
            return await call_next(request)
        request.scope["method"] = "GET"
        response = await call_next(request)
        return Response(status_code=response.status_code, headers=dict(response.headers))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return error(request, 404, str(exc), "not_found")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e["loc"]), "msg": e["msg"].removeprefix("Value error, ")} for e in exc.errors()]
        message = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors)  # e.g. "page: Input should be ..."
        return error(request, 422, message, "invalid_request", errors)

    # -- the API ---------------------------------------------------------------------

    def story_page(q: str | None, since: str | None, page: int) -> dict:
        try:
            since = parse_day(since) if since else None
        except ValueError as exc:
            raise HTTPException(422, f"since: {exc}") from None
        with store.read() as tx:
            rows = tx.story_rows(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE, search=q, since=since)
        items = [
            {
                "id": r["id"],
                "title": r["title"],
                "articles": r["n_articles"],
                "sources": (r["dossier"] or {}).get("independent_sources", r["n_articles"]),
                "first_seen": r["first_seen"],
                "last_seen": r["last_seen"],
            }
            for r in rows[:PAGE_SIZE]
        ]
        return {"page": page, "page_size": PAGE_SIZE, "has_more": len(rows) > PAGE_SIZE, "stories": items}

    @app.get("/api/stories", tags=["stories"], summary="Stories, newest activity first")
    def api_stories(
        q: Annotated[str | None, Query(description="full-text search over the stories' articles")] = None,
        since: Annotated[str | None, Query(description="only stories seen on or after this day (YYYY-MM-DD)")] = None,
        page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    ) -> dict:
        return story_page(q, since, page)

    @app.get("/api/search", tags=["stories"], summary="Full-text search; same answer as /api/stories?q=")
    def api_search(
        q: Annotated[str, Query(min_length=1, description="words to find in the stories' articles")],
        page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    ) -> dict:
        if not q.split():
            raise HTTPException(422, "q: give one or more words to search for")
        return story_page(q, None, page)

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story: the export record of its part")
    def api_story(story_id: str) -> dict:
        with store.read() as tx:
            return export_record(tx, story_id=story_id)

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article (its id or a unique prefix) with its facts and relations")
    def api_article(article_id: str) -> dict:
        with store.read() as tx:
            return export_article(tx, article_id)

    @app.post("/api/ingest", tags=["ingest"], status_code=202, summary="Ingest one pasted article or URL")
    def api_ingest(article: PastedArticle) -> dict:
        return jobs.start(_pasted_items(article)).as_dict()

    @app.post("/api/ingest/files", tags=["ingest"], status_code=202, summary="Ingest uploaded files")
    async def api_ingest_files(files: Annotated[list[UploadFile], File(description=FILE_KINDS)]) -> dict:
        return jobs.start(await _uploaded_items(files)).as_dict()

    @app.get("/api/jobs/{job_id}", tags=["ingest"], summary="Progress of an ingest job")
    def api_job(job_id: str) -> dict:
        job = jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r}")
        return job.as_dict()

    # -- pages ------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_html(
        request: Request, q: str | None = None, since: str | None = None, page: int = Query(1, ge=1, le=MAX_PAGE)
    ):
        data = story_page(q or None, since or None, page)
        return templates.TemplateResponse(request, "stories.html.j2", {**data, "q": q or "", "since": since or ""})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_html(request: Request, story_id: str):
        with store.read() as tx:
            record = export_record(tx, story_id=story_id)
        story = record["stories"][0]
        if story["id"] != story_id:  # a prefix was given: one canonical address per story
            return RedirectResponse(f"/stories/{story['id']}", status_code=307)
        return templates.TemplateResponse(
            request,
            "story.html.j2",
            {"story": story, "articles": record["articles"], "relations": record["relations"],
             "places": _places(record["articles"]), "by_id": {a["id"]: a for a in record["articles"]}},
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_html(request: Request, article_id: str):
        with store.read() as tx:
            article = export_article(tx, article_id)
        if article["id"] != article_id:  # a prefix was given: one canonical address per article
            return RedirectResponse(f"/articles/{article['id']}", status_code=307)
        return templates.TemplateResponse(
            request,
            "article.html.j2",
            {"article": article, "segments": segments(article["text"], annotations(article)), "layers": LAYERS},
        )

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page(request: Request):
        return templates.TemplateResponse(
            request, "ingest.html.j2", {"max_mb": MAX_UPLOAD_BYTES // 2**20, "kinds": FILE_KINDS}
        )

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_form(
        request: Request,
        text: Annotated[str, Form()] = "",
        url: Annotated[str, Form()] = "",
        files: Annotated[list[UploadFile] | None, File()] = None,
    ):
        items = []
        if "\x00" in text + url:
            raise HTTPException(422, NUL_MESSAGE)
        if text.strip() or url.strip():
            try:
                pasted = PastedArticle(text=text or None, url=url.strip() or None)
            except ValidationError as exc:
                reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
                raise HTTPException(422, reasons) from None
            items += _pasted_items(pasted)
        items += await _uploaded_items([f for f in files or [] if f.filename])
        if not items:
            raise HTTPException(400, "nothing to ingest: paste a text, give a URL or choose files")
        job = jobs.start(items)
        context = {"job": job.as_dict(), "max_mb": MAX_UPLOAD_BYTES // 2**20, "kinds": FILE_KINDS}
        return templates.TemplateResponse(request, "ingest.html.j2", context)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        spec = app.openapi()
        return templates.TemplateResponse(request, "docs.html.j2", {"spec": spec, "bodies": _body_fields(spec)})

    return app


def _body_fields(spec: dict) -> dict[str, list[dict]]:
    """Per "METHOD path", the fields of its request body (the OpenAPI schema's properties)."""
    out = {}
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            for kind, content in op.get("requestBody", {}).get("content", {}).items():
                schema = content.get("schema", {})
                if ref := schema.get("$ref"):
                    schema = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]
                required = set(schema.get("required", ()))
                out[f"{method} {path}"] = [
                    {"name": name, "kind": kind, "required": name in required,
                     "type": prop.get("type") or " or ".join(a.get("type", "?") for a in prop.get("anyOf", ())),
                     "description": prop.get("description", "")}
                    for name, prop in schema.get("properties", {}).items()
                ]
    return out


def _pasted_items(article: PastedArticle) -> list:
    body = article.text or article.html or ""
    if len(body.encode("utf-8")) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"the article is over {MAX_UPLOAD_BYTES // 2**20} MB")
    if body.strip():
        return [
            Document(
                origin=article.url or "<pasted>",
                content=body,
                content_type="html" if article.html and not article.text else "text",
                url=article.url,
                title=article.title,
                published=article.published,
                source=article.source,
            )
        ]
    if article.url:
        return [article.url]  # fetched by the job, in the background
    raise HTTPException(422, "give 'text', 'html' or 'url'")


async def _uploaded_items(files: list[UploadFile]) -> list:
    items: list = []
    for f in files:
        data = await f.read(MAX_UPLOAD_BYTES + 1)
        name = f.filename or "upload"
        if len(data) > MAX_UPLOAD_BYTES:
            raise HTTPException(413, f"{name} is over the {MAX_UPLOAD_BYTES // 2**20} MB upload limit")
        items += list(read_text(data, name))
    return [i for i in items if isinstance(i, Document | InputError)]


def _places(articles: list[dict]) -> list[dict]:
    """The story's distinct resolved places, with how often they are mentioned."""
    seen: dict[tuple, dict] = {}
    for a in articles:
        for p in a["places"]:
            if p["lat"] is None or p["lon"] is None or not (math.isfinite(p["lat"]) and math.isfinite(p["lon"])):
                continue
            key = (round(p["lat"], 3), round(p["lon"], 3))
            entry = seen.setdefault(
                key, {"name": p["name"], "lat": p["lat"], "lon": p["lon"], "mentions": 0, "aliases": []}
            )
            entry["mentions"] += 1
            # a dateline writes its town in capitals ("KYIV"): no other name of it
            words = p["name"] if p.get("in_dateline") and p["text"].casefold() == p["name"].casefold() else p["text"]
            if words not in entry["aliases"]:
                entry["aliases"].append(words)
    return sorted(seen.values(), key=lambda p: -p["mentions"])
