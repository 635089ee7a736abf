"""The narrative and role layers as the pages show them: an article's narratives and castings, a person's
roles by outlet, the Narratives page (counts by outlet and week, a narrative's articles, where outlets of
one story disagree), and the plot, an inline SVG (no script, so the static report draws it too).

Built from what presswatch.store.read and store.browse return (no SQL here). Every string that came
from an article (labels, names, outlets) is escaped by markupsafe or by the autoescaping templates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Iterable, Sequence
from urllib.parse import urlencode

from markupsafe import Markup

from ..attrs import NarrativeAttrs, RoleAttrs
from .corpus import CorpusView
from .db import Database
from .highlight import ROLE_CLASSES
from .schemas import (
    ArticleNarratives, ArticlePage, ArticleRef, CastMention, NarrativeArticleRow, NarrativeConflictOut,
    NarrativeFilters, NarrativeGrid, NarrativeOut, NarrativeRow, NarrativesPage, NarrativeStance, RoleRow, StoryRow,
    StoryNarratives,
)

if TYPE_CHECKING:
    from ..corpus.types import NarrativeConflict, Stance
    from ..store.browse import NarrativeCount

PATH = "/narratives"
#: The narrative label of an article that pushes none (the layer contract).
OTHER = "Other"
#: What the domains are called on the pages.
DOMAINS = {"URW": "the war in Ukraine", "CC": "climate change"}
UNKNOWN_OUTLET = "(unknown outlet)"
UNDATED = "undated"
#: Rows a plot draws at most (the rest are in the table under it).
PLOT_ROWS = 30


def role_class(role: str) -> str:
    """The CSS class of a cast mention (a label outside the three main roles gets the neutral one)."""
    return ROLE_CLASSES.get(role, "role-other")


def narrative_href(label: str, *, outlet: str | None = None, week: str | None = None, story: str | None = None) -> str:
    """The Narratives page listing the articles that push ``label`` (of ``outlet``, in ``week``, in ``story``)."""
    params = {"narrative": label, "outlet": outlet, "week": week, "story": story}
    return PATH + "?" + urlencode({k: v for k, v in params.items() if v})


def narrative_color(index: int, label: str) -> str:
    """The plot colour of the ``index``-th narrative (golden-angle hues; Other is grey)."""
    if label == OTHER:
        return "hsl(215, 8%, 70%)"
    return f"hsl({round(index * 137.508) % 360}, 55%, 52%)"


# -- one article ---------------------------------------------------------------------------------
def article_narratives(db: Database, article_id: str) -> ArticleNarratives | None:
    """The article's narratives (surest first), why there are none, and its cast mentions; None when the
    database holds neither layer for it and does not say the layer could not run."""
    art = db.reader().article(article_id, layers=("narrative", "role"))
    if art is None:
        return None
    anns = art.annotations
    pushed = sorted((a for a in anns if a.layer == "narrative"), key=lambda a: (-(a.score or 0.0), a.label))
    cast = sorted((a for a in anns if a.layer == "role" and a.start is not None), key=lambda a: (a.start, a.end))
    why_not = (getattr(art, "unsupported", None) or {}).get("narrative")
    if not pushed and not cast and not why_not:
        return None
    narratives, domains = [], set()
    for a in pushed:
        attrs = NarrativeAttrs.of(a)
        domains.add(attrs.domain)
        if a.label != OTHER:
            narratives.append(NarrativeOut(label=a.label, domain=attrs.domain, score=a.score,
                                           subnarratives=list(attrs.subnarratives), href=narrative_href(a.label)))
    note = None
    if not pushed:  # the layer writes at least Other wherever it runs
        note = (f"The narrative layer did not run on this article: {why_not}" if why_not else
                "The narrative layer has not run on this article.")
    elif not narratives:
        known = sorted(DOMAINS[d] for d in domains if d in DOMAINS)
        note = (f"This article is about {' and '.join(known)} but pushes none of its narratives." if known else
                "This article is about neither domain (the war in Ukraine, climate change): no narrative applies.")
    text = art.text or ""
    return ArticleNarratives(
        narratives=narratives, note=note, ran=bool(pushed),
        cast=[CastMention(entity=RoleAttrs.of(a).canonical or text[a.start:a.end], text=text[a.start:a.end],
                          role=a.label, fine=list(RoleAttrs.of(a).fine), score=a.score, start=a.start, end=a.end)
              for a in cast],
    )


def with_narratives(db: Database, page: ArticlePage) -> ArticlePage:
    """The article page with its narratives and castings (narratives are left out of the label chips)."""
    return page.model_copy(update={
        "narratives": article_narratives(db, page.article.id),
        "labels": [a for a in page.labels if a.layer != "narrative"],
    })


# -- people ----------------------------------------------------------------------------------------
def role_rows(db: Database, entity: str | None = None) -> list[RoleRow]:
    """How each outlet casts ``entity`` (or every entity): main role, mentions, articles, fine roles."""
    return [RoleRow(entity=r.entity, outlet=r.outlet or UNKNOWN_OUTLET, role=r.role, mentions=r.mentions,
                    articles=r.articles, fine=list(r.fine)) for r in db.browse().roles_by_outlet(entity)]


def contested_roles(rows: Sequence[RoleRow]) -> list[RoleRow]:
    """The rows of entities that different outlets cast in different main roles."""
    roles: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in rows:
        roles[r.entity].add((r.outlet, r.role))
    keep = {e for e, pairs in roles.items()
            if len({role for _, role in pairs}) > 1 and len({outlet for outlet, _ in pairs}) > 1}
    return [r for r in rows if r.entity in keep]


# -- the Narratives page ----------------------------------------------------------------------------
def grid(counts: Iterable["NarrativeCount"], order: Sequence[str], *, label_of=lambda g: g) -> NarrativeGrid:
    """Counts as a group x narrative matrix (narratives in ``order``, groups by total, at most PLOT_ROWS)."""
    cell: dict[tuple[str, str], int] = {}
    totals: Counter[str] = Counter()
    for c in counts:
        g = label_of(c.group)
        cell[(g, c.label)] = cell.get((g, c.label), 0) + c.articles
        totals[g] += c.articles
    groups = [g for g, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    return NarrativeGrid(groups=groups, narratives=list(order),
                         counts=[[cell.get((g, n), 0) for n in order] for g in groups],
                         colors=[narrative_color(j, n) for j, n in enumerate(order)])


def _stance(s: "Stance", known: dict[str, ArticleRef]) -> NarrativeStance:
    return NarrativeStance(article=known.get(s.article), outlet=s.outlet, label=s.label, score=s.score,
                           fine=list(s.fine))


def _story_row(story) -> StoryRow:  # story: corpus.types.Story
    return StoryRow(id=story.id, label=story.label or f"story {story.id}", size=len(story.articles),
                    start=story.start, end=story.end, article_ids=[a.article for a in story.articles])


def story_rows(db: Database, corpus: CorpusView) -> list[StoryNarratives]:
    """Each story whose articles push a narrative, with per narrative the articles and outlets pushing it."""
    counts: dict[str, list["NarrativeCount"]] = defaultdict(list)
    for c in db.browse().narratives_by("story"):
        counts[c.group or ""].append(c)
    out = []
    for s in sorted((s for s in corpus.stories if s.id in counts), key=lambda s: (-len(s.articles), s.id)):
        rows = [NarrativeRow(label=c.label, domain=c.domain, articles=c.articles, outlets=c.outlets,
                             href=narrative_href(c.label, story=s.id))
                for c in sorted(counts[s.id], key=lambda c: (c.label == OTHER, -c.articles, c.label))]
        out.append(StoryNarratives(story=_story_row(s), narratives=rows))
    return out


def conflict_rows(db: Database, corpus: CorpusView, conflicts: Sequence["NarrativeConflict"]) -> list[NarrativeConflictOut]:
    """Narrative conflicts with their articles and stories, as the pages show them."""
    from .queries import refs

    known = refs(db, [s.article for c in conflicts for s in (*c.side, *c.other)])
    out = []
    for c in conflicts:
        story = corpus.story(c.story) if c.story else None
        out.append(NarrativeConflictOut(
            kind=c.kind, topic=c.topic, domain=c.domain,
            story=_story_row(story) if story else None,
            side=[_stance(s, known) for s in c.side], other=[_stance(s, known) for s in c.other],
        ))
    return out


def narratives_page(db: Database, corpus: CorpusView, filters: NarrativeFilters) -> NarrativesPage:
    """Counts by outlet and by week, the chosen narrative's articles, conflicts and contested castings."""
    from .queries import ref

    browse = db.browse()
    by_outlet = browse.narratives_by("outlet")
    by_week = browse.narratives_by("week")
    articles: Counter[str] = Counter()
    outlets: dict[str, set[str | None]] = defaultdict(set)
    domain: dict[str, str | None] = {}
    for c in by_outlet:
        articles[c.label] += c.articles
        outlets[c.label].add(c.group)
        domain.setdefault(c.label, c.domain)
    order = sorted(articles, key=lambda n: (n == OTHER, -articles[n], n))
    rows = [NarrativeRow(label=n, domain=domain[n], articles=articles[n], outlets=len(outlets[n]),
                         href=narrative_href(n)) for n in order]
    chosen = []
    if filters.narrative:
        chosen = [NarrativeArticleRow(article=ref(a.article), score=a.score, subnarratives=list(a.subnarratives))
                  for a in browse.narrative_articles(filters.narrative, outlet=filters.outlet, week=filters.week,
                                                     story=filters.story)]
    return NarrativesPage(
        narratives=rows,
        by_outlet=grid(by_outlet, order, label_of=lambda g: g or UNKNOWN_OUTLET),
        by_week=grid(by_week, order, label_of=lambda g: g or UNDATED),
        by_story=story_rows(db, corpus),
        filters=filters,
        articles=chosen,
        conflicts=conflict_rows(db, corpus, db.reader().narrative_conflicts()),
        roles=contested_roles(role_rows(db)),
    )


# -- the plot ---------------------------------------------------------------------------------------
def chart_svg(g: NarrativeGrid, *, by: str, title: str, links: bool = True) -> Markup:
    """Stacked horizontal bars, one per group (``by``: "outlet" or "week", chronological for weeks), a
    segment per narrative linking to its articles of that group (``links=False``: no links, for the report)."""
    groups = list(range(len(g.groups)))
    if by == "week":
        groups.sort(key=lambda i: (g.groups[i] == UNDATED, g.groups[i]))
    groups = groups[:PLOT_ROWS]
    left, width, row, top = 190, 760, 24, 8
    bar = width - left - 50
    most = max((sum(g.counts[i]) for i in groups), default=0) or 1
    height = top * 2 + row * len(groups)
    parts = [Markup('<svg class="narrative-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
                    'width="100%" role="img" aria-label="{}">').format(width, height, title),
             Markup("<title>{}</title>").format(title)]
    for k, i in enumerate(groups):
        name = g.groups[i]
        y = top + k * row
        short = name if len(name) <= 28 else name[:27] + "…"
        parts.append(Markup('<text class="group" x="{}" y="{}" text-anchor="end">{}<title>{}</title></text>').format(
            left - 8, y + row * 0.65, short, name))
        x = float(left)
        for j, n in enumerate(g.counts[i]):
            if not n:
                continue
            w = bar * n / most
            label = g.narratives[j]
            rect = Markup('<rect x="{:.1f}" y="{}" width="{:.1f}" height="{}" fill="{}" data-narrative="{}">'
                          "<title>{}: {} — {} article{}</title></rect>").format(
                x, y + 3, w, row - 6, g.colors[j], label, name, label, n, "" if n == 1 else "s")
            if links:
                real = name not in (UNKNOWN_OUTLET, UNDATED)
                href = narrative_href(label, outlet=name if by == "outlet" and real else None,
                                      week=name if by == "week" and real else None)
                rect = Markup('<a href="{}">{}</a>').format(href, rect)
            parts.append(rect)
            x += w
        parts.append(Markup('<text class="total" x="{:.1f}" y="{}">{}</text>').format(x + 6, y + row * 0.65,
                                                                                    sum(g.counts[i])))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
