"""articles.unsupported: written by the store, read back by store/read.py, and added (empty) to an
older database on its first writable open."""

from __future__ import annotations

import duckdb
import pytest

from presswatch.model import Annotation, Article
from presswatch.store import SCHEMA_VERSION, Store

#: The articles table as schema versions 2 and 3 defined it (before ``unsupported``).
_OLD_ARTICLES = (
    "CREATE TABLE articles (id VARCHAR PRIMARY KEY, source_path VARCHAR, url VARCHAR, outlet VARCHAR, "
    "title VARCHAR, published VARCHAR, language VARCHAR, text VARCHAR, paragraphs JSON, removed JSON, "
    "errors JSON, analysed_at TIMESTAMP DEFAULT current_timestamp)"
)


def _old_database(path, version: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(version)])
    con.execute(_OLD_ARTICLES)
    con.execute("CREATE TABLE annotations (article_id VARCHAR, layer VARCHAR, label VARCHAR, start INTEGER, "
                "\"end\" INTEGER, score DOUBLE, attrs JSON)")
    con.execute("INSERT INTO articles (id, source_path, language, text, paragraphs, removed, errors) "
                "VALUES ('old1', 'old.txt', 'en', 'An old article.', '[[0, 15]]', '[]', '[]')")
    con.close()


def _bulgarian() -> Article:
    article = Article.create("bg.txt", "София. Правителството подаде оставка в сряда.", language="bg")
    article.mark_unsupported("entity", "no named-entity model for Bulgarian (bg) ships with presswatch")
    article.add(Annotation("technique", "Loaded_Language", 0, 6, 0.5))
    return article


@pytest.mark.parametrize("version", [2, 3])
def test_schema_unsupported_column_is_added_to_an_older_database(tmp_path, version):
    path = tmp_path / "old.duckdb"
    _old_database(path, version)
    with Store(path) as store:
        assert "unsupported" in {r[0] for r in store.con.execute("DESCRIBE articles").fetchall()}
        old = store.get_article("old1")
        assert old is not None and old.unsupported == {} and old.text == "An old article."
        new = _bulgarian()
        store.write_articles([new])
        assert store.get_article(new.id).unsupported == new.unsupported
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    con.close()


def test_schema_unsupported_round_trips_through_a_new_database(tmp_path):
    article = _bulgarian()
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([article])
        back = store.get_article(article.id)
        raw = store.con.execute("SELECT unsupported FROM articles WHERE id = ?", [article.id]).fetchone()[0]
    assert back.unsupported == {"entity": "no named-entity model for Bulgarian (bg) ships with presswatch"}
    assert "Bulgarian" in raw
    assert [a.label for a in back.annotations] == ["Loaded_Language"]
