"""Reader for WARC files (plain or gzip): every HTML response is one article.

Records are named ``path#N`` where N is the 1-based index of the record among the file's
articles (HTTP 200 ``text/html`` responses, or ``text/html`` resource records), in file order;
requests, metadata, redirects, errors and non-HTML payloads are skipped and not counted.

A damaged record (cut short, a Content-Length that lies, unreadable headers, a corrupt gzip member)
is one Failure, named ``path#N`` when its headers still say it is the N-th article, else ``path``
with its byte offset; reading resumes at the next ``WARC/1.x`` header line, so every good record
after it is kept.
"""

from __future__ import annotations

import io
import re
from typing import Iterator

from ..model import Failure, RawRecord
from .dates import iso_date
from .decode import decode
from .html import html_record
from .resources import HTML_CONTENT_TYPES
from .source import Blob


def _content_type(value: str | None) -> tuple[str, str | None]:
    """The media type and charset of a Content-Type header."""
    if not value:
        return "", None
    parts = [p.strip() for p in value.split(";")]
    charset = next((p.split("=", 1)[1].strip("\"' ") for p in parts[1:] if p.lower().startswith("charset=")), None)
    return parts[0].lower(), charset


def _html_payload(record) -> tuple[bool, str | None]:
    """Whether a WARC record is an article page, and the charset its headers declare."""
    if record.rec_type == "response" and record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return False, None
        mime, charset = _content_type(record.http_headers.get_header("Content-Type"))
    elif record.rec_type == "resource":
        mime, charset = _content_type(record.rec_headers.get_header("Content-Type"))
    else:
        return False, None
    return mime in HTML_CONTENT_TYPES, charset


def _drain(stream) -> None:
    while stream.read(1 << 16):
        pass


#: A WARC record's first line; reading resumes at the next one after a damaged record.
_WARC_LINE = re.compile(rb"^WARC/1\.[0-9]\r?\n", re.M)
#: What ends a record's block (the spec's CRLF CRLF; bare newlines and extra blank lines tolerated).
_SEPARATOR = re.compile(rb"\r?\n\r?\n(?:\r?\n)*")
#: A record separator followed by another record's header inside a block: its Content-Length lies.
_INNER_RECORD = re.compile(rb"\r\n\r\nWARC/1\.[0-9]\r\n[A-Za-z][A-Za-z0-9-]*: ")


def _next_start(data: bytes, pos: int) -> int:
    """The offset of the next WARC header line at or after pos (len(data) when none)."""
    m = _WARC_LINE.search(data, pos)
    return m.start() if m else len(data)


#: Longest failure reason (one line in the summary and the failures table).
MAX_REASON = 300
_RESUMES = "; skipped, reading resumes at the next record"


def _reason(text: str, *, resumes: bool = True) -> str:
    """A one-line reason of at most MAX_REASON characters (what happened is cut, never the last words)."""
    tail = _RESUMES if resumes else ""
    room = MAX_REASON - len(tail)
    return (text if len(text) <= room else text[: room - 1] + "…") + tail


def _one_line(exc: Exception) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"


def read_warc(blob: Blob) -> Iterator[RawRecord | Failure]:
    """Records for the HTML responses of a WARC file; each damaged record is one Failure."""
    from warcio.recordloader import ArcWarcRecordLoader

    src, data = blob.source_path, blob.data
    loader = ArcWarcRecordLoader()
    stream = io.BytesIO(data)
    breaks = list(blob.breaks)  # gzip damage, told with the record it falls in
    n = 0  # articles so far
    damaged = 0
    index = 0  # records so far
    pos = _next_start(data, 0)
    if data[:pos].strip():  # the first record's header line is damaged
        damaged += 1
        yield Failure(src, "ingest", _reason(f"damaged WARC record at byte 0: no WARC/1.x header line before byte {pos:,}"))
    while pos < len(data):
        index += 1
        stream.seek(pos)
        record, is_html, charset, problem = None, False, None, None
        try:
            record = loader.parse_record_stream(stream, known_format="warc")
            is_html, charset = _html_payload(record)
            head_end = stream.tell()
            payload = record.content_stream().read() if is_html else b""
            _drain(record.raw_stream)
            end = stream.tell()
            # the block ends with CRLF CRLF (LF LF in a file written with bare newlines), and only there
            crlf = data[pos : data.find(b"\n", pos) + 1].endswith(b"\r\n")
            sep = _SEPARATOR.match(data, end) if data.startswith(b"\r\n\r\n" if crlf else b"\n\n", end) else None
            after = sep.end() if sep else end
            length = (record.rec_headers.get_header("Content-Length") or "").strip()
            if not length.isdigit():
                problem = "it has no readable Content-Length"
            elif getattr(record.raw_stream, "limit", 0) > 0:
                problem = f"it ends {record.raw_stream.limit:,} bytes short of its Content-Length"
            elif not sep and data[end:].strip(b"\r\n"):
                problem = "its Content-Length does not end at a record separator"
            elif _INNER_RECORD.search(data, head_end, end):
                problem = "its Content-Length runs over the next record's header"
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input
            problem = _one_line(exc)
        if problem is None:
            pos = after
            if not is_html:
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            warc_date = iso_date(record.rec_headers.get_header("WARC-Date"))
            extra = {"url": url} if url else {}
            fallback = {"published": warc_date} if warc_date else {}
            yield html_record(f"{src}#{n}", decode(payload, hint=charset), fmt="warc", url=url,
                              extra=extra, fallback=fallback)
            continue
        nxt = _next_start(data, pos + 1)
        here = [reason for off, reason in breaks if pos < off <= nxt]
        breaks = [(off, reason) for off, reason in breaks if not pos < off <= nxt]
        if here:
            problem = f"{problem} ({'; '.join(here)})"
        if is_html:
            n += 1
        damaged += 1
        name = f"{src}#{n}" if is_html else src
        yield Failure(name, "ingest", _reason(f"damaged WARC record {index} at byte {pos:,}: {problem}"))
        pos = nxt
    for off, reason in breaks:  # gzip damage that took whole records with it
        damaged += 1
        yield Failure(src, "ingest", _reason(f"damaged WARC: records lost at byte {off:,} of the unzipped data: {reason}",
                                             resumes=False))
    if n == 0 and not damaged:
        yield Failure(src, "ingest", "WARC file holds no HTML responses (HTTP 200, text/html)")
