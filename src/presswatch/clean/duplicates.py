"""Repeated paragraphs: a photo caption printed twice in a row is kept once."""

from __future__ import annotations

from typing import Collection, Sequence

from .chrome import Finding

__all__ = ["find_duplicates"]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def find_duplicates(paragraphs: Sequence[str], skip: Collection[int] = ()) -> list[Finding]:
    """Paragraphs printed again right after themselves (the second copy of a caption).

    Paragraphs in ``skip`` (already chrome) are ignored, so a caption pair split by a removed
    line still counts as "in a row". A sentence repeated further on stays: repetition is a
    persuasion technique the rhetoric layer has to see.
    """
    previous: str | None = None
    found: list[Finding] = []
    for i, p in enumerate(paragraphs):
        if i in skip:
            continue
        key = _key(p)
        if key == previous:
            found.append(Finding(i, "duplicate-paragraph"))
            continue
        previous = key
    return found
