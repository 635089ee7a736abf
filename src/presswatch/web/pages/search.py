"""Full-text search (presswatch.store.search: FTS5, stemmed, BM25) with filters: outlet, dates,
language, technique and person; sorted by relevance or date, with highlighted snippets."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query

from ...store.search import MAX_QUERY_CHARS, TOKENIZER, SearchIndex, SearchQueryError
from ..queries import language_rows, ref
from ..schemas import SearchFilters, SearchHit, SearchPage, SnippetPart
from . import AppState, register_page

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: A language filter's value: an ISO 639 code, optionally with a region or script ("pt", "pt-BR").
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
SEARCH_LIMIT = 50
BACKEND = (f"SQLite FTS5 full-text index (fts5, tokenizer '{TOKENIZER}': words match their stems, accents "
           "ignored), ranked by BM25 with title words weighted up")


def index(pw: AppState) -> SearchIndex:
    """The search index beside the database, synced with it once per database generation."""
    return pw.db.memo("search-index", lambda: SearchIndex.open(pw.db.path, pw.db.cursor()))


def search(pw: AppState, f: SearchFilters) -> SearchPage:
    """Ranked hits for the query and filters, with the filters' choices (an unreadable query: ``error``)."""
    browse = pw.db.browse()
    hits: list[SearchHit] = []
    total, error = 0, None
    try:
        result = index(pw).search(
            f.q, outlet=f.outlet, date_from=f.date_from, date_to=f.date_to, language=f.language,
            ids=browse.filter_ids(technique=f.technique, person=f.person), sort=f.sort, limit=SEARCH_LIMIT,
        )
    except SearchQueryError as exc:
        error = str(exc)
    else:
        meta = browse.meta(h.id for h in result.hits)
        total = result.total
        hits = [SearchHit(article=ref(meta[h.id]), score=h.score,
                          snippet=[SnippetPart(text=t, hit=hit) for t, hit in h.snippet])
                for h in result.hits if h.id in meta]
    return SearchPage(filters=f, total=total, hits=hits, error=error, backend=BACKEND,
                      outlets=browse.outlet_names(), techniques=browse.labels("technique"),
                      people=browse.quoted_names(50), languages=language_rows(browse))


def check_language(value: str | None, name: str = "lang") -> str | None:
    """A language filter's value, or None when not set (422 when it is not a language code)."""
    if not value:
        return None
    if not LANG_RE.match(value):
        raise HTTPException(422, f"{name} must be a language code such as en or ru")
    return value


def context(
    pw: AppState,
    q: Annotated[str, Query(description='Words, "a phrase", AND/OR/NOT (or -word), (groups), prefix*')] = "",
    outlet: str | None = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    language: Annotated[str | None, Query(description="A language code, e.g. en")] = None,
    technique: str | None = None,
    person: str | None = None,
    sort: Annotated[str, Query(description="relevance or date")] = "relevance",
    from_: Annotated[str | None, Query(alias="from", description="Short for date_from")] = None,
    to: Annotated[str | None, Query(description="Short for date_to")] = None,
    lang: Annotated[str | None, Query(description="Short for language")] = None,
) -> SearchPage:
    """The hits for a query and filters (422 for a malformed date; a query that cannot be read
    gives a page whose ``error`` says why)."""
    date_from, date_to = date_from or from_, date_to or to
    for name, d in (("date_from", date_from), ("date_to", date_to)):
        if d and not DATE_RE.match(d):
            raise HTTPException(422, f"{name} must look like 2022-09-30")
    language = check_language(language, "language") or check_language(lang)
    f = SearchFilters(
        # an over-long query is refused with a message; only its start is kept to show in the box
        q=q if len(q) <= MAX_QUERY_CHARS else q[: MAX_QUERY_CHARS + 1], outlet=outlet or None,
        date_from=date_from or None, date_to=date_to or None, language=language,
        technique=technique or None, person=person or None, sort=sort or "relevance",
    )
    return pw.db.memo(("search", f.model_dump_json()), lambda: search(pw, f))


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/search", context, template="search.html", model=SearchPage,
                  summary="Full-text search with filters")
