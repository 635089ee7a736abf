"""The rhetoric stage on our own sample text: technique spans, genre and frames with valid labels."""

from __future__ import annotations

import time

import numpy as np
import pytest

from presswatch.model import Article
from presswatch.rhetoric.models import ModelsMissing, load_models
from presswatch.rhetoric.resources import FRAMES, GENRES, TECHNIQUES

TEXT = (
    "The so-called reform is nothing but a disgraceful betrayal of every hard-working family in this country.\n\n"
    "Critics warn that if the bill passes, thousands of jobs will vanish overnight and our towns will be destroyed.\n\n"
    "The finance minister said on Tuesday that the budget would rise by 3 percent next year.\n\n"
    "Patriots must stand together. Enough is enough! Stop the reckless spending now."
)


def test_stage_missing_models_fail_with_instructions(tmp_path):
    with pytest.raises(ModelsMissing, match="make models"):
        load_models(tmp_path)


@pytest.fixture(scope="module")
def stage():
    from presswatch.options import Options
    from presswatch.rhetoric.stage import make_stage

    return make_stage(Options.build())


def test_stage_adds_valid_annotations(stage):
    article = Article.create("<test>", TEXT, title="A reckless budget")
    article.language = "en"
    stage([article])
    techniques = article.layer("technique")
    assert techniques, "an openly loaded text should carry at least one technique"
    for a in techniques:
        assert a.label in TECHNIQUES
        assert 0 <= a.start < a.end <= len(TEXT)
        s, e = article.paragraphs[a.attrs["paragraph"]]
        assert s <= a.start and a.end <= e
        assert 0.0 <= a.score <= 1.0
        if a.attrs["trigger"] is not None:
            assert a.attrs["trigger"] == TEXT[a.start : a.end]
    genre = article.layer("genre")
    assert len(genre) == 1 and genre[0].label in GENRES and genre[0].start is None
    assert all(f.label in FRAMES and f.start is None for f in article.layer("frame"))


def test_stage_skips_languages_without_models(stage):
    # German and the other languages of the multilingual bundle are covered: tests/rhetoric/test_multilingual_stage_languages.py
    article = Article.create("<test>", "La reforma es una traición a todas las familias.", title=None)
    article.language = "es"
    stage([article])
    assert article.annotations == []
    assert set(article.unsupported) == {"technique", "genre", "frame"}


def test_stage_is_fast_on_an_800_word_article(stage):
    paragraph = " ".join(["The council voted again on the plan that critics call a shameful waste of public money."] * 5)
    text = "\n\n".join([paragraph] * 10)  # about 800 words in 10 paragraphs
    article = Article.create("<test>", text)
    article.language = "en"
    stage([article])  # warm-up: the encoder loads on first use
    article.annotations.clear()
    t = time.perf_counter()
    stage([article])
    # well under a second on one free core; generous here because CI cores are shared
    assert time.perf_counter() - t < 3.0


def test_stage_batch_of_articles_gives_what_each_article_gives_alone(stage):
    """Batching (one embedding pass, one classifier pass for the batch) changes no result."""
    from presswatch.model import paragraph_offsets
    from presswatch.rhetoric.stage import find_rhetoric, find_rhetoric_batch

    texts = [TEXT, TEXT.split("\n\n", 1)[1], "Officials said the road reopened on Monday after repairs."]
    items = [(t, paragraph_offsets(t), title) for t, title in zip(texts, ["A reckless budget", None, "Road open"])]
    together = find_rhetoric_batch(stage.models, items)
    assert len(together) == 3
    for item, got in zip(items, together):
        hits, genre, frames = find_rhetoric(stage.models, *item)
        assert [(h.label, h.start, h.end, h.trigger) for h in got[0]] == [(h.label, h.start, h.end, h.trigger) for h in hits]
        assert [round(h.score, 5) for h in got[0]] == [round(h.score, 5) for h in hits]
        assert got[1][0] == genre[0] and abs(got[1][1] - genre[1]) < 1e-5
        assert [f for f, _ in got[2]] == [f for f, _ in frames]
    assert find_rhetoric_batch(stage.models, []) == []


def test_stage_one_fragment_gets_one_technique_unless_the_evidence_is_strong():
    from presswatch.rhetoric.stage import STRONG_FIT, pick_triggers

    col = {"A": 0, "B": 1, "C": 2}
    tagger_p = np.array([0.9, 0.5])
    # fragment 0 fits A and B moderately, fragment 1 fits B a little: B moves to fragment 1
    C = np.array([[0.6, 0.4, 0.0], [0.1, 0.3, 0.0]])
    assert pick_triggers(["A", "B"], C, tagger_p, col) == [0, 1]
    # strong evidence for B on fragment 0 keeps both there
    C = np.array([[0.6, STRONG_FIT + 0.1, 0.0], [0.1, 0.3, 0.0]])
    assert pick_triggers(["A", "B"], C, tagger_p, col) == [0, 0]


def test_stage_a_technique_no_fragment_fits_goes_to_the_paragraph():
    from presswatch.rhetoric.stage import MIN_FIT, pick_triggers

    C = np.array([[MIN_FIT / 2, 0.9]])
    assert pick_triggers(["A", "B"], C, np.array([0.8]), {"A": 0, "B": 1}) == [None, 0]
    assert pick_triggers(["A"], np.zeros((0, 2)), np.zeros(0), {"A": 0, "B": 1}) == [None]
