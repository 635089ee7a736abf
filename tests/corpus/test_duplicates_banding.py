"""Duplicate candidates from numpy LSH banding are exactly those of datasketch's MinHashLSH."""

import random

from datasketch import MinHashLSH

from presswatch.corpus import duplicates as D
from presswatch.corpus.duplicates import _estimate, _minhash, candidate_pairs, fingerprint
from presswatch.model import Article


def _reference(fps):
    """The former implementation: datasketch's MinHashLSH, queried then filled one article at a time."""
    lsh = MinHashLSH(threshold=D.LSH_THRESHOLD, num_perm=D.NUM_PERM)
    by_exact, pairs = {}, {}
    for i, fp in enumerate(fps):
        if fp.size == 0:
            continue
        first = by_exact.setdefault(fp.exact, i)
        if first != i:
            pairs[(first, i)] = 1.0
            continue
        mh = _minhash(fp)
        for key in lsh.query(mh):
            j = int(key)
            jac, cont = _estimate(fps[j], fp)
            if jac >= D.NEAR_JACCARD or cont >= D.NEAR_CONTAINMENT:
                pairs[(j, i)] = jac
        lsh.insert(str(i), mh)
    return pairs


def test_duplicates_banding_finds_the_same_pairs_as_datasketch_lsh():
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(3000)]
    texts = []
    for _ in range(150):
        base = [rng.choice(vocab) for _ in range(rng.randrange(5, 300))]
        texts.append(base)
        for _ in range(rng.randrange(0, 3)):  # near copies, some with a repeated head (containment)
            rate = rng.choice([0.02, 0.1, 0.3])
            texts.append([w if rng.random() > rate else rng.choice(vocab) for w in base] + base[: rng.choice([0, 20])])
        if rng.random() < 0.1:
            texts.append(list(base))  # an exact copy
    texts.append([])  # no shingles at all
    fps = [fingerprint(Article.create("<t>", " ".join(ws), title=str(i))) for i, ws in enumerate(texts)]
    found = {(i, j): s for i, j, s in candidate_pairs(fps)}
    expected = _reference(fps)
    assert len(expected) > 20 and any(s == 1.0 for s in expected.values()) and any(s < 1.0 for s in expected.values())
    assert found == expected
