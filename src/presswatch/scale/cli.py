"""`presswatch spark-analyze INPUT... OUTPUT [--master URL]`."""

from __future__ import annotations

import click

from ..cli import CONTEXT_SETTINGS, options_from_flags, stage_flags


@click.command("spark-analyze", context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True)
@click.argument("output", nargs=1)
@click.option("--master", default=None, help="Spark master URL (default: local[*], or what spark-submit sets).")
@stage_flags
@click.option("--files-per-partition", type=click.IntRange(min=1), default=16, show_default=True,
              help="Input files per Spark task.")
def spark_analyze(inputs: tuple[str, ...], output: str, master: str | None, stages: str | None,
                  max_bytes: int | None, files_per_partition: int) -> None:
    """Analyse INPUT files/folders (local paths or Hadoop URIs) on Spark into Parquet tables under OUTPUT."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise click.ClickException("pyspark is not installed: pip install 'presswatch[test]' or pyspark>=3.5") from exc
    try:
        opts = options_from_flags(stages=stages, max_bytes=max_bytes)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    from .spark import run_spark

    counts = run_spark(list(inputs), output, master=master, stages=opts.stages, max_bytes=opts.max_bytes,
                       corpus_embedder=opts.corpus_embedder, files_per_partition=files_per_partition)
    for k, v in counts.items():
        click.echo(f"{k}: {v}")
    click.echo("wrote Parquet tables articles, annotations, failures, duplicates, claim_conflicts, stories, timeline, "
               f"narrative_conflicts under {output}")
