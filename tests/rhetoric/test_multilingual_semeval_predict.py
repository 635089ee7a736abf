"""`presswatch semeval predict` on a folder of French and German articles (our own, in the shared-task
file shape): each article gets the model of its language, detected or given, and `semeval score` reads it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from presswatch.rhetoric.resources import FRAMES, GENRES, TECHNIQUES
from presswatch.rhetoric.semeval_cli import article_languages, semeval

FIXTURES = Path(__file__).parent / "fixtures" / "multilingual"
IDS = ("910000001", "910000002")  # fr, de


@pytest.fixture()
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for aid in IDS:
        shutil.copy(FIXTURES / f"article{aid}.txt", folder)
    return folder


def run(*args):
    result = CliRunner().invoke(semeval, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_multilingual_predict_detects_each_articles_language(articles):
    texts = {aid: (articles / f"article{aid}.txt").read_text(encoding="utf-8") for aid in IDS}
    assert article_languages(texts, None) == {"910000001": "fr", "910000002": "de"}
    assert article_languages(texts, "po") == {"910000001": "pl", "910000002": "pl"}


def test_multilingual_predict_st3_follows_template_and_scores(articles, tmp_path):
    template, gold = tmp_path / "t.template", tmp_path / "gold.txt"
    rows = []
    for aid in IDS:
        for n, line in enumerate((articles / f"article{aid}.txt").read_text(encoding="utf-8").split("\n"), 1):
            if line.strip():
                rows.append((aid, n, line))
    template.write_text("".join(f"{a}\t{n}\t{l}\n" for a, n, l in rows), encoding="utf-8")
    # a gold file of our own: the last (insulting) paragraph of each article is Loaded_Language
    last = {aid: max(n for a, n, l in rows if a == aid and len(l) > 80) for aid in IDS}
    gold.write_text("".join(f"{a}\t{n}\t{'Loaded_Language' if n == last[a] else ''}\n" for a, n, _ in rows), encoding="utf-8")
    out = tmp_path / "st3.txt"
    run("predict", "2023-st3", "--articles", str(articles), "--template", str(template), "--out", str(out))
    pred = [l.split("\t") for l in out.read_text(encoding="utf-8").splitlines()]
    assert [(r[0], int(r[1])) for r in pred] == [(a, n) for a, n, _ in rows]
    assert all(t in TECHNIQUES for r in pred for t in r[2].split(",") if t)
    assert any(r[2] for r in pred), "loaded paragraphs should get some technique"
    score = json.loads(run("score", "2023-st3", "--gold", str(gold), "--pred", str(out)).output)
    assert score["task"] == "2023-st3" and 0.0 <= score["f1"] <= 1.0


def test_multilingual_predict_article_level_with_language_option(articles, tmp_path):
    out = tmp_path / "st1.txt"
    run("predict", "2023-st1", "--articles", str(articles), "--out", str(out))
    lines = [l.split("\t") for l in out.read_text(encoding="utf-8").splitlines()]
    assert [l[0] for l in lines] == list(IDS) and all(l[1] in GENRES for l in lines)
    run("predict", "2023-st2", "--articles", str(articles), "--language", "auto", "--out", str(out))
    for line in out.read_text(encoding="utf-8").splitlines():
        aid, _, frames = line.partition("\t")
        assert aid in IDS and all(f in FRAMES for f in frames.split(",") if f)
    # --language ge: both articles through the German model, still valid lines
    run("predict", "2023-st2", "--articles", str(articles), "--language", "ge", "--out", str(out))
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
