"""Aggregate reads: counts, people and the search filters over a small store, with attrs read through attrs.sql_select."""

from __future__ import annotations

from presswatch.model import Annotation, Article
from presswatch.store import Store
from presswatch.store.browse import Browse


def _article(title, text, outlet, published, *anns):
    a = Article.create(f"{title}.txt", text, title=title)
    a.outlet, a.published = outlet, published
    for layer, label, words, attrs in anns:
        s = text.index(words)
        a.add(Annotation(layer, label, s, s + len(words), None, attrs))
    return a


def test_browse_counts_people_and_search(tmp_path):
    one = _article("Call-up", "Putin said 300,000 men. Putin said it again.", "BBC", "2022-09-21",
                   ("quote", "direct", "300,000 men", {"speaker": "Vladimir Putin", "cue": "said"}),
                   ("entity", "PERSON", "Putin", {"canonical": "Vladimir Putin"}),
                   ("claim", "number", "300,000", {"value": 300000, "speaker": "Vladimir Putin"}))
    two = _article("Border", "Queues at the border; reservists wait.", None, "2022-09-28",
                   ("quote", "direct", "reservists wait", {"speaker": "Anna Petrova"}))
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([one, two])
        b = Browse(store.con)
        assert b.counts() == (2, 1, 0)
        assert b.layer_counts() == {"claim": 1, "entity": 1, "quote": 2}
        assert [(o.outlet, o.articles) for o in b.outlets(10, unknown="(unknown)")] == [(None, 1), ("BBC", 1)]
        assert [(s.name, s.quotes) for s in b.speakers(5)] == [("Anna Petrova", 1), ("Vladimir Putin", 1)]
        assert sorted(m.annotation.layer for m in b.person("vladimir putin")) == ["claim", "entity", "quote"]
        assert b.filter_ids() is None
        assert b.filter_ids(person="anna petrova") == {two.id}
        assert b.filter_ids(person="Vladimir Putin", technique="Loaded_Language") == set()
        assert [m.id for m in b.recent(5)] == [two.id, one.id]
