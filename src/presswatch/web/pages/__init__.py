"""One module per kind of page. Each has a ``context(pw, ...)`` that builds the page's one context;
:func:`register_page` serves it as HTML at ``/x`` and as JSON at ``/x.json`` (listed in the OpenAPI doc)."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from ..corpus import CorpusView, load_corpus
from ..db import Database
from ..settings import WebSettings

if TYPE_CHECKING:
    from ..analysis import Analyzer

TAG_API = ["json api"]


@dataclass
class AppState:
    """What every page reads: settings, the database, the templates, the analyser."""

    settings: WebSettings
    db: Database
    templates: jinja2.Environment
    analyzer: "Analyzer"
    chart_js: bool = False

    def corpus(self) -> CorpusView:
        """The corpus layer's results, read once per database generation."""
        return self.db.memo("corpus", lambda: load_corpus(self.db.reader()))

    def render(self, request: Request, template: str, ctx: BaseModel | None = None, status: int = 200,
               **extra: Any) -> HTMLResponse:
        """A page's context rendered with its template."""
        html = self.templates.get_template(template).render(
            ctx=ctx, request_path=request.url.path, analyze_enabled=self.settings.allow_analyze,
            chart_js=self.chart_js, **extra,
        )
        return HTMLResponse(html, status_code=status)


def register_page(
    app: FastAPI,
    pw: AppState,
    path: str,
    context: Callable[..., BaseModel],
    *,
    template: str,
    model: type[BaseModel],
    summary: str,
    json_path: str | None = None,
) -> None:
    """Serve ``context(pw, **params)`` at ``path`` as HTML and at ``path.json`` (or ``json_path``) as JSON.

    The request parameters are the context's own (after ``pw``), so FastAPI validates and documents
    them once for both routes. The JSON route is registered first: ``/people/{name:path}`` would
    otherwise also match ``/people/x.json``.
    """
    params = list(inspect.signature(context, eval_str=True).parameters.values())[1:]

    def as_json(**kw: Any) -> BaseModel:
        return context(pw, **kw)

    def as_html(request: Request, **kw: Any) -> HTMLResponse:
        return pw.render(request, template, context(pw, **kw))

    request = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
    as_json.__signature__ = inspect.Signature(params, return_annotation=model)  # type: ignore[attr-defined]
    as_html.__signature__ = inspect.Signature([request, *params])  # type: ignore[attr-defined]
    as_json.__name__ = f"{context.__module__.rsplit('.', 1)[-1]}_json"
    as_html.__name__ = f"{context.__module__.rsplit('.', 1)[-1]}_html"
    app.get(json_path or f"{path}.json", response_model=model, tags=TAG_API, summary=summary)(as_json)
    app.get(path, response_class=HTMLResponse, include_in_schema=False)(as_html)
