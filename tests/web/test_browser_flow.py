"""The web app in a real headless Chromium: overview → article → toggle a layer → search a person → analyze."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from .conftest import TEXTS

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

PASTED = (
    "Governor praises volunteers as convoy leaves\n\n"
    "About 2,000 volunteers left Belgorod on Monday, Governor Vyacheslav Gladkov said in a statement. "
    "'We are proud of every one of them,' Gladkov told reporters outside the station.\n\n"
    "Relatives of the men said they had been given less than a day's notice."
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db, tmp_path_factory):
    """presswatch's app under uvicorn on 127.0.0.1, analysis on, over a copy of the fixture database."""
    from presswatch.web import WebSettings, create_app
    from presswatch.web.analysis import installed_stages

    path, ids = web_db
    copy = tmp_path_factory.mktemp("browser") / "presswatch.duckdb"
    shutil.copy(path, copy)
    stages = tuple(s for s in installed_stages() if s.startswith(("nlp.", "extract.")))
    app = create_app(WebSettings(db=copy, allow_analyze=True, stages=stages, analyze_corpus=False))
    with serve(app) as base:
        yield base, ids


@contextmanager
def serve(app) -> Iterator[str]:
    """The app under uvicorn on a free port of 127.0.0.1, in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium chromium-driver (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    base, _ = server
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def only_local(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            problems.append(f"request off the machine: {route.request.url}")
            route.abort()

    pg.route("**/*", only_local)
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def style(pg, selector: str, prop: str) -> str:
    return pg.eval_on_selector(selector, f"el => getComputedStyle(el).getPropertyValue('{prop}')")


def test_browser_flow_reader_journey(page, server):
    base, ids = server
    pg = page
    # overview with its chart drawn by plotly.js, served from this machine
    pg.goto(base + "/")
    pg.wait_for_selector("#technique-chart .main-svg", timeout=20_000)
    assert pg.locator("#technique-chart .bars path").count() > 0
    shot(pg, "01-overview")

    # open an article from the overview
    pg.click(f'.card a[href="/articles/{ids["kyiv"]}"]')
    pg.wait_for_url(f"**/articles/{ids['kyiv']}")
    assert pg.locator("h1").inner_text() == TEXTS["kyiv"].split("\n")[0]
    tech = ".text .l-technique"
    assert style(pg, tech, "background-image") != "none"
    assert pg.locator(".text .b-quote").first.is_visible()
    shot(pg, "02-article")

    # toggle layers off and on
    pg.uncheck("#tg-technique")
    assert style(pg, tech, "background-image") == "none"
    pg.uncheck("#tg-quote")
    assert not pg.locator(".text .b-quote").first.is_visible()
    assert style(pg, ".text .l-quote", "background-color") in ("rgba(0, 0, 0, 0)", "transparent")
    shot(pg, "03-article-layers-off")
    pg.check("#tg-technique")
    pg.check("#tg-quote")
    assert style(pg, tech, "background-image") != "none"
    assert pg.locator(".text .b-quote").first.is_visible()

    # techniques: named on the span, defined on hover, summarised, hidden below a chosen score
    assert pg.locator(".text .b-technique", has_text="Loaded Language").first.is_visible()
    fear = pg.locator('.text .l-technique[data-score="0.550"]').first
    assert "Appeal to Fear-Prejudice (0.55)" in fear.get_attribute("title")
    assert "Example:" in fear.get_attribute("title")
    summary = pg.locator("#technique-summary")
    assert "2 spans of 2 techniques" in summary.inner_text()
    assert "emotional connotations" in summary.inner_text()
    pg.locator("#tech-threshold").fill("0.6")
    assert pg.locator("#tech-threshold-value").inner_text() == "0.60"
    assert style(pg, '.text .l-technique[data-score="0.550"]', "background-image") == "none"
    assert style(pg, '.text .l-technique[data-score="0.910"]', "background-image") != "none"
    assert not pg.locator('.text .b-technique[data-score="0.550"]').is_visible()
    shot(pg, "03b-article-threshold")
    pg.locator("#tech-threshold").fill("0")
    assert style(pg, '.text .l-technique[data-score="0.550"]', "background-image") != "none"

    # search for a person from the header, then open their page
    pg.fill(".quick input[name=q]", "Sergei Shoigu")
    pg.press(".quick input[name=q]", "Enter")
    pg.wait_for_url("**/search?q=Sergei+Shoigu")
    assert pg.locator(".hits li").count() == 1
    assert pg.locator(".hits mark").first.inner_text().lower() in ("sergei", "shoigu", "sergei shoigu")
    shot(pg, "04-search")
    pg.click("text=See their quotes")
    pg.wait_for_url("**/people/**")
    assert "This is a partial measure and nothing more," in pg.locator("blockquote").first.inner_text()
    shot(pg, "05-person")

    # paste a text on /analyze and see it highlighted
    pg.goto(base + "/analyze")
    pg.fill("#text", PASTED)
    pg.click("button[type=submit]")
    pg.wait_for_url("**/articles/**", timeout=120_000)
    assert pg.locator("h1").inner_text() == "Governor praises volunteers as convoy leaves"
    assert pg.locator(".text .hl").count() > 0
    assert pg.locator(".text .l-quote").count() > 0 or pg.locator(".text .l-entity").count() > 0
    shot(pg, "06-analyzed")

    assert pg.problems == []  # no script errors, no CSP violations, nothing fetched from elsewhere


def test_browser_flow_hostile_article_runs_no_script(page, server):
    base, ids = server
    pg = page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in (f"/articles/{ids['hostile']}", "/", "/conflicts", "/stories/s1", "/search?q=spokesman"):
        pg.goto(base + path)
        pg.wait_for_load_state("load")
    assert pg.evaluate("document.querySelectorAll('img').length") == 0
    assert dialogs == []
    pg.goto(base + "/")
    pg.wait_for_selector("#technique-chart .main-svg", timeout=20_000)
    assert pg.locator("#technique-chart a").count() == 0  # plotly would turn <a href> in a label into a link
    assert '<a href="http://evil.example/">' in pg.locator("#technique-chart").inner_text()
    pg.goto(base + f"/articles/{ids['hostile']}")
    assert "<script>alert(1)</script>" in pg.locator("h1").inner_text()  # shown as words
    shot(pg, "07-hostile-article")
    assert [p for p in pg.problems if "alert" in p] == []
