"""One outlet name per site across the stored corpus (presswatch.clean.meta.outlet_spellings)."""

from __future__ import annotations

from typing import Any, Iterable

from ..clean.meta import outlet_spellings

__all__ = ["unify_outlets"]


def unify_outlets(store: Any, articles: Iterable[Any] = ()) -> dict[str, str]:
    """Rename the stored spellings of an outlet to its one name ("Politifact" -> "PolitiFact"), in the
    database and in ``articles`` (this run's, as they are also exported); returns old -> new."""
    counts = dict(store.con.execute(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet").fetchall())
    renames = {old: new for old, new in outlet_spellings(counts).items() if old != new}
    for old, new in renames.items():
        store.con.execute("UPDATE articles SET outlet = ? WHERE outlet = ?", [new, old])
    for a in articles:
        if a.outlet in renames:
            a.outlet = renames[a.outlet]
    return renames
