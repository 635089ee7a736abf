"""Format sniffing from content: WARC, JSONL, HTML, plain text, or binary (refused with a reason)."""

from __future__ import annotations

import json

from .decode import bom_encoding
from .resources import BINARY_MAGIC, HTML_ANYWHERE, HTML_HEAD, JSON_LIST_KEYS, MAX_CONTROL_RATIO, SNIFF_BYTES

#: Extensions that make a markup-looking head count as HTML even without an html/body element.
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}


def binary_reason(data: bytes) -> str | None:
    """Why these bytes are not text (a named binary format, NUL bytes, control characters), or None."""
    for magic, what in BINARY_MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}), not an article"
    if bom_encoding(data):
        return None  # UTF-16/32 text legitimately holds NUL bytes
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "binary file (NUL bytes), not an article"
    if head:
        control = sum(1 for b in head if b in _CONTROL)
        if control / len(head) > MAX_CONTROL_RATIO:
            return f"binary file ({control / len(head):.0%} control bytes), not an article"
    return None


def sniff(data: bytes, name: str = "") -> str:
    """The format of a text file's bytes: "warc", "jsonl", "html" or "text".

    Content decides; the file name only breaks the tie for a fragment of markup.
    """
    bom = bom_encoding(data)
    if bom and bom[0] != "utf-8":
        data = data[: SNIFF_BYTES * 4].decode(bom[0], errors="ignore").encode("utf-8")
    elif bom:
        data = data[bom[1]:]
    stripped = data[:SNIFF_BYTES].lstrip()
    if stripped.startswith(b"WARC/"):
        return "warc"
    if first_line_is_json_object(data) or json_document(data) is not None or jsonl_lines(data, name):
        return "jsonl"
    if HTML_HEAD.match(stripped) or HTML_ANYWHERE.search(stripped[:2048]):
        return "html"
    if name.lower().endswith(_HTML_EXTENSIONS) and stripped.startswith(b"<"):
        return "html"
    return "text"


def first_line_is_json_object(data: bytes) -> bool:
    """True when the first non-blank line parses as a JSON object (lines may be long: read to its end)."""
    head = data[:SNIFF_BYTES]
    start = len(head) - len(head.lstrip())
    if data[start : start + 1] != b"{":
        return False
    end = data.find(b"\n", start)
    try:
        return isinstance(json.loads(data[start : end if end >= 0 else len(data)]), dict)
    except ValueError:
        return False


#: Names that say "one JSON object a line" (the first line may be the broken one).
_JSONL_EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines")
#: Lines looked at for a JSON object when the first line is not one.
_JSONL_PROBE_LINES = 20


def jsonl_lines(data: bytes, name: str = "") -> bool:
    """True for JSONL whose first line is broken: it starts with "{" and the file is named .jsonl, or
    one of the next lines is a JSON object."""
    head = data[:SNIFF_BYTES].lstrip()
    if not head.startswith(b"{"):
        return False
    if name.lower().endswith(_JSONL_EXTENSIONS):
        return True
    start = len(data) - len(data.lstrip())
    for line in data[start:].split(b"\n", _JSONL_PROBE_LINES + 1)[1:_JSONL_PROBE_LINES + 1]:
        line = line.strip()
        if line.startswith(b"{"):
            try:
                if isinstance(json.loads(line), dict):
                    return True
            except ValueError:
                continue
    return False


def json_document(data: bytes) -> list | None:
    """The article objects of a whole-file JSON document (an array, an object, or an object wrapping an
    array under a key such as "articles"); None when the file is not one JSON document of objects."""
    if data[:SNIFF_BYTES].lstrip()[:1] not in (b"[", b"{"):
        return None
    try:
        doc = json.loads(data)
    except ValueError:
        return None
    if isinstance(doc, dict):
        for key in JSON_LIST_KEYS:
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
        else:
            return [doc]
    if isinstance(doc, list) and doc and all(isinstance(item, dict) for item in doc):
        return doc
    return None
