"""The search page over the five real seed articles: stemmed, ranked full-text search, filters, and
bad queries answered with a message (never a raw 422/500 that repeats the query)."""

from __future__ import annotations

from pathlib import Path

import pytest

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def seeds_client(tmp_path_factory, seeds_dir):
    import presswatch
    from fastapi.testclient import TestClient

    from presswatch.store.search import index_path
    from presswatch.web import WebSettings, create_app

    db = tmp_path_factory.mktemp("seeds") / "presswatch.duckdb"
    result = presswatch.analyze([seeds_dir], db=db, stages=("nlp.spacy.v1",), corpus=False)
    assert index_path(db).exists()  # analyze built the index beside the database
    index_path(db).unlink()  # ... and serving rebuilds a missing one
    by_seed = {Path(a.source_path).name[:3]: a.id for a in result.articles}
    app = create_app(WebSettings(db=db, allowed_hosts=frozenset({"testserver"})))
    with TestClient(app) as c:
        yield c, by_seed


def test_search_page_flees_finds_the_three_seeds_that_say_flee(seeds_client):
    c, seed = seeds_client
    data = c.get("/search.json", params={"q": "flees"}).json()
    got = [h["article"]["id"] for h in data["hits"]]
    assert set(got) == {seed["000"], seed["002"], seed["004"]} and len(got) == 3
    assert got[0] == seed["004"]  # "flee"/"fleeing" fifteen times, in the title too
    assert all(any(p["hit"] and p["text"].lower().startswith("flee") for p in h["snippet"]) for h in data["hits"])
    assert "FTS5" in data["backend"]


def test_search_page_phrase_operators_sort_and_language(seeds_client):
    c, seed = seeds_client
    phrase = c.get("/search.json", params={"q": '"partial mobilisation"'}).json()
    assert [h["article"]["id"] for h in phrase["hits"]] == [seed["002"]]
    no_zelensky = c.get("/search.json", params={"q": "flee NOT zelensky"}).json()
    assert {h["article"]["id"] for h in no_zelensky["hits"]} == {seed["000"], seed["004"]}
    by_date = c.get("/search.json", params={"q": "flees", "sort": "date"}).json()
    days = [h["article"]["published"] for h in by_date["hits"]]
    dated = [d for d in days if d]
    assert dated == sorted(dated, reverse=True) and days == dated + [None] * (len(days) - len(dated))
    assert c.get("/search.json", params={"q": "flees", "language": "de"}).json()["total"] == 0
    assert c.get("/search.json", params={"q": "flees", "language": "en"}).json()["total"] == 3


@pytest.mark.parametrize("q", ['"partial mobilisation', "NOT putin", "(putin", "putin OR", "x" * 5000,
                               "title:putin", "NEAR(a b)", '"""'])
def test_search_page_bad_query_gives_a_message(seeds_client, q):
    c, _ = seeds_client
    r = c.get("/search.json", params={"q": q})
    assert r.status_code == 200
    data = r.json()
    assert data["hits"] == [] or data["error"] is None  # either a message or a (possibly empty) answer
    if data["error"]:
        assert q not in data["error"]
    html = c.get("/search", params={"q": q}, headers=HTML)
    assert html.status_code == 200


def test_search_page_unreadable_queries_say_why(seeds_client):
    c, _ = seeds_client
    assert "quotation mark" in c.get("/search.json", params={"q": '"partial mobilisation'}).json()["error"]
    long = c.get("/search.json", params={"q": "flee " * 2000}).json()
    assert "longer than" in long["error"] and len(long["filters"]["q"]) < 300
    html = c.get("/search", params={"q": "NOT putin"}, headers=HTML).text
    assert 'role="alert"' in html and "NOT needs a word" in html
    assert "sort must be" in c.get("/search.json", params={"q": "flee", "sort": "random"}).json()["error"]


def test_search_page_escapes_hostile_text(client):
    """The web fixture's hostile article: its markup reaches the page only as text."""
    html = client.get("/search", params={"q": "spokesman"}, headers=HTML).text
    assert "<mark>spokesman</mark>" in html.lower()
    assert "<script>alert('text')</script>" not in html and "&lt;script&gt;" in html


def test_search_page_from_and_to_are_dates(seeds_client):
    c, seed = seeds_client
    bad = c.get("/search.json", params={"q": "flees", "from": "notadate"})
    assert bad.status_code == 422 and "must look like 2022-09-30" in bad.text and "notadate" not in bad.text
    late = c.get("/search.json", params={"q": "flees", "from": "2022-09-26"}).json()
    assert late["filters"]["date_from"] == "2022-09-26"
    assert all(h["article"]["published"] >= "2022-09-26" for h in late["hits"])
    early = c.get("/search.json", params={"q": "flees", "to": "2022-09-25"}).json()
    assert seed["004"] in [h["article"]["id"] for h in early["hits"]]
