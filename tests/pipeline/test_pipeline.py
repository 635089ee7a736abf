"""The run as a whole: resume, force, error isolation, worker processes, a kill mid-run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presswatch import analyze, registry
from presswatch.store import Store

TOPICS = ["reservists", "protesters", "border queues", "airfares", "enlistment offices", "referendums"]


def write_corpus(folder: Path, n: int) -> list[Path]:
    """n small distinct articles in the title⏎⏎body layout."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        body = (
            f"Officials in region {i} said on Monday that {100 + i} {topic} had been counted.\n"
            f"A local resident, speaking to reporters, said the mood in town number {i} was tense.\n"
            f"Another {i * 3 + 7} people were expected to follow by the end of the week."
        )
        p = folder / f"article_{i:03d}.txt"
        p.write_text(f"Report {i} on {topic}\n\n{body}\n", encoding="utf-8")
        paths.append(p)
    return paths


@pytest.fixture
def mark_stage(monkeypatch):
    monkeypatch.setitem(registry.STAGES, "test.mark.v1", registry.StageSpec("tests.pipeline.stages_for_tests:make_mark"))
    return "test.mark.v1"


def test_pipeline_resume_skips_stored_and_force_reanalyses(tmp_path, mark_stage):
    write_corpus(tmp_path / "in", 5)
    first = analyze([tmp_path / "in"], out=tmp_path / "out", stages=(mark_stage,), corpus=False)
    assert (first.summary.analysed, first.summary.skipped) == (5, 0)
    again = analyze([tmp_path / "in"], out=tmp_path / "out", stages=(mark_stage,), corpus=False)
    assert (again.summary.analysed, again.summary.skipped) == (0, 5)
    forced = analyze([tmp_path / "in"], out=tmp_path / "out", stages=(mark_stage,), corpus=False, force=True)
    assert forced.summary.analysed == 5
    with Store(tmp_path / "out" / "presswatch.duckdb") as s:
        assert s.count("articles") == 5
        assert s.count("annotations") == 5  # re-analysis replaced, never duplicated
    lines = (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    assert len(lines) == 5 and all(json.loads(l)["annotations"] for l in lines)


def test_pipeline_same_article_twice_in_one_run_is_one_article(tmp_path, mark_stage):
    paths = write_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "copy.txt").write_bytes(paths[0].read_bytes())
    result = analyze([tmp_path / "in"], db=tmp_path / "db.duckdb", stages=(mark_stage,), corpus=False)
    assert result.summary.analysed == 2 and result.summary.skipped == 1
    with Store(tmp_path / "db.duckdb") as s:
        aid = [a.id for a in result.articles if a.source_path == str(paths[0])][0]
        assert [Path(p).name for p in s.sources(aid)] == ["article_000.txt", "copy.txt"]


def test_pipeline_stage_error_on_one_article_keeps_it_and_the_others(tmp_path, mark_stage):
    write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "bad.txt").write_text("Bad one\n\nThis article says BOOM to the stage.\n")
    result = analyze([tmp_path / "in"], db=tmp_path / "db.duckdb", stages=(mark_stage,), corpus=False)
    assert result.summary.analysed == 4
    bad = [a for a in result.articles if "BOOM" in a.text][0]
    assert bad.annotations == [] and bad.errors[0].stage == "test.mark.v1"
    assert "cannot handle BOOM" in bad.errors[0].message
    assert all(a.annotations for a in result.articles if a is not bad)
    assert not result.summary.ok


def test_pipeline_empty_and_missing_inputs_are_failures_not_crashes(tmp_path, mark_stage):
    write_corpus(tmp_path / "in", 1)
    (tmp_path / "in" / "empty.txt").write_text("")
    result = analyze(
        [tmp_path / "in", tmp_path / "nope"], db=tmp_path / "db.duckdb", stages=(mark_stage,), corpus=False
    )
    assert result.summary.analysed == 1
    reasons = {Path(f.source_path).name: f.reason for f in result.summary.failures}
    assert "nope" in reasons and "empty.txt" in reasons
    with Store(tmp_path / "db.duckdb") as s:
        assert {Path(f.source_path).name for f in s.failures()} == set(reasons)


def test_pipeline_corpus_failure_keeps_articles(tmp_path, mark_stage, monkeypatch):
    monkeypatch.setattr(registry, "CORPUS", "tests.pipeline.stages_for_tests:make_broken_corpus")
    import presswatch.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CORPUS", registry.CORPUS)
    write_corpus(tmp_path / "in", 2)
    result = analyze([tmp_path / "in"], out=tmp_path / "out", stages=(mark_stage,))
    assert result.summary.analysed == 2
    assert [f.stage for f in result.summary.failures] == ["corpus"]
    assert json.loads((tmp_path / "out" / "corpus.json").read_text())["duplicates"] == []


def test_pipeline_corpus_prepare_failure_is_only_a_lost_head_start(tmp_path, mark_stage, monkeypatch):
    from .stages_for_tests import PrepareFailsCorpus

    monkeypatch.setattr(registry, "CORPUS", "tests.pipeline.stages_for_tests:PrepareFailsCorpus")
    import presswatch.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CORPUS", registry.CORPUS)
    PrepareFailsCorpus.prepared_calls = 0
    write_corpus(tmp_path / "in", 2)
    result = analyze([tmp_path / "in"], out=tmp_path / "out", stages=(mark_stage,))
    assert result.summary.analysed == 2 and PrepareFailsCorpus.prepared_calls >= 1
    assert result.summary.failures == []  # the corpus pass ran and did the work itself
    assert json.loads((tmp_path / "out" / "corpus.json").read_text())["stories"] == [{"id": "s1", "articles": 2}]


def test_pipeline_non_english_article_is_kept_with_a_warning(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "de.txt").write_text(
        "Proteste in Moskau\n\nIn Moskau haben am Mittwoch Hunderte Menschen gegen die Teilmobilmachung demonstriert.\n"
    )
    result = analyze([tmp_path / "in"], db=tmp_path / "db.duckdb", stages=("nlp.spacy.v1", "extract.entities.v1"),
                     corpus=False)
    assert result.summary.analysed == 1
    assert result.articles[0].language == "de"
    assert result.articles[0].unsupported.keys() == {"entity"}
    assert "German" in result.summary.warnings[0].reason and "could not run on it: entity" in result.summary.warnings[0].reason


def test_pipeline_workers_give_the_same_result_as_one_process(tmp_path):
    write_corpus(tmp_path / "in", 12)
    # spawned workers import the registry afresh, so the test stage is named by its import path
    common = dict(stages=("nlp.spacy.v1", "tests.pipeline.stages_for_tests:make_mark"), corpus=False, batch_size=3)
    one = analyze([tmp_path / "in"], db=tmp_path / "one.duckdb", workers=1, **common)
    two = analyze([tmp_path / "in"], db=tmp_path / "two.duckdb", workers=2, **common)
    key = lambda r: sorted((a.id, a.language, len(a.annotations)) for a in r.articles)
    assert two.summary.analysed == 12 and key(one) == key(two)


def test_pipeline_killed_mid_run_resumes_with_nothing_lost_or_duplicated(tmp_path):
    write_corpus(tmp_path / "in", 120)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "presswatch.cli", "analyze", str(tmp_path / "in"), "--out", str(out),
           "--stages", "nlp.spacy.v1", "--no-corpus", "--batch-size", "4", "--workers", "1", "-q"]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = out / "presswatch.duckdb.wal"
    deadline = time.monotonic() + 120
    while not wal.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(random.uniform(0.05, 0.4))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed; make the corpus bigger"

    resumed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    with Store(out / "presswatch.duckdb") as s:
        assert s.count("articles") == 120
        ids = [r[0] for r in s.con.execute("SELECT id FROM articles").fetchall()]
        assert len(set(ids)) == 120
        orphans = s.con.execute(
            "SELECT count(*) FROM annotations WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
    assert "skipped" in resumed.stdout
    lines = (out / "articles.jsonl").read_text().splitlines()
    assert len(lines) == 120


def test_pipeline_unknown_stage_fails_with_a_clear_message(tmp_path):
    write_corpus(tmp_path / "in", 1)
    with pytest.raises(ValueError, match="unknown stage 'nope'"):
        analyze([tmp_path / "in"], stages=("nope",), corpus=False)


def test_pipeline_entity_table_is_rebuilt_only_when_articles_were_written(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Talks in Sochi\n\nVladimir Putin met Alexander Lukashenko in Sochi on Monday.\nPutin said little.\n"
    )
    stages = ("nlp.spacy.v1", "extract.entities.v1")
    analyze([tmp_path / "in"], db=tmp_path / "db.duckdb", stages=stages, corpus=False)
    with Store(tmp_path / "db.duckdb") as s:
        first = s.con.execute("SELECT canonical, mentions FROM entities ORDER BY canonical").fetchall()
        s.con.execute("DELETE FROM entities")  # a rebuild would bring the rows back
    again = analyze([tmp_path / "in"], db=tmp_path / "db.duckdb", stages=stages, corpus=False)
    assert again.summary.analysed == 0
    with Store(tmp_path / "db.duckdb") as s:
        assert ("Vladimir Putin", 2) in first
        assert s.count("entities") == 0  # nothing new: the derived table was not rebuilt


@pytest.fixture
def slow_stage(monkeypatch):
    monkeypatch.setitem(registry.STAGES, "test.slow.v1", registry.StageSpec("tests.pipeline.stages_for_tests:make_slow"))
    return "test.slow.v1"


def test_pipeline_article_over_its_time_budget_is_kept_with_the_layers_that_finished(tmp_path, mark_stage, slow_stage):
    write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "slow.txt").write_text("Slow one\n\nThis article is SLOW for the stage.\n")
    started = time.monotonic()
    result = analyze([tmp_path / "in"], db=tmp_path / "db.duckdb", stages=(mark_stage, slow_stage, mark_stage),
                     corpus=False, time_budget=1.0)
    assert time.monotonic() - started < 20  # the slow stage would take 30 s
    assert result.summary.analysed == 4 and result.summary.failed == 0
    slow = [a for a in result.articles if "SLOW" in a.text][0]
    # the first stage's layer stays; the interrupted stage's half-written layer and later stages do not
    assert [(n.layer, n.label) for n in slow.annotations] == [("genre", "reporting")]
    assert [e.stage for e in slow.errors] == ["test.slow.v1"] and "time budget of 1 s" in slow.errors[0].message
    for a in result.articles:
        if a is not slow:
            assert [n.label for n in a.annotations] == ["reporting", "slow", "reporting"] and a.errors == []
    assert not result.summary.ok


def test_pipeline_time_budget_zero_means_no_limit():
    from presswatch.options import DEFAULT_TIME_BUDGET, Options

    assert Options.build().time_budget == DEFAULT_TIME_BUDGET
    assert Options.build(time_budget=0).time_budget is None
    with pytest.raises(ValueError, match="time_budget"):
        Options.build(time_budget=-1)


def test_pipeline_unknown_option_names_the_options():
    with pytest.raises(ValueError, match="unknown option.*extra.*corpus_embedder"):
        analyze([], extra={"corpus_embedder": "x"})


def test_pipeline_stage_missing_its_input_stage_fails_before_reading_input(tmp_path):
    with pytest.raises(ValueError, match="'extract.quotes.v1' reads 'entity'.*extract.entities.v1"):
        analyze([tmp_path / "nope"], stages=("nlp.spacy.v1", "extract.quotes.v1"), corpus=False)


def test_pipeline_closing_summary_groups_many_failures_by_reason(tmp_path, capsys):
    from presswatch.model import Failure
    from presswatch.options import Options
    from presswatch.pipeline import RunSummary, group_failures
    from presswatch.progress import print_summary

    summary = RunSummary(read=130)
    summary.failures += [Failure(f"/in/big_{i}.txt", "ingest", f"file is {20 + i} MB, over the limit") for i in range(100)]
    summary.failures += [Failure(f"/in/empty_{i}.txt", "clean", "no article text left after cleaning") for i in range(29)]
    summary.failures.append(Failure("/in/[red]x.txt", "ingest", "not a WARC file"))
    groups = group_failures((f.source_path, f.stage, f.reason) for f in summary.failures)
    assert [(g.stage, g.count, g.example) for g in groups] == [
        ("ingest", 100, "/in/big_0.txt"), ("clean", 29, "/in/empty_0.txt"), ("ingest", 1, "/in/[red]x.txt")]
    print_summary(summary, Options())
    out = capsys.readouterr().out
    assert "failed 100 × (ingest): file is 20 MB, over the limit e.g. /in/big_0.txt" in out
    assert "failed 29 × (clean)" in out and "/in/[red]x.txt" in out  # markup in a path is shown as is
    assert "big_1.txt" not in out and len(out.splitlines()) < 20


def test_pipeline_cli_quotes_without_entities_is_a_usage_error_naming_the_stage(tmp_path):
    from click.testing import CliRunner

    from presswatch.cli import cli

    write_corpus(tmp_path / "in", 1)
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                      "--stages", "nlp.spacy.v1,extract.quotes.v1", "-q"])
    assert result.exit_code == 2 and "extract.entities.v1" in result.output
    assert not (tmp_path / "out").exists()


def test_pipeline_time_budget_holds_in_worker_processes(tmp_path):
    write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "slow.txt").write_text("Slow one\n\nThis article is SLOW for the stage.\n")
    # spawned workers import the registry afresh, so the test stages are named by their import paths
    stages = ("tests.pipeline.stages_for_tests:make_mark", "tests.pipeline.stages_for_tests:make_slow")
    started = time.monotonic()
    result = analyze([tmp_path / "in"], db=tmp_path / "db.duckdb", stages=stages, corpus=False,
                     workers=2, batch_size=2, time_budget=1.0)
    assert time.monotonic() - started < 25
    assert result.summary.analysed == 4
    [(_, stage, message)] = result.summary.stage_errors
    assert stage == "test.slow.v1" and "time budget" in message
