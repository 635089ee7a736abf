"""The narrative model (SemEval-2025 Task 10 subtask 2): the article's domain first (Ukraine war,
climate change, or neither), then its coarse narratives within that domain, then the sub-narratives
under each coarse one.

Every level is a ridge regression per label over :class:`~.features.DocFeatures`, solved in the dual
(a linear kernel over the ~1,100 train documents: one linear solve for all labels), kept as a primal
weight matrix so that predicting is one sparse product per level. Out-of-fold scores calibrate each
label's score into a probability (Platt) and tune the decision thresholds (train.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from .data import OTHER, parent
from .features import DocFeatures
from .resources import TRAIN_LANGUAGE

#: The two domains of the taxonomy, as the labels' prefixes spell them.
DOMAINS: tuple[str, ...] = ("URW", "CC")
#: The domain class of an article about neither (its narrative is Other, its domain None).
NEITHER = "neither"
DOMAIN_CLASSES: tuple[str, ...] = (*DOMAINS, NEITHER)


def domain_of(label: str) -> str | None:
    """"URW" or "CC" from a taxonomy label's prefix; None for Other."""
    head = label.split(":", 1)[0]
    return head if head in DOMAINS else None


@dataclass(frozen=True)
class TrainDoc:
    """One training article: its text, gold labels, and domain (a DOMAIN_CLASSES value, or None when
    the gold does not say: an Other article of a language whose ids do not name the domain)."""

    text: str
    coarse: tuple[str, ...]
    fine: tuple[str, ...]
    domain: str | None
    language: str
    weight: float = 1.0
    doc_id: str = ""


@dataclass(frozen=True)
class Found:
    """One narrative of one article: coarse label, its probability, the domain, sub-narratives surest first."""

    label: str
    score: float
    domain: str | None
    subnarratives: tuple[str, ...]


@dataclass
class Thresholds:
    """Decision thresholds, tuned out of fold."""

    coarse: float = 0.3  # a coarse narrative of the article's domain is kept at this probability
    fine: float = 0.3  # a sub-narrative under a kept coarse one is kept at this probability
    domain: float = 0.5  # an article is in a domain only at this probability of it (else: neither)
    # rank fallback: an article in a domain at this probability or more whose coarse narratives all
    # miss ``coarse`` gets the surest one of its domain instead of Other (> 1: off, Other is kept)
    fallback: float = 2.0


@dataclass
class Proba:
    """Probabilities of a batch: domain (n, 3; one-vs-rest, so a row need not sum to one: an article
    unlike every train article has a low probability of each), coarse (n, n_coarse), fine (n, n_fine)."""

    domain: np.ndarray
    coarse: np.ndarray
    fine: np.ndarray

    def rows(self, idx: Sequence[int]) -> "Proba":
        idx = np.asarray(idx, dtype=int)
        return Proba(self.domain[idx], self.coarse[idx], self.fine[idx])


@dataclass
class Linear:
    """Calibrated linear scores per label: P = sigmoid(a * (X @ W + b) + c), one column per label."""

    W: np.ndarray  # (n_features, n_labels)
    b: np.ndarray  # (n_labels,)
    a: np.ndarray  # Platt slope per label (0 for a label never seen: P = sigmoid(c))
    c: np.ndarray  # Platt offset per label

    def raw(self, X: sparse.csr_matrix) -> np.ndarray:
        return np.asarray(X @ self.W) + self.b

    def proba(self, X: sparse.csr_matrix) -> np.ndarray:
        return sigmoid(self.a * self.raw(X) + self.c)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def ridge_dual(K: np.ndarray, Y: np.ndarray, weights: np.ndarray, lam: float) -> np.ndarray:
    """Dual coefficients of a weighted ridge regression of every column of Y at once on a linear
    kernel K (the intercept is in K as +1): one solve for all labels, which is what makes training
    and cross-validation take seconds rather than minutes."""
    return np.linalg.solve(K + 1.0 + lam * np.diag(1.0 / weights), Y.astype(np.float64))


def platt(scores: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per label, the sigmoid (a, c) that turns out-of-fold scores into probabilities."""
    a = np.zeros(Y.shape[1])
    c = np.full(Y.shape[1], -30.0)
    for j in range(Y.shape[1]):
        y = Y[:, j]
        if y.sum() == 0:
            continue
        if y.sum() == len(y):
            a[j], c[j] = 0.0, 30.0
            continue
        lr = LogisticRegression(C=100.0).fit(scores[:, [j]], y)
        a[j], c[j] = lr.coef_[0, 0], lr.intercept_[0]
    return a, c


@dataclass
class NarrativeModel:
    """Domain, coarse and fine linear models over one feature space, with their thresholds."""

    features: DocFeatures
    coarse_labels: tuple[str, ...]  # the taxonomy's coarse narratives without Other
    fine_labels: tuple[str, ...]  # the taxonomy's sub-narratives without Other
    domain: Linear  # columns: DOMAIN_CLASSES
    coarse: Linear
    fine: Linear
    thresholds: Thresholds = field(default_factory=Thresholds)
    languages: tuple[str, ...] = ()  # train languages (TRAIN_LANGUAGE values) the model learnt from

    def proba(self, texts: Sequence[str], vecs: np.ndarray | None = None) -> Proba:
        """The three levels' probabilities for article texts (title line first)."""
        X = self.features.transform(texts, vecs)
        return Proba(self.domain.proba(X), self.coarse.proba(X), self.fine.proba(X))

    def decide(self, P: Proba, thresholds: Thresholds | None = None) -> list[list[Found]]:
        """The narratives of each article: the coarse ones of its domain above threshold, or Other alone."""
        return decide(P, self.coarse_labels, self.fine_labels, thresholds or self.thresholds)

    def predict(self, texts: Sequence[str]) -> list[list[Found]]:
        return self.decide(self.proba(texts))

    def supports(self, language: str | None) -> bool:
        """Whether the model learnt from articles in ``language`` (ISO 639-1, as the nlp stage detects it)."""
        return TRAIN_LANGUAGE.get(language or "") in self.languages


def domain_decision(D: np.ndarray, t: float) -> list[str | None]:
    """Each article's domain: the surest of URW, CC and neither, and neither unless URW or CC reaches
    ``t`` (a ridge model extrapolates an unlike article to middling scores for every class: an
    article about football is unlike both domains, not a weak member of one)."""
    out: list[str | None] = []
    for row in D:
        k = int(np.argmax(row))
        out.append(DOMAIN_CLASSES[k] if k < len(DOMAINS) and row[k] >= t else None)
    return out


def decide(P: Proba, coarse_labels: Sequence[str], fine_labels: Sequence[str], t: Thresholds) -> list[list[Found]]:
    """Domain first (neither: Other, domain None, scored 1 - P(surest domain)), then the coarse
    narratives of that domain at or above the threshold (none: Other with that domain, scored 1 - the
    surest one's P; or, when the domain's P reaches ``t.fallback``, that surest one), then under each the sub-narratives at or above theirs (none: the surest child,
    which may be "<coarse>: Other")."""
    c_domain = [domain_of(c) for c in coarse_labels]
    children = {c: [j for j, f in enumerate(fine_labels) if parent(f) == c] for c in coarse_labels}
    out: list[list[Found]] = []
    for i, d in enumerate(domain_decision(P.domain, t.domain)):
        if d is None:
            out.append([Found(OTHER, float(1.0 - P.domain[i, : len(DOMAINS)].max()), None, (OTHER,))])
            continue
        cols = [j for j, cd in enumerate(c_domain) if cd == d]
        kept = sorted((j for j in cols if P.coarse[i, j] >= t.coarse), key=lambda j: -P.coarse[i, j])
        if not kept and cols and P.domain[i, DOMAINS.index(d)] >= t.fallback:
            kept = [max(cols, key=lambda j: P.coarse[i, j])]
        if not kept:
            top = max((P.coarse[i, j] for j in cols), default=0.0)
            out.append([Found(OTHER, float(1.0 - top), d, (OTHER,))])
            continue
        found = []
        for j in kept:
            label = coarse_labels[j]
            kids = sorted(children[label], key=lambda k: -P.fine[i, k])
            subs = [fine_labels[k] for k in kids if P.fine[i, k] >= t.fine]
            if not subs:
                subs = [fine_labels[kids[0]]] if kids else [f"{label}: Other"]
            found.append(Found(label, float(P.coarse[i, j]), d, tuple(subs)))
        out.append(found)
    return out


# -- training --------------------------------------------------------------------------------------
@dataclass
class Targets:
    """What each level learns: a 0/1 matrix and the documents that carry that level's labels."""

    Y: dict[str, np.ndarray]
    rows: dict[str, np.ndarray]


def targets(docs: Sequence[TrainDoc], coarse_labels: Sequence[str], fine_labels: Sequence[str]) -> Targets:
    """Domain (documents whose domain is known), coarse and fine (every document) targets."""
    def matrix(labels: Sequence[str], of) -> np.ndarray:
        index = {l: j for j, l in enumerate(labels)}
        Y = np.zeros((len(docs), len(labels)), dtype=np.int8)
        for i, d in enumerate(docs):
            for l in of(d):
                if l in index:
                    Y[i, index[l]] = 1
        return Y

    everyone = np.arange(len(docs))
    return Targets(
        {"domain": matrix(DOMAIN_CLASSES, lambda d: (d.domain,) if d.domain else ()),
         "coarse": matrix(coarse_labels, lambda d: d.coarse), "fine": matrix(fine_labels, lambda d: d.fine)},
        {"domain": np.array([i for i, d in enumerate(docs) if d.domain is not None], dtype=int),
         "coarse": everyone, "fine": everyone},
    )


def kernel_scores(K: np.ndarray, T: Targets, w: np.ndarray, tr: np.ndarray, te: np.ndarray,
                  lam: float) -> dict[str, np.ndarray]:
    """Raw ridge scores of documents ``te`` from a model of documents ``tr`` (indices into K)."""
    out = {}
    for level, Y in T.Y.items():
        r = np.intersect1d(tr, T.rows[level])
        A = ridge_dual(K[np.ix_(r, r)], Y[r], w[r], lam)
        out[level] = (K[np.ix_(te, r)] + 1.0) @ A
    return out


def oof_scores(K: np.ndarray, T: Targets, w: np.ndarray, folds: np.ndarray, lam: float,
               allowed: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Out-of-fold raw scores of every document with a fold >= 0 (fold -1: always trained on);
    ``allowed`` limits which documents may be trained on."""
    n = len(folds)
    ok = np.ones(n, bool) if allowed is None else allowed
    out = {level: np.zeros((n, Y.shape[1])) for level, Y in T.Y.items()}
    for k in sorted(set(folds.tolist()) - {-1}):
        tr, te = np.where((folds != k) & ok)[0], np.where(folds == k)[0]
        for level, S in kernel_scores(K, T, w, tr, te, lam).items():
            out[level][te] = S
    return out


def calibrations(S: dict[str, np.ndarray], T: Targets, scored: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Platt (a, c) per label of each level, fitted on out-of-fold scores of documents ``scored``."""
    out = {}
    for level, Y in T.Y.items():
        r = np.intersect1d(scored, T.rows[level])
        out[level] = platt(S[level][r], Y[r])
    return out


def to_proba(S: dict[str, np.ndarray], cal: dict[str, tuple[np.ndarray, np.ndarray]]) -> Proba:
    p = {level: sigmoid(cal[level][0] * S[level] + cal[level][1]) for level in S}
    return Proba(p["domain"], p["coarse"], p["fine"])


def fit(docs: Sequence[TrainDoc], coarse_labels: Sequence[str], fine_labels: Sequence[str], folds: np.ndarray, *,
        lam: float = 1.0, dense: bool = True, vecs: np.ndarray | None = None) -> tuple[NarrativeModel, Proba]:
    """Train the three levels on ``docs``; returns the model (thresholds still default) and the
    calibrated out-of-fold probabilities of the documents whose fold is >= 0 (to tune thresholds on)."""
    texts = [d.text for d in docs]
    features = DocFeatures(dense=dense).fit(texts)
    X = features.transform(texts, vecs)
    K = (X @ X.T).toarray()
    T = targets(docs, coarse_labels, fine_labels)
    w = np.array([d.weight for d in docs], dtype=float)
    S = oof_scores(K, T, w, folds, lam)
    cal = calibrations(S, T, np.where(folds >= 0)[0])
    levels = {}
    for level, Y in T.Y.items():
        r = T.rows[level]
        A = ridge_dual(K[np.ix_(r, r)], Y[r], w[r], lam)
        W = np.asarray(X[r].T @ A, dtype=np.float32)
        levels[level] = Linear(W, A.sum(axis=0).astype(np.float32), *cal[level])
    model = NarrativeModel(features, tuple(coarse_labels), tuple(fine_labels), levels["domain"], levels["coarse"],
                           levels["fine"], Thresholds(),
                           tuple(sorted({d.language for d in docs} & set(TRAIN_LANGUAGE.values()))))
    return model, to_proba(S, cal)
