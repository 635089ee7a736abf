"""Bylines and share widgets in the header: "By NAME | date", "OPINION | date | NAME", "Share this: Facebook | X".

A byline is chrome (reason ``chrome:byline``), but its date is the article's publication date
when nothing better is known. Only short lines among the first paragraphs qualify, and a
"By ..." line must be a name in capitals, so "By the end of the week, ..." stays text.
Other languages: "Von / Par / Por NAME", "Автор: / Autor: NAME" (BYLINE_LABELS in resources.py).
"""

from __future__ import annotations

from typing import Collection, Sequence

from .chrome import Finding
from .dates import parse_date, parse_dateline
from .resources import (
    BYLINE_HEAD_PARAGRAPHS, BYLINE_MAX_WORDS, BYLINE_RE, BYLINE_SEGMENT_MAX_WORDS, SHARE_PREFIX, SOCIAL_NAMES,
)

__all__ = ["byline_date", "find_bylines", "is_byline", "is_share_widget"]


def _segments(line: str) -> list[str]:
    return [s.strip() for s in line.split("|") if s.strip()]


def byline_date(line: str) -> str | None:
    """The ISO date a byline line carries (in any of its |-separated parts), else None."""
    for seg in _segments(line):
        date = parse_date(seg.strip(" ,.")) or parse_dateline(seg)
        if date:
            return date
    return None


def is_byline(line: str) -> bool:
    """A short header line naming the author and/or date, nothing else."""
    if len(line.split()) > BYLINE_MAX_WORDS:
        return False
    if BYLINE_RE.match(line.strip()):
        return True
    segs = _segments(line)
    if len(segs) < 2:
        return False
    dated = [s for s in segs if parse_date(s.strip(" ,.")) or parse_dateline(s)]
    if not dated:
        return False
    return all(s in dated or len(s.split()) <= BYLINE_SEGMENT_MAX_WORDS for s in segs)


def is_share_widget(line: str) -> bool:
    """A line of share buttons ("Share this: Facebook | Twitter | WhatsApp")."""
    if len(line.split()) > BYLINE_MAX_WORDS:
        return False
    body = SHARE_PREFIX.sub("", line, count=1)
    names = [s.strip().lower() for s in body.replace("·", "|").split("|") if s.strip()]
    return len(names) >= 2 and all(n in SOCIAL_NAMES for n in names)


def find_bylines(paragraphs: Sequence[str], skip: Collection[int] = ()) -> list[Finding]:
    """Bylines among the first paragraphs still in the text, and share widgets anywhere."""
    found: list[Finding] = []
    head = [i for i in range(len(paragraphs)) if i not in skip][:BYLINE_HEAD_PARAGRAPHS]
    for i in range(len(paragraphs)):
        if i in skip:
            continue
        if is_share_widget(paragraphs[i]):
            found.append(Finding(i, "chrome:social"))
        elif i in head and is_byline(paragraphs[i]):
            found.append(Finding(i, "chrome:byline"))
    return found
