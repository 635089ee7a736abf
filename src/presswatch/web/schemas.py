"""The context of every page: one pydantic model per page, rendered as HTML or returned as JSON."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ArticleRef(BaseModel):
    """Enough about an article to list and link it."""

    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = Field(None, description="The article's URL when it is a plain http(s) address, else null.")
    language: str | None = Field(None, description="The article's language code (ISO 639-1), null when not identified.")


class LanguageRow(BaseModel):
    """A language of the corpus with its article count (the language filters' choices)."""

    code: str | None = Field(description="ISO 639-1 code as stored; null for articles whose language was not identified.")
    name: str
    articles: int


class Counts(BaseModel):
    """The headline numbers, as presswatch.store.browse.Browse.corpus_counts defines them."""

    articles: int
    outlets: int = Field(description="Distinct known outlet names.")
    unknown_outlet: int = Field(0, description="Articles whose outlet is not known.")
    failures: int = Field(description="Inputs that could not be analysed (nothing was stored for them).")
    warnings: int = Field(0, description="Inputs kept with a warning (some layers did not run on them).")
    annotations: dict[str, int] = Field(description="Annotations per layer.")
    stories: int
    claim_conflicts: int
    duplicate_groups: int


class OutletRow(BaseModel):
    outlet: str
    articles: int
    first: str | None = None
    last: str | None = None


class PersonRow(BaseModel):
    name: str
    quotes: int
    outlets: int


class StoryRow(BaseModel):
    id: str
    label: str
    start: str | None = None
    end: str | None = None
    size: int
    article_ids: list[str] = []


class TechniqueByOutlet(BaseModel):
    """Technique counts per outlet, and per article so outlets of different sizes compare."""

    outlets: list[str]
    techniques: list[str]
    counts: list[list[int]] = Field(description="counts[i][j]: technique j in outlet i.")
    articles: list[int] = Field(description="Articles per outlet.")
    colors: list[str] = Field([], description="Chart colour of each technique, the hue of its text highlight.")


class ConflictClaim(BaseModel):
    article: ArticleRef | None = None
    value: float | None = None
    modifier: str | None = None
    text: str | None = None
    speaker: str | None = None
    published: str | None = None


class Conflict(BaseModel):
    topic: str
    claims: list[ConflictClaim]


class Overview(BaseModel):
    counts: Counts
    layers: list[str] = Field(description="Annotation layers present in the database.")
    stories: list[StoryRow]
    outlets: list[OutletRow]
    people: list[PersonRow]
    technique_by_outlet: TechniqueByOutlet
    conflicts: list[Conflict]
    recent: list[ArticleRef]
    languages: list[LanguageRow] = Field([], description="Articles per language.")
    language: str | None = Field(None, description="The language the article list is narrowed to (?lang=), if any.")


class AnnotationOut(BaseModel):
    layer: str
    label: str
    start: int | None = None
    end: int | None = None
    score: float | None = None
    attrs: dict[str, Any] = {}
    text: str | None = Field(None, description="The words the span covers.")


class RemovedOut(BaseModel):
    text: str
    reason: str


class UnsupportedLayer(BaseModel):
    """A layer that did not run on this article, and why (its language has no model for it)."""

    layer: str
    reason: str


class ArticleDetail(ArticleRef):
    language_name: str | None = Field(None, description="The language's English name.")
    unsupported: list[UnsupportedLayer] = Field(
        [], description="Layers that did not run for this article's language: empty there means not analysed, not nothing found.")
    source_path: str | None = None
    text: str
    paragraphs: list[tuple[int, int]] = []
    removed: list[RemovedOut] = []
    errors: list[dict[str, str]] = []


class LegendItem(BaseModel):
    label: str
    css: str = Field(description="The CSS class that colours this technique.")
    count: int


class ArticlePage(BaseModel):
    article: ArticleDetail
    annotations: list[AnnotationOut]
    span_layers: list[str] = Field(description="Span layers present, in the order they are drawn.")
    labels: list[AnnotationOut] = Field(description="Article-level labels: genre and frames.")
    legend: list[LegendItem]
    duplicates: list[ArticleRef]
    story: StoryRow | None = None
    story_articles: list[ArticleRef] = []
    narratives: "ArticleNarratives | None" = Field(
        None, description="The narratives the article pushes and the roles it casts (null: no such layer stored).")


class QuoteRow(BaseModel):
    article: ArticleRef
    label: str
    text: str
    cue: str | None = None


class ClaimRow(BaseModel):
    article: ArticleRef
    text: str
    value: float | None = None
    unit: str | None = None
    modifier: str | None = None
    amount: str | None = None  # a vague amount or a range as a reader may take it; None for an exact count


class PersonPage(BaseModel):
    name: str
    quotes: list[QuoteRow]
    quotes_by_outlet: dict[str, int]
    claims: list[ClaimRow]
    mentioned_in: list[ArticleRef]
    aliases: list[str] = Field([], description="Other spellings that resolve to this name.")
    roles: list["RoleRow"] = Field([], description="How each outlet casts this person: main role, mentions, articles.")


class TimelineEntry(BaseModel):
    date: str | None = None
    text: str
    article: ArticleRef | None = None


class StoryPage(BaseModel):
    story: StoryRow
    articles: list[ArticleRef]
    timeline: list[TimelineEntry]


class ConflictsPage(BaseModel):
    conflicts: list[Conflict]
    available: bool = Field(description="Whether the corpus layer has produced claim conflicts.")


class SnippetPart(BaseModel):
    text: str
    hit: bool = False


class SearchHit(BaseModel):
    article: ArticleRef
    score: float
    snippet: list[SnippetPart]


class SearchFilters(BaseModel):
    q: str = ""
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    technique: str | None = None
    person: str | None = None
    language: str | None = None
    sort: str = "relevance"


class SearchPage(BaseModel):
    filters: SearchFilters
    hits: list[SearchHit]
    total: int
    error: str | None = Field(None, description="Why the query could not be run (it is never repeated here).")
    backend: str = Field(description="How matches were found and ranked.")
    outlets: list[str]
    techniques: list[str]
    people: list[str]
    languages: list[LanguageRow] = []


class AnalyzePage(BaseModel):
    enabled: bool
    max_bytes: int
    stages: list[str]
    message: str | None = None
    article_ids: list[str] = []


# -- narratives and roles (SemEval-2025 Task 10 layers; web/narratives.py builds these) ---------------
class NarrativeOut(BaseModel):
    """A narrative an article pushes, with its score and sub-narratives."""

    label: str
    domain: str | None = None
    score: float | None = None
    subnarratives: list[str] = []
    href: str = Field(description="The Narratives page listing the articles that push it.")


class CastMention(BaseModel):
    """A mention the article casts in a role."""

    entity: str
    text: str | None = None
    role: str
    fine: list[str] = []
    score: float | None = None
    start: int | None = None
    end: int | None = None


class ArticleNarratives(BaseModel):
    """The narrative and role layers of one article."""

    narratives: list[NarrativeOut] = []
    note: str | None = Field(None, description="Why no narrative is listed: the article is about neither domain, "
                                               "or the layer did not run on it (and why).")
    ran: bool = Field(description="Whether the narrative layer ran on this article.")
    cast: list[CastMention] = Field([], description="Each mention cast in a role, in text order.")


class RoleRow(BaseModel):
    """How one outlet casts one entity."""

    entity: str
    outlet: str
    role: str
    mentions: int
    articles: int
    fine: list[str] = []


class NarrativeGrid(BaseModel):
    """Articles pushing each narrative per group (an outlet or a week): the plot's data."""

    groups: list[str]
    narratives: list[str]
    counts: list[list[int]] = Field(description="counts[i][j]: articles of group i pushing narrative j.")
    colors: list[str] = Field([], description="The plot colour of each narrative.")


class NarrativeRow(BaseModel):
    label: str
    domain: str | None = None
    articles: int
    outlets: int
    href: str


class NarrativeArticleRow(BaseModel):
    article: ArticleRef
    score: float | None = None
    subnarratives: list[str] = []


class NarrativeStance(BaseModel):
    article: ArticleRef | None = None
    outlet: str | None = None
    label: str
    score: float | None = None
    fine: list[str] = []


class NarrativeConflictOut(BaseModel):
    """Outlets of one story on opposite sides (docs/data-model.md: narrative_conflicts)."""

    kind: str = Field(description="role: one entity cast Protagonist and Antagonist; narrative: a narrative one "
                                  "side pushes and the other, pushing another of its domain, does not.")
    topic: str
    domain: str | None = None
    story: StoryRow | None = None
    side: list[NarrativeStance]
    other: list[NarrativeStance]


class StoryNarratives(BaseModel):
    """The narratives a story's articles push."""

    story: StoryRow
    narratives: list[NarrativeRow] = Field(description="Per narrative: the story's articles and outlets pushing it.")


class NarrativeFilters(BaseModel):
    narrative: str | None = None
    outlet: str | None = None
    week: str | None = None
    story: str | None = None


class NarrativesPage(BaseModel):
    narratives: list[NarrativeRow] = Field(description="Every narrative, most articles first (Other: about neither "
                                                       "domain or pushing none).")
    by_outlet: NarrativeGrid
    by_week: NarrativeGrid
    by_story: list[StoryNarratives] = Field([], description="Stories whose articles push a narrative, largest first.")
    filters: NarrativeFilters
    articles: list[NarrativeArticleRow] = Field([], description="The articles of the chosen narrative (and outlet, week).")
    conflicts: list[NarrativeConflictOut] = []
    roles: list[RoleRow] = Field([], description="Entities cast opposite ways by different outlets, by outlet.")


class AttentionPeriod(BaseModel):
    """One period's article counts, one per group of its table (in the table's group order)."""

    period: str | None = Field(description="The day (YYYY-MM-DD) or the week's Monday; null: undated")
    counts: list[int]


class AttentionTable(BaseModel):
    """Articles per period for the most-covered groups of one kind (outlet, story, technique, narrative)."""

    by: str
    groups: list[str | None] = Field(description="The groups, most articles first (null: unknown outlet)")
    periods: list[AttentionPeriod]
    left_out: int = Field(0, description="Groups beyond the shown ones")


class AttentionPage(BaseModel):
    """Attention over time: how many articles each outlet, story, technique and narrative got per period."""

    period: str
    tables: list[AttentionTable]


class LabelCount(BaseModel):
    """A label of a layer (a technique, a narrative) and how many of the outlet's articles carry it."""

    label: str
    articles: int


class OutletPage(BaseModel):
    """An outlet: its articles, latest first, and the techniques and narratives its articles carry."""

    outlet: str
    articles: int
    recent: list[ArticleRef]
    techniques: list[LabelCount]
    narratives: list[LabelCount]
