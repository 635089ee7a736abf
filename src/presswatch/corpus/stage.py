"""The corpus stage: runs once after the per-article stages, over every stored article.

Finds duplicates, places new articles in stories (earlier placements are kept), compares claims
and builds the timeline; writes corpus.json's sections and the DuckDB tables.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from ..model import Article
from .claims import claim_records, find_claim_groups
from .duplicates import Fingerprint, describe_group, fingerprint, group_fingerprints
from .embed import MODEL_NAME, Embedder, embedding_text, load_embedder
from .entities import entity_counts, rename, unify_names
from .resources import TIMELINE_PER_STORY
from .stories import StoryInput, StoryState, assign, entity_weights, idf_weights, key_phrase, phrases, to_story
from .text import sort_key_published
from .timeline import find_timeline, merge_timeline, reference_date
from .types import ClaimGroup, DuplicateGroup, Story, TimelineEntry

log = logging.getLogger(__name__)


#: Per-article cache: (exact hash, shingle count, MinHash values, embedding model, embedding).
CacheRow = tuple[str, int, np.ndarray, "str | None", "np.ndarray | None"]


@dataclass
class CorpusResult:
    """Everything the corpus layer found in one run, plus the state a later run starts from."""

    duplicates: list[DuplicateGroup]
    stories: list[Story]
    states: list[StoryState]
    claim_groups: list[ClaimGroup]
    timeline: list[TimelineEntry]
    model: str
    cache: dict[str, CacheRow] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)  # articles whose cache row was computed in this run

    def to_dict(self) -> dict[str, Any]:
        """The corpus.json document."""
        per_story: Counter[str | None] = Counter()
        timeline = []
        for t in self.timeline:
            per_story[t.story] += 1
            if per_story[t.story] <= TIMELINE_PER_STORY:
                timeline.append(t.to_dict())
        return {
            "duplicates": [g.to_dict() for g in self.duplicates],
            "stories": [s.to_dict() for s in self.stories],
            "claim_conflicts": [g.to_dict() for g in self.claim_groups if g.kind == "conflict"],
            "corroborations": [g.to_dict() for g in self.claim_groups if g.kind == "corroboration"],
            "updates": [g.to_dict() for g in self.claim_groups if g.kind == "update"],
            "timeline": timeline,
            "model": self.model,
        }


def build_corpus(
    articles: Sequence[Article],
    *,
    embedder: Callable[[], Embedder],
    states: list[StoryState] | None = None,
    states_model: str | None = None,
    cache: dict[str, CacheRow] | None = None,
) -> CorpusResult:
    """Duplicates, stories, claim groups and timeline over ``articles``.

    ``states`` are stories of earlier runs built with ``states_model`` (their members stay where
    they are); ``cache`` holds signatures and embeddings computed before. ``embedder`` loads the
    sentence model and is called only when some article needs placing, so a run with nothing new
    never loads it.
    """
    cache = dict(cache or {})
    articles = [a for a in articles if a.text]
    fps = [_fingerprint(a, cache) for a in articles]
    dup_fps = group_fingerprints(fps)
    duplicates = [describe_group(g, {a.id: a for a in articles}) for g in dup_fps]
    source = {fp.article: d.id for g, d in zip(dup_fps, duplicates) for fp in g}
    copies = {fp.article: tuple(m.article for m in d.members if m.article != fp.article)
              for g, d in zip(dup_fps, duplicates) for fp in g}

    states, story_of, vectors, model_name, idf = _place(articles, dup_fps, embedder, states or [], states_model, cache)
    stories = _label(articles, states, idf)

    claims = [
        c
        for a in articles
        for c in claim_records(a, story=story_of.get(a.id), source=source.get(a.id, a.id), copies=copies.get(a.id, ()))
    ]
    claim_groups = find_claim_groups(claims)

    by_time = sorted(articles, key=lambda a: sort_key_published(a.published, a.id))
    rank = {s.id: i for i, s in enumerate(stories)}
    timeline = sorted(
        merge_timeline(t for a in by_time for t in find_timeline(a, story_of.get(a.id))),
        key=lambda t: rank.get(t.story or "", len(rank)),
    )  # stable: by date inside each story, biggest story first

    fresh = set()
    for fp in fps:
        old = cache.get(fp.article)
        if fp.article in vectors or old is None:
            cache[fp.article] = (fp.exact, fp.size, fp.hashvalues, model_name if fp.article in vectors else None,
                                 vectors.get(fp.article))
            fresh.add(fp.article)
    return CorpusResult(duplicates, stories, states, claim_groups, timeline, model_name, cache, fresh)


def _fingerprint(article: Article, cache: dict[str, CacheRow]) -> Fingerprint:
    hit = cache.get(article.id)
    if hit is None:
        return fingerprint(article)
    return Fingerprint(article.id, article.published, article.outlet, hit[0], hit[1], hit[2])


def _place(
    articles: list[Article],
    dup_fps: list[list[Fingerprint]],
    embedder: Callable[[], Embedder],
    states: list[StoryState],
    states_model: str | None,
    cache: dict[str, CacheRow],
) -> tuple[list[StoryState], dict[str, str], dict[str, np.ndarray], str, dict[str, float]]:
    """Put every article not yet in a story into one; returns the stories, article -> story, the new
    vectors, the embedding model's name and the entity idf."""
    known = {a.id for a in articles}
    for st in states:  # articles gone from the store leave their stories
        st.members = [m for m in st.members if m.article in known]
    states = [st for st in states if st.members]
    placed = {m.article for s in states for m in s.members}
    new = [a for a in articles if a.id not in placed]
    model_name = states_model or MODEL_NAME
    vectors: dict[str, np.ndarray] = {}
    if new:
        model = embedder()
        model_name = model.name
        if states and states_model != model.name:
            # Centroids of another model cannot be compared with these vectors: place everything again.
            log.info("embedding model changed (%s -> %s); rebuilding stories", states_model, model.name)
            states, placed, new = [], set(), list(articles)
        todo = []
        for a in new:
            hit = cache.get(a.id)
            if hit and hit[3] == model.name and hit[4] is not None:
                vectors[a.id] = hit[4]
            else:
                todo.append(a)
        if todo:
            vectors.update(zip((a.id for a in todo), model.encode([embedding_text(a) for a in todo])))
    # A copy joins the story of a member already placed (else of the earliest member).
    follow = {}
    for group in dup_fps:
        anchor = next((fp.article for fp in group if fp.article in placed), group[0].article)
        follow.update({fp.article: anchor for fp in group if fp.article != anchor})
    counts = {a.id: entity_counts(a) for a in articles}
    aliases = unify_names(Counter(e for c in counts.values() for e in c))
    counts = {aid: rename(c, aliases) for aid, c in counts.items()}
    idf = idf_weights(Counter(e for c in counts.values() for e in c), len(articles))
    items = [
        StoryInput(a.id, vectors[a.id], entity_weights(counts[a.id], idf), reference_date(a), a.published, a.title,
                   dict(counts[a.id]))
        for a in new
    ]
    story_of = assign(items, states, follow=follow, idf=idf)
    return states, story_of, vectors, model_name, idf


def _label(articles: list[Article], states: list[StoryState], idf: dict[str, float]) -> list[Story]:
    """Stories with labels (main entities and a key phrase scored against the whole corpus), biggest first."""
    article_phrases = {a.id: phrases(_lead(a)) for a in articles}
    title_phrases = {a.id: phrases(a.title or "") for a in articles}
    doc_freq: Counter[str] = Counter()
    for aid, ps in article_phrases.items():
        doc_freq.update(ps | title_phrases[aid])
    stories = []
    for st in states:
        ids = [m.article for m in st.members if m.article in article_phrases]
        phrase = key_phrase([article_phrases[i] for i in ids], doc_freq, len(articles), st.main_entities(3, idf),
                            [title_phrases[i] for i in ids])
        stories.append(to_story(st, phrase, idf))
    stories.sort(key=lambda s: (-len(s.articles), s.start or "", s.id))
    return stories


def _lead(article: Article) -> str:
    if article.paragraphs:
        s, e = article.paragraphs[0]
        return article.text[s:e][:600]
    return article.text[:600]


def run_corpus(
    *, store: Any = None, articles: Iterable[Article] = (), embedder_name: str = MODEL_NAME
) -> dict[str, Any]:
    """The corpus layer over all stored articles (or the given ones without a store); returns corpus.json."""
    from ..store import corpus as corpus_store

    def loader() -> Embedder:
        return load_embedder(embedder_name)

    if store is None:
        return build_corpus(list(articles), embedder=loader).to_dict()
    model, states = corpus_store.load_story_states(store)
    result = build_corpus(
        list(store.iter_articles()), embedder=loader, states=states, states_model=model,
        cache=corpus_store.load_vectors(store),
    )
    corpus_store.save_vectors(store, [(aid, *result.cache[aid]) for aid in sorted(result.fresh)])
    corpus_store.write_results(
        store,
        duplicates=result.duplicates,
        states=result.states,
        stories=result.stories,
        model=result.model,
        claim_groups=result.claim_groups,
        timeline=result.timeline,
    )
    return result.to_dict()


def make_corpus(options: Any) -> Callable[..., dict[str, Any]]:
    """The corpus layer as the pipeline calls it: ``corpus(store=..., articles=...) -> corpus.json dict``."""
    extra = getattr(options, "extra", None) or {}
    name = extra.get("corpus_embedder", MODEL_NAME)

    def corpus(*, store: Any = None, articles: Iterable[Article] = ()) -> dict[str, Any]:
        return run_corpus(store=store, articles=articles, embedder_name=name)

    return corpus
