"""Frozen records the corpus layer finds: duplicate groups, stories, claim groups, timeline entries.

The records kept per article or per claim use slots: a large run holds millions of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class DuplicateMember:
    """One article of a duplicate group and how it differs from the group's earliest member."""

    article: str
    published: str | None
    outlet: str | None
    similarity: float  # estimated Jaccard of word shingles against the first member (1.0 for it)
    added: tuple[str, ...] = ()  # paragraphs this copy has that the first member lacks
    removed: tuple[str, ...] = ()  # paragraphs of the first member this copy lacks

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "published": self.published,
            "outlet": self.outlet,
            "similarity": round(self.similarity, 3),
            "added": list(self.added),
            "removed": list(self.removed),
        }


@dataclass(frozen=True)
class DuplicateGroup:
    """Articles that are the same text (exact) or the same story re-posted or syndicated (near)."""

    id: str
    kind: str  # "exact" when every member has the same clean body, else "near"
    members: tuple[DuplicateMember, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "members": [m.to_dict() for m in self.members]}


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article's place in a story."""

    article: str
    score: float  # how well it matched the story when it joined (1.0 for the founder)
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Story:
    """Articles about the same event, with a label, a time span and the main entities."""

    id: str
    label: str
    entities: tuple[str, ...]
    key_phrase: str
    start: str | None
    end: str | None
    articles: tuple[StoryArticle, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "entities": list(self.entities),
            "key_phrase": self.key_phrase,
            "start": self.start,
            "end": self.end,
            "articles": [
                {"article": a.article, "score": round(a.score, 3), "published": a.published, "title": a.title}
                for a in self.articles
            ],
        }


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A numeric claim as the corpus layer compares it: what is counted, how many, who says, when."""

    article: str
    start: int | None
    value: float
    modifier: str | None
    text: str  # the number expression as written
    sentence: str
    speaker: str | None
    published: str | None
    kind: str  # the event counted ("killed", "mobilised", "detained", ...)
    subject: str  # the category counted ("soldiers", "people", "percent", ...)
    qualifier: str | None  # nationality or side ("russian") when the claim names one
    unit: str | None
    when: date | None  # the day the figure refers to (explicit date in the sentence, else publication)
    explicit_when: bool = False  # ``when`` is a day named in the sentence
    cumulative: bool = False  # "so far", "since", "in total": a running count
    since: date | None = None  # start of a running count ("since Wednesday")
    part: bool = False  # "on Saturday alone": one day's or one place's share, not the total
    places: frozenset[str] = field(default_factory=frozenset)  # places named in the claim's sentence
    story: str | None = None
    source: str | None = None  # dedup key: syndicated copies of one article share it
    copies: tuple[str, ...] = ()  # other articles carrying the same text (duplicates of this one)
    outlet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "outlet": self.outlet,
            "copies": list(self.copies),
            "value": int(self.value) if float(self.value).is_integer() else self.value,
            "modifier": self.modifier,
            "text": self.text,
            "sentence": self.sentence,
            "speaker": self.speaker,
            "published": self.published,
            "refers_to": self.when.isoformat() if self.when else None,
        }


@dataclass(frozen=True)
class ClaimGroup:
    """Claims about one quantity: a conflict, a corroboration, or an update of a running count."""

    id: str
    kind: str  # "conflict", "corroboration" or "update"
    topic: str
    story: str | None
    claims: tuple[ClaimRecord, ...]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "topic": self.topic,
            "story": self.story,
            "note": self.note,
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated statement: what a sentence says happened on a day (or week, month, year)."""

    date: date
    precision: str  # "day", "week", "month" or "year"
    date_text: str
    relative: bool  # resolved against the publication date
    article: str
    statement: str
    start: int
    end: int
    story: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "precision": self.precision,
            "date_text": self.date_text,
            "relative": self.relative,
            "article": self.article,
            "story": self.story,
            "statement": self.statement,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Stance:
    """What one article says in a story: the role it casts an entity in, or a narrative it pushes."""

    article: str
    outlet: str | None
    label: str  # Protagonist / Antagonist (role), or the coarse narrative
    score: float | None
    published: str | None = None
    fine: tuple[str, ...] = ()  # the fine roles or sub-narratives under the label, surest first

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "outlet": self.outlet,
            "label": self.label,
            "score": None if self.score is None else round(self.score, 3),
            "published": self.published,
            "fine": list(self.fine),
        }


@dataclass(frozen=True)
class NarrativeConflict:
    """Outlets in one story on opposite sides: one casts an entity Protagonist and another Antagonist
    (kind ``role``, topic the entity), or one pushes a narrative the others, pushing another narrative of
    the same domain, do not (kind ``narrative``, topic the narrative)."""

    id: str
    kind: str  # "role" or "narrative"
    story: str | None
    topic: str  # the canonical entity (role) or the narrative (narrative)
    domain: str | None  # URW / CC for a narrative conflict; None for a role conflict
    side: tuple[Stance, ...]  # Protagonist castings, or the articles pushing the narrative
    other: tuple[Stance, ...]  # Antagonist castings, or the other outlets' narratives of the domain

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "story": self.story,
            "topic": self.topic,
            "domain": self.domain,
            "side": [s.to_dict() for s in self.side],
            "other": [s.to_dict() for s in self.other],
        }
