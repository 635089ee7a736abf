"""Outlets in one story on opposite sides: who casts an entity as hero and who as villain, and which
narrative one outlet pushes that the others, pushing another narrative of the same domain, do not.

``stances(article)`` is the per-article part (it goes into the article's digest, corpus/digest.py);
``find_narrative_conflicts`` is the reduce over every article's stances with its story, run as it is
by the local corpus pass and by Spark (corpus/reduce.py). Opposite is defined precisely:

- **role**: in one story, one source's article casts an entity Protagonist and another source's
  article casts the same entity (after the corpus's alias folding) Antagonist, both with a score of at
  least ``ROLE_CONFIDENCE``. An article's casting of an entity is the main role its mentions of it carry
  most (summed scores), scored by the best of those mentions.
- **narrative**: in one story, narrative N of domain D is pushed (score at least
  ``NARRATIVE_CONFIDENCE``) by some sources' articles, and at least one other source's articles push a
  different narrative of D with that confidence while pushing N in none of its articles. ``Other`` is
  no narrative.

A source is the outlet; an article whose outlet is unknown is a source of its own.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Iterable, Mapping

from ..attrs import NarrativeAttrs, RoleAttrs
from ..model import Article
from .resources import NARRATIVE_CONFIDENCE, NO_NARRATIVE, OPPOSITE_ROLES, ROLE_CONFIDENCE
from .types import NarrativeConflict, Stance

#: An article's stances: ((entity, casting), ...) and ((domain, narrative), ...).
Stances = tuple[tuple[tuple[str, Stance], ...], tuple[tuple[str | None, Stance], ...]]


def _weight(score: float | None) -> float:
    return 1.0 if score is None else float(score)


def stances(article: Article) -> Stances:
    """The article's casting of each entity it gives a role (one a canonical name) and its narratives."""
    by_entity: dict[str, dict[str, list[tuple[float | None, tuple[str, ...]]]]] = defaultdict(lambda: defaultdict(list))
    narratives: list[tuple[str | None, Stance]] = []
    for ann in article.annotations:
        if ann.layer == "role":
            attrs = RoleAttrs.of(ann)
            name = attrs.canonical or (article.text[ann.start:ann.end] if ann.start is not None else None)
            if name:
                by_entity[name][ann.label].append((ann.score, attrs.fine))
        elif ann.layer == "narrative" and ann.label != NO_NARRATIVE:
            attrs = NarrativeAttrs.of(ann)
            narratives.append((attrs.domain, Stance(article.id, article.outlet, ann.label, ann.score,
                                                    article.published, attrs.subnarratives)))
    roles = []
    for name, by_role in by_entity.items():
        # the role its mentions carry most; ties go to the role named first in OPPOSITE_ROLES, then by name
        role = max(by_role, key=lambda r: (sum(_weight(s) for s, _ in by_role[r]), -_rank(r), r))
        score, fine = max(by_role[role], key=lambda m: _weight(m[0]))
        roles.append((name, Stance(article.id, article.outlet, role, score, article.published, fine)))
    return tuple(roles), tuple(narratives)


def _rank(role: str) -> int:
    return OPPOSITE_ROLES.index(role) if role in OPPOSITE_ROLES else len(OPPOSITE_ROLES)


def _source(s: Stance) -> str:
    return s.outlet if s.outlet else f"article:{s.article}"


def _confident(s: Stance, bar: float) -> bool:
    return s.score is None or s.score >= bar


def _id(kind: str, story: str, topic: str) -> str:
    return f"{kind}-" + hashlib.sha1(f"{kind}\x00{story}\x00{topic}".encode()).hexdigest()[:10]


def _order(stances: Iterable[Stance]) -> tuple[Stance, ...]:
    return tuple(sorted(stances, key=lambda s: (s.published or "~", s.article, s.label)))


def find_narrative_conflicts(
    per_article: Iterable[tuple[str, Stances]],
    story_of: Mapping[str, str],
    aliases: Mapping[str, str] | None = None,
) -> list[NarrativeConflict]:
    """Role and narrative conflicts in every story (see the module docstring), by story then topic.

    ``aliases`` folds an entity's spellings into the corpus's canonical name (corpus.entities.unify_names).
    """
    aliases = aliases or {}
    roles: dict[str, dict[str, list[Stance]]] = defaultdict(lambda: defaultdict(list))
    narratives: dict[str, dict[str, list[Stance]]] = defaultdict(lambda: defaultdict(list))
    for article, (cast, pushed) in per_article:
        story = story_of.get(article)
        if story is None:
            continue
        for name, s in cast:
            if s.label in OPPOSITE_ROLES and _confident(s, ROLE_CONFIDENCE):
                roles[story][aliases.get(name, name)].append(s)
        for domain, s in pushed:
            if domain and _confident(s, NARRATIVE_CONFIDENCE):
                narratives[story][domain].append(s)
    out: list[NarrativeConflict] = []
    for story in sorted(set(roles) | set(narratives)):
        for name in sorted(roles.get(story, {})):
            found = roles[story][name]
            hero = [s for s in found if s.label == OPPOSITE_ROLES[0]]
            villain = [s for s in found if s.label == OPPOSITE_ROLES[1]]
            if any(_source(h) != _source(v) for h in hero for v in villain):
                out.append(NarrativeConflict(_id("role", story, name), "role", story, name, None,
                                             _order(hero), _order(villain)))
        for domain in sorted(narratives.get(story, {})):
            found = narratives[story][domain]
            pushed_by: dict[str, set[str]] = defaultdict(set)
            for s in found:
                pushed_by[_source(s)].add(s.label)
            for label in sorted({s.label for s in found}):
                against = {src for src, labels in pushed_by.items() if label not in labels}
                if not against:
                    continue
                side = [s for s in found if s.label == label]
                other = [s for s in found if _source(s) in against]
                out.append(NarrativeConflict(_id("narrative", story, label), "narrative", story, label, domain,
                                             _order(side), _order(other)))
    return out
