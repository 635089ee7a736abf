"""Per-article digests: everything the corpus layer needs of one article, computed from it alone.

``digest(article)`` is the one per-article step of the corpus layer, shared by the local loop
(corpus/stage.py) and Spark (scale/spark_stories.py, per partition): a frozen ArticleDigest with
the fingerprint, the claim records, the dated statements and the story input. What depends on
other articles (duplicate groups, stories, claim groups, the merged timeline) is reduced from
digests by the corpus layer's own functions.

A local run over a large store reads articles in batches, keeps one digest each (a few kB: MinHash
values, entity and phrase ids as numpy arrays, claim and timeline records without long strings)
and lets the Article go. Words, entity names and repeated small values are held once per run.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Hashable, Iterable, Mapping, Sequence

import numpy as np

from ..model import Article
from .claims import claim_records
from .crosslang import anchors as crosslang_anchors
from .duplicates import Fingerprint, fingerprint
from .entities import entity_counts
from .narrative_conflicts import Stances, stances
from .stories import phrase_grams
from .text import normalise, words
from .timeline import find_timeline, reference_date
from .types import ClaimRecord, TimelineEntry

#: Bits per word id in a packed phrase code (three words to a uint64).
WORD_BITS = 21
_WORD_MASK = (1 << WORD_BITS) - 1
#: Annotation layers the corpus layer reads (entities, claims, genre: satire has no claims; roles and
#: narratives: who outlets cast as hero or villain, what they push).
LAYERS = ("entity", "claim", "genre", "role", "narrative")


class Interner:
    """One shared object per distinct value (strings, dates, frozensets), so repeats cost a pointer."""

    def __init__(self) -> None:
        self._seen: dict[Hashable, Any] = {}

    def __call__(self, value: Any) -> Any:
        if value is None:
            return None
        return self._seen.setdefault(value, value)


class Vocab:
    """Strings to dense ids (from 1; 0 means none) and back."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = [""]

    def __len__(self) -> int:
        return len(self.names) - 1

    def id(self, name: str) -> int:
        i = self.ids.get(name)
        if i is None:
            i = self.ids[name] = len(self.names)
            self.names.append(name)
        return i


def phrase_codes(text: str, vocab: Vocab) -> np.ndarray:
    """The phrases of ``text`` (see stories.phrases) as sorted unique uint64 codes of their word ids."""
    codes = set()
    for gram in phrase_grams(text):
        ids = [vocab.id(w) for w in gram]
        if max(ids) > _WORD_MASK:
            raise ValueError(f"more than {_WORD_MASK} distinct words in leads and titles")
        ids += [0] * (3 - len(ids))
        codes.add((ids[0] << 2 * WORD_BITS) | (ids[1] << WORD_BITS) | ids[2])
    return np.array(sorted(codes), dtype=np.uint64)


def unpack_codes(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The three word ids of each code (the third is 0 for a two-word phrase)."""
    c = codes.astype(np.uint64)
    mask = np.uint64(_WORD_MASK)
    return (c >> np.uint64(2 * WORD_BITS)) & mask, (c >> np.uint64(WORD_BITS)) & mask, c & mask


def phrase_text(code: int, vocab: Vocab) -> str:
    a, b, c = (code >> 2 * WORD_BITS) & _WORD_MASK, (code >> WORD_BITS) & _WORD_MASK, code & _WORD_MASK
    return " ".join(vocab.names[i] for i in (a, b, c) if i)


def key_phrase_codes(
    lead_codes: Sequence[np.ndarray],
    title_codes: Sequence[np.ndarray],
    df_codes: np.ndarray,
    df_counts: np.ndarray,
    n_docs: int,
    entities: Sequence[str],
    vocab: Vocab,
) -> str:
    """stories.key_phrase over phrase codes: same scores, same tie-break (smallest phrase), same result."""
    parts = [c for c in list(lead_codes) + list(title_codes) if len(c)]
    if not parts:
        return ""
    codes, tf = np.unique(np.concatenate(parts), return_counts=True)
    pos = np.clip(np.searchsorted(df_codes, codes), 0, max(len(df_codes) - 1, 0))
    found = (df_codes[pos] == codes) if len(df_codes) else np.zeros(len(codes), dtype=bool)
    df = np.where(found, df_counts[pos] if len(df_counts) else 0, tf)
    # math.log per distinct df, not np.log: the same bits as the in-memory key_phrase
    logs = {int(d): math.log((1 + n_docs) / (1 + int(d))) for d in np.unique(df)}
    idf = np.array([logs[int(d)] for d in df], dtype=np.float64)
    names = np.array(sorted({vocab.ids[w] for e in entities for w in words(e) if w in vocab.ids}), dtype=np.uint64)
    t1, t2, t3 = unpack_codes(codes)
    n = np.where(t3 > 0, 3, 2)
    named = np.isin(t1, names).astype(int) + np.isin(t2, names) + ((t3 > 0) & np.isin(t3, names))
    keep = named < n
    if not keep.any():
        return ""
    factor = np.where(named > 0, 0.4, 1.0)
    score = tf.astype(np.float64) * (idf + 0.1) * factor + 0.01 * n
    score = np.where(keep, score, -np.inf)
    best = score.max()
    if not best > 0.0:
        return ""
    return min(phrase_text(int(c), vocab) for c in codes[score == best])


@dataclass(frozen=True, slots=True)
class ArticleDigest:
    """What the corpus layer needs of one article, computed from that article alone."""

    fp: Fingerprint  # id, published, outlet, exact hash, shingle count, MinHash values
    title: str | None
    day: date | None  # reference date (publication, else dateline)
    entities: tuple[tuple[str, int], ...]  # entity name and mention count, in first-mention order
    lead: str  # the lead paragraph (what a story's key phrase is drawn from, with the title)
    claims: tuple[ClaimRecord, ...]  # without sentences, story, or copies (filled in by the reduce)
    timeline: tuple[TimelineEntry, ...]  # dated statements, without story
    stances: Stances = ((), ())  # the role it casts each entity in and the narratives it pushes
    language: str | None = None
    anchors: tuple[tuple[str, int], ...] = ()  # crosslang.anchors of title and lead: for stories across languages

    @property
    def id(self) -> str:
        return self.fp.article


def digest(article: Article, fp: Fingerprint | None = None) -> ArticleDigest:
    """The digest of one article (``fp``: its fingerprint when already known, e.g. from a cache)."""
    fp = fp if fp is not None else fingerprint(article)
    return ArticleDigest(
        fp=fp,
        title=article.title,
        day=reference_date(article),
        entities=tuple(entity_counts(article).items()),
        lead=lead_text(article),
        claims=tuple(replace(c, published=fp.published, source=None)
                     for c in claim_records(article, with_sentence=False)),
        timeline=tuple(find_timeline(article)),
        stances=stances(article),
        language=article.language,
        anchors=tuple(crosslang_anchors(article.title, article.text, article.language).items()),
    )


@dataclass(slots=True)
class Digest:
    """What the corpus layer keeps of one article after reading it."""

    fp: Fingerprint  # id, published, outlet, exact hash, shingle count, MinHash values
    title: str | None
    day: date | None  # reference date (publication, else dateline)
    entities: np.ndarray  # int32 (2, k): entity ids and mention counts, in first-mention order
    lead: np.ndarray  # phrase codes of the lead paragraph
    title_codes: np.ndarray  # phrase codes of the title
    claims: tuple[ClaimRecord, ...]  # without sentences, story, source or copies (filled in later)
    timeline: tuple[TimelineEntry, ...]  # without story or statement (read back from the text at the end)
    timeline_keys: np.ndarray  # int64 hash of each entry's normalised statement: repeats merge on it
    stances: Stances = ((), ())  # roles and narratives (narrative_conflicts.stances)
    language: str | None = None
    anchors: tuple[tuple[str, int], ...] = ()  # crosslang anchors (name skeletons, numbers) and counts

    @property
    def id(self) -> str:
        return self.fp.article

    @property
    def article(self) -> str:
        return self.fp.article

    @property
    def published(self) -> str | None:
        return self.fp.published


class Digester:
    """Turns articles into digests, sharing vocabularies and repeated values across a run."""

    def __init__(self) -> None:
        self.words = Vocab()
        self.entities = Vocab()
        self.intern = Interner()

    def digest(self, article: Article, fp: Fingerprint) -> Digest:
        """The compact digest of one article whose fingerprint is already known."""
        return self.compact(digest(article, fp))

    def compact(self, d: ArticleDigest) -> Digest:
        """An ArticleDigest held compactly: shared values interned, names and phrases as ids, no statements."""
        i = self.intern
        ents = np.array([[self.entities.id(e) for e, _ in d.entities], [n for _, n in d.entities]],
                        dtype=np.int32).reshape(2, -1)
        claims = tuple(
            replace(c, modifier=i(c.modifier), speaker=i(c.speaker), kind=i(c.kind), subject=i(c.subject),
                    qualifier=i(c.qualifier), unit=i(c.unit), when=i(c.when), since=i(c.since), places=i(c.places),
                    outlet=i(c.outlet), published=i(c.published))
            for c in d.claims
        )
        timeline = tuple(
            replace(t, date=i(t.date), date_text=i(t.date_text), precision=i(t.precision), article=d.id,
                    statement="")
            for t in d.timeline
        )
        keys = np.array([hash(normalise(t.statement)) for t in d.timeline], dtype=np.int64)
        return Digest(
            fp=d.fp,
            title=d.title,
            day=i(d.day),
            entities=ents,
            lead=phrase_codes(d.lead, self.words),
            title_codes=phrase_codes(d.title or "", self.words),
            claims=claims,
            timeline=timeline,
            timeline_keys=keys,
            stances=(tuple((i(n), replace(s, label=i(s.label), outlet=i(s.outlet), published=i(s.published)))
                           for n, s in d.stances[0]),
                     tuple((i(dom), replace(s, label=i(s.label), outlet=i(s.outlet), published=i(s.published)))
                           for dom, s in d.stances[1])),
            language=i(d.language),
            anchors=tuple((i(a), n) for a, n in d.anchors),
        )

    def entity_counts(self, d: Digest, aliases: np.ndarray | None = None) -> Counter[str]:
        """A digest's entity counts by name (aliases folded into canonical names, first mention first)."""
        out: Counter[str] = Counter()
        names = self.entities.names
        for eid, n in zip(d.entities[0].tolist(), d.entities[1].tolist()):
            out[names[int(aliases[eid]) if aliases is not None else eid]] += n
        return out


def lead_text(article: Article) -> str:
    """The first paragraph (at most 600 characters): what a story's key phrase is drawn from."""
    if article.paragraphs:
        s, e = article.paragraphs[0]
        return article.text[s:e][:600]
    return article.text[:600]


def document_frequencies(digests: Iterable[Digest]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted phrase codes and the number of articles whose lead or title has each."""
    parts = [np.union1d(d.lead, d.title_codes) for d in digests]
    parts = [p for p in parts if len(p)]
    if not parts:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(parts), return_counts=True)


def alias_names(digests: Sequence[Digest], vocab: Vocab, unify: Any) -> dict[str, str]:
    """Entity name -> canonical name, from ``unify`` over the names' document frequencies."""
    df = np.zeros(len(vocab) + 1, dtype=np.int64)
    for d in digests:
        df[d.entities[0]] += 1  # ids are unique within an article
    freq: Mapping[str, int] = {vocab.names[k]: int(df[k]) for k in np.flatnonzero(df)}
    return dict(unify(freq))


def alias_map(digests: Sequence[Digest], vocab: Vocab, unify: Any) -> np.ndarray:
    """Entity id -> canonical entity id, from ``unify`` over the names' document frequencies."""
    out = np.arange(len(vocab) + 1, dtype=np.int64)
    for alias, canonical in alias_names(digests, vocab, unify).items():
        out[vocab.ids[alias]] = vocab.ids[canonical]
    return out
