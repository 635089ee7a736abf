"""End to end over the five seed articles: ingest → clean, no per-article stages.

Expectations are read from the seeds at test time; the repository holds only the short
phrases needed to locate lines in them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import presswatch
from presswatch.clean.encoding import repair_text
from presswatch.model import Article, paragraph_offsets

# seed number -> phrase that starts its footer (None: the page has none)
TAIL_STARTS = {
    "000": "read more from",
    "001": "READ MORE:",
    "002": "Ukraine: Volodymyr Zelensky calls on Russians to protest Putin's plans",
    "003": None,
    "004": "read more from",
}


@pytest.fixture(scope="module")
def articles(seeds_dir, tmp_path_factory) -> dict[str, Article]:
    out = tmp_path_factory.mktemp("seeds_out")
    result = presswatch.analyze(seeds_dir, out=out, stages=(), corpus=False)
    assert result.summary.failed == 0, result.summary.failures
    by_seed = {Path(a.source_path).name[:3]: a for a in result.articles}
    assert sorted(by_seed) == sorted(TAIL_STARTS)
    # the written contract carries the same articles
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(by_seed)
    return by_seed


def seed_lines(seeds_dir: Path, seed: str) -> list[str]:
    (path,) = seeds_dir.glob(f"{seed}_*.txt")
    text = repair_text(path.read_text(encoding="utf-8"))
    return [" ".join(line.replace("•", " ").split()) for line in text.splitlines() if line.strip()]


def body_lines(seeds_dir: Path, seed: str) -> list[str]:
    """The seed's lines after the title and before its footer: the article as printed."""
    lines = seed_lines(seeds_dir, seed)[1:]
    tail = TAIL_STARTS[seed]
    if tail:
        lines = lines[: next(i for i, line in enumerate(lines) if line.startswith(tail))]
    return [line for line in lines if not line.endswith("trends now")]


@pytest.mark.parametrize("seed", sorted(TAIL_STARTS))
def test_e2e_seeds_no_article_line_lost_and_captions_once(articles, seeds_dir, seed):
    a = articles[seed]
    paras = a.text.split("\n\n")
    assert a.paragraphs == paragraph_offsets(a.text)
    for line in body_lines(seeds_dir, seed):
        assert line in paras, line
    # a caption printed twice in a row is kept once
    for prev, cur in zip(paras, paras[1:]):
        assert prev != cur


@pytest.mark.parametrize("seed", sorted(TAIL_STARTS))
def test_e2e_seeds_nothing_lost_and_no_chrome_left(articles, seeds_dir, seed):
    a = articles[seed]
    kept = [a.title or "", a.text] + [r.text for r in a.removed]
    for line in seed_lines(seeds_dir, seed):
        for word in line.split():
            assert any(word in k for k in kept), word
    assert "trends now" not in a.text
    assert not re.search(r"^(?:PREV|NEXT) |read more from", a.text, re.M)
    for bad in ("‚Ä", "¬†", "\u00a0", "‚Ķ"):
        assert bad not in a.text and bad not in (a.title or "")
    assert all(r.reason for r in a.removed)
    footer = set(seed_lines(seeds_dir, seed)[1:]) - set(body_lines(seeds_dir, seed)) - {a.title}
    removed = {r.text for r in a.removed}
    for line in footer:
        assert line not in a.text.split("\n\n") and line in removed, line


def test_e2e_seeds_titles_without_banner_parts(articles):
    t0 = articles["000"].title
    assert t0.startswith("Putin squirms in his seat as Lukashenko rants about men 'running away' from")
    t4 = articles["004"].title
    assert t4.startswith("Russians flee to Georgia to escape Putin's conscription order as troops arrest")
    for t in (t0, t4):
        assert "trends now" not in t and not t[0].isdigit() and not t.startswith(("Tuesday", "Sunday"))
    assert articles["001"].title.startswith("Lukashenko mobilising troops could spell disaster for Putin – ")
    assert articles["002"].title.startswith("Volodymyr Zelensky calls on Russians to protest")
    assert articles["003"].title.startswith("After the meeting with Putin in Sochi.")


def test_e2e_seeds_dates_and_outlets_from_chrome(articles):
    assert articles["000"].published.startswith("2022-09-27T09:35")
    assert articles["004"].published.startswith("2022-09-25T20:32")
    assert articles["001"].published is None and articles["003"].published is None
    assert articles["000"].outlet == articles["002"].outlet == articles["004"].outlet == "Daily Mail"


def test_e2e_seeds_footers_go_to_removed_with_reasons(articles):
    removed1 = {r.text: r.reason for r in articles["001"].removed}
    assert removed1["Leave a Reply"] == "chrome:comments"
    assert removed1["Previous Story"] == "chrome:prev-next"
    assert removed1["withemes on instagram"] == "chrome:social"
    assert any(t.startswith("READ MORE:") and r == "chrome:related" for t, r in removed1.items())
    for gone in ("Leave a Reply", "Your email address", "Latest from Blog", "READ MORE"):
        assert gone not in articles["001"].text

    removed2 = {r.text: r.reason for r in articles["002"].removed}
    assert removed2["We are no longer accepting comments on this article."] == "chrome:comments"
    assert removed2["The comments below have not been moderated."] == "chrome:comments"
    for gone in ("View all", "comments below", "views expressed", "accepting comments"):
        assert gone not in articles["002"].text


def test_e2e_seeds_mojibake_repaired_and_subheadings_kept(articles):
    t2 = articles["002"].text
    assert "before the war — have distanced" in t2
    assert "started the mobilisation of 300,000" in t2
    paras2 = t2.split("\n\n")
    assert any(p.startswith("Putin's attack dog Sergei Lavrov STORMS OUT") for p in paras2)
    assert any(p.startswith("Zelensky cited '55,000 Russian soldiers dying'") for p in paras2)
    assert "Lukashenko himself feels insecure, and we can see that" in articles["003"].text.split("\n\n")
    assert "Führer" in articles["003"].text
    t1 = articles["001"].text
    assert "Putin’s army" in t1 and "“advanced”" in t1


@pytest.mark.parametrize("seed", sorted(TAIL_STARTS))
def test_e2e_seeds_cleaning_twice_equals_cleaning_once(articles, seed):
    from presswatch.clean import clean_record
    from presswatch.model import RawRecord

    a = articles[seed]
    again = clean_record(RawRecord("again.txt", f"{a.title}\n\n{a.text}", "text"))
    assert (again.title, again.text, again.removed) == (a.title, a.text, [])
