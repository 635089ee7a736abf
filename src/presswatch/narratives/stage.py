"""The narratives stage: which of the SemEval-2025 taxonomy's narratives an article advances (layer
``narrative``, article level), for the languages the model was trained on (en, bg, hi, pt, ru)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..attrs import NarrativeAttrs
from ..model import Annotation, Article
from ..options import Options
from ..training import ModelsMissing, load_trained
from .classify import Found, NarrativeModel
from ..nlp.languages import unsupported_reason
from .resources import TRAINED_DIR

LAYER = "narrative"


#: The error a missing or outdated narrative model raises (one class for every trained bundle).
ModelMissing = ModelsMissing


def load_model(folder: Path | None = None) -> NarrativeModel:
    """The trained model from ``folder`` (default: narratives/trained), cached per process."""
    from .train import BUNDLE, _current

    return load_trained(Path(folder or TRAINED_DIR), BUNDLE, current=_current, what="narrative model",
                        trainer="presswatch.narratives.train")


def article_input(article: Article) -> str:
    """The text the model reads: title line first, as in the train documents."""
    return f"{article.title}\n\n{article.text}" if article.title else article.text


def find_narratives(model: NarrativeModel, texts: Sequence[str]) -> list[list[Found]]:
    """The narratives of each text (one batch through the model)."""
    return model.predict(list(texts)) if texts else []


def to_annotation(found: Found) -> Annotation:
    return Annotation(LAYER, found.label, None, None, round(found.score, 4),
                      NarrativeAttrs(domain=found.domain, subnarratives=found.subnarratives).to_dict())


@dataclass
class NarrativeStage:
    """Adds ``narrative`` annotations; an article in a language without a model is marked unsupported."""

    model: NarrativeModel
    name: str = "narratives.v1"

    def __call__(self, articles: list[Article]) -> None:
        todo = []
        for a in articles:
            if not self.model.supports(a.language):
                a.mark_unsupported(LAYER, unsupported_reason(a.language, LAYER))
            elif a.text.strip():
                todo.append(a)
        for article, found in zip(todo, find_narratives(self.model, [article_input(a) for a in todo])):
            for f in found:
                article.add(to_annotation(f))


def make_stage(options: Options) -> NarrativeStage:
    """Load the trained model once; fails with 'run make models' when it is missing."""
    return NarrativeStage(load_model())
