"""The JSONL reader: one article a line, field aliases, path#line, bad lines fail alone."""

from __future__ import annotations

import json

from presswatch.ingest import read_paths

from tests.ingest.helpers import PARAGRAPHS, page, split


def _lines(*objs) -> str:
    return "\n".join(o if isinstance(o, str) else json.dumps(o) for o in objs) + "\n"


def test_jsonl_fields_and_aliases(write):
    path = write("feed.jsonl", _lines(
        {"title": "Hosepipe ban announced", "text": "\n\n".join(PARAGRAPHS), "url": "https://w.example/1",
         "date": "2024-06-02T10:15:00Z", "outlet": "Valley Post"},
        {"headline": "Ferry fares up 8%", "body": ["Fares rise in April.", "Season tickets frozen."],
         "link": "https://w.example/2", "published": "Tue, 04 Jun 2024 08:00:00 GMT",
         "source": {"id": "harbour-news", "name": "Harbour News"}},
        {"Title": "Epoch dated", "Content": "A story with an epoch date.", "published_at": 1717315200,
         "Site": "Epoch Daily"},
    ))
    records, failures = split(read_paths([path], max_bytes=1 << 20))
    assert failures == []
    a, b, c = records
    assert [r.source_path for r in records] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert {r.format for r in records} == {"jsonl"}
    assert a.text == "\n".join(PARAGRAPHS)  # body only, one paragraph a line
    assert a.meta["title"] == "Hosepipe ban announced" and a.meta["outlet"] == "Valley Post"
    assert a.meta["published"] == "2024-06-02T10:15:00+00:00" and a.meta["url"] == "https://w.example/1"
    assert b.text == "Fares rise in April.\nSeason tickets frozen."
    assert b.meta["title"] == "Ferry fares up 8%" and b.meta["outlet"] == "Harbour News"
    assert b.meta["published"] == "2024-06-04T08:00:00+00:00" and b.meta["url"] == "https://w.example/2"
    assert c.meta["published"] == "2024-06-02T08:00:00+00:00" and c.meta["outlet"] == "Epoch Daily"


def test_jsonl_malformed_lines_fail_alone_with_line_numbers(write):
    path = write("mixed.jsonl", _lines(
        {"title": "One", "text": "First good article text."},
        '{"title": "Two", "text": "broken',
        "",
        "[1, 2, 3]",
        {"title": "No body here", "url": "https://x.example"},
        {"title": "Six", "text": "Last good article text."},
    ))
    records, failures = split(read_paths([path], max_bytes=1 << 20))
    assert [r.source_path for r in records] == [f"{path}#1", f"{path}#6"]
    assert [f.source_path for f in failures] == [f"{path}#2", f"{path}#4", f"{path}#5"]
    assert failures[0].reason.startswith("line 2: malformed JSON")
    assert "not a JSON object" in failures[1].reason
    assert "no article text" in failures[2].reason


def test_jsonl_html_field_is_extracted_like_a_page(write):
    html = page("local_council").decode("utf-8")
    path = write("pages.jsonl", _lines({"html": html, "url": "https://gazette.example/schools",
                                        "title": "Schools face closure"}))
    (rec,), failures = split(read_paths([path], max_bytes=1 << 22))
    assert failures == []
    assert rec.format == "jsonl"
    assert rec.text.startswith("Three small primary schools in the west of the county")
    assert "Join the conversation" not in rec.text
    assert rec.meta["title"] == "Schools face closure"  # the record's own field wins over the page
    assert rec.meta["published"] == "2024-03-14" and rec.meta["url"] == "https://gazette.example/schools"


def test_jsonl_content_holding_markup_is_treated_as_html(write):
    html = page("tech_layoffs").decode("utf-8")
    (rec,), _ = split(read_paths([write("c.jsonl", _lines({"content": html}))], max_bytes=1 << 22))
    assert "<p>" not in rec.text and "Veltro, the enterprise software company" in rec.text
    assert rec.meta["title"] == "Veltro to cut 1,200 jobs as cloud growth slows"


def test_jsonl_gz_truncated_yields_complete_lines_then_failure(write):
    lines = [{"title": f"Story {i}", "text": f"Body of story number {i}. " * 40} for i in range(1, 400)]
    import gzip

    data = gzip.compress(_lines(*lines).encode("utf-8"))
    path = write("big.jsonl.gz", data[: len(data) // 2])
    records, failures = split(read_paths([path], max_bytes=1 << 24))
    assert 0 < len(records) < 399
    assert [r.source_path for r in records] == [f"{path}#{i}" for i in range(1, len(records) + 1)]
    assert records[-1].meta["title"] == f"Story {len(records)}"
    assert len(failures) == 1 and "truncated gzip" in failures[0].reason


def test_jsonl_whole_file_json_documents(write):
    arr = json.dumps([{"title": "A", "text": "First article body."}, {"title": "B", "text": "Second article body."}],
                     indent=2)
    api = json.dumps({"status": "ok", "articles": [{"title": "C", "description": "Only a summary here.",
                                                    "source": {"name": "Wire"}}]}, indent=2)
    single = json.dumps({"headline": "D", "articleBody": "A single pretty-printed article."}, indent=2)
    records, failures = split(read_paths([write("a.json", arr), write("b.json", api), write("c.json", single)],
                                         max_bytes=1 << 20))
    assert failures == []
    assert [r.meta["title"] for r in records] == ["A", "B", "C", "D"]
    assert records[1].source_path.endswith("a.json#2") and records[2].meta["outlet"] == "Wire"
    assert records[3].text == "A single pretty-printed article."


def test_jsonl_text_field_of_the_wrong_type_says_so(write):
    path = write("types.jsonl", _lines({"title": "A", "text": 12345}, {"title": "B", "body": True},
                                       {"title": "C", "content": {"id": 7}}))
    records, failures = split(read_paths([path], max_bytes=1 << 20))
    assert records == []
    assert [f.reason for f in failures] == [
        'field "text" has the wrong type: a number (12345), not article text (a string)',
        'field "body" has the wrong type: a boolean (true), not article text (a string)',
        'field "content" has the wrong type: an object ({"id": 7}), not article text (a string)',
    ]


def test_jsonl_malformed_reason_says_where(write):
    path = write("cut.jsonl", _lines({"title": "ok", "text": "Fares rise in April."}, '{"title": "A", "text": "unterminated'))
    _, failures = split(read_paths([path], max_bytes=1 << 20))
    assert failures[0].reason == "line 2: malformed JSON: Unterminated string starting at column 24"


def test_jsonl_broken_first_line_still_reads_the_rest(write):
    broken = '{"title": "A", "text": "unterminated'
    good = {"title": "B", "text": "Fares rise in April."}
    for name in ("first.jsonl", "first.txt"):  # by its name, or by the JSON objects on the next lines
        records, failures = split(read_paths([write(name, _lines(broken, good))], max_bytes=1 << 20))
        assert [r.text for r in records] == ["Fares rise in April."] and records[0].format == "jsonl"
        assert [f.source_path.rsplit("#", 1)[1] for f in failures] == ["1"]
