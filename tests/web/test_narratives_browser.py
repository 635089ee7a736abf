"""The Narratives page in a real headless Chromium: the plot is drawn (inline SVG, nothing fetched off
the machine), a bar links to that outlet's articles of the narrative, and a legend entry to all of them."""

from __future__ import annotations

import pytest

from .narratives_fixture import HOPELESS, build
from .test_browser_flow import browser, page, server, shot  # noqa: F401 - fixtures shared with the reader's journey

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def web_db(tmp_path_factory):
    """This module's database (the narratives fixture) under the shared server fixture."""
    path = tmp_path_factory.mktemp("narratives-browser") / "presswatch.duckdb"
    return path, build(path)


def test_narratives_browser_plot_renders_and_links(page, server):  # noqa: F811
    base, ids = server
    pg = page
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))  # hostile text must not run
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
    shot(pg, "narratives-01-page")

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
    shot(pg, "narratives-02-article")
    assert pg.problems == []
