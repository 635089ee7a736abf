"""Folders are walked recursively in a stable sorted order; hidden entries are skipped; gzip is transparent."""

from __future__ import annotations

import json

from presswatch.ingest import read_paths

from tests.ingest.helpers import PARAGRAPHS, TEXT_ARTICLE, build_warc, page, plain_page, split


def test_source_walk_sorted_recursive_skips_hidden(write, tmp_path):
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "a.txt", ".git/config.txt", "a/.hidden.txt", "c/.cache/x.txt",
                 "A.txt"]:
        write(f"corpus/{name}", TEXT_ARTICLE.replace("Harbour", name))
    root = tmp_path / "corpus"
    got = [r.source_path for r in split(read_paths([root], max_bytes=1 << 20))[0]]
    assert got == [str(root / p) for p in ["A.txt", "a/b/c.txt", "a/z.txt", "a.txt", "b.txt"]]
    again = [r.source_path for r in split(read_paths([str(root)], max_bytes=1 << 20))[0]]
    assert again == got


def test_source_gzip_of_every_format(write):
    warc = build_warc([("https://w.example/", plain_page("Hosepipe ban", PARAGRAPHS).encode(), "200 OK", "text/html")])
    jsonl = json.dumps({"title": "T", "text": "Body text of the article."}) + "\n"
    paths = [write("a.txt.gz", TEXT_ARTICLE, gz=True), write("b.html.gz", page("wire_storm"), gz=True),
             write("c.warc.gz", warc, gz=True), write("d.jsonl.gz", jsonl, gz=True),
             write("e.bin", page("tech_layoffs"), gz=True)]
    records, failures = split(read_paths(paths, max_bytes=1 << 22))
    assert failures == []
    assert [r.format for r in records] == ["text", "html", "warc", "jsonl", "html"]
    assert records[0].text == TEXT_ARTICLE
    assert records[2].source_path == f"{paths[2]}#1" and records[3].source_path == f"{paths[3]}#1"
    assert "Storm Ilse tore" in records[1].text
