"""The language filter in a real headless Chromium: choosing Russian on the overview narrows the
article list to the Russian articles, and the search page's language select narrows its hits."""

from __future__ import annotations

import pytest

from .test_browser_flow import browser, page, serve, shot  # noqa: F401 - the browser fixtures
from .test_language_pages import lang_db  # noqa: F401 - the database of our en/ru/de/pl/fr articles

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(lang_db):  # noqa: F811 - the page fixture's server, here over the language database
    from presswatch.web import WebSettings, create_app

    path, ids = lang_db
    with serve(create_app(WebSettings(db=path))) as base:
        yield base, ids


def test_language_browser_filter_narrows_the_list(page, server):  # noqa: F811
    base, ids = server
    pg = page
    pg.goto(base + "/")
    everything = pg.locator("#recent-list li").count()
    assert everything == len(ids)
    assert pg.locator("#recent-list .lang", has_text="ru").count() == 2

    pg.select_option("#language-filter select[name=lang]", "ru")
    pg.click("#language-filter button[type=submit]")
    pg.wait_for_url("**/?lang=ru**")
    items = pg.locator("#recent-list li")
    assert items.count() == 2 < everything
    hrefs = {items.nth(i).locator("a").get_attribute("href") for i in range(items.count())}
    assert hrefs == {f"/articles/{ids['a_ru.txt']}", f"/articles/{ids['c_ru.txt']}"}
    assert pg.locator("#language-filter select[name=lang]").input_value() == "ru"  # the form keeps its choice
    shot(pg, "20-overview-language-ru")

    # the search page: German only
    pg.goto(base + "/search")
    pg.select_option(".search-form select[name=language]", "de")
    pg.click(".search-form button[type=submit]")
    pg.wait_for_url("**language=de**")
    assert pg.locator(".hits li").count() == 1
    assert ids["a_de.txt"] in pg.locator(".hits li h3 a").first.get_attribute("href")
    assert pg.locator(".hits .lang").first.inner_text() == "de"
    assert pg.problems == []
