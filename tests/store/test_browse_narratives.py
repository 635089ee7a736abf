"""Narratives per outlet, week and story, and an entity's roles by outlet, read from a real store built
by the real writers from hand-annotated articles."""

from __future__ import annotations

import pytest

from presswatch.corpus.types import Story, StoryArticle
from presswatch.model import Annotation, Article
from presswatch.store import Store
from presswatch.store.browse import Browse
from presswatch.store.corpus import write_results
from presswatch.store.entities import write_entities

HOPELESS = "URW: Discrediting Ukraine"
PRAISE = "URW: Praise of Russia"
CC = "CC: Criticism of institutions and authorities"


def _article(title, text, outlet, published, narratives=(), roles=()):
    a = Article.create(f"{title}.txt", text, title=title, outlet=outlet, published=published, language="en")
    for label, domain, score, subs in narratives:
        a.add(Annotation("narrative", label, None, None, score, {"domain": domain, "subnarratives": list(subs)}))
    for words, canonical, role, fine in roles:
        s = text.index(words)
        a.add(Annotation("entity", "PERSON", s, s + len(words), None, {"canonical": canonical}))
        a.add(Annotation("role", role, s, s + len(words), 0.8, {"canonical": canonical, "fine": list(fine)}))
    return a


@pytest.fixture
def store(tmp_path):
    rt = _article("Kyiv is finished", "Volodymyr Zelensky lied again, and Zelensky's army is broken.", "RT",
                  "2022-09-21T08:00:00", [(HOPELESS, "URW", 0.9, ("URW: Discrediting Ukraine: Situation in Ukraine is hopeless",))],
                  [("Volodymyr Zelensky", "Volodymyr Zelensky", "Antagonist", ("Deceiver",)),
                   ("Zelensky's", "Zelensky", "Antagonist", ("Incompetent", "Deceiver"))])
    rt2 = _article("Moscow stands firm", "Vladimir Putin and Moscow stood firm; Zelensky begged.", "RT",
                   "2022-09-29", [(PRAISE, "URW", 0.7, ()), (HOPELESS, "URW", 0.6, ())],
                   [("Zelensky", "Zelensky", "Antagonist", ("Incompetent",))])
    kp = _article("Zelensky rallies the nation", "Volodymyr Zelensky spoke to the nation from Kyiv.", "Kyiv Post",
                  "2022-09-22", [(PRAISE, "URW", 0.3, ())],
                  [("Volodymyr Zelensky", "Volodymyr Zelensky", "Protagonist", ("Guardian",))])
    weather = _article("Rain all week", "Rain is forecast all week in the capital.", None, None,
                       [("Other", None, 0.95, ())])
    hostile = _article("<script>alert(1)</script>", "The <b>minister</b> spoke.", "<script>x</script>", "2022-09-23",
                       [(CC, "CC", 0.8, ())], [("<b>minister</b>", "<script>alert(2)</script>", "Innocent", ())])
    with Store(tmp_path / "db.duckdb") as s:
        s.write_articles([rt, rt2, kp, weather, hostile])
        write_entities(s)
        write_results(s, duplicates=[], states=[], model="test", claim_groups=[], timeline=[],
                      stories=[Story("s1", "Zelensky", (), "zelensky", None, None,
                                     (StoryArticle(rt.id, 1.0), StoryArticle(kp.id, 0.8)))])
        yield s, {"rt": rt.id, "rt2": rt2.id, "kp": kp.id, "weather": weather.id, "hostile": hostile.id}


def test_browse_narratives_by_outlet_week_and_story(store):
    s, ids = store
    b = Browse(s.con)
    by_outlet = {(c.group, c.label): (c.domain, c.articles) for c in b.narratives_by("outlet")}
    assert by_outlet == {("RT", HOPELESS): ("URW", 2), ("RT", PRAISE): ("URW", 1), ("Kyiv Post", PRAISE): ("URW", 1),
                         (None, "Other"): (None, 1), ("<script>x</script>", CC): ("CC", 1)}
    by_week = {(c.group, c.label): c.articles for c in b.narratives_by("week")}
    # 2022-09-19 is the Monday of the 21st, 22nd and 23rd; the 29th is in the next week; undated is None
    assert by_week == {("2022-09-19", HOPELESS): 1, ("2022-09-19", PRAISE): 1, ("2022-09-19", CC): 1,
                       ("2022-09-26", PRAISE): 1, ("2022-09-26", HOPELESS): 1, (None, "Other"): 1}
    by_story = {(c.group, c.label): c.articles for c in b.narratives_by("story")}
    assert {(c.label, c.outlets) for c in b.narratives_by("outlet") if c.group == "RT"} == {(HOPELESS, 1), (PRAISE, 1)}
    assert by_story == {("s1", HOPELESS): 1, ("s1", PRAISE): 1}
    with pytest.raises(ValueError, match="outlet, week, story"):
        b.narratives_by("language")


def test_browse_narrative_articles_filtered(store):
    s, ids = store
    b = Browse(s.con)
    found = b.narrative_articles(HOPELESS)
    assert [f.article.id for f in found] == [ids["rt2"], ids["rt"]]  # latest first
    assert found[1].subnarratives == ("URW: Discrediting Ukraine: Situation in Ukraine is hopeless",)
    assert found[1].score == pytest.approx(0.9)
    assert [f.article.id for f in b.narrative_articles(HOPELESS, week="2022-09-26")] == [ids["rt2"]]
    assert [f.article.id for f in b.narrative_articles(PRAISE, outlet="Kyiv Post")] == [ids["kp"]]
    assert [f.article.id for f in b.narrative_articles(PRAISE, story="s1")] == [ids["kp"]]
    assert b.narrative_articles("URW: Nothing of the sort") == []


def test_browse_who_calls_zelensky_a_villain_and_who_a_hero(store):
    s, _ = store
    rows = Browse(s.con).roles_by_outlet("volodymyr zelensky")
    # 'Zelensky' in RT's articles joins the corpus's full name through entity_aliases
    assert [(r.entity, r.outlet, r.role, r.mentions, r.articles) for r in rows] == [
        ("Volodymyr Zelensky", "RT", "Antagonist", 3, 2),
        ("Volodymyr Zelensky", "Kyiv Post", "Protagonist", 1, 1),
    ]
    assert rows[0].fine == ("Deceiver", "Incompetent")  # 2 and 2: ties by name
    assert rows[1].fine == ("Guardian",)
    # a spelling an article used finds the same rows
    assert Browse(s.con).roles_by_outlet("Zelensky") == rows


def test_browse_roles_keep_hostile_names_as_data(store):
    s, _ = store
    rows = [r for r in Browse(s.con).roles_by_outlet() if r.role == "Innocent"]
    assert [(r.entity, r.outlet) for r in rows] == [("<script>alert(2)</script>", "<script>x</script>")]


def test_browse_narratives_a_version_2_database_gets_the_conflicts_table_on_a_writable_open(store, tmp_path):
    from presswatch.store.read import Reader

    s, _ = store
    s.con.execute("DROP TABLE narrative_conflicts")
    s.con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    s.close()
    with Store(tmp_path / "db.duckdb") as again:  # the fixture's database, opened for writing
        assert again.has_table("narrative_conflicts")
        assert Reader(again.con).narrative_conflicts() == []
        assert Browse(again.con).narratives_by("story")  # the corpus results read as before
