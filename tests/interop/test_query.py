"""presswatch.open(db): read-only query helpers that return DataFrames."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

import presswatch
from presswatch.query import COLUMNS


def test_query_open_is_the_public_api(db_path):
    assert "open" in presswatch.__all__
    with presswatch.open(db_path) as db:
        assert isinstance(db, presswatch.Database)
        assert {"articles", "annotations"} <= set(db.tables())


def test_query_articles_has_one_row_per_article_with_counts(db_path, built_db):
    with presswatch.open(db_path) as db:
        frame = db.articles()
    assert list(frame.columns) == list(COLUMNS["articles"])
    assert len(frame) == len(built_db[1])
    by_id = frame.set_index("id")
    for article in built_db[1]:
        assert by_id.loc[article.id, "annotations"] == len(article.annotations)
        assert by_id.loc[article.id, "chars"] == len(article.text)


def test_query_annotations_by_layer_carry_span_text_and_attrs(db_path):
    with presswatch.open(db_path) as db:
        techniques = db.annotations("technique")
        everything = db.annotations()
    assert set(techniques["layer"]) == {"technique"}
    assert len(everything) > len(techniques)
    emoji = techniques[techniques["label"] == "Loaded_Language"].iloc[0]
    # offsets are code points: the span with an emoji comes back whole
    assert emoji["text"] == "a disaster \U0001F4A5 and a betrayal"
    genre = everything[everything["layer"] == "genre"].iloc[0]
    assert pd.isna(genre["start"]) and pd.isna(genre["text"])
    assert isinstance(everything.iloc[0]["attrs"], dict)
    assert str(everything["start"].dtype) == "Int64"


def test_query_quotes_have_speakers(db_path):
    with presswatch.open(db_path) as db:
        quotes = db.quotes()
    assert list(quotes.columns) == list(COLUMNS["quotes"])
    assert quotes.iloc[0]["speaker"] == "Alexander Lukashenko"
    assert quotes.iloc[0]["text"] == "we will win, we have no other choice"


def test_query_claims_have_numeric_values_units_and_speakers(db_path):
    with presswatch.open(db_path) as db:
        claims = db.claims().sort_values("value")
    assert claims["value"].tolist() == [300000.0, 1000000.0]
    assert claims["modifier"].tolist() == ["only", "up to"]
    assert claims["speaker"].tolist() == ["Dmitry Peskov", "Officials"]
    assert claims["text"].tolist() == ["300,000", "up to 1 million"]


def test_query_entities_use_canonical_names(db_path):
    with presswatch.open(db_path) as db:
        entities = db.entities()
    assert set(entities["canonical"]) == {"Alexander Lukashenko", "Vladimir Putin", "Dmitry Peskov"}


def test_query_missing_layers_and_tables_give_empty_frames_with_columns(tmp_path):
    from presswatch.model import Article
    from presswatch.store import Store

    path = tmp_path / "empty.duckdb"
    with Store(path) as store:
        store.write_articles([Article.create("<test>", "Just one plain sentence here.", title="Title")])
    with presswatch.open(path) as db:
        for name in ("quotes", "claims", "entities", "conflicts", "failures", "reviewed"):
            frame = getattr(db, name)()
            assert frame.empty, name
            assert list(frame.columns) == list(COLUMNS[name]), name


def test_query_conflicts_from_the_corpus_tables(db_copy, built_db, store_conflicts):
    first, second = built_db[1]
    store_conflicts(db_copy, [("c1", "reservists mobilised", [
        (first.id, 1000000, "up to 1 million", "Officials"), (second.id, 300000, "300,000", "Dmitry Peskov"),
    ])])
    with presswatch.open(db_copy) as db:
        conflicts = db.conflicts()
    assert list(conflicts.columns) == list(COLUMNS["conflicts"])
    assert conflicts["value"].tolist() == [1000000.0, 300000.0]
    assert set(conflicts["topic"]) == {"reservists mobilised"}
    assert conflicts["article_id"].tolist() == [first.id, second.id]


def test_query_conflicts_keep_the_stored_claim_order(db_copy, built_db, store_conflicts):
    first = built_db[1][0]
    store_conflicts(db_copy, [("c1", "troops", [
        (first.id, 55000, "55,000", "a source"), (first.id, 25000, "25,000", "another"),
    ])])
    with presswatch.open(db_copy) as db:
        conflicts = db.conflicts()
    assert conflicts["value"].tolist() == [55000.0, 25000.0]
    assert conflicts["topic"].tolist() == ["troops", "troops"]


def test_query_handle_is_read_only(db_path):
    with presswatch.open(db_path) as db:
        with pytest.raises(duckdb.Error):
            db.sql("DELETE FROM articles")
        assert len(db.sql("SELECT * FROM articles")) == 2


def test_query_article_by_prefix_returns_the_object(db_path, built_db):
    wanted = built_db[1][0]
    with presswatch.open(db_path) as db:
        found = db.article(wanted.id[:6])
        assert found.text == wanted.text
        assert sorted(found.annotations, key=repr) == sorted(wanted.annotations, key=repr)
        with pytest.raises(KeyError):
            db.article("zzzz")


def test_query_polars_backend_fails_loudly_when_missing(db_path):
    pytest.importorskip("pandas")
    try:
        import polars  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install polars"):
            presswatch.open(db_path, backend="polars")
    else:
        with presswatch.open(db_path, backend="polars") as db:
            assert db.quotes().columns == list(COLUMNS["quotes"])


def test_analyze_accepts_paths_and_texts_and_returns_objects(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("From a file\n\nA short article read from disk.", encoding="utf-8")
    result = presswatch.analyze([f], texts=["From memory\n\nA short article given as text."], stages=(), corpus=False)
    assert [a.title for a in result.articles] == ["From a file", "From memory"]
    assert all(isinstance(a, presswatch.Article) for a in result.articles)
    assert result.summary.analysed == 2


def test_query_conflicts_one_row_per_claim_with_the_group_id(db_copy, built_db, store_conflicts):
    first, second = built_db[1]
    store_conflicts(db_copy, [("c1", "men mobilised", [
        (first.id, 1000000.0, "up to 1 million", "Officials"), (second.id, 300000.0, "300,000", "Dmitry Peskov"),
    ])])
    with presswatch.open(db_copy) as db:
        conflicts = db.conflicts()
    assert conflicts["conflict"].tolist() == ["c1", "c1"]
    assert conflicts["speaker"].tolist() == ["Officials", "Dmitry Peskov"]
    assert conflicts["value"].tolist() == [1000000.0, 300000.0]


def test_query_failures_split_errors_from_warnings(db_copy):
    from presswatch.model import Failure
    from presswatch.store import Store

    with Store(db_copy) as store:
        store.write_failures([Failure("bad.bin", "ingest", "binary file")],
                             warnings=[Failure("de.txt", "nlp", "language 'de'; English-only layers skipped")])
    with presswatch.open(db_copy) as db:
        assert db.failures()["source_path"].tolist() == ["bad.bin"]
        assert db.failures("warning")["source_path"].tolist() == ["de.txt"]
        assert sorted(db.failures(None)["severity"]) == ["error", "warning"]
