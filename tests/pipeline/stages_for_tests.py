"""Stages used only by the pipeline tests (importable by spawned worker processes)."""

from __future__ import annotations

from dataclasses import dataclass

from presswatch.model import Annotation, Article


@dataclass
class MarkStage:
    """Adds one article-level annotation; fails on any article whose text contains BOOM."""

    name: str = "test.mark.v1"

    def __call__(self, articles: list[Article]) -> None:
        for a in articles:
            if "BOOM" in a.text:
                raise RuntimeError("this stage cannot handle BOOM")
            a.add(Annotation("genre", "reporting", score=1.0, attrs={"by": "test"}))


def make_mark(options) -> MarkStage:
    return MarkStage()


def make_broken_corpus(options):
    def run(*, store, articles):
        raise RuntimeError("corpus exploded")

    return run


class PrepareFailsCorpus:
    """A corpus layer whose per-batch ``prepare`` always fails; the pass itself works."""

    prepared_calls = 0

    def __init__(self, options):
        self.options = options

    def prepare(self, *, store, articles):
        PrepareFailsCorpus.prepared_calls += 1
        raise RuntimeError("prepare exploded")

    def __call__(self, *, store, articles):
        return {"duplicates": [], "stories": [{"id": "s1", "articles": len(list(store.iter_articles()))}],
                "claim_conflicts": [], "timeline": []}


@dataclass
class SlowStage:
    """Adds one annotation, then computes for 30 s on any article whose text contains SLOW."""

    name: str = "test.slow.v1"

    def __call__(self, articles: list[Article]) -> None:
        import time

        for a in articles:
            a.add(Annotation("frame", "slow", score=1.0))
            if "SLOW" in a.text:
                end = time.monotonic() + 30
                while time.monotonic() < end:
                    sum(range(10_000))


def make_slow(options) -> SlowStage:
    return SlowStage()


def make_needs_quotes(options) -> MarkStage:
    return MarkStage(name="test.needs_quotes.v1")


make_needs_quotes.requires = ("quote",)  # type: ignore[attr-defined]
