"""Publication dates from containers (JSONL fields, WARC headers) to ISO 8601 strings."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from ..clean.dates import parse_dateline

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: a clock time in free text: "14:05", French "10h30"
_CLOCK = re.compile(r"\d{1,2}(?::|\s?h\s?)\d{2}\b")


def iso_date(value: Any) -> str | None:
    """An ISO 8601 string for a date value (ISO text, RFC 2822, epoch seconds/ms, free text), or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    text = " ".join(str(value).split())
    if not text:
        return None
    if text.isdigit() and len(text) >= 9:
        return _from_epoch(float(text))
    if _DATE_ONLY.match(text):
        try:
            return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
        except ValueError:
            return None
    for parse in (_iso, _rfc2822):
        dt = parse(text)
        if dt is not None:
            return dt.isoformat()
    # a header date in any language the clean layer reads ("Опубликовано: 21.09.2022, 14:05")
    labelled = parse_dateline(text)
    if labelled is not None:
        return labelled
    dt = _free(text)
    if dt is None:
        return None
    # free text without a clock time names a day, not midnight
    return dt.isoformat() if _CLOCK.search(text) else dt.date().isoformat()


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000.0
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).replace(microsecond=0).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _free(text: str) -> datetime | None:
    if not re.search(r"\d", text):
        return None
    try:
        import dateparser

        return dateparser.parse(text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year", "month", "day"]})
    except Exception:  # noqa: BLE001 - an unparseable date is simply unknown
        return None
