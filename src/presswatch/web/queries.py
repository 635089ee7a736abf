"""Build each page's context from what presswatch.store.read and store.browse return (no SQL here)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, Iterable

from ..attrs import ClaimAttrs, QuoteAttrs
from ..nlp.languages import LAYERS as LANGUAGE_LAYERS, name as language_name
from ..store.browse import ArticleMeta, Browse
from .corpus import CorpusView
from .db import Database
from .highlight import SPAN_LAYERS, technique_class, technique_color
from .schemas import (
    AnnotationOut, ArticleDetail, ArticlePage, ArticleRef, ClaimRow, Conflict, ConflictClaim,
    ConflictsPage, Counts, LanguageRow, LegendItem, OutletRow, Overview, PersonPage, PersonRow, QuoteRow,
    RemovedOut, StoryPage, StoryRow,
    TechniqueByOutlet, TimelineEntry, UnsupportedLayer,
)
from .security import safe_url

if TYPE_CHECKING:
    from ..corpus.types import ClaimGroup, Story
    from ..model import Article

UNKNOWN_OUTLET = "(unknown outlet)"
#: How an article whose language was not identified is listed.
UNKNOWN_LANGUAGE = "not identified"


def ref(m: ArticleMeta) -> ArticleRef:
    """An article's ref, its URL only when it is a plain http(s) address."""
    return ArticleRef(id=m.id, title=m.title, outlet=m.outlet, published=m.published, url=safe_url(m.url),
                      language=m.language)


def language_rows(browse: Browse) -> list[LanguageRow]:
    """The corpus's languages with their article counts and names, most articles first."""
    return [LanguageRow(code=c.language, name=language_name(c.language) if c.language else UNKNOWN_LANGUAGE,
                        articles=c.articles) for c in browse.language_counts()]


def refs(db: Database, ids: Iterable[str]) -> dict[str, ArticleRef]:
    """Article refs by id for the ids that exist."""
    return {aid: ref(m) for aid, m in db.browse().meta(ids).items()}


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
def technique_by_outlet(db: Database, outlets: list[OutletRow]) -> TechniqueByOutlet:
    """Technique counts per outlet (outlets in the overview's order), for the chart."""
    rows = [(s.outlet or UNKNOWN_OUTLET, s.label, s.annotations) for s in db.browse().label_shares("technique")]
    totals: Counter[str] = Counter()
    for _, label, c in rows:
        totals[label] += c
    techniques = [t for t, _ in totals.most_common()]
    cell = {(o, label): c for o, label, c in rows}
    seen = {o for o, _, _ in rows}
    names = [o.outlet for o in outlets if o.outlet in seen]
    counts = [[cell.get((o, t), 0) for t in techniques] for o in names]
    per = {o.outlet: o.articles for o in outlets}
    return TechniqueByOutlet(outlets=names, techniques=techniques, counts=counts, articles=[per[o] for o in names],
                             colors=[technique_color(t) for t in techniques])


def overview(db: Database, corpus: CorpusView, language: str | None = None) -> Overview:
    """Counts, outlets, most-quoted people, the largest stories, techniques by outlet, conflicts;
    the article list narrowed to ``language`` when given."""
    browse = db.browse()
    layers = browse.layer_counts()
    outlets = [OutletRow(outlet=o.outlet or UNKNOWN_OUTLET, articles=o.articles, first=o.first, last=o.last)
               for o in browse.outlets(40, unknown=UNKNOWN_OUTLET)]
    people = [PersonRow(name=p.name, quotes=p.quotes, outlets=p.outlets) for p in browse.speakers(15)]
    stories = sorted(corpus.stories, key=lambda g: -len(g.articles))[:12]
    known = refs(db, [a.article for g in stories for a in g.articles]
                 + [c.article for k in corpus.conflicts for c in k.claims if c.article])
    recent = [ref(m) for m in browse.recent(15, language=language)]
    n = browse.corpus_counts()
    return Overview(
        counts=Counts(
            articles=n.articles,
            outlets=n.outlets,
            unknown_outlet=n.unknown_outlet,
            failures=n.failed,
            warnings=n.warnings,
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
        languages=language_rows(browse),
        language=language,
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


def unsupported_layers(article: "Article") -> list[UnsupportedLayer]:
    """The layers that did not run on the article (Article.unsupported), in pipeline order."""
    order = {layer: k for k, layer in enumerate(("parse", *LANGUAGE_LAYERS))}
    found = getattr(article, "unsupported", None) or {}  # a reader that does not store it yet gives none
    return [UnsupportedLayer(layer=str(layer), reason=str(reason))
            for layer, reason in sorted(found.items(), key=lambda kv: (order.get(kv[0], len(order)), str(kv[0])))]


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
            **ref(ArticleMeta(art.id, art.title, art.outlet, art.published, art.url, art.language)).model_dump(),
            language_name=language_name(art.language) if art.language else None,
            unsupported=unsupported_layers(art),
            source_path=art.source_path, text=text, paragraphs=list(art.paragraphs),
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
    quotes, claims, mentioned, aliases = [], [], {}, Counter()
    for m in db.browse().person(name):
        article, ann = ref(m.article), m.annotation
        if ann.layer == "quote":
            quotes.append(QuoteRow(article=article, label=ann.label, text=m.span or "", cue=QuoteAttrs.of(ann).cue))
        elif ann.layer == "claim":
            claim = ClaimAttrs.of(ann)
            claims.append(ClaimRow(article=article, text=claim.sentence or m.span or "",
                                   value=_float(claim.value), unit=claim.unit, modifier=claim.modifier,
                                   amount=None if claim.exact else claim.amount()))
        elif ann.layer == "entity" and m.span:
            aliases[m.span] += 1
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


def _float(x: Any) -> float | None:
    try:
        return None if x is None else float(x)
    except (TypeError, ValueError):
        return None
