"""The Narratives page, the article page's narratives and cast mentions, and the person page's roles by
outlet, through the real app in-process over a database built by the real writers and corpus layer."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from .conftest import app_client
from .narratives_fixture import HOPELESS, HOPELESS_SUB, WEST, XSS, build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("narratives") / "presswatch.duckdb"
    ids = build(path)
    with app_client(path) as c:
        yield c, ids


def _no_raw_script(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html


def test_narratives_page_counts_by_outlet_and_week(site):
    c, ids = site
    data = c.get("/narratives.json").json()
    rows = {n["label"]: (n["domain"], n["articles"], n["outlets"]) for n in data["narratives"]}
    assert rows == {HOPELESS: ("URW", 1, 1), WEST: ("URW", 1, 1), "Other": (None, 1, 1)}
    assert [n["label"] for n in data["narratives"]][-1] == "Other"  # Other sorts last
    g = data["by_outlet"]
    cell = {(o, n): g["counts"][i][j] for i, o in enumerate(g["groups"]) for j, n in enumerate(g["narratives"])}
    assert cell[("RT", HOPELESS)] == 1 and cell[("Kyiv Post", HOPELESS)] == 0 and cell[("Kyiv Post", WEST)] == 1
    w = data["by_week"]
    assert sorted(w["groups"]) == ["2022-09-19", "2022-09-26"]  # Mondays of the 21st and the 28th
    assert data["articles"] == []  # no narrative chosen


def test_narratives_page_plots_and_links_each_narrative_to_its_articles(site):
    c, ids = site
    html = c.get("/narratives").text
    assert '<svg class="narrative-chart"' in html and html.count("<svg") == 2
    href = "/narratives?" + "narrative=" + quote(HOPELESS, safe="").replace("%20", "+")
    assert f'href="{href}"' in html  # the table and legend link to the narrative's article list
    assert 'outlet=RT' in html and 'week=2022-09-19' in html  # bars link to that outlet's / week's articles
    assert 'href="/narratives"' in html  # in the nav
    page = c.get("/narratives", params={"narrative": HOPELESS, "outlet": "RT"}).text
    _no_raw_script(page)
    listed = page.split('id="narrative-articles"')[1].split('id="narrative-conflicts"')[0]
    assert f'href="/articles/{ids["rt"]}"' in listed and f'href="/articles/{ids["kp"]}"' not in listed
    assert HOPELESS_SUB in listed
    data = c.get("/narratives.json", params={"narrative": HOPELESS, "week": "2022-09-26"}).json()
    assert data["articles"] == []
    data = c.get("/narratives.json", params={"narrative": WEST}).json()
    assert [a["article"]["id"] for a in data["articles"]] == [ids["kp"]]


def test_narratives_page_flags_outlets_on_opposite_sides(site):
    c, ids = site
    data = c.get("/narratives.json").json()
    kinds = {(x["kind"], x["topic"]) for x in data["conflicts"]}
    assert kinds == {("role", "Volodymyr Zelensky"), ("narrative", HOPELESS), ("narrative", WEST)}
    role = next(x for x in data["conflicts"] if x["kind"] == "role")
    assert [(s["outlet"], s["label"]) for s in role["side"]] == [("Kyiv Post", "Protagonist")]
    assert [(s["outlet"], s["label"], s["fine"]) for s in role["other"]] == [("RT", "Antagonist", ["Deceiver", "Incompetent"])]
    assert {ids["rt"], ids["kp"]} <= set(role["story"]["article_ids"])  # the Bulgarian telling may join it too
    assert {(r["outlet"], r["role"]) for r in data["roles"]} == {("RT", "Antagonist"), ("Kyiv Post", "Protagonist")}
    html = c.get("/narratives").text
    assert "hero to some, villain to others" in html


def test_narratives_page_refuses_a_malformed_week(site):
    c, _ = site
    assert c.get("/narratives.json", params={"week": "last week"}).status_code == 422


def test_narratives_article_page_shows_narratives_and_roles_on_mentions(site):
    c, ids = site
    data = c.get(f"/articles/{ids['rt']}.json").json()
    nv = data["narratives"]
    assert [(n["label"], n["subnarratives"]) for n in nv["narratives"]] == [(HOPELESS, [HOPELESS_SUB])]
    assert nv["narratives"][0]["score"] == pytest.approx(0.87) and nv["note"] is None and nv["ran"]
    assert [(m["entity"], m["role"]) for m in nv["cast"]] == [("Volodymyr Zelensky", "Antagonist"), (XSS, "Innocent")]
    assert all(lbl["layer"] != "narrative" for lbl in data["labels"])
    html = c.get(f"/articles/{ids['rt']}").text
    assert 'id="narratives"' in html and HOPELESS_SUB in html
    # the mention carries its role: a class for the outline and the role in its title
    assert "hl l-entity l-role role-antagonist" in html
    assert 'title="PERSON: Volodymyr Zelensky; cast as Antagonist (Deceiver, Incompetent) 0.82"' in html
    assert 'id="tg-role"' in html
    _no_raw_script(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the hostile title and entity name, escaped


def test_narratives_article_about_neither_domain_says_so(site):
    c, ids = site
    nv = c.get(f"/articles/{ids['weather']}.json").json()["narratives"]
    assert nv["narratives"] == [] and nv["ran"]
    assert "about neither domain" in nv["note"]
    assert "about neither domain" in c.get(f"/articles/{ids['weather']}").text


def test_narratives_article_where_the_layer_did_not_run_says_why(site):
    c, ids = site
    nv = c.get(f"/articles/{ids['bg']}.json").json()["narratives"]
    assert not nv["ran"]
    assert nv["note"] == "The narrative layer did not run on this article: no narrative model for Bulgarian in this build"
    assert "no narrative model for Bulgarian in this build" in c.get(f"/articles/{ids['bg']}").text


def test_narratives_person_page_shows_roles_by_outlet(site):
    c, _ = site
    data = c.get("/people/Volodymyr%20Zelensky.json").json()
    assert [(r["outlet"], r["role"], r["mentions"], r["fine"]) for r in data["roles"]] == [
        ("Kyiv Post", "Protagonist", 1, ["Guardian"]), ("RT", "Antagonist", 1, ["Deceiver", "Incompetent"])]
    html = c.get("/people/Volodymyr%20Zelensky").text
    assert 'id="roles"' in html and "role-protagonist" in html and "role-antagonist" in html


def test_narratives_hostile_entity_name_is_escaped_on_its_person_page(site):
    c, _ = site
    r = c.get("/people/" + quote(XSS, safe=""))
    assert r.status_code == 200
    _no_raw_script(r.text)
    assert [x["role"] for x in c.get("/people/" + quote(XSS, safe="") + ".json").json()["roles"]] == ["Innocent"]


def test_narratives_page_by_story_links_to_the_storys_articles(site):
    c, ids = site
    data = c.get("/narratives.json").json()
    [both] = [s for s in data["by_story"] if {ids["rt"], ids["kp"]} <= set(s["story"]["article_ids"])]
    assert {(n["label"], n["articles"], n["outlets"]) for n in both["narratives"]} == {(HOPELESS, 1, 1), (WEST, 1, 1)}
    href = next(n["href"] for n in both["narratives"] if n["label"] == WEST)
    assert "story=" in href
    listed = c.get(href.replace("/narratives?", "/narratives.json?")).json()["articles"]
    assert [a["article"]["id"] for a in listed] == [ids["kp"]]
    assert 'id="by-story"' in c.get("/narratives").text


def test_narratives_article_with_roles_but_no_narrative_layer_says_it_has_not_run(tmp_path):
    from fastapi.testclient import TestClient

    from presswatch.model import Annotation, Article
    from presswatch.store import Store
    from presswatch.web import WebSettings, create_app

    a = Article.create("x.txt", "Volodymyr Zelensky spoke.", title="Roles only", outlet="RT")
    a.add(Annotation("role", "Protagonist", 0, 18, 0.7, {"canonical": "Volodymyr Zelensky", "fine": ["Guardian"]}))
    with Store(tmp_path / "db.duckdb") as s:
        s.write_articles([a])
    with TestClient(create_app(WebSettings(db=tmp_path / "db.duckdb", allowed_hosts=frozenset({"testserver"})))) as c:
        nv = c.get(f"/articles/{a.id}.json").json()["narratives"]
        empty = c.get("/narratives.json").json()
        assert "the narrative layer has not run" in c.get("/narratives").text
    assert (nv["ran"], nv["note"]) == (False, "The narrative layer has not run on this article.")
    assert [m["role"] for m in nv["cast"]] == ["Protagonist"]
    assert empty["narratives"] == [] and empty["conflicts"] == []
