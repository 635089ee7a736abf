"""Full-text search over the stored articles: a SQLite FTS5 index beside the DuckDB database.

``presswatch.duckdb`` gets ``presswatch.search.sqlite``: titles and texts tokenised by
``porter unicode61 remove_diacritics 2`` (so "flees" finds "flee" and "fleeing"), ranked by BM25
with title words weighted up, plus each article's outlet, day and language for the filters.
:func:`sync` keeps the index in step with the database (articles added, replaced or removed, found
by a fingerprint of what is indexed) and rebuilds it when it is missing or of another version;
``analyze`` calls it after every run and a reader calls it when it opens the index.

The query language is the analyst's: words, ``"a phrase"``, ``AND`` / ``OR`` / ``NOT`` (or
``-word``), parentheses and ``prefix*``. :func:`parse_query` turns it into an FTS5 expression in
which every word is a quoted string, so no text of the query is read as FTS5 syntax; a query it
cannot read raises :class:`SearchQueryError`, whose message never repeats the query.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Collection

__all__ = [
    "INDEX_VERSION", "MAX_QUERY_CHARS", "SearchQueryError", "SearchHit", "SearchResult", "SyncStats",
    "SearchIndex", "index_path", "parse_query", "sync",
]

#: Bumped when the index's tables or tokenizer change: an index of another version is rebuilt.
INDEX_VERSION = 1
TOKENIZER = "porter unicode61 remove_diacritics 2"
#: A query longer than this, or with more words, is refused with a message.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 32
#: BM25 weights of (title, body): a word in the title counts as much as four in the text.
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
#: Tokens of a snippet (FTS5 caps it at 64).
SNIPPET_TOKENS = 40
SNIPPET_CHARS = 240
SORTS = ("relevance", "date")
# Marks around a hit inside snippet(); stripped from every indexed text so a text cannot fake one.
_OPEN, _CLOSE = "\x02", "\x03"
_MARKS = str.maketrans({_OPEN: " ", _CLOSE: " "})
_BATCH = 500
#: What an article's index entry is made of; a change in any of them re-indexes the article.
_FINGERPRINT_SQL = (
    "md5(concat_ws(chr(31), coalesce(title, ''), coalesce(text, ''), coalesce(outlet, ''), "
    "coalesce(published, ''), coalesce(language, '')))"
)
_QUERY_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+)|(?P<quote>")')
_WORDCHAR = re.compile(r"\w")
_OPERATORS = ("AND", "OR", "NOT")
HELP = 'use words, "a phrase", AND, OR, NOT (or -word), parentheses and prefix*'


class SearchQueryError(ValueError):
    """A query the index cannot run. The message says what to change and never repeats the query."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching article: its id, its score (higher is better; 0 without words) and a snippet
    as (text, is_hit) parts, plain text to be escaped where it is rendered."""

    id: str
    score: float
    snippet: tuple[tuple[str, bool], ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """How many articles match, and the best of them."""

    total: int
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True, slots=True)
class SyncStats:
    """What a sync changed: articles (re)indexed, removed, and whether the index was rebuilt."""

    indexed: int
    removed: int
    rebuilt: bool


def index_path(db_path: str | Path) -> Path:
    """Where a database's index lives: ``presswatch.duckdb`` -> ``presswatch.search.sqlite``."""
    p = Path(db_path)
    return p.with_name(p.stem + ".search.sqlite")


# -- the query language -----------------------------------------------------------------------------
def _fts_string(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def parse_query(q: str) -> str:
    """The FTS5 expression for an analyst's query ('' when it has no words to find)."""
    if len(q) > MAX_QUERY_CHARS:
        raise SearchQueryError(f"the query is longer than {MAX_QUERY_CHARS} characters; shorten it")
    out: list[str] = []  # operands, operators and parentheses, in FTS5 syntax
    depth, words = 0, 0

    def operand(text: str) -> None:
        nonlocal words
        if out and out[-1] not in ("AND", "OR", "NOT", "("):
            out.append("AND")
        out.append(text)
        words += 1

    def operator(op: str) -> None:
        if not out or out[-1] in ("AND", "OR", "NOT", "("):
            if op == "NOT" and out and out[-1] == "AND":  # "a AND NOT b" is FTS5's "a NOT b"
                out[-1] = "NOT"
                return
            raise SearchQueryError(f"{op} needs a word or phrase on each side (e.g. mobilisation {op} protest)")
        out.append(op)

    for m in _QUERY_TOKEN.finditer(q):
        kind = m.lastgroup
        if kind == "quote":
            raise SearchQueryError('a quotation mark is not closed: put a phrase "between two quotation marks"')
        if kind == "phrase":
            if _WORDCHAR.search(m.group("phrase")):
                operand(_fts_string(" ".join(m.group("phrase").split())))
        elif kind == "open":
            if out and out[-1] not in ("AND", "OR", "NOT", "("):
                out.append("AND")
            out.append("(")
            depth += 1
        elif kind == "close":
            if depth == 0:
                raise SearchQueryError("a closing parenthesis has no opening one")
            if out and out[-1] in ("AND", "OR", "NOT"):
                raise SearchQueryError(f"{out[-1]} needs a word or phrase on each side")
            if out and out[-1] == "(":
                out.pop()  # "()" finds nothing: dropped
            else:
                out.append(")")
            depth -= 1
        else:
            word = m.group("word")
            if word in _OPERATORS:
                operator(word)
                continue
            negated = word.startswith("-") and len(word) > 1
            if negated:
                word = word[1:]
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if not _WORDCHAR.search(word):
                continue  # punctuation alone finds nothing
            if negated:
                operator("NOT")
                out.append(_fts_string(word) + (" *" if prefix else ""))
                words += 1
            else:
                operand(_fts_string(word) + (" *" if prefix else ""))
    if depth:
        raise SearchQueryError("a parenthesis is not closed")
    if out and out[-1] in ("AND", "OR", "NOT"):
        raise SearchQueryError(f"{out[-1]} needs a word or phrase on each side")
    if words > MAX_QUERY_WORDS:
        raise SearchQueryError(f"the query has more than {MAX_QUERY_WORDS} words; use fewer")
    return " ".join(out)


def _snippet(marked: str) -> tuple[tuple[str, bool], ...]:
    """(text, is_hit) parts of a string with hits between the open and close marks."""
    parts: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(f"[{_OPEN}{_CLOSE}]", marked)):
        if piece:
            parts.append((piece, i % 2 == 1))
    return tuple(parts)


# -- the index --------------------------------------------------------------------------------------
class SearchIndex:
    """One FTS5 index file (or an in-memory one), safe to share between threads."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = None if path is None else Path(path)
        self.con = sqlite3.connect(":memory:" if path is None else str(path), check_same_thread=False)
        self._lock = threading.Lock()

    @classmethod
    def open(cls, db_path: str | Path, con: Any) -> "SearchIndex":
        """The index beside a database, synced with it; in memory when the folder is not writable."""
        try:
            index = cls(index_path(db_path))
            index.sync(con)
            return index
        except (OSError, sqlite3.Error):
            index = cls(None)
            index.sync(con)
            return index

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "SearchIndex":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _version(self) -> int | None:
        try:
            row = self.con.execute("SELECT value FROM info WHERE key = 'version'").fetchone()
        except sqlite3.OperationalError:
            return None
        return int(row[0]) if row else None

    def _create(self) -> None:
        c = self.con
        for table in ("fts", "docs", "info"):
            c.execute(f"DROP TABLE IF EXISTS {table}")
        c.execute("CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT)")
        c.execute("CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, fp TEXT, "
                  "outlet TEXT, day TEXT, published TEXT, language TEXT)")
        c.execute(f"CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = '{TOKENIZER}')")
        c.execute("INSERT INTO info VALUES ('version', ?)", [str(INDEX_VERSION)])

    def sync(self, con: Any) -> SyncStats:
        """Bring the index in step with the articles of a DuckDB connection."""
        wanted = dict(con.execute(f"SELECT id, {_FINGERPRINT_SQL} FROM articles").fetchall())
        with self._lock, self.con:
            rebuilt = self._version() != INDEX_VERSION
            if rebuilt:
                self._create()
            have = dict(self.con.execute("SELECT id, fp FROM docs").fetchall())
            stale = [i for i, fp in have.items() if wanted.get(i) != fp]
            todo = [i for i, fp in wanted.items() if have.get(i) != fp]
            for start in range(0, len(stale), _BATCH):
                chunk = stale[start : start + _BATCH]
                marks = ",".join("?" * len(chunk))
                self.con.execute(f"DELETE FROM fts WHERE rowid IN (SELECT rowid FROM docs WHERE id IN ({marks}))", chunk)
                self.con.execute(f"DELETE FROM docs WHERE id IN ({marks})", chunk)
            for start in range(0, len(todo), _BATCH):
                chunk = todo[start : start + _BATCH]
                rows = con.execute(
                    f"SELECT id, {_FINGERPRINT_SQL}, title, text, outlet, published, language FROM articles "
                    "WHERE id IN (SELECT unnest(?))", [chunk]).fetchall()
                for aid, fp, title, text, outlet, published, language in rows:
                    cur = self.con.execute(
                        "INSERT INTO docs (id, fp, outlet, day, published, language) VALUES (?, ?, ?, ?, ?, ?)",
                        [aid, fp, outlet, (published or "")[:10] or None, published, language])
                    self.con.execute("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
                                     [cur.lastrowid, (title or "").translate(_MARKS), (text or "").translate(_MARKS)])
        return SyncStats(indexed=len(todo), removed=len([i for i in stale if i not in wanted]), rebuilt=rebuilt)

    def count(self) -> int:
        """Articles in the index."""
        with self._lock:
            return int(self.con.execute("SELECT count(*) FROM docs").fetchone()[0])

    def search(
        self,
        q: str = "",
        *,
        outlet: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        language: str | None = None,
        ids: Collection[str] | None = None,
        sort: str = "relevance",
        limit: int = 50,
    ) -> SearchResult:
        """Articles matching the query and filters (``ids``: only these), best first or newest first.

        Dates compare as the day (YYYY-MM-DD) of ``published``; without words every article passing
        the filters matches, newest first, and its snippet is the start of its text.
        """
        if sort not in SORTS:
            raise SearchQueryError(f"sort must be one of {', '.join(SORTS)}")
        expr = parse_query(q)
        where, params = [], []
        if expr:
            where.append("fts MATCH ?")
            params.append(expr)
        for sql, value in (("d.outlet = ?", outlet), ("d.day >= ?", date_from), ("d.day <= ?", date_to),
                           ("d.language = ?", language)):
            if value:
                where.append(sql)
                params.append(value)
        if ids is not None:
            where.append("d.id IN (SELECT value FROM json_each(?))")
            params.append(_json_list(ids))
        cond = " AND ".join(where) or "1"
        source = "fts JOIN docs d ON d.rowid = fts.rowid"
        if expr:
            score = f"-bm25(fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"
            snippet = f"snippet(fts, 1, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS})"
        else:
            score, snippet = "0.0", f"substr(fts.body, 1, {SNIPPET_CHARS})"
        order = "score DESC, d.published DESC" if sort == "relevance" and expr else "d.published IS NULL, d.published DESC, score DESC"
        try:
            with self._lock:
                total = int(self.con.execute(f"SELECT count(*) FROM {source} WHERE {cond}", params).fetchone()[0])
                rows = self.con.execute(
                    f"SELECT d.id, {score} AS score, {snippet}, length(fts.body) FROM {source} WHERE {cond} "
                    f"ORDER BY {order}, d.id LIMIT ?", [*params, int(limit)]).fetchall()
        except sqlite3.OperationalError as exc:  # parse_query should leave none; never show FTS5's text
            raise SearchQueryError(f"the query could not be read: {HELP}") from exc
        hits = []
        for aid, s, snip, length in rows:
            if not expr and length > SNIPPET_CHARS:
                snip += "…"
            hits.append(SearchHit(aid, float(f"{float(s):.4g}"), _snippet(snip)))  # BM25 of a tiny corpus is tiny
        return SearchResult(total, tuple(hits))


def _json_list(values: Collection[str]) -> str:
    return json.dumps(list(values))


def sync(db_path: str | Path, con: Any) -> SyncStats:
    """Bring the index beside a database in step with it (``analyze`` calls this after each run)."""
    with SearchIndex(index_path(db_path)) as index:
        return index.sync(con)

