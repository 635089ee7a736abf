"""The bundled examples: every file is read, and the gold in bench/gold agrees with them."""

from __future__ import annotations

import json

from bench.gold.check_gold import GOLD, check, raw_records
from tests.conftest import EXAMPLES


def test_examples_gold_agrees_with_the_sample_corpus():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    problems = check(gold, raw_records(str(EXAMPLES)))
    assert problems == []


def test_examples_cover_every_input_format():
    from presswatch.ingest import read_paths
    from presswatch.model import RawRecord

    records = [r for r in read_paths([EXAMPLES], max_bytes=20_000_000)]
    assert all(isinstance(r, RawRecord) for r in records), [r for r in records if not isinstance(r, RawRecord)]
    assert {r.format for r in records} >= {"text", "html", "warc", "jsonl"}
    assert any(r.source_path.endswith(".gz") and r.format == "text" for r in records)
