"""Read what the corpus layer found (stories, duplicates, claim conflicts, timeline), whatever its shape.

The corpus layer writes DuckDB tables and ``corpus.json`` beside the database. The web app reads
the tables when they exist and falls back to the JSON file, accepting the usual spellings of each
field, so a page shows what is there and an empty section when the layer has not run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .db import Database

#: Table names the corpus layer may use for each kind of result, in order of preference.
TABLES = {
    "stories": ("stories", "story"),
    "story_articles": ("story_articles", "story_members"),
    "duplicates": ("duplicates", "duplicate_groups"),
    "claim_conflicts": ("claim_conflicts", "conflicts"),
    "timeline": ("timeline",),
}

ID_KEYS = ("id", "story_id", "group_id", "conflict_id", "story", "group")
LABEL_KEYS = ("label", "title", "topic", "name", "key_phrase")
MEMBER_KEYS = ("articles", "article_ids", "members", "ids")
START_KEYS = ("start", "first", "start_date", "from", "first_published")
END_KEYS = ("end", "last", "end_date", "to", "last_published")
ARTICLE_KEYS = ("article", "article_id", "id")


@dataclass(frozen=True)
class Group:
    """A story or a duplicate group: an id, a label, its member article ids, maybe a time span."""

    id: str
    label: str
    article_ids: tuple[str, ...]
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Claim:
    article_id: str | None
    value: float | None
    text: str | None
    speaker: str | None
    published: str | None
    modifier: str | None = None


@dataclass(frozen=True)
class ConflictGroup:
    topic: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Event:
    story_id: str | None
    date: str | None
    text: str
    article_id: str | None


@dataclass
class CorpusView:
    """Everything the corpus layer found, normalised."""

    stories: list[Group] = field(default_factory=list)
    duplicates: list[Group] = field(default_factory=list)
    conflicts: list[ConflictGroup] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)

    def story_of(self, article_id: str) -> Group | None:
        return next((s for s in self.stories if article_id in s.article_ids), None)

    def duplicates_of(self, article_id: str) -> list[str]:
        out: list[str] = []
        for g in self.duplicates:
            if article_id in g.article_ids:
                out.extend(a for a in g.article_ids if a != article_id and a not in out)
        return out

    def story(self, story_id: str) -> Group | None:
        return next((s for s in self.stories if s.id == story_id), None)


def _first(d: Mapping[str, Any], keys: Iterable[str], default: Any = None) -> Any:
    for k in keys:
        if k in d and d[k] not in (None, ""):
            return d[k]
    return default


def _article_id(x: Any) -> str | None:
    if isinstance(x, Mapping):
        x = _first(x, ARTICLE_KEYS)
    return None if x is None else str(x)


def _members(d: Mapping[str, Any]) -> list[str]:
    raw = _first(d, MEMBER_KEYS, [])
    if isinstance(raw, str):
        raw = [raw]
    return [a for a in (_article_id(m) for m in raw or ()) if a]


def _text(x: Any) -> str | None:
    if x is None:
        return None
    if isinstance(x, (list, tuple)):
        return ", ".join(str(v) for v in x if v not in (None, ""))
    return str(x)


def _number(x: Any) -> float | None:
    try:
        return None if x is None else float(x)
    except (TypeError, ValueError):
        return None


def groups(rows: list[dict[str, Any]], membership: list[dict[str, Any]] = (), *, kind: str) -> list[Group]:
    """Normalise story or duplicate rows: one row per group with a member list, or one row per member."""
    by_id: dict[str, dict[str, Any]] = {}
    for i, r in enumerate(rows):
        gid = str(_first(r, ID_KEYS, f"{kind}-{i + 1}"))
        g = by_id.setdefault(gid, {"label": None, "members": [], "start": None, "end": None})
        members = _members(r)
        if not members and "article_id" in r:
            members = [str(r["article_id"])]
        g["members"].extend(m for m in members if m not in g["members"])
        g["label"] = g["label"] or _text(_first(r, LABEL_KEYS))
        span = r.get("span") or r.get("time_span")
        if isinstance(span, (list, tuple)) and len(span) == 2:
            g["start"], g["end"] = g["start"] or span[0], g["end"] or span[1]
        g["start"] = g["start"] or _text(_first(r, START_KEYS))
        g["end"] = g["end"] or _text(_first(r, END_KEYS))
    for m in membership:
        gid = _first(m, ("story_id", "group_id", "story", "group"))
        aid = _first(m, ("article_id", "article"))
        if gid is not None and aid is not None:
            g = by_id.setdefault(str(gid), {"label": None, "members": [], "start": None, "end": None})
            if str(aid) not in g["members"]:
                g["members"].append(str(aid))
    return [
        Group(id=gid, label=g["label"] or f"{kind} {gid}", article_ids=tuple(g["members"]), start=g["start"], end=g["end"])
        for gid, g in by_id.items()
    ]


def _claim(c: Mapping[str, Any]) -> Claim:
    return Claim(
        article_id=_article_id(c.get("article") if "article" in c else c.get("article_id")),
        value=_number(c.get("value")),
        text=_text(c.get("sentence") or c.get("text") or c.get("span")),
        speaker=_text(c.get("speaker")),
        published=_text(c.get("published")),
        modifier=_text(c.get("modifier")),
    )


def conflicts(rows: list[dict[str, Any]]) -> list[ConflictGroup]:
    """Normalise conflicts: rows with a ``claims`` list, or one row per claim grouped by topic."""
    out: dict[str, list[Claim]] = {}
    for i, r in enumerate(rows):
        topic = _text(_first(r, ("topic", "label", "quantity", "unit"))) or f"conflict {i + 1}"
        key = str(_first(r, ("conflict_id", "group_id", "id"), topic))
        claims = r.get("claims")
        bucket = out.setdefault(key + "\x00" + topic, [])
        if isinstance(claims, list):
            bucket.extend(_claim(c) for c in claims if isinstance(c, Mapping))
        else:
            bucket.append(_claim(r))
    return [ConflictGroup(topic=k.split("\x00", 1)[1], claims=tuple(v)) for k, v in out.items()]


def events(rows: list[dict[str, Any]]) -> list[Event]:
    out: list[Event] = []
    for r in rows:
        text = _text(_first(r, ("text", "statement", "sentence", "event")))
        if not text:
            continue
        out.append(
            Event(
                story_id=_text(_first(r, ("story_id", "story"))),
                date=_text(_first(r, ("date", "resolved_date", "when", "published"))),
                text=text,
                article_id=_article_id(r.get("article") if "article" in r else r.get("article_id")),
            )
        )
    return out


def load_corpus(db: Database) -> CorpusView:
    """The corpus results from DuckDB tables, else from corpus.json beside the database, else empty."""
    tables = db.tables()

    def rows(kind: str) -> list[dict[str, Any]]:
        name = next((t for t in TABLES[kind] if t in tables), None)
        return db.table_rows(name) if name else []

    data: dict[str, Any] = {k: rows(k) for k in TABLES}
    if not any(data.values()):
        data = {**data, **_corpus_json(db.path.parent / "corpus.json")}
    return CorpusView(
        stories=groups(data.get("stories") or [], data.get("story_articles") or [], kind="story"),
        duplicates=groups(data.get("duplicates") or [], kind="group"),
        conflicts=conflicts(data.get("claim_conflicts") or []),
        timeline=events(data.get("timeline") or []),
    )


def _corpus_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, list) and all(isinstance(x, Mapping) for x in v)}
