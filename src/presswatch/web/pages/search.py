"""Full-text search with filters (outlet, dates, technique, person)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query

from .. import queries
from ..schemas import SearchFilters, SearchPage
from . import AppState, register_page

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def context(
    pw: AppState,
    q: Annotated[str, Query(max_length=1000, description="Words to find; \"a phrase\" in quotes")] = "",
    outlet: str | None = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    technique: str | None = None,
    person: str | None = None,
) -> SearchPage:
    """The hits for a query and filters (422 for a malformed date)."""
    for name, d in (("date_from", date_from), ("date_to", date_to)):
        if d and not DATE_RE.match(d):
            raise HTTPException(422, f"{name} must look like 2022-09-30")
    f = SearchFilters(
        q=q[: queries.MAX_QUERY_CHARS], outlet=outlet or None, date_from=date_from or None,
        date_to=date_to or None, technique=technique or None, person=person or None,
    )
    return pw.db.memo(("search", f.model_dump_json()), lambda: queries.search(pw.db, f))


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/search", context, template="search.html", model=SearchPage,
                  summary="Full-text search with filters")
