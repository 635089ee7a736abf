"""The interop commands, driven through the real CLI group (lazy commands included)."""

from __future__ import annotations

import json

from click.testing import CliRunner

import presswatch
from presswatch.cli import cli


def test_cli_export_writes_each_format(db_path, tmp_path):
    runner = CliRunner()
    for fmt, out in [("jsonl", "a.jsonl"), ("parquet", "pq"), ("csv", "csv"), ("semeval-2023-st3", "se"),
                     ("spacy", "docs.spacy"), ("label-studio", "tasks.json")]:
        result = runner.invoke(cli, ["export", "--db", str(db_path), "--format", fmt, "--out", str(tmp_path / out)])
        assert result.exit_code == 0, result.output
        assert "exported 2 articles" in result.output
        assert (tmp_path / out).exists()


def test_cli_export_refuses_unknown_format_and_missing_db(db_path, tmp_path):
    runner = CliRunner()
    bad = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "xml", "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2 and "semeval-2023-st3" in bad.output
    missing = runner.invoke(cli, ["export", "--db", str(tmp_path / "nope.duckdb"), "--format", "csv", "--out", str(tmp_path)])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_cli_import_labels_round_trip(db_copy, tmp_path):
    runner = CliRunner()
    tasks_file = tmp_path / "tasks.json"
    assert runner.invoke(cli, ["export", "--db", str(db_copy), "--format", "label-studio", "--out", str(tasks_file)]).exit_code == 0
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    for task in tasks:  # a reviewer accepts every prediction
        task["annotations"] = [{"completed_by": {"email": "r@example.org"}, "result": task["predictions"][0]["result"]}]
    tasks_file.write_text(json.dumps(tasks), encoding="utf-8")
    result = runner.invoke(cli, ["import-labels", str(tasks_file), "--db", str(db_copy)])
    assert result.exit_code == 0, result.output
    with presswatch.open(db_copy) as db:
        assert len(db.reviewed()) == sum(len(t["predictions"][0]["result"]) for t in tasks) + 1  # two frames in one choice
        assert set(db.reviewed()["attrs"].map(lambda a: a["review"])) == {"confirmed"}
    assert f"imported {len(db_reviewed_rows(db_copy))} reviewed annotations" in result.output


def db_reviewed_rows(path):
    with presswatch.open(path) as db:
        return db.reviewed()


def test_cli_import_labels_rejects_non_export(db_copy, tmp_path):
    f = tmp_path / "x.json"
    f.write_text('"just a string"', encoding="utf-8")
    result = CliRunner().invoke(cli, ["import-labels", str(f), "--db", str(db_copy)])
    assert result.exit_code == 1 and "Label Studio JSON export" in result.output


def test_cli_report_writes_html(db_path, tmp_path):
    out = tmp_path / "sub" / "report.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(db_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
