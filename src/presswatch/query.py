"""`presswatch.open(db)`: a read-only handle on a presswatch database whose helpers return DataFrames.

A pandas (or polars) adapter over ``presswatch.store.read.Reader``: the queries and the typed
records live there. Every helper reads the generic ``annotations`` table, so it works whichever
layers were run; a layer that was not run gives an empty frame with the same columns.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Literal, Sequence

from .model import Article
from .store.schema import REVIEWED

__all__ = ["Database", "Frame", "open", "COLUMNS", "REVIEWED_TABLE"]

Backend = Literal["pandas", "polars"]

if TYPE_CHECKING:
    import pandas

    #: What the helpers return: a pandas DataFrame (a polars DataFrame with backend="polars").
    Frame = pandas.DataFrame
else:
    Frame = Any

#: Human corrections imported from Label Studio live here, beside (never over) model output.
REVIEWED_TABLE = REVIEWED.name

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
        self.reader = self.store.read

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
        return self.reader.tables()

    def has_table(self, name: str) -> bool:
        """Whether the database has a table of this name (corpus tables exist only after a corpus run)."""
        return self.reader.has_table(name)

    def sql(self, query: str, params: Sequence[Any] | None = None) -> Frame:
        """Run any read-only SQL query and return its result as a DataFrame."""
        rel = self.con.execute(query, list(params or []))
        return rel.pl() if self.backend == "polars" else rel.df()

    def article(self, article_id: str) -> Article:
        """One stored article (by id or unique id prefix) with its model annotations."""
        ids = self.reader.find_ids(article_id)
        if len(ids) != 1:
            what = "no article" if not ids else f"{len(ids)} articles"
            raise KeyError(f"{what} with id {article_id!r} in {self.path}")
        found = self.reader.article(ids[0])
        assert found is not None
        return found

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article as an Article object, streamed."""
        return self.reader.iter_articles()

    # -- frames -------------------------------------------------------------------------------
    def articles(self, *, with_text: bool = False) -> Frame:
        """One row per article: metadata, size and counts (``with_text=True`` adds the clean text)."""
        rows = self.reader.frame_rows("articles", text=", a.text" if with_text else "")
        return self._from_records(rows, COLUMNS["articles"] + (("text",) if with_text else ()))

    def annotations(self, layer: str | None = None) -> Frame:
        """Model annotations (of one layer, or all), with the text each span covers and attrs as dicts."""
        where, params = ("WHERE n.layer = ?", [layer]) if layer else ("", [])
        return self._frame("annotations", params, COLUMNS["annotations"], where=where)

    def reviewed(self, layer: str | None = None) -> Frame:
        """Human-reviewed annotations imported with `presswatch import-labels` (kept apart from model output)."""
        if not self.has_table(REVIEWED_TABLE):
            return self._empty(COLUMNS["reviewed"])
        where, params = ("WHERE n.layer = ?", [layer]) if layer else ("", [])
        return self._frame("reviewed", params, COLUMNS["reviewed"], where=where)

    def quotes(self) -> Frame:
        """Direct and partial quotes with their speaker, cue and outlet."""
        return self._frame("quotes", (), COLUMNS["quotes"])

    def claims(self) -> Frame:
        """Numeric claims: the number expression, its value, unit, modifier and who claims it."""
        return self._frame("claims", (), COLUMNS["claims"])

    def entities(self) -> Frame:
        """Entity mentions with their canonical name (the mention itself when none was given)."""
        return self._frame("entities", (), COLUMNS["entities"])

    def conflicts(self) -> Frame:
        """Claims that disagree, one row per claim, from the corpus layer (empty when it has not run)."""
        groups = self.reader.conflicts()
        outlets = dict(self.con.execute("SELECT id, outlet FROM articles").fetchall()) if groups else {}
        rows = [
            dict(zip(COLUMNS["conflicts"], (
                g.id, g.topic, c.article, c.outlet or outlets.get(c.article),
                None if c.value != c.value else c.value, c.text, c.speaker, c.published,
            )))
            for g in groups
            for c in g.claims
        ]
        return self._from_records(rows, COLUMNS["conflicts"])

    def failures(self, severity: str | None = "error") -> Frame:
        """Inputs that could not be analysed (``severity="warning"``: kept with a note; None: both)."""
        where, params = ("WHERE severity = ?", [severity]) if severity else ("", [])
        return self._frame("failures", params, COLUMNS["failures"], where=where)

    # -- corpus results -----------------------------------------------------------------------
    def corpus_section(self, name: str) -> list[dict[str, Any]]:
        """One section of the corpus results (``duplicates``, ``stories``, ``claim_conflicts``, ``timeline``,
        ``narrative_conflicts``) in corpus.json's shape, read from the database's corpus tables (empty when
        that layer has not run)."""
        read = {
            "duplicates": self.reader.duplicates, "stories": self.reader.stories,
            "claim_conflicts": self.reader.conflicts, "timeline": self.reader.timeline,
            "narrative_conflicts": self.reader.narrative_conflicts,
        }
        if name not in read:
            raise KeyError(f"no corpus section {name!r}; choose one of: {', '.join(read)}")
        return [r.to_dict() for r in read[name]()]

    # -- helpers ------------------------------------------------------------------------------
    def _frame(self, name: str, params: Sequence[Any], columns: Sequence[str], *, where: str = "") -> Frame:
        """One of the reader's table-shaped views as a frame, attrs decoded to dicts."""
        records = self.reader.frame_rows(name, params, where=where)
        for rec in records:
            if "attrs" in rec:
                rec["attrs"] = json.loads(rec["attrs"]) if isinstance(rec["attrs"], str) else (rec["attrs"] or {})
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


def open(db: str | Path, *, backend: Backend = "pandas") -> Database:  # noqa: A001 - the public name
    """Open a presswatch database read-only for querying: ``presswatch.open("out/presswatch.duckdb")``."""
    return Database(db, backend=backend)
