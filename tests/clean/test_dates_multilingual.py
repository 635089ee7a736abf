"""Publication dates written in other languages: header forms, updated forms, and body dates left alone."""

import json
from pathlib import Path

import pytest

from presswatch.clean import clean_record
from presswatch.clean.dates import parse_date, parse_dateline
from presswatch.clean.resources import MONTHS_BY_LANGUAGE
from presswatch.ingest.dates import iso_date
from presswatch.model import RawRecord

FIXTURES = Path(__file__).parent / "fixtures" / "multilingual"
EXPECTED = {k: v for k, v in json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8")).items() if not k.startswith("_")}


@pytest.mark.parametrize(
    "line, iso",
    [
        ("23 сентября 2022, 14:05", "2022-09-23T14:05:00"),
        ("Опубликовано: 21.09.2022", "2022-09-21"),
        ("Обновлено 22 сентября 2022 г. в 09:10", "2022-09-22T09:10:00"),
        ("21. September 2022", "2022-09-21"),
        ("Aktualisiert am 21.09.2022, 14:05 Uhr", "2022-09-21T14:05:00"),
        ("mercredi 21 septembre 2022 à 10h30", "2022-09-21T10:30:00"),
        ("Mis à jour le 1er octobre 2022 à 08h15", "2022-10-01T08:15:00"),
        ("21 września 2022", "2022-09-21"),
        ("Opublikowano: 21 września 2022 r., 14:05", "2022-09-21T14:05:00"),
        ("21 settembre 2022", "2022-09-21"),
        ("Pubblicato il 21 settembre 2022 alle 10:30", "2022-09-21T10:30:00"),
        ("21 de setembro de 2022", "2022-09-21"),
        ("Atualizado em 22 de setembro de 2022 às 09:40", "2022-09-22T09:40:00"),
        ("21 вересня 2022", "2022-09-21"),
        ("середа, 21 вересня 2022, 10:00", "2022-09-21T10:00:00"),
        ("21 септември 2022", "2022-09-21"),
        ("Публикувано на 21 септември 2022 г., 14:05", "2022-09-21T14:05:00"),
    ],
)
def test_dates_multilingual_header_line_gives_iso_8601(line, iso):
    assert parse_dateline(line) == iso


def test_dates_multilingual_published_then_updated_takes_the_first():
    line = "Опубліковано: 21 вересня 2022, 10:00 | Оновлено: 21 вересня 2022, 12:30"
    assert parse_dateline(line) == "2022-09-21T10:00:00"
    assert parse_dateline("Publié le 21 septembre 2022, mis à jour le 22 septembre 2022") == "2022-09-21"


@pytest.mark.parametrize(
    "sentence",
    [
        "Le mercredi 22 juin 2022, la police locale a découvert un laboratoire.",
        "Опубликовано 21.09.2022 заявление министерства вызвало споры.",
        "21 września 2022 roku premier ogłosił nowe wsparcie dla rolników.",
        "Am 21. September 2022 sprach der Kanzler in New York.",
    ],
)
def test_dates_multilingual_sentence_with_a_date_is_not_a_dateline(sentence):
    assert parse_dateline(sentence) is None
    assert parse_date(sentence) is None


def test_dates_multilingual_impossible_dates_are_rejected():
    assert parse_date("31 февраля 2022") is None
    assert parse_date("32.09.2022") is None
    assert parse_date("21.13.2022") is None


def test_dates_multilingual_month_names_mean_one_month_across_languages():
    seen: dict[str, int] = {}
    for names in MONTHS_BY_LANGUAGE.values():
        for name, month in names.items():
            assert seen.setdefault(name, month) == month, name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dates_multilingual_article_takes_its_header_date_never_a_body_date(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    article = clean_record(RawRecord(name, text, "text", {}))
    assert article.published == EXPECTED[name]["published"]


def test_dates_multilingual_container_dates_are_read_too():
    assert iso_date("Опубликовано: 21.09.2022, 14:05") == "2022-09-21T14:05:00"
    assert iso_date("mercredi 21 septembre 2022 à 10h30") == "2022-09-21T10:30:00"
    assert iso_date("21 września 2022") == "2022-09-21"


def test_dates_multilingual_24_hour_time_then_headline_is_a_date_prefix():
    from presswatch.clean.meta import split_title

    parts = split_title("Понедельник, 8 августа 2022 14:05 Лесные пожары в Якутии")
    assert parts.published == "2022-08-08T14:05:00"
    assert parts.title == "Лесные пожары в Якутии"


def test_dates_multilingual_container_date_in_words_becomes_iso():
    record = RawRecord("mem.jsonl", "Кремль заявил о переговорах.", "jsonl", {"published": "23 сентября 2022, 14:05"})
    assert clean_record(record).published == "2022-09-23T14:05:00"
