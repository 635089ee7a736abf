"""`presswatch report`: one self-contained HTML file (inline CSS and JS, no network) over a database.

The overview (counts, outlets, stories, conflicts, most-quoted people), then every article with its
highlighted layers and a legend. Article text is hostile input: the template autoescapes everything.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..model import Annotation, Article
from ..query import Database
from .exports import DOC_LAYERS, SPAN_LAYERS
from .resources import TECHNIQUE_PALETTE

__all__ = ["Segment", "segments", "build_context", "render_html", "write_report"]


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same set of span annotations."""

    text: str
    annotations: tuple[Annotation, ...]

    @property
    def layers(self) -> tuple[str, ...]:
        return tuple(sorted({a.layer for a in self.annotations}))


def segments(text: str, annotations: Iterable[Annotation]) -> list[Segment]:
    """Cut the text at every span boundary so overlapping layers can be drawn on one run of text."""
    spans = [a for a in annotations if a.start is not None and a.end is not None and a.end > a.start]
    bounds = sorted({0, len(text)} | {min(a.start, len(text)) for a in spans} | {min(a.end, len(text)) for a in spans})  # type: ignore[type-var]
    out: list[Segment] = []
    for s, e in zip(bounds, bounds[1:]):
        if e <= s:
            continue
        covering = tuple(a for a in spans if a.start <= s and a.end >= e)  # type: ignore[operator]
        out.append(Segment(text[s:e], covering))
    return out


def describe(ann: Annotation) -> str:
    """A one-line description of an annotation for the hover title."""
    bits = [f"{ann.layer}: {ann.label}"]
    for key in ("canonical", "speaker", "value", "unit", "modifier", "cue"):
        val = ann.attrs.get(key)
        if val not in (None, ""):
            bits.append(f"{key} {val}")
    if ann.score is not None:
        bits.append(f"score {ann.score:.2f}")
    return " · ".join(str(b) for b in bits)


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays plain text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _technique_classes(labels: Iterable[str]) -> dict[str, str]:
    return {label: f"t{i % len(TECHNIQUE_PALETTE)}" for i, label in enumerate(sorted(set(labels)))}


def _article_view(article: Article, tclass: dict[str, str]) -> dict[str, Any]:
    shown = [a for a in article.annotations if a.layer in SPAN_LAYERS]
    segs = []
    for seg in segments(article.text, shown):
        classes = [f"l-{layer}" for layer in seg.layers]
        techniques = [a.label for a in seg.annotations if a.layer == "technique"]
        if techniques:
            classes.append(tclass[sorted(techniques)[0]])
        segs.append({
            "text": seg.text,
            "classes": " ".join(classes),
            "title": "\n".join(describe(a) for a in seg.annotations),
        })
    counts = Counter(a.layer for a in article.annotations)
    return {
        "id": article.id,
        "title": article.title or "(untitled)",
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "href": safe_url(article.url),
        "source_path": article.source_path,
        "language": article.language,
        "segments": segs,
        "labels": [
            {"layer": a.layer, "label": a.label, "score": a.score}
            for a in article.annotations if a.layer in DOC_LAYERS or (a.start is None and a.layer not in SPAN_LAYERS)
        ],
        "quotes": [
            {"text": a.span_text(article.text), "speaker": a.attrs.get("speaker"), "label": a.label}
            for a in article.layer("quote")
        ],
        "claims": [
            {"text": a.span_text(article.text), "value": a.attrs.get("value"), "unit": a.attrs.get("unit"),
             "modifier": a.attrs.get("modifier"), "speaker": a.attrs.get("speaker")}
            for a in article.layer("claim")
        ],
        "counts": sorted(counts.items()),
        "removed": sorted(Counter(r.reason for r in article.removed).items()),
        "errors": [e.to_dict() for e in article.errors],
    }


def _stories(db: Database) -> list[dict[str, Any]]:
    out = []
    for i, story in enumerate(db.corpus_section("stories")):
        members = story.get("articles") or story.get("members") or story.get("article_ids") or []
        label = story.get("label") or story.get("title") or story.get("topic") or f"story {i + 1}"
        if isinstance(label, (list, tuple)):
            label = ", ".join(str(x) for x in label)
        span = [story.get(k) for k in ("start", "end", "first", "last") if story.get(k)]
        count = story.get("size", len(members) if isinstance(members, list) else members)
        out.append({"label": str(label), "articles": count,
                    "span": " – ".join(str(s)[:10] for s in span[:2])})
    return out


def _duplicate_groups(db: Database) -> int:
    rows = db.corpus_section("duplicates")
    # the corpus table has one row per member; corpus.json has one entry per group
    ids = {r.get("group_id") for r in rows if "group_id" in r}
    return len(ids) if ids else len(rows)


def _conflicts(db: Database) -> list[dict[str, Any]]:
    frame = db.conflicts()
    groups: dict[Any, dict[str, Any]] = {}
    for row in frame.to_dict("records"):
        g = groups.setdefault(row["conflict"], {"topic": row["topic"], "claims": []})
        g["claims"].append(row)
    return list(groups.values())


def build_context(db: Database, *, title: str = "presswatch report", limit: int | None = None) -> dict[str, Any]:
    """Everything the report template shows: the overview over the whole database, then the
    articles (the first ``limit`` of them in publication order, or all)."""
    counts = db.sql("SELECT layer, label, count(*) AS n FROM annotations GROUP BY ALL")
    layer_counts = Counter()
    techniques = Counter()
    for layer, label, n in counts.itertuples(index=False):
        layer_counts[layer] += int(n)
        if layer == "technique":
            techniques[label] = int(n)
    tclass = _technique_classes(techniques)
    quotes = db.quotes()
    speakers = Counter(s for s in quotes["speaker"].tolist() if isinstance(s, str) and s.strip())
    meta = db.articles()
    outlets = Counter(o if isinstance(o, str) and o else "unknown outlet" for o in meta["outlet"].tolist())
    failures = db.failures()
    shown = []
    for article in db.iter_articles():
        if limit is not None and len(shown) >= limit:
            break
        shown.append(_article_view(article, tclass))
    return {
        "title": title,
        "generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "database": db.path.name,
        "n_articles": len(meta),
        "n_failures": len(failures),
        "failures": failures.to_dict("records")[:50],
        "layer_counts": sorted(layer_counts.items()),
        "outlets": outlets.most_common(),
        "speakers": speakers.most_common(15),
        "techniques": [(label, n, tclass[label]) for label, n in techniques.most_common()],
        "stories": _stories(db),
        "duplicates": _duplicate_groups(db),
        "conflicts": _conflicts(db),
        "span_layers": [l for l in SPAN_LAYERS if layer_counts.get(l)],
        "palette": list(enumerate(TECHNIQUE_PALETTE)),
        "articles": shown,
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
    with Database(db) as handle:
        html = render_html(build_context(handle, title=title, limit=limit))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(target)
    return target
