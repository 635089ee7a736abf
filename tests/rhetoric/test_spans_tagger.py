"""The span tagger, the top-k label assignment and the threshold tuning on small hand-made data."""

from __future__ import annotations

import numpy as np
import pytest

from presswatch.rhetoric.classify import best_threshold, group_folds, tune_thresholds
from presswatch.rhetoric.data import line_offsets
from presswatch.rhetoric.spans import SpanTagger, assign_top_k, tokenize


def test_spans_tagger_learns_marked_words():
    texts, spans = [], []
    for i in range(40):
        text = f"Report {i} said the plan was a disgraceful scandal. The vote is on day {i}.\nOfficials met again."
        s = text.index("disgraceful scandal")
        texts.append(text)
        spans.append([(s, s + len("disgraceful scandal"))])
    tagger = SpanTagger(threshold=0.5).fit(texts, spans, C=5.0)
    new = "A minister said the deal was a disgraceful scandal.\nThe vote is on day 9."
    found = [new[s:e] for s, e, _ in tagger.find(new)]
    assert found == ["disgraceful scandal"]


def test_spans_tokenize_offsets_point_into_text():
    text = "Don’t panic: “it’s fine,” he said."
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
    assert "Don’t" in [t.text for t in tokenize(text)]


def test_spans_assign_top_k_gives_repeated_spans_different_labels():
    P = np.array([[0.6, 0.3, 0.1], [0.6, 0.3, 0.1], [0.1, 0.2, 0.7]])
    assert assign_top_k(P, [("a", 0, 5), ("a", 0, 5), ("a", 9, 12)], ["X", "Y", "Z"]) == ["X", "Y", "Z"]


def test_classify_best_threshold_maximises_f1():
    y = np.array([1, 1, 0, 0])
    p = np.array([0.9, 0.6, 0.4, 0.1])
    thr, f1 = best_threshold(y, p)
    assert f1 == pytest.approx(1.0) and 0.4 < thr < 0.6
    assert best_threshold(np.zeros(3), p[:3]) == (1.01, 0.0)


def test_classify_tune_thresholds_switches_off_hopeless_labels():
    rng = np.random.default_rng(0)
    y_good = (rng.random(200) < 0.3).astype(int)
    p_good = np.clip(y_good * 0.6 + rng.random(200) * 0.4, 0, 1)
    y_bad = (rng.random(200) < 0.02).astype(int)
    p_bad = rng.random(200)  # pure noise: any threshold adds mostly false positives
    thr = tune_thresholds(np.c_[y_good, y_bad], np.c_[p_good, p_bad], ["good", "bad"], min_f1=0.3)
    assert thr["good"] < 1.0
    assert thr["bad"] > 1.0


def test_classify_group_folds_keep_articles_together():
    groups = ["a", "a", "b", "c", "c", "d", "e"]
    folds = group_folds(groups, 3)
    for g in set(groups):
        assert len({f for f, gg in zip(folds, groups) if gg == g}) == 1
    assert list(folds) == list(group_folds(groups, 3))


def test_data_line_offsets_match_lines():
    text = "Title\n\nFirst paragraph.\nSecond one"
    offs = line_offsets(text)
    assert [text[s:e] for s, e in offs] == ["Title", "", "First paragraph.", "Second one"]
