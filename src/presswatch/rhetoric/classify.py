"""Linear classifiers over sparse TF-IDF plus dense MiniLM features, with per-label thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression


@dataclass
class TextFeaturizer:
    """Word and character TF-IDF of a text, stacked with given dense columns (embeddings, counts)."""

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] | None = (2, 5)
    max_features: int = 60000
    dense_weight: float = 1.0
    word: TfidfVectorizer | None = None
    char: TfidfVectorizer | None = None

    def fit(self, texts: Sequence[str]) -> "TextFeaturizer":
        self.word = TfidfVectorizer(
            ngram_range=self.word_ngrams, min_df=2, sublinear_tf=True, max_features=self.max_features, lowercase=True
        ).fit(texts)
        if self.char_ngrams:
            self.char = TfidfVectorizer(
                analyzer="char_wb", ngram_range=self.char_ngrams, min_df=3, sublinear_tf=True, max_features=self.max_features
            ).fit(texts)
        return self

    def transform(self, texts: Sequence[str], dense: np.ndarray | None = None) -> sparse.csr_matrix:
        assert self.word is not None, "featurizer not fitted"
        parts = [self.word.transform(texts)]
        if self.char is not None:
            parts.append(self.char.transform(texts))
        if dense is not None and dense.shape[1]:
            parts.append(sparse.csr_matrix(dense * self.dense_weight))
        return sparse.hstack(parts, format="csr")


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """The probability threshold that maximises F1 of one label, and that F1."""
    if y.sum() == 0:
        return 1.01, 0.0
    order = np.argsort(-p)
    ys, ps = y[order], p[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ys) + 1)
    f1 = 2 * tp / (k + ys.sum())
    i = int(np.argmax(f1))
    thr = float((ps[i] + ps[i + 1]) / 2) if i + 1 < len(ps) else float(ps[i]) - 1e-6
    return thr, float(f1[i])


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def binary_head(models: Sequence[LogisticRegression]) -> tuple[np.ndarray, np.ndarray]:
    """The coefficients of fitted binary logistic regressions stacked as one (features x models) matrix.

    ``binary_proba`` then gives what each model's ``predict_proba(X)[:, 1]`` gives, in one product:
    sklearn's per-call input validation cost more than the arithmetic when called per label and per
    paragraph (about half of the rhetoric stage's time before this).
    """
    W = np.hstack([m.coef_.reshape(-1, 1) for m in models]).astype(np.float64) if models else np.zeros((0, 0))
    b = np.array([float(np.ravel(m.intercept_)[0]) for m in models], dtype=np.float64)
    return W, b


def derived(obj: object, key: str, build):
    """A value derived from ``obj``'s fitted models (stacked coefficients), built on first use and kept on
    ``obj``; its ``fit`` drops it. Bundles trained before the value existed get it on first use too."""
    value = obj.__dict__.get(key)
    if value is None:
        value = obj.__dict__[key] = build()
    return value


def binary_proba(X, head: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Probabilities of the positive class of every stacked model (rows of X x models)."""
    W, b = head
    Z = X @ W
    return _sigmoid(np.asarray(Z) + b)


@dataclass
class MultiLabel:
    """Per label, a sparse (TF-IDF) and a dense (embedding) logistic regression, averaged; one threshold each.

    Two small fits beat one fit on the stacked matrix by an order of magnitude on CPU: liblinear is
    fast on sparse rows and lbfgs is fast on dense ones, but neither on a mixture.
    """

    labels: tuple[str, ...]
    C: float = 1.0
    C_dense: float = 1.0
    min_positives: int = 3
    min_f1: float = 0.2
    sparse_models: dict[str, LogisticRegression] = field(default_factory=dict)
    dense_models: dict[str, LogisticRegression] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)

    def fit(self, Xs, Xd: np.ndarray, Y: np.ndarray) -> "MultiLabel":
        self.__dict__.pop("_stacked", None)
        self.sparse_models, self.dense_models = {}, {}
        for j, label in enumerate(self.labels):
            y = Y[:, j]
            if y.sum() < self.min_positives:
                continue
            self.sparse_models[label] = LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear").fit(Xs, y)
            self.dense_models[label] = LogisticRegression(
                C=self.C_dense, class_weight="balanced", solver="lbfgs", max_iter=300
            ).fit(Xd, y)
        self.thresholds = {label: 0.5 for label in self.sparse_models}
        return self

    def proba(self, Xs, Xd: np.ndarray) -> np.ndarray:
        out = np.zeros((Xs.shape[0], len(self.labels)), dtype=np.float32)
        cols = [j for j, label in enumerate(self.labels) if label in self.sparse_models]
        if cols and Xs.shape[0]:
            sparse_head, dense_head = self._heads()
            out[:, cols] = 0.5 * (binary_proba(Xs, sparse_head) + binary_proba(Xd, dense_head))
        return out

    def _heads(self):
        """Stacked coefficients of the per-label models (built once after fitting, in label order)."""
        names = [l for l in self.labels if l in self.sparse_models]
        return derived(self, "_stacked", lambda: (binary_head([self.sparse_models[l] for l in names]),
                                                  binary_head([self.dense_models[l] for l in names])))

    def tune(self, Y: np.ndarray, P: np.ndarray) -> None:
        """Set per-label thresholds from out-of-fold probabilities ``P`` of gold ``Y``."""
        self.thresholds = tune_thresholds(Y, P, self.labels, self.min_f1)

    def decide(self, P: np.ndarray) -> np.ndarray:
        thr = np.array([self.thresholds.get(l, 1.01) for l in self.labels], dtype=np.float32)
        return P >= thr


def _micro(Y: np.ndarray, D: np.ndarray) -> float:
    tp = float((Y.astype(bool) & D).sum())
    p, r = tp / max(int(D.sum()), 1), tp / max(int(Y.sum()), 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def tune_thresholds(Y: np.ndarray, P: np.ndarray, labels: Sequence[str], min_f1: float = 0.2,
                    rounds: int = 2) -> dict[str, float]:
    """Thresholds that maximise micro-F1 over all labels on out-of-fold probabilities.

    Starts from each label's best-F1 threshold (labels the model finds badly, F1 < min_f1, switched off:
    their false positives cost micro-F1 more than their hits earn), then moves one label's threshold at
    a time to whatever raises the micro-F1 of all labels together.
    """
    thr = np.array([best_threshold(Y[:, j], P[:, j])[0] if best_threshold(Y[:, j], P[:, j])[1] >= min_f1 else 1.01
                    for j in range(len(labels))], dtype=np.float64)
    for _ in range(rounds):
        for j in range(len(labels)):
            if Y[:, j].sum() < 3:
                thr[j] = 1.01
                continue
            best_f, best_t = _micro(Y, P >= thr), thr[j]
            for t in np.concatenate([np.quantile(P[:, j], np.linspace(0.5, 0.999, 60)), [1.01]]):
                old, thr[j] = thr[j], t
                f = _micro(Y, P >= thr)
                thr[j] = old
                if f > best_f:
                    best_f, best_t = f, t
            thr[j] = best_t
    return {label: float(thr[j]) for j, label in enumerate(labels)}


def group_folds(groups: Sequence[str], k: int, seed: int = 13) -> np.ndarray:
    """A fold number for every row, whole groups (articles) kept in one fold, reproducibly."""
    import hashlib

    uniq = sorted(set(groups), key=lambda g: hashlib.md5(f"{seed}:{g}".encode()).hexdigest())
    fold_of = {g: i % k for i, g in enumerate(uniq)}
    return np.array([fold_of[g] for g in groups])
