"""Claims that disagree across sources."""

from __future__ import annotations

from fastapi import FastAPI

from .. import queries
from ..schemas import ConflictsPage
from . import AppState, register_page


def context(pw: AppState) -> ConflictsPage:
    """Every claim conflict the corpus layer found."""
    return pw.db.memo("conflicts", lambda: queries.conflicts_page(pw.db, pw.corpus()))


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/conflicts", context, template="conflicts.html", model=ConflictsPage,
                  summary="Claims that disagree across sources")
