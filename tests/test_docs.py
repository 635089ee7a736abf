"""The docs are checked by tests: the CLI reference is generated and must not drift, the API page is complete."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import presswatch

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _python_blocks(page: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", (DOCS / page).read_text(encoding="utf-8"), flags=re.S)


def test_docs_cli_reference_matches_the_cli():
    from presswatch.interop.clidoc import render

    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    fresh = render()
    if current != fresh:
        import difflib

        diff = "\n".join(list(difflib.unified_diff(current.splitlines(), fresh.splitlines(), lineterm=""))[:40])
        pytest.fail("docs/cli.md is out of date with the CLI: run `.venv/bin/python docs/gen_cli.py` and commit it\n" + diff)


def test_docs_cli_reference_names_every_command():
    from click.testing import CliRunner

    from presswatch.cli import cli

    listing = CliRunner().invoke(cli, ["--help"]).output
    commands = re.findall(r"^  ([a-z][a-z-]+) ", listing.split("Commands:")[1], flags=re.M)
    assert {"analyze", "show", "export", "import-labels", "report"} <= set(commands)
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in commands:
        assert f"## `presswatch {name}`" in text, name


def test_docs_pages_exist_and_link_each_other():
    for page in ("getting-started.md", "cli.md", "data-model.md", "python-api.md"):
        assert (DOCS / page).is_file(), page
    start = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    assert "make demo" in start and "make test" in start
    for link in re.findall(r"\]\(([a-z-]+\.md)\)", start):
        assert (DOCS / link).is_file(), link


def test_docs_python_api_documents_every_public_helper():
    page = (DOCS / "python-api.md").read_text(encoding="utf-8")
    methods = [n for n, _ in inspect.getmembers(presswatch.Database, inspect.isfunction) if not n.startswith("_")]
    missing = [m for m in methods if m not in ("close", "has_table") and f"{m}(" not in page]
    assert not missing, f"undocumented in docs/python-api.md: {missing}"
    for name in ("analyze", "open"):
        assert f"presswatch.{name}(" in page


def test_docs_data_model_names_every_article_field():
    page = (DOCS / "data-model.md").read_text(encoding="utf-8")
    fields = presswatch.Article.create("<t>", "x").to_dict().keys() - {"schema_version"}
    for field in fields:
        assert f"`{field}`" in page, field


def test_docs_python_examples_run(tmp_path, monkeypatch, nlp):
    """Run the python-api.md examples in order against a real database; calls to analyze are only
    compiled (they need every trained layer), the query, export and report examples all run."""
    from tests.interop.conftest import build_db

    (tmp_path / "out").mkdir()
    build_db(tmp_path / "out" / "presswatch.duckdb")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    ran = 0
    for block in _python_blocks("python-api.md") + _python_blocks("getting-started.md"):
        code = compile(block, "docs", "exec")
        if "presswatch.analyze(" in block or "myrun/" in block:
            continue
        exec(code, namespace)  # noqa: S102 - our own documentation
        ran += 1
    assert ran >= 4
    assert (tmp_path / "out" / "parquet" / "annotations.parquet").is_file()
    assert (tmp_path / "out" / "report.html").is_file()
    assert (tmp_path / "out" / "corpus.spacy").is_file()
