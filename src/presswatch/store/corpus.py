"""DuckDB tables of the corpus layer: results (duplicates, stories, claims, timeline) and the state
that lets a later run add articles without recomputing (signatures, embeddings, story centroids)."""

from __future__ import annotations

import json
import warnings
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import numpy as np

from .schema import CORPUS_TABLES

if TYPE_CHECKING:
    from ..model import Article
    from ..corpus.stories import StoryState
    from ..corpus.types import ClaimGroup, DuplicateGroup, NarrativeConflict, Story, TimelineEntry
    from .duck import Store

# -- per-article cache ------------------------------------------------------------------------
CacheRow = tuple[str, int, np.ndarray, "str | None", "np.ndarray | None"]


def load_vectors(store: "Store", ids: Sequence[str] | None = None) -> dict[str, CacheRow]:
    """Stored (exact hash, shingle count, MinHash values, model, embedding) per article id (only ``ids`` if given).

    Read through Arrow in chunks: a Python list per MinHash or embedding would cost a hundred times more.
    """
    if not store.has_table("corpus_vectors") or (ids is not None and not ids):
        return {}
    sql = "SELECT article_id, exact, shingles, minhash, model, embedding FROM corpus_vectors"
    if ids is None:
        ids = [r[0] for r in store.con.execute("SELECT article_id FROM corpus_vectors").fetchall()]
    out: dict[str, CacheRow] = {}
    for chunk in _chunks(list(ids)):
        res = store.con.execute(f"{sql} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [chunk])
        with warnings.catch_warnings():  # "extra copy of the rows": 500 rows, and con.sql trips on open results
            warnings.simplefilter("ignore", UserWarning)
            table = res.to_arrow_table() if hasattr(res, "to_arrow_table") else res.fetch_arrow_table()
        if table.num_rows == 0:
            continue
        aids = table.column("article_id").to_pylist()
        exact = table.column("exact").to_pylist()
        size = table.column("shingles").to_pylist()
        model = table.column("model").to_pylist()
        mh = _lists(table.column("minhash"), np.uint32)
        emb = _lists(table.column("embedding"), np.float32)
        for k, aid in enumerate(aids):
            out[aid] = (exact[k], int(size[k]), mh[k], model[k], emb[k])
    return out


def save_vectors(store: "Store", rows: Iterable[tuple[str, str, int, np.ndarray, str | None, np.ndarray | None]]) -> None:
    """Insert or replace the cached signature and embedding of articles (through Arrow, a chunk at a time)."""
    store.ensure_table("corpus_vectors")
    store.insert_rows("corpus_vectors", rows, on_conflict="replace")


def _lists(column: Any, dtype: Any) -> list[np.ndarray | None]:
    """Each row of an Arrow list column as a numpy array (None for a null)."""
    arr = column.combine_chunks() if hasattr(column, "combine_chunks") else column
    offsets = arr.offsets.to_numpy()
    values = arr.values.to_numpy(zero_copy_only=False).astype(dtype)
    nulls = arr.is_null().to_pylist()
    return [None if nulls[k] else values[offsets[k] : offsets[k + 1]].copy() for k in range(len(arr))]


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# -- articles, as the corpus layer reads them -------------------------------------------------
def text_article_ids(store: "Store") -> list[str]:
    """Ids of the stored articles that have text, in the order Store.iter_articles gives them."""
    return [r[0] for r in store.con.execute(
        "SELECT id FROM articles WHERE text IS NOT NULL AND text <> '' ORDER BY published NULLS LAST, id"
    ).fetchall()]


def fetch_articles(store: "Store", ids: Sequence[str], layers: Sequence[str] = ()) -> dict[str, "Article"]:
    """A few articles by id, with only the annotation ``layers`` asked for (duplicate diffs, claim sentences)."""
    return store.get_articles(sorted(set(ids)), list(layers))


# -- story state ------------------------------------------------------------------------------
def load_story_states(store: "Store") -> tuple[str | None, list["StoryState"]]:
    """The embedding model and the stories of earlier runs, with their members."""
    from ..corpus.stories import StoryState
    from ..corpus.types import StoryArticle

    if not (store.has_table("story_state") and store.has_table("story_articles")):
        return None, []
    rows = store.con.execute(
        'SELECT story_id, model, NULL, entity_counts, entity_mentions, start, "end" FROM story_state ORDER BY story_id'
    ).fetchall()
    models = {r[1] for r in rows}
    if len(models) != 1:
        return None, []
    # the vector sums through Arrow: as Python lists they cost 24 bytes a float, 50 kB a story of 2,048 dims
    vectors: dict[str, np.ndarray | None] = {}
    res = store.con.execute("SELECT story_id, vector_sum FROM story_state ORDER BY story_id")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        reader = res.to_arrow_reader(2000) if hasattr(res, "to_arrow_reader") else res.fetch_record_batch(2000)
        for batch in reader:
            vectors.update(zip(batch.column(0).to_pylist(), _lists(batch.column(1), np.float32)))
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
                vector_sum=vectors[sid],
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
    narrative_conflicts: Sequence["NarrativeConflict"] = (),
) -> None:
    """Replace the corpus result tables with this run's findings (rows generated a chunk at a time)."""
    _replace_table(
        store,
        "duplicates",
        ((g.id, g.kind, json.dumps([m.article for m in g.members]), len(g.members), g.members[0].published)
         for g in duplicates),
    )
    _replace_table(
        store,
        "duplicate_members",
        (
            (g.id, g.kind, rank, m.article, m.published, m.outlet, m.similarity,
             json.dumps(list(m.added), ensure_ascii=False), json.dumps(list(m.removed), ensure_ascii=False))
            for g in duplicates
            for rank, m in enumerate(g.members)
        ),
    )
    _replace_table(
        store,
        "stories",
        ((s.id, s.label, json.dumps(list(s.entities), ensure_ascii=False), s.key_phrase, s.start, s.end,
          len(s.articles), json.dumps([a.article for a in s.articles])) for s in stories),
    )
    _replace_table(
        store,
        "story_articles",
        ((s.id, a.article, a.score, a.published, a.title) for s in stories for a in s.articles),
    )
    _replace_table(
        store,
        "story_state",
        (
            (s.id, model, np.asarray(s.vector_sum, dtype=np.float32),
             json.dumps(dict(s.entity_counts), ensure_ascii=False), json.dumps(dict(s.entity_mentions), ensure_ascii=False),
             s.start.isoformat() if s.start else None, s.end.isoformat() if s.end else None)
            for s in states
        ),
    )

    def claim_rows(kinds: tuple[str, ...]) -> Iterable[tuple[Any, ...]]:
        return (
            (g.id, g.kind, g.topic, g.story, g.note, c.article, c.outlet, c.value, c.modifier, c.text, c.sentence,
             c.speaker, c.published, c.when.isoformat() if c.when else None)
            for g in claim_groups
            if g.kind in kinds
            for c in g.claims
        )

    _replace_table(store, "claim_groups", claim_rows(("conflict", "update", "corroboration")))
    _replace_table(store, "claim_conflicts", claim_rows(("conflict",)))
    _replace_table(
        store,
        "timeline",
        ((t.story, t.date.isoformat(), t.precision, t.date_text, t.relative, t.article, t.statement, t.start, t.end)
         for t in timeline),
    )
    _replace_table(store, "narrative_conflicts", narrative_conflict_rows(narrative_conflicts))


def narrative_conflict_rows(conflicts: Iterable["NarrativeConflict"]) -> Iterable[tuple[Any, ...]]:
    """The `narrative_conflicts` rows: one per stance, ``side`` 'side' or 'other'."""
    return (
        (c.id, c.kind, c.story, c.topic, c.domain, side, s.article, s.outlet, s.label, s.score, s.published,
         json.dumps(list(s.fine), ensure_ascii=False))
        for c in conflicts
        for side, stances in (("side", c.side), ("other", c.other))
        for s in stances
    )


def _replace_table(store: "Store", name: str, rows: Iterable[Sequence[Any]]) -> None:
    """Store.replace_table (the table as schema.py defines it): rows are generated and inserted through
    Arrow a chunk at a time (one Arrow table of 100k articles' rows would double their memory); numpy
    vectors become list columns."""
    store.replace_table(name, rows)


def result_tables() -> tuple[str, ...]:
    """Names of the tables the corpus layer writes."""
    return tuple(t.name for t in CORPUS_TABLES)
