"""Stories: articles about the same event, grouped incrementally by embedding, shared entities and time.

Each article joins the best-matching story active around its publication date when the match
(cosine to the story centroid plus a bonus for shared canonical entities) is good enough, or
founds a new story. Story state (centroid sum, entity counts, span) is kept so that a later run
adds new articles without touching the ones already placed.

The embedding (all-MiniLM-L6-v2) is English: on other languages it finds Cyrillic texts alike
whatever they report. So where an article is not in English, or a story has a member that is not,
the match is made on language-neutral anchors instead (corpus/crosslang: name skeletons and
numbers the two share). Articles in English (or of unknown language) facing stories of only such
articles never take that path: English grouping is what it was.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Container, Iterable, Iterator, Mapping, Sequence

import numpy as np

from .resources import (
    CROSS_JOIN_ANCHORS, CROSS_JOIN_SIMILARITY, ENTITY_WEIGHT, STOPWORDS, STORY_JOIN_SCORE, STORY_WINDOW_DAYS,
)
from .text import sort_key_published, words
from .types import Story, StoryArticle


@dataclass(frozen=True)
class StoryInput:
    """What story grouping needs of one article."""

    article: str
    vector: np.ndarray  # unit-length embedding of title and lead
    entities: dict[str, float]  # its main canonical entities, weighted (see entity_weights)
    day: date | None
    published: str | None = None
    title: str | None = None
    mentions: Mapping[str, int] = field(default_factory=dict)  # raw mention counts, for the label
    language: str | None = None
    anchors: Mapping[str, int] = field(default_factory=dict)  # crosslang.anchors: name skeletons, numbers


def foreign(language: str | None) -> bool:
    """Whether an article's language keeps it off the English-only path (known and not English)."""
    return language is not None and language != "en"


@dataclass
class StoryState:
    """A story while it grows: the running sum of member vectors, entity counts and time span."""

    id: str
    vector_sum: np.ndarray
    entity_counts: Counter[str] = field(default_factory=Counter)  # members naming each entity
    entity_mentions: Counter[str] = field(default_factory=Counter)  # mentions over all members
    start: date | None = None
    end: date | None = None
    members: list[StoryArticle] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)  # members per language (placed in this run)
    anchor_counts: Counter[str] = field(default_factory=Counter)  # members having each anchor (this run)

    @property
    def foreign(self) -> bool:
        """Whether a member placed in this run is in a language other than English."""
        return any(foreign(lang) for lang in self.languages)

    @property
    def size(self) -> int:
        return len(self.members)

    def centroid(self) -> np.ndarray:
        n = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / n if n else self.vector_sum

    def main_entities(self, n: int = 8, idf: Mapping[str, float] | None = None) -> tuple[str, ...]:
        """Entities named by at least half the members, the most named (and rarest in the corpus) first."""
        floor = max(1, math.ceil(self.size / 2))
        idf = idf or {}
        scored = [
            (c * c * idf.get(e, 1.0) * math.log(2 + self.entity_mentions.get(e, 0)), e)
            for e, c in self.entity_counts.items()
            if c >= floor
        ]
        return tuple(e for _, e in sorted(scored, key=lambda t: (-t[0], t[1]))[:n])

    def add(self, item: StoryInput, score: float) -> None:
        self.vector_sum = self.vector_sum + item.vector
        self.entity_counts.update(set(item.entities))
        self.entity_mentions.update(item.mentions)
        if item.language is not None:
            self.languages[item.language] += 1
        self.anchor_counts.update(set(item.anchors))
        if item.day is not None:
            self.start = item.day if self.start is None else min(self.start, item.day)
            self.end = item.day if self.end is None else max(self.end, item.day)
        self.members.append(StoryArticle(item.article, score, item.published, item.title))


def follow_copies(groups: Iterable[Sequence[str]], placed: Container[str] = ()) -> dict[str, str]:
    """Copy -> the article whose story it joins: a member already placed, else its group's earliest (listed first)."""
    follow: dict[str, str] = {}
    for group in groups:
        anchor = next((a for a in group if a in placed), group[0])
        follow.update({a: anchor for a in group if a != anchor})
    return follow


def story_id(founder: str) -> str:
    return "story-" + hashlib.sha1(founder.encode()).hexdigest()[:10]


def weighted_cosine(weights: Mapping[str, float], counts: Mapping[str, int], idf: Mapping[str, float]) -> float:
    """Cosine of an article's weighted features with a story's counts of them (members having each),
    rare features counting most: the entity and the cross-language anchor similarity alike."""
    if not weights or not counts:
        return 0.0
    sv = {e: n * idf.get(e, 1.0) for e, n in counts.items()}
    dot = sum(w * sv.get(e, 0.0) for e, w in weights.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in weights.values()))
    ns = math.sqrt(sum(w * w for w in sv.values()))
    return dot / (na * ns) if na and ns else 0.0


def entity_similarity(entities: Mapping[str, float], story: StoryState, idf: Mapping[str, float]) -> float:
    """Cosine of an article's weighted entities with the story's, rare entities counting most."""
    return weighted_cosine(entities, story.entity_counts, idf)


def entity_weights(counts: Mapping[str, int], idf: Mapping[str, float], n: int = 12) -> dict[str, float]:
    """An article's main entities weighted by mentions (sublinear) and rarity in the corpus."""
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return {e: (1.0 + math.log(c)) * idf.get(e, 1.0) for e, c in top if c > 0}


def story_input(
    article: str, vector: np.ndarray, counts: Mapping[str, int], idf: Mapping[str, float],
    day: date | None, published: str | None, title: str | None,
    language: str | None = None, anchors: Mapping[str, int] | None = None,
) -> StoryInput:
    """An article's StoryInput from its embedding and alias-folded entity counts (local run and Spark alike)."""
    return StoryInput(article, vector, entity_weights(counts, idf), day, published, title, dict(counts),
                      language, dict(anchors or {}))


def idf_weights(doc_freq: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """Inverse document frequency of each entity: Russia in every article says little about the story."""
    return {e: math.log((n_docs + 1) / (df + 0.5)) for e, df in doc_freq.items()}


def match_score(item: StoryInput, story: StoryState, idf: Mapping[str, float]) -> float:
    """How well an article fits a story: cosine to the centroid plus weighted entity similarity."""
    return float(item.vector @ story.centroid()) + ENTITY_WEIGHT * entity_similarity(item.entities, story, idf)


def cross_score(item: StoryInput, story: StoryState, anchor_idf: Mapping[str, float], threshold: float) -> float:
    """The match of an article and a story on language-neutral anchors alone, on the scale of
    match_score: ``threshold`` and up when they share at least CROSS_JOIN_ANCHORS anchors and their
    anchor similarity reaches CROSS_JOIN_SIMILARITY, else 0."""
    if not item.anchors or not story.anchor_counts:
        return 0.0
    if sum(1 for a in item.anchors if a in story.anchor_counts) < CROSS_JOIN_ANCHORS:
        return 0.0
    sim = weighted_cosine({a: anchor_idf.get(a, 1.0) for a in item.anchors}, story.anchor_counts, anchor_idf)
    return threshold + (sim - CROSS_JOIN_SIMILARITY) if sim >= CROSS_JOIN_SIMILARITY else 0.0


class _Index:
    """Story centroids and spans, so each article is matched against all live stories in one step.

    Centroids are kept one array per story (not rows of a matrix grown by doubling, which held up
    to twice the stories' vectors and three times while growing); live ones are stacked per query.
    """

    NO_DAY = np.iinfo(np.int64).min

    def __init__(self, stories: list[StoryState], dim: int) -> None:
        self.stories = stories
        self.dim = dim
        cap = max(16, 2 * len(stories))
        self.cents: list[np.ndarray] = []
        self.starts = np.full(cap, self.NO_DAY, dtype=np.int64)
        self.ends = np.full(cap, self.NO_DAY, dtype=np.int64)
        self.foreign = np.zeros(cap, dtype=bool)  # a member not in English: the cross-language match applies
        for k in range(len(stories)):
            self.refresh(k)

    def refresh(self, k: int) -> None:
        if k >= len(self.starts):
            grow = len(self.starts)
            self.starts = np.concatenate([self.starts, np.full(grow, self.NO_DAY, dtype=np.int64)])
            self.ends = np.concatenate([self.ends, np.full(grow, self.NO_DAY, dtype=np.int64)])
            self.foreign = np.concatenate([self.foreign, np.zeros(grow, dtype=bool)])
        st = self.stories[k]
        centroid = np.asarray(st.centroid(), dtype=np.float32)
        if k < len(self.cents):
            self.cents[k] = centroid
        else:
            self.cents.append(centroid)
        self.starts[k] = st.start.toordinal() if st.start else self.NO_DAY
        self.ends[k] = st.end.toordinal() if st.end else self.NO_DAY
        self.foreign[k] = st.foreign

    def centroids(self, live: np.ndarray) -> np.ndarray:
        """The centroids of the stories ``live``, one row each."""
        return np.stack([self.cents[j] for j in live]) if len(live) else np.zeros((0, self.dim), dtype=np.float32)

    def live(self, day: date | None, window: int) -> np.ndarray:
        """Indexes of the stories whose span lies within ``window`` days of ``day`` (undated ones always)."""
        n = len(self.stories)
        if day is None:
            return np.arange(n)
        d = day.toordinal()
        starts, ends = self.starts[:n], self.ends[:n]
        undated = starts == self.NO_DAY
        return np.flatnonzero(undated | ((starts - window <= d) & (d <= ends + window)))


def assign(
    items: Sequence[Any],
    stories: list[StoryState],
    *,
    follow: Mapping[str, str] | None = None,
    idf: Mapping[str, float] | None = None,
    threshold: float = STORY_JOIN_SCORE,
    window: int = STORY_WINDOW_DAYS,
    expand: Callable[[Any], StoryInput] | None = None,
    dims: int | None = None,
    anchor_idf: Mapping[str, float] | None = None,
) -> dict[str, str]:
    """Place each new article in a story (earliest first), founding stories as needed; returns article -> story.

    ``follow`` maps an article to another (its earlier duplicate): it then joins that one's story.
    ``idf`` weighs entities by rarity. ``stories`` is extended and updated in place. ``items`` are
    StoryInputs, or light records (with ``article`` and ``published``) that ``expand`` turns into
    one when its turn comes, so a large run never holds every StoryInput at once (give ``dims`` then).
    """
    if not items:
        return {m.article: s.id for s in stories for m in s.members}
    ordered = sorted(items, key=lambda i: sort_key_published(i.published, i.article))
    return assign_in_order(ordered, stories, follow=follow, idf=idf, threshold=threshold, window=window,
                           expand=expand, dims=dims if dims is not None else len(items[0].vector),
                           anchor_idf=anchor_idf)


def assign_in_order(
    items: Iterable[Any],
    stories: list[StoryState],
    *,
    dims: int,
    follow: Mapping[str, str] | None = None,
    idf: Mapping[str, float] | None = None,
    threshold: float = STORY_JOIN_SCORE,
    window: int = STORY_WINDOW_DAYS,
    expand: Callable[[Any], StoryInput] | None = None,
    anchor_idf: Mapping[str, float] | None = None,
) -> dict[str, str]:
    """assign over items already in publication order, read one at a time (a stream, as the Spark runner gives).

    ``anchor_idf`` (idf_weights of the anchors over the run's articles) weighs anchors for the
    cross-language match; without it anchors count alike.
    """
    follow = follow or {}
    idf = idf or {}
    anchor_idf = anchor_idf or {}
    placed: dict[str, str] = {m.article: s.id for s in stories for m in s.members}
    position = {s.id: k for k, s in enumerate(stories)}
    index = _Index(stories, dims)
    for light in items:
        if light.article in placed:
            continue
        item = expand(light) if expand is not None else light
        target = placed.get(follow.get(item.article, ""))
        if target is not None:
            k = position[target]
            stories[k].add(item, match_score(item, stories[k], idf))
        else:
            k, score = -1, threshold
            live = index.live(item.day, window)
            if len(live):
                # The English embedding and entities decide between English articles; where the article
                # or the story has a language other than English, the language-neutral anchors decide.
                other = foreign(item.language)
                english = live if not other else live[:0]
                english = english[~index.foreign[english]] if len(english) else english
                if len(english):
                    cos = index.centroids(english) @ item.vector
                    # Entity similarity only for stories the embedding already finds close: keeps this cheap.
                    for j in np.flatnonzero(cos >= threshold - ENTITY_WEIGHT):
                        s = float(cos[j]) + ENTITY_WEIGHT * entity_similarity(item.entities, stories[english[j]], idf)
                        if s >= score:
                            k, score = int(english[j]), s
                for j in (live if other else live[index.foreign[live]]):
                    s = cross_score(item, stories[int(j)], anchor_idf, threshold)
                    if s > score:
                        k, score = int(j), s
            if k < 0:
                stories.append(StoryState(id=story_id(item.article), vector_sum=np.zeros_like(item.vector)))
                k, score = len(stories) - 1, 1.0
                position[stories[k].id] = k
            stories[k].add(item, score)
        index.refresh(k)
        placed[item.article] = stories[k].id
    return placed


_SEGMENT = re.compile(r"[.!?:;,()\[\]\"“”‘’—–|\n]+|\s-\s|'\s|\s'")


def phrase_grams(text: str, max_n: int = 3) -> Iterator[list[str]]:
    """Word n-grams (n = 2..max_n) of a text neither starting nor ending on a stopword (repeats included)."""
    for segment in _SEGMENT.split(text):  # a phrase never runs across punctuation
        toks = [w for w in words(segment) if not w.isdigit()]
        for n in range(2, max_n + 1):
            for i in range(len(toks) - n + 1):
                gram = toks[i : i + n]
                if gram[0] in STOPWORDS or gram[-1] in STOPWORDS or len(gram[0]) < 3 or len(gram[-1]) < 3:
                    continue
                yield gram


def phrases(text: str, max_n: int = 3) -> set[str]:
    """Candidate key phrases of a text: word n-grams (n = 2..max_n) neither starting nor ending on a stopword."""
    return {" ".join(gram) for gram in phrase_grams(text, max_n)}


def key_phrase(
    member_phrases: Sequence[set[str]],
    doc_freq: Mapping[str, int],
    n_docs: int,
    entities: Sequence[str],
    title_phrases: Sequence[set[str]] = (),
) -> str:
    """The phrase the story's articles share most and the rest of the corpus least (tf-idf over articles).

    Phrases in titles count double; phrases made of entity names are left to the entity part of the label.
    """
    names = {w for e in entities for w in words(e)}
    counts: Counter[str] = Counter()
    for ps in list(member_phrases) + list(title_phrases):
        counts.update(ps)
    best, best_score = "", 0.0
    for phrase, tf in counts.items():
        toks = phrase.split()
        named = sum(t in names for t in toks)
        if named == len(toks):
            continue
        idf = math.log((1 + n_docs) / (1 + doc_freq.get(phrase, tf)))
        score = tf * (idf + 0.1) * (0.4 if named else 1.0) + 0.01 * len(toks)
        if score > best_score or (score == best_score and phrase < best):
            best, best_score = phrase, score
    return best


def to_story(state: StoryState, phrase: str, idf: Mapping[str, float] | None = None) -> Story:
    """The frozen, labelled view of a story."""
    ents = state.main_entities(3, idf)
    label = ", ".join(ents)
    if phrase:
        label = f"{label}: {phrase}" if label else phrase
    members = tuple(sorted(state.members, key=lambda m: sort_key_published(m.published, m.article)))
    return Story(
        id=state.id,
        label=label or "(unlabelled)",
        entities=state.main_entities(8, idf),
        key_phrase=phrase,
        start=state.start.isoformat() if state.start else None,
        end=state.end.isoformat() if state.end else None,
        articles=members,
    )
