"""One article: its highlighted text, labels, duplicates and story."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException

from .. import queries
from ..narratives import with_narratives
from ..schemas import ArticlePage
from . import AppState, register_page


def context(pw: AppState, article_id: str) -> ArticlePage:
    """The article page for an id or a unique id prefix (404 otherwise)."""
    full = queries.resolve_article_id(pw.db, article_id)
    ctx = pw.db.memo(("article", full), lambda: _page(pw, full)) if full else None
    if ctx is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return ctx


def _page(pw: AppState, article_id: str) -> ArticlePage | None:
    page = queries.article_page(pw.db, pw.corpus(), article_id)
    # the narrative and role layers: narratives with sub-narratives, each cast mention's role
    return with_narratives(pw.db, page) if page is not None else None


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/articles/{article_id}", context, template="article.html", model=ArticlePage,
                  summary="One article with its annotations")
