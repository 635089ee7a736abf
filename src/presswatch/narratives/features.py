"""Document features of the narrative model: word and character TF-IDF (they travel across the five
train languages) plus the static sentence encoder's article vector (English words only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

#: Weight of the dense encoder block next to the unit-length TF-IDF blocks.
DENSE_WEIGHT = 0.5
#: The article text the features see is cut here (long pieces repeat themselves; speed).
MAX_CHARS = 12_000


def _clip(texts: Sequence[str]) -> list[str]:
    return [t[:MAX_CHARS] for t in texts]


def encode_docs(texts: Sequence[str]) -> np.ndarray:
    """Unit article vectors of the static encoder (its vocabulary is English)."""
    from ..rhetoric.embed import encode_fast

    if not texts:
        return np.zeros((0, 384), np.float32)
    return np.asarray(encode_fast(_clip(texts)), dtype=np.float32)


@dataclass
class DocFeatures:
    """TF-IDF word 1-2-grams and char_wb 2-5-grams fitted on the train articles (and the taxonomy's
    own names as pseudo documents), stacked with the encoder vector."""

    dense: bool = True
    word: TfidfVectorizer = field(default_factory=lambda: TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, max_features=40_000, sublinear_tf=True, lowercase=True))
    char: TfidfVectorizer = field(default_factory=lambda: TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), min_df=2, max_features=80_000, sublinear_tf=True, lowercase=True))

    def fit(self, texts: Sequence[str]) -> "DocFeatures":
        texts = _clip(texts)
        self.word.fit(texts)
        self.char.fit(texts)
        return self

    def transform(self, texts: Sequence[str], vecs: np.ndarray | None = None) -> sparse.csr_matrix:
        """Feature rows of ``texts``; ``vecs`` are their encoder vectors when already computed."""
        clipped = _clip(texts)
        blocks = [self.word.transform(clipped), self.char.transform(clipped)]
        if self.dense:
            v = encode_docs(texts) if vecs is None else vecs
            blocks.append(sparse.csr_matrix(DENSE_WEIGHT * v))
        return sparse.hstack(blocks, format="csr")
