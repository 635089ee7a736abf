"""Publication dates from header lines → ISO 8601: "Tuesday 27 September 2022 09:35 AM",
"23 сентября 2022, 14:05", "mercredi 21 septembre 2022 à 10h30", "Опубликовано: 21.09.2022".

Month, weekday and label words of every language are data (resources.py, ``*_BY_LANGUAGE``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from .resources import DATE_PATTERNS, DATELINE_LABELS, MONTHS

__all__ = ["DateMatch", "parse_date", "match_date_prefix", "match_date_suffix", "parse_dateline"]


@dataclass(frozen=True)
class DateMatch:
    """A date found at the start of a line: its ISO form and where it ends in the line."""

    iso: str
    end: int


#: every pattern of DATE_PATTERNS needs a four-digit year: a line without one holds no date
_YEAR = re.compile(r"\d{4}")


@lru_cache(maxsize=None)
def _compiled(anchor: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(anchor + p, re.I) for p in DATE_PATTERNS)


def _to_iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        month = int(g["month_num"]) if g.get("month_num") else MONTHS[g["month"].lower().rstrip(".")]
        year, day = int(g["year"]), int(g["day"])
        hour = int(g["hour"]) if g.get("hour") else 0
        minute = int(g["minute"]) if g.get("minute") else 0
        second = int(g["second"]) if g.get("second") else 0
        ampm = (g.get("ampm") or "").replace(".", "").lower()
        if ampm and not 1 <= hour <= 12:
            return None
        if ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        dt = datetime(year, month, day, hour, minute, second)
    except (KeyError, ValueError, TypeError):
        return None
    if not 1900 <= dt.year <= 2100:
        return None
    return dt.isoformat() if g.get("hour") else dt.date().isoformat()


def match_date_prefix(line: str) -> DateMatch | None:
    """The date that opens ``line`` ("Tuesday 27 September 2022 09:35 AM Putin ..."), if any."""
    if not _YEAR.search(line):
        return None
    for pat in _compiled(r"^\s*"):
        m = pat.match(line)
        if m and (m.end() == len(line) or not line[m.end()].isalnum()):
            iso = _to_iso(m)
            if iso:
                return DateMatch(iso=iso, end=m.end())
    return None


def match_date_suffix(line: str) -> DateMatch | None:
    """The date that closes ``line`` ("Putin squirms ... | 27 September 2022"), if any.

    ``end`` is where the date (with its separator) starts: the headline is ``line[:end]``.
    """
    if not _YEAR.search(line):
        return None
    # only a date set off by a separator: "The events of 27 September 2022" keeps its date
    for pat in _compiled(r"(?:(?<=\s[|\-–—]\s)|(?<=\()|(?<=,\s))"):
        for m in pat.finditer(line):
            if line[m.end() :].strip(" )") == "" and (iso := _to_iso(m)):
                head = line[: m.start()].rstrip(" |,(-–—")
                return DateMatch(iso=iso, end=len(head))
    return None


def parse_date(text: str) -> str | None:
    """ISO 8601 for a text that is only a date (and time), else None."""
    found = match_date_prefix(text)
    if found and not text[found.end :].strip(" ,.|"):
        return found.iso
    return None


def parse_dateline(line: str) -> str | None:
    """ISO 8601 for a dateline such as "Published: 10:21 BST, 22 September 2022 | Updated: ...".

    The first date of the line is the publication date; the line must hold nothing but dates
    and their labels, so an article sentence that mentions a date is never a dateline.
    """
    rest = DATELINE_LABELS.sub("", line.strip(), count=1)
    first = match_date_prefix(rest)
    if first is None:
        return None
    tail = rest[first.end :].strip(" ,.|")
    while tail:
        tail = DATELINE_LABELS.sub("", tail, count=1)
        nxt = match_date_prefix(tail)
        if nxt is None:
            return None
        tail = tail[nxt.end :].strip(" ,.|")
    return first.iso
