"""`presswatch show ID --db FILE`: one article with its annotations, in the terminal (`--list`: the ids)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .attrs import ClaimAttrs, attrs_of
from .cli import CONTEXT_SETTINGS
from .model import Annotation, Article
from .nlp.languages import LAYERS

if TYPE_CHECKING:
    from .store.browse import ArticleMeta, CorpusCounts

#: Span layers highlighted in the text, with their style.
SPAN_STYLES = {
    "technique": "bold magenta",
    "quote": "green",
    "claim": "bold cyan",
    "entity": "underline",
}


def render_text(article: Article, layers: tuple[str, ...]) -> Text:
    """The article text with the chosen span layers highlighted (later layers on top)."""
    text = Text(article.text)
    for layer in layers:
        style = SPAN_STYLES.get(layer, "reverse")
        for ann in article.layer(layer):
            if ann.start is not None and ann.end is not None:
                text.stylize(style, ann.start, ann.end)
    return text


#: Attrs left out of the details column: offsets and the sentence repeat what the span shows.
HIDDEN_ATTRS = frozenset({"sentence", "speaker_start", "speaker_end", "paragraph"})


def _describe(ann: Annotation) -> str:
    """The annotation's typed attrs (presswatch.attrs) as key=value pairs."""
    record = attrs_of(ann)
    attrs = record.to_dict() if record is not None else dict(ann.attrs)
    if isinstance(record, ClaimAttrs) and not record.exact:
        # a vague amount or a range is never shown as one exact value
        attrs = {"amount": record.amount(), **{k: v for k, v in attrs.items() if k not in ("value", "high", "vague")}}
    return ", ".join(f"{k}={v!r}" for k, v in attrs.items() if k not in HIDDEN_ATTRS and v not in (None, "", False))


def annotation_table(article: Article, layer: str, anns: list[Annotation]) -> Table:
    table = Table(title=f"{layer} ({len(anns)})", title_justify="left", expand=True)
    table.add_column("label", style="bold", no_wrap=True)
    table.add_column("span")
    table.add_column("details")
    table.add_column("score", justify="right")
    for ann in anns:
        span = ann.span_text(article.text)
        table.add_row(
            escape(ann.label),
            escape((span or "—")[:120]),
            escape(_describe(ann)),
            "" if ann.score is None else f"{ann.score:.2f}",
        )
    return table


#: How many matches an ambiguous id prefix names.
AMBIGUOUS_SHOWN = 10


def article_list(rows: list["ArticleMeta"], title: str) -> Table:
    """Ids with their date, language, outlet and title (for --list and an ambiguous prefix)."""
    # no outer edge padding: the five columns fit an 80-column terminal with a title of 24 characters
    table = Table(title=title, title_justify="left", expand=True, pad_edge=False)
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("outlet")
    table.add_column("title")
    for m in rows:
        table.add_row(m.id, escape((m.published or "undated")[:10]), escape(m.language or "?"), escape(m.outlet or "—"),
                      escape(m.title or "(untitled)"))
    return table


def _counted(n: "CorpusCounts") -> str:
    """The corpus's headline numbers in words (Browse.corpus_counts: one definition everywhere)."""
    parts = [f"{n.articles} article{'s' if n.articles != 1 else ''}", f"{n.outlets} outlet{'s' if n.outlets != 1 else ''}"]
    if n.failed:
        parts.append(f"{n.failed} failed input{'s' if n.failed != 1 else ''}")
    if n.warnings:
        parts.append(f"{n.warnings} kept with a warning")
    return ", ".join(parts)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("article_id", required=False)
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), required=True, help="A presswatch DuckDB file.")
@click.option("--list", "list_ids", is_flag=True, help="List the stored articles' ids (newest first) instead.")
@click.option("--layer", "layers", multiple=True, help="Only these layers (repeatable).")
@click.option("--no-text", is_flag=True, help="Only the annotation tables.")
def show(article_id: str | None, db: Path, list_ids: bool, layers: tuple[str, ...], no_text: bool) -> None:
    """Print one article (by id or unique id prefix) with its annotations. --list lists the ids."""
    from .store import Store
    from .store.browse import Browse

    if not list_ids and not article_id:
        raise click.UsageError("give an article id (or a unique prefix of one), or --list to see the ids")
    try:
        store = Store(db, read_only=True)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        browse = Browse(store.con)
        if list_ids:
            n = browse.corpus_counts()  # the same numbers as the overview and the report
            rows = browse.recent(n.articles)
            if article_id:
                rows = [m for m in rows if m.id.startswith(article_id)]
            Console().print(article_list(rows, f"{len(rows)} of {_counted(n)} in {db}"))
            return
        ids = store.find_ids(article_id)
        if not ids:
            raise click.ClickException(f"no article with id {article_id!r} in {db}; `presswatch show --list --db {db}` lists them")
        if len(ids) > 1:
            meta = browse.meta(ids[:AMBIGUOUS_SHOWN])
            named = "\n".join(f"  {i}  {(meta[i].title or '(untitled)')[:70]}" for i in ids[:AMBIGUOUS_SHOWN] if i in meta)
            more = f"\n  ... and {len(ids) - AMBIGUOUS_SHOWN} more" if len(ids) > AMBIGUOUS_SHOWN else ""
            raise click.ClickException(
                f"id prefix {article_id!r} matches {len(ids)} articles; give more characters:\n{named}{more}")
        article = store.get_article(ids[0])
        sources = store.sources(ids[0])
    assert article is not None
    console = Console()
    by_layer: dict[str, list[Annotation]] = defaultdict(list)
    for ann in article.annotations:
        if not layers or ann.layer in layers:
            by_layer[ann.layer].append(ann)
    header = [
        f"[bold]{escape(article.title or '(untitled)')}[/bold]",
        f"id {article.id} · {escape(article.outlet or 'unknown outlet')} · {escape(article.published or 'undated')} · language {escape(article.language or '?')}",
        f"source {escape(article.source_path)}" + (f" · {escape(article.url)}" if article.url else ""),
    ]
    header += [f"also read from {escape(p)}" for p in sources if p != article.source_path]
    console.print(Panel("\n".join(header), expand=True))
    skipped = [(layer, why) for layer, why in article.unsupported.items() if not layers or layer in layers or layer == "parse"]
    if skipped:
        # an empty layer that did not run is never shown as "nothing found"
        order = {name: i for i, name in enumerate(("parse",) + LAYERS)}
        console.print(f"[bold]did not run[/bold] on this article's language ({escape(article.language or '?')}):")
        for layer, why in sorted(skipped, key=lambda lw: (order.get(lw[0], len(order)), lw[0])):
            console.print(f"  [yellow]{escape(layer)}[/yellow]: {escape(why)}")
    labels = [a for a in by_layer.get("genre", []) + by_layer.get("frame", [])]
    if labels:
        console.print("  ".join(f"[bold]{a.layer}[/bold]: {escape(a.label)}" + (f" ({a.score:.2f})" if a.score is not None else "") for a in labels))
    if not no_text:
        span_layers = tuple(l for l in ("entity", "claim", "quote", "technique") if l in by_layer)
        console.print(Panel(render_text(article, span_layers), title="text"))
        legend = Text("legend: ")
        for l in span_layers:
            legend.append(l, style=SPAN_STYLES[l])
            legend.append("  ")
        console.print(legend)
    for layer in sorted(by_layer):
        anns = [a for a in by_layer[layer] if a.start is not None]
        if anns:
            console.print(annotation_table(article, layer, anns))
    if article.removed:
        console.print(f"[dim]removed by clean: {len(article.removed)} pieces (" +
                      escape(", ".join(sorted({r.reason for r in article.removed}))) + ")[/dim]")
    for err in article.errors:
        console.print(f"[yellow]stage error[/yellow] {escape(err.stage)}: {escape(err.message)}")
