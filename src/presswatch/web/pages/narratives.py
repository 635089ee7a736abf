"""Narratives: which outlets push which narrative, week by week (plotted), a narrative's articles, and
where the outlets of one story cast an entity or push narratives opposite ways."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query

from ..narratives import narratives_page
from ..schemas import NarrativeFilters, NarrativesPage
from . import AppState, register_page

WEEK_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def context(
    pw: AppState,
    narrative: Annotated[str | None, Query(max_length=300, description="List the articles pushing this narrative")] = None,
    outlet: Annotated[str | None, Query(max_length=300, description="Only this outlet's articles")] = None,
    week: Annotated[str | None, Query(description="Only the week starting this Monday, YYYY-MM-DD")] = None,
    story: Annotated[str | None, Query(max_length=100, description="Only this story's articles")] = None,
) -> NarrativesPage:
    """Counts by outlet and week, the chosen narrative's articles, narrative conflicts (422 for a bad week)."""
    if week and not WEEK_RE.match(week):
        raise HTTPException(422, "week must look like 2022-09-19 (the Monday it starts)")
    f = NarrativeFilters(narrative=narrative or None, outlet=outlet or None, week=week or None, story=story or None)
    return pw.db.memo(("narratives", f.model_dump_json()), lambda: narratives_page(pw.db, pw.corpus(), f))


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/narratives", context, template="narratives.html", model=NarrativesPage,
                  summary="Narratives by outlet and week, a narrative's articles, and outlets on opposite sides")
