"""Techniques, frames and genre in French, German, Italian, Polish and Russian (SemEval-2023 Task 3).

The English models read the static English encoder's embeddings, which mean nothing in these
languages, so these models read word 1-2-gram TF-IDF of the text instead (char_wb n-grams are
supported by ``new_featurizer`` but the shipped bundle does without: train_multilingual.PARAMS),
plus a few counts (length, position, ?, !, quote marks) and the language. They are trained by
``python -m presswatch.rhetoric.train_multilingual`` into their own bundle (trained/multilingual.joblib)
beside the English one, and loaded only when a batch holds an article in one of these languages.

Thresholds are tuned per language on out-of-fold probabilities of folds grouped by topic cluster
(bench/rhetoric_results.md, "Issue 19"): label rates differ between the languages' annotators
(Polish paragraphs carry 0.95 techniques on average, German 1.96), so one threshold would not fit all.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from .classify import MultiLabel, TextFeaturizer
from .documents import article_lines, genre_labels
from .features import WORD
from ..training import bundle_current, load_trained
from .resources import GENRES, MULTILINGUAL_FOLDERS, TRAINED_DIR

BUNDLE = "multilingual.joblib"
METRICS = "metrics-multilingual.json"
#: Bumped whenever the pickled classes change, so `make models` retrains an outdated bundle.
BUNDLE_VERSION = 1
#: The languages these models are trained for (ISO 639-1, as the language detector gives them).
LANGUAGES: tuple[str, ...] = tuple(MULTILINGUAL_FOLDERS)

#: Quote marks of these languages' news (« », „ “, ‚ ‘, " and “ ”): quoting is a cue for Appeal_to_Authority.
QUOTE_MARKS = re.compile("[\"«»„“”‚‘]")


def dense_extras(texts: Sequence[str], positions: Sequence[float], languages: Sequence[str]) -> np.ndarray:
    """Per text: log length, relative position, ? ! and quote marks, and the language one-hot."""
    rows = []
    for t, p, lang in zip(texts, positions, languages):
        rows.append([math.log1p(len(WORD.findall(t))) / 5, p, float("?" in t), float("!" in t),
                     float(bool(QUOTE_MARKS.search(t)))] + [float(lang == l) for l in LANGUAGES])
    return np.array(rows, dtype=np.float32).reshape(len(texts), 5 + len(LANGUAGES))


def new_featurizer(max_features: int = 50000, chars: bool = True) -> TextFeaturizer:
    """Word 1-2-grams, and (``chars``) char_wb 2-5-grams for inflected forms and shared names; the char
    n-grams multiply the non-zeros, and so the training time, by about 50."""
    return TextFeaturizer(word_ngrams=(1, 2), char_ngrams=(2, 5) if chars else None, max_features=max_features)


@dataclass
class TextModel:
    """A featurizer and a multi-label classifier over its n-grams and the dense extras, with thresholds per
    language (``thresholds[lang]``; the classifier's own are the fallback)."""

    featurizer: TextFeaturizer
    clf: MultiLabel
    thresholds: dict[str, dict[str, float]] = field(default_factory=dict)

    def proba(self, texts: Sequence[str], positions: Sequence[float], languages: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.clf.labels)), dtype=np.float32)
        return self.clf.proba(self.featurizer.transform(list(texts)), dense_extras(texts, positions, languages))

    def decide(self, P: np.ndarray, language: str) -> np.ndarray:
        thr = self.thresholds.get(language, self.clf.thresholds)
        return P >= np.array([thr.get(l, 1.01) for l in self.clf.labels], dtype=np.float32)

    def labelled(self, P: np.ndarray, language: str) -> list[list[tuple[str, float]]]:
        D = self.decide(P, language)
        return [[(self.clf.labels[j], float(P[i, j])) for j in np.where(D[i])[0]] for i in range(len(P))]


def fit_text_model(texts: Sequence[str], positions: Sequence[float], languages: Sequence[str], Y: np.ndarray,
                   labels: Sequence[str], C: float = 1.0, featurizer: TextFeaturizer | None = None,
                   max_features: int = 50000, chars: bool = True) -> TextModel:
    """Train on the given rows (thresholds 0.5 until tuned); ``featurizer`` fitted already, or fitted here."""
    feat = featurizer or new_featurizer(max_features, chars).fit(list(texts))
    clf = MultiLabel(tuple(labels), C=C, C_dense=1.0, min_f1=0.2)
    clf.fit(feat.transform(list(texts)), dense_extras(texts, positions, languages), Y)
    return TextModel(feat, clf)


def positions_of(article_ids: Sequence[str]) -> np.ndarray:
    """Relative position of every row within its article (rows of one article in order)."""
    rows: dict[str, list[int]] = {}
    for i, a in enumerate(article_ids):
        rows.setdefault(a, []).append(i)
    pos = np.zeros(len(article_ids), dtype=np.float32)
    for idx in rows.values():
        pos[idx] = np.arange(len(idx)) / max(len(idx) - 1, 1)
    return pos


def doc_text(text: str) -> str:
    """An article as the document models read it: its non-empty lines, title first."""
    return "\n".join(article_lines(text))


def genre_predict(feat: TextFeaturizer, lr: LogisticRegression, docs: Sequence[str]) -> list[tuple[str, float]]:
    """The genre of article texts and its probability; satire only when sure, as in English."""
    P = lr.predict_proba(feat.transform(list(docs)))
    out = np.zeros((len(docs), len(GENRES)), dtype=np.float32)
    for k, g in enumerate(lr.classes_):
        out[:, GENRES.index(g)] = P[:, k]
    return genre_labels(out)


@dataclass
class MultilingualModels:
    """The paragraph-technique, frame and genre models of each language (one object may serve several)."""

    paragraphs: dict[str, TextModel]
    frames: dict[str, TextModel]
    genre: dict[str, tuple[TextFeaturizer, LogisticRegression]]
    metrics: dict[str, Any] = field(default_factory=dict)

    def supports(self, language: str | None) -> bool:
        return language in self.paragraphs

    # -- paragraph level ----------------------------------------------------------------------
    def paragraph_proba(self, texts: Sequence[str], language: str) -> np.ndarray:
        """Technique probabilities of the paragraphs of one article, in order."""
        return self.paragraph_proba_articles([list(texts)], language)

    def paragraph_proba_articles(self, articles: Sequence[Sequence[str]], language: str) -> np.ndarray:
        """Technique probabilities of the paragraphs of several articles of one language, one row per
        paragraph in order, in one pass over the classifiers."""
        texts = [t for a in articles for t in a]
        pos = np.concatenate([np.arange(len(a), dtype=np.float32) / max(len(a) - 1, 1) for a in articles]) \
            if texts else np.zeros(0, np.float32)
        return self.paragraphs[language].proba(texts, pos, [language] * len(texts))

    def paragraph_techniques(self, P: np.ndarray, language: str) -> list[list[tuple[str, float]]]:
        return self.paragraphs[language].labelled(P, language)

    # -- article level ------------------------------------------------------------------------
    def frames_of(self, texts: Sequence[str], language: str) -> list[list[tuple[str, float]]]:
        """The frames of whole article texts (title line first) of one language."""
        docs = [doc_text(t) for t in texts]
        model = self.frames[language]
        return model.labelled(model.proba(docs, [0.0] * len(docs), [language] * len(docs)), language)

    def genre_of(self, texts: Sequence[str], language: str) -> list[tuple[str, float]]:
        """The genre of whole article texts of one language and its probability."""
        feat, lr = self.genre[language]
        return genre_predict(feat, lr, [doc_text(t) for t in texts])


def is_current(folder: Path) -> bool:
    """Whether ``folder`` holds a multilingual bundle trained by this version of the code."""
    return bundle_current(folder, BUNDLE, METRICS, version=BUNDLE_VERSION)


def load_multilingual(folder: Path | None = None) -> MultilingualModels:
    """The multilingual bundle from ``folder`` (default: the package's trained/ folder), cached per process."""
    return load_trained(Path(folder or TRAINED_DIR), BUNDLE, current=is_current, what="multilingual rhetoric models",
                        trainer="presswatch.rhetoric.train_multilingual")
