"""Shared fixtures: the trained spaCy pipeline loaded once per session, paths to fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATASETS = SHARED / "datasets"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The trained English pipeline, loaded once for the whole test session."""
    from presswatch.nlp import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the seed articles are missing: expected {SEEDS}")
    return SEEDS


@pytest.fixture
def parsed(nlp):
    """Build a clean, parsed English Article from a text (title optional) for extractor tests."""
    from presswatch.model import Article

    def make(text: str, title: str | None = None, **kw) -> Article:
        article = Article.create("<test>", text, title=title, **kw)
        article.language = "en"
        article.doc = nlp(text)
        return article

    return make
