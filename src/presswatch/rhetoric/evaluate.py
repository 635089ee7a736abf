"""Cross-validation for every model, producing out-of-fold predictions and shared-task scores.

Two protocols: folds by article (``group_folds``), and folds by topic (``topic_folds``: each fold is one
k-means cluster of the articles' content words, so the test fold's topic was never seen in training;
this is the one meant to predict news from another period or source, see bench/rhetoric_results.md).
Thresholds for fold k are tuned on the out-of-fold probabilities of the other folds only, so a reported
score never sees its own fold's labels; articles that overlap the held-out dev set are never scored.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from . import documents, paragraphs
from .classify import TextFeaturizer, group_folds, tune_thresholds
from .data import Paragraph, Span
from .features import Embedder
from .resources import DEV_OVERLAP_IDS, FRAMES, GENRES, TECHNIQUES
from .scorers import Score, macro_f1, micro_f1, span_overlap_f1, tc_micro_f1
from .spans import SpanTagger, TechniqueClassifier, assign_top_k, context_of


#: The validation protocols: folds by article, or by topic cluster.
PROTOCOLS = ("article", "topic")


def topic_folds(articles: dict[str, str], k: int = 5, seed: int = 13) -> dict[str, int]:
    """A fold per article id: the k-means cluster (k clusters) of its content-word TF-IDF.

    Whole stories and the sites that cover them fall in one fold, so a model scored on a fold has not
    seen its topic's vocabulary; clusters are uneven in size, which is the point.
    """
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = sorted(articles)
    X = TfidfVectorizer(stop_words="english", token_pattern=r"(?u)\b[^\W\d_]{3,}\b", min_df=2, max_df=0.5,
                        sublinear_tf=True).fit_transform([articles[a] for a in ids])
    labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    return {a: int(f) for a, f in zip(ids, labels)}


def fold_numbers(groups: Sequence[str], k: int, topics: dict[str, int] | None = None) -> np.ndarray:
    """Fold of every row: by article (``group_folds``), or by the article's topic cluster when given."""
    if topics is None:
        return group_folds(groups, k)
    return np.array([topics[g] for g in groups])


@dataclass
class CvResult:
    """Out-of-fold probabilities and the score they earn."""

    oof: np.ndarray
    score: Score
    folds: np.ndarray


def honest_decisions(P: np.ndarray, Y: np.ndarray, folds: np.ndarray, min_f1: float = 0.3) -> np.ndarray:
    """Decisions for every fold with thresholds tuned on the other folds only."""
    D = np.zeros_like(Y, dtype=bool)
    labels = [str(j) for j in range(Y.shape[1])]
    for k in np.unique(folds):
        rows = folds == k
        thr = tune_thresholds(Y[~rows], P[~rows], labels, min_f1)
        D[rows] = P[rows] >= np.array([thr[l] for l in labels], dtype=np.float32)
    return D


def cv_paragraphs(paras: Sequence[Paragraph], embed: Embedder, k: int = 5, C: float = 1.0, C_dense: float = 1.0,
                  topics: dict[str, int] | None = None) -> CvResult:
    """2023 subtask 3: paragraph micro-F1 of the 23-way multi-label model."""
    inputs = paragraphs.paragraph_inputs(paras, embed)
    Y = paragraphs.gold_matrix(paras)
    folds = fold_numbers([p.article_id for p in paras], k, topics)
    P = np.zeros(Y.shape, dtype=np.float32)
    for f in range(k):
        tr, te = np.where(folds != f)[0], np.where(folds == f)[0]
        model = paragraphs.fit(paras, inputs, tr, C=C, C_dense=C_dense)
        P[te] = paragraphs.proba(model, inputs, te)
    D = honest_decisions(P, Y, folds)
    keep = [i for i, p in enumerate(paras) if p.article_id not in DEV_OVERLAP_IDS]
    gold = {i: {TECHNIQUES[j] for j in np.where(Y[i])[0]} for i in keep}
    pred = {i: {TECHNIQUES[j] for j in np.where(D[i])[0]} for i in keep}
    return CvResult(P, micro_f1(gold, pred), folds)


def cv_documents(ids: Sequence[str], texts: Sequence[str], genre: dict[str, str], frames: dict[str, frozenset[str]],
                 embed: Embedder, k: int = 5, topics: dict[str, int] | None = None, **kw) -> tuple[CvResult, CvResult]:
    """2023 subtasks 1 (genre macro-F1) and 2 (frames micro-F1)."""
    texts, vecs = documents.doc_inputs(texts, embed)
    folds = fold_numbers(list(ids), k, topics)
    G = np.zeros((len(ids), len(GENRES)), np.float32)
    F = np.zeros((len(ids), len(FRAMES)), np.float32)
    Yf = np.array([[int(l in frames.get(a, ())) for l in FRAMES] for a in ids], dtype=np.int8)
    for f in range(k):
        tr, te = np.where(folds != f)[0], np.where(folds == f)[0]
        m = documents.fit([texts[i] for i in tr], vecs[tr], [genre.get(ids[i]) for i in tr], [frames.get(ids[i]) for i in tr], **kw)
        X = m.matrix([texts[i] for i in te], vecs[te])
        G[te] = m.genre_proba([texts[i] for i in te], vecs[te])
        F[te] = m.frames.proba(*X)
    keep = [i for i, a in enumerate(ids) if a not in DEV_OVERLAP_IDS]
    g_score = macro_f1({i: genre[ids[i]] for i in keep if ids[i] in genre}, dict(zip(keep, (g for g, _ in documents.genre_labels(G[keep])))))
    D = honest_decisions(F, Yf, folds)
    f_score = micro_f1({i: {FRAMES[j] for j in np.where(Yf[i])[0]} for i in keep},
                       {i: {FRAMES[j] for j in np.where(D[i])[0]} for i in keep})
    return CvResult(G, g_score, folds), CvResult(F, f_score, folds)


def span_inputs(spans: Sequence[Span], articles: dict[str, str], embed: Embedder):
    texts = [articles[s.article_id][s.start : s.end] for s in spans]
    ctx = [context_of(articles[s.article_id], s.start, s.end) for s in spans]
    arts = [articles[s.article_id] for s in spans]
    return texts, ctx, arts, embed(texts)


def new_technique_classifier(labels: Sequence[str]) -> TechniqueClassifier:
    return TechniqueClassifier(
        tuple(labels),
        TextFeaturizer(word_ngrams=(1, 2), char_ngrams=(2, 5), max_features=40000, dense_weight=1.0),
        TextFeaturizer(word_ngrams=(1, 1), char_ngrams=None, max_features=20000),
    )


def cv_techniques(spans: Sequence[Span], articles: dict[str, str], labels: Sequence[str], embed: Embedder,
                  k: int = 5, C: float = 2.0, topics: dict[str, int] | None = None) -> CvResult:
    """Technique classification of gold spans (2020 TC, or the 2023 span files): micro-F1."""
    texts, ctx, arts, vecs = span_inputs(spans, articles, embed)
    y = [s.label for s in spans]
    folds = fold_numbers([s.article_id for s in spans], k, topics)
    P = np.zeros((len(spans), len(labels)), np.float32)
    for f in range(k):
        tr, te = np.where(folds != f)[0], np.where(folds == f)[0]
        clf = new_technique_classifier(labels).fit(
            [texts[i] for i in tr], [ctx[i] for i in tr], [arts[i] for i in tr], vecs[tr], [y[i] for i in tr], C=C)
        P[te] = clf.proba([texts[i] for i in te], [ctx[i] for i in te], [arts[i] for i in te], vecs[te])
    keys = [(s.article_id, s.start, s.end) for s in spans]
    pred = assign_top_k(P, keys, labels)
    keep = [i for i, s in enumerate(spans) if s.article_id not in DEV_OVERLAP_IDS]
    gold_t = [(*keys[i], y[i]) for i in keep]
    pred_t = [(*keys[i], pred[i]) for i in keep]
    return CvResult(P, tc_micro_f1(gold_t, pred_t), folds)


def cv_span_identification(spans: Sequence[Span], articles: dict[str, str], k: int = 5, C: float = 0.5,
                           threshold: float = 0.35, topics: dict[str, int] | None = None, snap: bool = False) -> CvResult:
    """2020 SI: character-overlap F1 of the token tagger."""
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in spans:
        by_article[s.article_id].append((s.start, s.end))
    ids = sorted(articles)
    folds = fold_numbers(ids, k, topics)
    pred: dict[str, list[tuple[int, int]]] = {}
    for f in range(k):
        tr = [a for a, fo in zip(ids, folds) if fo != f]
        te = [a for a, fo in zip(ids, folds) if fo == f]
        tagger = SpanTagger(threshold=threshold, snap=snap).fit([articles[a] for a in tr], [by_article.get(a, []) for a in tr], C=C)
        for a in te:
            pred[a] = [(s, e) for s, e, _ in tagger.find(articles[a])]
    keep = [a for a in ids if a not in DEV_OVERLAP_IDS]
    score = span_overlap_f1({a: by_article.get(a, []) for a in keep}, {a: pred[a] for a in keep})
    return CvResult(np.zeros(0), score, np.asarray(folds))
