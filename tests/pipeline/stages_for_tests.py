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
