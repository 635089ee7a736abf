"""The Narratives page in a real headless Chromium: the plot is drawn (inline SVG, nothing fetched off
the machine), a bar links to that outlet's articles of the narrative, and a legend entry to all of them."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from .narratives_fixture import HOPELESS, build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from presswatch.web import WebSettings, create_app

    path = tmp_path_factory.mktemp("narratives-browser") / "presswatch.duckdb"
    ids = build(path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(WebSettings(db=path)), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ids
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


def test_narratives_browser_plot_renders_and_links(browser, server):
    base, ids = server
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))  # hostile text must not run

    def only_local(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            problems.append(f"request off the machine: {route.request.url}")
            route.abort()

    pg.route("**/*", only_local)
    try:
        pg.goto(base + "/")
        pg.click('nav a[href="/narratives"]')
        pg.wait_for_url("**/narratives")
        chart = pg.locator("#by-outlet svg.narrative-chart")
        assert chart.is_visible()
        bars = pg.locator("#by-outlet svg.narrative-chart rect")
        assert bars.count() >= 3  # RT, Kyiv Post, Local Gazette
        box = bars.first.bounding_box()
        assert box and box["width"] > 20 and box["height"] > 5  # drawn, not an empty element
        assert pg.locator("#by-week svg.narrative-chart rect").count() >= 3
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "narratives-01-page.png"), full_page=True)

        # a bar: that outlet's articles pushing that narrative
        pg.locator(f'#by-outlet svg a rect[data-narrative="{HOPELESS}"]').first.click()
        pg.wait_for_url("**/narratives?narrative=*outlet=RT*")
        items = pg.locator("#narrative-articles li a")
        assert items.count() == 1 and items.first.get_attribute("href") == f"/articles/{ids['rt']}"

        # the legend: every article pushing it, then on to the article with its narratives
        pg.goto(base + "/narratives")
        pg.locator("#by-outlet .narrative-legend a", has_text=HOPELESS).click()
        pg.wait_for_url("**/narratives?narrative=*")
        assert "outlet=" not in pg.url
        pg.locator("#narrative-articles li a").first.click()
        pg.wait_for_url(f"**/articles/{ids['rt']}")
        assert "Situation in Ukraine is hopeless" in pg.locator("#narratives").inner_text()
        outline = pg.eval_on_selector(".text .l-role.role-antagonist", "el => getComputedStyle(el).boxShadow")
        assert outline != "none"
        pg.uncheck("#tg-role")
        assert pg.eval_on_selector(".text .l-role.role-antagonist", "el => getComputedStyle(el).boxShadow") == "none"
        pg.screenshot(path=str(ARTIFACTS / "narratives-02-article.png"), full_page=True)
    finally:
        ctx.close()
    assert problems == []
