"""Dates in article text, absolute or relative ("yesterday", "on Thursday", "this week"), resolved
against the publication date, and the dated statements they mark."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Hashable, Iterable, Iterator

from ..model import Article, published_day
from .resources import MONTHS, RELATIVE_DAYS, RELATIVE_SPANS, WEEKDAYS
from .text import sentences, words

if TYPE_CHECKING:
    from .types import TimelineEntry

# Month names only capitalised: "may" is mostly a verb.
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(d.capitalize() for d in WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}

#: Most specific first; each alternative is a named group so the match says which rule applies.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?(?:\s+{_YEAR})?\b")),
    ("dmy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("my", re.compile(rf"\b(?i:in|since|by|during|until|from|last|early|late|mid-?)\s+{_MONTH}(?:\s+{_YEAR})?\b")),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a|an)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("span", re.compile(r"\b(?P<span>" + "|".join(sorted(RELATIVE_SPANS, key=len, reverse=True)) + r")\b", re.I)),
    ("rel", re.compile(r"\b(?P<rel>" + "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True)) + r")\b", re.I)),
    ("wd", re.compile(rf"\b(?:(?P<which>(?i:on|last|this|next|since|by|until|from|early|late))\s+)?{_WEEKDAY}\b(?:'s)?")),
    ("year", re.compile(rf"\b(?:in|since|by|during|until|from|of)\s+{_YEAR}\b", re.I)),
]


#: Cheap first look: a text with none of these words or digits names no date.
_ANY = re.compile(
    r"\d|\b(?:" + "|".join(sorted({*MONTHS, *WEEKDAYS, "ago", "week", "weekend", "month", "year", "today", "tonight",
                                   "yesterday", "tomorrow", "night", "morning", "afternoon", "evening", "eve"},
                                  key=len, reverse=True)) + r")\b",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text and the days it covers."""

    start: int
    end: int
    text: str
    first: date
    last: date
    precision: str  # "day", "week", "month", "year"
    relative: bool


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _infer_year(month: int, day: int, base: date | None) -> int | None:
    """The year of a day-and-month with no year: the publication year, or the one before if that
    would put it well after publication (a January article about 'December 28')."""
    if base is None:
        return None
    try:
        cand = date(base.year, month, day)
    except ValueError:
        return None
    return base.year - 1 if (cand - base).days > 31 else base.year


def _resolve(kind: str, m: re.Match[str], base: date | None) -> tuple[date, date, str, bool] | None:
    g = m.groupdict()
    if kind == "iso":
        d = date(int(g["year"]), int(g["mnum"]), int(g["day"]))
        return d, d, "day", False
    if kind in ("mdy", "dmy"):
        month, day = MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        if not 1 <= day <= 31:
            return None
        year = int(g["year"]) if g.get("year") else _infer_year(month, day, base)
        if year is None:
            return None
        d = date(year, month, day)
        return d, d, "day", not g.get("year")
    if kind == "my":
        month = MONTHS[g["month"].lower().rstrip(".")]
        if g.get("year"):
            year = int(g["year"])
        elif base is not None:
            year = base.year if month <= base.month + 1 else base.year - 1
        else:
            return None
        return date(year, month, 1), _month_end(year, month), "month", not g.get("year")
    if base is None:
        return None
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _NUMWORDS[g["n"].lower()]
        unit = g["unit"].lower()
        if unit == "day":
            d = base - timedelta(days=n)
            return d, d, "day", True
        if unit == "week":
            d = base - timedelta(weeks=n)
            return d - timedelta(days=d.weekday()), d - timedelta(days=d.weekday()) + timedelta(days=6), "week", True
        if unit == "month":
            y, mo = _shift_month(base.year, base.month, -n)
            return date(y, mo, 1), _month_end(y, mo), "month", True
        return date(base.year - n, 1, 1), date(base.year - n, 12, 31), "year", True
    if kind == "span":
        unit, k = RELATIVE_SPANS[g["span"].lower()]
        if unit == "weekend":  # the latest Saturday and Sunday up to publication
            sunday = base + timedelta(days=(6 - base.weekday()) % 7 - (7 if base.weekday() < 5 else 0))
            return sunday - timedelta(days=1), sunday, "week", True
        if unit == "week":
            monday = base - timedelta(days=base.weekday()) + timedelta(weeks=k)
            return monday, monday + timedelta(days=6), "week", True
        if unit == "month":
            y, mo = _shift_month(base.year, base.month, k)
            return date(y, mo, 1), _month_end(y, mo), "month", True
        return date(base.year + k, 1, 1), date(base.year + k, 12, 31), "year", True
    if kind == "rel":
        d = base + timedelta(days=RELATIVE_DAYS[g["rel"].lower()])
        return d, d, "day", True
    if kind == "wd":
        target = WEEKDAYS[g["weekday"].lower()]
        which = (g.get("which") or "").lower()
        if which == "next":
            d = base + timedelta(days=(target - base.weekday()) % 7 or 7)
        else:
            # News uses a bare weekday for the most recent one; "last Thursday" is never today.
            back = (base.weekday() - target) % 7
            if which == "last" and back == 0:
                back = 7
            d = base - timedelta(days=back)
        return d, d, "day", True
    if kind == "year":
        y = int(g["year"])
        return date(y, 1, 1), date(y, 12, 31), "year", False
    return None


def find_dates(text: str, published: date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date expressions in ``text[start:end]`` resolved against ``published``, in text order, never overlapping."""
    end = len(text) if end is None else end
    if not _ANY.search(text, start, end):
        return []
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if kind == "wd" and not m.group("weekday"):
                continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            try:
                res = _resolve(kind, m, published)
            except (ValueError, KeyError, OverflowError):
                res = None
            if res is None:
                continue
            taken.append((s, e))
            first, last, precision, relative = res
            out.append(DateMention(s, e, text[s:e].strip(), first, last, precision, relative))
    out.sort(key=lambda d: d.start)
    return out


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
PRECISION_RANK = _PRECISION_RANK

_DATELINE = re.compile(r"\s*(?:published|updated|last updated|posted|by)\b", re.I)

#: How far into the text a dateline ("By X | Sunday, 25 September 2022, 21:10") may sit.
DATELINE_CHARS = 600


def reference_date(article: Article) -> date | None:
    """The day relative dates in an article count from: its publication date, else a full dated dateline near the top."""
    day = published_day(article.published)
    if day is not None:
        return day
    for d in find_dates(article.text, None, 0, min(len(article.text), DATELINE_CHARS)):
        if d.precision == "day" and not d.relative:
            return d.first
    return None


def dated_sentences(article: Article) -> Iterator[tuple[int, int, DateMention]]:
    """Each sentence of an article that carries a date, with its most precise date."""
    base = reference_date(article)
    for s, e in sentences(article.text):
        mentions = find_dates(article.text, base, s, e)
        if mentions:
            best = min(mentions, key=lambda d: (_PRECISION_RANK[d.precision], d.start))
            yield s, e, best


def find_timeline(article: Article, story: str | None = None, max_chars: int = 400) -> list["TimelineEntry"]:
    """The dated statements of one article (one entry per sentence that names a date)."""
    from .types import TimelineEntry

    out = []
    for s, e, d in dated_sentences(article):
        statement = article.text[s:e]
        if _DATELINE.match(statement) or "|" in statement or len(words(statement)) - len(words(d.text)) < 2:
            continue  # a dateline or a bare date, not a statement
        statement = statement_text(article.text, s, e, max_chars)
        out.append(TimelineEntry(d.first, d.precision, d.text, d.relative, article.id, statement, s, e, story))
    return out


def statement_text(text: str, start: int, end: int, max_chars: int = 400) -> str:
    """A timeline entry's statement: its sentence, cut to ``max_chars``."""
    statement = text[start:end]
    if len(statement) > max_chars:
        statement = statement[: max_chars - 1].rstrip() + "…"
    return statement


def merge_timeline(
    entries: Iterable["TimelineEntry"], keys: Iterable[Hashable] | None = None
) -> list["TimelineEntry"]:
    """Entries sorted by story, then date, repeated statements (syndicated copies, repeated captions) kept once.

    Give entries earliest article first: among repeats (same story, day and normalised statement) the
    first one given is kept. ``keys`` stand for the normalised statements (one each, e.g. their hashes,
    when the statements themselves are not held); the one merge of the local run and of Spark.
    """
    from .text import normalise

    items = list(entries)
    ks = list(keys) if keys is not None else [normalise(t.statement) for t in items]
    order = sorted(range(len(items)), key=lambda k: (items[k].story or "", items[k].date,
                                                      _PRECISION_RANK[items[k].precision]))
    seen: set[tuple[str | None, date, Hashable]] = set()
    out = []
    for k in order:
        t = items[k]
        key = (t.story, t.date, ks[k])
        if key in seen:
            continue
        seen.add(key)
        out.append(t)
    return out
