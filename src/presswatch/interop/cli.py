"""CLI commands of the interop layer: `export`, `import-labels`, `report` (registered lazily in cli.py)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import CONTEXT_SETTINGS
from .exports import FORMATS

_DB = click.Path(path_type=Path, dir_okay=False, exists=True)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option("--db", type=_DB, required=True, help="A presswatch DuckDB file.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True, help="Export format.")
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="Output file (jsonl, spacy, label-studio) or folder (parquet, csv, semeval-2023-st3).")
def export(db: Path, fmt: str, out: Path) -> None:
    """Export a database for other tools.

    \b
    jsonl             articles.jsonl, one article a line (output contract)
    parquet           one OUT/<table>.parquet per table (articles, annotations, ...)
    csv               one OUT/<table>.csv per table
    semeval-2023-st3  article files and SemEval-2023 Task 3 label files (subtasks 1-3)
    spacy             a spaCy DocBin; annotations as span groups, one per layer
    label-studio      tasks JSON with model pre-annotations, plus a labeling config
    """
    from .exports import export as run

    result = run(db, fmt, out)
    click.echo(f"exported {result.articles} articles as {fmt}:")
    for f in result.files:
        click.echo(f"  {f}")


@click.command("import-labels", context_settings=CONTEXT_SETTINGS)
@click.argument("export_file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--db", type=_DB, required=True, help="The presswatch DuckDB file the tasks came from.")
def import_labels(export_file: Path, db: Path) -> None:
    """Store a Label Studio JSON export as reviewed annotations beside the model's.

    Each annotator's labels are kept as source "label-studio:<annotator>" in the table
    reviewed_annotations; model annotations are never changed. Importing the same
    annotator's work on an article again replaces that annotator's earlier import.
    """
    from .labelstudio import import_labels as run

    try:
        result = run(export_file, db)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"imported {result.annotations} reviewed annotations from {result.tasks} tasks into {db}")
    for reason in result.skipped:
        click.echo(f"  skipped: {reason}", err=True)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option("--db", type=_DB, required=True, help="A presswatch DuckDB file.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=Path("report.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--title", default="presswatch report", show_default=True, help="Title of the report.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="Show at most this many articles in full (the overview always covers all).")
def report(db: Path, out: Path, title: str, limit: int | None) -> None:
    """Write a self-contained static HTML report (no network needed to open it)."""
    from .report import write_report

    path = write_report(db, out, title=title, limit=limit)
    click.echo(f"report written to {path}")
