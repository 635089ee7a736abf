"""The static report: self-contained, escaped, with overview and every article highlighted."""

from __future__ import annotations

import re

from presswatch.interop.report import write_report
from presswatch.web.highlight import render_text
from presswatch.web.schemas import AnnotationOut
from presswatch.web.security import safe_url


def test_report_segments_cut_overlapping_layers_at_every_boundary():
    """The report draws text with the web app's highlighter: overlapping layers cut at every boundary."""
    text = "we will win, we have no other choice"
    quote = AnnotationOut(layer="quote", label="direct", start=0, end=len(text))
    slogan = AnnotationOut(layer="technique", label="Slogans", start=0, end=11)
    html = str(render_text(text, [(0, len(text))], [quote, slogan, AnnotationOut(layer="genre", label="opinion")],
                           links=False))
    segs = re.findall(r'<span class="hl ([^"]*)"[^>]*>([^<]*)</span>', html)
    assert [t for _, t in segs] == ["we will win", ", we have no other choice"]
    assert segs[0][0].split()[:2] == ["l-quote", "l-technique"] and segs[1][0].split() == ["l-quote"]
    no_badges = re.sub(r'<span class="badge[^"]*"[^>]*>[^<]*</span>', "", html)  # technique names after spans
    assert re.sub(r"<[^>]+>", "", no_badges) == text


def test_report_safe_url_refuses_script_urls():
    """One safe_url for the report and the web app: the strict one."""
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JaVaScRiPt:alert(1)") is None
    assert safe_url(None) is None
    assert safe_url('https://example.org/"onmouseover=alert(1)') is None
    assert safe_url("https://example.org/it's") is None
    assert safe_url("https://example.org/\x01a") is None
    assert safe_url("https://exa\tmple.org/") is None


def test_report_links_only_safe_urls(db_copy, tmp_path):
    from presswatch.store import Store

    with Store(db_copy) as store:
        store.con.execute("UPDATE articles SET url = ?", ['https://example.org/"><script>x()</script>'])
    html = write_report(db_copy, tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/' not in html and "<script>x()" not in html


def test_report_is_self_contained_and_escapes_article_text(db_path, tmp_path):
    html = write_report(db_path, tmp_path / "r.html").read_text(encoding="utf-8")
    # hostile title and text appear only escaped
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    # exactly one script: our own toggles
    assert len(re.findall(r"<script\b", html)) == 1
    # nothing is fetched from the network
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<link" not in html


def test_report_shows_overview_and_every_article_with_legend(db_path, built_db, tmp_path):
    html = write_report(db_path, tmp_path / "r.html").read_text(encoding="utf-8")
    for heading in ("Overview", "Outlets", "Most-quoted people", "Stories", "Claims that disagree", "Legend"):
        assert heading in html
    for article in built_db[1]:
        assert f'id="a-{article.id}"' in html
    assert 'class="hl l-quote l-technique' in html
    assert "Alexander Lukashenko</td>" in html  # most-quoted people
    assert 'data-layer="technique"' in html and 'data-layer="quote"' in html


def test_report_lists_conflicts_when_the_corpus_layer_found_some(db_copy, built_db, tmp_path, store_conflicts):
    first, second = built_db[1]
    store_conflicts(db_copy, [("c1", "men <b>mobilised</b>", [
        (first.id, 1000000, "up to 1 million", "Officials"), (second.id, 300000, "300,000", "Dmitry Peskov"),
    ])])
    html = write_report(db_copy, tmp_path / "r.html").read_text(encoding="utf-8")
    section = html.split('id="conflicts"')[1].split("</section>")[0]
    assert "men &lt;b&gt;mobilised&lt;/b&gt;" in section
    assert "Dmitry Peskov" in section and f'href="#a-{second.id}"' in section


def test_report_limit_shows_fewer_articles_but_counts_all(db_path, built_db, tmp_path):
    html = write_report(db_path, tmp_path / "r.html", limit=1).read_text(encoding="utf-8")
    assert html.count('<article class="art"') == 1
    assert "Showing the first 1 of 2 articles." in html
    assert "<b>2</b><span>articles</span>" in html
