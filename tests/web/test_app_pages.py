"""Every page renders from the fixture database, as HTML and as JSON, and degrades when a layer is missing."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

HTML = {"accept": "text/html"}


def test_app_pages_overview_shows_counts_people_chart_and_conflicts(client, web_db):
    _, ids = web_db
    r = client.get("/", headers=HTML)
    assert r.status_code == 200
    html = r.text
    assert "Sergei Shoigu" in html and "Anna Petrova" in html  # most quoted
    assert 'id="technique-chart"' in html and 'src="/static/vendor/plotly.min.js"' in html
    assert "Kyiv Independent" in html and "Meduza" in html
    assert f'/articles/{ids["kyiv"]}' in html
    assert "/stories/s1" in html
    data = client.get("/index.json").json()
    assert data["counts"]["articles"] == 3
    assert data["counts"]["annotations"]["quote"] == 3
    assert data["counts"]["stories"] == 1 and data["counts"]["claim_conflicts"] == 1
    t = data["technique_by_outlet"]
    row = t["outlets"].index("Kyiv Independent")
    assert t["counts"][row][t["techniques"].index("Loaded_Language")] == 1
    assert [p["name"] for p in data["people"]][:1] in (["Sergei Shoigu"], ["Anna Petrova"]) or len(data["people"]) == 3


def test_app_pages_article_highlights_every_layer_with_toggles(client, web_db):
    _, ids = web_db
    html = client.get(f"/articles/{ids['kyiv']}", headers=HTML).text
    for layer in ("entity", "claim", "quote", "technique"):
        assert f'id="tg-{layer}"' in html
    assert re.search(r'<span class="hl l-quote"[^>]*>This is a partial measure and nothing more,</span>'
                     r'<span class="badge b-quote"[^>]*>— Sergei Shoigu</span>', html)
    assert '= 300,000 reservists' in html
    assert 'href="/people/Sergei%20Shoigu"' in html
    assert "Loaded Language" in html  # legend
    assert "genre: reporting" in html and "frame: Political" in html
    assert "related-links" in html  # what was removed, with its reason
    assert "/stories/s1" in html  # the story it belongs to
    assert f"/articles/{ids['hostile']}" in html  # its duplicate


def test_app_pages_article_json_is_the_same_context(client, web_db):
    _, ids = web_db
    data = client.get(f"/articles/{ids['kyiv']}.json").json()
    assert data["article"]["id"] == ids["kyiv"]
    assert data["span_layers"] == ["entity", "claim", "quote", "technique"]
    quote_ann = next(a for a in data["annotations"] if a["layer"] == "quote")
    assert quote_ann["text"] == "This is a partial measure and nothing more,"
    assert data["article"]["text"][quote_ann["start"]:quote_ann["end"]] == quote_ann["text"]
    assert data["story"]["id"] == "s1" and [d["id"] for d in data["duplicates"]] == [ids["hostile"]]


def test_app_pages_article_by_unique_prefix_and_unknown_id(client, web_db):
    _, ids = web_db
    assert client.get(f"/articles/{ids['riga'][:8]}.json").json()["article"]["id"] == ids["riga"]
    r = client.get("/articles/doesnotexist", headers=HTML)
    assert r.status_code == 404 and "no article with id doesnotexist" in r.text
    assert client.get("/articles/doesnotexist.json").status_code == 404


def test_app_pages_person_quotes_across_outlets(client):
    data = client.get("/people/" + quote("Sergei Shoigu") + ".json").json()
    assert [q["text"] for q in data["quotes"]] == ["This is a partial measure and nothing more,"]
    assert data["quotes_by_outlet"] == {"Kyiv Independent": 1}
    html = client.get("/people/sergei shoigu", headers=HTML).text  # case-insensitive
    assert "This is a partial measure and nothing more," in html
    unknown = client.get("/people/Nobody%20Here.json")
    assert unknown.status_code == 404 and "Nobody" not in unknown.text
    assert client.get("/people/Nobody%20Here", headers=HTML).status_code == 404


def test_app_pages_story_timeline_and_conflicts(client, web_db):
    _, ids = web_db
    story = client.get("/stories/s1.json").json()
    assert [a["id"] for a in story["articles"]] == [ids["kyiv"], ids["riga"]]  # in date order
    assert story["story"]["start"] == "2022-09-21T10:00:00" and story["story"]["end"] == "2022-09-28"
    assert story["timeline"][0]["date"] == "2022-09-21"
    assert client.get("/stories/nope", headers=HTML).status_code == 404
    conflicts = client.get("/conflicts.json").json()
    assert conflicts["available"] is True
    values = [c["value"] for c in conflicts["conflicts"][0]["claims"]]
    assert values == [300000, 1000000]
    assert "300,000" in client.get("/conflicts", headers=HTML).text


def test_app_pages_search_ranks_and_filters(client, web_db):
    _, ids = web_db
    data = client.get("/search.json", params={"q": "reservists"}).json()
    assert [h["article"]["id"] for h in data["hits"]] == [ids["kyiv"]]
    assert any(p["hit"] and p["text"].lower() == "reservists" for p in data["hits"][0]["snippet"])
    assert "fts" in data["backend"]  # says honestly which search it is
    both = client.get("/search.json", params={"q": "said"}).json()
    assert both["total"] == 3
    assert client.get("/search.json", params={"q": "said", "outlet": "Meduza"}).json()["total"] == 1
    assert client.get("/search.json", params={"q": "said", "date_from": "2022-09-25"}).json()["total"] == 2
    assert client.get("/search.json", params={"q": "said", "date_to": "2022-09-21"}).json()["total"] == 1
    tech = client.get("/search.json", params={"technique": "Loaded_Language"}).json()
    assert {h["article"]["id"] for h in tech["hits"]} == {ids["kyiv"], ids["riga"]}
    person = client.get("/search.json", params={"person": "anna petrova"}).json()
    assert [h["article"]["id"] for h in person["hits"]] == [ids["riga"]]
    phrase = client.get("/search.json", params={"q": '"two days without sleep"'}).json()
    assert [h["article"]["id"] for h in phrase["hits"]] == [ids["riga"]]
    assert client.get("/search.json", params={"q": "said", "date_from": "yesterday"}).status_code == 422
    html = client.get("/search", params={"q": "border"}, headers=HTML).text
    assert "<mark>" in html.lower() or "<mark>border</mark>" in html.lower()


def test_app_pages_openapi_documents_every_json_page(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for p in ("/index.json", "/articles/{article_id}.json", "/people/{name}.json", "/stories/{story_id}.json",
              "/conflicts.json", "/search.json", "/analyze.json"):
        assert p in paths, p
    assert "/docs" not in paths
    assert client.get("/docs").status_code == 404  # the stock docs load from a CDN; /api lists it locally
    api = client.get("/api", headers=HTML).text
    assert "/search.json" in api


def test_app_pages_static_assets_are_local(client):
    js = client.get("/static/vendor/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    assert client.get("/static/style.css").status_code == 200
    html = client.get("/", headers=HTML).text
    for src in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not src.startswith(("http:", "https:", "//")), src


def test_app_pages_degrade_without_layers_or_corpus(tmp_path):
    """A database with only parsed text: every page still renders and says what is missing."""
    import presswatch
    from fastapi.testclient import TestClient

    from presswatch.web import WebSettings, create_app

    db = tmp_path / "bare.duckdb"
    result = presswatch.analyze(texts=["A plain title\n\nOne short paragraph about nothing much."], db=db,
                                stages=("nlp.spacy.v1",), corpus=False)
    aid = result.articles[0].id
    app = create_app(WebSettings(db=db, allowed_hosts=frozenset({"testserver"})))
    with TestClient(app) as c:
        home = c.get("/", headers=HTML)
        assert home.status_code == 200
        assert "rhetoric layer has not run" in home.text and "corpus layer has not run" in home.text
        assert 'plotly.min.js' not in home.text
        art = c.get(f"/articles/{aid}", headers=HTML)
        assert art.status_code == 200 and "One short paragraph about nothing much." in art.text
        assert 'id="tg-' not in art.text
        assert c.get("/conflicts.json").json() == {"conflicts": [], "available": False}
        assert c.get("/search.json", params={"q": "paragraph"}).json()["total"] == 1
        assert c.get("/people/Nobody", headers=HTML).status_code == 404


@pytest.mark.parametrize("path", ["/", "/conflicts", "/search?q=x", "/analyze", "/api", "/people/Anna%20Petrova",
                                  "/stories/s1"])
def test_app_pages_render_html(client, path):
    r = client.get(path, headers=HTML)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
