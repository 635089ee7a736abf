"""Progress bar and closing summary for terminal runs (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.markup import escape
from rich.table import Table

console = Console(stderr=True)

#: Up to this many failures (or warnings, or stage errors) the closing summary lists each;
#: beyond it, one line a reason.
MAX_LISTED = 50
#: Reasons shown in the closing summary (each with its count); the rest are summed up in one line.
MAX_GROUPS = 30


class RunProgress:
    """A progress callback for `analyze` that draws a live bar with counts."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and console.is_terminal
        self.counts = {"read": 0, "analysed": 0, "skipped": 0, "failed": 0}
        self._progress: Progress | None = None
        self._task: Any = None

    def __enter__(self) -> "RunProgress":
        if self.enabled:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("[bold]analysing"), BarColumn(),
                TextColumn("{task.fields[status]}"), TimeElapsedColumn(), console=console, transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("analyse", total=None, status="")
        return self

    def __call__(self, event: str, n: int) -> None:
        self.counts[event] = self.counts.get(event, 0) + n
        if self._progress is not None:
            c = self.counts
            status = f"{c['read']} read · {c['analysed']} analysed · {c['skipped']} skipped · {c['failed']} failed"
            self._progress.update(self._task, status=status)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def print_summary(summary: Any, options: Any) -> None:
    """The closing summary: read, analysed, skipped, failed with reasons, time, where to look."""
    out = Console(soft_wrap=True)  # a reason stays on one line in logs and CI output
    table = Table(title="presswatch analyze", show_header=False, box=None)
    table.add_row("read", str(summary.read))
    table.add_row("analysed", str(summary.analysed))
    table.add_row("skipped (already stored)", str(summary.skipped))
    table.add_row("failed", str(summary.failed))
    table.add_row("articles with a stage error", str(len({a for a, _, _ in summary.stage_errors})))
    table.add_row("warnings (kept, some layers skipped)", str(len(summary.warnings)))
    table.add_row("time", f"{summary.seconds:.1f} s")
    out.print(table)
    from .pipeline import group_failures

    kinds = [
        ("[red]failed[/red]", [(f.source_path, f.stage, f.reason) for f in summary.failures]),
        ("[dim]warning[/dim]", [(w.source_path, w.stage, w.reason) for w in summary.warnings]),
        ("[yellow]stage error[/yellow]", [(f"article {a}", s, m) for a, s, m in summary.stage_errors]),
    ]
    for word, items in kinds:
        if len(items) <= MAX_LISTED:
            for where, stage, reason in items:
                out.print(f"  {word} {escape(where)} ({escape(stage)}): {escape(reason)}", highlight=False)
            continue
        # thousands of failures are a handful of reasons: one line a reason, with a count and an example
        groups = group_failures(items)
        for g in groups[:MAX_GROUPS]:
            out.print(f"  {word} {g.count} × ({escape(g.stage)}): {escape(g.reason)} "
                      f"[dim]e.g. {escape(g.example)}[/dim]", highlight=False)
        if len(groups) > MAX_GROUPS:
            rest = sum(g.count for g in groups[MAX_GROUPS:])
            out.print(f"  ... and {rest} more with {len(groups) - MAX_GROUPS} other reasons (see the failures table)")
    if options.out is not None:
        out.print(f"\nwrote {options.out / 'articles.jsonl'}, {options.out / 'corpus.json'} and {options.db}")
