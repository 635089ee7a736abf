"""Hand-built articles carrying the annotations the extract layer writes (entities, claims)."""

from __future__ import annotations

from typing import Sequence

from presswatch.corpus.embed import HashingEmbedder
from presswatch.model import Annotation, Article


def claim(text: str, number: str, value: float, *, modifier: str | None = None, unit: str | None = None,
          speaker: str | None = None, occurrence: int = 0, predicate: str | None = None) -> Annotation:
    """A claim annotation on the ``occurrence``-th appearance of ``number`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(number, start + 1)
    attrs = {"value": value, "unit": unit, "modifier": modifier, "speaker": speaker}
    if predicate:
        attrs["predicate"] = predicate
    return Annotation("claim", "number", start, start + len(number), attrs=attrs)


def entity(text: str, mention: str, label: str, canonical: str | None = None, occurrence: int = 0) -> Annotation:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return Annotation("entity", label, start, start + len(mention), attrs={"canonical": canonical or mention})


def article(text: str, *, title: str | None = None, published: str | None = None, outlet: str | None = None,
            source: str = "<test>", claims: Sequence[dict] = (), entities: Sequence[tuple] = ()) -> Article:
    """An article with claims given as dicts (number, value, modifier, unit, speaker) and entities as tuples."""
    a = Article.create(source, text, title=title, published=published, outlet=outlet, language="en")
    for c in claims:
        a.add(claim(text, **c))
    for e in entities:
        a.add(entity(text, *e))
    return a


class CountingEmbedder(HashingEmbedder):
    """The hashing embedder, counting how many texts it was asked to embed (see the ``counting`` fixture)."""

    encoded = 0

    def encode(self, texts):
        CountingEmbedder.encoded += len(texts)
        return super().encode(texts)
