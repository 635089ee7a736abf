"""Fixtures of the extract tests: a parsed article run through the three extract stages."""

from __future__ import annotations

import pytest

from presswatch.extract.claims import ClaimStage
from presswatch.extract.entities import EntityStage
from presswatch.extract.quotes import QuoteStage


@pytest.fixture
def extracted(parsed):
    """Build a parsed English article from text and run entities, quotes and claims on it."""

    def make(text: str, **kw):
        article = parsed(text, **kw)
        for stage in (EntityStage(), QuoteStage(), ClaimStage()):
            stage([article])
        return article

    return make


def quotes_of(article) -> list[tuple[str, str, str | None]]:
    """(quoted words, label, speaker) of every quote annotation, in text order."""
    return [(article.text[a.start : a.end], a.label, a.attrs.get("speaker")) for a in article.layer("quote")]


def claims_of(article) -> list[dict]:
    """The claim annotations as dicts with their span text under "text"."""
    return [{"text": article.text[a.start : a.end], **a.attrs} for a in article.layer("claim")]
