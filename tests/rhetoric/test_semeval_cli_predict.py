"""`presswatch semeval predict` writes every task's submission format from our own sample articles."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from presswatch.rhetoric.resources import FRAMES, GENRES, TECHNIQUES, TECHNIQUES_2020
from presswatch.rhetoric.semeval_cli import semeval

ARTICLE = (
    "Reckless ministers gamble away the harbour fund\n"
    "\n"
    "The harbour board said on Monday that 40 million had been moved to a new account.\n"
    "This shameful theft from working families must stop, and every honest citizen knows it.\n"
    "Either we fight back now or we lose our town forever.\n"
)


@pytest.fixture()
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "article900000001.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def run(*args):
    result = CliRunner().invoke(semeval, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_semeval_cli_predict_article_level(articles, tmp_path):
    out = tmp_path / "st1.txt"
    run("predict", "2023-st1", "--articles", str(articles), "--out", str(out))
    aid, genre = out.read_text().strip().split("\t")
    assert aid == "900000001" and genre in GENRES
    run("predict", "2023-st2", "--articles", str(articles), "--out", str(out))
    aid, _, frames = out.read_text().strip("\n").partition("\t")
    assert aid == "900000001" and all(f in FRAMES for f in frames.split(",") if f)


def test_semeval_cli_predict_st3_follows_template(articles, tmp_path):
    template = tmp_path / "t.template"
    lines = ARTICLE.split("\n")
    template.write_text("".join(f"900000001\t{n}\t{lines[n - 1]}\n" for n in (1, 3, 4, 5)), encoding="utf-8")
    out = tmp_path / "st3.txt"
    run("predict", "2023-st3", "--articles", str(articles), "--template", str(template), "--out", str(out))
    rows = [l.split("\t") for l in out.read_text().splitlines()]
    assert [r[1] for r in rows] == ["1", "3", "4", "5"]
    assert all(t in TECHNIQUES for r in rows for t in r[2].split(",") if t)


def test_semeval_cli_predict_2020_spans(articles, tmp_path):
    out = tmp_path / "si.txt"
    run("predict", "2020-si", "--articles", str(articles), "--out", str(out))
    for line in out.read_text().splitlines():
        aid, s, e = line.split("\t")
        assert aid == "900000001" and 0 <= int(s) < int(e) <= len(ARTICLE)
    start = ARTICLE.index("shameful theft")
    template = tmp_path / "tc.template"
    # the same span listed twice must get two different techniques
    template.write_text(f"900000001\t?\t{start}\t{start + 14}\n" * 2 + f"900000001\t?\t{ARTICLE.index('Either')}\t{len(ARTICLE) - 1}\n")
    run("predict", "2020-tc", "--articles", str(articles), "--template", str(template), "--out", str(out))
    rows = [l.split("\t") for l in out.read_text().splitlines()]
    assert len(rows) == 3 and all(r[1] in TECHNIQUES_2020 for r in rows)
    assert rows[0][1] != rows[1][1]
    assert rows[0][2:] == [str(start), str(start + 14)]


def test_semeval_cli_tc_needs_template(articles, tmp_path):
    result = CliRunner().invoke(semeval, ["predict", "2020-tc", "--articles", str(articles), "--out", str(tmp_path / "x")])
    assert result.exit_code != 0 and "--template" in result.output
