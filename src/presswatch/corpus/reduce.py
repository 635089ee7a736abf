"""Reduce steps over per-article digests that both the local loop and Spark run as they are.

The local corpus pass (corpus/stage.py) and the Spark runner (scale/spark_stories.py) compute a
digest per article (corpus/digest.py) and then call these functions, so both decide duplicates'
sources, claim groups, narrative conflicts and the timeline with the same code: only where the inputs
come from differs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from .claims import find_claim_groups
from .narrative_conflicts import Stances, find_narrative_conflicts
from .types import ClaimGroup, ClaimRecord, DuplicateGroup, NarrativeConflict


def duplicate_links(groups: Sequence[DuplicateGroup]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Article -> its duplicate group id (the source its claims count as) and -> the other members."""
    source: dict[str, str] = {}
    copies: dict[str, tuple[str, ...]] = {}
    for g in groups:
        ids = [m.article for m in g.members]
        for a in ids:
            source[a] = g.id
            copies[a] = tuple(b for b in ids if b != a)
    return source, copies


def claims_in_context(
    article: str,
    claims: Iterable[ClaimRecord],
    story_of: Mapping[str, str],
    source: Mapping[str, str],
    copies: Mapping[str, tuple[str, ...]],
) -> list[ClaimRecord]:
    """An article's claim records with its story, its source (a duplicate group counts once) and copies."""
    return [replace(c, story=story_of.get(article), source=source.get(article, article),
                    copies=copies.get(article, ())) for c in claims]


def claim_groups(
    per_article: Iterable[tuple[str, Iterable[ClaimRecord]]],
    duplicates: Sequence[DuplicateGroup],
    story_of: Mapping[str, str],
) -> list[ClaimGroup]:
    """Conflicts, updates and corroborations over every article's claims (sentences still empty)."""
    source, copies = duplicate_links(duplicates)
    claims: list[ClaimRecord] = []
    for article, recs in per_article:
        claims.extend(claims_in_context(article, recs, story_of, source, copies))
    return find_claim_groups(claims)


def narrative_conflicts(
    per_article: Iterable[tuple[str, Stances]],
    story_of: Mapping[str, str],
    aliases: Mapping[str, str] | None = None,
) -> list[NarrativeConflict]:
    """Outlets of one story casting an entity opposite ways or pushing narratives the others do not
    (corpus/narrative_conflicts.py), over every article's stances; ``aliases`` folds entity spellings."""
    return find_narrative_conflicts(per_article, story_of, aliases)
