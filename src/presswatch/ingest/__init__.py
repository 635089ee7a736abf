"""Ingest: readers that turn any input (text, HTML, WARC, JSONL, gzip of each) into raw records.

Contract with the clean layer (``presswatch.clean``):

- ``RawRecord.format`` is one of ``"text"``, ``"html"``, ``"warc"``, ``"jsonl"``.
- ``format == "text"``: ``RawRecord.text`` is the whole decoded file in the ``title⏎⏎body``
  layout of the sample articles (header lines, banners and all); ``meta`` is empty, but for
  ``"damage"`` (any format): the warning for a record kept from the readable part of a damaged gzip.
- every other format: ``RawRecord.text`` is the article BODY ONLY, one paragraph a line
  (paragraphs separated by ``"\\n"``), and ``meta`` holds, when known, ``"title"``,
  ``"published"`` (ISO 8601 string), ``"outlet"`` and ``"url"`` (plus ``"author"``,
  ``"description"`` and ``"format"`` as extras).
- text is decoded but never repaired: mojibake stays for the clean layer to fix.
- ``source_path`` is the path as given; a record of a WARC file is ``path#N`` (N-th HTML response
  of the file, 1-based) and of a JSONL file ``path#N`` (N = 1-based line number; for a file that is
  one JSON document, an array of articles, N is the 1-based position in the array; format "jsonl").

Formats are sniffed from content (gzip magic, ``WARC/``, a first line that is a JSON object,
HTML markup), not from file names. Bad input never stops a run: each problem is a
``Failure(source_path, "ingest", reason)`` and reading goes on; a damaged WARC record or gzip
member loses only itself (the readers resume at the next record or member).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..model import Failure, RawRecord
from .html import read_html
from .jsonl import read_jsonl
from .sniff import binary_reason, sniff
from .source import Blob, load, walk
from .text import read_text
from .warc import read_warc

__all__ = ["read_paths", "record_from_text", "read_blob", "READERS"]

#: One reader a format.
READERS: dict[str, Callable[[Blob], Iterator[RawRecord | Failure]]] = {
    "text": read_text,
    "html": read_html,
    "warc": read_warc,
    "jsonl": read_jsonl,
}


def record_from_text(text: str, *, source_path: str = "<text>") -> RawRecord:
    """A raw record for an in-memory plain text in the `title⏎⏎body` layout."""
    return RawRecord(source_path=source_path, text=text, format="text")


def read_blob(blob: Blob) -> Iterator[RawRecord | Failure]:
    """Records from one loaded file: refuse empty or binary content, sniff the format, run its reader."""
    src = blob.source_path
    if not blob.data.strip():
        yield Failure(src, "ingest", blob.damage or ("empty file" + (" (after gunzip)" if blob.gzipped else "")))
        return
    fmt = sniff(blob.data, blob.name)
    if fmt != "warc":  # a WARC legitimately carries binary payloads
        reason = binary_reason(blob.data)
        if reason:
            yield Failure(src, "ingest", reason)
            return
    try:
        yield from READERS[fmt](blob)
    except Exception as exc:  # noqa: BLE001 - one unreadable file never stops the run
        yield Failure(src, "ingest", f"{fmt} reader failed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}")


def read_paths(paths: Iterable[str | Path], *, max_bytes: int) -> Iterator[RawRecord | Failure]:
    """Raw records from files and folders (walked recursively, sorted, hidden entries skipped)."""
    for item in walk(paths):
        if isinstance(item, Failure):
            yield item
            continue
        blob = load(item, max_bytes=max_bytes)
        if isinstance(blob, Failure):
            yield blob
        else:
            yield from read_blob(blob)
