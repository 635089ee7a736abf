"""The corpus stage: runs once after the per-article stages, over every stored article.

Finds duplicates, places new articles in stories (earlier placements are kept), compares claims
and builds the timeline; writes corpus.json's sections and the DuckDB tables.

Memory stays flat in the corpus size: articles are read in batches and each is reduced to a small
digest (corpus/digest.py) before the next batch is read; whatever depends on other articles (story,
duplicate source) is filled in afterwards, and the few texts the results quote (duplicate paragraph
diffs, claim sentences) are read back by id.
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence

import numpy as np

from ..model import Article
from .claims import with_sentences
from .digest import LAYERS, Digest, Digester, alias_map, alias_names, document_frequencies, key_phrase_codes
from .duplicates import Fingerprint, describe_group, fingerprint, group_fingerprints
from .embed import MODEL_NAME, Embedder, embedding_text, load_embedder
from .entities import unify_names
from .resources import TIMELINE_PER_STORY
from .stories import StoryInput, StoryState, assign, follow_copies, idf_weights, story_input, to_story
from .text import sort_key_published
from .timeline import merge_timeline, statement_text
from .reduce import claim_groups as reduce_claim_groups, narrative_conflicts as reduce_narrative_conflicts
from .types import ClaimGroup, ClaimRecord, DuplicateGroup, NarrativeConflict, Story, TimelineEntry

log = logging.getLogger(__name__)

#: Articles read (and digested) at a time.
BATCH = 500

#: Per-article cache: (exact hash, shingle count, MinHash values, embedding model, embedding).
CacheRow = tuple[str, int, np.ndarray, "str | None", "np.ndarray | None"]
#: A corpus_vectors row (cache_row): article id, exact hash, shingle count, MinHash values, model, vector.
VectorRow = tuple[str, str, int, np.ndarray, "str | None", "np.ndarray | None"]
_NO_HASHES = np.zeros(0, dtype=np.uint32)
_NO_KEYS = np.zeros(0, dtype=np.int64)


def cache_row(fp: Fingerprint, model: str | None = None, vector: Any = None) -> VectorRow:
    """The ``corpus_vectors`` row of an article: its signature and, when embedded, ``model``'s vector."""
    vec = None if vector is None else np.asarray(vector, dtype=np.float32)
    return (fp.article, fp.exact, fp.size, fp.hashvalues, model, vec)


@dataclass
class CorpusResult:
    """Everything the corpus layer found in one run, plus the state a later run starts from."""

    duplicates: list[DuplicateGroup]
    stories: list[Story]
    states: list[StoryState]
    claim_groups: list[ClaimGroup]
    timeline: list[TimelineEntry]
    model: str
    cache: dict[str, CacheRow] = field(default_factory=dict)  # in-memory runs only; a store keeps its own
    fresh: set[str] = field(default_factory=set)  # articles whose cache row was computed in this run
    narrative_conflicts: list[NarrativeConflict] = field(default_factory=list)

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
            "narrative_conflicts": [c.to_dict() for c in self.narrative_conflicts],
            "model": self.model,
        }


# -- where articles come from -------------------------------------------------------------------
class Source(Protocol):
    """The articles of one corpus run: listed, read in batches with their cache rows, and read back by id."""

    def ids(self) -> list[str]: ...

    def batches(self) -> Iterator[tuple[list[Article], dict[str, CacheRow]]]: ...

    def fetch(self, ids: Iterable[str], layers: Sequence[str]) -> Iterator[Article]: ...

    def save(self, rows: list[VectorRow]) -> None: ...

    def embeddings(self, ids: Sequence[str]) -> dict[str, np.ndarray]: ...


class MemorySource:
    """Articles already in memory (analyze without a database, tests, benchmarks) and a cache dict."""

    def __init__(self, articles: Sequence[Article], cache: dict[str, CacheRow]) -> None:
        self.articles = [a for a in articles if a.text]
        self.by_id = {a.id: a for a in self.articles}
        self.cache = cache

    def ids(self) -> list[str]:
        return [a.id for a in self.articles]

    def batches(self) -> Iterator[tuple[list[Article], dict[str, CacheRow]]]:
        for i in range(0, len(self.articles), BATCH):
            chunk = self.articles[i : i + BATCH]
            yield chunk, {a.id: self.cache[a.id] for a in chunk if a.id in self.cache}

    def fetch(self, ids: Iterable[str], layers: Sequence[str]) -> Iterator[Article]:
        return (self.by_id[i] for i in dict.fromkeys(ids) if i in self.by_id)

    def save(self, rows: list[VectorRow]) -> None:
        for aid, *row in rows:
            self.cache[aid] = tuple(row)  # type: ignore[assignment]

    def embeddings(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        return {i: self.cache[i][4] for i in ids if i in self.cache and self.cache[i][4] is not None}


class StoreSource:
    """A presswatch database: articles streamed with only the layers the corpus reads, cache rows per batch."""

    def __init__(self, store: Any) -> None:
        from ..store import corpus as corpus_store

        self.store = store
        self.db = corpus_store

    def ids(self) -> list[str]:
        return self.db.text_article_ids(self.store)

    def batches(self) -> Iterator[tuple[list[Article], dict[str, CacheRow]]]:
        articles = (a for a in self.store.iter_articles(BATCH, layers=LAYERS) if a.text)
        while chunk := list(islice(articles, BATCH)):
            yield chunk, self.db.load_vectors(self.store, [a.id for a in chunk])

    def fetch(self, ids: Iterable[str], layers: Sequence[str]) -> Iterator[Article]:
        ids = list(dict.fromkeys(ids))
        for i in range(0, len(ids), BATCH):
            yield from self.db.fetch_articles(self.store, ids[i : i + BATCH], layers).values()

    def save(self, rows: list[VectorRow]) -> None:
        self.db.save_vectors(self.store, rows)

    def embeddings(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        return {i: row[4] for i, row in self.db.load_vectors(self.store, ids).items() if row[4] is not None}


# -- the corpus pass ---------------------------------------------------------------------------
def build_corpus(
    articles: Sequence[Article],
    *,
    embedder: Callable[[], Embedder],
    states: list[StoryState] | None = None,
    states_model: str | None = None,
    cache: dict[str, CacheRow] | None = None,
) -> CorpusResult:
    """Duplicates, stories, claim groups and timeline over ``articles`` (in memory).

    ``states`` are stories of earlier runs built with ``states_model`` (their members stay where
    they are); ``cache`` holds signatures and embeddings computed before. ``embedder`` loads the
    sentence model and is called only when some article needs placing, so a run with nothing new
    never loads it.
    """
    source = MemorySource(articles, dict(cache or {}))
    result = corpus_pass(source, embedder=embedder, states=states, states_model=states_model)
    result.cache = source.cache
    return result


def corpus_pass(
    source: Source,
    *,
    embedder: Callable[[], Embedder],
    states: list[StoryState] | None = None,
    states_model: str | None = None,
) -> CorpusResult:
    """build_corpus over any Source, holding one batch of articles and a digest per article at a time."""
    ids = source.ids()
    known = set(ids)
    states = _prune(states or [], known)
    placed = {m.article for s in states for m in s.members}
    model: Embedder | None = None
    model_name = states_model or MODEL_NAME
    if any(i not in placed for i in ids):
        model = embedder()
        model_name = model.name
        if states and states_model != model.name:
            # Centroids of another model cannot be compared with these vectors: place everything again.
            log.info("embedding model changed (%s -> %s); rebuilding stories", states_model, model.name)
            states, placed = [], set()
    need = known - placed if model is not None else set()
    del known

    digester = Digester()
    digests: list[Digest] = []
    fresh: set[str] = set()
    batch: list[Article] = []
    cache: dict[str, CacheRow] = {}
    for batch, cache in source.batches():
        rows: list[VectorRow] = []
        todo: list[tuple[Article, Fingerprint]] = []
        for a in batch:
            hit = cache.get(a.id)
            fp = fingerprint(a) if hit is None else Fingerprint(a.id, a.published, a.outlet, hit[0], hit[1], hit[2])
            digests.append(digester.digest(a, fp))
            if a.id in need:
                if hit is None or model is None or hit[3] != model.name or hit[4] is None:
                    todo.append((a, fp))  # else its cached embedding is read back when the article is placed
            elif hit is None:
                rows.append(cache_row(fp))
        if todo and model is not None:
            for (a, fp), vec in zip(todo, model.encode([embedding_text(a) for a, _ in todo])):
                rows.append(cache_row(fp, model.name, vec))
        if rows:
            source.save(rows)
            fresh.update(r[0] for r in rows)
    del batch, cache  # the last batch of articles
    log.info("corpus: %d articles digested, %d to place", len(digests), len(need))

    dup_fps = group_fingerprints([d.fp for d in digests])
    for d in digests:  # signatures are done with: free them before the next steps
        d.fp = Fingerprint(d.fp.article, d.fp.published, d.fp.outlet, d.fp.exact, d.fp.size, _NO_HASHES)
    duplicates = _describe(dup_fps, source)

    states, story_of, idf = _place(digests, dup_fps, states, placed, source, digester)
    stories = _label(digests, states, idf, digester)
    narrative_conflicts = reduce_narrative_conflicts(
        ((d.id, d.stances) for d in digests), story_of, alias_names(digests, digester.entities, unify_names))

    def article_claims() -> Iterator[tuple[str, tuple[ClaimRecord, ...]]]:
        for d in digests:
            yield d.id, d.claims
            d.claims = ()

    claim_groups = reduce_claim_groups(article_claims(), duplicates, story_of)
    claim_groups = with_sentences(claim_groups, source.fetch(
        sorted({c.article for g in claim_groups for c in g.claims}), LAYERS))

    timeline = _timeline(digests, story_of, stories)
    del digests, story_of  # the statements below are read back with only the results in memory
    _fill_statements(timeline, source)
    return CorpusResult(duplicates, stories, states, claim_groups, timeline, model_name, {}, fresh,
                        narrative_conflicts)


def _timeline(digests: list[Digest], story_of: dict[str, str], stories: list[Story]) -> list[TimelineEntry]:
    """timeline.merge_timeline over the digests' entries (statements still empty: merged on their hashes),
    biggest story first."""
    by_time = sorted(digests, key=lambda d: sort_key_published(d.published, d.id))
    entries = [replace(t, story=story_of.get(d.id)) for d in by_time for t in d.timeline]
    keys = [k for d in by_time for k in d.timeline_keys.tolist()]
    for d in digests:
        d.timeline, d.timeline_keys = (), _NO_KEYS
    merged = merge_timeline(entries, keys)
    del entries, keys
    rank = {s.id: i for i, s in enumerate(stories)}
    merged.sort(key=lambda t: rank.get(t.story or "", len(rank)))  # stable: by date inside each story
    return merged


def _fill_statements(timeline: list[TimelineEntry], source: Source) -> None:
    """Put each entry's statement back, reading its article's text (a batch of articles at a time)."""
    positions: dict[str, list[int]] = {}
    for k, t in enumerate(timeline):
        positions.setdefault(t.article, []).append(k)
    for article in source.fetch(sorted(positions), ()):
        for k in positions.pop(article.id, ()):
            t = timeline[k]
            timeline[k] = replace(t, statement=statement_text(article.text, t.start, t.end))


def _prune(states: list[StoryState], known: set[str]) -> list[StoryState]:
    """Stories of earlier runs without the articles gone from the store (and without stories left empty)."""
    for st in states:
        st.members = [m for m in st.members if m.article in known]
    return [st for st in states if st.members]


def _describe(dup_fps: list[list[Fingerprint]], source: Source) -> list[DuplicateGroup]:
    """Duplicate groups with paragraph diffs, reading the members' texts back a few hundred at a time."""
    out: list[DuplicateGroup] = []
    pending: list[list[Fingerprint]] = []

    def flush() -> None:
        texts = {a.id: a for a in source.fetch([fp.article for g in pending for fp in g], ())}
        out.extend(describe_group(g, texts) for g in pending)
        pending.clear()

    size = 0
    for group in dup_fps:
        pending.append(group)
        size += len(group)
        if size >= BATCH:
            flush()
            size = 0
    if pending:
        flush()
    return out


def _place(
    digests: list[Digest],
    dup_fps: list[list[Fingerprint]],
    states: list[StoryState],
    placed: set[str],
    source: Source,
    digester: Digester,
) -> tuple[list[StoryState], dict[str, str], dict[str, float]]:
    """Put every article not yet in a story into one; returns the stories, article -> story and the entity idf."""
    follow = follow_copies(([fp.article for fp in group] for group in dup_fps), placed)
    vocab = digester.entities
    aliases = alias_map(digests, vocab, unify_names)
    df = np.zeros(len(vocab) + 1, dtype=np.int64)
    for d in digests:
        df[np.unique(aliases[d.entities[0]])] += 1
    idf = idf_weights({vocab.names[k]: int(df[k]) for k in np.flatnonzero(df)}, len(digests))

    new = [d for d in digests if d.id not in placed]
    # Embeddings are read back from the cache in the order assign places articles, a batch at a time.
    order = [d.id for d in sorted(new, key=lambda d: sort_key_published(d.published, d.id))]
    ready: dict[str, np.ndarray] = {}
    pos = 0

    def expand(d: Digest) -> StoryInput:
        nonlocal pos
        while d.id not in ready and pos < len(order):
            ready.update(source.embeddings(order[pos : pos + BATCH]))
            pos += BATCH
        vec = ready.pop(d.id, None)
        if vec is None:  # an id given twice (in-memory runs): its vector was used already
            vec = source.embeddings([d.id])[d.id]
        counts = digester.entity_counts(d, aliases)
        return story_input(d.id, vec, counts, idf, d.day, d.published, d.title, d.language, dict(d.anchors))

    anchor_df: Counter[str] = Counter()
    for d in digests:
        anchor_df.update(a for a, _ in d.anchors)
    dims = len(next(iter(source.embeddings(order[:1]).values()))) if order else None
    story_of = assign(new, states, follow=follow, idf=idf, expand=expand, dims=dims,
                      anchor_idf=idf_weights(anchor_df, len(digests)))
    return states, story_of, idf


def _label(digests: list[Digest], states: list[StoryState], idf: dict[str, float], digester: Digester) -> list[Story]:
    """Stories with labels (main entities and a key phrase scored against the whole corpus), biggest first."""
    df_codes, df_counts = document_frequencies(digests)
    by_id = {d.id: d for d in digests}
    stories = []
    for st in states:
        members = [by_id[m.article] for m in st.members if m.article in by_id]
        phrase = key_phrase_codes([d.lead for d in members], [d.title_codes for d in members], df_codes, df_counts,
                                  len(digests), st.main_entities(3, idf), digester.words)
        stories.append(to_story(st, phrase, idf))
    stories.sort(key=lambda s: (-len(s.articles), s.start or "", s.id))
    return stories


def run_corpus(
    *,
    store: Any = None,
    articles: Iterable[Article] = (),
    embedder_name: str = MODEL_NAME,
    cache: dict[str, CacheRow] | None = None,
) -> dict[str, Any]:
    """The corpus layer over all stored articles (or the given ones without a store); returns corpus.json.

    ``cache`` (runs without a store) holds signatures and embeddings prepared before, by article id.
    """
    from ..store import corpus as corpus_store

    def loader() -> Embedder:
        return load_embedder(embedder_name)

    if store is None:
        return build_corpus(list(articles), embedder=loader, cache=cache).to_dict()
    model, states = corpus_store.load_story_states(store)
    # signatures and embeddings are saved batch by batch during the pass
    result = corpus_pass(StoreSource(store), embedder=loader, states=states, states_model=model)
    corpus_store.write_results(
        store,
        duplicates=result.duplicates,
        states=result.states,
        stories=result.stories,
        model=result.model,
        claim_groups=result.claim_groups,
        timeline=result.timeline,
        narrative_conflicts=result.narrative_conflicts,
    )
    return result.to_dict()


class CorpusLayer:
    """The corpus layer as the pipeline calls it.

    ``prepare(store=..., articles=...)`` runs on each batch of articles as soon as it is analysed,
    while the worker processes go on with the next batches: it computes what the corpus pass needs
    of every article on its own (the MinHash signature and the story embedding, the costly part)
    and saves it where the pass looks for it first. ``layer(store=..., articles=...)`` then runs the
    pass once over the whole corpus and returns corpus.json's sections. Skipping ``prepare`` changes
    no result: the pass computes whatever was not prepared.
    """

    def __init__(self, embedder_name: str = MODEL_NAME, *, threads: int | None = None) -> None:
        self.embedder_name = embedder_name
        self.threads = threads  # torch threads while preparing (1 while worker processes use the cores)
        self.cache: dict[str, CacheRow] = {}  # prepared rows of a run without a store

    def prepare(self, *, store: Any = None, articles: Sequence[Article]) -> None:
        todo = [a for a in articles if a.text]
        if not todo:
            return
        model = load_embedder(self.embedder_name)
        with _torch_threads(self.threads):
            vectors = model.encode([embedding_text(a) for a in todo])
        rows = [cache_row(fingerprint(a), model.name, vec) for a, vec in zip(todo, vectors)]
        (StoreSource(store) if store is not None else MemorySource((), self.cache)).save(rows)

    def __call__(self, *, store: Any = None, articles: Iterable[Article] = ()) -> dict[str, Any]:
        return run_corpus(store=store, articles=articles, embedder_name=self.embedder_name, cache=self.cache)


class _torch_threads:
    """torch's intra-op threads set to ``n`` inside the block (nothing when n is None or torch is not loaded)."""

    def __init__(self, n: int | None) -> None:
        self.n = n
        self.before: int | None = None

    def __enter__(self) -> None:
        torch = sys.modules.get("torch")
        if self.n is not None and torch is not None:
            self.before = torch.get_num_threads()
            torch.set_num_threads(self.n)

    def __exit__(self, *exc: object) -> None:
        torch = sys.modules.get("torch")
        if self.before is not None and torch is not None:
            torch.set_num_threads(self.before)


def make_corpus(options: Any) -> CorpusLayer:
    """The corpus layer for a run's options (``corpus_embedder`` picks the story embedder)."""
    workers = getattr(options, "workers", 1)
    return CorpusLayer(getattr(options, "corpus_embedder", None) or MODEL_NAME, threads=1 if workers > 1 else None)
