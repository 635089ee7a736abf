"""Every table of a presswatch database, its columns and types, and the schema version.

The writers (``Store``, the corpus tables, the entity table, the Label Studio import) create
their tables from here, and :func:`open_schema` stamps the version on a new database, applies
the upgrades an older one needs, and refuses one written by a newer presswatch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

__all__ = [
    "VERSION", "Column", "Table", "TABLES", "CORE_TABLES", "CORPUS_TABLES", "ENTITY_TABLES",
    "SchemaVersionError", "open_schema", "database_version",
]

#: The database schema version (not ``presswatch.SCHEMA_VERSION``, which versions articles.jsonl).
#: 1: the first stamped databases; 2: every table is created from this module (``failures.severity``
#: exists in every database); 3: the corpus layer's ``narrative_conflicts`` table; 4: ``articles.unsupported``
#: (layer -> why it could not run on the article's language).
VERSION = 4


class SchemaVersionError(RuntimeError):
    """A database this presswatch cannot read or upgrade."""


@dataclass(frozen=True)
class Column:
    """One column: name, DuckDB type and an optional SQL default."""

    name: str
    type: str
    default: str | None = None

    def sql(self) -> str:
        """The column's definition inside CREATE TABLE."""
        return f'"{self.name}" {self.type}' + (f" DEFAULT {self.default}" if self.default else "")


@dataclass(frozen=True)
class Table:
    """One table: name, columns in order, primary key."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def create_sql(self, *, if_not_exists: bool = True) -> str:
        """CREATE TABLE for this table."""
        parts = [c.sql() for c in self.columns]
        if self.primary_key:
            parts.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in self.primary_key) + ")")
        guard = "IF NOT EXISTS " if if_not_exists else ""
        return f'CREATE TABLE {guard}"{self.name}" ({", ".join(parts)})'


def _t(name: str, spec: str, key: tuple[str, ...] = ()) -> Table:
    """A Table from "name TYPE [DEFAULT x], ..." (the way the tables read best)."""
    cols = []
    for part in spec.split(","):
        words = part.split()
        default = " ".join(words[3:]) if len(words) > 2 and words[2].upper() == "DEFAULT" else None
        cols.append(Column(words[0], words[1], default))
    return Table(name, tuple(cols), key)


_ANNOTATION = "article_id VARCHAR, layer VARCHAR, label VARCHAR, start INTEGER, end INTEGER, score DOUBLE, attrs JSON"
_CLAIMS = (
    "conflict_id VARCHAR, kind VARCHAR, topic VARCHAR, story_id VARCHAR, note VARCHAR, article_id VARCHAR, "
    "outlet VARCHAR, value DOUBLE, modifier VARCHAR, text VARCHAR, sentence VARCHAR, speaker VARCHAR, "
    "published VARCHAR, refers_to VARCHAR"
)

#: Tables every database has from its first open.
CORE_TABLES: tuple[Table, ...] = (
    _t("meta", "key VARCHAR, value VARCHAR", ("key",)),
    _t(
        "articles",
        "id VARCHAR, source_path VARCHAR, url VARCHAR, outlet VARCHAR, title VARCHAR, published VARCHAR, "
        "language VARCHAR, text VARCHAR, paragraphs JSON, removed JSON, errors JSON, unsupported JSON, "
        "analysed_at TIMESTAMP DEFAULT current_timestamp",
        ("id",),
    ),
    _t("annotations", _ANNOTATION),
    _t("article_sources", "article_id VARCHAR, source_path VARCHAR", ("article_id", "source_path")),
    _t(
        "failures",
        "source_path VARCHAR, stage VARCHAR, reason VARCHAR, severity VARCHAR DEFAULT 'error', "
        "failed_at TIMESTAMP DEFAULT current_timestamp",
    ),
)

#: The canonical entity table (store/entities.py), rebuilt on every run.
ENTITY_TABLES: tuple[Table, ...] = (
    _t("entities", "canonical VARCHAR, label VARCHAR, mentions INTEGER, articles INTEGER, aliases JSON"),
    _t("entity_aliases", "name VARCHAR, canonical VARCHAR"),
)

#: What the corpus layer writes (store/corpus.py). Groups have one row per group (members as a JSON
#: list of ids, earliest first) for readers and one row per member for joins.
CORPUS_TABLES: tuple[Table, ...] = (
    _t("corpus_vectors", "article_id VARCHAR, exact VARCHAR, shingles INTEGER, minhash UINTEGER[], model VARCHAR, "
       "embedding FLOAT[]", ("article_id",)),
    _t("duplicates", "group_id VARCHAR, kind VARCHAR, articles JSON, size INTEGER, first_published VARCHAR",
       ("group_id",)),
    _t("duplicate_members", "group_id VARCHAR, kind VARCHAR, rank INTEGER, article_id VARCHAR, published VARCHAR, "
       "outlet VARCHAR, similarity DOUBLE, added JSON, removed JSON"),
    _t("stories", "id VARCHAR, label VARCHAR, entities JSON, key_phrase VARCHAR, start VARCHAR, end VARCHAR, "
       "size INTEGER, articles JSON", ("id",)),
    _t("story_articles", "story_id VARCHAR, article_id VARCHAR, score DOUBLE, published VARCHAR, title VARCHAR"),
    _t("story_state", "story_id VARCHAR, model VARCHAR, vector_sum FLOAT[], entity_counts JSON, "
       "entity_mentions JSON, start VARCHAR, end VARCHAR", ("story_id",)),
    _t("claim_groups", _CLAIMS),
    _t("claim_conflicts", _CLAIMS),
    _t("timeline", "story_id VARCHAR, date VARCHAR, precision VARCHAR, date_text VARCHAR, relative BOOLEAN, "
       "article_id VARCHAR, statement VARCHAR, start INTEGER, end INTEGER"),
    _t("narrative_conflicts", "conflict_id VARCHAR, kind VARCHAR, story_id VARCHAR, topic VARCHAR, domain VARCHAR, "
       "side VARCHAR, article_id VARCHAR, outlet VARCHAR, label VARCHAR, score DOUBLE, published VARCHAR, fine JSON"),
)

#: Human corrections imported from Label Studio, beside (never over) model output.
REVIEWED = _t("reviewed_annotations", _ANNOTATION + ", source VARCHAR, annotator VARCHAR, reviewed_at VARCHAR")

#: Every table by name.
TABLES: dict[str, Table] = {t.name: t for t in CORE_TABLES + ENTITY_TABLES + CORPUS_TABLES + (REVIEWED,)}


# -- version ------------------------------------------------------------------------------------
def _has_table(con: Any, name: str) -> bool:
    return con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = ?", [name]).fetchone() is not None


def database_version(con: Any) -> int | None:
    """The schema version stamped in a database (None for an empty one; 1 for one stamped before
    versions were checked, whose meta row may be missing)."""
    if _has_table(con, "meta"):
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is not None:
            try:
                return int(row[0])
            except ValueError:
                raise SchemaVersionError(f"the database's schema_version {row[0]!r} is not a number") from None
    return 1 if _has_table(con, "articles") else None


def _columns(con: Any, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()}


def _upgrade_1(con: Any) -> None:
    """1 -> 2: databases from before warnings were recorded hold errors only."""
    if _has_table(con, "failures") and "severity" not in _columns(con, "failures"):
        con.execute("ALTER TABLE failures ADD COLUMN severity VARCHAR DEFAULT 'error'")


def _upgrade_2(con: Any) -> None:
    """2 -> 3: a database the corpus layer wrote before gets the (empty) narrative conflicts table, so its
    corpus results read as complete until the next corpus run fills it."""
    if _has_table(con, "stories"):
        con.execute(TABLES["narrative_conflicts"].create_sql())


def _upgrade_3(con: Any) -> None:
    """3 -> 4: articles get ``unsupported`` (empty: an article stored before ran every layer its
    presswatch had for its language, and recorded none as unable to run)."""
    if _has_table(con, "articles") and "unsupported" not in _columns(con, "articles"):
        con.execute("ALTER TABLE articles ADD COLUMN unsupported JSON DEFAULT '{}'")


#: UPGRADES[n] takes a database from version n to n + 1.
UPGRADES: dict[int, Callable[[Any], None]] = {1: _upgrade_1, 2: _upgrade_2, 3: _upgrade_3}


def open_schema(con: Any, *, read_only: bool) -> int:
    """Check (and, writable, create or upgrade) the schema of an open database; its version.

    A database newer than this code is refused either way; an older one opened read-only is
    refused with what to do, since reading it would need the upgrade.
    """
    found = database_version(con)
    if found is not None and found > VERSION:
        raise SchemaVersionError(
            f"the database has schema version {found}, newer than this presswatch reads ({VERSION}); "
            "upgrade presswatch (pip install -U presswatch)"
        )
    if read_only:
        if found is not None and found < VERSION:
            raise SchemaVersionError(
                f"the database has schema version {found}, older than this presswatch ({VERSION}); "
                "open it once for writing to upgrade it (`presswatch analyze ... --db FILE` or "
                "presswatch.store.Store(FILE))"
            )
        return found or VERSION
    con.execute("BEGIN TRANSACTION")
    try:
        for version in range(found or VERSION, VERSION):
            UPGRADES[version](con)
        for table in CORE_TABLES:
            con.execute(table.create_sql())
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(VERSION)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return VERSION
