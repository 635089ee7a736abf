"""Stories across languages on Spark: the runner carries each article's language and anchors and
places them with the local pass's code, so our en/ru/de/pl/fr/uk articles fall into the same stories
on Spark as locally, one story per event."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("pyspark")

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "crosslang"
STAGES = ("nlp.spacy.v1", "extract.entities.v1")
EMBEDDER = "hashing-tfidf-v1"


def test_stories_crosslang_spark_equals_the_local_run(tmp_path):
    from presswatch import analyze
    from presswatch.scale.spark import run_spark, spark_session

    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))["articles"]
    src = tmp_path / "in"
    src.mkdir()
    with (src / "feed.jsonl").open("w", encoding="utf-8") as f:
        for name in sorted(gold):
            title, _, text = (FIXTURES / name).read_text(encoding="utf-8").partition("\n\n")
            f.write(json.dumps({"title": title, "text": text, "date": gold[name]["published"],
                                "url": f"https://example.org/{name}"}, ensure_ascii=False) + "\n")
    local = analyze([src], stages=STAGES, corpus=True, corpus_embedder=EMBEDDER)
    event = {f"https://example.org/{n}": g["event"] for n, g in gold.items()}
    event_of = {a.id: event[a.url] for a in local.articles}
    here = sorted(sorted(a["article"] for a in s["articles"]) for s in local.corpus["stories"])
    # one story per event: the four languages of each event together
    assert sorted(sorted({event_of[a] for a in s}) for s in here) == [[e] for e in sorted(set(event.values()))]
    assert len(here) == 3 and local.corpus["duplicates"] == []

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = spark_session("local[1]")
    try:
        out = tmp_path / "parquet"
        run_spark([str(src)], str(out), stages=STAGES, files_per_partition=64, corpus_embedder=EMBEDDER, spark=session)
    finally:
        session.stop()
    rows = duckdb.connect().execute(f"SELECT articles FROM read_parquet('{out}/stories/*.parquet')").fetchall()
    there = sorted(sorted(a["article"] for a in json.loads(r[0])) for r in rows)
    assert there == here
