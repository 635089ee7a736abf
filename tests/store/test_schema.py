"""The schema module: every table defined once, the version stamped, upgraded and checked on open."""

from __future__ import annotations

import duckdb
import pytest

from presswatch.store import SCHEMA_VERSION, SchemaVersionError, Store
from presswatch.store.schema import CORE_TABLES, TABLES


def _version(path) -> str:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    finally:
        con.close()


def test_schema_new_database_has_the_core_tables_as_defined_and_is_stamped(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as s:
        for table in CORE_TABLES:
            assert tuple(r[0] for r in s.con.execute(f'DESCRIBE "{table.name}"').fetchall()) == table.column_names
    assert _version(path) == str(SCHEMA_VERSION)


def test_schema_derived_tables_are_created_from_the_definitions(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        s.replace_table("entity_aliases", [("Putin", "Vladimir Putin")])
        s.ensure_table("reviewed_annotations")
        for name in ("entity_aliases", "reviewed_annotations"):
            described = [(r[0], r[1]) for r in s.con.execute(f'DESCRIBE "{name}"').fetchall()]
            assert described == [(c.name, c.type) for c in TABLES[name].columns]


def test_schema_refuses_a_database_newer_than_the_code(tmp_path):
    path = tmp_path / "db.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    for read_only in (False, True):
        with pytest.raises(SchemaVersionError, match="newer than this presswatch"):
            Store(path, read_only=read_only)


def test_schema_upgrades_a_version_1_database_on_a_writable_open(tmp_path):
    path = tmp_path / "db.duckdb"
    con = duckdb.connect(str(path))
    # a database as presswatch 1 wrote it before failures had a severity
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("CREATE TABLE articles (id VARCHAR PRIMARY KEY, title VARCHAR)")
    con.execute("CREATE TABLE failures (source_path VARCHAR, stage VARCHAR, reason VARCHAR, failed_at TIMESTAMP)")
    con.execute("INSERT INTO failures VALUES ('bad.bin', 'ingest', 'binary', now())")
    con.close()
    with pytest.raises(SchemaVersionError, match="open it once for writing"):
        Store(path, read_only=True)
    with Store(path) as s:
        assert s.con.execute("SELECT severity FROM failures").fetchall() == [("error",)]
    assert _version(path) == str(SCHEMA_VERSION)
    Store(path, read_only=True).close()
