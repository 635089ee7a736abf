"""Ingest records flow through presswatch.analyze: origin and metadata reach the Article."""

from __future__ import annotations

import json

import presswatch

from tests.ingest.helpers import PARAGRAPHS, build_warc, page, plain_page


def test_read_paths_metadata_reaches_articles(write, tmp_path):
    write("in/crawl.warc", build_warc([
        ("https://news.example/storm", page("wire_storm"), "200 OK", "text/html"),
        ("https://news.example/water", plain_page("Hosepipe ban for 1.2 million", PARAGRAPHS).encode(), "200 OK",
         "text/html")], dates=["2023-01-17T08:00:00Z", "2024-06-02T10:15:00Z"]))
    write("in/feed.jsonl", json.dumps({"title": "Ferry fares up", "text": "Fares rise by 8% in April, the operator "
                                       "said on Friday.\nSeason tickets are frozen until June.",
                                       "url": "https://h.example/f", "date": "2024-06-04"}) + "\n{bad\n")
    result = presswatch.analyze(tmp_path / "in", stages=(), corpus=False)
    by_path = {a.source_path: a for a in result.articles}
    root = tmp_path / "in"
    storm = by_path[f"{root / 'crawl.warc'}#1"]
    assert storm.title == "Storm Ilse leaves 40,000 homes without power on Baltic coast"
    assert storm.url == "https://news.example/storm" and storm.published == "2023-01-16"
    water = by_path[f"{root / 'crawl.warc'}#2"]
    assert water.published.startswith("2024-06-02")
    ferry = by_path[f"{root / 'feed.jsonl'}#1"]
    assert ferry.title == "Ferry fares up" and ferry.url == "https://h.example/f"
    assert [f.source_path for f in result.summary.failures] == [f"{root / 'feed.jsonl'}#2"]
