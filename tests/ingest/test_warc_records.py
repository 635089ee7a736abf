"""The WARC reader: each HTML 200 response is an article named path#N; damage keeps the good records."""

from __future__ import annotations

from presswatch.ingest import read_paths

from tests.ingest.helpers import PARAGRAPHS, build_warc, page, plain_page, split

UNDATED = plain_page("Hosepipe ban for 1.2 million customers", PARAGRAPHS).encode("utf-8")


def _three_pages(**kw) -> bytes:
    return build_warc([
        ("https://news.example/storm", page("wire_storm"), "200 OK", "text/html; charset=windows-1252"),
        ("https://news.example/gone", b"<html><body>Not found</body></html>", "404 Not Found", "text/html"),
        ("https://news.example/water", UNDATED, "200 OK", "text/html; charset=utf-8"),
        ("https://news.example/feed.json", b'{"items": []}', "200 OK", "application/json"),
        ("https://news.example/council", page("local_council"), "200 OK", "text/html"),
    ], dates=["2023-01-17T08:00:00Z", "2023-01-17T08:01:00Z", "2024-06-02T10:15:00Z", "2024-06-02T10:16:00Z",
              "2024-06-02T10:17:00Z"], **kw)


def test_warc_html_responses_become_numbered_articles(write):
    path = write("crawl.warc", _three_pages())
    records, failures = split(read_paths([path], max_bytes=1 << 24))
    assert failures == []
    assert [r.source_path for r in records] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert {r.format for r in records} == {"warc"}
    assert [r.meta["url"] for r in records] == [
        "https://news.example/storm", "https://news.example/water", "https://news.example/council"]
    assert "Storm Ilse tore along the southern Baltic coast" in records[0].text  # windows-1252 decoded
    assert records[0].meta["title"] == "Storm Ilse leaves 40,000 homes without power on Baltic coast"


def test_warc_date_used_only_when_the_page_has_none(write):
    records, _ = split(read_paths([write("crawl.warc", _three_pages())], max_bytes=1 << 24))
    assert records[0].meta["published"] == "2023-01-16"  # from the page, not the crawl
    assert records[1].meta["published"].startswith("2024-06-02T10:15:00")  # from WARC-Date
    assert records[2].meta["published"] == "2024-03-14"


def test_warc_gz_reads_like_plain_warc(write):
    plain = split(read_paths([write("a.warc", _three_pages())], max_bytes=1 << 24))[0]
    gz = split(read_paths([write("b.warc.gz", _three_pages(gz=True))], max_bytes=1 << 24))[0]
    assert [r.text for r in gz] == [r.text for r in plain]


def test_warc_truncated_yields_good_records_then_failure(write):
    data = _three_pages()
    cut = data.rfind(b"Three small primary schools")  # inside the last article's payload
    path = write("cut.warc", data[:cut])
    records, failures = split(read_paths([path], max_bytes=1 << 24))
    assert [r.source_path for r in records] == [f"{path}#1", f"{path}#2"]
    assert len(failures) == 1 and failures[0].source_path == str(path)
    assert "damaged WARC" in failures[0].reason and "after #2" in failures[0].reason


def test_warc_gz_truncated_yields_good_records_then_failure(write):
    data = _three_pages(gz=True)
    path = write("cut.warc.gz", data[: len(data) - 2500])
    records, failures = split(read_paths([path], max_bytes=1 << 24))
    assert [r.source_path for r in records] == [f"{path}#1", f"{path}#2"]
    assert len(failures) == 1 and "truncated gzip" in failures[0].reason


def test_warc_without_html_responses_is_a_failure(write):
    data = build_warc([("https://x.example/a.json", b"{}", "200 OK", "application/json")])
    records, failures = split(read_paths([write("api.warc", data)], max_bytes=1 << 24))
    assert records == [] and "no HTML responses" in failures[0].reason


def test_warc_page_without_text_fails_alone(write):
    shell = b"<html><head><title>App</title></head><body><div id='root'></div><script>boot()</script></body></html>"
    data = build_warc([("https://x.example/app", shell, "200 OK", "text/html"),
                       ("https://x.example/water", UNDATED, "200 OK", "text/html")], extras=False)
    path = write("mixed.warc", data)
    records, failures = split(read_paths([path], max_bytes=1 << 24))
    assert [f.source_path for f in failures] == [f"{path}#1"]
    assert [r.source_path for r in records] == [f"{path}#2"]
