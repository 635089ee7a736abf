"""The attention page: articles per day or week by outlet, story, technique and narrative, escaped."""

from __future__ import annotations

from tests.web.conftest import XSS

HTML = {"accept": "text/html"}


def _table(data, by):
    return next(t for t in data["tables"] if t["by"] == by)


def test_attention_page_counts_articles_per_week_by_outlet_and_technique(client):
    data = client.get("/attention.json").json()
    assert data["period"] == "week"
    outlets = _table(data, "outlet")
    rows = {p["period"]: dict(zip(outlets["groups"], p["counts"])) for p in outlets["periods"]}
    assert rows["2022-09-19"]["Kyiv Independent"] == 1 and rows["2022-09-19"]["Meduza"] == 0
    assert rows["2022-09-26"]["Meduza"] == 1 and rows["2022-09-26"][XSS] == 1
    techniques = _table(data, "technique")
    assert techniques["groups"][0] == "Loaded_Language"  # in two articles: the most covered first
    assert sum(p["counts"][0] for p in techniques["periods"]) == 2


def test_attention_page_per_day_and_a_bad_period_is_refused(client):
    days = {p["period"] for p in _table(client.get("/attention.json?period=day").json(), "outlet")["periods"]}
    assert days == {"2022-09-21", "2022-09-28", "2022-09-30"}
    assert client.get("/attention.json?period=month").status_code == 422


def test_attention_page_html_escapes_outlet_names_and_links_the_other_period(client):
    r = client.get("/attention", headers=HTML)
    assert r.status_code == 200
    assert XSS not in r.text and "<h2>By outlet</h2>" in r.text
    assert 'href="/attention?period=day"' in r.text and 'href="/attention"' in r.text  # in the nav
