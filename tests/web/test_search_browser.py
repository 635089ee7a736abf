"""The search page in a real headless Chromium: the form's query, filters and sort, highlighted
snippets, a query it cannot read, and hostile text that stays text."""

from __future__ import annotations

import pytest

from .test_browser_flow import browser, page, server, shot  # noqa: F401 - fixtures shared with the reader's journey

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_search_browser_form_filters_sort_and_messages(page, server):  # noqa: F811
    base, ids = server
    pg = page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(base + "/search")
    pg.fill(".search-form input[name=q]", "reservist")
    pg.click(".search-form button[type=submit]")
    pg.wait_for_url("**/search?q=reservist**")
    assert pg.locator(".hits li").count() == 1
    assert pg.locator(".hits mark").first.inner_text().lower() == "reservists"  # the plural, found by its stem
    assert ids["kyiv"] in pg.locator(".hits li h3 a").first.get_attribute("href")
    shot(pg, "08-search-stemmed")

    # every article that says "said", newest first, then only one outlet's
    pg.fill(".search-form input[name=q]", "said")
    pg.select_option(".search-form select[name=sort]", "date")
    pg.click(".search-form button[type=submit]")
    pg.wait_for_url("**sort=date**")
    assert pg.locator(".hits li").count() == 3
    pg.select_option(".search-form select[name=outlet]", "Meduza")
    pg.click(".search-form button[type=submit]")
    pg.wait_for_url("**outlet=Meduza**")
    assert pg.locator(".hits li").count() == 1
    assert pg.locator(".search-form select[name=sort]").input_value() == "date"  # the form keeps its choices

    # a query the index cannot read: a message, the form still there
    pg.goto(base + "/search")
    pg.fill(".search-form input[name=q]", '"two days without')
    pg.click(".search-form button[type=submit]")
    pg.wait_for_load_state("load")
    assert "quotation mark is not closed" in pg.locator("[role=alert]").inner_text()
    assert pg.locator(".search-form input[name=q]").input_value() == '"two days without'
    shot(pg, "09-search-message")

    # hostile text in a snippet is shown as words and runs nothing
    pg.goto(base + "/search?q=spokesman")
    snippet = pg.locator(".hits .snippet").first.inner_text()
    assert "<script>alert('text')</script>" in snippet
    assert pg.locator(".hits .snippet script").count() == 0 and dialogs == []
    assert pg.problems == []
