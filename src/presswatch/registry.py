"""Versioned names of the per-article stages and the corpus layer, resolved lazily.

Configuration picks stages by name; a name maps to a :class:`StageSpec`: the ``module:factory``
that builds the stage (the factory takes the run's Options and returns a callable over a batch of
Articles that adds annotations in place), what the stage reads and what it writes. Modules are
imported only when a stage is used, so heavy models load only when needed and only once.

This module is the leaf of the run's modules: it names things and checks names, and builds
nothing (building stages is the runner's work), so it imports no other presswatch module.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Protocol

if TYPE_CHECKING:
    from .model import Article


class Stage(Protocol):
    """Adds annotations to a batch of articles in place.

    A stage may also offer ``memory_zone()``, a context manager the pipeline enters around each
    batch so that what the stage allocates for it is freed afterwards (the spaCy stage does).
    """

    name: str

    def __call__(self, articles: "list[Article]") -> None: ...


#: What a stage can read or write: an article's ``language`` and spaCy ``doc`` (nlp), or the
#: annotations of a layer, by layer name.
LANGUAGE = "language"
DOC = "doc"


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: the factory that builds it, what it reads and what it writes."""

    target: str  # "module:factory"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STAGES: dict[str, StageSpec] = {
    "nlp.spacy.v1": StageSpec("presswatch.nlp.stage:make_stage", assigns=(LANGUAGE, DOC)),
    "extract.entities.v1": StageSpec("presswatch.extract.entities:make_stage", requires=(DOC,), assigns=("entity",)),
    # speakers get their canonical names from the entity layer
    "extract.quotes.v1": StageSpec("presswatch.extract.quotes:make_stage", requires=(DOC, "entity"), assigns=("quote",)),
    # a number inside a quote is claimed by the quote's speaker
    "extract.claims.v1": StageSpec(
        "presswatch.extract.claims:make_stage", requires=(DOC, "entity", "quote"), assigns=("claim",)
    ),
    "rhetoric.v1": StageSpec(
        "presswatch.rhetoric.stage:make_stage", requires=(LANGUAGE,), assigns=("technique", "genre", "frame")
    ),
    # SemEval-2025 narratives for en, bg, hi, pt, ru; other languages are marked unsupported
    "narratives.v1": StageSpec("presswatch.narratives.stage:make_stage", requires=(LANGUAGE,), assigns=("narrative",)),
    # SemEval-2025 entity roles on the entity layer's mentions (reads the narrative layer's domain when it ran)
    "roles.v1": StageSpec("presswatch.narratives.roles_stage:make_stage", requires=("entity",), assigns=("role",)),
}

#: The corpus layer runs once over all stored articles after the per-article stages.
CORPUS = "presswatch.corpus.stage:make_corpus"

DEFAULT_STAGES: tuple[str, ...] = (
    "nlp.spacy.v1",
    "extract.entities.v1",
    "extract.quotes.v1",
    "extract.claims.v1",
    "rhetoric.v1",
    "narratives.v1",
    "roles.v1",
)


def resolve(target: str) -> Callable[..., Any]:
    """The object a ``module:attr`` target names (imports the module)."""
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def target_of(name: str) -> str:
    """The ``module:factory`` of a stage: a registered name, or an import path given as is (plugins)."""
    if name in STAGES:
        return STAGES[name].target
    if ":" in name:
        return name
    known = ", ".join(sorted(STAGES))
    raise ValueError(f"unknown stage {name!r}; known stages: {known} (or give module:factory)")


def spec_of(name: str) -> StageSpec:
    """The spec of a stage. A plugin (``module:factory``) is imported; its factory may declare
    ``requires``/``assigns`` attributes (tuples of names as in :class:`StageSpec`), else none."""
    if name in STAGES:
        return STAGES[name]
    target = target_of(name)
    factory = resolve(target)
    return StageSpec(target, tuple(getattr(factory, "requires", ())), tuple(getattr(factory, "assigns", ())))


def providers(what: str) -> list[str]:
    """Registered stages that write ``what``."""
    return [n for n, spec in STAGES.items() if what in spec.assigns]


def check_stages(names: Iterable[str]) -> None:
    """Fail early, with a clear message, if a stage name does not resolve, or if a stage reads
    something no earlier stage writes (builds nothing).

    A registered stage's module is only located, not imported: the main process of a run with
    worker processes never runs the stages, and importing them there cost it about 200 MB
    (scikit-learn and pandas for the rhetoric layer). A plugin (``module:factory``) is imported,
    so that a wrong factory name is caught here too.
    """
    names = list(names)
    specs: list[StageSpec] = []
    for name in names:
        target = target_of(name)
        module = target.partition(":")[0]
        try:
            if name in STAGES:
                if importlib.util.find_spec(module) is None:
                    raise ImportError(f"no module named {module!r}")
                specs.append(STAGES[name])
            else:
                specs.append(spec_of(name))
        except (ImportError, AttributeError, ValueError) as exc:
            raise ValueError(f"stage {name!r} ({target}) cannot be loaded: {exc}") from exc
    written: set[str] = set()
    for k, (name, spec) in enumerate(zip(names, specs)):
        missing = [r for r in spec.requires if r not in written]
        if missing:
            raise ValueError(_missing_message(name, missing, names[:k]))
        written.update(spec.assigns)


def _missing_message(name: str, missing: list[str], before: list[str]) -> str:
    """Why a stage cannot run where it stands, and the stages to put before it."""
    need = [p for m in missing for p in providers(m)[:1]]
    fix = list(dict.fromkeys([*before, *need]))
    fix = [n for n in DEFAULT_STAGES if n in fix] + [n for n in fix if n not in DEFAULT_STAGES]
    what = ", ".join(repr(m) for m in missing)
    by = f" (written by {', '.join(repr(n) for n in dict.fromkeys(need))})" if need else ""
    return (
        f"stage {name!r} reads {what}, which no stage before it writes{by}; "
        f"run them before it, e.g. --stages {','.join([*fix, name])}"
    )


class StageLoadError(RuntimeError):
    """A configured stage could not be built (a missing model, a broken install)."""
