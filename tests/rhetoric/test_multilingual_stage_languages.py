"""The rhetoric stage on our own messy French and German articles (the multilingual bundle), and on a
Spanish one, which no model covers and which is marked unsupported instead of looking technique-free."""

from __future__ import annotations

from pathlib import Path

import pytest

from presswatch.model import Article, paragraph_offsets
from presswatch.rhetoric.resources import FRAMES, GENRES, TECHNIQUES

FIXTURES = Path(__file__).parent / "fixtures" / "multilingual"


def article(name: str, language: str) -> Article:
    """A fixture file as the clean stage leaves it: title line apart, paragraphs separated by blank lines."""
    title, _, body = (FIXTURES / name).read_text(encoding="utf-8").partition("\n")
    text = "\n\n".join(l.strip() for l in body.split("\n") if l.strip())
    a = Article.create("<test>", text, title=title.strip(), paragraphs=paragraph_offsets(text))
    a.language = language
    return a


@pytest.fixture(scope="module")
def stage():
    from presswatch.options import Options
    from presswatch.rhetoric.stage import make_stage

    return make_stage(Options.build())


@pytest.mark.parametrize("name,language", [("article910000001.txt", "fr"), ("article910000002.txt", "de")])
def test_multilingual_stage_marks_techniques_on_paragraphs(stage, name, language):
    a = article(name, language)
    stage([a])
    techniques = a.layer("technique")
    assert techniques, f"an openly loaded {language} article should carry at least one technique"
    for t in techniques:
        assert t.label in TECHNIQUES and 0.0 <= t.score <= 1.0
        # no span tagger for these languages: the technique covers its whole paragraph
        assert (t.start, t.end) == a.paragraphs[t.attrs["paragraph"]] and t.attrs["trigger"] is None
    loaded = a.text.index("C'est une honte" if language == "fr" else "Ein Skandal")
    assert any(t.start <= loaded < t.end for t in techniques), "the insulting closing paragraph carries a technique"
    genre = a.layer("genre")
    assert len(genre) == 1 and genre[0].label in GENRES
    assert all(f.label in FRAMES for f in a.layer("frame"))
    assert not a.unsupported


def test_multilingual_stage_marks_uncovered_language_unsupported(stage):
    a = article("article910000003.txt", "es")
    stage([a])
    assert a.annotations == []
    assert set(a.unsupported) == {"technique", "genre", "frame"}
    assert "Spanish" in a.unsupported["technique"]


def test_multilingual_stage_runs_english_and_french_in_one_batch(stage):
    en = Article.create("<test>", "This disgraceful betrayal of every hard-working family must stop now!", title=None)
    en.language = "en"
    fr = article("article910000001.txt", "fr")
    stage([en, fr])
    assert en.layer("genre") and fr.layer("genre") and fr.layer("technique")


def test_multilingual_languages_table_names_the_bundles_languages():
    from presswatch.nlp import languages
    from presswatch.rhetoric.multilingual import LANGUAGES

    for layer in ("technique", "genre", "frame"):
        assert languages.LAYER_LANGUAGES[layer] == {"en", *LANGUAGES}


def test_multilingual_missing_bundle_fails_with_instructions(tmp_path):
    from presswatch.rhetoric.models import ModelsMissing
    from presswatch.rhetoric.multilingual import load_multilingual

    with pytest.raises(ModelsMissing, match="train_multilingual"):
        load_multilingual(tmp_path)
