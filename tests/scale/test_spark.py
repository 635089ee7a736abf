"""The Spark runner in local mode: same articles, stories and timeline as a local run, Parquet per the contract.

One Spark session and one run serve every test here (a session start costs about ten seconds).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("pyspark")

from presswatch import analyze  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
#: Entities are what stories weigh besides the embedding; the other stages add nothing stories read.
STAGES = ("nlp.spacy.v1", "extract.entities.v1")
#: Sample articles on four events of September 2022 (mobilisation, exodus, protests, Lukashenko).
EXAMPLES = (
    "01_mobilisation_wire_aggregator.txt", "03_protests_detentions_update.txt", "04_zelensky_million_claim.txt",
    "05_exodus_upper_lars.txt.gz", "06_feed.jsonl", "07_sochi_lukashenko_tabloid.txt",
    "09_opinion_mobilisation_failure.txt",
)
COPY_TITLE = "Dagestan women defy police as protest arrests top 2,000"

BODY = (
    "Thousands of men queued at the border crossing on Sunday as the call-up widened.\n"
    "Officials said about 2,300 vehicles were waiting near the checkpoint by the evening.\n"
    "A driver from Vladikavkaz said he had waited for two days with his brother.\n"
    "Border guards opened extra lanes, but the line kept growing through the night."
)


def make_inputs(root: Path) -> Path:
    src = root / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(f"Queues at the border\n\n{BODY}\n", encoding="utf-8")
    # a syndicated copy: same body plus one paragraph, different headline
    (src / "sub" / "b.txt").write_text(f"Long queues reported at crossing\n\n{BODY}\nMore updates will follow.\n", encoding="utf-8")
    (src / "c.txt").write_text(
        "Markets steady\n\nShares in Frankfurt closed slightly higher on Friday after a quiet session.\n"
        "Traders said volumes were thin ahead of the holiday weekend.\n",
        encoding="utf-8",
    )
    (src / "feed.jsonl").write_text(
        json.dumps({"title": "Ferry crossings full", "text": "Ferries from the port were fully booked for a week.\nTicket prices tripled.", "url": "https://example.org/ferry", "date": "2022-09-24"}) + "\n",
        encoding="utf-8",
    )
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    for name in EXAMPLES:
        shutil.copy(ROOT / "examples" / name, src / name)
    # a dated syndicated copy in a story of several articles: new headline, one paragraph more
    protests = (ROOT / "examples" / "03_protests_detentions_update.txt").read_text(encoding="utf-8")
    body = protests.split("\n", 1)[1]
    (src / "sub" / "protests_copy.txt").write_text(
        f"{COPY_TITLE}\n{body.rstrip()}\n\nThis report was updated with new figures.\n", encoding="utf-8"
    )
    return src


@pytest.fixture(scope="module")
def spark():
    from presswatch.scale.spark import spark_session

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def runs(spark, tmp_path_factory):
    """(output folder, counts) of one Spark run and the local run on the same input."""
    from presswatch.scale.spark import run_spark

    src = make_inputs(tmp_path_factory.mktemp("spark"))
    out = src.parent / "parquet"
    counts = run_spark([str(src)], str(out), stages=STAGES, files_per_partition=2, spark=spark)
    local = analyze([src], stages=STAGES, corpus=True)
    return out, counts, local


def _rows(out: Path, table: str, columns: str) -> list[tuple]:
    return duckdb.connect().execute(f"SELECT {columns} FROM read_parquet('{out}/{table}/*.parquet')").fetchall()


def test_spark_runner_matches_local_run_and_writes_contract_tables(runs):
    out, counts, local = runs
    arts = _rows(out, "articles", "id, title, language, source_path")
    assert sorted(r[0] for r in arts) == sorted(a.id for a in local.articles)
    assert counts["articles"] == len(local.articles) == 13
    assert {r[2] for r in arts} == {"en"}
    assert any(r[3].endswith("/feed.jsonl#1") for r in arts)
    fails = _rows(out, "failures", "source_path, stage")
    assert [Path(p).name for p, _ in fails] == ["image.txt"], fails
    dups = _rows(out, "duplicates", "a, b, similarity")
    ids = {r[1]: r[0] for r in arts}
    border = {ids["Queues at the border"], ids["Long queues reported at crossing"]}
    assert [{a, b} for a, b, _ in dups if {a, b} & border] == [border]
    for staging in ("_analysed", "_story_inputs", "_placement"):
        assert not (out / staging).exists(), staging


def _members(story: dict) -> frozenset[str]:
    return frozenset(a["article"] for a in story["articles"])


def test_spark_stories_equal_the_local_run_stories(runs):
    out, counts, local = runs
    rows = _rows(out, "stories", "id, label, entities, key_phrase, start, \"end\", articles")
    spark_stories = {
        frozenset(a["article"] for a in json.loads(r[6])): (r[1], tuple(r[2]), r[3], r[4], r[5]) for r in rows
    }
    local_stories = {
        _members(s): (s["label"], tuple(s["entities"]), s["key_phrase"], s["start"], s["end"])
        for s in local.corpus["stories"]
    }
    assert spark_stories == local_stories
    assert counts["stories"] == len(rows) == len(local_stories)
    # the input has what makes stories hard: several events, stories of many articles, a syndicated copy
    assert len(local_stories) >= 3 and max(len(m) for m in local_stories) >= 3
    titles = {a.title: a.id for a in local.articles}
    copy = {titles[COPY_TITLE], titles["Women lead protests against the draft in Dagestan as detentions across Russia pass 2,000"]}
    assert any(copy <= m for m in spark_stories)
    assert any({a, b} == copy for a, b in _rows(out, "duplicates", "a, b"))


def test_spark_timeline_equals_the_local_timeline(runs):
    out, counts, local = runs
    local_story = {s["id"]: _members(s) for s in local.corpus["stories"]}
    spark_story = {r[0]: frozenset(a["article"] for a in json.loads(r[1])) for r in _rows(out, "stories", "id, articles")}
    rows = _rows(out, "timeline", "date, article, story, statement")
    spark_timeline = {(d.isoformat(), a, spark_story[s], st) for d, a, s, st in rows}
    local_timeline = {(t["date"], t["article"], local_story[t["story"]], t["statement"]) for t in local.corpus["timeline"]}
    assert spark_timeline == local_timeline
    assert counts["timeline"] == len(rows) == len(local.corpus["timeline"]) > 20
