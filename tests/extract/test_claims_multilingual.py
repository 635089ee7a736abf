"""Numeric claims in fr, de, it, pl, ru, uk, pt, bg: value, counted noun, modifier, event word and
source on our own articles (see multilingual.py); dates, years and distances of time are no claims."""

from __future__ import annotations

import pytest

from presswatch.extract.claims import ClaimStage
from presswatch.model import Article

from .multilingual import analysed, claims


@pytest.fixture(scope="module")
def articles():
    return analysed()


# (language, number as written, value, unit, modifier, predicate, speaker)
EXPECTED = [
    ("ru", "300 000", 300_000, "человек", None, "мобилизованы", "Сергей Шойгу"),
    ("ru", "5937", 5937, "военных", None, "погибли", "министра"),  # "5937 российских военных": the side skipped
    ("ru", "1300", 1300, "человек", "более", "задержаны", "ОВД-Инфо"),
    ("ru", "2,5 тыс.", 2500, None, "около", "пересекли", None),  # "2,5 тыс. пересекли": the event, no noun
    ("ru", "47 %", 47, "percent", None, None, None),
    ("uk", "55 тисяч", 55_000, "військових", "понад", "загинули", "Генштабу"),
    ("uk", "1,5 млн", 1_500_000, "осіб", "близько", "залишили", "ООН"),
    ("pl", "300 tys.", 300_000, "rezerwistów", None, "powołanych", "resortu obrony Rosji"),
    ("pl", "1,3 tys.", 1300, "osób", "ponad", "zatrzymano", "OWD-Info"),
    ("de", "300.000", 300_000, "reservisten", None, "einberufen", "des Verteidigungsministeriums"),
    ("de", "1.300", 1300, "menschen", "mehr als", "festgenommen", "OVD-Info"),
    ("de", "5.937", 5937, None, None, "tote", None),
    ("de", "1,5 Mio.", 1_500_000, "euro", None, None, None),
    ("fr", "300 000", 300_000, "réservistes", None, "mobilisation", None),
    ("fr", "1 300", 1300, "personnes", "plus de", "arrêtées", None),
    ("fr", "3,5 %", 3.5, "percent", "environ", None, None),
    ("it", "300 mila", 300_000, "riservisti", None, "richiamati", "il ministero della Difesa"),
    ("it", "1.300", 1300, "persone", "oltre", "arrestate", "OVD-Info"),
    ("pt", "300 mil", 300_000, "reservistas", None, "mobilização", "o ministro da Defesa"),
    ("pt", "1.300", 1300, "pessoas", "mais de", "detidas", "a OVD-Info"),
    ("bg", "300 хиляди", 300_000, "резервисти", None, "мобилизира", "Сергей Шойгу"),
    ("bg", "1300", 1300, "души", "над", "задържани", "ОВД-Инфо"),
]


@pytest.mark.parametrize("lang,text,value,unit,modifier,predicate,speaker", EXPECTED)
def test_claims_multilingual_values_units_and_sources(articles, lang, text, value, unit, modifier, predicate, speaker):
    found = claims(articles[lang])
    assert text in found, f"{text!r} not a claim in {lang}: {sorted(found)}"
    c = found[text]
    assert (c["value"], c.get("unit"), c.get("modifier"), c.get("predicate")) == (value, unit, modifier, predicate)
    if speaker is not None:  # French sources are entities: their canonical name is the entity layer's
        assert c.get("speaker") == speaker
    assert c["sentence"] and "\n" not in c["sentence"]


def test_claims_multilingual_french_sources_come_from_the_sentence(articles):
    found = claims(articles["fr"])
    assert "Poutine" in (found["300 000"].get("speaker") or "")
    assert "OVD-Info" in (found["1 300"].get("speaker") or "")


@pytest.mark.parametrize("lang,text", [("de", "Tausende"), ("fr", "milliers"), ("it", "Migliaia")])
def test_claims_multilingual_vague_amounts_are_marked(articles, lang, text):
    c = claims(articles[lang])[text]
    assert c.get("vague") is True and c["value"] == 2000


@pytest.mark.parametrize("lang", ["ru", "uk", "pl", "de", "fr", "it", "pt", "bg"])
def test_claims_multilingual_dates_years_and_times_are_no_claims(articles, lang):
    a = articles[lang]
    assert "claim" not in a.unsupported
    for text, c in claims(a).items():
        assert c.get("vague") or not (c.get("unit") is None and 1900 <= c["value"] <= 2100), text  # "2022", "21 сентября 2022"
        assert c["value"] != 21 and c["value"] != 22, text  # "21 сентября", "21 de setembro", "22 вересня"
        assert not text.endswith(":35") and c["value"] not in (9.35, 10.15), text  # "09:35", "10:15"


def test_claims_multilingual_language_without_resources_says_why(parsed):
    a = parsed("Más de 300.000 reservistas serán movilizados.")
    a.language = "es"
    ClaimStage()([a])
    assert a.layer("claim") == [] and "Spanish" in a.unsupported["claim"]


def test_claims_multilingual_article_without_a_parse_runs_nothing():
    a = Article.create("ru.txt", "Погибли 5937 военных.")
    a.language = "ru"
    ClaimStage()([a])
    assert a.layer("claim") == []


def test_claims_multilingual_sentence_of_a_line_without_sentence_ends_stays_near_the_number():
    import spacy

    from presswatch.extract.claims import find_plain

    text = "по данным минобороны погибли 300 000 человек и 5,5 тыс. военных, заявил Песков " * 200
    nlp = spacy.blank("ru")
    nlp.add_pipe("sentencizer")
    found = list(find_plain(nlp(text), text, [(0, len(text))], "ru"))
    assert len(found) == 400
    assert max(len(c.sentence.split()) for c in found) < 150  # not the whole 2,600-word line
