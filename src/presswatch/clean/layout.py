"""Layout: a raw text split into its title line and paragraphs, whitespace and bullets tidied."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .resources import BULLET_RE, TERMINAL_PUNCT

__all__ = ["Layout", "split_layout", "normalize_paragraph", "unwrap_lines"]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Layout:
    """The title line (None when the input has none) and the body paragraphs, in order."""

    title_line: str | None
    paragraphs: tuple[str, ...]


def normalize_paragraph(line: str) -> str:
    """One paragraph: bullet glyph dropped, runs of spaces collapsed, ends trimmed."""
    line = BULLET_RE.sub("", line)
    return _SPACES.sub(" ", line).strip()


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines of one block: a line that ends mid-sentence and a next line
    that starts in lower case are one paragraph; every other line stays its own paragraph
    (the seeds put one paragraph a line, subheadings included)."""
    out: list[str] = []
    for line in lines:
        if out and line[:1].islower() and not out[-1].endswith(TERMINAL_PUNCT) and not BULLET_RE.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _paragraphs(body: str, *, unwrap: bool) -> list[str]:
    paras: list[str] = []
    for block in _BLANK_LINE.split(body):
        lines = [normalize_paragraph(x) for x in block.split("\n")]
        lines = [x for x in lines if x]
        paras.extend(unwrap_lines(lines) if unwrap else lines)
    return paras


def split_layout(text: str, *, has_title: bool) -> Layout:
    """Split a repaired text; with ``has_title`` its first line is the title (`title⏎⏎body`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not has_title:
        return Layout(None, tuple(_paragraphs(text, unwrap=False)))
    stripped = text.lstrip()
    first, _, body = stripped.partition("\n")
    title = normalize_paragraph(first) or None
    return Layout(title, tuple(_paragraphs(body, unwrap=True)))
