"""Versioned names of the per-article stages and the corpus layer, resolved lazily.

Configuration picks stages by name; a name maps to ``module:factory``, where the factory takes
the run's Options and returns a stage: a callable over a batch (list) of Articles that adds
annotations in place. Modules are imported only when a stage is used, so heavy models load
only when needed and only once.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any, Callable, Protocol

if TYPE_CHECKING:
    from .model import Article
    from .options import Options


class Stage(Protocol):
    """Adds annotations to a batch of articles in place.

    A stage may also offer ``memory_zone()``, a context manager the pipeline enters around each
    batch so that what the stage allocates for it is freed afterwards (the spaCy stage does).
    """

    name: str

    def __call__(self, articles: "list[Article]") -> None: ...


STAGES: dict[str, str] = {
    "nlp.spacy.v1": "presswatch.nlp.stage:make_stage",
    "extract.entities.v1": "presswatch.extract.entities:make_stage",
    "extract.quotes.v1": "presswatch.extract.quotes:make_stage",
    "extract.claims.v1": "presswatch.extract.claims:make_stage",
    "rhetoric.v1": "presswatch.rhetoric.stage:make_stage",
}

#: The corpus layer runs once over all stored articles after the per-article stages.
CORPUS = "presswatch.corpus.stage:make_corpus"

DEFAULT_STAGES: tuple[str, ...] = (
    "nlp.spacy.v1",
    "extract.entities.v1",
    "extract.quotes.v1",
    "extract.claims.v1",
    "rhetoric.v1",
)


def resolve(target: str) -> Callable[..., Any]:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def target_of(name: str) -> str:
    """The ``module:factory`` of a stage: a registered name, or an import path given as is (plugins)."""
    if name in STAGES:
        return STAGES[name]
    if ":" in name:
        return name
    known = ", ".join(sorted(STAGES))
    raise ValueError(f"unknown stage {name!r}; known stages: {known} (or give module:factory)")


def check_stages(names: "tuple[str, ...] | list[str]") -> None:
    """Fail early, with a clear message, if a stage name does not resolve (builds nothing).

    A registered stage's module is only located, not imported: the main process of a run with
    worker processes never runs the stages, and importing them there cost it about 200 MB
    (scikit-learn and pandas for the rhetoric layer). A plugin (``module:factory``) is imported,
    so that a wrong factory name is caught here too.
    """
    for name in names:
        target = target_of(name)
        module = target.partition(":")[0]
        try:
            if name in STAGES:
                if importlib.util.find_spec(module) is None:
                    raise ImportError(f"no module named {module!r}")
            else:
                resolve(target)
        except (ImportError, AttributeError, ValueError) as exc:
            raise ValueError(f"stage {name!r} ({target}) cannot be loaded: {exc}") from exc


class StageLoadError(RuntimeError):
    """A configured stage could not be built (a missing model, a broken install)."""


def make_stage(name: str, options: "Options") -> Stage:
    """Build the stage registered under ``name``."""
    factory = resolve(target_of(name))
    try:
        return factory(options)
    except Exception as exc:
        raise StageLoadError(f"stage {name!r} could not be loaded: {' '.join(str(exc).split())}") from exc
