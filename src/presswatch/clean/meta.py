"""Metadata out of the chrome: the title without banner parts, the date, the outlet."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping
from urllib.parse import urlsplit

from ..model import Removed
from .dates import match_date_prefix, match_date_suffix
from .resources import (
    BANNER_SUFFIXES, HEADLINE_MAX_WORDS, OUTLET_ALIASES, OUTLET_LIST_SEPARATOR_RE, OUTLET_LIST_SEPARATORS,
    OUTLET_MAX_WORDS, OUTLET_PATTERNS, PUBLIC_SUFFIXES_2, TRUNCATION_RE,
)

__all__ = [
    "TitleParts", "split_title", "title_key", "untruncated_title", "normalize_outlet", "find_outlet",
    "registrable_domain", "outlet_spellings",
]

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


def registrable_domain(url: str | None) -> str | None:
    """The part of a URL's host a publisher registers: hosted.ap.org -> ap.org, news.bbc.co.uk -> bbc.co.uk."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host or re.fullmatch(r"[\d.]+|\[.*\]", host):
        return None
    labels = [x for x in host.lower().rstrip(".").split(".") if x]
    n = 3 if ".".join(labels[-2:]) in PUBLIC_SUFFIXES_2 else 2
    return ".".join(labels[-n:]) if len(labels) >= n else None


def _host_outlet(domain: str) -> str:
    """An outlet named by its registrable domain: its masthead name when known, else the domain
    ("phys.org" -> "Phys.org", "ap.org" -> "AP")."""
    label = domain.split(".")[0]
    for key in (_outlet_key(domain), label):
        if key in OUTLET_ALIASES:
            return OUTLET_ALIASES[key]
    return label.upper() + domain[len(label):] if len(label) <= 3 else domain[0].upper() + domain[1:]


def _is_list(name: str) -> bool:
    """A menu or tag list given as a site name ("Autoracing | F1 | Indy | MotoGP | StockCar")."""
    return len(OUTLET_LIST_SEPARATOR_RE.findall(name)) >= OUTLET_LIST_SEPARATORS or len(name.split()) > OUTLET_MAX_WORDS


def _spelled_out(name: str, label: str) -> str | None:
    """A CamelCase handle spelled out by the domain label it abbreviates: "SputnikInt" on
    sputnikinternational.com -> "Sputnik International"; None when the label does not spell it out."""
    parts = re.findall(r"[A-Z][a-z]*|[a-z]+|\d+", name)
    if len(parts) < 2 or "".join(parts) != name:
        return None
    low = [p.lower() for p in parts]
    pos, pieces = 0, []
    for i, part in enumerate(low):
        if not label.startswith(part, pos):
            return None
        end = len(label) if i + 1 == len(low) else label.find(low[i + 1], pos + len(part))
        if end < 0:
            return None
        pieces.append(label[pos:end])
        pos = end
    if pieces == low:
        return None  # the name already spells the label ("PolitiFact" on politifact.com)
    return " ".join(p.capitalize() for p in pieces)


def normalize_outlet(name: str | None, url: str | None = None) -> str | None:
    """The outlet's name from a page's site name and, when known, its URL.

    A masthead alias wins ("dailymail", "MailOnline" -> "Daily Mail"). With a URL: a site name that
    is a menu, a subdomain ("Hosted" on hosted.ap.org) or the bare domain label capitalised ("Phys" on
    phys.org) gives way to the registrable domain ("AP", "Phys.org"), and a handle the domain spells
    out is spelled out ("SputnikInt" -> "Sputnik International"); no site name gives the domain too.
    Otherwise the name as the page gives it, without "www." and domain ending.
    """
    domain = registrable_domain(url)
    if not name or not name.strip(" .…") or _is_list(name):
        return _host_outlet(domain) if domain else None
    key = _outlet_key(name)
    if key in OUTLET_ALIASES:
        return OUTLET_ALIASES[key]
    if domain:
        label = domain.split(".")[0]
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""  # registrable_domain parsed it
        subdomains = host.lower().split(".")[: -len(domain.split("."))]
        one_word = name.strip()
        if key in subdomains and key != label:
            return _host_outlet(domain)
        if key == label and " " not in one_word and one_word[1:] == one_word[1:].lower():
            return _host_outlet(domain)
        spelled = _spelled_out(one_word, label)
        if spelled:
            return spelled
    cleaned = _TLD.sub("", re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip(" .…")))
    return cleaned or None


def _informative(name: str) -> tuple[int, int]:
    """How many word breaks a spelling shows: spaces and inner capitals, then a domain's dots."""
    return name.count(" ") + len(re.findall(r"[a-z][A-Z]", name)), name.count(".")


def outlet_spellings(counts: Mapping[str, int]) -> dict[str, str]:
    """One name per outlet across a corpus: spellings that differ only in case, spaces and
    punctuation ("Inexhibitmagazine" / "Inexhibit magazine", "Politifact" / "PolitiFact") map to
    the one that shows most word breaks (a domain's dot counts less), then the most frequent, then
    the first by name."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        groups[_outlet_key(name) or name].append(name)
    out: dict[str, str] = {}
    for names in groups.values():
        best = min(names, key=lambda n: (-_informative(n)[0], -_informative(n)[1], -counts[n], n))
        out.update((n, best) for n in names)
    return out


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
