"""`presswatch report`: one self-contained HTML file (inline CSS and JS, no network) over a database.

It renders the web app's page contexts (overview, conflicts, stories, every article) with the web
app's highlighter, so the report and `presswatch serve` show the same thing. Article text is
hostile input: the template autoescapes everything and the highlighter escapes every character.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from pathlib import Path
from typing import Any

from ..web import queries
from ..web.corpus import load_corpus
from ..web.db import Database
from ..web.highlight import palette_css, render_text, technique_class
from ..web.narratives import chart_svg, narratives_page, role_class, role_rows, with_narratives
from ..web.schemas import NarrativeFilters

__all__ = ["build_context", "render_html", "write_report"]


def build_context(db: Database, *, title: str = "presswatch report", limit: int | None = None) -> dict[str, Any]:
    """Everything the report shows: the web app's overview, conflicts and story contexts over the whole
    database, then the article pages (the first ``limit`` in publication order, or all)."""
    reader = db.reader()
    corpus = load_corpus(reader)
    overview = queries.overview(db, corpus)
    grid = overview.technique_by_outlet
    totals = Counter({t: sum(row[j] for row in grid.counts) for j, t in enumerate(grid.techniques)})
    ids = reader.article_ids()
    shown = ids if limit is None else ids[:limit]
    narratives = narratives_page(db, corpus, NarrativeFilters())
    browse = db.browse()
    roles: dict[str, list[Any]] = {}
    for r in role_rows(db):
        roles.setdefault(r.entity, []).append(r)
    return {
        "title": title,
        "generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "database": db.path.name,
        "overview": overview,
        "failures": reader.failures()[:50],
        "techniques": [(label, n, technique_class(label)) for label, n in totals.most_common()],
        "stories": [queries.story_page(db, corpus, s.id) for s in corpus.stories],
        "conflicts": queries.conflicts_page(db, corpus).conflicts,
        "articles": [with_narratives(db, queries.article_page(db, corpus, aid)) for aid in shown],
        # the web app's Narratives page, each narrative's articles (linked inside the report) and the
        # roles each outlet casts each person in
        "narratives": narratives,
        "narrative_articles": {n.label: [queries.ref(a.article) for a in browse.narrative_articles(n.label)]
                               for n in narratives.narratives},
        "roles": roles,
        "palette_css": palette_css(),
    }


def render_html(context: dict[str, Any]) -> str:
    """The report as one HTML string (autoescaped Jinja2 template shipped in the package)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("presswatch.interop", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["num"] = format_number
    env.globals["render_text"] = render_text
    env.globals["narrative_chart"] = chart_svg
    env.globals["role_class"] = role_class
    env.globals["reasons"] = lambda removed: sorted(Counter(r.reason for r in removed).items())
    return env.get_template("report.html").render(**context)


def format_number(value: Any) -> str:
    """A claimed value for reading: 1000000.0 → "1,000,000", 2.5 → "2.5", missing → ""."""
    if value is None or value != value:  # None or NaN
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}".rstrip("0").rstrip(".")


def write_report(db: str | Path, out: str | Path, *, title: str = "presswatch report", limit: int | None = None) -> Path:
    """Write the static report for the database at ``db`` to ``out`` and return its path."""
    target = Path(out)
    handle = Database(db)
    try:
        html = render_html(build_context(handle, title=title, limit=limit))
    finally:
        handle.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(target)
    return target
