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


class Counts(BaseModel):
    articles: int
    outlets: int
    failures: int
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


class ArticleDetail(ArticleRef):
    language: str | None = None
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
    languages: list[str] = []


class AnalyzePage(BaseModel):
    enabled: bool
    max_bytes: int
    stages: list[str]
    message: str | None = None
    article_ids: list[str] = []
