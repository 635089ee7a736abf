"""The rhetoric stage: techniques per paragraph (localised to a span where the tagger finds one), genre, frames;
English with the English bundle, fr/de/it/pl/ru with the multilingual one, other languages marked unsupported."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from ..attrs import TechniqueAttrs
from ..model import Annotation, Article, paragraph_offsets
from ..options import Options
from .embed import encode_fast
from .features import WORD, doc_vector
from .resources import FUNCTION_WORDS
from ..nlp import languages
from .models import Models, load_models
from .multilingual import LANGUAGES as MULTILINGUAL_LANGUAGES, MultilingualModels, load_multilingual


def _content(fragment: str) -> bool:
    """Whether a fragment has a word that can carry a technique (not only function words)."""
    return any(w.lower() not in FUNCTION_WORDS for w in WORD.findall(fragment))


#: A fragment triggers a technique only if the span classifier gives it at least this probability of it.
MIN_FIT = 0.2
#: A second technique goes on a fragment that already carries one only when the classifier is this sure.
STRONG_FIT = 0.5


def pick_triggers(labels: Sequence[str], C: np.ndarray, tagger_p: np.ndarray, col: dict[str, int]) -> list[int | None]:
    """For each technique of a paragraph (surest first), the candidate fragment that triggered it, or None.

    A fragment must fit the technique (classifier probability >= MIN_FIT); among those, the one most
    typical of it times the tagger's belief wins. One fragment gets one technique unless the classifier
    is sure of a second (>= STRONG_FIT); otherwise that technique goes to another fragment or, if none
    fits, to the whole paragraph.
    """
    used: set[int] = set()
    out: list[int | None] = []
    for label in labels:
        fit = C[:, col[label]] if len(C) else np.zeros(0)
        ok = [k for k in range(len(fit)) if fit[k] >= MIN_FIT and (k not in used or fit[k] >= STRONG_FIT)]
        k = max(ok, key=lambda k: fit[k] * tagger_p[k]) if ok else None
        if k is not None:
            used.add(k)
        out.append(k)
    return out


@dataclass(frozen=True)
class TechniqueHit:
    """One technique found in one paragraph: where, how sure, and the words that triggered it."""

    label: str
    start: int
    end: int
    score: float
    paragraph: int
    trigger: str | None


#: One article's rhetoric: technique hits, (genre, score), [(frame, score)].
Rhetoric = tuple[list[TechniqueHit], tuple[str, float], list[tuple[str, float]]]


def find_rhetoric(models: Models, text: str, paragraphs: Sequence[tuple[int, int]], title: str | None = None) -> Rhetoric:
    """Techniques, genre and frames of one article."""
    return find_rhetoric_batch(models, [(text, paragraphs, title)])[0]


def find_rhetoric_batch(models: Models, items: Sequence[tuple[str, Sequence[tuple[int, int]], str | None]]) -> list[Rhetoric]:
    """Techniques, genre and frames of several articles (text, paragraph offsets, title), embedding
    every title and paragraph once and running each classifier once over the whole batch.

    The paragraph model decides which techniques a paragraph uses; the span tagger and the span
    classifier then say where (the candidate fragment most typical of that technique).
    """
    if not items:
        return []
    lines = [([title] if title else []) + [text[s:e] for s, e in paragraphs] for text, paragraphs, title in items]
    flat = [line for ls in lines for line in ls]
    vecs = encode_fast(flat) if flat else np.zeros((0, 384), np.float32)
    P_all = models.paragraphs.proba_articles(lines, vecs)
    out_hits: list[list[TechniqueHit]] = []
    doc_vecs = []
    at = 0
    for (text, paragraphs, title), ls in zip(items, lines):
        # the title is a paragraph of its own in the training files; it has no offsets in `text`
        P = P_all[at + len(ls) - len(paragraphs) : at + len(ls)]
        doc_vecs.append(doc_vector(vecs[at : at + len(ls)]) if ls else np.zeros(vecs.shape[1], np.float32))
        at += len(ls)
        out_hits.append(_place_hits(models, text, paragraphs, models.paragraph_techniques(P)))
    fulls = [f"{title}\n\n{text}" if title else text for text, _, title in items]
    G, F = models.documents_proba_vecs(fulls, np.vstack(doc_vecs) if doc_vecs else np.zeros((0, 384), np.float32))
    return list(zip(out_hits, models.genre_of(G), models.frames_of(F)))


def _place_hits(models: Models, text: str, paragraphs: Sequence[tuple[int, int]],
                decided: Sequence[Sequence[tuple[str, float]]]) -> list[TechniqueHit]:
    """One hit per technique a paragraph uses, on the fragment that triggered it (else the paragraph)."""
    found = [(i, techniques) for i, techniques in enumerate(decided) if techniques]
    cands: list[list[tuple[int, int]]] = []
    tagger_p: list[np.ndarray] = []
    for i, _ in found:
        ps, pe = paragraphs[i]
        spans = [(ps + s, ps + e, p) for s, e, p in models.si2023.find(text[ps:pe]) if _content(text[ps + s : ps + e])]
        cands.append([(s, e) for s, e, _ in spans])
        tagger_p.append(np.array([p for _, _, p in spans], dtype=np.float32))
    # every candidate of the article in one call; n-grams only: placing a trigger must not cost an embedding pass
    C_all = models.classify_spans(models.tc2023, text, [c for cs in cands for c in cs], embed=False)
    col = {label: j for j, label in enumerate(models.tc2023.labels)}
    hits: list[TechniqueHit] = []
    at = 0
    for (i, techniques), cs, tp in zip(found, cands, tagger_p):
        C = C_all[at : at + len(cs)]
        at += len(cs)
        ps, pe = paragraphs[i]
        techniques = sorted(techniques, key=lambda t: -t[1])
        picks = pick_triggers([label for label, _ in techniques], C, tp, col)
        for (label, score), k in zip(techniques, picks):
            if k is not None:
                s, e = cs[k]
                hits.append(TechniqueHit(label, s, e, score, i, text[s:e]))
            else:
                # no fragment fits: the whole paragraph carries the technique
                hits.append(TechniqueHit(label, ps, pe, score, i, None))
    return hits


def find_rhetoric_multilingual(models: MultilingualModels, language: str,
                               items: Sequence[tuple[str, Sequence[tuple[int, int]], str | None]]) -> list[Rhetoric]:
    """Techniques, genre and frames of articles in one of the multilingual bundle's languages, each
    model run once over the whole batch.

    No span tagger is trained for these languages: a technique lands on its whole paragraph
    (trigger None), which is what the paragraph-level gold of the train data supports.
    """
    if not items:
        return []
    lines = [([title] if title else []) + [text[s:e] for s, e in paragraphs] for text, paragraphs, title in items]
    P_all = models.paragraph_proba_articles(lines, language)
    fulls = [f"{title}\n\n{text}" if title else text for text, _, title in items]
    out: list[Rhetoric] = []
    at = 0
    for (text, paragraphs, title), ls, genre, frames in zip(items, lines, models.genre_of(fulls, language),
                                                            models.frames_of(fulls, language)):
        # the title is a paragraph of its own in the training files; it has no offsets in `text`
        P = P_all[at + len(ls) - len(paragraphs) : at + len(ls)]
        at += len(ls)
        hits = [TechniqueHit(label, paragraphs[i][0], paragraphs[i][1], score, i, None)
                for i, found in enumerate(models.paragraph_techniques(P, language))
                for label, score in sorted(found, key=lambda t: -t[1])]
        out.append((hits, genre, frames))
    return out


#: The layers this stage adds; each is marked unsupported on an article whose language has no model for it.
LAYERS = ("technique", "genre", "frame")


@dataclass
class RhetoricStage:
    """Adds `technique`, `genre` and `frame` annotations to English articles (the English bundle) and to
    French, German, Italian, Polish and Russian ones (the multilingual bundle, loaded on first need)."""

    models: Models
    name: str = "rhetoric.v1"
    multilingual_folder: Path | None = None
    _multilingual: MultilingualModels | None = field(default=None, init=False, repr=False)

    def multilingual(self) -> MultilingualModels:
        if self._multilingual is None:
            self._multilingual = load_multilingual(self.multilingual_folder)
        return self._multilingual

    def __call__(self, articles: list[Article]) -> None:
        todo = [a for a in articles if a.language == "en" and a.text.strip()]
        items = [(a.text, a.paragraphs or paragraph_offsets(a.text), a.title) for a in todo]
        results = list(zip(todo, find_rhetoric_batch(self.models, items)))
        by_language: dict[str, list[Article]] = {}
        for a in articles:
            if a.language == "en" or not a.text.strip():
                continue
            if a.language in MULTILINGUAL_LANGUAGES:
                by_language.setdefault(a.language, []).append(a)
            else:
                for layer in LAYERS:
                    a.mark_unsupported(layer, languages.unsupported_reason(a.language, layer))
        for lang, group in by_language.items():
            items = [(a.text, a.paragraphs or paragraph_offsets(a.text), a.title) for a in group]
            results += zip(group, find_rhetoric_multilingual(self.multilingual(), lang, items))
        for article, (hits, (genre, gscore), frames) in results:
            for h in hits:
                article.add(Annotation("technique", h.label, h.start, h.end, round(h.score, 4),
                                       TechniqueAttrs(paragraph=h.paragraph, trigger=h.trigger).to_dict()))
            article.add(Annotation("genre", genre, None, None, round(gscore, 4)))
            for label, score in frames:
                article.add(Annotation("frame", label, None, None, round(score, 4)))


def make_stage(options: Options) -> RhetoricStage:
    """Load the trained English models once (fails with 'run make models' when they are missing); the
    multilingual ones are loaded from the same folder when the first article in their languages comes."""
    return RhetoricStage(load_models(options.rhetoric_models), multilingual_folder=options.rhetoric_models)
