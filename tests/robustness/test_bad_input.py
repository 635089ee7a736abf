"""Bad input end to end through the CLI: the run finishes, good articles are stored, every bad one is
reported in the closing summary and the `failures` table, and the exit status says whether anything failed."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from presswatch.cli import cli
from presswatch.store import Store

from tests.robustness.badinput import CP1252_PHRASE, MAX_BYTES, Folder, bad_folder, good_folder, stage_flags

ROOT = Path(__file__).resolve().parents[2]
#: Wide enough that rich never wraps a summary line (paths under tmp are long).
WIDE = {"COLUMNS": "1000"}
#: Markup and script that must never reach the stored text of a hostile page.
HOSTILE = ("<script", "</script", "<iframe", "alert(", "onclick", "onload", "onmouseover", "javascript:", "document.cookie")


@dataclass
class Run:
    folder: Folder
    out: Path
    exit_code: int
    output: str

    def db(self) -> Store:
        return Store(self.out / "presswatch.duckdb", read_only=True)


def flat(text: str) -> str:
    return " ".join(text.split())


def cli_run(folder: Path, out: Path, *extra: str) -> tuple[int, str]:
    args = ["analyze", str(folder), "--out", str(out), "--max-bytes", str(MAX_BYTES), "--workers", "1", "-q",
            *stage_flags(), *extra]
    result = CliRunner(env=WIDE).invoke(cli, args, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory) -> Run:
    root = tmp_path_factory.mktemp("bad")
    folder = bad_folder(root / "in")
    code, output = cli_run(folder.root, root / "out", "--no-corpus")
    return Run(folder, root / "out", code, output)


def test_bad_input_run_finishes_with_exit_status_1(bad_run):
    assert bad_run.exit_code == 1, bad_run.output
    assert (bad_run.out / "articles.jsonl").is_file()


def test_bad_input_every_good_article_is_stored(bad_run):
    with bad_run.db() as db:
        stored = {a.source_path: a for a in db.iter_articles()}
    for name, phrase in bad_run.folder.good.items():
        path = bad_run.folder.path(name)
        assert path in stored, f"good input {name} was not stored"
        assert phrase in stored[path].text, f"{name}: {phrase!r} missing from the stored text"
    kept_with_warning = {bad_run.folder.path(b.name) for b in bad_run.folder.bad if b.severity == "warning"}
    assert set(stored) == {bad_run.folder.path(n) for n in bad_run.folder.good} | kept_with_warning


def test_bad_input_every_bad_one_is_in_the_failures_table(bad_run):
    with bad_run.db() as db:
        rows = db.con.execute("SELECT source_path, stage, reason, severity FROM failures").fetchall()
    by_path = {r[0]: r for r in rows}
    assert len(by_path) == len(rows), "a source has more than one failure row"
    for bad in bad_run.folder.bad:
        path = bad_run.folder.path(bad.name)
        assert path in by_path, f"{bad.name} is not in the failures table"
        _, stage, reason, severity = by_path[path]
        assert (stage, severity) == (bad.stage, bad.severity), f"{bad.name}: {stage}/{severity}: {reason}"
        assert all(w in reason for w in bad.words), f"{bad.name}: reason {reason!r} lacks {bad.words}"
        assert "\n" not in reason and 0 < len(reason) <= 300, f"{bad.name}: reason is not one clear line"
    assert set(by_path) == {bad_run.folder.path(b.name) for b in bad_run.folder.bad}, "unexpected failure rows"


def test_bad_input_every_bad_one_is_in_the_closing_summary(bad_run):
    output = flat(bad_run.output)
    errors = [b for b in bad_run.folder.bad if b.severity == "error"]
    warnings = [b for b in bad_run.folder.bad if b.severity == "warning"]
    assert f"failed {len(errors)}" in output and f"warnings (kept, some layers skipped) {len(warnings)}" in output
    assert f"analysed {len(bad_run.folder.good) + len(warnings)}" in output
    for bad in bad_run.folder.bad:
        word = "failed" if bad.severity == "error" else "warning"
        line = f"{word} {bad_run.folder.path(bad.name)} ({bad.stage}): "
        assert line in output, f"{bad.name} is not in the closing summary"
        reason = output.split(line, 1)[1]
        assert all(w in reason[:300] for w in bad.words), f"{bad.name}: summary reason lacks {bad.words}"


def test_bad_input_stored_articles_have_no_stage_errors_and_sane_offsets(bad_run):
    with bad_run.db() as db:
        articles = list(db.iter_articles())
    for a in articles:
        assert a.errors == [], f"{a.source_path}: {a.errors}"
        for s, e in a.paragraphs:
            assert 0 <= s < e <= len(a.text)
        for n in a.annotations:
            if n.start is not None:
                assert 0 <= n.start <= n.end <= len(a.text), f"{a.source_path}: {n}"
    english = [a for a in articles if a.language == "en"]
    assert english and all(a.annotations for a in english if "huge_paragraph" in a.source_path)


def test_bad_input_hostile_html_keeps_the_article_and_drops_every_script(bad_run):
    with bad_run.db() as db:
        (article,) = [a for a in db.iter_articles() if a.source_path.endswith("hostile.html")]
    assert article.title and "Canal reopens" in article.title
    for field in (article.text, article.outlet or "", article.url or ""):
        low = field.lower()
        assert not any(h in low for h in HOSTILE), f"hostile markup kept: {field[:200]!r}"
    assert sum("canal locks" in p for p in article.paragraph_texts()) == 3


def test_bad_input_hostile_html_title_has_no_script_text(bad_run):
    with bad_run.db() as db:
        (article,) = [a for a in db.iter_articles() if a.source_path.endswith("hostile.html")]
    assert article.title == "Canal reopens"
    assert len(article.paragraphs) == 3  # the headline is not repeated as a body paragraph


def test_bad_input_invalid_utf8_keeps_the_good_characters(bad_run):
    with bad_run.db() as db:
        (article,) = [a for a in db.iter_articles() if a.source_path.endswith("bad_utf8.txt")]
    # one stray byte must not turn the rest of the file into mojibake
    assert "café owner — “we were never asked” —" in article.text
    assert "â€" not in article.text and "Ã©" not in article.text


def test_bad_input_windows_1252_keeps_its_characters(bad_run):
    with bad_run.db() as db:
        (article,) = [a for a in db.iter_articles() if a.source_path.endswith("cp1252.txt")]
    assert CP1252_PHRASE in article.text


def test_bad_input_huge_paragraph_is_one_paragraph(bad_run):
    with bad_run.db() as db:
        (article,) = [a for a in db.iter_articles() if a.source_path.endswith("huge_paragraph.txt")]
    assert len(article.paragraphs) == 1 and len(article.text) > 25_000


def test_bad_input_rerun_replaces_failures_and_still_exits_1(bad_run, tmp_path):
    with bad_run.db() as db:
        before = db.count("failures")
        n_articles = db.count("articles")
    code, output = cli_run(bad_run.folder.root, bad_run.out, "--no-corpus")
    assert code == 1, output
    assert f"skipped (already stored) {n_articles}" in flat(output)
    with bad_run.db() as db:
        assert db.count("failures") == before and db.count("articles") == n_articles


def test_bad_input_clean_folder_exits_0(tmp_path):
    folder = good_folder(tmp_path / "in")
    code, output = cli_run(folder.root, tmp_path / "out", "--no-corpus")
    assert code == 0, output
    assert "failed 0" in flat(output)
    with Store(tmp_path / "out" / "presswatch.duckdb", read_only=True) as db:
        assert db.count("articles") == len(folder.good) and db.count("failures") == 0


@pytest.mark.slow
def test_bad_input_subprocess_with_corpus_layer(tmp_path):
    """The installed entry point, corpus layer included, on the bad folder and then on a clean one."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", **WIDE)
    base = [sys.executable, "-m", "presswatch.cli", "analyze", "--max-bytes", str(MAX_BYTES), "--workers", "1",
            "-q", *stage_flags()]
    folder = bad_folder(tmp_path / "bad")
    proc = subprocess.run([*base, str(folder.root), "--out", str(tmp_path / "out")],
                          env=env, capture_output=True, text=True, timeout=400)
    assert proc.returncode == 1, proc.stderr[-3000:]
    output = flat(proc.stdout)
    for bad in folder.bad:
        assert f" {folder.path(bad.name)} ({bad.stage}): " in output, f"{bad.name} is not in the closing summary"
    assert "(corpus)" not in output, "the corpus layer failed on the bad folder"
    with Store(tmp_path / "out" / "presswatch.duckdb", read_only=True) as db:
        stored = {a.source_path for a in db.iter_articles()}
        assert {folder.path(n) for n in folder.good} <= stored
        assert {r[0] for r in db.con.execute("SELECT source_path FROM failures").fetchall()} == {
            folder.path(b.name) for b in folder.bad
        }

    clean = good_folder(tmp_path / "clean")
    proc = subprocess.run([*base, str(clean.root), "--out", str(tmp_path / "clean_out")],
                          env=env, capture_output=True, text=True, timeout=400)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_bad_input_size_limit_is_documented_in_the_help():
    from presswatch.options import DEFAULT_MAX_BYTES

    output = flat(CliRunner(env=WIDE).invoke(cli, ["analyze", "--help"]).output)
    assert "--max-bytes" in output
    assert f"(default: {DEFAULT_MAX_BYTES // (1 << 20)} MB)" in output


def test_bad_input_fixed_input_leaves_the_failures_table(tmp_path):
    from presswatch import analyze

    folder = good_folder(tmp_path / "in", n=1)
    broken = folder.root / "later.txt"
    broken.write_bytes(b"")
    run = dict(out=tmp_path / "out", stages=("nlp.spacy.v1",), corpus=False, workers=1)
    assert [f.reason for f in analyze([folder.root], **run).summary.failures] == ["empty file"]
    broken.write_text("Tram fares rise\n\nThe council said on Tuesday that tram fares would rise in June.\n")
    assert analyze([folder.root], **run).summary.ok
    with Store(tmp_path / "out" / "presswatch.duckdb", read_only=True) as db:
        assert any(a.source_path == str(broken) for a in db.iter_articles())
        assert db.count("failures") == 0


def test_bad_input_summary_lines_stay_whole_when_piped(tmp_path):
    folder = tmp_path / "a folder with a rather long name for the inputs of this run"
    folder.mkdir()
    (folder / "an empty file whose name is long as well.txt").write_bytes(b"")
    (folder / "feed.jsonl").write_text('{"headline": "no text", "tags": ["a", "b"], "section": "world news"}\n')
    env = {k: None for k in ("COLUMNS", "LINES")}  # as in a pipe: rich falls back to 80 columns
    result = CliRunner(env=env).invoke(cli, ["analyze", str(folder), "--out", str(tmp_path / "out"), "-q",
                                             "--workers", "1", "--stages", "nlp.spacy.v1", "--no-corpus"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    for path, reason in [(folder / "an empty file whose name is long as well.txt", "empty file"),
                         (f"{folder / 'feed.jsonl'}#1", "(keys: headline, section, tags)")]:
        assert any(f"{path} (ingest): " in line and line.rstrip().endswith(reason) for line in lines), result.output
