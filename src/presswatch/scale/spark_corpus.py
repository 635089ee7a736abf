"""The corpus layer on Spark: near-duplicates with MinHashLSH, claim conflicts per blocking group."""

from __future__ import annotations

import json
from typing import Any, Iterable

#: Word shingle size for near-duplicate detection (the local corpus layer uses its own setting).
SHINGLE = 5


def near_duplicates(articles: Any, *, threshold: float = 0.5, num_hash_tables: int = 8) -> Any:
    """Pairs of articles whose word-shingle Jaccard similarity is at least `threshold`.

    Columns: a, b (article ids, a < b), similarity, group (the smallest id of the pair's connected
    component, so a syndicated story's copies share one group id).
    """
    from pyspark.ml.feature import HashingTF, MinHashLSH, NGram, RegexTokenizer

    from presswatch.corpus.graph import component_roots
    from pyspark.sql import functions as F

    tok = RegexTokenizer(inputCol="text", outputCol="words", pattern=r"\W+", toLowercase=True, minTokenLength=1)
    grams = NGram(n=SHINGLE, inputCol="words", outputCol="shingles")
    tf = HashingTF(inputCol="shingles", outputCol="features", numFeatures=1 << 20, binary=True)
    feats = tf.transform(grams.transform(tok.transform(articles.select("id", "text"))))
    feats = feats.filter(F.size("shingles") > 0).select("id", "features")
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=num_hash_tables, seed=13).fit(feats)
    pairs = (
        model.approxSimilarityJoin(feats, feats, 1.0 - threshold, distCol="distance")
        .select(F.col("datasetA.id").alias("a"), F.col("datasetB.id").alias("b"), "distance")
        .filter(F.col("a") < F.col("b"))
        .select("a", "b", (1.0 - F.col("distance")).alias("similarity"))
    )
    rows = pairs.collect()  # pairs are few (duplicates), components are computed on the driver
    group = component_roots((r["a"], r["b"]) for r in rows)
    spark = articles.sparkSession
    schema = "a string, b string, similarity double, `group` string"
    return spark.createDataFrame([(r["a"], r["b"], float(r["similarity"]), group[r["a"]]) for r in rows], schema)


def claim_conflicts(articles: Any, annotations: Any) -> Any:
    """Claim groups (conflicts, updates, corroborations) found with the corpus layer's own rules.

    Each partition turns its articles' claim annotations into claim records (local code); records
    are then blocked by what they count (`kind`: a conflict needs the same kind of quantity) and
    each block is grouped on one executor with `find_claim_groups`.
    Columns: id, kind, topic, claims (JSON list of {article, value, text, speaker, published}).
    """
    from pyspark.sql import functions as F

    claims = (
        annotations.filter(F.col("layer") == "claim")
        .groupBy("article_id")
        .agg(F.collect_list(F.struct("layer", "label", "start", "end", "score", "attrs")).alias("claims"))
    )
    joined = articles.select("id", "text", "published", "outlet").join(
        claims, articles["id"] == claims["article_id"], "inner"
    ).drop("article_id")
    records = joined.mapInPandas(_claim_records_fn(), "kind string, record binary")
    return records.groupBy("kind").applyInPandas(_group_fn(), "id string, kind string, topic string, claims string")


def row_article(row: Any, annotations: Iterable[Any] | None) -> Any:
    """An Article rebuilt from a row of the `articles` table (the columns it has) and its annotation structs."""
    from presswatch.model import Annotation, Article

    paragraphs = getattr(row, "paragraphs", None)
    return Article(
        id=row.id, source_path="", text=row.text, title=getattr(row, "title", None), published=row.published,
        outlet=getattr(row, "outlet", None), language=getattr(row, "language", None),
        paragraphs=[(int(s), int(e)) for s, e in paragraphs] if paragraphs is not None else [],
        annotations=[
            Annotation(layer=c["layer"], label=c["label"], start=c["start"], end=c["end"], score=c["score"],
                       attrs=json.loads(c["attrs"] or "{}"))
            for c in (annotations if annotations is not None else ())
        ],
    )


def _claim_records_fn():
    def run(batches):
        import pickle

        import pandas as pd

        from presswatch.corpus.claims import claim_records

        for pdf in batches:
            out = []
            for row in pdf.itertuples(index=False):
                article = row_article(row, row.claims)
                for rec in claim_records(article):
                    out.append((rec.kind, pickle.dumps(rec)))
            yield pd.DataFrame(out, columns=["kind", "record"])

    return run


def _group_fn():
    def run(pdf):
        import pickle

        import pandas as pd

        from presswatch.corpus.claims import find_claim_groups

        recs = [pickle.loads(b) for b in pdf["record"]]
        rows = []
        for g in find_claim_groups(recs):
            claims = [
                {"article": c.article, "value": c.value, "text": c.text, "speaker": c.speaker, "published": c.published}
                for c in g.claims
            ]
            rows.append((g.id, g.kind, g.topic, json.dumps(claims, ensure_ascii=False)))
        return pd.DataFrame(rows, columns=["id", "kind", "topic", "claims"])

    return run
