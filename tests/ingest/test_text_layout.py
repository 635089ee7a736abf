"""The plain-text reader keeps the whole title⏎⏎body file, decoded but unrepaired."""

from __future__ import annotations

from presswatch.ingest import read_paths, record_from_text

from tests.ingest.helpers import TEXT_ARTICLE, split


def test_text_reads_whole_file_in_title_body_layout(write):
    path = write("ferry.txt", TEXT_ARTICLE)
    records, failures = split(read_paths([path], max_bytes=1 << 20))
    assert failures == []
    assert [r.format for r in records] == ["text"]
    assert records[0].text == TEXT_ARTICLE
    assert records[0].source_path == str(path)


def test_text_keeps_mojibake_for_the_clean_layer(write):
    damaged = "Talks stall ‚ÄĒ again\n\nMinisters met for a third day ‚ÄĒ without a deal.\n"
    records, _ = split(read_paths([write("moji.txt", damaged)], max_bytes=1 << 20))
    assert records[0].text == damaged


def test_text_strips_utf8_bom_and_decodes_cp1252(write):
    bom = write("bom.txt", b"\xef\xbb\xbf" + TEXT_ARTICLE.encode("utf-8"))
    cp = write("cp.txt", "Caf\u00e9 owners \u2013 \u201cangry\u201d\n\nThe caf\u00e9 owners said rents had doubled.\n".encode("cp1252"))
    (a, b), failures = split(read_paths([bom, cp], max_bytes=1 << 20))
    assert failures == []
    assert a.text == TEXT_ARTICLE
    assert "caf\u00e9 owners said" in b.text and "\u201cangry\u201d" in b.text


def test_text_record_from_memory():
    rec = record_from_text(TEXT_ARTICLE, source_path="<text>#0")
    assert (rec.format, rec.text, rec.source_path) == ("text", TEXT_ARTICLE, "<text>#0")
