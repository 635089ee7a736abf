"""The role stage: which of an article's named people and bodies it casts, and as what.

`find(bundle, article)` yields `CastRole`s for the entity layer's PERSON / ORG / GPE / NORP mentions
that the cast model keeps (probability >= its out-of-fold threshold), each with the role model's main
role, its probability and the fine roles under it; `to_annotation` writes a `role` annotation on the
entity mention's own offsets with the mention's canonical name. An article whose language has no
entity layer gets ``unsupported["role"]`` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..attrs import RoleAttrs
from ..model import Annotation, Article
from ..nlp import languages
from ..options import Options
from .resources import TRAIN_LANGUAGE
from .roles import MentionInput, RoleBundle, candidates


@dataclass(frozen=True)
class CastRole:
    """One entity mention the article casts: its offsets, canonical name, main role, score, fine roles, cast probability."""

    start: int
    end: int
    canonical: str
    main: str
    score: float
    fine: tuple[str, ...]
    cast: float


def _domain(article: Article) -> str | None:
    """The article's domain from the narrative layer when it ran (URW, CC), else None."""
    for a in article.layer("narrative"):
        d = (a.attrs or {}).get("domain")
        if d:
            return str(d)
    return None


def find(bundle: RoleBundle, article: Article) -> Iterator[CastRole]:
    """The cast mentions of one article with their roles, in text order."""
    entities = [(a.start, a.end, a.label, (a.attrs or {}).get("canonical") or article.text[a.start : a.end])
                for a in article.layer("entity") if a.start is not None and a.end is not None]
    cands = candidates(article.text, entities)
    if not cands:
        return
    p_cast = bundle.cast.proba(article.text, cands)
    kept = [(c, p) for c, p in zip(cands, p_cast) if p >= bundle.cast.threshold]
    if not kept:
        return
    code = TRAIN_LANGUAGE.get(article.language or "", "EN")
    domain = _domain(article)
    preds = bundle.roles.predict([MentionInput(article.text, c.start, c.end, code, domain) for c, _ in kept])
    for (c, p), r in zip(kept, preds):
        yield CastRole(c.start, c.end, c.canonical, r.main, r.score, r.fine, float(p))


def to_annotation(r: CastRole) -> Annotation:
    """The `role` annotation of a cast mention."""
    attrs = RoleAttrs(canonical=r.canonical, fine=r.fine)
    return Annotation(RoleAttrs.layer, r.main, r.start, r.end, round(r.score, 4), attrs.to_dict())


def unsupported_reason(code: str | None) -> str:
    """Why an article in this language gets no role layer."""
    if code in TRAIN_LANGUAGE and not languages.supports(code, "entity"):
        return (f"the entity-role model covers {languages.name(code)} ({code}), but no named-entity model for it "
                "ships with presswatch, so no mention can be cast")
    return languages.unsupported_reason(code, "role")


@dataclass
class RoleStage:
    """Writes `role` annotations on the entity mentions each article casts."""

    bundle: RoleBundle
    name: str = "roles.v1"

    def __call__(self, articles: list[Article]) -> None:
        for article in articles:
            if not languages.supports(article.language, "role"):
                if article.text.strip():
                    article.mark_unsupported("role", unsupported_reason(article.language))
                continue
            for r in find(self.bundle, article):
                article.add(to_annotation(r))


def make_stage(options: Options) -> RoleStage:
    """Load the trained role bundle once; fails with 'run make models' when it is missing."""
    from .roles_train import load_bundle

    return RoleStage(load_bundle())
