"""The overview page: counts, languages, outlets, people, stories, techniques by outlet, conflicts,
and the latest articles (``?lang=ru``: those in one language)."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Query

from .. import queries
from ..schemas import Overview
from . import AppState, register_page
from .search import check_language


def context(
    pw: AppState,
    lang: Annotated[str | None, Query(description="Only articles in this language (a code, e.g. ru) in the list")] = None,
) -> Overview:
    """The overview of the whole corpus (422 for a value of lang that is not a language code)."""
    language = check_language(lang)
    return pw.db.memo(("overview", language), lambda: queries.overview(pw.db, pw.corpus(), language))


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/", context, template="overview.html", model=Overview, summary="Overview of the corpus",
                  json_path="/index.json")
