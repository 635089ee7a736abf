"""The static report of the seed articles, opened in a real headless Chromium (Debian's, never downloaded)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from presswatch.model import Annotation, Article

from .conftest import TEXTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

#: Test scaffolding, not an extractor: spans for the report to draw whichever layers are installed.
QUOTE_RE = re.compile(r"(?<!\w)['\"\u201c\u2018]([^'\"\u201d\u2019\n]{15,300}?)['\"\u201d\u2019](?!\w)")
NUMBER_RE = re.compile(r"\b\d[\d,]*(?:\.\d+)?(?:\s?(?:million|thousand|per cent|percent|%))?")
LOADED_RE = re.compile(r"\b(bizarre|warmonger|autocrat|brutal|disaster|humiliation|bombastic)\w*", re.I)


def scaffold(article: Article, nlp) -> None:
    for ent in nlp(article.text).ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            article.add(Annotation("entity", ent.label_, ent.start_char, ent.end_char, None, {"canonical": ent.text}))
    for m in QUOTE_RE.finditer(article.text):
        article.add(Annotation("quote", "direct", m.start(1), m.end(1), None, {"speaker": "someone <b>quoted</b>"}))
    for m in NUMBER_RE.finditer(article.text):
        article.add(Annotation("claim", "claim", m.start(), m.end(), None, {"value": m.group(0)}))
    for m in LOADED_RE.finditer(article.text):
        article.add(Annotation("technique", "Loaded_Language", m.start(), m.end(), 0.9))


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, seeds_dir, nlp) -> Path:
    import presswatch
    from presswatch.interop.report import write_report
    from presswatch.store import Store

    work = tmp_path_factory.mktemp("report")
    db = work / "presswatch.duckdb"
    result = presswatch.analyze([seeds_dir], texts=[TEXTS[1]], stages=("nlp.spacy.v1",), db=db, corpus=False)
    assert result.summary.analysed >= 6
    for article in result.articles:
        scaffold(article, nlp)
    with Store(db) as store:
        store.write_articles(result.articles, replace=True)
    return write_report(db, work / "report.html")


def _browser(playwright):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium chromium-driver (see .ci/run)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)


def test_report_browser_renders_the_seeds_with_highlights_and_toggles(seed_report):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    with sync_playwright() as p:
        browser = _browser(p)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(seed_report.as_uri())
            assert page.locator("article.art").count() >= 6
            assert page.locator(".text .l-quote").count() > 0
            assert page.locator(".text .l-entity").count() > 0
            assert page.evaluate("typeof window.__pwned") == "undefined"
            title = page.locator("article.art h2", has_text="Kremlin: 300,000").first.inner_text()
            assert "<script>window.__pwned = 1</script>" in title  # shown as text, not run
            page.screenshot(path=str(ARTIFACTS / "report-overview.png"))
            tech = page.locator(".text .l-technique").first
            tech.scroll_into_view_if_needed()
            before = tech.evaluate("e => getComputedStyle(e).backgroundColor")
            page.locator("input.toggle[data-layer='technique']").uncheck()
            after = tech.evaluate("e => getComputedStyle(e).backgroundColor")
            assert before != after and after in ("rgba(0, 0, 0, 0)", "transparent")
            page.locator("input.toggle[data-layer='technique']").check()
            assert tech.evaluate("e => getComputedStyle(e).backgroundColor") == before
            page.screenshot(path=str(ARTIFACTS / "report-article.png"))
        finally:
            browser.close()
    # one self-contained file: the page asked for nothing but itself
    assert requests == [seed_report.as_uri()]
