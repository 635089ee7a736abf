"""The typed reader: articles and the corpus layer's results come back as the records that were written."""

from __future__ import annotations

from datetime import date

from presswatch.corpus.types import (
    ClaimGroup, ClaimRecord, DuplicateGroup, DuplicateMember, Story, StoryArticle, TimelineEntry,
)
from presswatch.model import Annotation, Article
from presswatch.store import Store
from presswatch.store.corpus import fetch_articles, write_results


def _claim(article, value, modifier, text, sentence, speaker, published):
    return ClaimRecord(article=article, start=0, value=value, modifier=modifier, text=text, sentence=sentence,
                       speaker=speaker, published=published, kind="killed", subject="soldiers", qualifier=None,
                       unit="soldiers", when=date(2022, 9, 26), outlet="BBC")


DUPLICATES = [DuplicateGroup("g1", "near", (DuplicateMember("a1", "2022-09-26", None, 1.0),
                                            DuplicateMember("a3", None, "RT", 0.9, ("new para",), ()))),
              DuplicateGroup("g0", "exact", (DuplicateMember("a4", None, None, 1.0),
                                             DuplicateMember("a5", None, None, 1.0)))]
STORIES = [Story("st1", "Sochi talks", ("Sochi",), "talks", "2022-09-26", "2022-09-27",
                 (StoryArticle("a1", 0.9, "2022-09-26", "T1"), StoryArticle("a2", 0.8, "2022-09-27", "T2")))]
GROUPS = [
    ClaimGroup("c1", "conflict", "soldiers killed", "st1", (
        _claim("a1", 55000.0, None, "55,000", "55,000 soldiers died", "Zelensky", "2022-09-26"),
        _claim("a2", 25000.0, "about", "25,000", "about 25,000 died", "Heappey", "2022-09-27"),
    )),
    ClaimGroup("c2", "corroboration", "people detained", None, (
        _claim("a1", 1300.0, None, "1,300", "1,300 detained", None, None),
    ), note="two sources agree"),
]
TIMELINE = [TimelineEntry(date(2022, 9, 26), "day", "Monday", True, "a1", "Talks began.", 0, 5, "st1")]


def _written(tmp_path):
    path = tmp_path / "c.duckdb"
    with Store(path) as store:
        write_results(store, duplicates=DUPLICATES, states=[], stories=STORIES, model="test",
                      claim_groups=GROUPS, timeline=TIMELINE)
    return path


def test_read_corpus_results_come_back_as_written(tmp_path):
    with Store(_written(tmp_path), read_only=True) as store:
        assert store.read.duplicates() == DUPLICATES
        assert store.read.stories() == STORIES
        assert store.read.timeline() == TIMELINE
        (conflict,) = store.read.conflicts()
        assert [g.id for g in store.read.claim_groups()] == ["c1", "c2"]
        assert store.read.claim_groups(("corroboration",))[0].note == "two sources agree"
    assert (conflict.id, conflict.kind, conflict.topic, conflict.story) == ("c1", "conflict", "soldiers killed", "st1")
    assert [(c.article, c.value, c.modifier, c.text, c.sentence, c.speaker, c.published, c.when, c.outlet)
            for c in conflict.claims] == [
        (c.article, c.value, c.modifier, c.text, c.sentence, c.speaker, c.published, c.when, c.outlet)
        for c in GROUPS[0].claims]
    # what the reader shows is what corpus.json shows
    assert [c.to_dict() for c in conflict.claims] == [c.to_dict() for c in GROUPS[0].claims]


def test_read_corpus_results_are_empty_before_the_corpus_layer_ran(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        assert (store.read.duplicates(), store.read.stories(), store.read.conflicts(), store.read.timeline()) == (
            [], [], [], [])


def test_read_articles_by_id_with_only_the_layers_asked_for(tmp_path):
    a = Article.create("a.txt", "Putin said 300,000.", title="T")
    a.add(Annotation("entity", "PERSON", 0, 5, None, {"canonical": "Vladimir Putin"}))
    a.add(Annotation("claim", "number", 11, 18, None, {"value": 300000}))
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([a])
        only_claims = fetch_articles(store, [a.id, "missing"], ["claim"])
        assert list(only_claims) == [a.id]
        assert [n.layer for n in only_claims[a.id].annotations] == ["claim"]
        assert store.get_articles([a.id])[a.id] == a
        assert store.read.resolve(a.id[:6]) == a.id and store.read.resolve("zz") is None
