"""The web app reads the corpus layer's results from its tables, as the corpus layer's writer stores them."""

from __future__ import annotations

from datetime import date

from presswatch.store import Store
from presswatch.web.corpus import load_corpus
from presswatch.web.db import Database


def test_corpus_read_tables_as_the_corpus_layer_writes_them(tmp_path):
    """Tables written by the corpus layer's own writer (so this test follows its schema)."""
    from presswatch.corpus.types import (
        ClaimGroup, ClaimRecord, DuplicateGroup, DuplicateMember, Story, StoryArticle, TimelineEntry,
    )
    from presswatch.store.corpus import write_results

    def claim(article, value, modifier, text, sentence, speaker, published):
        return ClaimRecord(article=article, start=0, value=value, modifier=modifier, text=text, sentence=sentence,
                           speaker=speaker, published=published, kind="killed", subject="soldiers", qualifier=None,
                           unit="soldiers", when=None)

    path = tmp_path / "c.duckdb"
    with Store(path) as store:
        write_results(
            store,
            duplicates=[DuplicateGroup("g1", "near", (DuplicateMember("a1", None, None, 1.0),
                                                      DuplicateMember("a3", None, None, 0.9)))],
            states=[],
            stories=[Story("st1", "Sochi talks", (), "talks", "2022-09-26", "2022-09-27",
                           (StoryArticle("a1", 0.9, "2022-09-26", "T1"), StoryArticle("a2", 0.8, "2022-09-27", "T2")))],
            model="test",
            claim_groups=[ClaimGroup("c1", "conflict", "soldiers killed", "st1", (
                claim("a1", 55000.0, None, "55,000", "55,000 soldiers died", "Zelensky", "2022-09-26"),
                claim("a2", 25000.0, "about", "25,000", "about 25,000 died", "Heappey", "2022-09-27"),
            ))],
            timeline=[TimelineEntry(date(2022, 9, 26), "day", "Monday", True, "a1", "Talks began.", 0, 5, "st1")],
        )
    db = Database(path)
    view = load_corpus(db.reader())
    db.close()
    assert [(s.id, s.label, tuple(a.article for a in s.articles)) for s in view.stories] == [
        ("st1", "Sochi talks", ("a1", "a2"))]
    assert view.duplicates_of("a1") == ["a3"] and view.story_of("a2").id == "st1"
    (c,) = view.conflicts
    assert c.topic == "soldiers killed"
    assert [(x.value, x.speaker, x.modifier, x.sentence) for x in c.claims] == [
        (55000.0, "Zelensky", None, "55,000 soldiers died"), (25000.0, "Heappey", "about", "about 25,000 died")]
    assert view.timeline[0].statement == "Talks began." and view.timeline[0].story == "st1"


def test_corpus_read_is_empty_before_the_corpus_layer_ran_even_with_a_corpus_json(tmp_path):
    """corpus.json is an output, not an input: the pages read only the database."""
    path = tmp_path / "presswatch.duckdb"
    Store(path).close()
    (tmp_path / "corpus.json").write_text('{"stories": [{"id": "s", "label": "L", "articles": ["a"]}]}')
    db = Database(path)
    view = load_corpus(db.reader())
    db.close()
    assert view.stories == () and view.conflicts == () and view.duplicates == () and view.timeline == ()
