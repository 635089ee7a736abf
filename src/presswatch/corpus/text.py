"""Small text helpers shared by the corpus modules: words, shingles, sentences."""

from __future__ import annotations

import re
from typing import Iterator

from .resources import SHINGLE_SIZE

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and a capital/quote/digit.
_SENT_END = re.compile(r"(?<=[.!?])['’\"”)]?\s+(?=[\"'‘“(\[]?[A-Z0-9])")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Prof|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|vs|U\.S|U\.K|e\.g|i\.e)\.$")


def words(text: str) -> list[str]:
    """Lower-case word tokens (apostrophes kept inside words)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """Overlapping word n-grams of a text; short texts give one shingle of all their words."""
    toks = words(text)
    if len(toks) < size:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + size]) for i in range(len(toks) - size + 1)}


def normalise(text: str) -> str:
    """Text reduced to its words, for exact comparison across copies with different spacing or case."""
    return " ".join(words(text))


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Offsets of the sentences of ``text[start:end]``, by punctuation and line breaks."""
    end = len(text) if end is None else end
    for line in re.finditer(r"[^\n]+", text[start:end]):
        ls, le = start + line.start(), start + line.end()
        pos = ls
        for m in _SENT_END.finditer(text, ls, le):
            if _ABBREV.search(text[max(ls, m.start() - 6) : m.start()].rstrip("'’\"”)")):
                continue
            s, e = _trim(text, pos, m.start())
            if e > s:
                yield s, e
            pos = m.end()
        s, e = _trim(text, pos, le)
        if e > s:
            yield s, e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sort_key_published(published: str | None, article_id: str) -> tuple[int, str, str]:
    """Earliest first; articles without a date after all dated ones; ties broken by id for stable output."""
    return (0 if published else 1, published or "", article_id)
