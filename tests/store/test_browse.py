"""Aggregate reads: counts, people and the search filters over a small store, with attrs read through attrs.sql_select."""

from __future__ import annotations

from presswatch.model import Annotation, Article
from presswatch.store import Store
from presswatch.store.browse import Browse, CorpusCounts


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
        assert b.corpus_counts() == CorpusCounts(articles=2, outlets=1, unknown_outlet=1, failed=0, warnings=0)
        assert b.layer_counts() == {"claim": 1, "entity": 1, "quote": 2}
        assert [(o.outlet, o.articles) for o in b.outlets(10, unknown="(unknown)")] == [(None, 1), ("BBC", 1)]
        assert [(s.name, s.quotes) for s in b.speakers(5)] == [("Anna Petrova", 1), ("Vladimir Putin", 1)]
        assert sorted(m.annotation.layer for m in b.person("vladimir putin")) == ["claim", "entity", "quote"]
        assert b.filter_ids() is None
        assert b.filter_ids(person="anna petrova") == {two.id}
        assert b.filter_ids(person="Vladimir Putin", technique="Loaded_Language") == set()
        assert [m.id for m in b.recent(5)] == [two.id, one.id]


def test_corpus_counts_tell_failures_from_warnings(tmp_path):
    from presswatch.model import Failure

    kept = _article("Kept", "Ein Artikel auf Deutsch, behalten.", "Tagesspiegel", "2022-09-22")
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([kept])
        store.write_failures([Failure("broken.bin", "read", "not text")],
                             warnings=[Failure("de.txt", "language", "German: rhetoric not run")])
        n = Browse(store.con).corpus_counts()
        assert (n.failed, n.warnings) == (1, 1)
        assert (n.articles, n.outlets, n.unknown_outlet) == (1, 1, 0)


def test_attention_counts_articles_per_day_and_week_by_group(tmp_path):
    mon = _article("Mon", "Queues form. Loaded words here.", "BBC", "2022-09-19",
                   ("technique", "Loaded_Language", "Loaded words", {}))
    tue = _article("Tue", "More queues. Loaded words again, loaded words.", "BBC", "2022-09-20T08:00:00",
                   ("technique", "Loaded_Language", "Loaded words", {}),
                   ("technique", "Loaded_Language", "loaded words", {}))
    nxt = _article("Next week", "Queues ease.", "Reuters", "2022-09-27")
    undated = _article("Undated", "No date here.", None, None)
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([mon, tue, nxt, undated])
        b = Browse(store.con)
        assert [(c.period, c.group, c.articles) for c in b.attention("day", "outlet")] == [
            ("2022-09-19", "BBC", 1), ("2022-09-20", "BBC", 1), ("2022-09-27", "Reuters", 1), (None, None, 1)]
        assert [(c.period, c.group, c.articles) for c in b.attention("week", "outlet")] == [
            ("2022-09-19", "BBC", 2), ("2022-09-26", "Reuters", 1), (None, None, 1)]
        # an article with two spans of a technique counts once
        assert [(c.period, c.group, c.articles) for c in b.attention("week", "technique")] == [
            ("2022-09-19", "Loaded_Language", 2)]
        assert b.attention("week", "story") == []  # the corpus layer has not run
        assert [(s.outlet, s.label, s.articles) for s in b.label_shares("technique")] == [("BBC", "Loaded_Language", 2)]
        assert [s.annotations for s in b.label_shares("technique")] == [3]  # three spans in two articles
        assert b.label_shares("technique", outlet="Reuters") == []
        assert [m.title for m in b.outlet_articles("BBC")] == ["Tue", "Mon"]
        assert (b.outlet_size("BBC"), b.outlet_size("Nobody")) == (2, 0)
        assert b.outlet_articles("Nobody") == []
        import pytest

        with pytest.raises(ValueError):
            b.attention("month", "outlet")
        with pytest.raises(ValueError):
            b.attention("day", "author")
