"""The FastAPI app: the pages (web/pages/, one module each, HTML and JSON) plus login, the API list and assets."""

from __future__ import annotations

import json
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

import jinja2
from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from .analysis import Analyzer
from .db import Database
from .highlight import SPAN_LAYERS, outlet_href, person_href, render_text, search_href
from .narratives import chart_svg, role_class
from .pages import AppState, analyze, article, attention, conflicts, narratives, outlet, overview, person, search, story
from .security import SecurityMiddleware
from .techniques import note as technique_note
from .settings import TOKEN_COOKIE, WebSettings

HERE = Path(__file__).parent
#: The page modules, in the order their routes are registered.
PAGES = (overview, article, person, outlet, story, conflicts, narratives, attention, search, analyze)
#: How a layer is named to a reader (plural), in counts and toggles.
LAYER_NAMES = {"entity": "names", "claim": "numbers", "quote": "quotes", "technique": "techniques",
               "genre": "genre labels", "frame": "frame labels", "role": "roles", "narrative": "narratives"}


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
    env.globals.update(person_href=person_href, outlet_href=outlet_href, search_href=search_href, render_text=render_text, SPAN_LAYERS=SPAN_LAYERS,
                       LAYER_NAMES=LAYER_NAMES, technique_note=technique_note, narrative_chart=chart_svg,
                       role_class=role_class)
    env.filters["num"] = _fmt_value
    env.filters["day"] = lambda d: (d or "")[:10]
    return env


def create_app(settings: WebSettings) -> FastAPI:
    """The web app over one presswatch database."""
    db = Database(settings.db, writable=settings.allow_analyze)
    js = plotly_js()
    state = AppState(settings=settings, db=db, templates=make_templates(), analyzer=Analyzer(settings, db),
                     chart_js=js is not None)

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

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):  # noqa: ANN202
        if request.url.path.endswith(".json") or "text/html" not in request.headers.get("accept", ""):
            return Response(
                content=json.dumps({"detail": exc.detail}), status_code=exc.status_code, media_type="application/json"
            )
        return state.render(request, "error.html", status=exc.status_code, title=f"Error {exc.status_code}",
                            message=str(exc.detail))

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_asset() -> FileResponse:
        if js is None:
            raise HTTPException(404, "plotly is not installed")
        return FileResponse(js, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})

    for page in PAGES:
        page.register(app, state)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> HTMLResponse:
        spec = app.openapi()
        endpoints = [
            {"method": m.upper(), "path": p, "summary": op.get("summary", ""),
             "params": [x["name"] for x in op.get("parameters", [])]}
            for p, ops in spec["paths"].items() for m, op in ops.items()
        ]
        return state.render(request, "api.html", None, endpoints=endpoints)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request) -> HTMLResponse:
        return state.render(request, "login.html", None, failed=False)

    @app.post("/login", include_in_schema=False)
    def login(request: Request, token: Annotated[str, Form(max_length=500)]) -> Response:
        import hmac

        if not settings.token or not hmac.compare_digest(token.encode(), settings.token.encode()):
            return state.render(request, "login.html", None, status=401, failed=True)
        resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
        return resp

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    # mounted last so the vendor route above wins over the folder
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
