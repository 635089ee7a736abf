"""The rhetoric stage: techniques per paragraph (localised to a span where the tagger finds one), genre, frames."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..model import Annotation, Article, paragraph_offsets
from ..options import Options
from .embed import encode
from .features import WORD, doc_vector
from .resources import FUNCTION_WORDS
from .models import Models, load_models


def _content(fragment: str) -> bool:
    """Whether a fragment has a word that can carry a technique (not only function words)."""
    return any(w.lower() not in FUNCTION_WORDS for w in WORD.findall(fragment))


@dataclass(frozen=True)
class TechniqueHit:
    """One technique found in one paragraph: where, how sure, and the words that triggered it."""

    label: str
    start: int
    end: int
    score: float
    paragraph: int
    trigger: str | None


def find_rhetoric(models: Models, text: str, paragraphs: Sequence[tuple[int, int]], title: str | None = None
                  ) -> tuple[list[TechniqueHit], tuple[str, float], list[tuple[str, float]]]:
    """Techniques, genre and frames of one article, embedding its title and paragraphs once.

    The paragraph model decides which techniques a paragraph uses; the span tagger and the span
    classifier then say where (the candidate fragment most typical of that technique).
    """
    ptexts = [text[s:e] for s, e in paragraphs]
    lines = ([title] if title else []) + ptexts
    vecs = encode(lines) if lines else np.zeros((0, 384), np.float32)
    # the title is a paragraph of its own in the training files; it has no offsets in `text`
    P = models.paragraphs.proba_article(lines, vecs)[len(lines) - len(ptexts) :]
    hits: list[TechniqueHit] = []
    col = {l: j for j, l in enumerate(models.tc2023.labels)}
    for i, ((ps, pe), found) in enumerate(zip(paragraphs, models.paragraph_techniques(P))):
        if not found:
            continue
        found_spans = [(ps + s, ps + e, p) for s, e, p in models.si2023.find(text[ps:pe]) if _content(text[ps + s : ps + e])]
        cands = [(s, e) for s, e, _ in found_spans]
        tagger_p = np.array([p for _, _, p in found_spans], dtype=np.float32)
        # n-grams only: placing a trigger must not cost a second embedding pass
        C = models.classify_spans(models.tc2023, text, cands, embed=False)
        for label, score in found:
            if cands:
                # the fragment most typical of this technique among those the tagger is surest of
                k = int(np.argmax(C[:, col[label]] * tagger_p))
                s, e = cands[k]
                hits.append(TechniqueHit(label, s, e, score, i, text[s:e]))
            else:
                # no fragment stands out: the whole paragraph carries the technique
                hits.append(TechniqueHit(label, ps, pe, score, i, None))
    full = f"{title}\n\n{text}" if title else text
    G, F = models.documents_proba_vecs([full], doc_vector(vecs)[None, :])
    return hits, models.genre_of(G)[0], models.frames_of(F)[0]


@dataclass
class RhetoricStage:
    """Adds `technique`, `genre` and `frame` annotations to English articles."""

    models: Models
    name: str = "rhetoric.v1"

    def __call__(self, articles: list[Article]) -> None:
        for article in articles:
            if article.language != "en" or not article.text.strip():
                continue
            paragraphs = article.paragraphs or paragraph_offsets(article.text)
            hits, (genre, gscore), frames = find_rhetoric(self.models, article.text, paragraphs, article.title)
            for h in hits:
                article.add(Annotation("technique", h.label, h.start, h.end, round(h.score, 4),
                                       {"paragraph": h.paragraph, "trigger": h.trigger}))
            article.add(Annotation("genre", genre, None, None, round(gscore, 4)))
            for label, score in frames:
                article.add(Annotation("frame", label, None, None, round(score, 4)))


def make_stage(options: Options) -> RhetoricStage:
    """Load the trained models once; fails with 'run make models' when they are missing."""
    return RhetoricStage(load_models(options.extra.get("rhetoric_models")))
