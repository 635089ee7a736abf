"""Bad input never stops a run: each problem is one Failure(source_path, "ingest", reason)."""

from __future__ import annotations

import gzip
import os

import pytest

from presswatch.ingest import read_paths

from tests.ingest.helpers import TEXT_ARTICLE, split


def _one_failure(items):
    records, failures = split(items)
    assert records == [] and len(failures) == 1
    assert failures[0].stage == "ingest" and "\n" not in failures[0].reason
    return failures[0]


def test_source_empty_and_blank_files(write):
    assert _one_failure(read_paths([write("empty.txt", b"")], max_bytes=100)).reason == "empty file"
    assert "empty" in _one_failure(read_paths([write("blank.txt", b" \n\t\n")], max_bytes=100)).reason
    assert "empty" in _one_failure(read_paths([write("e.txt.gz", b"", gz=True)], max_bytes=100)).reason


@pytest.mark.parametrize("name, data, word", [
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(200), "PNG"),
    ("archive.jsonl", b"PK\x03\x04" + os.urandom(200), "zip"),
    ("blob.html", b"\x00\x01\x02\x03" * 100, "binary"),
])
def test_source_binary_files(write, name, data, word):
    assert word in _one_failure(read_paths([write(name, data)], max_bytes=1 << 20)).reason


def test_source_file_over_max_bytes(write):
    path = write("big.txt", TEXT_ARTICLE * 50)
    f = _one_failure(read_paths([path], max_bytes=1000))
    assert f.source_path == str(path) and "size limit of 1,000 bytes" in f.reason


def test_source_gzip_over_max_bytes_after_decompression(write):
    path = write("bomb.txt.gz", b"a" * 5_000_000, gz=True)
    assert path.stat().st_size < 10_000
    f = _one_failure(read_paths([path], max_bytes=100_000))
    assert "gzip content is over the size limit" in f.reason


def _cut_gzip(raw: bytes, readable: int) -> bytes:
    """The shortest head of gzip(raw) that decompresses to at least ``readable`` bytes."""
    import zlib

    data = gzip.compress(raw)
    for cut in range(20, len(data)):
        if len(zlib.decompressobj(wbits=31).decompress(data[:cut])) >= readable:
            return data[:cut]
    raise AssertionError("never readable")


def _long_article() -> str:
    lines = [f"Line {k}: the ferry operator said crossing {k * 7} carried {k * 13 + 5} passengers on day {k}."
             for k in range(60)]
    return TEXT_ARTICLE + "\n".join(lines) + "\n"


def test_source_truncated_gzip_text_keeps_the_readable_prefix_with_a_warning(write):
    raw = _long_article().encode()
    records, failures = split(read_paths([write("cut.txt.gz", _cut_gzip(raw, 1842))], max_bytes=1 << 20))
    assert failures == [] and len(records) == 1
    text = records[0].text
    assert len(text) >= 1842 and raw.decode().startswith(text)
    assert "truncated gzip" in records[0].meta["damage"] and f"kept the {len(text):,} bytes" in records[0].meta["damage"]


def test_source_truncated_gzip_html_keeps_the_page(write):
    from tests.ingest.helpers import PARAGRAPHS, plain_page

    raw = plain_page("Hosepipe ban for 1.2 million customers", PARAGRAPHS).encode()
    cut = _cut_gzip(raw, raw.index(b"</article>"))  # the footer and closing tags are lost
    records, failures = split(read_paths([write("cut.html.gz", cut)], max_bytes=1 << 20))
    assert failures == [] and PARAGRAPHS[2][:60] in records[0].text
    assert "truncated gzip" in records[0].meta["damage"]


def test_source_gzip_resumes_after_a_corrupt_member(write):
    first, second = b"first member holds this line\n" * 20, b"second member holds that line\n" * 20
    bad = bytearray(gzip.compress(b"lost member " * 300))
    bad[len(bad) // 2] ^= 0x55
    from presswatch.ingest.source import load

    blob = load(write("three.txt.gz", gzip.compress(first) + bytes(bad) + gzip.compress(second)), max_bytes=1 << 20)
    assert blob.data.startswith(first) and blob.data.endswith(second)
    assert len(blob.breaks) == 1 and "corrupt gzip member" in blob.breaks[0][1]


def test_source_missing_and_broken_paths(tmp_path):
    missing = tmp_path / "nope.txt"
    assert _one_failure(read_paths([missing], max_bytes=100)).reason == "no such file or folder"
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "gone")
    assert _one_failure(read_paths([link], max_bytes=100)).source_path == str(link)


def test_source_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "not a regular file" in _one_failure(read_paths([fifo], max_bytes=100)).reason


def test_source_failures_do_not_stop_the_run(write, tmp_path):
    paths = [write("a.txt", TEXT_ARTICLE), tmp_path / "missing.txt", write("b.txt", b""),
             write("c.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50), write("d.txt", TEXT_ARTICLE.replace("8%", "9%"))]
    records, failures = split(read_paths(paths, max_bytes=1 << 20))
    assert [r.source_path for r in records] == [str(paths[0]), str(paths[4])]
    assert len(failures) == 3
