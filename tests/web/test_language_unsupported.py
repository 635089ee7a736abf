"""The layers that did not run for an article's language (Article.unsupported, stored by the nlp and
layer stages) named on the article page and in the report, never shown as "nothing found"."""

from __future__ import annotations

from .test_language_pages import HTML, lang_client, lang_db  # noqa: F401 - the language database


def test_language_unsupported_article_page_names_the_layers_that_did_not_run(lang_client):  # noqa: F811
    c, ids = lang_client
    ru = c.get(f"/articles/{ids['a_ru.txt']}.json").json()["article"]
    layers = {u["layer"]: u["reason"] for u in ru["unsupported"]}
    assert "no named-entity model for Russian (ru)" in layers["entity"]
    page = c.get(f"/articles/{ids['a_ru.txt']}", headers=HTML).text
    assert "Not analysed for this language:" in page and "no named-entity model for Russian (ru)" in page
    assert "Not run for Russian: names" in page  # not the page of an article where nothing was found


def test_language_unsupported_report_names_the_layers_that_did_not_run(lang_db, tmp_path):  # noqa: F811
    from presswatch.interop.report import write_report

    path, _ = lang_db
    html = write_report(path, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Not analysed for this language: entity (no named-entity model for Russian (ru)" in html
