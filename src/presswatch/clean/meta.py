"""Metadata out of the chrome: the title without banner parts, the date, the outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Removed
from .dates import match_date_prefix, match_date_suffix
from .resources import BANNER_SUFFIXES, HEADLINE_MAX_WORDS, OUTLET_ALIASES, OUTLET_PATTERNS, TRUNCATION_RE

__all__ = ["TitleParts", "split_title", "title_key", "untruncated_title", "normalize_outlet", "find_outlet"]

_TLD = re.compile(r"\.(?:com|co\.uk|org|net|eu|co|uk|news|info|io)$", re.I)
_OUTLET_SEPARATOR = re.compile(r"\s+[|\-–—]\s+(?P<outlet>[^|\-–—]{2,40})$")
_KEY_JUNK = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class TitleParts:
    """A headline line taken apart: the title proper, a date and an outlet it carried, and
    the pieces cut off it (kept as Removed so nothing is lost)."""

    title: str
    published: str | None = None
    outlet: str | None = None
    truncated: bool = False
    banner: bool = False
    removed: tuple[Removed, ...] = field(default_factory=tuple)


def _outlet_key(name: str) -> str:
    name = name.strip().lower()
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name)
    return _KEY_JUNK.sub("", _TLD.sub("", name))


def normalize_outlet(name: str | None) -> str | None:
    """The outlet's masthead name when known ("dailymail", "MailOnline" → "Daily Mail"),
    otherwise the name as the page gives it without "www." and domain ending."""
    if not name or not name.strip(" .…"):
        return None
    key = _outlet_key(name)
    if key in OUTLET_ALIASES:
        return OUTLET_ALIASES[key]
    cleaned = _TLD.sub("", re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip(" .…")))
    return cleaned or None


def split_title(line: str) -> TitleParts:
    """Take a headline line apart: date prefix, aggregator suffix, truncation, outlet suffix."""
    title = " ".join(line.split())
    removed: list[Removed] = []
    published = None
    banner = False
    truncated = False
    outlet = None
    date = match_date_prefix(title)
    if date is not None and title[date.end :].strip():
        removed.append(Removed(title[: date.end].strip(), "title-date-prefix"))
        published = date.iso
        title = title[date.end :].strip(" ,|-–—:")
    tail_date = match_date_suffix(title)
    if tail_date is not None and tail_date.end > 0:
        removed.append(Removed(title[tail_date.end :].strip(), "title-date-suffix"))
        published = published or tail_date.iso
        title = title[: tail_date.end]
    for suffix in BANNER_SUFFIXES:
        if title.lower().endswith(suffix) and len(title) > len(suffix):
            cut = len(title) - len(suffix)
            banner = True
            head = title[:cut].rstrip()
            trunc = TRUNCATION_RE.search(head)
            if trunc:
                truncated = True
                head = head[: trunc.start()].rstrip()
            removed.append(Removed(title[len(head) :].strip(), "title-suffix"))
            title = head
            break
    m = _OUTLET_SEPARATOR.search(title)
    if m and _outlet_key(m.group("outlet")) in OUTLET_ALIASES:
        outlet = normalize_outlet(m.group("outlet"))
        removed.append(Removed(m.group(0).strip(), "title-suffix"))
        title = title[: m.start()].rstrip()
    banner = banner or published is not None
    return TitleParts(title, published, outlet, truncated, banner, tuple(removed))


def title_key(text: str) -> str:
    """A comparison key for headlines: case, punctuation and spacing ignored."""
    return " ".join(_KEY_JUNK.sub(" ", text.casefold()).split())


def untruncated_title(title: str, paragraphs: Iterable[str]) -> str:
    """The full headline when the page prints one that the truncated ``title`` starts."""
    key = title_key(title)
    if not key:
        return title
    for p in paragraphs:
        if len(p.split()) > HEADLINE_MAX_WORDS or p.rstrip().endswith((".", "!", "?")):
            continue
        pkey = title_key(p)
        if pkey.startswith(key) and len(pkey) > len(key) and split_title(p).title == p:
            return p
    return title


def find_outlet(lines: Iterable[str]) -> str | None:
    """The outlet a chrome line names ("read more from dailymail", "views of MailOnline")."""
    for line in lines:
        for pat in OUTLET_PATTERNS:
            m = pat.match(line.strip())
            if m:
                name = normalize_outlet(m.group("outlet"))
                if name:
                    return name
    return None
