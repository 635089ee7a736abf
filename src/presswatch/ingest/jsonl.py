"""Reader for JSONL: one article a line, fields found under common aliases; ``path#N`` is line N (1-based).

A file that is one JSON document (an array of articles, or an object wrapping one under "articles",
"items", ...) is read too; there ``path#N`` is the N-th object (1-based).
"""

from __future__ import annotations

import json
from typing import Any, Iterator, Mapping

from ..model import Failure, RawRecord
from .dates import iso_date
from .decode import decode
from .html import html_record
from .resources import HTML_FRAGMENT, JSONL_FIELDS, NESTED_NAME_KEYS
from .sniff import first_line_is_json_object, json_document
from .source import Blob


def _as_text(value: Any, *, numbers: bool = True) -> str | None:
    """A display string for a field value: strings, lists of strings, or a nested object's name
    (numbers too, unless ``numbers`` is False: a number is never article text)."""
    if value is None or isinstance(value, bool) or (not numbers and isinstance(value, (int, float))):
        return None
    if isinstance(value, Mapping):
        for key in NESTED_NAME_KEYS:
            if key in value:
                return _as_text(value[key], numbers=numbers)
        return None
    if isinstance(value, (list, tuple)):
        parts = [t for t in (_as_text(v, numbers=numbers) for v in value) if t]
        return "\n".join(parts) or None
    text = str(value).strip()
    return text or None


#: Fields whose value must be text: a number there is a broken export, not an article.
_TEXT_FIELDS = ("text", "html")


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return "a string"


def _wrong_type(obj: Mapping[str, Any]) -> str | None:
    """The reason an object's article-text field cannot be read (a number, a bool, an object or a list
    without strings), or None when no such field is there."""
    for key, value in obj.items():
        if not any(str(key).lower() in JSONL_FIELDS[name] for name in _TEXT_FIELDS) or value is None:
            continue
        if isinstance(value, str) or _as_text(value, numbers=False) is not None:
            continue
        shown = " ".join(json.dumps(value, ensure_ascii=False).split())
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        return f'field "{key}" has the wrong type: {_json_type(value)} ({shown}), not article text (a string)'
    return None


def fields(obj: Mapping[str, Any]) -> dict[str, Any]:
    """The article fields of one JSON object, looked up by alias (case-insensitive, first alias wins)."""
    lowered = {str(k).lower(): v for k, v in obj.items()}
    out: dict[str, Any] = {}
    for name, aliases in JSONL_FIELDS.items():
        for alias in aliases:
            value = lowered.get(alias)
            if name == "published":
                value = iso_date(value) if not isinstance(value, Mapping) else None
            elif name == "author" and isinstance(value, (list, tuple)):
                value = ", ".join(t for t in (_as_text(v) for v in value) if t) or None
            elif name in _TEXT_FIELDS:
                value = _as_text(value, numbers=False)  # record_from_object says when a number was all there was
            else:
                value = _as_text(value)
            if value:
                out[name] = value
                break
    return out


def _body(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def record_from_object(obj: Mapping[str, Any], source_path: str) -> RawRecord | Failure:
    """One record from a parsed JSON object: plain text fields, or an html field extracted like a page."""
    f = fields(obj)
    meta = {k: f[k] for k in ("title", "published", "outlet", "url", "author") if k in f}
    html = f.get("html")
    text = f.get("text")
    if text and HTML_FRAGMENT.match(text):
        html, text = html or text, None
    if text:
        return RawRecord(source_path, _body(text), "jsonl", {**meta, "format": "jsonl"})
    if html:
        return html_record(source_path, html, fmt="jsonl", url=f.get("url"), extra=meta)
    wrong = _wrong_type(obj)
    if wrong:
        return Failure(source_path, "ingest", wrong)
    keys = ", ".join(" ".join(str(k).split()) for k in sorted(map(str, obj))[:8]) or "none"
    return Failure(source_path, "ingest", f"no article text: no text/body/content/html field (keys: {keys})")


def _json_error(exc: ValueError) -> str:
    """json's message with where it is ("Unterminated string starting at column 25")."""
    msg = getattr(exc, "msg", None)
    if msg is None:
        return " ".join(str(exc).split())[:200]
    return f"{msg} column {exc.colno}" if msg.endswith(" at") else f"{msg} at column {exc.colno}"


def read_jsonl(blob: Blob) -> Iterator[RawRecord | Failure]:
    """Records for the lines of a JSONL file; a bad line is one Failure and the rest still read."""
    src = blob.source_path
    if not blob.damage and not first_line_is_json_object(blob.data):
        items = json_document(blob.data)
        if items is not None:
            for n, obj in enumerate(items, start=1):  # a whole-file JSON document: #N is the N-th object
                yield record_from_object(obj, f"{src}#{n}")
            return
    data = blob.data
    if blob.damage:  # the line the damage cut through is incomplete (maybe mid-character): drop it
        data = data[: data.rfind(b"\n") + 1]
    lines = decode(data).split("\n")
    if lines and not lines[-1].strip():
        lines.pop()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Failure(f"{src}#{n}", "ingest", f"line {n}: malformed JSON: {_json_error(exc)}")
            continue
        if not isinstance(obj, dict):
            yield Failure(f"{src}#{n}", "ingest", f"line {n}: not a JSON object but {type(obj).__name__}")
            continue
        yield record_from_object(obj, f"{src}#{n}")
    if blob.damage:
        yield Failure(src, "ingest", f"{blob.damage}; lines after {len(lines)} lost")
