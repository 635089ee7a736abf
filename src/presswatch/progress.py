"""Progress bar and closing summary for terminal runs (rich).

Before a run the inputs are counted cheaply (:func:`count_inputs`: the folders are walked, a
plain WARC or JSONL file is scanned for its record markers, nothing is parsed), so the bar shows
done/total, articles per second and the time left. A gzip file counts as one input; when the run
reads more records than counted, the total grows with it and is shown as ``~N``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterable

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
#: Bytes read at a time when a WARC or JSONL file is scanned for its record count.
_SCAN_CHUNK = 1 << 20


def _records_in(path: Path) -> int:
    """How many records one input file holds, from its markers alone (1 for any other file)."""
    from .ingest.resources import GZIP_MAGIC

    try:
        with path.open("rb") as fh:
            head = fh.read(_SCAN_CHUNK)
            if head[:2] == GZIP_MAGIC:
                return 1  # counting would mean decompressing it
            start = head.lstrip()
            if start.startswith(b"WARC/"):
                marker = b"WARC-Type: response"
            elif start.startswith(b"{"):
                marker = b"\n"  # JSONL: one record a line
            else:
                return 1
            n, tail, chunk = 0, b"", head
            while chunk:
                n += (tail + chunk).count(marker) - tail.count(marker)
                tail = chunk[-len(marker):]
                chunk = fh.read(_SCAN_CHUNK)
            if marker == b"\n" and not tail.endswith(b"\n"):
                n += 1  # the last line has no newline
            return max(n, 1)
    except OSError:
        return 1  # the run reports it as a failure, one input


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many inputs a run over ``paths`` will read: files, and the records of WARC and JSONL files."""
    from .ingest.source import walk

    return sum(1 if not isinstance(item, Path) else _records_in(item) for item in walk(paths))


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class RunProgress:
    """A progress callback for `analyze` that draws a live bar: done/total, articles a second, time left.

    ``total`` is the count of inputs (:func:`count_inputs`), or None when unknown (a pulsing bar).
    An input is done once it is analysed, skipped or failed.
    """

    def __init__(self, enabled: bool = True, total: int | None = None, out: Console | None = None) -> None:
        self.console = out or console
        self.enabled = enabled and self.console.is_terminal
        self.total = total
        self.counts = {"read": 0, "analysed": 0, "skipped": 0, "failed": 0}
        self._progress: Progress | None = None
        self._task: Any = None
        self._started = time.perf_counter()

    @property
    def done(self) -> int:
        """Inputs analysed, skipped or failed so far."""
        c = self.counts
        return c["analysed"] + c["skipped"] + c["failed"]

    def status(self, now: float | None = None) -> str:
        """The bar's text: done/total, the counts, articles a second and the time left."""
        c, done = self.counts, self.done
        elapsed = (time.perf_counter() if now is None else now) - self._started
        total = self.total
        grown = total is not None and max(c["read"], done) > total
        if grown:
            total = max(c["read"], done)
        parts = [f"{done}/{'~' if grown else ''}{total}" if total is not None else f"{done} done"]
        parts.append(f"{c['analysed']} analysed · {c['skipped']} skipped · {c['failed']} failed"
                     + (f" · {c['read'] - done} in progress" if c["read"] > done else ""))
        rate = done / elapsed if elapsed > 0 else 0.0
        parts.append(f"{rate:.1f} articles/s" if done else "starting")
        if total is not None and done and rate > 0:
            parts.append(f"ETA {_duration(max(total - done, 0) / rate)}")
        return " · ".join(parts)

    def __enter__(self) -> "RunProgress":
        self._started = time.perf_counter()
        if self.enabled:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("[bold]analysing"), BarColumn(),
                TextColumn("{task.fields[status]}"), TimeElapsedColumn(), console=self.console, transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("analyse", total=self.total, status=escape(self.status()))
        return self

    def __call__(self, event: str, n: int) -> None:
        self.counts[event] = self.counts.get(event, 0) + n
        if self._progress is not None:
            total = self.total if self.total is None else max(self.total, self.counts["read"], self.done)
            self._progress.update(self._task, completed=self.done, total=total, status=escape(self.status()))

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def print_summary(summary: Any, options: Any) -> None:
    """The closing summary: read, analysed, skipped, failed with reasons, time, where to look."""
    out = Console(soft_wrap=True)  # a reason stays on one line in logs and CI output
    table = Table(title="presswatch analyze", show_header=False, box=None)
    table.add_row("read", str(summary.read))
    table.add_row("analysed", str(summary.analysed))
    dupes = getattr(summary, "duplicates", [])
    in_run = sum(1 for _, _, first in dupes if first is not None)
    table.add_row("skipped (already stored)", str(summary.skipped - in_run))
    if in_run:
        table.add_row("skipped (duplicate of an input of this run)", str(in_run))
    table.add_row("failed", str(summary.failed))
    table.add_row("articles with a stage error", str(len({a for a, _, _ in summary.stage_errors})))
    table.add_row("warnings (kept, some layers skipped)", str(len(summary.warnings)))
    table.add_row("time", f"{summary.seconds:.1f} s")
    out.print(table)
    from .pipeline import group_failures

    listed = [(p, a, first) for p, a, first in dupes if first is not None]
    for path, article_id, first in listed[:MAX_LISTED]:
        out.print(f"  [dim]duplicate[/dim] {escape(path)}: same text as {escape(first)} (article {escape(article_id)})",
                  highlight=False)
    if len(listed) > MAX_LISTED:
        out.print(f"  ... and {len(listed) - MAX_LISTED} more duplicates")

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
