"""The corpus layer's duplicates and claim groups on Spark, decided by the local corpus code.

Every article's digest (corpus/digest.py: fingerprint, claim records, ...) is computed per partition
(spark_stories.story_inputs). Duplicates: Spark only generates the LSH candidates, by joining the
articles on their band keys (corpus.duplicates.band_keys: the local run's bands); the candidates are
checked and grouped by corpus.duplicates.group_fingerprints, as locally. Claims: the claim records
of every digest are reduced on the driver by corpus.reduce.claim_groups, with each article's
duplicate group and story, as locally. Narrative conflicts: every digest's stances (roles, narratives)
are reduced on the driver by corpus.reduce.narrative_conflicts with the stories and the alias map.
"""

from __future__ import annotations

import json
import pickle
from typing import Any, Iterator, Sequence

import numpy as np

from presswatch.corpus.claims import with_sentences
from presswatch.corpus.digest import LAYERS
from presswatch.corpus.duplicates import Fingerprint, describe_group, group_fingerprints
from presswatch.corpus.reduce import claim_groups as reduce_claim_groups
from presswatch.corpus.reduce import narrative_conflicts as reduce_narrative_conflicts
from presswatch.corpus.types import ClaimGroup, DuplicateGroup, NarrativeConflict
from presswatch.store.corpus import narrative_conflict_rows
from presswatch.store.schema import TABLES

from .tables import row_article

DUPLICATES_SCHEMA = "id string, kind string, members string"
CLAIMS_SCHEMA = "id string, kind string, topic string, story string, note string, claims string"


def near_duplicates(inputs: Any, articles: Any) -> list[DuplicateGroup]:
    """Duplicate groups (as the local corpus layer finds them) among the digests in ``inputs``."""
    from pyspark.sql import functions as F

    bands = inputs.filter(F.col("size") > 0).select("article", F.explode("bands").alias("band"))
    exact = inputs.filter(F.col("size") > 0).select("article", F.concat(F.lit("x:"), "exact").alias("band"))
    keys = bands.union(exact)
    pairs = (
        keys.alias("l").join(keys.alias("r"), "band")
        .filter(F.col("l.article") < F.col("r.article"))
        .select(F.col("l.article").alias("a"), F.col("r.article").alias("b"))
        .distinct()
    )
    candidates = [(r["a"], r["b"]) for r in pairs.toLocalIterator()]  # candidates are few (duplicates)
    ids = sorted({i for p in candidates for i in p})
    if not ids:
        return []
    fps = [
        Fingerprint(r["article"], r["published"], r["outlet"], r["exact"], int(r["size"]),
                    np.asarray(r["hashvalues"], dtype=np.uint32))
        for r in inputs.filter(F.col("article").isin(ids))
        .select("article", "published", "outlet", "exact", "size", "hashvalues").toLocalIterator()
    ]
    fps.sort(key=lambda fp: fp.article)
    groups = group_fingerprints(fps, bands=_given_pairs(candidates))
    texts = {a.id: a for a in fetch_articles(articles, None, [fp.article for g in groups for fp in g], ())}
    return [describe_group(g, texts) for g in groups]


def _given_pairs(candidates: Sequence[tuple[str, str]]):
    """group_fingerprints' candidate generation from pairs of article ids found by Spark."""

    def bands(hv: np.ndarray, ids: Sequence[str]) -> Iterator[np.ndarray]:
        row = {a: k for k, a in enumerate(ids)}
        rows = sorted((row[a], row[b]) if row[a] < row[b] else (row[b], row[a])
                      for a, b in candidates if a in row and b in row)
        if rows:
            yield np.asarray(rows, dtype=np.int64)

    return bands


def duplicates_table(spark: Any, groups: Sequence[DuplicateGroup]) -> Any:
    """The `duplicates` table: one row per group, its members as DuplicateGroup.to_dict gives them (JSON)."""
    rows = []
    for g in groups:
        d = g.to_dict()
        rows.append((d["id"], d["kind"], json.dumps(d["members"], ensure_ascii=False)))
    return spark.createDataFrame(rows, DUPLICATES_SCHEMA)


def claim_groups(inputs: Any, articles: Any, annotations: Any, duplicates: Sequence[DuplicateGroup],
                 story_of: dict[str, str]) -> list[ClaimGroup]:
    """Claim groups (conflicts, updates, corroborations) by corpus.reduce.claim_groups over the digests' claims."""
    from pyspark.sql import functions as F

    def per_article():
        for r in inputs.filter(F.col("claim_records").isNotNull()).select("article", "claim_records").toLocalIterator():
            yield r["article"], pickle.loads(r["claim_records"])

    groups = reduce_claim_groups(per_article(), duplicates, story_of)
    ids = sorted({c.article for g in groups for c in g.claims})
    return with_sentences(groups, fetch_articles(articles, annotations, ids, LAYERS))


def claims_table(spark: Any, groups: Sequence[ClaimGroup]) -> Any:
    """The `claim_conflicts` table: every claim group (conflicts, updates, corroborations), claims as JSON."""
    rows = []
    for g in groups:
        d = g.to_dict()
        rows.append((d["id"], d["kind"], d["topic"], d.get("story"), d.get("note"),
                     json.dumps(d["claims"], ensure_ascii=False)))
    return spark.createDataFrame(rows, CLAIMS_SCHEMA)


def narrative_conflicts(inputs: Any, story_of: dict[str, str], aliases: dict[str, str]) -> list[NarrativeConflict]:
    """Role and narrative conflicts by corpus.reduce.narrative_conflicts over the digests' stances."""
    from pyspark.sql import functions as F

    def per_article():
        for r in inputs.filter(F.col("stances").isNotNull()).select("article", "stances").toLocalIterator():
            yield r["article"], pickle.loads(r["stances"])

    return reduce_narrative_conflicts(per_article(), story_of, aliases)


def narrative_conflicts_table(spark: Any, conflicts: Sequence[NarrativeConflict]) -> Any:
    """The `narrative_conflicts` table, one row per stance, with the columns of the database's table."""
    schema = ", ".join(f"{c.name} {'double' if c.type == 'DOUBLE' else 'string'}"
                       for c in TABLES["narrative_conflicts"].columns)
    return spark.createDataFrame(list(narrative_conflict_rows(conflicts)), schema)


def fetch_articles(articles: Any, annotations: Any, ids: Sequence[str], layers: Sequence[str]) -> list[Any]:
    """The few articles with ``ids``, rebuilt on the driver with their annotations of ``layers``."""
    from pyspark.sql import functions as F

    if not ids:
        return []
    rows = articles.filter(F.col("id").isin(list(ids))).collect()
    anns: dict[str, list[Any]] = {}
    if layers and annotations is not None:
        for r in (annotations.filter(F.col("article_id").isin(list(ids)) & F.col("layer").isin(list(layers)))
                  .orderBy("article_id", "start", "end", "layer", "label").collect()):
            anns.setdefault(r["article_id"], []).append(r.asDict())
    return [row_article(r, anns.get(r["id"], [])) for r in rows]
