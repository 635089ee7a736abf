"""Claim conflicts across languages: a Russian and an English article counting the same thing
(the mobilisation, the soldiers killed) are compared through the language-neutral key (kind,
subject, side, place), so a different figure for the same event is a conflict and the same figure
a corroboration. Our own pair of articles, in the seeds' shapes, run through the real nlp and
extract stages (tests/corpus/fixtures/cross_language/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from presswatch.corpus.claims import claim_records, find_claim_groups
from presswatch.extract.claims import ClaimStage, plain_kind, plain_places, plain_subject
from presswatch.extract.entities import EntityStage
from presswatch.extract.quotes import QuoteStage
from presswatch.model import Article
from presswatch.nlp.stage import NlpStage

FIXTURES = Path(__file__).parent / "fixtures" / "cross_language"


def _analysed(nlp, *specs: tuple[str, str]) -> list[Article]:
    articles = [Article.create(name, (FIXTURES / name).read_text(encoding="utf-8"), published=when)
                for name, when in specs]
    NlpStage(nlp=nlp)(articles)
    for stage in (EntityStage(), QuoteStage(), ClaimStage()):
        stage(articles)
    return articles


@pytest.fixture(scope="module")
def pair(nlp):
    return _analysed(nlp, ("en_wire.txt", "2022-09-21T18:40:00"), ("ru_report.txt", "2022-09-22T11:20:00"))


def _groups(articles, story):
    return find_claim_groups([c for a in articles for c in claim_records(a, story=story)])


def _summary(groups):
    return {(g.kind, g.topic, tuple(sorted(c.value for c in g.claims))) for g in groups}


def test_claims_cross_language_russian_claims_get_the_english_key(pair):
    _, ru = pair
    recs = {c.text: c for c in claim_records(ru)}
    assert (recs["1,2 млн"].kind, recs["1,2 млн"].subject) == ("mobilised", "soldiers")
    toll = recs["55 тысяч"]
    assert (toll.kind, toll.subject, toll.qualifier, toll.modifier) == ("killed", "soldiers", "russian", "more than")
    assert "300 000" in recs and recs["300 000"].kind == "mobilised"
    assert all(c.unit != "рублей" for c in recs.values())  # "до 300 000 рублей": money, never a head count


@pytest.mark.parametrize("story", ["mobilisation", None])  # one story, or only the place both sentences name
def test_claims_cross_language_different_figures_for_one_event_conflict(pair, story):
    found = _summary(_groups(pair, story))
    assert ("conflict", "Russian soldiers killed", (5937.0, 55000.0)) in found
    assert ("conflict", "Russian soldiers mobilised", (300000.0, 1200000.0)) in found
    assert ("corroboration", "Russian soldiers mobilised", (300000.0, 300000.0)) in found


def test_claims_cross_language_no_shared_story_or_place_is_no_conflict(nlp, pair):
    en, _ = pair
    [other] = _analysed(nlp, ("ru_other_event.txt", "2022-09-22T09:00:00"))
    groups = _groups([en, other], None)
    assert not [g for g in groups if g.kind == "conflict"]
    # ... and the same pair, told to be one story, is one
    assert [g for g in _groups([en, other], "one") if g.kind == "conflict"]


@pytest.mark.parametrize(
    "lang,predicate,unit,kind,subject",
    [
        ("ru", "мобилизованы", "человек", "mobilised", "people"),  # (claim_records then forces soldiers)
        ("uk", "загинули", "військових", "killed", "soldiers"),
        ("de", "festgenommen", "menschen", "detained", "people"),
        ("fr", "tués", "civils", "killed", "civilians"),
        ("pl", "zatrzymano", "osób", "detained", "people"),
        ("it", "feriti", None, "wounded", "people"),
        ("pt", "fugiram", "pessoas", "fled", "people"),
        ("bg", "мобилизира", "резервисти", "mobilised", "soldiers"),
    ],
)
def test_claims_cross_language_key_table_per_language(lang, predicate, unit, kind, subject):
    got = plain_kind(predicate, unit, "", 0, lang)
    assert got == kind
    assert plain_subject(unit, got, lang) == subject


def test_claims_cross_language_places_by_their_english_names():
    assert plain_places("В России и на Украине") == {"russia", "ukraine"}
    assert plain_places("российских военных") == frozenset()  # an adjective, not the place
    assert plain_places("Die Grenze nach Finnland bei Moskau") == {"finland", "moscow"}


def test_claims_cross_language_a_supposed_figure_is_never_compared(nlp, pair):
    en, _ = pair
    [ru] = _analysed(nlp, ("ru_hypothetical.txt", "2022-09-22T10:00:00"))
    assert [c.text for c in claim_records(ru)] == ["300 000"]  # "если призовут 1 млн человек" is left out
    groups = _groups([en, ru], "mobilisation")
    assert not [g for g in groups if g.kind == "conflict"]
