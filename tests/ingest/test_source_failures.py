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


def test_source_truncated_gzip_text_fails(write):
    data = gzip.compress((TEXT_ARTICLE * 200).encode())
    f = _one_failure(read_paths([write("cut.txt.gz", data[: len(data) // 2])], max_bytes=1 << 20))
    assert "truncated gzip" in f.reason


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
