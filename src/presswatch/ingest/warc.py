"""Reader for WARC files (plain or gzip): every HTML response is one article.

Records are named ``path#N`` where N is the 1-based index of the record among the file's
articles (HTTP 200 ``text/html`` responses, or ``text/html`` resource records), in file order;
requests, metadata, redirects, errors and non-HTML payloads are skipped and not counted.
"""

from __future__ import annotations

import io
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


def read_warc(blob: Blob) -> Iterator[RawRecord | Failure]:
    """Records for the HTML responses of a WARC file; damage stops the file with one Failure."""
    from warcio.archiveiterator import ArchiveIterator

    src = blob.source_path
    n = 0
    damage = None
    try:
        for record in ArchiveIterator(io.BytesIO(blob.data)):
            is_html, charset = _html_payload(record)
            payload = record.content_stream().read() if is_html else b""
            _drain(record.raw_stream)
            if getattr(record.raw_stream, "limit", 0) > 0:
                damage = f"record {record.rec_type} ends {record.raw_stream.limit:,} bytes short of its Content-Length"
                break
            if not is_html:
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            warc_date = iso_date(record.rec_headers.get_header("WARC-Date"))
            extra = {"url": url} if url else {}
            fallback = {"published": warc_date} if warc_date else {}
            yield html_record(f"{src}#{n}", decode(payload, hint=charset), fmt="warc", url=url,
                              extra=extra, fallback=fallback)
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input
        damage = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    damage = blob.damage or damage
    if damage:
        yield Failure(src, "ingest", f"damaged WARC, records after #{n} lost: {damage}")
    elif n == 0:
        yield Failure(src, "ingest", "WARC file holds no HTML responses (HTTP 200, text/html)")
