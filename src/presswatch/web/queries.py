"""Build each page's context from the database: plain queries over articles and annotations."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Any, Iterable

from ..attrs import ClaimAttrs, QuoteAttrs, sql_select
from .corpus import CorpusView
from .db import Database
from .highlight import SPAN_LAYERS, technique_class, technique_color
from .schemas import (
    AnnotationOut, ArticleDetail, ArticlePage, ArticleRef, ClaimRow, Conflict, ConflictClaim,
    ConflictsPage, Counts, LegendItem, OutletRow, Overview, PersonPage, PersonRow, QuoteRow,
    RemovedOut, SearchFilters, SearchHit, SearchPage, SnippetPart, StoryPage, StoryRow,
    TechniqueByOutlet, TimelineEntry,
)
from .security import safe_url

if TYPE_CHECKING:
    from ..corpus.types import ClaimGroup, Story
    from ..model import Article

REF_COLUMNS = "id, title, outlet, published, url"
UNKNOWN_OUTLET = "(unknown outlet)"
#: Search: at most this many terms and characters are used, and this many hits shown.
MAX_TERMS = 8
MAX_QUERY_CHARS = 200
SEARCH_LIMIT = 50
SNIPPET_CHARS = 240
#: Quotes with their typed attrs as columns (speaker, cue, ...), for the people lists and filters.
QUOTES_SQL = f"(SELECT n.*, {sql_select('quote', 'n.attrs')} FROM annotations n WHERE n.layer = 'quote')"
#: Who an annotation is about: the quote's or the claim's speaker, or the entity's canonical name.
PERSON_SQL = (
    "(SELECT n.*, CASE n.layer WHEN 'entity' THEN e_canonical WHEN 'quote' THEN q_speaker ELSE c_speaker END AS person "
    f"FROM (SELECT n.*, {sql_select('entity', 'n.attrs', prefix='e_')}, {sql_select('quote', 'n.attrs', prefix='q_')}, "
    f"{sql_select('claim', 'n.attrs', prefix='c_')} FROM annotations n WHERE n.layer IN ('entity', 'quote', 'claim')) n)"
)
SEARCH_BACKEND = (
    "ranked substring search in DuckDB (terms weighted by rarity, title hits count double); "
    "DuckDB's fts extension is not bundled with the offline install, so it is not used"
)


def ref(row: dict[str, Any]) -> ArticleRef:
    return ArticleRef(
        id=row["id"], title=row.get("title"), outlet=row.get("outlet"),
        published=row.get("published"), url=safe_url(row.get("url")),
    )


def refs(db: Database, ids: Iterable[str]) -> dict[str, ArticleRef]:
    """Article refs by id for the ids that exist."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    rows = db.rows(f"SELECT {REF_COLUMNS} FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)
    return {r["id"]: ref(r) for r in rows}


def _story_row(g: "Story", known: dict[str, ArticleRef]) -> StoryRow:
    ids = [a.article for a in g.articles]
    dates = sorted(d for d in (known[a].published for a in ids if a in known) if d)
    return StoryRow(
        id=g.id, label=g.label or f"story {g.id}", size=len(ids), article_ids=ids,
        start=g.start or (dates[0] if dates else None), end=g.end or (dates[-1] if dates else None),
    )


def _conflict(c: "ClaimGroup", known: dict[str, ArticleRef]) -> Conflict:
    return Conflict(
        topic=c.topic,
        claims=[
            ConflictClaim(
                article=known.get(cl.article) if cl.article else None,
                value=None if cl.value != cl.value else cl.value,  # NaN: no number stored
                modifier=cl.modifier, text=cl.sentence or cl.text or None, speaker=cl.speaker,
                published=cl.published or (known[cl.article].published if cl.article in known else None),
            )
            for cl in c.claims
        ],
    )


# -- overview -----------------------------------------------------------------------------------
def layer_counts(db: Database) -> dict[str, int]:
    return {r["layer"]: int(r["n"]) for r in db.rows("SELECT layer, count(*) AS n FROM annotations GROUP BY layer ORDER BY layer")}


def technique_by_outlet(db: Database, outlets: list[OutletRow]) -> TechniqueByOutlet:
    rows = db.rows(
        "SELECT coalesce(a.outlet, ?) AS outlet, n.label, count(*) AS c FROM annotations n "
        "JOIN articles a ON a.id = n.article_id WHERE n.layer = 'technique' GROUP BY ALL",
        [UNKNOWN_OUTLET],
    )
    totals = Counter()
    for r in rows:
        totals[r["label"]] += r["c"]
    techniques = [t for t, _ in totals.most_common()]
    cell = {(r["outlet"], r["label"]): int(r["c"]) for r in rows}
    seen = {r["outlet"] for r in rows}
    names = [o.outlet for o in outlets if o.outlet in seen]
    counts = [[cell.get((o, t), 0) for t in techniques] for o in names]
    per = {o.outlet: o.articles for o in outlets}
    return TechniqueByOutlet(outlets=names, techniques=techniques, counts=counts, articles=[per[o] for o in names],
                             colors=[technique_color(t) for t in techniques])


def overview(db: Database, corpus: CorpusView) -> Overview:
    layers = layer_counts(db)
    outlets = [
        OutletRow(outlet=r["o"], articles=int(r["n"]), first=r["f"], last=r["l"])
        for r in db.rows(
            "SELECT coalesce(outlet, ?) AS o, count(*) AS n, min(published) AS f, max(published) AS l "
            "FROM articles GROUP BY o ORDER BY n DESC, o LIMIT 40",
            [UNKNOWN_OUTLET],
        )
    ]
    people = [
        PersonRow(name=r["sp"], quotes=int(r["n"]), outlets=int(r["o"]))
        for r in db.rows(
            "SELECT n.speaker AS sp, count(*) AS n, count(DISTINCT coalesce(a.outlet, '')) AS o "
            f"FROM {QUOTES_SQL} n JOIN articles a ON a.id = n.article_id "
            "WHERE n.speaker IS NOT NULL AND n.speaker <> '' GROUP BY sp ORDER BY n DESC, sp LIMIT 15"
        )
    ]
    stories = sorted(corpus.stories, key=lambda g: -len(g.articles))[:12]
    known = refs(db, [a.article for g in stories for a in g.articles]
                 + [c.article for k in corpus.conflicts for c in k.claims if c.article])
    recent = [
        ref(r) for r in db.rows(
            f"SELECT {REF_COLUMNS} FROM articles ORDER BY published DESC NULLS LAST, analysed_at DESC LIMIT 15"
        )
    ]
    return Overview(
        counts=Counts(
            articles=int(db.scalar("SELECT count(*) FROM articles")),
            outlets=int(db.scalar("SELECT count(DISTINCT outlet) FROM articles")),
            failures=int(db.scalar("SELECT count(*) FROM failures")),
            annotations=layers,
            stories=len(corpus.stories),
            claim_conflicts=len(corpus.conflicts),
            duplicate_groups=len(corpus.duplicates),
        ),
        layers=sorted(layers),
        stories=[_story_row(g, known) for g in stories],
        outlets=outlets,
        people=people,
        technique_by_outlet=technique_by_outlet(db, outlets),
        conflicts=[_conflict(c, known) for c in corpus.conflicts[:8]],
        recent=recent,
    )


# -- one article ----------------------------------------------------------------------------------
def annotations_of(article: "Article") -> list[AnnotationOut]:
    """An article's annotations as the pages show them: offset order, then layer and label."""
    text = article.text or ""
    anns = sorted(article.annotations, key=lambda n: (n.start is not None, n.start or 0, n.end or 0, n.layer, n.label))
    return [
        AnnotationOut(
            layer=n.layer, label=n.label, start=n.start, end=n.end, score=n.score, attrs=dict(n.attrs or {}),
            text=text[n.start : n.end] if n.start is not None and n.end is not None else None,
        )
        for n in anns
    ]


def resolve_article_id(db: Database, article_id: str) -> str | None:
    """The full id for an id or a unique id prefix of at least six characters."""
    return db.reader().resolve(article_id, min_prefix=6)


def article_page(db: Database, corpus: CorpusView, article_id: str) -> ArticlePage | None:
    """One article with its annotations, labels, technique legend, duplicates and story."""
    art = db.reader().article(article_id)
    if art is None:
        return None
    text = art.text or ""
    anns = annotations_of(art)
    spans = [a for a in anns if a.start is not None]
    techniques = Counter(a.label for a in spans if a.layer == "technique")
    story = corpus.story_of(article_id)
    dup_ids = corpus.duplicates_of(article_id)
    story_ids = [a.article for a in story.articles] if story else []
    known = refs(db, dup_ids + story_ids)
    return ArticlePage(
        article=ArticleDetail(
            **ref({"id": art.id, "title": art.title, "outlet": art.outlet, "published": art.published,
                   "url": art.url}).model_dump(),
            language=art.language, source_path=art.source_path, text=text, paragraphs=list(art.paragraphs),
            removed=[RemovedOut(text=str(x.text), reason=str(x.reason)) for x in art.removed],
            errors=[{"stage": str(x.stage), "message": str(x.message)} for x in art.errors],
        ),
        annotations=anns,
        span_layers=[layer for layer in SPAN_LAYERS if any(a.layer == layer for a in spans)],
        labels=sorted((a for a in anns if a.start is None), key=lambda a: (a.layer != "genre", -(a.score or 0))),
        legend=[LegendItem(label=t, css=technique_class(t), count=n) for t, n in techniques.most_common()],
        duplicates=[known[d] for d in dup_ids if d in known],
        story=_story_row(story, known) if story else None,
        story_articles=sorted((known[a] for a in story_ids if a in known and a != article_id),
                              key=lambda x: x.published or ""),
    )


# -- people, stories, conflicts ---------------------------------------------------------------------
def person_page(db: Database, name: str) -> PersonPage:
    """Quotes by a person across outlets, the numbers they are cited for, the articles naming them."""
    rows = db.rows(
        "SELECT n.layer, n.label, n.start, n.\"end\", n.attrs, a.id, a.title, a.outlet, a.published, a.url, "
        f"substr(a.text, n.start + 1, n.\"end\" - n.start) AS span FROM {PERSON_SQL} n "
        "JOIN articles a ON a.id = n.article_id WHERE lower(n.person) = lower(?) "
        "ORDER BY a.published NULLS LAST, a.id, n.start",
        [name],
    )
    quotes, claims, mentioned, aliases = [], [], {}, Counter()
    for r in rows:
        attrs = _json(r["attrs"], {})
        article = ref(r)
        if r["layer"] == "quote":
            quotes.append(QuoteRow(article=article, label=r["label"], text=r["span"] or "", cue=QuoteAttrs.from_dict(attrs).cue))
        elif r["layer"] == "claim":
            claim = ClaimAttrs.from_dict(attrs)
            claims.append(ClaimRow(article=article, text=claim.sentence or r["span"] or "",
                                   value=_float(claim.value), unit=claim.unit, modifier=claim.modifier))
        elif r["layer"] == "entity" and r["span"]:
            aliases[r["span"]] += 1
        mentioned.setdefault(article.id, article)
    by_outlet = Counter((q.article.outlet or UNKNOWN_OUTLET) for q in quotes)
    return PersonPage(
        name=name, quotes=quotes, quotes_by_outlet=dict(by_outlet.most_common()), claims=claims,
        mentioned_in=list(mentioned.values()),
        aliases=[a for a, _ in aliases.most_common(12) if a.lower() != name.lower()],
    )


def story_page(db: Database, corpus: CorpusView, story_id: str) -> StoryPage | None:
    story = corpus.story(story_id)
    if story is None:
        return None
    ids = [a.article for a in story.articles]
    events = [e for e in corpus.timeline if e.story == story_id or (e.story is None and e.article in ids)]
    known = refs(db, ids + [e.article for e in events])
    return StoryPage(
        story=_story_row(story, known),
        articles=sorted((known[a] for a in ids if a in known), key=lambda x: (x.published or "~", x.id)),
        timeline=[TimelineEntry(date=e.date.isoformat(), text=e.statement, article=known.get(e.article))
                  for e in sorted(events, key=lambda e: e.date)],
    )


def conflicts_page(db: Database, corpus: CorpusView) -> ConflictsPage:
    known = refs(db, [c.article for k in corpus.conflicts for c in k.claims if c.article])
    return ConflictsPage(conflicts=[_conflict(c, known) for c in corpus.conflicts], available=bool(corpus.conflicts))


# -- search -------------------------------------------------------------------------------------------
TERM_RE = re.compile(r'"([^"]+)"|(\S+)')


def query_terms(q: str) -> list[str]:
    """Lower-cased search terms; a "quoted phrase" is one term."""
    terms: list[str] = []
    for phrase, word in TERM_RE.findall(q[:MAX_QUERY_CHARS]):
        t = " ".join((phrase or word).split()).strip(".,;:!?()[]{}'\u201c\u201d\u2018\u2019").lower()
        if t and t not in terms:
            terms.append(t)
    return terms[:MAX_TERMS]


def _snippet(text: str, terms: list[str]) -> list[SnippetPart]:
    low = text.lower()
    hits = [i for i in (low.find(t) for t in terms) if i >= 0]
    start = max(0, min(hits) - SNIPPET_CHARS // 3) if hits else 0
    if start:
        start = low.find(" ", start) + 1 or start
    window = text[start : start + SNIPPET_CHARS]
    parts: list[SnippetPart] = [SnippetPart(text="…")] if start else []
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I) if terms else None
    pos = 0
    for m in pattern.finditer(window) if pattern else ():
        if m.start() > pos:
            parts.append(SnippetPart(text=window[pos : m.start()]))
        parts.append(SnippetPart(text=m.group(0), hit=True))
        pos = m.end()
    parts.append(SnippetPart(text=window[pos:] + ("…" if start + SNIPPET_CHARS < len(text) else "")))
    return parts


def search(db: Database, f: SearchFilters) -> SearchPage:
    terms = query_terms(f.q)
    where, params = [], []
    for t in terms:
        where.append("contains(lower(coalesce(a.title, '') || ' ' || a.text), ?)")
        params.append(t)
    if f.outlet:
        where.append("a.outlet = ?")
        params.append(f.outlet)
    if f.date_from:
        where.append("substr(a.published, 1, 10) >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(f.date_to)
    if f.technique:
        where.append("EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.layer = 'technique' AND n.label = ?)")
        params.append(f.technique)
    if f.person:
        where.append(f"EXISTS (SELECT 1 FROM {PERSON_SQL} n WHERE n.article_id = a.id AND lower(n.person) = lower(?))")
        params.append(f.person)
    cond = " AND ".join(where) or "TRUE"
    total = int(db.scalar(f"SELECT count(*) FROM articles a WHERE {cond}", params))
    score_sql, score_params = "0", []
    if terms:
        n_docs = max(1, int(db.scalar("SELECT count(*) FROM articles")))
        parts = []
        for t in terms:
            df = int(db.scalar("SELECT count(*) FROM articles a WHERE contains(lower(coalesce(a.title, '') || ' ' || a.text), ?)", [t]))
            idf = math.log(1 + n_docs / max(1, df))
            parts.append(
                f"{idf:.6f} * (ln(1 + (length(lower(a.text)) - length(replace(lower(a.text), ?, ''))) / {len(t)}) "
                f"+ 2 * ln(1 + (length(lower(coalesce(a.title, ''))) - length(replace(lower(coalesce(a.title, '')), ?, ''))) / {len(t)}))"
            )
            score_params += [t, t]
        score_sql = " + ".join(parts)
    rows = db.rows(
        f"SELECT {', '.join('a.' + c.strip() for c in REF_COLUMNS.split(','))}, a.text, {score_sql} AS score "
        f"FROM articles a WHERE {cond} ORDER BY score DESC, a.published DESC NULLS LAST, a.id LIMIT {SEARCH_LIMIT}",
        score_params + params,
    )
    return SearchPage(
        filters=f, total=total, backend=SEARCH_BACKEND,
        hits=[SearchHit(article=ref(r), score=round(float(r["score"]), 4), snippet=_snippet(r["text"] or "", terms)) for r in rows],
        outlets=[r["outlet"] for r in db.rows("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")],
        techniques=[r["label"] for r in db.rows("SELECT DISTINCT label FROM annotations WHERE layer = 'technique' ORDER BY label")],
        people=[r["sp"] for r in db.rows(
            f"SELECT n.speaker AS sp, count(*) AS n FROM {QUOTES_SQL} n "
            "WHERE n.speaker IS NOT NULL GROUP BY sp ORDER BY n DESC, sp LIMIT 50")],
    )


def _json(value: Any, default: Any) -> Any:
    if value is None:
        return default
    if isinstance(value, (list, dict)):
        return value
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return default


def _float(x: Any) -> float | None:
    try:
        return None if x is None else float(x)
    except (TypeError, ValueError):
        return None
