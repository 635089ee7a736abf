"""Number shapes of other languages on a blank pipeline's tokens: decimal commas, thousands by dots
and by (thin, non-breaking) spaces, scale words and abbreviations, percent words, ranges, vague
plurals."""

from __future__ import annotations

import pytest
import spacy

from presswatch.extract.numbers import find_plain, plain_digit_value

_NLP: dict[str, object] = {}


def found(lang: str, text: str) -> list[tuple[str, float, str | None, bool, float | None]]:
    nlp = _NLP.setdefault(lang, spacy.blank(lang))
    doc = nlp(text)  # type: ignore[operator]
    return [(doc[e.start : e.end].text, e.value, e.unit, e.vague, e.high) for e in find_plain(doc, lang)]


@pytest.mark.parametrize(
    "lang,text,value,unit",
    [
        ("ru", "мобилизованы 300 000 человек", 300_000, None),
        ("ru", "около 5,5 тыс. погибших", 5_500, None),
        ("ru", "1,2 млн рублей", 1_200_000, None),
        ("ru", "ещё 25 процентов", 25, "percent"),
        ("uk", "понад 55 тисяч військових", 55_000, None),
        ("uk", "близько 1,5 млн осіб", 1_500_000, None),
        ("fr", "10\u202f000 morts", 10_000, None),
        ("fr", "10\u00a0000 morts", 10_000, None),
        ("fr", "3,5 % des hommes", 3.5, "percent"),
        ("fr", "cinq pour cent", 5, "percent"),
        ("fr", "deux millions de personnes", 2_000_000, None),
        ("de", "mehr als 300.000 Reservisten", 300_000, None),
        ("de", "1,5 Mio. Euro", 1_500_000, None),
        ("de", "bis zu 20 Prozent", 20, "percent"),
        ("it", "oltre 300 mila riservisti", 300_000, None),
        ("it", "il 40 per cento", 40, "percent"),
        ("pl", "ponad 300 tys. osób", 300_000, None),
        ("pl", "2,5 mln zł", 2_500_000, None),
        ("pl", "40 proc. Rosjan", 40, "percent"),
        ("pt", "1,5 milhão de pessoas", 1_500_000, None),
        ("pt", "mais de 300 mil reservistas", 300_000, None),
        ("bg", "над 300 хиляди резервисти", 300_000, None),
    ],
)
def test_numbers_multilingual_values(lang, text, value, unit):
    [(_, v, u, vague, high)] = found(lang, text)
    assert (v, u, vague, high) == (value, unit, False, None)


@pytest.mark.parametrize(
    "lang,text,low,high",
    [
        ("ru", "от 200 до 300 человек", 200, 300),
        ("ru", "от 200 до 300 тысяч человек", 200_000, 300_000),
        ("fr", "entre 200 et 300 manifestants", 200, 300),
        ("de", "zwischen 200 und 300 Menschen", 200, 300),
        ("pl", "200-300 osób", 200, 300),
    ],
)
def test_numbers_multilingual_ranges(lang, text, low, high):
    [(_, v, _, vague, h)] = found(lang, text)
    assert (v, h, vague) == (low, high, False)


@pytest.mark.parametrize(
    "lang,text,least",
    [
        ("ru", "тысячи мужчин", 2_000),
        ("ru", "сотни тысяч людей", 200_000),
        ("fr", "des milliers de Russes", 2_000),
        ("de", "Tausende Menschen", 2_000),
        ("de", "mehrere hundert Handys", 300),
        ("it", "migliaia di uomini", 2_000),
        ("pl", "tysiące osób", 2_000),
        ("pt", "milhares de pessoas", 2_000),
    ],
)
def test_numbers_multilingual_vague_amounts(lang, text, least):
    [(_, v, _, vague, high)] = found(lang, text)
    assert vague and v == least and high is not None and high > v


def test_numbers_multilingual_separators():
    assert plain_digit_value("300.000") == 300_000
    assert plain_digit_value("1.500") == 1_500
    assert plain_digit_value("5,5") == 5.5
    assert plain_digit_value("300,000") == 300_000  # English style in a foreign text
    assert plain_digit_value("1,500", scaled=True) == 1.5  # "1,500 млн": a decimal before a scale word
