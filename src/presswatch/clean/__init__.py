"""Clean: the only place text changes. Everything removed is kept with the reason.

``clean_record`` turns a raw record into an Article: encoding repaired (encoding.py), the text
split into title and paragraphs (layout.py), site chrome and repeated paragraphs set aside
(chrome.py, duplicates.py), title / date / outlet taken from the header and footer (meta.py).
Metadata the container gave (``RawRecord.meta``) wins over what the chrome says.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Mapping

from ..model import Article, RawRecord, Removed
from .byline import byline_date, find_bylines
from .chrome import Finding, find_chrome, find_datelines
from .dates import parse_date, parse_dateline
from .duplicates import find_duplicates
from .encoding import repair_text
from .layout import split_layout
from .meta import TitleParts, find_outlet, normalize_outlet, split_title, untruncated_title

__all__ = ["clean_record", "repair_text", "find_chrome", "find_duplicates", "find_datelines"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MAX_ROUNDS = 4


def _meta_str(meta: Mapping[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    value = " ".join(repair_text(str(value)).split())
    return value or None


def _meta_published(meta: Mapping[str, Any]) -> str | None:
    raw = _meta_str(meta, "published")
    if raw is None:
        return None
    if _ISO_DATE.match(raw):
        try:  # one spelling of ISO 8601 ("2022-09-27 09:35:00" -> "2022-09-27T09:35:00")
            return datetime.fromisoformat(raw).isoformat() if len(raw) > 10 else raw
        except ValueError:
            return raw
    # a human date from a container ("27 September 2022 09:35") is brought to ISO 8601
    return parse_dateline(raw) or parse_date(raw)


def _banner_title(paragraphs: tuple[str, ...]) -> TitleParts | None:
    """The headline of the first aggregator banner in a body that came without a title."""
    for p in paragraphs:
        parts = split_title(p)
        if parts.title and any(r.reason == "title-suffix" for r in parts.removed):
            return parts
    return None


def _chrome_date(paragraphs: tuple[str, ...], reasons: dict[int, str]) -> str | None:
    """The publication date a banner or dateline removed as chrome carries."""
    for i in sorted(reasons):
        if reasons[i] == "chrome:banner" and (date := split_title(paragraphs[i]).published):
            return date
    for i in sorted(reasons):
        if reasons[i] == "chrome:dateline" and (date := parse_dateline(paragraphs[i])):
            return date
    for i in sorted(reasons):
        if reasons[i] == "chrome:byline" and (date := byline_date(paragraphs[i])):
            return date
    return None


def _find_all(paragraphs: list[str], title: str | None) -> list[Finding]:
    findings = find_chrome(paragraphs, title)
    findings += find_duplicates(paragraphs, skip={f.index for f in findings})
    findings += find_datelines(paragraphs, skip={f.index for f in findings})
    findings += find_bylines(paragraphs, skip={f.index for f in findings})
    return findings


def _find_removals(paragraphs: tuple[str, ...], title: str | None) -> dict[int, str]:
    """Paragraph index -> reason, found again over what is left until nothing more goes, so
    that cleaning the clean text finds nothing (removing one line can expose another)."""
    reasons: dict[int, str] = {}
    alive = list(range(len(paragraphs)))
    for _ in range(_MAX_ROUNDS):
        found = _find_all([paragraphs[i] for i in alive], title)
        if not found:
            break
        for f in found:
            reasons[alive[f.index]] = f.reason
        alive = [i for i in alive if i not in reasons]
    return reasons


def clean_record(record: RawRecord) -> Article:
    """A clean Article from one raw record."""
    meta = record.meta or {}
    layout = split_layout(repair_text(record.text), has_title=record.format == "text")
    paragraphs = layout.paragraphs
    removed: list[Removed] = []

    parts = split_title(layout.title_line) if layout.title_line else _banner_title(paragraphs)
    title = parts.title if parts else None
    if parts and layout.title_line:
        removed.extend(parts.removed)
    if parts and parts.truncated:
        title = untruncated_title(parts.title, paragraphs)

    meta_title = _meta_str(meta, "title")
    if meta_title:
        title = split_title(meta_title).title or meta_title

    reasons = _find_removals(paragraphs, title)
    removed.extend(Removed(paragraphs[i], reasons[i]) for i in sorted(reasons))
    kept = [p for i, p in enumerate(paragraphs) if i not in reasons]

    published = _meta_published(meta) or (parts.published if parts else None)
    if published is None:
        published = _chrome_date(paragraphs, reasons)

    site, url = _meta_str(meta, "outlet"), _meta_str(meta, "url")
    outlet = (normalize_outlet(site, url) if site else None) or (parts.outlet if parts else None)
    if outlet is None:
        # a chrome line that names the outlet, else the page's domain
        outlet = find_outlet(paragraphs[i] for i in sorted(reasons)) or normalize_outlet(None, url)

    return Article.create(
        record.source_path,
        "\n\n".join(kept),
        title=title or None,
        url=_meta_str(meta, "url"),
        outlet=outlet,
        published=published,
        removed=removed,
    )
