"""Article level: genre (opinion / reporting / satire) and the 14 generic frames."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from .classify import MultiLabel, TextFeaturizer
from .features import Embedder, doc_vector, style_features
from .resources import FRAMES, GENRES


def article_lines(text: str) -> list[str]:
    """Non-empty lines (title and paragraphs) of a shared-task article file or clean text."""
    return [l.strip() for l in text.split("\n") if l.strip()]


def doc_inputs(texts: Sequence[str], embed: Embedder) -> tuple[list[str], np.ndarray]:
    """Full texts and article embeddings (mean of paragraph embeddings)."""
    lines = [article_lines(t) or [""] for t in texts]
    flat = [l for ls in lines for l in ls]
    vecs = embed(flat)
    out, pos = [], 0
    for ls in lines:
        out.append(doc_vector(vecs[pos : pos + len(ls)]))
        pos += len(ls)
    return list(texts), np.vstack(out) if out else np.zeros((0, 384), np.float32)


#: Weight of the article embedding beside the scaled style rates in the genre model: low, so that style
#: (attribution, persons, quoting) decides and topic does not (bench/rhetoric_results.md, try 20).
GENRE_EMBEDDING_WEIGHT = 1.0
#: Satire is named only this sure: 9 train articles, so a weaker satire guess is mostly wrong.
SATIRE_MIN_P = 0.75


def genre_matrix(texts: Sequence[str], vecs: np.ndarray, scaler: StandardScaler) -> np.ndarray:
    """Style rates (scaled) beside the (down-weighted) article embedding."""
    return np.hstack([scaler.transform(np.array([style_features(t) for t in texts])), GENRE_EMBEDDING_WEIGHT * vecs])


def genre_labels(P: np.ndarray) -> list[tuple[str, float]]:
    """The genre of every row of probabilities (columns in GENRES order) and its probability."""
    out = []
    sat = GENRES.index("satire")
    for p in P:
        j = int(np.argmax(p))
        if j == sat and p[j] < SATIRE_MIN_P:
            j = max((k for k in range(len(GENRES)) if k != sat), key=lambda k: p[k])
        out.append((GENRES[j], float(p[j])))
    return out


@dataclass
class DocModel:
    """Genre (single label) and frames (multi-label) over shared article features."""

    featurizer: TextFeaturizer
    genre: LogisticRegression | None
    frames: MultiLabel

    scaler: StandardScaler | None = None

    def matrix(self, texts: Sequence[str], vecs: np.ndarray):
        return self.featurizer.transform(texts), vecs

    def genre_matrix(self, texts: Sequence[str], vecs: np.ndarray) -> np.ndarray:
        return genre_matrix(texts, vecs, self.scaler)

    def genre_proba(self, texts: Sequence[str], vecs: np.ndarray) -> np.ndarray:
        P = self.genre.predict_proba(self.genre_matrix(texts, vecs))
        out = np.zeros((len(texts), len(GENRES)), dtype=np.float32)
        for k, g in enumerate(self.genre.classes_):
            out[:, GENRES.index(g)] = P[:, k]
        return out


def fit(texts: Sequence[str], vecs: np.ndarray, genres: Sequence[str | None], frames: Sequence[frozenset[str] | None],
        C_genre: float = 1.0, C_frames: float = 1.0) -> DocModel:
    """Train genre and frame classifiers; rows with a None label are left out of that task."""
    feat = TextFeaturizer(char_ngrams=None, max_features=30000).fit(texts)
    Xs = feat.transform(texts)
    g_rows = [i for i, g in enumerate(genres) if g is not None]
    gy = [genres[i] for i in g_rows]
    scaler = StandardScaler().fit(np.array([style_features(texts[i]) for i in g_rows]))
    Xg = genre_matrix([texts[i] for i in g_rows], vecs[g_rows], scaler)
    genre = LogisticRegression(C=C_genre, class_weight="balanced", max_iter=3000).fit(Xg, gy)
    f_rows = [i for i, f in enumerate(frames) if f is not None]
    Y = np.array([[int(l in frames[i]) for l in FRAMES] for i in f_rows], dtype=np.int8)
    fr = MultiLabel(FRAMES, C=C_frames, C_dense=C_frames).fit(Xs[f_rows], vecs[f_rows], Y)
    return DocModel(feat, genre, fr, scaler)
