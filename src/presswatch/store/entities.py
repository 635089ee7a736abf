"""The canonical entity table: one row per person or body across the whole stored corpus.

Built from the `entity` annotations already in the store, so it can be rebuilt at any time.
The entities stage gives one canonical name per person within an article (and within a batch);
here a one-word person canonical ("Shoigu", from an article that never gave the full name) joins
the corpus's one full name ending with it ("Sergei Shoigu"), and the spelling variants of one name
in different articles ("Lukashenka" in one outlet, "Lukashenko" in another) join the spelling the
corpus uses most (extract.names.spelling_joins, the rule the entities stage applies in an article).

Tables written (replaced on every call):
- ``entities(canonical, label, mentions, articles, aliases)``: ``aliases`` is a JSON list of the
  surface forms seen ("Putin", "Mr Putin", "the Russian President", ...).
- ``entity_aliases(name, canonical)``: every canonical an article used, mapped to the corpus one,
  for joining annotations (``attrs->>'canonical'``) to ``entities``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..attrs import sql_select
from ..extract.names import merge_surnames, spelling_joins

#: Surface forms kept per entity (the most frequent first).
MAX_ALIASES = 25

_MENTIONS_SQL = f"""
SELECT article_id, label, canonical, surface FROM (
    SELECT a.article_id, a.label, {sql_select("entity", "a.attrs")},
           substr(t.text, a.start + 1, a."end" - a.start) AS surface
    FROM annotations a JOIN articles t ON t.id = a.article_id
    WHERE a.layer = 'entity' AND a.start IS NOT NULL
)
"""


@dataclass
class _Entity:
    labels: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)


def entity_table(
    mentions: Iterable[tuple[str, str, str | None, str | None]],
) -> tuple[list[tuple[str, str, int, int, str]], list[tuple[str, str]]]:
    """Rows of ``entities`` and ``entity_aliases`` from (article id, label, canonical, surface) mentions."""
    mentions = [m for m in mentions if m[2]]
    spelt = spelling_joins(Counter(c for _, _, c, _ in mentions))  # type: ignore[misc]
    merged = merge_surnames(c for _, label, c, _ in mentions if label == "PERSON")  # type: ignore[misc]
    table: dict[str, _Entity] = defaultdict(_Entity)
    aliases: dict[str, str] = {}
    for article_id, label, canonical, surface in mentions:
        assert canonical is not None
        corpus = merged.get(canonical, canonical) if label == "PERSON" else canonical  # "Shoigu" -> "Sergei Shoigu"
        corpus = spelt.get(corpus, corpus)  # "Alexander Lukashenka" -> "Alexander Lukashenko"
        aliases[canonical] = corpus  # the name the article's annotations carry -> the corpus one
        e = table[corpus]
        e.labels[label] += 1
        e.mentions += 1
        e.articles.add(article_id)
        if surface:
            e.surfaces[" ".join(surface.split())] += 1
    rows = [
        (
            name,
            e.labels.most_common(1)[0][0],
            e.mentions,
            len(e.articles),
            json.dumps([s for s, _ in e.surfaces.most_common(MAX_ALIASES)], ensure_ascii=False),
        )
        for name, e in sorted(table.items(), key=lambda kv: (-kv[1].mentions, kv[0]))
    ]
    return rows, sorted(aliases.items())


def write_entities(store) -> int:  # store: presswatch.store.Store
    """Rebuild the ``entities`` and ``entity_aliases`` tables from the stored annotations; rows written."""
    mentions = store.con.execute(_MENTIONS_SQL).fetchall()
    rows, aliases = entity_table(mentions)
    store.replace_table("entities", rows)
    store.replace_table("entity_aliases", aliases)
    return len(rows)
