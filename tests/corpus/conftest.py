"""Fixtures of the corpus tests."""

import pytest

from presswatch.corpus import stage as corpus_stage

from .helpers import CountingEmbedder


@pytest.fixture
def counting(monkeypatch):
    """The corpus stage loads a CountingEmbedder (count reset); returns the names it was asked to load."""
    CountingEmbedder.encoded = 0
    loads = []

    def load(name):
        loads.append(name)
        return CountingEmbedder()

    monkeypatch.setattr(corpus_stage, "load_embedder", load)
    return loads
