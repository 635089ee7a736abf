"""Paragraph-level techniques (SemEval-2023 subtask 3): which of the 23 a paragraph uses."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .classify import MultiLabel, TextFeaturizer
from .data import Paragraph
from .features import Embedder, doc_vector, paragraph_dense
from .resources import TECHNIQUES


@dataclass
class ParagraphModel:
    """Featurizer plus one-vs-rest classifier over the 23 techniques."""

    featurizer: TextFeaturizer
    clf: MultiLabel

    def matrix(self, texts: Sequence[str], positions: Sequence[float], vecs: np.ndarray, doc_vecs: np.ndarray):
        return self.featurizer.transform(texts), paragraph_dense(texts, positions, vecs, doc_vecs)

    def proba_article(self, texts: Sequence[str], vecs: np.ndarray) -> np.ndarray:
        """Technique probabilities for every paragraph of one article."""
        return self.proba_articles([list(texts)], vecs)

    def proba_articles(self, articles: Sequence[Sequence[str]], vecs: np.ndarray) -> np.ndarray:
        """Technique probabilities for every paragraph of several articles (their paragraphs in order,
        ``vecs`` one row per paragraph), in one pass over the classifiers."""
        texts = [t for a in articles for t in a]
        if not texts:
            return np.zeros((0, len(self.clf.labels)), dtype=np.float32)
        dv = np.zeros_like(vecs)
        pos = np.zeros(len(texts), dtype=np.float32)
        at = 0
        for a in articles:
            n = len(a)
            dv[at : at + n] = doc_vector(vecs[at : at + n])
            pos[at : at + n] = np.arange(n) / max(n - 1, 1)
            at += n
        return self.clf.proba(*self.matrix(texts, pos, vecs, dv))


def paragraph_inputs(paragraphs: Sequence[Paragraph], embed: Embedder):
    """Texts, relative positions, embeddings and article embeddings of training paragraphs."""
    texts = [p.text for p in paragraphs]
    vecs = embed(texts)
    rows: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(paragraphs):
        rows[p.article_id].append(i)
    doc_vecs = np.zeros_like(vecs)
    positions = np.zeros(len(paragraphs), dtype=np.float32)
    for aid, idx in rows.items():
        doc_vecs[idx] = doc_vector(vecs[idx])
        positions[idx] = np.arange(len(idx)) / max(len(idx) - 1, 1)
    return texts, positions, vecs, doc_vecs


def gold_matrix(paragraphs: Sequence[Paragraph], labels: Sequence[str] = TECHNIQUES) -> np.ndarray:
    col = {l: j for j, l in enumerate(labels)}
    Y = np.zeros((len(paragraphs), len(labels)), dtype=np.int8)
    for i, p in enumerate(paragraphs):
        for l in p.labels:
            Y[i, col[l]] = 1
    return Y


def fit(paragraphs: Sequence[Paragraph], inputs, rows: np.ndarray, C: float = 1.0, C_dense: float = 1.0) -> ParagraphModel:
    """Train on the paragraphs at ``rows`` (thresholds stay at 0.5 until tuned)."""
    texts, positions, vecs, doc_vecs = inputs
    tr_texts = [texts[i] for i in rows]
    model = ParagraphModel(TextFeaturizer(char_ngrams=None, max_features=20000).fit(tr_texts), MultiLabel(TECHNIQUES, C=C, C_dense=C_dense, min_f1=0.3))
    Xs, Xd = model.matrix(tr_texts, positions[rows], vecs[rows], doc_vecs[rows])
    model.clf.fit(Xs, Xd, gold_matrix([paragraphs[i] for i in rows]))
    return model


def proba(model: ParagraphModel, inputs, rows: np.ndarray) -> np.ndarray:
    texts, positions, vecs, doc_vecs = inputs
    return model.clf.proba(*model.matrix([texts[i] for i in rows], positions[rows], vecs[rows], doc_vecs[rows]))
