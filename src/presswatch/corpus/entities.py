"""The canonical entities of an article, from the extract layer's annotations (or capitalised words)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Mapping

from ..model import Article
from .resources import PLACE_LABELS, STOPWORDS, STORY_ENTITY_LABELS
from .text import sentences

_CAPS = re.compile(r"\b([A-Z][a-z’'-]+(?:[ ][A-Z][a-z’'-]+)*)")


def entity_counts(article: Article) -> Counter[str]:
    """Mentions per canonical entity; capitalised word runs stand in when no entity layer ran."""
    anns = [a for a in article.annotations if a.layer == "entity"]
    if anns:
        counts: Counter[str] = Counter()
        for a in anns:
            if a.label not in STORY_ENTITY_LABELS:
                continue
            name = a.attrs.get("canonical") or a.span_text(article.text) or ""
            name = " ".join(str(name).split())
            if name:
                counts[name] += 1
        return counts
    if article.language not in (None, "en"):
        return Counter()  # capitalised nouns are everywhere in German: no stand-in outside English
    return proper_nouns(article.text)


def places(article: Article) -> frozenset[str]:
    """Canonical places and peoples the article names (for matching claims about the same place)."""
    out = set()
    for a in article.annotations:
        if a.layer == "entity" and a.label in PLACE_LABELS:
            name = a.attrs.get("canonical") or a.span_text(article.text) or ""
            if name:
                out.add(" ".join(str(name).split()).lower())
    return frozenset(out)


def proper_nouns(text: str) -> Counter[str]:
    """Runs of capitalised words inside sentences: a rough stand-in for named entities."""
    counts: Counter[str] = Counter()
    for s, e in sentences(text):
        for m in _CAPS.finditer(text, s, e):
            _count_run(m.group(1).split(), m.start() == s, counts)
    return counts


def _count_run(parts: list[str], sentence_start: bool, counts: Counter[str]) -> None:
    # A lone capitalised word opening a sentence is usually just the first word.
    if len(parts) == 1 and sentence_start:
        return
    while parts and parts[0].lower() in STOPWORDS:
        parts = parts[1:]
    if parts:
        name = re.sub(r"['’]s$", "", " ".join(parts))
        counts[name] += 1


def unify_names(doc_freq: Mapping[str, int]) -> dict[str, str]:
    """Alias -> canonical name across articles: "Lukashenko" and "Defence Minister Sergei Shoigu" join the
    full name the corpus uses most ("Alexander Lukashenko", "Sergei Shoigu") when one ends with the other."""
    families: dict[str, list[str]] = {}
    for name in doc_freq:
        toks = name.split()
        if toks and len(toks[-1]) >= 4 and toks[-1][:1].isupper():
            families.setdefault(toks[-1], []).append(name)
    out: dict[str, str] = {}
    for members in families.values():
        if len(members) < 2:
            continue
        full = [m for m in members if len(m.split()) >= 2] or members
        canonical = max(full, key=lambda m: (doc_freq[m], -len(m), m))
        ctoks = canonical.split()
        for m in members:
            mtoks = m.split()
            if m != canonical and (ctoks[-len(mtoks):] == mtoks or mtoks[-len(ctoks):] == ctoks):
                out[m] = canonical
    return out


def rename(counts: Counter[str], aliases: Mapping[str, str]) -> Counter[str]:
    """Entity counts with aliases folded into their canonical names."""
    out: Counter[str] = Counter()
    for name, n in counts.items():
        out[aliases.get(name, name)] += n
    return out

