"""Reading a presswatch database: the one place that turns its tables into typed records.

``Reader(con)`` returns the records of ``model.py`` (Article, Annotation, Failure) and of
``corpus/types.py`` (DuplicateGroup, Story, ClaimGroup, TimelineEntry), read from the tables that
``schema.py`` defines (never from corpus.json). The pandas API (``presswatch.open``), the web pages,
the static report and the exports are adapters over it. Attribute columns come from
``presswatch.attrs.sql_select``, so no attrs key is spelled here.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from ..attrs import sql_select
from ..model import Annotation, Article, Failure, Removed, StageError
from .schema import TABLES

if TYPE_CHECKING:
    from ..corpus.types import ClaimGroup, DuplicateGroup, NarrativeConflict, Story, TimelineEntry

# The corpus records are imported where they are read: importing presswatch.corpus loads its stage
# (numpy, the embedder's code), which a process that only stores articles does not need.

__all__ = ["ARTICLE_COLUMNS", "Reader", "article_from_row", "ids_param", "span_text_sql", "FRAME_SQL"]

#: The stored Article fields, in the order article_from_row takes them.
ARTICLE_COLUMNS: tuple[str, ...] = tuple(c for c in TABLES["articles"].column_names if c != "analysed_at")

#: A list parameter for ``IN``: DuckDB plans ``IN (?, ?, ...)`` with hundreds of placeholders slowly.
ids_param = "SELECT unnest(?::VARCHAR[])"

#: Articles read per query when streaming.
BATCH = 500


def span_text_sql(ann: str = "n", article: str = "a") -> str:
    """SQL for the text an annotation's span covers (NULL for an article-level label)."""
    return (f'CASE WHEN {ann}.start IS NULL THEN NULL '
            f'ELSE substring({article}.text, {ann}.start + 1, {ann}."end" - {ann}.start) END')


def article_from_row(row: Sequence[Any], annotations: list[Annotation]) -> Article:
    """An Article from a row of ARTICLE_COLUMNS and its annotations."""
    (aid, source_path, url, outlet, title, published, language, text, paragraphs, removed, errors, unsupported) = row
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
        unsupported={str(k): str(v) for k, v in json.loads(unsupported or "{}").items()},
        annotations=annotations,
    )


_T = span_text_sql()
_FROM = "FROM annotations n JOIN articles a ON a.id = n.article_id"
_ORDER = "ORDER BY a.published NULLS LAST, n.article_id, n.start"

#: The SQL of each table-shaped view (presswatch.open's frames): one query, parameters bound by the caller.
FRAME_SQL: dict[str, str] = {
    "articles": (
        "SELECT a.id, a.source_path, a.url, a.outlet, a.title, a.published, a.language, length(a.text) AS chars, "
        "json_array_length(a.paragraphs)::INTEGER AS paragraphs, "
        "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id)::INTEGER AS annotations, "
        "json_array_length(a.errors)::INTEGER AS errors{text} FROM articles a ORDER BY a.published NULLS LAST, a.id"
    ),
    "annotations": (
        f'SELECT n.article_id, n.layer, n.label, n.start, n."end", n.score, {_T} AS text, n.attrs {_FROM} '
        "{where} ORDER BY a.published NULLS LAST, n.article_id, n.layer, n.start NULLS FIRST, n.\"end\""
    ),
    "reviewed": (
        f'SELECT n.article_id, n.layer, n.label, n.start, n."end", n.score, {_T} AS text, n.attrs, n.source, '
        "n.annotator, n.reviewed_at FROM reviewed_annotations n JOIN articles a ON a.id = n.article_id {where} "
        'ORDER BY n.source, n.article_id, n.layer, n.start NULLS FIRST, n."end"'
    ),
    "quotes": (
        f'SELECT n.article_id, a.outlet, a.published, n.label, n.start, n."end", {_T} AS text, '
        f"{sql_select('quote', 'n.attrs')}, n.score {_FROM} WHERE n.layer = 'quote' {_ORDER}"
    ),
    "claims": (
        f'SELECT n.article_id, a.outlet, a.published, n.start, n."end", {_T} AS text, '
        f"{sql_select('claim', 'n.attrs')}, n.score {_FROM} WHERE n.layer = 'claim' {_ORDER}"
    ),
    "entities": (
        f'SELECT n.article_id, n.label, n.start, n."end", {_T} AS text, {sql_select("entity", "n.attrs", prefix="attr_")}, '
        f"coalesce(attr_canonical, {_T}) AS canonical, n.score {_FROM} WHERE n.layer = 'entity' {_ORDER}"
    ),
    "failures": (
        "SELECT source_path, stage, reason, severity, failed_at FROM failures {where} ORDER BY failed_at, source_path"
    ),
}


class Reader:
    """Typed reads over one DuckDB connection (or a thread's cursor) of a presswatch database."""

    def __init__(self, con: Any) -> None:
        self.con = con

    # -- generic ------------------------------------------------------------------------------
    def tables(self) -> list[str]:
        """Names of the tables in the database (corpus tables appear once that layer has run)."""
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]

    def has_table(self, name: str) -> bool:
        """Whether the database has a table of that name."""
        row = self.con.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?", [name]
        ).fetchone()
        return row is not None

    def rows(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a query."""
        cur = self.con.execute(sql, list(params))
        return [d[0] for d in cur.description or ()], cur.fetchall()

    def frame_rows(self, name: str, params: Sequence[Any] = (), **parts: str) -> list[dict[str, Any]]:
        """The rows of one FRAME_SQL view as dicts (``parts`` fill its ``{where}``/``{text}`` slots)."""
        sql = FRAME_SQL[name].format(**{"where": "", "text": "", **parts})
        cols, rows = self.rows(sql, params)
        return [dict(zip(cols, r)) for r in rows]

    # -- articles -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def article_ids(self) -> list[str]:
        """Every article id, in publication order."""
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY published NULLS LAST, id").fetchall()]

    def find_ids(self, prefix: str) -> list[str]:
        """Ids that start with ``prefix`` (so users can type a short id)."""
        return [r[0] for r in self.con.execute(
            "SELECT id FROM articles WHERE starts_with(id, ?) ORDER BY id", [prefix]
        ).fetchall()]

    def resolve(self, article_id: str, *, min_prefix: int = 1) -> str | None:
        """The full id for an id or a unique id prefix of at least ``min_prefix`` characters."""
        if self.has_article(article_id):
            return article_id
        if len(article_id) < min_prefix:
            return None
        ids = self.find_ids(article_id)
        return ids[0] if len(ids) == 1 else None

    def article(self, article_id: str, layers: Sequence[str] | None = None) -> Article | None:
        """One article with its annotations (only ``layers`` when given), or None."""
        return self.articles([article_id], layers).get(article_id)

    def articles(self, ids: Sequence[str], layers: Sequence[str] | None = None) -> dict[str, Article]:
        """Articles by id (those that exist), with their annotations (only ``layers`` when given)."""
        out: dict[str, Article] = {}
        wanted = list(dict.fromkeys(ids))
        for i in range(0, len(wanted), BATCH):
            chunk = wanted[i : i + BATCH]
            rows = self.con.execute(
                f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id IN ({ids_param})", [chunk]
            ).fetchall()
            anns = self.annotations(chunk, layers)
            by_id = {r[0]: r for r in rows}
            for aid in chunk:
                if aid in by_id:
                    out[aid] = article_from_row(by_id[aid], anns.get(aid, []))
        return out

    def iter_articles(self, batch_size: int = BATCH, layers: Sequence[str] | None = None) -> Iterator[Article]:
        """Every stored article with its annotations, in publication order, streamed in batches."""
        ids = self.article_ids()
        for i in range(0, len(ids), batch_size):
            chunk = ids[i : i + batch_size]
            found = self.articles(chunk, layers)
            yield from (found[a] for a in chunk if a in found)

    def annotations(self, ids: Sequence[str], layers: Sequence[str] | None = None) -> dict[str, list[Annotation]]:
        """The annotations of articles by id, in offset order (only ``layers`` when given)."""
        out: dict[str, list[Annotation]] = {}
        if not ids or (layers is not None and not layers):
            return out
        only = f" AND layer IN ({','.join('?' * len(layers))})" if layers is not None else ""
        for aid, layer, label, start, end, score, attrs in self.con.execute(
            f'SELECT article_id, layer, label, start, "end", score, attrs FROM annotations '
            f'WHERE article_id IN ({ids_param}){only} ORDER BY article_id, start NULLS FIRST, "end"',
            [list(ids), *(layers or ())],
        ).fetchall():
            out.setdefault(aid, []).append(
                Annotation(layer=layer, label=label, start=start, end=end, score=score, attrs=json.loads(attrs or "{}"))
            )
        return out

    def sources(self, article_id: str) -> list[str]:
        """Every input path an article was read from."""
        return [r[0] for r in self.con.execute(
            "SELECT source_path FROM article_sources WHERE article_id = ? ORDER BY source_path", [article_id]
        ).fetchall()]

    def failures(self, severity: str = "error") -> list[Failure]:
        """Recorded failures (or warnings, with severity='warning'), oldest first."""
        return [Failure(*r) for r in self.con.execute(
            "SELECT source_path, stage, reason FROM failures WHERE severity = ? ORDER BY failed_at, source_path",
            [severity],
        ).fetchall()]

    # -- corpus results -----------------------------------------------------------------------
    def duplicates(self) -> list["DuplicateGroup"]:
        """Duplicate groups in the order the corpus layer stored them, members earliest first."""
        from ..corpus.types import DuplicateGroup, DuplicateMember

        if not self.has_table("duplicate_members"):
            return []
        groups: dict[str, tuple[str, list[DuplicateMember]]] = {}
        for gid, kind, aid, published, outlet, similarity, added, removed in self.con.execute(
            "SELECT group_id, kind, article_id, published, outlet, similarity, added, removed FROM duplicate_members "
            "ORDER BY rowid"
        ).fetchall():
            groups.setdefault(gid, (kind, []))[1].append(DuplicateMember(
                aid, published, outlet, float(similarity or 0.0),
                tuple(json.loads(added or "[]")), tuple(json.loads(removed or "[]")),
            ))
        return [DuplicateGroup(gid, kind, tuple(members)) for gid, (kind, members) in groups.items()]

    def stories(self) -> list["Story"]:
        """Stories in the order the corpus layer stored them, with their articles."""
        from ..corpus.types import Story, StoryArticle

        if not (self.has_table("stories") and self.has_table("story_articles")):
            return []
        members: dict[str, list[StoryArticle]] = {}
        for sid, aid, score, published, title in self.con.execute(
            "SELECT story_id, article_id, score, published, title FROM story_articles ORDER BY rowid"
        ).fetchall():
            members.setdefault(sid, []).append(StoryArticle(aid, float(score or 0.0), published, title))
        return [
            Story(sid, label or "", tuple(json.loads(entities or "[]")), key_phrase or "", start, end,
                  tuple(members.get(sid, ())))
            for sid, label, entities, key_phrase, start, end in self.con.execute(
                'SELECT id, label, entities, key_phrase, start, "end" FROM stories ORDER BY rowid'
            ).fetchall()
        ]

    def claim_groups(self, kinds: Sequence[str] = ("conflict", "corroboration", "update")) -> list["ClaimGroup"]:
        """Claim groups of the given kinds, in stored order.

        The table keeps what a reader shows; a ClaimRecord's comparison fields (event, subject,
        qualifier, unit, offsets) are not stored and come back empty.
        """
        from ..corpus.types import ClaimGroup, ClaimRecord

        if not self.has_table("claim_groups") or not kinds:
            return []
        groups: dict[str, tuple[tuple[str, str, str | None, str], list[ClaimRecord]]] = {}
        for (gid, kind, topic, story, note, aid, outlet, value, modifier, text, sentence, speaker, published,
             refers_to) in self.con.execute(
            "SELECT conflict_id, kind, topic, story_id, note, article_id, outlet, value, modifier, text, sentence, "
            f"speaker, published, refers_to FROM claim_groups WHERE kind IN ({ids_param}) ORDER BY rowid",
            [list(kinds)],
        ).fetchall():
            groups.setdefault(gid, ((kind, topic or "", story, note or ""), []))[1].append(ClaimRecord(
                article=aid, start=None, value=float(value) if value is not None else float("nan"),
                modifier=modifier, text=text or "", sentence=sentence or "", speaker=speaker, published=published,
                kind="", subject="", qualifier=None, unit=None,
                when=date.fromisoformat(refers_to) if refers_to else None, outlet=outlet,
            ))
        return [ClaimGroup(gid, kind, topic, story, tuple(claims), note)
                for gid, ((kind, topic, story, note), claims) in groups.items()]

    def conflicts(self) -> list["ClaimGroup"]:
        """Claim groups whose sources give different numbers for the same thing."""
        return self.claim_groups(("conflict",))

    def timeline(self) -> list["TimelineEntry"]:
        """Every dated statement the corpus layer stored (corpus.json keeps only the first ones a story)."""
        from ..corpus.types import TimelineEntry

        if not self.has_table("timeline"):
            return []
        return [
            TimelineEntry(date.fromisoformat(d), precision, date_text, bool(relative), aid, statement,
                          int(start), int(end), story)
            for story, d, precision, date_text, relative, aid, statement, start, end in self.con.execute(
                'SELECT story_id, date, precision, date_text, relative, article_id, statement, start, "end" '
                "FROM timeline ORDER BY rowid"
            ).fetchall()
        ]

    def narrative_conflicts(self, kinds: Sequence[str] = ("role", "narrative")) -> list["NarrativeConflict"]:
        """Outlets of one story on opposite sides (corpus/narrative_conflicts.py), in stored order."""
        from ..corpus.types import NarrativeConflict, Stance

        if not self.has_table("narrative_conflicts") or not kinds:
            return []
        groups: dict[str, tuple[tuple[str, str | None, str, str | None], dict[str, list[Stance]]]] = {}
        for (cid, kind, story, topic, domain, side, aid, outlet, label, score, published, fine) in self.con.execute(
            "SELECT conflict_id, kind, story_id, topic, domain, side, article_id, outlet, label, score, published, "
            f"fine FROM narrative_conflicts WHERE kind IN ({ids_param}) ORDER BY rowid",
            [list(kinds)],
        ).fetchall():
            sides = groups.setdefault(cid, ((kind, story, topic or "", domain), {"side": [], "other": []}))[1]
            sides.setdefault(side, []).append(Stance(aid, outlet, label or "", None if score is None else float(score),
                                                     published, tuple(json.loads(fine or "[]"))))
        return [NarrativeConflict(cid, kind, story, topic, domain, tuple(sides["side"]), tuple(sides["other"]))
                for cid, ((kind, story, topic, domain), sides) in groups.items()]
