"""The trained rhetoric models as one bundle: loaded once per process, failing loudly when absent."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..nlp.static import encoder_id
from ..training import ModelsMissing, bundle_current, load_trained
from .documents import DocModel, doc_inputs, genre_labels
from .embed import encode, encode_fast
from .paragraphs import ParagraphModel
from .resources import FRAMES, GENRES, TECHNIQUES, TRAINED_DIR
from .spans import SpanTagger, TechniqueClassifier, assign_top_k, context_of

BUNDLE = "rhetoric.joblib"
#: Bumped whenever the pickled classes change, so `make models` retrains an outdated bundle.
BUNDLE_VERSION = 3



@dataclass
class Models:
    """Every trained rhetoric model plus the cross-validated scores recorded when they were trained."""

    paragraphs: ParagraphModel
    documents: DocModel
    tc2023: TechniqueClassifier
    tc2020: TechniqueClassifier
    si2023: SpanTagger
    si2020: SpanTagger
    metrics: dict[str, Any] = field(default_factory=dict)

    # -- article level ------------------------------------------------------------------------
    def documents_proba(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Genre and frame probabilities of whole article texts (title line first)."""
        texts, vecs = doc_inputs(texts, encode_fast)
        return self.documents_proba_vecs(texts, vecs)

    def documents_proba_vecs(self, texts: Sequence[str], doc_vecs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Genre and frame probabilities of article texts whose embeddings are already known."""
        Xs, Xd = self.documents.matrix(texts, doc_vecs)
        return self.documents.genre_proba(texts, doc_vecs), self.documents.frames.proba(Xs, Xd)

    def genre_of(self, P: np.ndarray) -> list[tuple[str, float]]:
        return genre_labels(P)

    def frames_of(self, P: np.ndarray) -> list[list[tuple[str, float]]]:
        D = self.documents.frames.decide(P)
        return [[(FRAMES[j], float(P[i, j])) for j in np.where(D[i])[0]] for i in range(len(P))]

    # -- paragraph level ----------------------------------------------------------------------
    def paragraph_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Technique probabilities of the paragraphs of one article, in order."""
        return self.paragraphs.proba_article(list(texts), encode_fast(list(texts)))

    def paragraph_techniques(self, P: np.ndarray) -> list[list[tuple[str, float]]]:
        D = self.paragraphs.clf.decide(P)
        return [[(TECHNIQUES[j], float(P[i, j])) for j in np.where(D[i])[0]] for i in range(len(P))]

    # -- span level ---------------------------------------------------------------------------
    def classify_spans(self, clf: TechniqueClassifier, article: str, spans: Sequence[tuple[int, int]],
                       embed: bool = True) -> np.ndarray:
        """Technique probabilities of given spans of one article text (``embed=False``: n-grams only, faster)."""
        if not spans:
            return np.zeros((0, len(clf.labels)), dtype=np.float32)
        texts = [article[s:e] for s, e in spans]
        ctx = [context_of(article, s, e) for s, e in spans]
        return clf.proba(texts, ctx, [article] * len(spans), encode(texts) if embed else None)

    def label_spans_2020(self, article: str, spans: Sequence[tuple[int, int]]) -> list[str]:
        """One PTC technique per listed span; a span listed k times gets k different techniques."""
        P = self.classify_spans(self.tc2020, article, spans)
        return assign_top_k(P, list(spans), self.tc2020.labels)


def is_current(folder: Path) -> bool:
    """Whether ``folder`` holds a bundle trained by this version of the code on the installed static encoder."""
    return bundle_current(folder, BUNDLE, "metrics.json", version=BUNDLE_VERSION, static_encoder=encoder_id())


def load_models(folder: Path | None = None) -> Models:
    """The trained bundle from ``folder`` (default: the package's trained/ folder), cached per process."""
    return load_trained(Path(folder or TRAINED_DIR), BUNDLE, current=is_current, what="rhetoric models",
                        trainer="presswatch.rhetoric.train")
