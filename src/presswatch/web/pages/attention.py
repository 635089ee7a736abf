"""Attention over time: articles per day or week, by outlet, story, technique and narrative
(presswatch.store.browse.Browse.attention)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Annotated, Literal

from fastapi import FastAPI, Query

from ...store.browse import ATTENTION_GROUPS, AttentionCount
from ..schemas import AttentionPage, AttentionPeriod, AttentionTable
from . import AppState, register_page

#: Groups shown per table (the most-covered ones); the rest are counted in ``left_out``.
MAX_GROUPS = 8


def table(by: str, rows: list[AttentionCount]) -> AttentionTable:
    """One kind's counts as a period x group table, the most-covered groups first."""
    totals: Counter[str | None] = Counter()
    cells: dict[str | None, dict[str | None, int]] = defaultdict(dict)
    for r in rows:
        totals[r.group] += r.articles
        cells[r.period][r.group] = r.articles
    groups = [g for g, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))]
    shown = groups[:MAX_GROUPS]
    periods = [AttentionPeriod(period=p, counts=[cells[p].get(g, 0) for g in shown]) for p in cells]
    return AttentionTable(by=by, groups=shown, periods=periods, left_out=len(groups) - len(shown))


def context(pw: AppState, period: Annotated[Literal["day", "week"], Query(description="day or week")] = "week",
            ) -> AttentionPage:
    """Articles per period by each kind of group; a kind with no rows (no stories yet) is left out."""
    def build() -> AttentionPage:
        browse = pw.db.browse()
        tables = [table(by, rows) for by in ATTENTION_GROUPS if (rows := browse.attention(period, by))]
        return AttentionPage(period=period, tables=tables)

    return pw.db.memo(("attention", period), build)


def register(app: FastAPI, pw: AppState) -> None:
    register_page(app, pw, "/attention", context, template="attention.html", model=AttentionPage,
                  summary="Articles per day or week by outlet, story, technique and narrative")
