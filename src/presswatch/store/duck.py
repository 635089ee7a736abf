"""DuckDB store. One row per article (key: content-derived id), one per annotation.

Writes happen in one transaction per batch, so a run killed at any moment leaves a
consistent database and the next run completes it.
"""

from __future__ import annotations

import json
import os
import re
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import duckdb
import numpy as np

from ..model import Article, Failure
from .read import ARTICLE_COLUMNS, Reader, ids_param
from .schema import TABLES, open_schema

#: DuckDB memory_limit unless PRESSWATCH_DUCKDB_MEMORY says otherwise.
DEFAULT_MEMORY_LIMIT = "512MB"

#: Rows per Arrow chunk in Store.insert_rows (bounded: one Arrow table of 100k articles' rows would
#: double their memory).
INSERT_CHUNK = 2000

_IDS = ids_param

_PID = re.compile(r"\(PID (\d+)\)")


class StoreLocked(RuntimeError):
    """The database file is held by another process (DuckDB: one writer, or readers, never both)."""


def _locked(path: Path, exc: Exception, *, read_only: bool) -> StoreLocked:
    """One sentence saying who holds the file and what to do (DuckDB's own message names the PID)."""
    m = _PID.search(str(exc))
    who = f"another process (PID {m.group(1)})" if m else "another process"
    if read_only:
        return StoreLocked(f"{path} is being written by {who}, a running `presswatch analyze` or "
                           "`presswatch serve --allow-analyze`; wait for it to finish, then try again.")
    return StoreLocked(f"{path} is open in {who}, such as a running `presswatch serve` or another analyze; "
                       "stop it and run again, or analyse into another --db / --out and serve that.")


class Store:
    """A presswatch database. Open read-only to serve; read-write to analyse."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no presswatch database at {self.path}; run `presswatch analyze ... --out DIR` first")
        self.read_only = read_only
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            raise _locked(self.path, exc, read_only=read_only) from None
        # DuckDB's default is 80 % of RAM; bounded so a corpus run stays small beside its models (SET, not a
        # connect config, so other plain connections to the same file still open)
        self.con.execute("SET memory_limit = ?", [os.environ.get("PRESSWATCH_DUCKDB_MEMORY", DEFAULT_MEMORY_LIMIT)])
        try:
            # creates the tables of a new database, upgrades an older one, refuses a newer one
            open_schema(self.con, read_only=read_only)
        except Exception:
            self.con.close()
            raise
        #: Typed reads (presswatch.store.read) over this connection.
        self.read = Reader(self.con)

    # -- lifecycle ----------------------------------------------------------------------------
    def close(self) -> None:
        try:
            self.con.close()
        except Exception:  # noqa: BLE001 - closing twice is harmless
            pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes -----------------------------------------------------------------------------
    def write_articles(self, articles: Sequence[Article], *, replace: bool = False) -> None:
        """Store a batch of analysed articles in one transaction (replacing rows with the same id)."""
        if not articles:
            return
        ids = [a.id for a in articles]
        rows = [
            (
                a.id, a.source_path, a.url, a.outlet, a.title, a.published, a.language, a.text,
                json.dumps([[s, e] for s, e in a.paragraphs]),
                json.dumps([r.to_dict() for r in a.removed], ensure_ascii=False),
                json.dumps([e.to_dict() for e in a.errors], ensure_ascii=False),
                json.dumps(a.unsupported, ensure_ascii=False),
            )
            for a in articles
        ]
        ann_rows = [
            (a.id, n.layer, n.label, n.start, n.end, n.score, json.dumps(n.attrs, ensure_ascii=False))
            for a in articles
            for n in a.annotations
        ]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f"DELETE FROM annotations WHERE article_id IN ({_IDS})", [ids])
            con.execute(f"DELETE FROM articles WHERE id IN ({_IDS})", [ids])
            self.insert_rows("articles", rows, ARTICLE_COLUMNS)
            self.insert_rows("annotations", ann_rows)
            self.insert_rows("article_sources", [(a.id, a.source_path) for a in articles], on_conflict="ignore")
            # an input that failed before and is read fine now is no longer a failure
            sources = sorted({a.source_path for a in articles})
            con.execute(f"DELETE FROM failures WHERE severity = 'error' AND source_path IN ({_IDS})", [sources])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def write_failures(self, failures: Iterable[Failure], *, warnings: Iterable[Failure] = ()) -> None:
        """Record this run's failures (severity 'error') and warnings; a source's older rows are replaced."""
        rows = [(f.source_path, f.stage, f.reason, "error") for f in failures]
        rows += [(w.source_path, w.stage, w.reason, "warning") for w in warnings]
        if not rows:
            return
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            sources = sorted({r[0] for r in rows})
            con.execute(f"DELETE FROM failures WHERE source_path IN ({_IDS})", [sources])
            self.insert_rows("failures", rows, ("source_path", "stage", "reason", "severity"))
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def add_sources(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Record more places an already-stored article was read from (the same content, another path)."""
        if pairs:
            self.insert_rows("article_sources", pairs, on_conflict="ignore")
            sources = sorted({p for _, p in pairs})
            self.con.execute(f"DELETE FROM failures WHERE severity = 'error' AND source_path IN ({_IDS})", [sources])

    def sources(self, article_id: str) -> list[str]:
        """Every input path an article was read from, its own first."""
        return self.read.sources(article_id)

    def replace_table(self, name: str, rows: Iterable[Sequence[Any]]) -> None:
        """Replace a derived table of schema.TABLES (corpus results, entities) in one transaction; rows may
        be a generator."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f'DROP TABLE IF EXISTS "{name}"')
            con.execute(TABLES[name].create_sql(if_not_exists=False))
            self.insert_rows(name, rows)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def insert_rows(
        self,
        table: str,
        rows: Iterable[Sequence[Any]],
        columns: Sequence[str] | None = None,
        *,
        on_conflict: str | None = None,
        chunk: int = INSERT_CHUNK,
    ) -> None:
        """Insert rows through Arrow, ``chunk`` rows at a time (inside the caller's transaction);
        ``on_conflict`` is None (an error), "ignore" or "replace".

        DuckDB runs ``executemany`` as one statement per row (about 0.5 ms each: a batch of 32
        articles with their ~3,000 annotations took 1.7 s); one Arrow chunk is one statement. Columns
        take the table's types, so a value of the wrong type is an error here, not a silent cast.
        """
        it = iter(rows)
        first = list(islice(it, chunk))
        if not first:
            return
        types = self._column_types(table)
        if columns is not None:
            types = [dict(zip(self._column_names(table), types))[c] for c in columns]
        target = f'"{table}"' + (f" ({', '.join(_quote(c) for c in columns)})" if columns is not None else "")
        verb = {None: "INSERT INTO", "ignore": "INSERT OR IGNORE INTO", "replace": "INSERT OR REPLACE INTO"}[on_conflict]
        batch = first
        while batch:
            self.con.register("_presswatch_rows", arrow_table(batch, types))
            try:
                self.con.execute(f"{verb} {target} SELECT * FROM _presswatch_rows")
            finally:
                self.con.unregister("_presswatch_rows")
            batch = list(islice(it, chunk))

    def _column_names(self, table: str) -> list[str]:
        return [r[0] for r in self.con.execute(f'DESCRIBE "{table}"').fetchall()]

    def _column_types(self, table: str) -> list[str]:
        return [r[1] for r in self.con.execute(f'DESCRIBE "{table}"').fetchall()]

    def ensure_table(self, name: str) -> None:
        """Create a table of schema.TABLES if the database lacks it (tables written on first use)."""
        self.con.execute(TABLES[name].create_sql())

    # -- reads (presswatch.store.read) ------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.read.has_article(article_id)

    def has_table(self, name: str) -> bool:
        """Whether the database has a table of that name (derived tables appear on first use)."""
        return self.read.has_table(name)

    def count(self, table: str = "articles") -> int:
        return int(self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    def article_ids(self) -> list[str]:
        return self.read.article_ids()

    def find_ids(self, prefix: str) -> list[str]:
        """Ids that start with ``prefix`` (so users can type a short id)."""
        return self.read.find_ids(prefix)

    def get_article(self, article_id: str) -> Article | None:
        return self.read.article(article_id)

    def get_articles(self, ids: Sequence[str], layers: Sequence[str] | None = None) -> dict[str, Article]:
        """Articles by id (those stored), with only the annotation ``layers`` asked for when given."""
        return self.read.articles(ids, layers)

    def iter_articles(self, batch_size: int = 500, layers: Sequence[str] | None = None) -> Iterator[Article]:
        """Every stored article with its annotations (only ``layers`` when given), streamed in batches."""
        return self.read.iter_articles(batch_size, layers)

    def failures(self, severity: str = "error") -> list[Failure]:
        """Recorded failures (or warnings, with severity='warning'), oldest first."""
        return self.read.failures(severity)


def _quote(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


#: DuckDB column type -> Arrow type for Store.insert_rows.
_ARROW_TYPES = {
    "VARCHAR": "string", "JSON": "string", "INTEGER": "int64", "BIGINT": "int64", "UINTEGER": "int64",
    "DOUBLE": "float64", "FLOAT": "float64", "BOOLEAN": "bool_", "TIMESTAMP": "timestamp_us", "DATE": "date32",
}
#: numeric list element types, built from one flat numpy array (vectors, MinHash values).
_NUMPY_LISTS = {"FLOAT": np.float32, "DOUBLE": np.float64, "UINTEGER": np.uint32, "INTEGER": np.int32,
                "BIGINT": np.int64}


def arrow_table(rows: Sequence[Sequence[Any]], types: Sequence[str]) -> Any:
    """Rows as an Arrow table typed by the DuckDB column types; numpy vectors become list columns
    without a Python float per value."""
    import pyarrow as pa

    columns = {}
    for k, sql_type in enumerate(types):
        values = [r[k] for r in rows]
        element = sql_type[:-2] if sql_type.endswith("[]") else None
        if element in _NUMPY_LISTS:
            columns[f"c{k}"] = _list_column(values, _NUMPY_LISTS[element])
        elif element is not None:
            inner = _arrow_type(element)
            columns[f"c{k}"] = pa.array(values, type=pa.list_(inner) if inner is not None else None)
        else:
            columns[f"c{k}"] = pa.array(values, type=_arrow_type(sql_type))
    return pa.table(columns)


def _arrow_type(sql_type: str) -> Any:
    """The Arrow type for a scalar DuckDB type (None: let Arrow infer it)."""
    import pyarrow as pa

    name = _ARROW_TYPES.get(sql_type)
    if name == "timestamp_us":
        return pa.timestamp("us")
    return getattr(pa, name)() if name else None


def _list_column(values: list[Any], dtype: Any) -> Any:
    """A list column from numpy vectors (None for a null row), built from one flat array."""
    import pyarrow as pa

    offsets = np.zeros(len(values) + 1, dtype=np.int32)
    np.cumsum([0 if v is None else len(v) for v in values], out=offsets[1:])
    flat = np.concatenate([np.asarray(v, dtype=dtype) for v in values if v is not None] or [np.zeros(0, dtype)])
    mask = pa.array([v is None for v in values])
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(flat), mask=mask)
