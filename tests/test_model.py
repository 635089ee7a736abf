import json

import pytest

from presswatch.model import SCHEMA_VERSION, Annotation, Article, Removed, content_id, paragraph_offsets


def test_model_json_round_trip_keeps_every_field():
    a = Article.create("x.txt", "First para.\n\nSecond para.", title="T", url="http://e/x", outlet="E", published="2022-09-27T09:35:00")
    a.language = "en"
    a.removed.append(Removed("read more from e", "chrome:read-more"))
    a.add(Annotation("entity", "PERSON", 0, 5, 0.9, {"canonical": "First"}))
    a.add(Annotation("genre", "reporting", score=0.7))
    a.record_error("rhetoric.v1", ValueError("boom"))
    back = Article.from_json(a.to_json())
    assert back == a
    assert json.loads(a.to_json())["schema_version"] == SCHEMA_VERSION == 2


def test_model_reads_a_version_1_line_without_unsupported():
    d = Article.create("a", "Plain text.").to_dict()
    d["schema_version"] = 1
    del d["unsupported"]
    back = Article.from_dict(d)
    assert back.unsupported == {} and back.text == "Plain text."


def test_model_id_is_derived_from_content_not_path():
    a = Article.create("a.txt", "Body text here.", title="Title")
    b = Article.create("elsewhere/b.txt", "Body   text\nhere.", title=" Title ")
    c = Article.create("a.txt", "Other body.", title="Title")
    assert a.id == b.id == content_id("Title", "Body text here.")
    assert a.id != c.id


def test_model_paragraph_offsets_point_into_text():
    text = "One.\n\nTwo two.\n\n\n\nThree."
    paras = paragraph_offsets(text)
    assert [text[s:e] for s, e in paras] == ["One.", "Two two.", "Three."]


def test_model_rejects_annotation_outside_text():
    a = Article.create("a", "short")
    with pytest.raises(ValueError):
        a.add(Annotation("claim", "number", 2, 99))
    with pytest.raises(ValueError):
        Annotation("claim", "number", 5, None)


def test_model_refuses_newer_schema():
    d = Article.create("a", "x").to_dict()
    d["schema_version"] = 99
    with pytest.raises(ValueError, match="newer"):
        Article.from_dict(d)


def test_model_published_date_is_the_day_of_the_iso_string_parsed_once():
    from datetime import date

    from presswatch.model import published_day

    a = Article.create("p", "Some text.", published="2022-09-21T18:30:00+03:00")
    assert a.published_date == date(2022, 9, 21)
    assert a.to_dict()["published"] == "2022-09-21T18:30:00+03:00"  # the contract stays a string
    a.published = "2022-10-01"
    assert a.published_date == date(2022, 10, 1)  # a changed value is parsed again
    a.published = None
    assert a.published_date is None
    assert published_day("2022-09-21Z") == date(2022, 9, 21)
    assert published_day("2022-09-21 at noon") == date(2022, 9, 21)
    assert [published_day(v) for v in ("2022-13-45", "yesterday", "", None, "2022")] == [None] * 5
    assert Article.from_dict(a.to_dict()) == a


def test_unsupported_layers_round_trip_through_json():
    from presswatch.model import Article

    article = Article.create("x.txt", "Мобилизация объявлена.", title="Новости")
    article.mark_unsupported("entity", "no named-entity model for Russian (ru)")
    back = Article.from_json(article.to_json())
    assert back.unsupported == {"entity": "no named-entity model for Russian (ru)"}
    assert Article.from_dict({k: v for k, v in article.to_dict().items() if k != "unsupported"}).unsupported == {}
