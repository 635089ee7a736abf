"""Reader for HTML pages: main text via trafilatura, title/date/outlet/url from the page metadata."""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from typing import Any, Iterator

from ..model import Failure, RawRecord
from .decode import decode
from .prepare import parse, prepare, split_title, too_deep
from .resources import HEAD_LINES, MIN_BODY_CHARS, TABLE_RULE
from .source import Blob, damage_meta

#: trafilatura/htmldate log every page they find odd; one bad page is our Failure, not their warning.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.ERROR)

#: Options for trafilatura: comments are reader talk, not the article.
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "with_metadata": True,
    "deduplicate": False,
}

NO_TEXT = "HTML page has no extractable main text (trafilatura found no article body)"
TOO_DEEP = ("HTML page nests its elements deeper than the parser can read, even flattened; "
            "the text it found is too short for an article")


#: Elements whose content is code or embedded pages, never article text.
ACTIVE_TAGS = ("script", "style", "noscript", "iframe", "template", "object", "embed")


def drop_active_content(tree: Any) -> None:
    """Remove scripts, styles and frames (keeping JSON-LD, which carries the publication date)."""
    for el in list(tree.iter(*ACTIVE_TAGS)):
        if el.tag == "script" and (el.get("type") or "").strip().lower() == "application/ld+json":
            continue
        if el.getparent() is not None:
            el.drop_tree()


def extract_page(html: str, *, url: str | None = None) -> tuple[str, dict[str, str]] | str:
    """The article body (paragraphs separated by "\\n") and page metadata, or a reason it failed."""
    import trafilatura

    tree = parse(html)
    if tree is None:
        return "HTML page could not be parsed"
    drop_active_content(tree)
    headline, site = split_title(tree)
    prepare(tree)
    doc = None
    try:
        for recall in (False, True):  # a second, recall-oriented pass before giving up on a short page
            doc = trafilatura.bare_extraction(deepcopy(tree), url=url, favor_recall=recall, **EXTRACT_OPTIONS)
            if doc is not None and (doc.text or "").strip():
                break
    except Exception as exc:  # noqa: BLE001 - a page trafilatura chokes on is one Failure
        return f"HTML extraction failed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    title = _clean(doc.title) if doc is not None else None
    if headline and (not title or (title != headline and title.startswith(headline))):
        title = headline
    body = _paragraphs(doc.text or "", title) if doc is not None else ""
    if len(body) < MIN_BODY_CHARS:
        return TOO_DEEP if too_deep(tree) else NO_TEXT
    meta = {
        "title": title,
        "published": _clean(doc.date),
        "outlet": _clean(doc.sitename) or site,
        "url": _clean(doc.url) or url,
        "author": _clean(doc.author),
        "description": _clean(doc.description),
    }
    return body, {k: v for k, v in meta.items() if v}


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _table_row(line: str) -> str | None:
    """A trafilatura markdown table row as plain cells ("a | b"); None for the |---| rule line."""
    if TABLE_RULE.match(line):
        return None
    if line.startswith("|") and line.endswith("|"):
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line[1:-1])]
        return " | ".join(c for c in cells if c)
    return line


def _paragraphs(text: str, title: str | None) -> str:
    """One paragraph a line: list markers and table pipes dropped, and the headline dropped when
    trafilatura repeats it at the top (it is metadata, kept in meta). A repeated description is kept:
    many sites use the lede paragraph itself as their description."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lines = [line[2:].strip() if line.startswith("- ") else line for line in lines]
    lines = [row for row in map(_table_row, lines) if row]
    repeated = {" ".join(title.split()).casefold()} if title else set()
    head = [line for line in lines[:HEAD_LINES] if " ".join(line.split()).casefold() not in repeated]
    return "\n".join(head + lines[HEAD_LINES:])


def html_record(source_path: str, html: str, *, fmt: str, url: str | None = None,
                extra: dict[str, str] | None = None, fallback: dict[str, str] | None = None) -> RawRecord | Failure:
    """A body-only record for one page; ``extra`` overrides page metadata, ``fallback`` fills its gaps."""
    got = extract_page(html, url=url)
    if isinstance(got, str):
        return Failure(source_path, "ingest", got)
    body, meta = got
    meta = {**(fallback or {}), **meta, **(extra or {}), "format": fmt}
    return RawRecord(source_path, body, fmt, meta)


def read_html(blob: Blob) -> Iterator[RawRecord | Failure]:
    """One record for an HTML file (a damaged gzip keeps the page that decompressed, with a warning)."""
    yield html_record(blob.source_path, decode(blob.data), fmt="html", extra=damage_meta(blob))
