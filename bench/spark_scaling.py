"""Spark scaling: wall time of `run_spark` on the 371 PTC train articles with local[1] and local[2].

Usage: .venv/bin/python bench/spark_scaling.py [--articles DIR] [--stages a,b,...] [--out results.json]

Each master gets a fresh Spark session and a fresh output folder; the ratio local[1]/local[2] is
the speed-up from the second core. The load average before and after each run is recorded, since
the machine this ran on is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared/datasets/ptc-semeval2020-task11-train/shared-task/datasets/train-articles"
#: The stages the corpus layer reads (entities, claims and the quotes that give claims their speakers).
STAGES = ("nlp.spacy.v1", "extract.entities.v1", "extract.quotes.v1", "extract.claims.v1")


def measure(master: str, articles: Path, stages: tuple[str, ...]) -> dict[str, object]:
    """One timed run_spark on ``master``: wall seconds, row counts and load averages."""
    from presswatch.scale.spark import run_spark, spark_session

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    load_before = os.getloadavg()
    spark = spark_session(master)
    try:
        with tempfile.TemporaryDirectory(prefix="spark_scaling_") as tmp:
            t0 = time.perf_counter()
            counts = run_spark([str(articles)], f"{tmp}/out", stages=stages, spark=spark)
            wall = time.perf_counter() - t0
    finally:
        spark.stop()
    return {"master": master, "wall_s": round(wall, 1), "counts": counts,
            "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in os.getloadavg()]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=ARTICLES)
    ap.add_argument("--stages", default=",".join(STAGES))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "spark_scaling.json")
    args = ap.parse_args()
    stages = tuple(s for s in args.stages.split(",") if s)
    runs = [measure(m, args.articles, stages) for m in ("local[1]", "local[2]")]
    result = {"articles": str(args.articles), "stages": stages, "cpus": os.cpu_count(), "runs": runs,
              "ratio_1_over_2": round(runs[0]["wall_s"] / runs[1]["wall_s"], 2)}
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
