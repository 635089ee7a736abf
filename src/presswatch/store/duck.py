"""DuckDB store. One row per article (key: content-derived id), one per annotation.

Writes happen in one transaction per batch, so a run killed at any moment leaves a
consistent database and the next run completes it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import duckdb

from ..model import SCHEMA_VERSION, Annotation, Article, Failure, Removed, StageError

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    source_path VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    title VARCHAR,
    published VARCHAR,
    language VARCHAR,
    text VARCHAR,
    paragraphs JSON,
    removed JSON,
    errors JSON,
    analysed_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS annotations (
    article_id VARCHAR,
    layer VARCHAR,
    label VARCHAR,
    start INTEGER,
    "end" INTEGER,
    score DOUBLE,
    attrs JSON
);
CREATE TABLE IF NOT EXISTS article_sources (
    article_id VARCHAR,
    source_path VARCHAR,
    PRIMARY KEY (article_id, source_path)
);
CREATE TABLE IF NOT EXISTS failures (
    source_path VARCHAR,
    stage VARCHAR,
    reason VARCHAR,
    severity VARCHAR DEFAULT 'error',
    failed_at TIMESTAMP DEFAULT current_timestamp
);
"""

#: DuckDB memory_limit unless PRESSWATCH_DUCKDB_MEMORY says otherwise.
DEFAULT_MEMORY_LIMIT = "512MB"

ARTICLE_COLUMNS = (
    "id", "source_path", "url", "outlet", "title", "published", "language",
    "text", "paragraphs", "removed", "errors",
)


class Store:
    """A presswatch database. Open read-only to serve; read-write to analyse."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no presswatch database at {self.path}; run `presswatch analyze ... --out DIR` first")
        self.read_only = read_only
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        # DuckDB's default is 80 % of RAM; bounded so a corpus run stays small beside its models (SET, not a
        # connect config, so other plain connections to the same file still open)
        self.con.execute("SET memory_limit = ?", [os.environ.get("PRESSWATCH_DUCKDB_MEMORY", DEFAULT_MEMORY_LIMIT)])
        if not read_only:
            self.con.execute(SCHEMA_SQL)
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )

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
            placeholders = ",".join("?" * len(ids))
            con.execute(f"DELETE FROM annotations WHERE article_id IN ({placeholders})", ids)
            con.execute(f"DELETE FROM articles WHERE id IN ({placeholders})", ids)
            cols = ", ".join(ARTICLE_COLUMNS)
            con.executemany(
                f"INSERT INTO articles ({cols}) VALUES ({','.join('?' * len(ARTICLE_COLUMNS))})", rows
            )
            if ann_rows:
                con.executemany('INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?)', ann_rows)
            con.executemany(
                "INSERT OR IGNORE INTO article_sources VALUES (?, ?)", [(a.id, a.source_path) for a in articles]
            )
            # an input that failed before and is read fine now is no longer a failure
            sources = sorted({a.source_path for a in articles})
            con.execute(
                f"DELETE FROM failures WHERE severity = 'error' AND source_path IN ({','.join('?' * len(sources))})",
                sources,
            )
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
            con.execute(f"DELETE FROM failures WHERE source_path IN ({','.join('?' * len(sources))})", sources)
            con.executemany("INSERT INTO failures (source_path, stage, reason, severity) VALUES (?, ?, ?, ?)", rows)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def add_sources(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Record more places an already-stored article was read from (the same content, another path)."""
        if pairs:
            self.con.executemany("INSERT OR IGNORE INTO article_sources VALUES (?, ?)", list(pairs))
            sources = sorted({p for _, p in pairs})
            self.con.execute(
                f"DELETE FROM failures WHERE severity = 'error' AND source_path IN ({','.join('?' * len(sources))})",
                sources,
            )

    def sources(self, article_id: str) -> list[str]:
        """Every input path an article was read from, its own first."""
        return [r[0] for r in self.con.execute(
            "SELECT source_path FROM article_sources WHERE article_id = ? ORDER BY source_path", [article_id]
        ).fetchall()]

    def replace_table(self, name: str, create_sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Replace a derived table (corpus results) in one transaction."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f'DROP TABLE IF EXISTS "{name}"')
            con.execute(create_sql)
            if rows:
                n = len(rows[0])
                con.executemany(f'INSERT INTO "{name}" VALUES ({",".join("?" * n)})', rows)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    # -- reads ------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def has_table(self, name: str) -> bool:
        """Whether the database has a table of that name (derived tables appear on first use)."""
        row = self.con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
        return row is not None

    def count(self, table: str = "articles") -> int:
        return int(self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY published NULLS LAST, id").fetchall()]

    def find_ids(self, prefix: str) -> list[str]:
        """Ids that start with ``prefix`` (so users can type a short id)."""
        return [r[0] for r in self.con.execute("SELECT id FROM articles WHERE starts_with(id, ?) ORDER BY id", [prefix]).fetchall()]

    def get_article(self, article_id: str) -> Article | None:
        row = self.con.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            return None
        return self._article(row, self._annotations([article_id]).get(article_id, []))

    def iter_articles(self, batch_size: int = 500, layers: Sequence[str] | None = None) -> Iterator[Article]:
        """Every stored article with its annotations (only ``layers`` when given), streamed in batches."""
        ids = self.article_ids()
        for i in range(0, len(ids), batch_size):
            chunk = ids[i : i + batch_size]
            # a list parameter, not 500 placeholders: DuckDB takes ~1 s for such an IN list on the key column
            rows = self.con.execute(
                f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [chunk]
            ).fetchall()
            by_id = {r[0]: r for r in rows}
            anns = self._annotations(chunk, layers)
            for aid in chunk:
                if aid in by_id:
                    yield self._article(by_id[aid], anns.get(aid, []))

    def failures(self, severity: str = "error") -> list[Failure]:
        """Recorded failures (or warnings, with severity='warning'), oldest first."""
        return [
            Failure(*r)
            for r in self.con.execute(
                "SELECT source_path, stage, reason FROM failures WHERE severity = ? ORDER BY failed_at, source_path",
                [severity],
            ).fetchall()
        ]

    # -- helpers ----------------------------------------------------------------------------
    def _annotations(self, ids: Sequence[str], layers: Sequence[str] | None = None) -> dict[str, list[Annotation]]:
        placeholders = ",".join("?" * len(ids))
        only = f" AND layer IN ({','.join('?' * len(layers))})" if layers is not None else ""
        out: dict[str, list[Annotation]] = {}
        if layers is not None and not layers:
            return out
        for aid, layer, label, start, end, score, attrs in self.con.execute(
            f'SELECT article_id, layer, label, start, "end", score, attrs FROM annotations '
            f"WHERE article_id IN ({placeholders}){only} ORDER BY article_id, start NULLS FIRST, \"end\"",
            list(ids) + list(layers or ()),
        ).fetchall():
            out.setdefault(aid, []).append(
                Annotation(layer=layer, label=label, start=start, end=end, score=score, attrs=json.loads(attrs or "{}"))
            )
        return out

    @staticmethod
    def _article(row: Sequence[Any], annotations: list[Annotation]) -> Article:
        (aid, source_path, url, outlet, title, published, language, text, paragraphs, removed, errors) = row
        return Article(
            id=aid,
            source_path=source_path,
            url=url,
            outlet=outlet,
            title=title,
            published=published,
            language=language,
            text=text,
            paragraphs=[(int(s), int(e)) for s, e in json.loads(paragraphs or "[]")],
            removed=[Removed.from_dict(r) for r in json.loads(removed or "[]")],
            errors=[StageError.from_dict(e) for e in json.loads(errors or "[]")],
            annotations=annotations,
        )
