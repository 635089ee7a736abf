"""Formats are sniffed from content, not from the file name."""

from __future__ import annotations

import json

import pytest

from presswatch.ingest import read_paths
from presswatch.ingest.sniff import binary_reason, sniff

from tests.ingest.helpers import PARAGRAPHS, TEXT_ARTICLE, build_warc, page, plain_page, split


@pytest.mark.parametrize("data, expected", [
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    (b'\n\n{"title": "x", "text": "y"}\n{"title": "z"}\n', "jsonl"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    (b"  <html lang='en'><head></head></html>", "html"),
    (b"<!-- saved page -->\n<div class='story'><p>A paragraph.</p></div>", "html"),
    (b"Headline with <b> in it\n\nBody mentions a <tag> once.", "text"),
    (b'{not json at all}\n\nbody', "text"),
    (b'["a", "list"]\n', "text"),
    (TEXT_ARTICLE.encode("utf-8"), "text"),
])
def test_sniff_format_from_content(data, expected):
    assert sniff(data, "whatever.txt") == expected


def test_sniff_jsonl_with_a_first_line_longer_than_the_sniff_window():
    line = json.dumps({"title": "Long", "text": "word " * 5000}).encode()
    assert sniff(line + b"\n" + line, "x.data") == "jsonl"


def test_sniff_html_fragment_needs_an_html_name():
    frag = b"<span>Breaking:</span> council leader resigns"
    assert sniff(frag, "x.txt") == "text"
    assert sniff(frag, "x.htm") == "html"


@pytest.mark.parametrize("name, data, fmt", [
    ("page.txt", page("opinion_energy"), "html"),
    ("crawl.data", build_warc([("https://w.example/", plain_page("Hosepipe ban", PARAGRAPHS).encode(), "200 OK",
                                "text/html")]), "warc"),
    ("feed.txt", json.dumps({"title": "T", "text": "Body text of the article."}).encode() + b"\n", "jsonl"),
    ("article.html", TEXT_ARTICLE.encode(), "text"),
    ("noext", page("wire_storm"), "html"),
])
def test_sniff_wrong_extension_reads_by_content(write, name, data, fmt):
    records, failures = split(read_paths([write(name, data)], max_bytes=1 << 22))
    assert failures == []
    assert records and {r.format for r in records} == {fmt}


@pytest.mark.parametrize("data, word", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00\x00\x00", "zip"),
    (b"%PDF-1.7\n", "PDF"),
    (b"abc\x00\x00\x01\x02def" * 20, "NUL"),
    (bytes(range(1, 32)) * 10, "control"),
])
def test_sniff_binary_reasons(data, word):
    assert word in (binary_reason(data) or "")


def test_sniff_utf16_text_is_not_binary():
    data = "\ufeffTitle\n\nBody text.".encode("utf-16-le")
    assert binary_reason(data) is None
