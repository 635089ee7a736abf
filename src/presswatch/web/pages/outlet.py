"""An outlet: its articles and the techniques and narratives they carry (Browse.outlet_articles,
Browse.label_shares)."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException

from ..queries import ref
from ..schemas import LabelCount, OutletPage
from . import AppState, register_page

#: Articles listed on the page (latest first); the count above them is the outlet's total.
MAX_LISTED = 200


def context(pw: AppState, name: str) -> OutletPage:
    """The outlet page (404 for a name no stored article has as its outlet)."""
    page = pw.db.memo(("outlet", name[:300]), lambda: _page(pw, name[:300]))
    if page is None:
        raise HTTPException(404, "no stored article is from this outlet")
    return page


def _labels(pw: AppState, layer: str, outlet: str) -> list[LabelCount]:
    rows = [s for s in pw.db.browse().label_shares(layer, outlet=outlet) if s.label != "Other"]
    return [LabelCount(label=s.label, articles=s.articles)
            for s in sorted(rows, key=lambda s: (-s.articles, s.label))]


def _page(pw: AppState, name: str) -> OutletPage | None:
    browse = pw.db.browse()
    articles = browse.outlet_articles(name, limit=MAX_LISTED)
    if not articles:
        return None
    return OutletPage(outlet=name, articles=browse.outlet_size(name), recent=[ref(m) for m in articles],
                      techniques=_labels(pw, "technique", name), narratives=_labels(pw, "narrative", name))


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/outlets/{name:path}", context, template="outlet.html", model=OutletPage,
                  summary="An outlet's articles, techniques and narratives")
