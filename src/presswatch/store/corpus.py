"""DuckDB tables of the corpus layer: results (duplicates, stories, claims, timeline) and the state
that lets a later run add articles without recomputing (signatures, embeddings, story centroids)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np

if TYPE_CHECKING:
    from ..corpus.stories import StoryState
    from ..corpus.types import ClaimGroup, DuplicateGroup, Story, TimelineEntry
    from .duck import Store

VECTORS_SQL = """
CREATE TABLE IF NOT EXISTS corpus_vectors (
    article_id VARCHAR PRIMARY KEY,
    exact VARCHAR,
    shingles INTEGER,
    minhash UINTEGER[],
    model VARCHAR,
    embedding FLOAT[]
)"""
# One row per group (members as a JSON list of ids, earliest first) for readers; one row per member
# (with its paragraph differences) for joins.
DUPLICATES_SQL = """CREATE TABLE duplicates (
    group_id VARCHAR PRIMARY KEY, kind VARCHAR, articles JSON, size INTEGER, first_published VARCHAR)"""
DUPLICATE_MEMBERS_SQL = """CREATE TABLE duplicate_members (
    group_id VARCHAR, kind VARCHAR, rank INTEGER, article_id VARCHAR, published VARCHAR, outlet VARCHAR,
    similarity DOUBLE, added JSON, removed JSON)"""
STORIES_SQL = """CREATE TABLE stories (
    id VARCHAR PRIMARY KEY, label VARCHAR, entities JSON, key_phrase VARCHAR, start VARCHAR, "end" VARCHAR,
    size INTEGER, articles JSON)"""
STORY_ARTICLES_SQL = """CREATE TABLE story_articles (
    story_id VARCHAR, article_id VARCHAR, score DOUBLE, published VARCHAR, title VARCHAR)"""
STORY_STATE_SQL = """CREATE TABLE story_state (
    story_id VARCHAR PRIMARY KEY, model VARCHAR, vector_sum FLOAT[], entity_counts JSON, entity_mentions JSON,
    start VARCHAR, "end" VARCHAR)"""
CLAIMS_SQL = """CREATE TABLE {name} (
    conflict_id VARCHAR, kind VARCHAR, topic VARCHAR, story_id VARCHAR, note VARCHAR, article_id VARCHAR,
    outlet VARCHAR, value DOUBLE, modifier VARCHAR, text VARCHAR, sentence VARCHAR, speaker VARCHAR, published VARCHAR,
    refers_to VARCHAR)"""
TIMELINE_SQL = """CREATE TABLE timeline (
    story_id VARCHAR, date VARCHAR, precision VARCHAR, date_text VARCHAR, relative BOOLEAN, article_id VARCHAR,
    statement VARCHAR, start INTEGER, "end" INTEGER)"""


# -- per-article cache ------------------------------------------------------------------------
def load_vectors(store: "Store") -> dict[str, tuple[str, int, np.ndarray, str | None, np.ndarray | None]]:
    """Stored (exact hash, shingle count, MinHash values, model, embedding) per article id."""
    if not store.has_table("corpus_vectors"):
        return {}
    out = {}
    for aid, exact, size, mh, model, emb in store.con.execute(
        "SELECT article_id, exact, shingles, minhash, model, embedding FROM corpus_vectors"
    ).fetchall():
        out[aid] = (
            exact,
            int(size),
            np.asarray(mh, dtype=np.uint32),
            model,
            None if emb is None else np.asarray(emb, dtype=np.float32),
        )
    return out


def save_vectors(store: "Store", rows: Iterable[tuple[str, str, int, np.ndarray, str | None, np.ndarray | None]]) -> None:
    """Insert or replace the cached signature and embedding of articles."""
    data = [
        (aid, exact, size, [int(x) for x in mh], model, None if emb is None else [float(x) for x in emb])
        for aid, exact, size, mh, model, emb in rows
    ]
    store.con.execute(VECTORS_SQL)
    if data:
        store.con.executemany("INSERT OR REPLACE INTO corpus_vectors VALUES (?, ?, ?, ?, ?, ?)", data)


# -- story state ------------------------------------------------------------------------------
def load_story_states(store: "Store") -> tuple[str | None, list["StoryState"]]:
    """The embedding model and the stories of earlier runs, with their members."""
    from ..corpus.stories import StoryState
    from ..corpus.types import StoryArticle

    if not (store.has_table("story_state") and store.has_table("story_articles")):
        return None, []
    rows = store.con.execute(
        'SELECT story_id, model, vector_sum, entity_counts, entity_mentions, start, "end" FROM story_state '
        "ORDER BY story_id"
    ).fetchall()
    models = {r[1] for r in rows}
    if len(models) != 1:
        return None, []
    members: dict[str, list[StoryArticle]] = {}
    for sid, aid, score, published, title in store.con.execute(
        "SELECT story_id, article_id, score, published, title FROM story_articles"
    ).fetchall():
        members.setdefault(sid, []).append(StoryArticle(aid, float(score), published, title))
    out = []
    for sid, _, vec, ents, mentions, start, end in rows:
        out.append(
            StoryState(
                id=sid,
                vector_sum=np.asarray(vec, dtype=np.float32),
                entity_counts=Counter(json.loads(ents or "{}")),
                entity_mentions=Counter(json.loads(mentions or "{}")),
                start=date.fromisoformat(start) if start else None,
                end=date.fromisoformat(end) if end else None,
                members=members.get(sid, []),
            )
        )
    return models.pop(), out


# -- results ----------------------------------------------------------------------------------
def write_results(
    store: "Store",
    *,
    duplicates: Sequence["DuplicateGroup"],
    states: Sequence["StoryState"],
    stories: Sequence["Story"],
    model: str,
    claim_groups: Sequence["ClaimGroup"],
    timeline: Sequence["TimelineEntry"],
) -> None:
    """Replace the corpus result tables with this run's findings."""
    store.replace_table(
        "duplicates",
        DUPLICATES_SQL,
        [(g.id, g.kind, json.dumps([m.article for m in g.members]), len(g.members), g.members[0].published)
         for g in duplicates],
    )
    store.replace_table(
        "duplicate_members",
        DUPLICATE_MEMBERS_SQL,
        [
            (g.id, g.kind, rank, m.article, m.published, m.outlet, m.similarity,
             json.dumps(list(m.added), ensure_ascii=False), json.dumps(list(m.removed), ensure_ascii=False))
            for g in duplicates
            for rank, m in enumerate(g.members)
        ],
    )
    store.replace_table(
        "stories",
        STORIES_SQL,
        [(s.id, s.label, json.dumps(list(s.entities), ensure_ascii=False), s.key_phrase, s.start, s.end,
          len(s.articles), json.dumps([a.article for a in s.articles])) for s in stories],
    )
    store.replace_table(
        "story_articles",
        STORY_ARTICLES_SQL,
        [(s.id, a.article, a.score, a.published, a.title) for s in stories for a in s.articles],
    )
    store.replace_table(
        "story_state",
        STORY_STATE_SQL,
        [
            (s.id, model, [float(x) for x in s.vector_sum], json.dumps(dict(s.entity_counts), ensure_ascii=False),
             json.dumps(dict(s.entity_mentions), ensure_ascii=False), s.start.isoformat() if s.start else None, s.end.isoformat() if s.end else None)
            for s in states
        ],
    )
    claim_rows = [
        (g.id, g.kind, g.topic, g.story, g.note, c.article, c.outlet, c.value, c.modifier, c.text, c.sentence, c.speaker,
         c.published, c.when.isoformat() if c.when else None)
        for g in claim_groups
        for c in g.claims
    ]
    store.replace_table("claim_groups", CLAIMS_SQL.format(name="claim_groups"), claim_rows)
    store.replace_table(
        "claim_conflicts", CLAIMS_SQL.format(name="claim_conflicts"), [r for r in claim_rows if r[1] == "conflict"]
    )
    store.replace_table(
        "timeline",
        TIMELINE_SQL,
        [(t.story, t.date.isoformat(), t.precision, t.date_text, t.relative, t.article, t.statement, t.start, t.end)
         for t in timeline],
    )


def result_tables() -> tuple[str, ...]:
    """Names of the tables the corpus layer writes."""
    return ("duplicates", "duplicate_members", "stories", "story_articles", "story_state", "claim_groups",
            "claim_conflicts", "timeline", "corpus_vectors")
