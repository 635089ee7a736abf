"""The shared-task readers find the documented train counts and offsets that point at the labelled words."""

from __future__ import annotations

from collections import Counter

from presswatch.rhetoric.data import load_ptc2020, load_semeval2023
from presswatch.rhetoric.resources import FRAMES, GENRES, TECHNIQUES, TECHNIQUES_2020


def test_data_semeval2023_counts_match_readme():
    d = load_semeval2023()
    assert len(d.articles) == 371 and len(d.paragraphs) == 7895 and len(d.spans) == 6136
    assert Counter(d.genre.values()) == {"opinion": 319, "reporting": 30, "satire": 9}
    assert set(d.genre.values()) <= set(GENRES)
    assert {f for fs in d.frames.values() for f in fs} <= set(FRAMES)
    assert {s.label for s in d.spans} <= set(TECHNIQUES)
    assert sum(1 for p in d.paragraphs if p.labels) == 3218
    first = next(s for s in d.spans if s.article_id == "111111111" and s.label == "Doubt")
    assert d.articles["111111111"][first.start : first.end] == "appeared"


def test_data_ptc2020_counts_match_readme():
    d = load_ptc2020()
    assert len(d.articles) == 371 and len(d.tc) == 6128 and len(d.si) == 5468
    assert {s.label for s in d.tc} == set(TECHNIQUES_2020)
