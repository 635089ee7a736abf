"""`presswatch show ID --db FILE`: one article with its annotations, in the terminal."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .attrs import attrs_of
from .cli import CONTEXT_SETTINGS
from .model import Annotation, Article

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


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("article_id")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), required=True, help="A presswatch DuckDB file.")
@click.option("--layer", "layers", multiple=True, help="Only these layers (repeatable).")
@click.option("--no-text", is_flag=True, help="Only the annotation tables.")
def show(article_id: str, db: Path, layers: tuple[str, ...], no_text: bool) -> None:
    """Print one article (by id or unique id prefix) with its annotations."""
    from .store import Store

    try:
        store = Store(db, read_only=True)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        ids = store.find_ids(article_id)
        if not ids:
            raise click.ClickException(f"no article with id {article_id!r} in {db}")
        if len(ids) > 1:
            raise click.ClickException(f"id prefix {article_id!r} matches {len(ids)} articles; give more characters")
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
        f"id {article.id} · {escape(article.outlet or 'unknown outlet')} · {escape(article.published or 'undated')} · language {article.language or '?'}",
        f"source {escape(article.source_path)}" + (f" · {escape(article.url)}" if article.url else ""),
    ]
    header += [f"also read from {escape(p)}" for p in sources if p != article.source_path]
    console.print(Panel("\n".join(header), expand=True))
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
