"""Exact and near-duplicate articles (syndicated wire copies, re-posts) by MinHash LSH over word shingles.

Candidates come from LSH buckets, never from comparing every pair; each candidate pair is then
checked on the MinHash estimate of Jaccard and of containment (a trimmed copy of a wire story is
mostly contained in the full one even when their Jaccard is low).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Article
from .resources import LSH_THRESHOLD, NEAR_CONTAINMENT, NEAR_JACCARD, NUM_PERM, SAME_PARAGRAPH
from .text import normalise, shingles, sort_key_published
from .graph import components
from .types import DuplicateGroup, DuplicateMember

#: Hash scheme of datasketch 2 MinHash; stored signatures are rebuilt with it.
SCHEME = "affine32"


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate detection needs of an article: its exact-text hash and MinHash signature."""

    article: str
    published: str | None
    outlet: str | None
    exact: str  # hash of the normalised body: equal for exact copies
    size: int  # number of distinct shingles
    hashvalues: np.ndarray  # uint32: datasketch keeps 32-bit values in uint64, half of it zeros


def fingerprint(article: Article) -> Fingerprint:
    """MinHash signature and exact hash of an article's clean text."""
    body = normalise(article.text)
    sh = shingles(article.text)
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch([s.encode("utf-8") for s in sh])
    return Fingerprint(
        article=article.id,
        published=article.published,
        outlet=article.outlet,
        exact=hashlib.sha1(body.encode("utf-8")).hexdigest(),
        size=len(sh),
        hashvalues=mh.hashvalues.astype(np.uint32),
    )


def _minhash(fp: Fingerprint) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=fp.hashvalues, scheme=SCHEME)


def _estimate(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """Estimated (Jaccard, containment of the smaller in the larger) from the signatures."""
    j = float(np.mean(a.hashvalues == b.hashvalues))
    if a.exact == b.exact:
        return 1.0, 1.0
    if a.size == 0 or b.size == 0:
        return 0.0, 0.0
    inter = j * (a.size + b.size) / (1.0 + j)
    return j, min(1.0, inter / min(a.size, b.size))


#: Candidate generation: (signatures, their article ids) -> arrays of row pairs (j, i) that share an LSH band.
Bands = Callable[[np.ndarray, Sequence[str]], Iterable[np.ndarray]]


def candidate_pairs(fps: Sequence[Fingerprint], bands: Bands | None = None) -> list[tuple[int, int, float]]:
    """Pairs (i, j, jaccard) that are exact or near duplicates, found through LSH buckets.

    The buckets are those of datasketch's MinHashLSH (same bands: rows of equal MinHash values), built
    with numpy sorts instead of its per-article dicts and sets, which cost kilobytes an article.
    ``bands`` replaces that bucketing (Spark joins on the band keys); every candidate is checked here.
    """
    by_exact: dict[str, int] = {}
    pairs: dict[tuple[int, int], float] = {}
    indexed = []
    for i, fp in enumerate(fps):
        if fp.size == 0:
            continue
        first = by_exact.setdefault(fp.exact, i)
        if first != i:
            pairs[(first, i)] = 1.0  # an exact copy joins through its first twin; no need to index it
        else:
            indexed.append(i)
    if len(indexed) > 1:
        idx = np.asarray(indexed, dtype=np.int64)
        hv = np.stack([fps[i].hashvalues for i in indexed]).astype(np.uint32)
        size = np.array([fps[i].size for i in indexed], dtype=np.float64)
        for cand in (bands or _local_bands)(hv, [fps[i].article for i in indexed]):  # _estimate, vectorised: same float operations, same results
            a, b = cand[:, 0], cand[:, 1]
            jac = (hv[a] == hv[b]).mean(axis=1)
            inter = jac * (size[a] + size[b]) / (1.0 + jac)
            cont = np.minimum(1.0, inter / np.minimum(size[a], size[b]))
            for k in np.flatnonzero((jac >= NEAR_JACCARD) | (cont >= NEAR_CONTAINMENT)):
                pairs[(int(idx[a[k]]), int(idx[b[k]]))] = float(jac[k])
    return [(i, j, s) for (i, j), s in pairs.items()]


def _local_bands(hv: np.ndarray, ids: Sequence[str]) -> Iterator[np.ndarray]:
    return _band_pairs(hv)


def _band_layout() -> list[tuple[int, int]]:
    """The (start, end) columns of each LSH band: datasketch's MinHashLSH layout at LSH_THRESHOLD."""
    return list(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


def band_keys(hashvalues: np.ndarray) -> list[str]:
    """One key per LSH band of a signature (band number and values): equal keys put two articles in one bucket."""
    hv = np.asarray(hashvalues, dtype=np.uint32)
    return [f"{k}:{hv[s:e].tobytes().hex()}" for k, (s, e) in enumerate(_band_layout())]


def _band_pairs(hv: np.ndarray, chunk: int = 200_000) -> Iterator[np.ndarray]:
    """Rows (j, i), j < i, of signatures sharing all values of an LSH band, ``chunk`` rows at a time.

    A pair sharing several bands comes once per band (checking it again is cheaper than holding
    every candidate to deduplicate them: near-copies of one story can give millions).
    """
    buf: list[np.ndarray] = []
    held = 0
    for start, end in _band_layout():
        band = np.ascontiguousarray(hv[:, start:end])
        keys = band.view(np.dtype((np.void, band.dtype.itemsize * (end - start)))).ravel()
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        cut = np.flatnonzero(sk[1:] != sk[:-1]) + 1
        starts, ends = np.concatenate([[0], cut]), np.concatenate([cut, [len(sk)]])
        for k in np.flatnonzero(ends - starts > 1):  # buckets holding two or more articles
            members = np.sort(order[starts[k] : ends[k]])
            # a bucket of m articles holds m(m-1)/2 pairs: a big one goes row by row
            rows = [members] if len(members) <= 1000 else [members[i:] for i in range(len(members) - 1)]
            for m in rows:
                if len(rows) == 1:
                    a, b = np.triu_indices(len(m), k=1)
                else:
                    a, b = np.zeros(len(m) - 1, dtype=np.int64), np.arange(1, len(m))
                buf.append(np.stack([m[a], m[b]], axis=1))
                held += len(a)
                if held >= chunk:
                    yield np.concatenate(buf)
                    buf, held = [], 0
    if buf:
        yield np.concatenate(buf)


def group_fingerprints(fps: Sequence[Fingerprint], bands: Bands | None = None) -> list[list[Fingerprint]]:
    """Duplicate groups as lists of fingerprints, earliest publication first (``bands``: see candidate_pairs)."""
    groups = [g for g in components(len(fps), ((i, j) for i, j, _ in candidate_pairs(fps, bands))) if len(g) > 1]
    out = [sorted((fps[i] for i in g), key=lambda f: sort_key_published(f.published, f.article)) for g in groups]
    out.sort(key=lambda g: sort_key_published(g[0].published, g[0].article))
    return out


def paragraph_diff(base: Article, other: Article) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Paragraphs ``other`` adds to ``base`` and paragraphs of ``base`` it lacks (fuzzy matched)."""
    a = [p for p in base.paragraph_texts() if p.strip()]
    b = [p for p in other.paragraph_texts() if p.strip()]
    sa = [shingles(p, 3) for p in a]
    sb = [shingles(p, 3) for p in b]
    na = {normalise(p) for p in a}
    nb = {normalise(p) for p in b}

    def matched(p: str, sp: set[str], others: list[set[str]], exact: set[str]) -> bool:
        if normalise(p) in exact:
            return True
        return any(sp and so and len(sp & so) / len(sp | so) >= SAME_PARAGRAPH for so in others)

    added = tuple(p for p, sp in zip(b, sb) if not matched(p, sp, sa, na))
    removed = tuple(p for p, sp in zip(a, sa) if not matched(p, sp, sb, nb))
    return added, removed


def describe_group(fps: Sequence[Fingerprint], articles: Mapping[str, Article]) -> DuplicateGroup:
    """A duplicate group with each member's similarity to, and paragraph differences from, the first."""
    first = fps[0]
    members = [DuplicateMember(first.article, first.published, first.outlet, 1.0)]
    base = articles.get(first.article)
    for fp in fps[1:]:
        jac, _ = _estimate(first, fp)
        other = articles.get(fp.article)
        added, removed = paragraph_diff(base, other) if base is not None and other is not None else ((), ())
        members.append(DuplicateMember(fp.article, fp.published, fp.outlet, jac, added, removed))
    kind = "exact" if all(fp.exact == first.exact for fp in fps) else "near"
    gid = "dup-" + hashlib.sha1(first.article.encode()).hexdigest()[:10]
    return DuplicateGroup(id=gid, kind=kind, members=tuple(members))


def find_duplicates(articles: Sequence[Article]) -> list[DuplicateGroup]:
    """Exact and near-duplicate groups among ``articles``, each listed earliest first with its diffs."""
    by_id = {a.id: a for a in articles}
    return [describe_group(g, by_id) for g in group_fingerprints([fingerprint(a) for a in articles])]
