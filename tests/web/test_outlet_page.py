"""The outlet page: an outlet's articles, techniques and narratives; 404 for an unknown outlet; escaped."""

from __future__ import annotations

from urllib.parse import quote

from tests.web.conftest import XSS

HTML = {"accept": "text/html"}


def test_outlet_page_lists_the_outlets_articles_and_techniques(client, web_db):
    _, ids = web_db
    data = client.get("/outlets/Kyiv%20Independent.json").json()
    assert data["outlet"] == "Kyiv Independent" and data["articles"] == 1
    assert [a["id"] for a in data["recent"]] == [ids["kyiv"]]
    assert {t["label"]: t["articles"] for t in data["techniques"]} == {
        "Loaded_Language": 1, "Appeal_to_Fear-Prejudice": 1}


def test_outlet_page_unknown_outlet_is_a_404(client):
    assert client.get("/outlets/Nobody%20Times.json").status_code == 404
    assert client.get("/outlets/Nobody%20Times", headers=HTML).status_code == 404


def test_outlet_page_escapes_a_hostile_outlet_name_and_the_overview_links_to_it(client):
    r = client.get("/outlets/" + quote(XSS, safe=""), headers=HTML)
    assert r.status_code == 200 and XSS not in r.text and "&lt;script&gt;" in r.text
    assert 'href="/outlets/Meduza"' in client.get("/", headers=HTML).text
