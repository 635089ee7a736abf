"""The analyze progress bar: inputs counted up front, done/total, rate and time left; duplicates named."""

from __future__ import annotations

import json
from pathlib import Path

from presswatch.progress import RunProgress, count_inputs


def test_count_inputs_counts_files_and_the_records_of_warc_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kyiv, Sept 21 - A plain article.\n", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(json.dumps({"title": f"t{i}", "text": "body"}) for i in range(3)), encoding="utf-8")  # no final newline
    record = "WARC/1.0\r\nWARC-Type: {kind}\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
    (tmp_path / "crawl.warc").write_text(
        record.format(kind="warcinfo") + record.format(kind="response") * 2 + record.format(kind="request"),
        encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped", encoding="utf-8")
    assert count_inputs([tmp_path]) == 1 + 3 + 2
    assert count_inputs([tmp_path / "missing"]) == 1  # reported as one failed input


def test_run_progress_status_shows_done_of_total_rate_and_time_left() -> None:
    bar = RunProgress(enabled=False, total=10)
    bar._started = 100.0
    bar("read", 5)
    bar("analysed", 3)
    bar("skipped", 1)
    status = bar.status(now=102.0)  # 4 done in 2 s: 2 a second, 6 left: 3 s
    assert status.startswith("4/10 · 3 analysed · 1 skipped · 0 failed · 1 in progress")
    assert "2.0 articles/s" in status and status.endswith("ETA 0:03")


def test_run_progress_total_grows_when_more_records_are_read_than_counted() -> None:
    bar = RunProgress(enabled=False, total=2)
    bar._started = 0.0
    bar("read", 3)
    bar("analysed", 3)
    assert bar.status(now=1.0).startswith("3/~3")


def test_analyze_names_the_first_input_an_in_run_duplicate_repeats(tmp_path: Path) -> None:
    from presswatch import analyze

    text = "Men called up as queues form at the border\n\n" + ("MOSCOW, Sept 21 (Staff) - Thousands of men were called up on Wednesday, officials said, "
            "as queues formed at the border crossings.\n") * 3
    (tmp_path / "in").mkdir()
    first, copy = tmp_path / "in" / "a.txt", tmp_path / "in" / "b.txt"
    first.write_text(text, encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    result = analyze([tmp_path / "in"], stages=["nlp.spacy.v1"], corpus=False)  # the title comes from the first line
    dupes = result.summary.duplicates
    assert [(Path(p).name, Path(d).name) for p, _, d in dupes] == [("b.txt", "a.txt")]
    assert result.summary.to_dict()["duplicates"][0]["duplicate_of"].endswith("a.txt")
