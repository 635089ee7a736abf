"""Languages in the web app, the report and `presswatch show --list`, through the real app over a real
DuckDB analysed from our own articles in English, Russian, German, Polish and French
(tests/corpus/fixtures/crosslang): each article's language shown and filterable, the layers that
did not run for a language named on the article page, and hostile language codes kept as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import app_client

FIXTURES = Path(__file__).resolve().parents[1] / "corpus" / "fixtures" / "crosslang"
#: The fixture articles the database holds (one event in four languages, one more in French).
FILES = ("a_en.txt", "a_ru.txt", "a_de.txt", "a_pl.txt", "b_fr.txt", "c_ru.txt")
HOSTILE_LANG = '<b id="x">xx</b>'
HTML = {"accept": "text/html"}


def build_language_db(path: Path) -> dict[str, str]:
    """Analyse the fixture articles (parse and entities) into ``path``; returns file name -> article id.
    One more article gets a hand-edited, hostile language code."""
    import presswatch
    from presswatch.store import Store

    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))["articles"]
    texts = [(FIXTURES / f).read_text(encoding="utf-8") for f in FILES]
    hostile = "Ordinary headline\n\nThe spokesman said the call-up would go on in every region."
    result = presswatch.analyze(texts=[*texts, hostile], db=path, stages=("nlp.spacy.v1", "extract.entities.v1"),
                                corpus=False)
    assert not result.summary.failures, result.summary.failures
    ids = {name: a.id for name, a in zip((*FILES, "hostile"), result.articles)}
    with Store(path) as store:
        for name in FILES:
            meta = gold[name]
            store.con.execute("UPDATE articles SET outlet = ?, published = ? WHERE id = ?",
                              [meta["outlet"], meta["published"], ids[name]])
        store.con.execute("UPDATE articles SET language = ?, published = '2022-09-20' WHERE id = ?",
                          [HOSTILE_LANG, ids["hostile"]])
    return ids


@pytest.fixture(scope="module")
def lang_db(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("langdb") / "presswatch.duckdb"
    return path, build_language_db(path)


@pytest.fixture(scope="module")
def lang_client(lang_db):
    path, ids = lang_db
    with app_client(path, frozenset({"testserver"})) as c:
        yield c, ids


def test_language_pages_detected_languages_of_the_fixtures(lang_client):
    c, ids = lang_client
    data = c.get("/index.json").json()
    by_id = {a["id"]: a["language"] for a in data["recent"]}
    assert by_id[ids["a_en.txt"]] == "en" and by_id[ids["a_ru.txt"]] == "ru" and by_id[ids["a_de.txt"]] == "de"
    assert by_id[ids["a_pl.txt"]] == "pl" and by_id[ids["b_fr.txt"]] == "fr"


def test_language_pages_overview_counts_languages_and_narrows_the_list(lang_client):
    c, ids = lang_client
    data = c.get("/index.json").json()
    counts = {row["code"]: (row["name"], row["articles"]) for row in data["languages"]}
    assert counts["ru"] == ("Russian", 2) and counts["en"] == ("English", 1) and counts["pl"] == ("Polish", 1)
    assert data["languages"][0]["code"] == "ru"  # most articles first
    assert len(data["recent"]) == len(FILES) + 1 and data["language"] is None

    ru = c.get("/index.json", params={"lang": "ru"}).json()
    assert {a["id"] for a in ru["recent"]} == {ids["a_ru.txt"], ids["c_ru.txt"]}
    assert ru["language"] == "ru" and ru["counts"]["articles"] == len(FILES) + 1  # the counts stay the corpus's

    page = c.get("/", params={"lang": "ru"}, headers=HTML).text
    assert '<option value="ru" selected>Russian (ru) · 2</option>' in page
    assert "Recent articles in Russian" in page
    assert f'/articles/{ids["a_ru.txt"]}' in page and f'/articles/{ids["a_en.txt"]}"' not in page.split('id="recent"')[1]
    assert c.get("/", params={"lang": "it"}, headers=HTML).text.count("No articles in this language.") == 1


@pytest.mark.parametrize("path", ["/", "/index.json", "/search", "/search.json"])
def test_language_pages_bad_language_is_a_clear_422(lang_client, path):
    c, _ = lang_client
    r = c.get(path, params={"lang": HOSTILE_LANG}, headers=HTML if not path.endswith(".json") else {})
    assert r.status_code == 422
    assert "must be a language code such as en or ru" in r.text
    assert HOSTILE_LANG not in r.text  # never repeated raw
    if path == "/search.json":
        r = c.get(path, params={"language": "russian!"})
        assert r.status_code == 422 and "language must be a language code" in r.json()["detail"]


def test_language_pages_search_filters_by_language(lang_client):
    c, ids = lang_client
    every = c.get("/search.json").json()
    assert every["total"] == len(FILES) + 1
    ru = c.get("/search.json", params={"lang": "ru"}).json()
    assert {h["article"]["id"] for h in ru["hits"]} == {ids["a_ru.txt"], ids["c_ru.txt"]}
    assert all(h["article"]["language"] == "ru" for h in ru["hits"])
    assert c.get("/search.json", params={"language": "pl", "q": "Putin"}).json()["total"] == 1
    assert c.get("/search.json", params={"language": "de", "q": "Sotschi"}).json()["total"] == 1
    assert c.get("/search.json", params={"language": "en", "q": "Sotschi"}).json()["total"] == 0
    assert {r["code"]: r["articles"] for r in ru["languages"]}["de"] == 1
    page = c.get("/search", params={"language": "de"}, headers=HTML).text
    assert '<option value="de" selected>German (de) · 1</option>' in page


def test_language_pages_article_page_names_the_language(lang_client):
    c, ids = lang_client
    ru = c.get(f"/articles/{ids['a_ru.txt']}.json").json()["article"]
    assert ru["language"] == "ru" and ru["language_name"] == "Russian"
    page = c.get(f"/articles/{ids['a_ru.txt']}", headers=HTML).text
    assert '<span class="lang" title="language ru">Russian</span>' in page
    en = c.get(f"/articles/{ids['a_en.txt']}.json").json()["article"]
    assert en["unsupported"] == [] and en["language_name"] == "English"
    assert "Not analysed for this language" not in c.get(f"/articles/{ids['a_en.txt']}", headers=HTML).text


def test_language_pages_hostile_language_code_stays_text(lang_client):
    c, ids = lang_client
    for path in ("/", "/search", f"/articles/{ids['hostile']}"):
        page = c.get(path, headers=HTML).text
        assert HOSTILE_LANG not in page, path
        assert "&lt;b id=&#34;x&#34;&gt;xx&lt;/b&gt;" in page, path
    # the hand-edited code is listed (escaped) but a link to it is refused, never run as a filter
    assert c.get("/search.json", params={"language": HOSTILE_LANG}).status_code == 422


def test_language_pages_report_counts_languages_and_shows_each_article(lang_db, tmp_path):
    from presswatch.interop.report import write_report

    path, ids = lang_db
    html = write_report(path, tmp_path / "report.html").read_text(encoding="utf-8")
    section = html.split('id="languages"')[1].split("</section>")[0]
    assert "<td>Russian <span class=\"muted\">ru</span></td><td class=\"n\">2</td>" in section
    assert "Polish" in section and HOSTILE_LANG not in html and "&lt;b id=&#34;x&#34;&gt;" in html
    toc = html.split('<nav class="toc">')[1].split("</nav>")[0]
    assert toc.count('<span class="lang">ru</span>') == 2


def test_language_pages_show_list_has_a_language_column(lang_db):
    from click.testing import CliRunner

    from presswatch.show import show

    path, ids = lang_db
    out = CliRunner().invoke(show, ["--list", "--db", str(path)], terminal_width=200)
    assert out.exit_code == 0, out.output
    header = next(line for line in out.output.splitlines() if "published" in line)
    assert "lang" in header
    row = next(line for line in out.output.splitlines() if ids["a_pl.txt"] in line)
    assert " pl " in row
