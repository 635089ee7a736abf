"""The Spark runner in local mode: same articles as a local run, Parquet per the contract."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("pyspark")

from presswatch import analyze  # noqa: E402

pytestmark = pytest.mark.slow

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
    return src


def test_spark_runner_matches_local_run_and_writes_contract_tables(tmp_path):
    from presswatch.scale.spark import run_spark

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    src = make_inputs(tmp_path)
    out = tmp_path / "parquet"
    counts = run_spark([str(src)], str(out), master="local[2]", stages=("nlp.spacy.v1",), files_per_partition=2)
    local = analyze([src], stages=("nlp.spacy.v1",), corpus=False)

    con = duckdb.connect()
    arts = con.execute(f"SELECT id, title, language, source_path FROM read_parquet('{out}/articles/*.parquet')").fetchall()
    assert sorted(r[0] for r in arts) == sorted(a.id for a in local.articles)
    assert counts["articles"] == len(local.articles) == 4
    assert {r[2] for r in arts} == {"en"}
    assert any(r[3].endswith("feed.jsonl#1") for r in arts)
    fails = con.execute(f"SELECT source_path, stage FROM read_parquet('{out}/failures/*.parquet')").fetchall()
    assert [Path(p).name for p, _ in fails] == ["image.txt"], fails
    dups = con.execute(f"SELECT a, b, similarity FROM read_parquet('{out}/duplicates/*.parquet')").fetchall()
    ids = {r[1]: r[0] for r in arts}
    assert len(dups) == 1
    assert {dups[0][0], dups[0][1]} == {ids["Queues at the border"], ids["Long queues reported at crossing"]}
    assert not (out / "_analysed").exists()
