"""A story: its articles on a timeline."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException

from .. import queries
from ..schemas import StoryPage
from . import AppState, register_page


def context(pw: AppState, story_id: str) -> StoryPage:
    """The story page (404 for an unknown story)."""
    ctx = pw.db.memo(("story", story_id), lambda: queries.story_page(pw.db, pw.corpus(), story_id))
    if ctx is None:
        raise HTTPException(404, f"no story with id {story_id}")
    return ctx


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/stories/{story_id}", context, template="story.html", model=StoryPage,
                  summary="A story's articles on a timeline")
