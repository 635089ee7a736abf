"""The shift-aware protocol: folds are topic clusters, whole articles and whole topics in one fold."""

from __future__ import annotations

import numpy as np

from presswatch.rhetoric.evaluate import fold_numbers, topic_folds

TOPICS = {
    "war": "Troops shelled the city as artillery units advanced; the army reported drone strikes near the front line.",
    "vaccine": "The vaccine trial enrolled patients; doctors measured antibodies and hospitals reported fewer infections.",
    "election": "Voters queued at polling stations; the ballot count showed the senator ahead in the election results.",
}


def _articles() -> dict[str, str]:
    out = {}
    for topic, text in TOPICS.items():
        for i in range(6):
            out[f"{topic}-{i}"] = f"Story {i}. {text} Update {i}: {text.split(';')[0]}."
    return out


def test_evaluate_topic_folds_put_each_topic_in_its_own_fold():
    folds = topic_folds(_articles(), k=3)
    by_topic = {t: {folds[a] for a in folds if a.startswith(t)} for t in TOPICS}
    assert all(len(f) == 1 for f in by_topic.values()), by_topic
    assert len({next(iter(f)) for f in by_topic.values()}) == 3


def test_evaluate_topic_folds_are_reproducible():
    assert topic_folds(_articles(), k=3) == topic_folds(_articles(), k=3)


def test_evaluate_fold_numbers_follow_the_article_of_each_row():
    topics = {"a": 2, "b": 0}
    assert list(fold_numbers(["a", "b", "a"], 3, topics)) == [2, 0, 2]
    by_article = fold_numbers(["a", "b", "a"], 3)
    assert by_article[0] == by_article[2] and isinstance(by_article, np.ndarray)
