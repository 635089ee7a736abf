"""Deeply nested pages: the parser stops 256 levels deep, so the page is re-parsed flattened and the
article inside the nesting is kept (300, 1,000 and 100k levels)."""

from __future__ import annotations

import pytest

from presswatch.ingest import read_paths
from presswatch.ingest.prepare import KEEP_DEPTH, flatten_nesting, parse, too_deep

from tests.ingest.helpers import PARAGRAPHS, plain_page, split


def _nested(depth: int, *, tags: tuple[str, ...] = ("div",)) -> str:
    """Our small news page with its <article> wrapped in ``depth`` levels of the given tags, in turn."""
    head, rest = plain_page("Hosepipe ban for 1.2 million customers", PARAGRAPHS).split("<article>")
    opens = "".join(f"<{tags[k % len(tags)]} class='l{k % 7}'>" for k in range(depth))
    closes = "".join(f"</{tags[k % len(tags)]}>" for k in reversed(range(depth)))
    body, tail = rest.split("</article>")
    return f"{head}{opens}<article>{body}</article>{closes}{tail}"


@pytest.mark.parametrize("depth", [300, 1000, 100_000])
def test_html_deeply_nested_article_is_kept(write, depth):
    records, failures = split(read_paths([write("deep.html", _nested(depth))], max_bytes=1 << 22))
    assert failures == []
    assert PARAGRAPHS[0] in records[0].text and PARAGRAPHS[2] in records[0].text
    assert "Contact us" not in records[0].text  # the footer is still chrome


def test_html_nesting_of_mixed_inline_tags_is_kept(write):
    records, failures = split(read_paths([write("deep.html", _nested(2000, tags=("section", "span", "font", "b")))],
                                         max_bytes=1 << 22))
    assert failures == [] and PARAGRAPHS[1] in records[0].text


def test_html_ordinary_nesting_is_parsed_as_it_is():
    page = _nested(200)
    assert flatten_nesting(page) != page  # past KEEP_DEPTH there is something to flatten ...
    assert not too_deep(parse(page))  # ... but the parser read it all, so parse did not need to


def test_flatten_keeps_markup_inside_scripts_and_comments():
    page = "<html><body>" + "<div>" * (KEEP_DEPTH + 5) + "<script>var s = '<div>';</script><!-- <div> -->"
    flat = flatten_nesting(page)
    assert "<script>var s = '<div>';</script><!-- <div> -->" in flat
    assert flat.count("<div>") == KEEP_DEPTH + 2
