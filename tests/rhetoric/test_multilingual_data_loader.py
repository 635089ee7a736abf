"""The SemEval-2023 multilingual train data reads like the English set, one language at a time."""

from __future__ import annotations

import pytest

from presswatch.rhetoric.data import load_semeval2023_multilingual
from presswatch.rhetoric.resources import FRAMES, GENRES, TECHNIQUES


@pytest.mark.parametrize("code,folder", [("de", "ge"), ("pl", "po")])
def test_multilingual_loader_takes_iso_code_or_folder_name(code, folder):
    by_code, by_folder = load_semeval2023_multilingual(code), load_semeval2023_multilingual(folder)
    assert len(by_code.paragraphs) == len(by_folder.paragraphs) > 1000
    assert set(by_code.articles) == set(by_folder.articles)


def test_multilingual_loader_paragraphs_are_the_template_lines():
    d = load_semeval2023_multilingual("fr")
    # the README's counts: 158 articles, 2,259 paragraph label lines
    assert len(d.articles) == 158 and len(d.paragraphs) == 2259
    first = next(p for p in d.paragraphs if p.article_id == "2310" and p.line == 1)
    assert first.text.rstrip("\r") == "Macron et l’écologie, la grande parade"  # the files have CRLF lines
    for p in d.paragraphs[:200]:
        assert d.articles[p.article_id][p.start : p.end] == p.text
    assert set().union(*(p.labels for p in d.paragraphs)) <= set(TECHNIQUES)
    assert set(d.genre.values()) <= set(GENRES) and all(f <= set(FRAMES) for f in d.frames.values())
    assert all(d.articles[s.article_id][s.start : s.end] for s in d.spans[:100])


def test_multilingual_loader_rejects_language_without_data():
    with pytest.raises(ValueError, match="no SemEval-2023 train data"):
        load_semeval2023_multilingual("es")
