"""The Spark runner: the same `presswatch.analyze` call per partition, Parquet out.

Stage 1 reads every input file as bytes (any Hadoop-compatible URI, folders recursively), and
each partition runs ingest → clean → per-article stages with `presswatch.analyze`, exactly as a
local run does. Stage 2 splits the result into the tables of the output contract
(`articles`, `annotations`, `failures`) and runs the corpus layer distributed over per-article
digests, with the local corpus code deciding duplicates, stories, claim groups and the timeline
(spark_stories.py, spark_corpus.py): Spark generates the duplicate candidates and the document
frequencies, streams the articles to the driver for placement, and merges the timeline per story.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator

from .tables import delete_path

ANALYSED_SCHEMA = (
    "id string, source_path string, url string, outlet string, title string, published string, "
    "language string, text string, paragraphs array<array<int>>, removed string, errors string, "
    "unsupported string, annotations string, failure_stage string, failure_reason string"
)
ANNOTATION_SCHEMA = "array<struct<layer:string,label:string,start:int,end:int,score:double,attrs:string>>"


def records_from_bytes(path: str, content: bytes, max_bytes: int) -> list[Any]:
    """Raw records (or failures) of one input file given as bytes, through the local ingest code."""
    from presswatch.ingest import read_blob
    from presswatch.ingest.source import load

    suffix = "".join(Path(path).suffixes[-2:])
    with tempfile.NamedTemporaryFile(suffix=suffix) as fh:
        fh.write(content)
        fh.flush()
        blob = load(Path(fh.name), max_bytes=max_bytes)
        if not hasattr(blob, "data"):  # a Failure: report it under the real path
            return [dataclasses.replace(blob, source_path=path)]
        blob = dataclasses.replace(blob, source_path=path)
        return list(read_blob(blob))


def analyse_rows(rows: list[tuple[str, bytes]], stages: tuple[str, ...], max_bytes: int) -> list[dict[str, Any]]:
    """Analyse (path, bytes) rows with `presswatch.analyze`; one output row per article or failure."""
    from presswatch import analyze
    from presswatch.model import Failure

    records: list[Any] = []
    out: list[dict[str, Any]] = []
    for path, content in rows:
        for rec in records_from_bytes(path, content, max_bytes):
            if isinstance(rec, Failure):
                out.append(_failure_row(rec))
            else:
                records.append(rec)
    if records:
        result = analyze(texts=records, stages=stages, corpus=False)
        out.extend(_failure_row(f) for f in result.summary.failures)
        for a in result.articles:
            out.append(
                {
                    "id": a.id, "source_path": a.source_path, "url": a.url, "outlet": a.outlet,
                    "title": a.title, "published": a.published, "language": a.language, "text": a.text,
                    "paragraphs": [[s, e] for s, e in a.paragraphs],
                    "removed": json.dumps([r.to_dict() for r in a.removed], ensure_ascii=False),
                    "errors": json.dumps([e.to_dict() for e in a.errors], ensure_ascii=False),
                    "unsupported": json.dumps(a.unsupported, ensure_ascii=False),
                    "annotations": json.dumps(
                        [
                            {"layer": n.layer, "label": n.label, "start": n.start, "end": n.end, "score": n.score,
                             "attrs": json.dumps(n.attrs, ensure_ascii=False)}
                            for n in a.annotations
                        ],
                        ensure_ascii=False,
                    ),
                    "failure_stage": None, "failure_reason": None,
                }
            )
    return out


def _failure_row(f: Any) -> dict[str, Any]:
    row: dict[str, Any] = {k: None for k in ("id", "url", "outlet", "title", "published", "language", "text",
                                              "paragraphs", "removed", "errors", "unsupported", "annotations")}
    row.update(source_path=f.source_path, failure_stage=f.stage, failure_reason=f.reason)
    return row


def _partition_fn(stages: tuple[str, ...], max_bytes: int):
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        cols = [c.split()[0] for c in ANALYSED_SCHEMA.split(", ")]
        for pdf in batches:
            rows = analyse_rows(list(zip(pdf["path"], pdf["content"])), stages, max_bytes)
            yield pd.DataFrame(rows, columns=cols)

    return run


def spark_session(master: str | None, app: str = "presswatch"):
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # Executors must run an interpreter that has presswatch installed: locally, this one.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    builder = (
        builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", os.environ.get("PRESSWATCH_SPARK_SHUFFLE_PARTITIONS", "8"))
    )
    if master and master.startswith("local"):
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    return builder.getOrCreate()


def run_spark(
    inputs: list[str],
    output: str,
    *,
    master: str | None = None,
    stages: tuple[str, ...] | None = None,
    max_bytes: int | None = None,
    files_per_partition: int = 16,
    corpus_embedder: str | None = None,
    spark: Any = None,
) -> dict[str, int]:
    """Analyse `inputs` on Spark and write Parquet tables under `output`; returns row counts.

    ``corpus_embedder`` names the story embedder (default: the local corpus layer's, MiniLM).
    """
    from pyspark.sql import functions as F

    from presswatch.corpus.embed import MODEL_NAME
    from presswatch.options import DEFAULT_MAX_BYTES
    from presswatch.registry import DEFAULT_STAGES

    stages = tuple(stages or DEFAULT_STAGES)
    max_bytes = max_bytes or DEFAULT_MAX_BYTES
    own = spark is None
    spark = spark or spark_session(master)
    try:
        files = (
            spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(inputs)
            .select("path", "content")
            .filter(~F.regexp_extract("path", r"[^/]*$", 0).startswith("."))
        )
        n_files = files.count()
        parts = max(1, -(-n_files // files_per_partition))
        analysed = files.repartition(parts).mapInPandas(_partition_fn(stages, max_bytes), ANALYSED_SCHEMA)
        staging = output.rstrip("/") + "/_analysed"
        analysed.write.mode("overwrite").parquet(staging)

        done = spark.read.parquet(staging)
        ok = done.filter(F.col("id").isNotNull()).dropDuplicates(["id"])
        articles = ok.drop("annotations", "failure_stage", "failure_reason")
        annotations = ok.select(
            F.col("id").alias("article_id"), F.explode(F.from_json("annotations", ANNOTATION_SCHEMA)).alias("a")
        ).select("article_id", "a.layer", "a.label", "a.start", "a.end", "a.score", "a.attrs")
        failures = done.filter(F.col("id").isNull()).select(
            "source_path", F.col("failure_stage").alias("stage"), F.col("failure_reason").alias("reason")
        )
        articles.write.mode("overwrite").parquet(f"{output}/articles")
        annotations.write.mode("overwrite").parquet(f"{output}/annotations")
        failures.write.mode("overwrite").parquet(f"{output}/failures")

        from .spark_stories import corpus_tables

        arts = spark.read.parquet(f"{output}/articles")
        anns = spark.read.parquet(f"{output}/annotations")
        found = corpus_tables(arts, anns, output, corpus_embedder or MODEL_NAME)

        counts = {
            "files": n_files,
            "articles": spark.read.parquet(f"{output}/articles").count(),
            "annotations": spark.read.parquet(f"{output}/annotations").count(),
            "failures": spark.read.parquet(f"{output}/failures").count(),
            **found,
        }
        delete_path(spark, staging)
        return counts
    finally:
        if own:
            spark.stop()
