"""One outlet name per site: the registrable domain, site names that are menus, subdomains or
handles, and one spelling per outlet across a corpus. The pages are our own."""

from __future__ import annotations

import pytest

from presswatch.clean.meta import normalize_outlet, outlet_spellings, registrable_domain

BODY = "".join(f"<p>Paragraph {i} of a report about the council budget, with enough words to count as text.</p>"
               for i in range(6))


def page(url: str, site_name: str | None, title: str = "Council approves the budget") -> str:
    og = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    return (f'<!doctype html><html><head><title>{title}</title>{og}<meta property="og:url" content="{url}">'
            f'<link rel="canonical" href="{url}"></head><body><article><h1>{title}</h1>{BODY}</article></body></html>')


@pytest.mark.parametrize("url, domain", [
    ("https://hosted.ap.org/article/1", "ap.org"),
    ("https://www.space.com/x", "space.com"),
    ("https://news.bbc.co.uk/a", "bbc.co.uk"),
    ("phys.org/news/2022", "phys.org"),
    ("http://127.0.0.1:8000/a", None),
    ("not a url", None),
    (None, None),
])
def test_meta_outlets_registrable_domain(url, domain):
    assert registrable_domain(url) == domain


@pytest.mark.parametrize("site, url, outlet", [
    ("Hosted", "https://hosted.ap.org/article/1", "AP"),                   # a subdomain is not the outlet
    ("Space", "https://www.space.com/mars", "Space.com"),                # the bare label, capitalised
    ("Phys", "https://phys.org/news/2022-09-x.html", "Phys.org"),
    ("SputnikInt", "https://sputnikinternational.com/x", "Sputnik International"),  # a handle, spelled out
    ("Autoracing | F1 | Indy | MotoGP | StockCar", "https://www.autoracing1.com/x", "Autoracing1.com"),  # a menu
    ("News | Sport | Weather", None, None),
    ("PolitiFact", "https://www.politifact.com/factchecks/x", "PolitiFact"),  # a spelling that adds word breaks stays
    ("Kyiv Independent", "https://kyivindependent.com/x", "Kyiv Independent"),
    ("MailOnline", "https://www.dailymail.co.uk/news/x", "Daily Mail"),
    (None, "https://www.theguardian.com/world/x", "The Guardian"),
    (None, "https://regional-herald.net/x", "Regional-herald.net"),
    ("Meduza", None, "Meduza"),
])
def test_meta_outlets_site_name_and_url(site, url, outlet):
    assert normalize_outlet(site, url) == outlet


def test_meta_outlets_one_spelling_per_outlet():
    got = outlet_spellings({"Inexhibitmagazine": 3, "Inexhibit magazine": 1, "Politifact": 2, "PolitiFact": 1,
                            "Politifact.com": 4, "Phys": 1, "Phys.org": 1, "BBC": 5, "bbc": 1, "Reuters": 1})
    assert {got["Inexhibitmagazine"], got["Inexhibit magazine"]} == {"Inexhibit magazine"}
    assert {got["Politifact"], got["PolitiFact"], got["Politifact.com"]} == {"PolitiFact"}
    assert got["Phys"] == "Phys.org"
    assert got["bbc"] == "BBC" and got["Reuters"] == "Reuters"  # the more frequent of equal spellings


def test_meta_outlets_pages_through_ingest_and_store(tmp_path):
    """Our own pages, ingested and cleaned, then stored: one outlet per site across the corpus."""
    from presswatch.clean import clean_record
    from presswatch.ingest import read_paths
    from presswatch.store import Store
    from presswatch.store.outlets import unify_outlets

    pages = {
        "ap.html": page("https://hosted.ap.org/article/budget-1", "Hosted"),
        "menu.html": page("https://www.autoracing1.com/race", "Autoracing | F1 | Indy | MotoGP | StockCar",
                          title="Verstappen wins in the rain"),
        "ix1.html": page("https://www.inexhibit.com/a", "Inexhibitmagazine", title="A museum reopens"),
        "ix2.html": page("https://www.inexhibit.com/b", "Inexhibit magazine", title="A gallery closes"),
        "pf1.html": page("https://www.politifact.com/x", "Politifact", title="Claim rated false"),
        "pf2.html": page("https://www.politifact.com/y", "PolitiFact", title="Claim rated true"),
    }
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    articles = [clean_record(r) for r in read_paths([tmp_path], max_bytes=10_000_000)]
    by_file = {a.source_path.rsplit("/", 1)[-1]: a for a in articles}
    assert by_file["ap.html"].outlet == "AP"
    assert by_file["menu.html"].outlet == "Autoracing1.com"
    with Store(tmp_path / "presswatch.duckdb") as store:
        store.write_articles(articles)
        renames = unify_outlets(store, articles)
        assert renames == {"Inexhibitmagazine": "Inexhibit magazine", "Politifact.com": "PolitiFact"}
        names = [r[0] for r in store.con.execute("SELECT DISTINCT outlet FROM articles ORDER BY 1").fetchall()]
    assert names == ["AP", "Autoracing1.com", "Inexhibit magazine", "PolitiFact"]
    assert by_file["pf1.html"].outlet == "PolitiFact"  # the run's articles (exported) say the same
