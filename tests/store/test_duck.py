from presswatch.model import Annotation, Article, Failure
from presswatch.store import Store


def _article(text="Body.", title="T"):
    a = Article.create("a.txt", text, title=title)
    a.add(Annotation("entity", "PERSON", 0, 4, None, {"canonical": "Body"}))
    return a


def test_store_round_trips_articles_with_annotations(tmp_path):
    a = _article()
    with Store(tmp_path / "db.duckdb") as s:
        s.write_articles([a])
        assert s.has_article(a.id)
        assert s.get_article(a.id) == a
        assert list(s.iter_articles()) == [a]


def test_store_same_article_twice_is_stored_once(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        s.write_articles([_article()])
        s.write_articles([_article()], replace=True)
        assert s.count("articles") == 1
        assert s.count("annotations") == 1


def test_store_records_failures(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        s.write_failures([Failure("bad.bin", "ingest", "binary file")])
        assert s.failures() == [Failure("bad.bin", "ingest", "binary file")]


def test_store_read_only_refuses_missing_database(tmp_path):
    import pytest

    with pytest.raises(FileNotFoundError, match="presswatch analyze"):
        Store(tmp_path / "missing.duckdb", read_only=True)
