"""The overview page: counts, outlets, people, stories, techniques by outlet, conflicts."""

from __future__ import annotations

from fastapi import FastAPI

from .. import queries
from ..schemas import Overview
from . import AppState, register_page


def context(pw: AppState) -> Overview:
    """The overview of the whole corpus."""
    return pw.db.memo("overview", lambda: queries.overview(pw.db, pw.corpus()))


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/", context, template="overview.html", model=Overview, summary="Overview of the corpus",
                  json_path="/index.json")
