"""The FastAPI app: one view per kind of page; each builds one context and renders it as HTML or JSON."""

from __future__ import annotations

import json
import re
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import jinja2
from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from . import queries
from .analysis import AnalysisError, Analyzer
from .corpus import load_corpus
from .db import Database
from .highlight import SPAN_LAYERS, person_href, render_text, search_href
from .schemas import (
    AnalyzePage, ArticlePage, ConflictsPage, Overview, PersonPage, SearchFilters, SearchPage, StoryPage,
)
from .security import SecurityMiddleware
from .settings import TOKEN_COOKIE, WebSettings

HERE = Path(__file__).parent
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TAG_API = ["json api"]
#: How a layer is named to a reader (plural), in counts and toggles.
LAYER_NAMES = {"entity": "names", "claim": "numbers", "quote": "quotes", "technique": "techniques",
               "genre": "genre labels", "frame": "frame labels"}


def plotly_js() -> Path | None:
    """plotly.min.js as shipped inside the plotly package (served locally, never from a CDN)."""
    try:
        import plotly
    except ImportError:
        return None
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


def _fmt_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, (int, float)) else ("" if value is None else str(value))


def make_templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every value, in every template, is escaped unless we built the markup
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(person_href=person_href, search_href=search_href, render_text=render_text, SPAN_LAYERS=SPAN_LAYERS,
                       LAYER_NAMES=LAYER_NAMES)
    env.filters["num"] = _fmt_value
    env.filters["day"] = lambda d: (d or "")[:10]
    return env


@dataclass
class AppState:
    settings: WebSettings
    db: Database
    templates: jinja2.Environment
    analyzer: Analyzer


def create_app(settings: WebSettings) -> FastAPI:
    """The web app over one presswatch database."""
    db = Database(settings.db, writable=settings.allow_analyze)
    state = AppState(settings=settings, db=db, templates=make_templates(), analyzer=Analyzer(settings, db))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # noqa: ANN202
        yield
        db.close()

    app = FastAPI(
        lifespan=lifespan,
        title="presswatch",
        summary="Read, search and compare analysed news. Every page is also JSON: add .json to its path.",
        version="1",
        docs_url=None,  # the stock docs pages load scripts from a CDN; /api lists the API locally
        redoc_url=None,
    )
    app.state.pw = state
    app.add_middleware(SecurityMiddleware, settings=settings)
    js = plotly_js()

    def corpus():  # noqa: ANN202
        return db.memo("corpus", lambda: load_corpus(db.reader()))

    def page(request: Request, template: str, ctx: BaseModel | None = None, status: int = 200, **extra) -> HTMLResponse:
        html = state.templates.get_template(template).render(
            ctx=ctx, request_path=request.url.path, analyze_enabled=settings.allow_analyze,
            chart_js=js is not None, **extra,
        )
        return HTMLResponse(html, status_code=status)

    def not_found(request: Request, what: str) -> HTMLResponse:
        return page(request, "error.html", status=404, title="Not found", message=what)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):  # noqa: ANN202
        if request.url.path.endswith(".json") or "text/html" not in request.headers.get("accept", ""):
            return Response(
                content=json.dumps({"detail": exc.detail}), status_code=exc.status_code, media_type="application/json"
            )
        return page(request, "error.html", status=exc.status_code, title=f"Error {exc.status_code}", message=str(exc.detail))

    # -- vendor asset -------------------------------------------------------------------------
    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_asset() -> FileResponse:
        if js is None:
            raise HTTPException(404, "plotly is not installed")
        return FileResponse(js, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})

    # -- overview -----------------------------------------------------------------------------
    @app.get("/index.json", response_model=Overview, tags=TAG_API, summary="Overview of the corpus")
    def overview_json() -> Overview:
        return db.memo("overview", lambda: queries.overview(db, corpus()))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_html(request: Request) -> HTMLResponse:
        return page(request, "overview.html", overview_json())

    # -- articles -----------------------------------------------------------------------------
    def article_ctx(article_id: str) -> ArticlePage:
        full = queries.resolve_article_id(db, article_id)
        ctx = db.memo(("article", full), lambda: queries.article_page(db, corpus(), full)) if full else None
        if ctx is None:
            raise HTTPException(404, f"no article with id {article_id}")
        return ctx

    @app.get("/articles/{article_id}.json", response_model=ArticlePage, tags=TAG_API, summary="One article with its annotations")
    def article_json(article_id: str) -> ArticlePage:
        return article_ctx(article_id)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_html(request: Request, article_id: str) -> HTMLResponse:
        return page(request, "article.html", article_ctx(article_id))

    # -- people -------------------------------------------------------------------------------
    @app.get("/people/{name:path}.json", response_model=PersonPage, tags=TAG_API, summary="Quotes, claims and mentions of a person")
    def person_json(name: str) -> PersonPage:
        return db.memo(("person", name[:200].lower()), lambda: queries.person_page(db, name[:200]))

    @app.get("/people/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def person_html(request: Request, name: str) -> HTMLResponse:
        return page(request, "person.html", person_json(name))

    # -- stories and conflicts ----------------------------------------------------------------
    @app.get("/stories/{story_id}.json", response_model=StoryPage, tags=TAG_API, summary="A story's articles on a timeline")
    def story_json(story_id: str) -> StoryPage:
        ctx = db.memo(("story", story_id), lambda: queries.story_page(db, corpus(), story_id))
        if ctx is None:
            raise HTTPException(404, f"no story with id {story_id}")
        return ctx

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_html(request: Request, story_id: str) -> HTMLResponse:
        return page(request, "story.html", story_json(story_id))

    @app.get("/conflicts.json", response_model=ConflictsPage, tags=TAG_API, summary="Claims that disagree across sources")
    def conflicts_json() -> ConflictsPage:
        return db.memo("conflicts", lambda: queries.conflicts_page(db, corpus()))

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_html(request: Request) -> HTMLResponse:
        return page(request, "conflicts.html", conflicts_json())

    # -- search -------------------------------------------------------------------------------
    def filters(
        q: str = "", outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
        technique: str | None = None, person: str | None = None,
    ) -> SearchFilters:
        for name, d in (("date_from", date_from), ("date_to", date_to)):
            if d and not DATE_RE.match(d):
                raise HTTPException(422, f"{name} must look like 2022-09-30")
        return SearchFilters(
            q=q[: queries.MAX_QUERY_CHARS], outlet=outlet or None, date_from=date_from or None,
            date_to=date_to or None, technique=technique or None, person=person or None,
        )

    @app.get("/search.json", response_model=SearchPage, tags=TAG_API, summary="Full-text search with filters")
    def search_json(
        q: Annotated[str, Query(max_length=1000, description="Words to find; \"a phrase\" in quotes")] = "",
        outlet: str | None = None,
        date_from: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
        technique: str | None = None,
        person: str | None = None,
    ) -> SearchPage:
        f = filters(q, outlet, date_from, date_to, technique, person)
        return db.memo(("search", f.model_dump_json()), lambda: queries.search(db, f))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_html(
        request: Request, q: Annotated[str, Query(max_length=1000)] = "", outlet: str | None = None,
        date_from: str | None = None, date_to: str | None = None, technique: str | None = None, person: str | None = None,
    ) -> HTMLResponse:
        return page(request, "search.html", search_json(q, outlet, date_from, date_to, technique, person))

    # -- analyze ------------------------------------------------------------------------------
    def analyze_ctx(message: str | None = None, ids: list[str] | None = None) -> AnalyzePage:
        return AnalyzePage(
            enabled=settings.allow_analyze, max_bytes=settings.max_upload_bytes,
            stages=list(state.analyzer.stages), message=message, article_ids=ids or [],
        )

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_form(request: Request) -> HTMLResponse:
        return page(request, "analyze.html", analyze_ctx())

    async def submitted(text: str | None, file: UploadFile | None):  # -> str | list[RawRecord]
        if file is not None and file.filename:
            data = await file.read(settings.max_upload_bytes + 1)
            if len(data) > settings.max_upload_bytes:
                raise AnalysisError(413, f"the file is larger than {settings.max_upload_bytes:,} bytes")
            if not data.strip():
                raise AnalysisError(400, "nothing to analyse: the file is empty")
            return state.analyzer.records(data, file.filename)
        if text and len(text.encode("utf-8")) > settings.max_upload_bytes:
            raise AnalysisError(413, f"the text is larger than {settings.max_upload_bytes:,} bytes")
        return text or ""

    @app.post("/analyze.json", response_model=AnalyzePage, tags=TAG_API, summary="Analyse pasted text or an uploaded file and store it")
    async def analyze_json(
        text: Annotated[str | None, Form(description="Plain text: a title line, a blank line, then the body")] = None,
        file: Annotated[UploadFile | None, File(description="A text or HTML file")] = None,
    ) -> AnalyzePage:
        try:
            body = await submitted(text, file)
            from starlette.concurrency import run_in_threadpool

            ids, note = await run_in_threadpool(state.analyzer.run, body)
        except AnalysisError as exc:
            raise HTTPException(exc.status, exc.message) from exc
        return analyze_ctx(note, ids)

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_html(
        request: Request,
        text: Annotated[str | None, Form()] = None,
        file: Annotated[UploadFile | None, File()] = None,
    ) -> Response:
        try:
            ctx = await analyze_json(text, file)
        except HTTPException as exc:
            return page(request, "analyze.html", analyze_ctx(str(exc.detail)), status=exc.status_code, text=text or "")
        return RedirectResponse(f"/articles/{ctx.article_ids[0]}", status_code=303)

    # -- API listing and login --------------------------------------------------------------
    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> HTMLResponse:
        spec = app.openapi()
        endpoints = [
            {"method": m.upper(), "path": p, "summary": op.get("summary", ""),
             "params": [x["name"] for x in op.get("parameters", [])]}
            for p, ops in spec["paths"].items() for m, op in ops.items()
        ]
        return page(request, "api.html", None, endpoints=endpoints)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request) -> HTMLResponse:
        return page(request, "login.html", None, failed=False)

    @app.post("/login", include_in_schema=False)
    def login(request: Request, token: Annotated[str, Form(max_length=500)]) -> Response:
        import hmac

        if not settings.token or not hmac.compare_digest(token.encode(), settings.token.encode()):
            return page(request, "login.html", None, status=401, failed=True)
        resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
        return resp

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    # mounted last so the vendor route above wins over the folder
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
