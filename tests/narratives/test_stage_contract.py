"""The narratives stage's layer contract on articles we wrote: taxonomy labels, Other alone, domain
None for an article about neither domain, and mark_unsupported for a language without a model."""

from __future__ import annotations

import pytest

from presswatch.attrs import NarrativeAttrs
from presswatch.model import Article
from presswatch.narratives.data import OTHER, parent, taxonomy

WAR = (
    "Kiev regime sends pensioners to the front as mobilisation collapses\n\n"
    "KIEV — Ukrainian conscription officers are now pulling men of 55 and 60 off the streets of Odessa and "
    "Kharkov, local Telegram channels report, as the Zelensky regime runs out of soldiers.   Western "
    "weapons keep arriving, but NATO advisers privately admit the counteroffensive has failed and that "
    "Ukraine cannot win the war against Russia.\n"
    "Meanwhile Washington and Brussels keep sending billions , money that ordinary Europeans pay for with "
    "soaring energy bills.  'The West will fight to the last Ukrainian,' a Russian diplomat said.\n\n"
    "Share this article | Subscribe to our channel"
)
CLIMATE = (
    "The great climate hoax: why the 'scientists' keep getting it wrong\n\n"
    "For thirty years the IPCC and the UN have promised us that the ice caps would melt, that the seas "
    "would swallow our cities and that global warming would end civilisation.   None of it happened. "
    "CO2 is plant food, the climate has always changed, and the so-called climate emergency is a scheme "
    "by globalist elites to tax fossil fuels and make energy unaffordable.\n"
    "Net zero policies and green taxes are ruining farmers while the climate alarmists fly in private jets."
)
SPORTS = (
    "Late penalty hands United a 2-1 win at the Riverside\n\n"
    "A stoppage-time penalty from the captain gave United a 2-1 win on Saturday after the visitors had "
    "equalised through a deflected free kick midway through the second half.   The home side dominated "
    "possession, hit the post twice and had a goal ruled out for offside before the referee pointed to "
    "the spot.\n"
    "'We kept going until the end, the lads deserved it,' the manager told reporters after the match. "
    "United climb to fourth in the table ahead of next week's derby. Tickets for the cup tie go on sale Monday."
)
GERMAN = (
    "Bahnstreik legt den Fernverkehr lahm\n\n"
    "Die Lokführergewerkschaft hat erneut zu einem Streik aufgerufen. Reisende müssen sich am Mittwoch auf "
    "massive Ausfälle einstellen, teilte die Bahn mit."
)


@pytest.fixture(scope="module")
def stage():
    from presswatch.narratives.resources import TRAINED_DIR
    from presswatch.narratives.stage import NarrativeStage, load_model
    from presswatch.narratives.train import BUNDLE

    if not (TRAINED_DIR / BUNDLE).exists():
        pytest.skip(f"no trained narrative model at {TRAINED_DIR / BUNDLE}: run `make models`")
    return NarrativeStage(load_model())


def _article(text: str, language: str) -> Article:
    title, _, body = text.partition("\n\n")
    a = Article.create("<test>", body, title=title)
    a.language = language
    return a


def test_stage_labels_come_from_the_taxonomy_with_typed_attrs(stage):
    coarse, fine = taxonomy()
    arts = [_article(t, "en") for t in (WAR, CLIMATE, SPORTS)]
    stage(arts)
    for a in arts:
        anns = a.layer("narrative")
        assert anns, "every supported article gets at least one narrative annotation"
        labels = [n.label for n in anns]
        assert len(set(labels)) == len(labels)
        for n in anns:
            assert n.start is None and n.end is None and 0.0 <= n.score <= 1.0
            assert n.label in coarse
            attrs = NarrativeAttrs.from_dict(n.attrs)
            assert attrs.subnarratives and all(s in fine for s in attrs.subnarratives)
            if n.label == OTHER:
                assert labels == [OTHER], "Other is never mixed with a narrative"
                assert attrs.subnarratives == (OTHER,)
            else:
                assert attrs.domain == n.label.split(":")[0]
                assert all(parent(s) == n.label for s in attrs.subnarratives)


def test_domains_are_detected_per_article(stage):
    war, climate = _article(WAR, "en"), _article(CLIMATE, "en")
    stage([war, climate])
    assert {NarrativeAttrs.from_dict(n.attrs).domain for n in war.layer("narrative")} == {"URW"}
    assert {NarrativeAttrs.from_dict(n.attrs).domain for n in climate.layer("narrative")} == {"CC"}


def test_an_article_about_neither_domain_is_other_with_no_domain(stage):
    sports = _article(SPORTS, "en")
    stage([sports])
    (only,) = sports.layer("narrative")
    assert only.label == OTHER and NarrativeAttrs.from_dict(only.attrs).domain is None
    assert "narrative" not in sports.unsupported


def test_a_language_without_a_model_is_marked_unsupported(stage):
    german = _article(GERMAN, "de")
    unknown = _article(GERMAN, None)
    stage([german, unknown])
    for a in (german, unknown):
        assert a.layer("narrative") == [] and "narrative" in a.unsupported
    assert "German (de)" in german.unsupported["narrative"]


def test_the_stage_is_registered_after_rhetoric():
    from presswatch.registry import DEFAULT_STAGES, STAGES, LANGUAGE

    assert STAGES["narratives.v1"].requires == (LANGUAGE,)
    assert DEFAULT_STAGES.index("narratives.v1") == DEFAULT_STAGES.index("rhetoric.v1") + 1
