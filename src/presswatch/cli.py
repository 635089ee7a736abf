"""The command line: a thin shell over `presswatch.analyze` and the store.

Subcommands of other layers are registered by name in LAZY_COMMANDS and imported only when used.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

import click

#: Every command declares these itself: click caches a command's help option on first use, so a
#: command first invoked on its own (tests, embedding) would otherwise lose "-h" for good.
CONTEXT_SETTINGS: dict[str, list[str]] = {"help_option_names": ["-h", "--help"]}

#: name -> "module:click_command"; each layer owns its module.
LAZY_COMMANDS: dict[str, str] = {
    "show": "presswatch.show:show",
    "semeval": "presswatch.rhetoric.semeval_cli:semeval",
    "serve": "presswatch.web.cli:serve",
    "export": "presswatch.interop.cli:export",
    "import-labels": "presswatch.interop.cli:import_labels",
    "report": "presswatch.interop.cli:report",
    "spark-analyze": "presswatch.scale.cli:spark_analyze",
}


class LazyGroup(click.Group):
    """A click group whose subcommands live in other modules and load on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Built-in commands plus the lazy ones whose module is installed."""
        return sorted(set(super().list_commands(ctx)) | {n for n in LAZY_COMMANDS if self._available(n)})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """A built-in command, or a lazy one imported now (None when its module is not installed)."""
        if name in self.commands:
            return self.commands[name]
        target = LAZY_COMMANDS.get(name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                return None
            raise

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; a database another process holds is one sentence, never a traceback."""
        try:
            return super().invoke(ctx)
        except click.ClickException:
            raise
        except Exception as exc:
            from .store import StoreLocked

            if isinstance(exc, StoreLocked):
                raise click.ClickException(str(exc)) from exc
            raise

    @staticmethod
    def _available(name: str) -> bool:
        return _module_exists(LAZY_COMMANDS[name].partition(":")[0])


def _module_exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="presswatch")
def cli() -> None:
    """presswatch: read the news critically at scale."""


def stage_flags(command: Any) -> Any:
    """The flags every analysing command shares (analyze, spark-analyze): which stages, input size."""
    command = click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                           help="Refuse inputs larger than this many bytes (default: 20 MB).")(command)
    return click.option("--stages", default=None,
                        help="Comma-separated stage names, in order (default: all); a stage needs the "
                        "stages it reads from before it.")(command)


def options_from_flags(**flags: Any):  # -> Options
    """Map CLI flags onto the one Options object (the only place that does, for every command).

    Raises ValueError with a message for the user (a bad value, an unknown stage, a stage whose
    input no stage before it writes).
    """
    from .options import Options, default_workers
    from .registry import check_stages

    stages = flags.pop("stages", None)
    if stages:
        flags["stages"] = tuple(s.strip() for s in stages.split(",") if s.strip())
    if "no_corpus" in flags:
        flags["corpus"] = not flags.pop("no_corpus")
    if "workers" in flags and flags["workers"] is None:
        flags["workers"] = default_workers()
    opts = Options.build(**flags)
    check_stages(opts.stages)
    return opts


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Folder for articles.jsonl, corpus.json and the database.")
@click.option("--db", type=click.Path(path_type=Path), default=None, help="DuckDB file (default: OUT/presswatch.duckdb).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Articles per batch (default: 32).")
@click.option("--force", is_flag=True, help="Re-analyse articles already in the database.")
@stage_flags
@click.option("--time-budget", type=click.FloatRange(min=0), default=None,
              help="CPU seconds one article may take in the stages (default: 120; 0: no limit); an article "
              "over it is kept with the layers that finished, and the reason.")
@click.option("--rhetoric-profile", default=None, help="Rhetoric models to use (default: fast).")
@click.option("--no-corpus", is_flag=True, help="Skip the cross-article corpus layer.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def analyze(paths: tuple[Path, ...], quiet: bool, **flags: Any) -> None:
    """Analyse files or folders (text, HTML, WARC, JSONL; gzip too) into OUT."""
    from .pipeline import analyze as run
    from .progress import RunProgress, count_inputs, print_summary
    from .registry import StageLoadError

    try:
        opts = options_from_flags(**flags)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        total = None if quiet else count_inputs(paths)  # the bar's done/total and time left
        with RunProgress(enabled=not quiet, total=total) as progress:
            result = run(list(paths), options=opts, progress=progress, keep_articles=False)
    except (StageLoadError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    print_summary(result.summary, opts)
    sys.exit(0 if result.summary.ok else 1)


def main() -> None:
    """The `presswatch` console script."""
    cli(prog_name="presswatch")


if __name__ == "__main__":
    main()
