"""`presswatch.open(db)`: a read-only handle on a presswatch database whose helpers return DataFrames.

Every helper reads the generic ``annotations`` table, so it works whichever layers were run;
a layer that was not run gives an empty frame with the same columns.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Literal, Sequence

from .model import Article

__all__ = ["Database", "Frame", "open", "COLUMNS", "REVIEWED_TABLE"]

Backend = Literal["pandas", "polars"]

if TYPE_CHECKING:
    import pandas

    #: What the helpers return: a pandas DataFrame (a polars DataFrame with backend="polars").
    Frame = pandas.DataFrame
else:
    Frame = Any

#: Human corrections imported from Label Studio live here, beside (never over) model output.
REVIEWED_TABLE = "reviewed_annotations"

#: The columns of every helper's frame, so empty results still have the right shape.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "source_path", "url", "outlet", "title", "published", "language",
        "chars", "paragraphs", "annotations", "errors",
    ),
    "annotations": ("article_id", "layer", "label", "start", "end", "score", "text", "attrs"),
    "reviewed": ("article_id", "layer", "label", "start", "end", "score", "text", "attrs", "source", "annotator", "reviewed_at"),
    "quotes": (
        "article_id", "outlet", "published", "label", "start", "end", "text",
        "speaker", "speaker_start", "speaker_end", "cue", "score",
    ),
    "claims": (
        "article_id", "outlet", "published", "start", "end", "text",
        "value", "unit", "modifier", "speaker", "sentence", "score",
    ),
    "entities": ("article_id", "label", "start", "end", "text", "canonical", "score"),
    "conflicts": ("conflict", "topic", "article_id", "outlet", "value", "text", "speaker", "published"),
    "failures": ("source_path", "stage", "reason", "severity", "failed_at"),
}

#: Typed pandas columns: offsets and counts stay integers even when some are missing.
_DTYPES: dict[str, str] = {
    "start": "Int64", "end": "Int64", "speaker_start": "Int64", "speaker_end": "Int64",
    "chars": "Int64", "paragraphs": "Int64", "annotations": "Int64", "errors": "Int64",
    "score": "float64", "value": "float64",
}

_SPAN_TEXT = 'CASE WHEN n.start IS NULL THEN NULL ELSE substring(a.text, n.start + 1, n."end" - n.start) END'


def _attr(key: str) -> str:
    return f"json_extract_string(n.attrs, '$.{key}')"


def _num_attr(key: str) -> str:
    return f"TRY_CAST(json_extract_string(n.attrs, '$.{key}') AS DOUBLE)"


def _int_attr(key: str) -> str:
    return f"TRY_CAST(json_extract_string(n.attrs, '$.{key}') AS INTEGER)"


class Database:
    """A read-only presswatch database; every helper returns a pandas (or polars) DataFrame."""

    def __init__(self, path: str | Path, *, backend: Backend = "pandas") -> None:
        from .store import Store

        if backend not in ("pandas", "polars"):
            raise ValueError(f"backend must be 'pandas' or 'polars', not {backend!r}")
        if backend == "polars":
            try:
                import polars  # noqa: F401
            except ImportError as exc:
                raise ImportError("backend='polars' needs the polars package: pip install polars") from exc
        self.path = Path(path)
        self.backend: Backend = backend
        self.store = Store(self.path, read_only=True)
        self.con = self.store.con

    # -- lifecycle ----------------------------------------------------------------------------
    def close(self) -> None:
        """Close the database connection."""
        self.store.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<presswatch.Database {str(self.path)!r}>"

    # -- raw access ---------------------------------------------------------------------------
    def tables(self) -> list[str]:
        """Names of the tables in the database."""
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]

    def has_table(self, name: str) -> bool:
        """Whether the database has a table of this name (corpus tables exist only after a corpus run)."""
        return name in self.tables()

    def sql(self, query: str, params: Sequence[Any] | None = None) -> Frame:
        """Run any read-only SQL query and return its result as a DataFrame."""
        rel = self.con.execute(query, list(params or []))
        return rel.pl() if self.backend == "polars" else rel.df()

    def article(self, article_id: str) -> Article:
        """One stored article (by id or unique id prefix) with its model annotations."""
        ids = self.store.find_ids(article_id)
        if len(ids) != 1:
            what = "no article" if not ids else f"{len(ids)} articles"
            raise KeyError(f"{what} with id {article_id!r} in {self.path}")
        found = self.store.get_article(ids[0])
        assert found is not None
        return found

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article as an Article object, streamed."""
        return self.store.iter_articles()

    # -- frames -------------------------------------------------------------------------------
    def articles(self, *, with_text: bool = False) -> Frame:
        """One row per article: metadata, size and counts (``with_text=True`` adds the clean text)."""
        text_col = ", a.text" if with_text else ""
        return self._frame(
            f"""
            SELECT a.id, a.source_path, a.url, a.outlet, a.title, a.published, a.language,
                   length(a.text) AS chars,
                   json_array_length(a.paragraphs)::INTEGER AS paragraphs,
                   (SELECT count(*) FROM annotations n WHERE n.article_id = a.id)::INTEGER AS annotations,
                   json_array_length(a.errors)::INTEGER AS errors{text_col}
            FROM articles a ORDER BY a.published NULLS LAST, a.id
            """,
            (),
            COLUMNS["articles"] + (("text",) if with_text else ()),
        )

    def annotations(self, layer: str | None = None) -> Frame:
        """Model annotations (of one layer, or all), with the text each span covers and attrs as dicts."""
        where, params = ("WHERE n.layer = ?", [layer]) if layer else ("", [])
        return self._frame(
            f"""
            SELECT n.article_id, n.layer, n.label, n.start, n."end", n.score, {_SPAN_TEXT} AS text, n.attrs
            FROM annotations n JOIN articles a ON a.id = n.article_id {where}
            ORDER BY a.published NULLS LAST, n.article_id, n.layer, n.start NULLS FIRST, n."end"
            """,
            params,
            COLUMNS["annotations"],
            json_columns=("attrs",),
        )

    def reviewed(self, layer: str | None = None) -> Frame:
        """Human-reviewed annotations imported with `presswatch import-labels` (kept apart from model output)."""
        if not self.has_table(REVIEWED_TABLE):
            return self._empty(COLUMNS["reviewed"])
        where, params = ("WHERE n.layer = ?", [layer]) if layer else ("", [])
        return self._frame(
            f"""
            SELECT n.article_id, n.layer, n.label, n.start, n."end", n.score, {_SPAN_TEXT} AS text, n.attrs,
                   n.source, n.annotator, n.reviewed_at
            FROM {REVIEWED_TABLE} n JOIN articles a ON a.id = n.article_id {where}
            ORDER BY n.source, n.article_id, n.layer, n.start NULLS FIRST, n."end"
            """,
            params,
            COLUMNS["reviewed"],
            json_columns=("attrs",),
        )

    def quotes(self) -> Frame:
        """Direct and partial quotes with their speaker, cue and outlet."""
        return self._frame(
            f"""
            SELECT n.article_id, a.outlet, a.published, n.label, n.start, n."end", {_SPAN_TEXT} AS text,
                   {_attr('speaker')} AS speaker, {_int_attr('speaker_start')} AS speaker_start,
                   {_int_attr('speaker_end')} AS speaker_end, {_attr('cue')} AS cue, n.score
            FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.layer = 'quote'
            ORDER BY a.published NULLS LAST, n.article_id, n.start
            """,
            (),
            COLUMNS["quotes"],
        )

    def claims(self) -> Frame:
        """Numeric claims: the number expression, its value, unit, modifier and who claims it."""
        return self._frame(
            f"""
            SELECT n.article_id, a.outlet, a.published, n.start, n."end", {_SPAN_TEXT} AS text,
                   {_num_attr('value')} AS value, {_attr('unit')} AS unit, {_attr('modifier')} AS modifier,
                   {_attr('speaker')} AS speaker, {_attr('sentence')} AS sentence, n.score
            FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.layer = 'claim'
            ORDER BY a.published NULLS LAST, n.article_id, n.start
            """,
            (),
            COLUMNS["claims"],
        )

    def entities(self) -> Frame:
        """Entity mentions with their canonical name (the mention itself when none was given)."""
        return self._frame(
            f"""
            SELECT n.article_id, n.label, n.start, n."end", {_SPAN_TEXT} AS text,
                   coalesce({_attr('canonical')}, {_SPAN_TEXT}) AS canonical, n.score
            FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.layer = 'entity'
            ORDER BY a.published NULLS LAST, n.article_id, n.start
            """,
            (),
            COLUMNS["entities"],
        )

    def conflicts(self) -> Frame:
        """Claims that disagree, one row per claim, from the corpus layer (empty when it has not run)."""
        rows = [
            dict(zip(COLUMNS["conflicts"], r)) for r in conflict_rows(self.corpus_section("claim_conflicts"))
        ]
        if rows:
            outlets = dict(self.con.execute("SELECT id, outlet FROM articles").fetchall())
            for r in rows:
                r["outlet"] = r["outlet"] or outlets.get(r["article_id"])
        return self._from_records(rows, COLUMNS["conflicts"])

    def failures(self, severity: str | None = "error") -> Frame:
        """Inputs that could not be analysed (``severity="warning"``: kept with a note; None: both)."""
        cols = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'failures'"
        ).fetchall()}
        # databases from before the severity column hold errors only
        sev = "severity" if "severity" in cols else "'error'"
        where, params = (f"WHERE {sev} = ?", [severity]) if severity else ("", [])
        return self._frame(
            f"SELECT source_path, stage, reason, {sev} AS severity, failed_at FROM failures {where} "
            "ORDER BY failed_at, source_path",
            params,
            COLUMNS["failures"],
        )

    # -- corpus results -----------------------------------------------------------------------
    def corpus_section(self, name: str) -> list[dict[str, Any]]:
        """One section of the corpus results (``duplicates``, ``stories``, ``claim_conflicts``, ``timeline``).

        Read from the database table of that name when the corpus layer stored one, else from the
        ``corpus.json`` written beside the database; empty when neither exists.
        """
        if self.has_table(name):
            cur = self.con.execute(f'SELECT * FROM "{name}"')
            cols = [d[0] for d in cur.description]
            return [{c: _maybe_json(v) for c, v in zip(cols, row)} for row in cur.fetchall()]
        corpus_file = self.path.parent / "corpus.json"
        if corpus_file.is_file():
            try:
                data = json.loads(corpus_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return []
            section = data.get(name) if isinstance(data, dict) else None
            return [s for s in section or [] if isinstance(s, dict)]
        return []

    # -- helpers ------------------------------------------------------------------------------
    def _frame(self, query: str, params: Sequence[Any], columns: Sequence[str], *, json_columns: Sequence[str] = ()) -> Frame:
        rel = self.con.execute(query, list(params))
        names = [d[0] for d in rel.description]
        rows = rel.fetchall()
        records = [dict(zip(names, r)) for r in rows]
        for rec in records:
            for c in json_columns:
                rec[c] = json.loads(rec[c]) if isinstance(rec[c], str) else (rec[c] or {})
        return self._from_records(records, columns)

    def _from_records(self, records: list[dict[str, Any]], columns: Sequence[str]) -> Frame:
        if self.backend == "polars":
            import polars as pl

            if not records:
                return pl.DataFrame({c: [] for c in columns})
            return pl.DataFrame(records, infer_schema_length=None).select(list(columns))
        import pandas as pd

        frame = pd.DataFrame.from_records(records, columns=list(columns))
        for col in frame.columns:
            if col in _DTYPES:
                frame[col] = frame[col].astype(_DTYPES[col])
        return frame

    def _empty(self, columns: Sequence[str]) -> Frame:
        return self._from_records([], columns)


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def conflict_rows(sections: list[dict[str, Any]]) -> Iterator[tuple[Any, ...]]:
    """Flatten claim conflicts to (conflict, topic, article_id, outlet, value, text, speaker, published) rows.

    Accepts the corpus.json shape (``{"topic", "claims": [...]}`` per conflict) and a flat table
    with one claim per row and a conflict id column.
    """
    for i, conflict in enumerate(sections):
        claims = conflict.get("claims")
        if isinstance(claims, str):
            claims = _maybe_json(claims)
        if isinstance(claims, list):
            cid = conflict.get("id", conflict.get("conflict_id", i))
            for c in claims:
                if isinstance(c, dict):
                    yield _claim_row(cid, conflict.get("topic"), c)
        else:
            cid = conflict.get("conflict_id", conflict.get("conflict", conflict.get("id", i)))
            yield _claim_row(cid, conflict.get("topic"), conflict)


def _claim_row(cid: Any, topic: Any, c: dict[str, Any]) -> tuple[Any, ...]:
    value = c.get("value")
    try:
        value = float(value) if value is not None else None
    except (TypeError, ValueError):
        value = None
    article = c.get("article_id", c.get("article"))
    return (cid, topic, article, c.get("outlet"), value, c.get("text"), c.get("speaker"), c.get("published"))


def open(db: str | Path, *, backend: Backend = "pandas") -> Database:  # noqa: A001 - the public name
    """Open a presswatch database read-only for querying: ``presswatch.open("out/presswatch.duckdb")``."""
    return Database(db, backend=backend)
