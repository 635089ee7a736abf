"""The CLI reference (docs/cli.md) generated from the click group itself, lazy commands included.

Regenerate with ``python docs/gen_cli.py``; tests/test_docs.py fails when the file drifts.
"""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["render", "write", "DOC_PATH"]

DOC_PATH = Path(__file__).resolve().parents[3] / "docs" / "cli.md"

HEADER = """# CLI reference

<!-- Generated from the CLI by `python docs/gen_cli.py`; do not edit by hand.
     tests/test_docs.py fails when this file and the CLI disagree. -->

Every command prints its help with `-h` or `--help`.
"""


def _help_text(ctx: click.Context, command: click.Command) -> str:
    formatter = ctx.make_formatter()
    formatter.width = 100
    command.format_help(ctx, formatter)
    return formatter.getvalue().rstrip()


def render(group: click.Group | None = None, prog: str = "presswatch") -> str:
    """Markdown for every command of the group, each with its full --help output."""
    if group is None:
        from ..cli import cli as group
    # make_context applies the group's context_settings (-h) and passes them on to subcommands
    root = group.make_context(prog, [], resilient_parsing=True, terminal_width=100, max_content_width=100)
    parts = [HEADER, "## `presswatch`\n", "```text", _help_text(root, group), "```\n"]
    for name in group.list_commands(root):
        command = group.get_command(root, name)
        if command is None:
            continue
        sub = command.make_context(name, [], parent=root, resilient_parsing=True,
                                   terminal_width=100, max_content_width=100)
        short = command.get_short_help_str(limit=100)
        parts += [f"## `presswatch {name}`\n", short + "\n", "```text", _help_text(sub, command), "```\n"]
    return "\n".join(parts)


def write(path: Path = DOC_PATH) -> Path:
    """Write the generated reference to ``path`` (docs/cli.md by default)."""
    path.write_text(render(), encoding="utf-8")
    return path
