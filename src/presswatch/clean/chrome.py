"""Site chrome in already-extracted text: find the paragraphs that are page furniture.

General signals only: whole-line phrase patterns (resources.py), headlines repeated as
banners (the title modulo a date prefix or aggregator suffix), a terminal marker after which
the page is comments and links, headlines echoing the title next to that tail, short lines
printed both above and below the article, datelines at either end. No rule per site or file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Sequence

from .dates import parse_dateline
from .meta import TitleParts, split_title, title_key
from .resources import (
    CHROME_LINES,
    HEADLINE_MAX_WORDS,
    REPEATED_LINE_MAX_WORDS,
    TAIL_ARTICLE_PARAGRAPHS,
    TERMINAL_CHROME,
    TERMINAL_COMMENTS,
    TITLE_ECHO_OVERLAP,
)

__all__ = ["Finding", "find_chrome", "find_datelines", "line_reason", "is_banner", "is_terminal"]

#: Header/footer depth: a dateline has fewer article paragraphs than this before or after it;
#: furniture is a line found this close to both ends.
_EDGE = 3


@dataclass(frozen=True)
class Finding:
    """A paragraph (by index) that is not article text, and why."""

    index: int
    reason: str


@lru_cache(maxsize=None)
def _line_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((reason, re.compile(rf"(?:{pat})", re.I)) for reason, pat in CHROME_LINES)


@lru_cache(maxsize=None)
def _terminal_pattern(strong: bool) -> re.Pattern[str]:
    pats = TERMINAL_COMMENTS if strong else TERMINAL_CHROME + TERMINAL_COMMENTS
    return re.compile("|".join(f"(?:{pat})" for pat in pats), re.I)


@lru_cache(maxsize=None)
def _any_line_pattern() -> re.Pattern[str]:
    """All phrase patterns in one: most lines are no chrome, and one pass over the line says so."""
    return re.compile("|".join(f"(?:{pat})" for _, pat in CHROME_LINES), re.I)


def _words(text: str) -> int:
    return len(text.split())


def line_reason(line: str) -> str | None:
    """The chrome reason when the whole line is a known chrome phrase, else None."""
    text = line.strip()
    if not text or _words(text) > HEADLINE_MAX_WORDS or not _any_line_pattern().fullmatch(text):
        return None
    for reason, pat in _line_patterns():
        if pat.fullmatch(text):
            return reason
    return None


def is_terminal(line: str, *, comments_only: bool = False) -> bool:
    """Whether the line is chrome after which the page holds no more article text
    (``comments_only``: a comment-section header, after which come readers' comments)."""
    text = line.strip()
    return _words(text) <= HEADLINE_MAX_WORDS and _terminal_pattern(comments_only).fullmatch(text) is not None


def is_banner(line: str, title: str | None) -> bool:
    """A headline repeated as a banner: dated and suffixed, or the title itself modulo both."""
    parts = split_title(line)
    if _aggregator_form(parts):
        return True
    if not title:
        return False
    key, tkey = title_key(parts.title), title_key(title)
    if not key:
        return False
    if key == tkey:
        return True
    # a truncated banner ("... from ...") is a prefix of the full title, and vice versa
    return parts.banner and (tkey.startswith(key) or key.startswith(tkey))


def _aggregator_form(parts: TitleParts) -> bool:
    return any(r.reason == "title-suffix" for r in parts.removed)


def _article_like(line: str) -> bool:
    return _words(line) >= 12 and line.rstrip().endswith((".", "!", "?", "'", "\u2019", '"', "\u201d"))


def _headline_like(line: str) -> bool:
    return 0 < _words(line) <= HEADLINE_MAX_WORDS and not line.rstrip().endswith((".", "!", "?"))


def _furniture_like(line: str) -> bool:
    return _words(line) <= REPEATED_LINE_MAX_WORDS and not line.rstrip().endswith((".", "!", "?", "…"))


def _overlap(line: str, title: str) -> float:
    words = title_key(line).split()
    if not words:
        return 0.0
    tset = set(title_key(title).split())
    return sum(w in tset for w in words) / len(words)


def _title_echo(line: str, title: str | None) -> bool:
    return bool(title) and _headline_like(line) and _overlap(line, title or "") >= TITLE_ECHO_OVERLAP


def _terminal_index(paras: Sequence[str], reasons: dict[int, str]) -> int | None:
    for i, p in enumerate(paras):
        if not is_terminal(p):
            continue
        if 2 * i >= len(paras) and is_terminal(p, comments_only=True):
            return i
        tail_article = sum(1 for j in range(i + 1, len(paras)) if j not in reasons and _article_like(paras[j]))
        if tail_article < TAIL_ARTICLE_PARAGRAPHS:
            return i
    return None


def find_chrome(paragraphs: Sequence[str], title: str | None = None) -> list[Finding]:
    """The chrome paragraphs of an article body, in order, each with its reason."""
    paras = list(paragraphs)
    n = len(paras)
    reasons: dict[int, str] = {}
    for i, p in enumerate(paras):
        if (why := line_reason(p)) is not None:
            reasons[i] = why
        elif is_banner(p, title) and (split_title(p).banner or len(reasons) == i):
            # the headline repeated above the article; further down it may be a rhetorical
            # repetition, which the rhetoric layer has to see
            reasons[i] = "chrome:banner"

    # a short non-sentence line printed both above and below the article is page furniture
    top = {title_key(paras[i]) for i in range(min(_EDGE, n)) if i not in reasons}
    bottom = {title_key(paras[i]) for i in range(max(0, n - _EDGE), n) if i not in reasons}
    echoed = (top & bottom) - {""}
    for i, p in enumerate(paras):
        if i not in reasons and title_key(p) in echoed and _furniture_like(p):
            reasons[i] = "chrome:repeated"

    end = _terminal_index(paras, reasons)
    if end is not None:
        current = reasons.get(end, "chrome:comments")
        for j in range(end, n):
            current = reasons.get(j, current)
            reasons[j] = current
        # headlines echoing the title right before the tail (a video or related-story title)
        j = end - 1
        while j >= 0 and (j in reasons or _title_echo(paras[j], title)):
            reasons.setdefault(j, "chrome:related")
            j -= 1
    return [Finding(i, reasons[i]) for i in sorted(reasons)]


def find_datelines(paragraphs: Sequence[str], skip: Collection[int] = ()) -> list[Finding]:
    """Lines that are only a date ("Published: 10:21 BST, 22 September 2022") in the header
    or footer, i.e. with fewer than a few other article paragraphs before or after them.

    Run last, over what the other finders left (``skip``), so that cleaning twice finds the
    same: a date heading in the middle of a live blog stays.
    """
    rest = [i for i in range(len(paragraphs)) if i not in skip]
    dated = {i for i in rest if parse_dateline(paragraphs[i])}
    others = [i for i in rest if i not in dated]
    found = []
    for i in sorted(dated):
        before = sum(1 for j in others if j < i)
        if before < _EDGE or len(others) - before < _EDGE:
            found.append(Finding(i, "chrome:dateline"))
    return found
