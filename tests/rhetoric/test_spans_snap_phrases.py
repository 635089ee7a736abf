"""Span snapping: tagged runs become whole phrases, not fragments cut at function words."""

from __future__ import annotations

import numpy as np

from presswatch.rhetoric.spans import snap_to_phrase, tokenize


def _snap(text: str, marked: str, p_of: dict[str, float], threshold: float = 0.2) -> str:
    toks = tokenize(text)
    p = np.array([p_of.get(t.text, 0.0) for t in toks])
    s = text.index(marked)
    start, end, _ = snap_to_phrase(text, toks, p, s, s + len(marked), threshold)
    return text[start:end]


def test_spans_snap_cuts_function_words_from_the_edges():
    text = "The invasion of Russian troops went on."
    assert _snap(text, "of Russian", {"of": 0.3, "Russian": 0.3}) == "Russian"
    text = "They share neither our values nor our history."
    assert _snap(text, "values nor our", {"values": 0.4}) == "values"


def test_spans_snap_grows_over_joined_content_words_the_tagger_half_believes():
    text = "He called him Putin's attack dog, again."
    assert _snap(text, "attack dog", {"Putin's": 0.15, "attack": 0.5, "dog": 0.5}) == "Putin's attack dog"
    # a word the tagger does not believe at all is not taken in
    assert _snap(text, "attack dog", {"attack": 0.5, "dog": 0.5}) == "attack dog"


def test_spans_snap_does_not_grow_across_punctuation():
    text = "Deranged, despot rules."
    assert _snap(text, "despot", {"Deranged": 0.9, "despot": 0.9}) == "despot"


def test_spans_snap_drops_a_run_of_function_words_only():
    toks = tokenize("and of the")
    assert snap_to_phrase("and of the", toks, np.ones(3), 0, 10, 0.2) == (0, 0, 0.0)


def test_spans_snap_keeps_hyphenated_words_whole():
    text = "A so-called expert spoke."
    assert _snap(text, "called expert", {"called": 0.5, "expert": 0.5}) == "so-called expert"


def test_spans_snap_leaves_closing_quotes_and_stops_out():
    text = "It was a 'failure'. Nothing more."
    assert _snap(text, "failure'.", {"failure": 0.5}) == "failure"
