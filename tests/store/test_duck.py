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


def _vectors_table(s):
    s.con.execute("CREATE TABLE v (id VARCHAR PRIMARY KEY, n INTEGER, vec FLOAT[], tags VARCHAR[])")


def test_store_insert_rows_types_values_from_the_table_across_chunks(tmp_path):
    import numpy as np

    rows = [(f"a{i}", i, np.arange(3, dtype=np.float32) + i if i % 2 else None, ["x", str(i)]) for i in range(7)]
    with Store(tmp_path / "db.duckdb") as s:
        _vectors_table(s)
        s.insert_rows("v", iter(rows), chunk=3)  # a generator, in three chunks
        back = s.con.execute("SELECT id, n, vec, tags FROM v ORDER BY n").fetchall()
    assert [r[0] for r in back] == [f"a{i}" for i in range(7)]
    assert back[0][2] is None and back[1][2] == [1.0, 2.0, 3.0] and back[6][3] == ["x", "6"]


def test_store_insert_rows_on_conflict_ignore_replace_or_error(tmp_path):
    import duckdb
    import pytest

    with Store(tmp_path / "db.duckdb") as s:
        _vectors_table(s)
        s.insert_rows("v", [("a", 1, None, None)])
        s.insert_rows("v", [("a", 2, None, None)], on_conflict="ignore")
        assert s.con.execute("SELECT n FROM v").fetchall() == [(1,)]
        s.insert_rows("v", [("a", 3, None, None)], on_conflict="replace")
        assert s.con.execute("SELECT n FROM v").fetchall() == [(3,)]
        with pytest.raises(duckdb.ConstraintException):
            s.insert_rows("v", [("a", 4, None, None)])
        s.insert_rows("v", [("b", 5)], columns=["id", "n"])
        assert s.con.execute("SELECT n, vec FROM v WHERE id = 'b'").fetchall() == [(5, None)]
