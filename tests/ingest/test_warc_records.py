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
    assert len(failures) == 1 and failures[0].source_path == f"{path}#3"  # the cut article, by its number
    assert "damaged WARC record" in failures[0].reason and "short of its Content-Length" in failures[0].reason


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


def _five_pages(*, gz: bool) -> tuple[bytes, list[str]]:
    """A WARC of 5 article responses (no other records) and the phrase each article holds."""
    topics = ["harbour wall", "tram depot", "school roof", "river bridge", "bus lanes"]
    pages = [(f"https://news.example/{k}", plain_page(f"Council votes on the {t}", [
        f"The council voted on Tuesday to spend 4.{k} million on the {t}, after a debate of three hours.",
        f"Residents near the {t} said the works had been promised since 2019 and asked for a timetable.",
        f"The leader of the opposition said the {t} plan was rushed and would cost more than announced.",
    ]).encode("utf-8"), "200 OK", "text/html; charset=utf-8") for k, t in enumerate(topics)]
    return build_warc(pages, gz=gz, extras=False), topics


def _lie_about_length(data: bytes, record: int, delta: int) -> bytes:
    """The WARC with the Content-Length of its record-th record (1-based) changed by delta."""
    import re

    heads = [m for m in re.finditer(rb"Content-Length: (\d+)\r\n", data)]
    warc_heads = [m for m in heads if data.rfind(b"WARC/1.", 0, m.start()) > data.rfind(b"HTTP/1.1", 0, m.start())]
    m = warc_heads[record - 1]
    return data[: m.start(1)] + str(int(m.group(1)) + delta).encode() + data[m.end(1):]


def _gz_lie(record: int, delta: int) -> tuple[bytes, list[str]]:
    """The 5-page WARC, its record-th record lying by delta, then gzipped one member per record."""
    import gzip
    import re

    data, topics = _five_pages(gz=False)
    data = _lie_about_length(data, record, delta)
    starts = [m.start() for m in re.finditer(rb"^WARC/1\.", data, re.M)] + [len(data)]
    return b"".join(gzip.compress(data[a:b]) for a, b in zip(starts, starts[1:])), topics


def test_warc_gz_record_with_lying_length_loses_only_itself(write):
    for delta in (+400, -400):
        data, topics = _gz_lie(2, delta)
        path = write(f"lie{delta}.warc.gz", data)
        records, failures = split(read_paths([path], max_bytes=1 << 24))
        assert [r.source_path for r in records] == [f"{path}#1", f"{path}#3", f"{path}#4", f"{path}#5"]
        assert [t for t in topics if any(t in r.text for r in records)] == [topics[0]] + topics[2:]
        assert [f.source_path for f in failures] == [f"{path}#2"]
        assert "damaged WARC record 2" in failures[0].reason and "Content-Length" in failures[0].reason


def test_plain_warc_resyncs_at_the_next_warc_header_line(write):
    data, topics = _five_pages(gz=False)
    path = write("lie.warc", _lie_about_length(data, 2, 5000))  # swallows record 3's start and more
    records, failures = split(read_paths([path], max_bytes=1 << 24))
    assert [r.source_path for r in records] == [f"{path}#1", f"{path}#3", f"{path}#4", f"{path}#5"]
    assert [f.source_path for f in failures] == [f"{path}#2"]


def test_warc_gz_corrupt_member_loses_only_its_record(write):
    import gzip
    import re

    data, topics = _five_pages(gz=False)
    starts = [m.start() for m in re.finditer(rb"^WARC/1\.", data, re.M)] + [len(data)]
    members = [bytearray(gzip.compress(data[a:b])) for a, b in zip(starts, starts[1:])]
    members[3][len(members[3]) // 2] ^= 0xFF  # a bit flip inside the 4th record's deflate data
    path = write("flip.warc.gz", b"".join(members))
    records, failures = split(read_paths([path], max_bytes=1 << 24))
    # the member's output is lost with it, so the article numbers after it close up
    assert [t for t in topics if any(t in r.text for r in records)] == topics[:3] + topics[4:]
    assert [f.source_path for f in failures] == [str(path)]
    assert "records lost" in failures[0].reason and "corrupt gzip member" in failures[0].reason


def test_warc_damaged_first_header_line_is_one_failure(write):
    data, topics = _five_pages(gz=False)
    assert data.startswith(b"WARC/1.")
    path = write("head.warc", b"WARC/1.x" + data[8:])
    records, failures = split(read_paths([path], max_bytes=1 << 24))
    assert [t for t in topics if any(t in r.text for r in records)] == topics[1:]
    assert [f.source_path for f in failures] == [str(path)] and "at byte 0" in failures[0].reason
