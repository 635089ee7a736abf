"""Reads that list, count and search the stored articles: what the web pages and the report show.

Beside ``read.py`` (records of one article or of the corpus results) this holds the aggregate
queries: counts per layer and outlet, the most-quoted people, a person's annotations, the search
page's technique and person filters (``search.py`` matches the words). Each returns plain typed
values; the pages turn them into their contexts. Attribute columns come from
``presswatch.attrs.sql_select``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from ..attrs import sql_select
from ..model import Annotation
from .read import ids_param

__all__ = ["ArticleMeta", "LanguageCount", "OutletCount", "SpeakerCount", "PersonMention", "NarrativeCount", "NarrativeArticle", "RoleCount",
           "CorpusCounts", "AttentionCount", "LabelShare", "ATTENTION_PERIODS", "ATTENTION_GROUPS", "Browse"]

_META = "a.id, a.title, a.outlet, a.published, a.url, a.language"
#: Quotes with their typed attrs as columns (speaker, cue, ...).
QUOTES_SQL = f"(SELECT n.*, {sql_select('quote', 'n.attrs')} FROM annotations n WHERE n.layer = 'quote')"
#: Who an annotation is about: the quote's or the claim's speaker, or the entity's canonical name.
PERSON_SQL = (
    "(SELECT n.*, CASE n.layer WHEN 'entity' THEN e_canonical WHEN 'quote' THEN q_speaker ELSE c_speaker END AS person "
    f"FROM (SELECT n.*, {sql_select('entity', 'n.attrs', prefix='e_')}, {sql_select('quote', 'n.attrs', prefix='q_')}, "
    f"{sql_select('claim', 'n.attrs', prefix='c_')} FROM annotations n WHERE n.layer IN ('entity', 'quote', 'claim')) n)"
)


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Enough about an article to list and link it."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class CorpusCounts:
    """The corpus's headline numbers, one definition each (the overview, the report and ``show --list``
    read them from :meth:`Browse.corpus_counts`)."""

    articles: int  # stored articles
    outlets: int  # distinct known outlet names (articles without one are ``unknown_outlet``)
    unknown_outlet: int  # articles whose outlet is not known
    failed: int  # inputs that could not be analysed (failures of severity 'error'): nothing stored
    warnings: int  # inputs kept with a warning (severity 'warning': some layers did not run)


@dataclass(frozen=True, slots=True)
class AttentionCount:
    """How many articles of one group (an outlet, a story, a technique, a narrative) in one period."""

    period: str | None  # the day (YYYY-MM-DD) or the week's Monday; None: undated
    group: str | None  # the outlet (None: unknown), story id, technique or narrative label
    articles: int


@dataclass(frozen=True, slots=True)
class LabelShare:
    """How many of an outlet's articles carry a label of a layer (a technique, a narrative), and how often."""

    outlet: str | None
    label: str
    articles: int  # articles carrying the label (one each)
    annotations: int  # the label's annotations in them (a technique may be marked many times)


@dataclass(frozen=True, slots=True)
class LanguageCount:
    """A language code as stored (None: not identified) and how many articles are in it."""

    language: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class OutletCount:
    """An outlet (None: unknown), its article count and publication span."""

    outlet: str | None
    articles: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """A quoted speaker, how often and in how many outlets."""

    name: str
    quotes: int
    outlets: int


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One annotation about a person (their quote, their claim, a mention), the words it covers, its article."""

    annotation: Annotation
    span: str | None
    article: ArticleMeta


@dataclass(frozen=True, slots=True)
class NarrativeCount:
    """How many articles of one group (an outlet, a week, a story) push a narrative (``Other``: none)."""

    group: str | None  # the outlet (None: unknown), the week's Monday (YYYY-MM-DD; None: undated) or the story id
    label: str
    domain: str | None
    articles: int
    outlets: int = 0  # distinct known outlets among those articles


@dataclass(frozen=True, slots=True)
class NarrativeArticle:
    """An article that pushes a narrative, with the score and the sub-narratives it was given."""

    article: ArticleMeta
    score: float | None
    subnarratives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoleCount:
    """How one outlet casts one entity: a main role, on how many mentions in how many articles."""

    entity: str  # the corpus's canonical name (entity_aliases folds the spellings articles used)
    outlet: str | None
    role: str  # Protagonist, Antagonist or Innocent
    mentions: int
    articles: int
    fine: tuple[str, ...]  # the fine roles given, most often first


#: Narrative annotations with their typed attrs (domain, subnarratives) as columns.
NARRATIVES_SQL = f"(SELECT n.*, {sql_select('narrative', 'n.attrs')} FROM annotations n WHERE n.layer = 'narrative')"
#: The Monday of an article's publication week (NULL when undated or unreadable).
WEEK_SQL = "strftime(date_trunc('week', try_cast(substr(a.published, 1, 10) AS DATE)), '%Y-%m-%d')"
#: What a narrative count is grouped by.
NARRATIVE_GROUPS = {"outlet": "a.outlet", "week": WEEK_SQL, "story": "s.story_id"}
#: An attention count's periods: the publication day, or the Monday of its week (NULL: undated).
ATTENTION_PERIODS = {
    "day": "strftime(try_cast(substr(a.published, 1, 10) AS DATE), '%Y-%m-%d')",
    "week": WEEK_SQL,
}
#: What an attention count is grouped by: (the group's column, the join that gives it).
ATTENTION_GROUPS = {
    "outlet": ("a.outlet", ""),
    "story": ("s.story_id", "JOIN story_articles s ON s.article_id = a.id "),
    "technique": ("n.label", "JOIN annotations n ON n.article_id = a.id AND n.layer = 'technique' "),
    # Other (pushes no narrative) is no narrative's attention
    "narrative": ("n.label", "JOIN annotations n ON n.article_id = a.id AND n.layer = 'narrative' "
                             "AND n.label <> 'Other' "),
}


def roles_sql(aliases: bool) -> str:
    """Role annotations with the entity's corpus name (``entity``), its fine roles and the article's outlet."""
    name = "coalesce(al.canonical, n.r_canonical)" if aliases else "n.r_canonical"
    join = "LEFT JOIN entity_aliases al ON al.name = n.r_canonical " if aliases else ""
    return (f"(SELECT n.article_id, n.label, n.score, n.r_canonical AS spelled, {name} AS entity, n.r_fine AS fine, "
            f"a.outlet FROM (SELECT n.*, {sql_select('role', 'n.attrs', prefix='r_')} FROM annotations n "
            f"WHERE n.layer = 'role') n JOIN articles a ON a.id = n.article_id {join})")


def _meta(row: Sequence[Any]) -> ArticleMeta:
    return ArticleMeta(*row[:6])


class Browse:
    """Aggregate reads over one DuckDB connection (or a thread's cursor)."""

    def __init__(self, con: Any) -> None:
        self.con = con

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.con.execute(sql, list(params)).fetchone()[0]

    # -- articles -----------------------------------------------------------------------------
    def meta(self, ids: Iterable[str]) -> dict[str, ArticleMeta]:
        """ArticleMeta by id for the ids that exist."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        rows = self.con.execute(f"SELECT {_META} FROM articles a WHERE a.id IN ({ids_param})", [wanted]).fetchall()
        return {r[0]: _meta(r) for r in rows}

    def recent(self, limit: int, *, language: str | None = None) -> list[ArticleMeta]:
        """The latest articles by publication date, then by when they were analysed (``language``: only those)."""
        where, params = ("WHERE a.language = ? ", [language]) if language else ("", [])
        return [_meta(r) for r in self.con.execute(
            f"SELECT {_META} FROM articles a {where}ORDER BY a.published DESC NULLS LAST, a.analysed_at DESC LIMIT ?",
            [*params, limit],
        ).fetchall()]

    def corpus_counts(self) -> CorpusCounts:
        """Articles, known outlets, articles of no known outlet, failed inputs and kept-with-a-warning
        inputs: the one definition of each headline number."""
        articles, outlets, unknown = self.con.execute(
            "SELECT count(*), count(DISTINCT outlet), count(*) FILTER (WHERE outlet IS NULL) FROM articles").fetchone()
        failed, warnings = self.con.execute(
            "SELECT count(*) FILTER (WHERE coalesce(severity, 'error') = 'error'), "
            "count(*) FILTER (WHERE severity = 'warning') FROM failures").fetchone()
        return CorpusCounts(int(articles), int(outlets), int(unknown), int(failed or 0), int(warnings or 0))

    def outlets(self, limit: int, *, unknown: str) -> list[OutletCount]:
        """Outlets by article count (ties by name; ``unknown`` is the name a missing outlet sorts as)."""
        return [OutletCount(o, int(n), f, l) for o, n, f, l in self.con.execute(
            "SELECT outlet, count(*) AS n, min(published), max(published) FROM articles "
            "GROUP BY outlet ORDER BY n DESC, coalesce(outlet, ?) LIMIT ?", [unknown, limit]
        ).fetchall()]

    def outlet_size(self, outlet: str) -> int:
        """How many stored articles are from ``outlet``."""
        return int(self._one("SELECT count(*) FROM articles WHERE outlet = ?", [outlet]))

    def outlet_articles(self, outlet: str, limit: int = 500) -> list[ArticleMeta]:
        """An outlet's articles, latest first."""
        return [_meta(r) for r in self.con.execute(
            f"SELECT {_META} FROM articles a WHERE a.outlet = ? ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?",
            [outlet, limit]).fetchall()]

    def outlet_names(self) -> list[str]:
        """Every known outlet, by name."""
        return [r[0] for r in self.con.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet").fetchall()]

    # -- annotations ----------------------------------------------------------------------------
    def layer_counts(self) -> dict[str, int]:
        """Annotations per layer."""
        return {layer: int(n) for layer, n in self.con.execute(
            "SELECT layer, count(*) FROM annotations GROUP BY layer ORDER BY layer").fetchall()}

    def labels(self, layer: str) -> list[str]:
        """The distinct labels of a layer."""
        return [r[0] for r in self.con.execute(
            "SELECT DISTINCT label FROM annotations WHERE layer = ? ORDER BY label", [layer]).fetchall()]

    def label_shares(self, layer: str, outlet: str | None = None) -> list[LabelShare]:
        """Per outlet (or for one ``outlet``) and label of a layer: the articles carrying the label and
        its annotations in them. By outlet (unknown last), then label."""
        where, params = ("AND a.outlet = ? ", [layer, outlet]) if outlet is not None else ("", [layer])
        return [LabelShare(o, label, int(c), int(n)) for o, label, c, n in self.con.execute(
            "SELECT a.outlet, n.label, count(DISTINCT n.article_id), count(*) FROM annotations n "
            f"JOIN articles a ON a.id = n.article_id WHERE n.layer = ? {where}GROUP BY ALL "
            "ORDER BY a.outlet NULLS LAST, n.label", params).fetchall()]

    def attention(self, period: str, by: str) -> list[AttentionCount]:
        """Articles per ``period`` ("day" or "week": its Monday) and ``by`` group ("outlet", "story",
        "technique" or "narrative"); an article counts once per group and period. Chronological (the
        undated last), then by group."""
        if period not in ATTENTION_PERIODS:
            raise ValueError(f"attention is counted per {', '.join(ATTENTION_PERIODS)}, not {period!r}")
        if by not in ATTENTION_GROUPS:
            raise ValueError(f"attention is grouped by {', '.join(ATTENTION_GROUPS)}, not {by!r}")
        if by == "story" and not self._has("story_articles"):
            return []
        key, join = ATTENTION_GROUPS[by]
        return [AttentionCount(p, g, int(c)) for p, g, c in self.con.execute(
            f"SELECT {ATTENTION_PERIODS[period]} AS p, {key} AS g, count(DISTINCT a.id) FROM articles a {join}"
            "GROUP BY p, g ORDER BY p NULLS LAST, g NULLS LAST").fetchall()]

    def speakers(self, limit: int) -> list[SpeakerCount]:
        """The most-quoted speakers (ties by name)."""
        return [SpeakerCount(sp, int(n), int(o)) for sp, n, o in self.con.execute(
            "SELECT n.speaker AS sp, count(*) AS c, count(DISTINCT coalesce(a.outlet, '')) "
            f"FROM {QUOTES_SQL} n JOIN articles a ON a.id = n.article_id "
            "WHERE n.speaker IS NOT NULL AND n.speaker <> '' GROUP BY sp ORDER BY c DESC, sp LIMIT ?", [limit]
        ).fetchall()]

    def person(self, name: str) -> list[PersonMention]:
        """A person's quotes and claims and the mentions of them (case-insensitive), in publication order."""
        rows = self.con.execute(
            f'SELECT {_META}, n.layer, n.label, n.start, n."end", n.score, n.attrs, '
            f'substr(a.text, n.start + 1, n."end" - n.start) FROM {PERSON_SQL} n '
            "JOIN articles a ON a.id = n.article_id WHERE lower(n.person) = lower(?) "
            "ORDER BY a.published NULLS LAST, a.id, n.start",
            [name],
        ).fetchall()
        return [
            PersonMention(Annotation(layer, label, start, end, score, json.loads(attrs or "{}")), span, _meta(r))
            for r in rows
            for layer, label, start, end, score, attrs, span in [r[6:]]
        ]

    # -- search filters (the words are matched by presswatch.store.search) ---------------------------
    def filter_ids(self, *, technique: str | None = None, person: str | None = None) -> set[str] | None:
        """Ids of the articles with this technique and about this person (case-insensitive); None
        when neither filter is set."""
        where, params = [], []
        if technique:
            where.append("EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.layer = 'technique' "
                         "AND n.label = ?)")
            params.append(technique)
        if person:
            where.append(f"EXISTS (SELECT 1 FROM {PERSON_SQL} n WHERE n.article_id = a.id AND lower(n.person) = lower(?))")
            params.append(person)
        if not where:
            return None
        return {r[0] for r in self.con.execute(f"SELECT a.id FROM articles a WHERE {' AND '.join(where)}", params).fetchall()}

    def languages(self) -> list[str]:
        """Every identified language, by code."""
        return [c.language for c in self.language_counts() if c.language is not None]

    def language_counts(self) -> list[LanguageCount]:
        """Articles per language, most first (ties by code; the unidentified last)."""
        return [LanguageCount(code, int(n)) for code, n in self.con.execute(
            "SELECT language, count(*) AS n FROM articles GROUP BY language "
            "ORDER BY language IS NULL, n DESC, language").fetchall()]

    def quoted_names(self, limit: int) -> list[str]:
        """Speakers by how often they are quoted (the search page's person filter)."""
        return [r[0] for r in self.con.execute(
            f"SELECT n.speaker AS sp, count(*) AS c FROM {QUOTES_SQL} n WHERE n.speaker IS NOT NULL "
            "GROUP BY sp ORDER BY c DESC, sp LIMIT ?", [limit]).fetchall()]

    # -- narratives and roles ---------------------------------------------------------------------
    def _has(self, table: str) -> bool:
        return self.con.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' "
                                "AND table_name = ?", [table]).fetchone() is not None

    def narratives_by(self, group: str) -> list[NarrativeCount]:
        """Articles pushing each narrative per ``group``: "outlet", "week" (its Monday) or "story" (empty
        before the corpus layer ran); most articles first, then by group and label."""
        if group not in NARRATIVE_GROUPS:
            raise ValueError(f"narratives are counted by {', '.join(NARRATIVE_GROUPS)}, not {group!r}")
        join = ""
        if group == "story":
            if not self._has("story_articles"):
                return []
            join = "JOIN story_articles s ON s.article_id = a.id "
        key = NARRATIVE_GROUPS[group]
        return [NarrativeCount(g, label, domain, int(c), int(o)) for g, label, domain, c, o in self.con.execute(
            f"SELECT {key} AS g, n.label, any_value(n.domain), count(DISTINCT n.article_id) AS c, "
            f"count(DISTINCT a.outlet) FROM {NARRATIVES_SQL} n "
            f"JOIN articles a ON a.id = n.article_id {join}GROUP BY g, n.label ORDER BY c DESC, g NULLS LAST, n.label"
        ).fetchall()]

    def narrative_articles(self, label: str, *, outlet: str | None = None, week: str | None = None,
                           story: str | None = None, limit: int = 500) -> list[NarrativeArticle]:
        """The articles pushing a narrative (only those of ``outlet``, of the week starting ``week`` or of
        ``story`` when given), latest first."""
        where, params = ["n.label = ?"], [label]
        for value, sql in ((outlet, "a.outlet = ?"), (week, f"{WEEK_SQL} = ?")):
            if value:
                where.append(sql)
                params.append(value)
        if story:
            if not self._has("story_articles"):
                return []
            where.append("n.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
            params.append(story)
        rows = self.con.execute(
            f"SELECT {_META}, n.score, n.subnarratives FROM {NARRATIVES_SQL} n JOIN articles a ON a.id = n.article_id "
            f"WHERE {' AND '.join(where)} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?", [*params, limit]
        ).fetchall()
        return [NarrativeArticle(_meta(r[:-2]), r[-2], tuple(r[-1] or ())) for r in rows]

    def roles_by_outlet(self, entity: str | None = None) -> list[RoleCount]:
        """How each outlet casts each entity (only ``entity``, case-insensitive, by its corpus name or a
        spelling an article used): "who calls Zelensky a villain and who a hero" is
        ``roles_by_outlet("Volodymyr Zelensky")``. By entity, then most mentions first."""
        where, params = "", []
        if entity:  # a spelling stands for the entity it folds into: every spelling of that entity counts
            where = ("WHERE r.entity IN (SELECT q.entity FROM roles q WHERE lower(q.entity) = lower(?) "
                     "OR lower(q.spelled) = lower(?)) ")
            params = [entity, entity]
        rows = self.con.execute(
            f"WITH roles AS {roles_sql(self._has('entity_aliases'))} "
            "SELECT r.entity, r.outlet, r.label, count(*) AS m, count(DISTINCT r.article_id), flatten(list(r.fine)) "
            f"FROM roles r {where}"
            "GROUP BY r.entity, r.outlet, r.label ORDER BY r.entity, m DESC, r.outlet NULLS LAST, r.label", params
        ).fetchall()
        out = []
        for name, outlet, role, mentions, articles, fine in rows:
            counts: dict[str, int] = {}
            for f in fine or ():
                counts[f] = counts.get(f, 0) + 1
            out.append(RoleCount(name, outlet, role, int(mentions), int(articles),
                                 tuple(sorted(counts, key=lambda f: (-counts[f], f)))))
        return out
