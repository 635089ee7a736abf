"""A person: quotes across outlets, the numbers they are cited for, the articles naming them."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException

from .. import queries
from ..narratives import role_rows
from ..schemas import PersonPage
from . import AppState, register_page


def context(pw: AppState, name: str) -> PersonPage:
    """The person page (names are cut at 200 characters; 404 for a name no article quotes or names)."""
    page = pw.db.memo(("person", name[:200].lower()), lambda: _page(pw, name[:200]))
    if not (page.quotes or page.claims or page.mentioned_in):
        raise HTTPException(404, "no article quotes, cites or names this person")
    return page


def _page(pw: AppState, name: str) -> PersonPage:
    page = queries.person_page(pw.db, name)
    return page.model_copy(update={"roles": role_rows(pw.db, name)})  # how each outlet casts them


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/people/{name:path}", context, template="person.html", model=PersonPage,
                  summary="Quotes, claims and mentions of a person")
