"""Helpers for the ingest tests: our own bench pages, a WARC builder, small article texts."""

from __future__ import annotations

import io
from pathlib import Path

from presswatch.model import Failure, RawRecord

PAGES = Path(__file__).resolve().parents[2] / "bench" / "pages"

#: A plain-text article in the title⏎⏎body layout, written for these tests.
TEXT_ARTICLE = (
    "Harbour ferry fares to rise by 8% from April\n\n"
    "Ferry fares across the harbour will rise by 8% from April, the operator said on Friday.\n"
    "The company blamed fuel costs and said season tickets would be frozen until June.\n"
)


def page(name: str) -> bytes:
    """The bytes of one of our hand-written bench pages."""
    return (PAGES / f"{name}.html").read_bytes()


def gold(name: str) -> str:
    return (PAGES / f"{name}.gold.txt").read_text(encoding="utf-8")


def split(items) -> tuple[list[RawRecord], list[Failure]]:
    """Records and failures of a read, in order."""
    items = list(items)
    return [i for i in items if isinstance(i, RawRecord)], [i for i in items if isinstance(i, Failure)]


def build_warc(pages: list[tuple[str, bytes, str, str]], *, gz: bool = False, extras: bool = True,
               dates: list[str] | None = None) -> bytes:
    """A WARC file holding (url, payload, status, content type) responses, plus a warcinfo, a request
    and an image response when ``extras`` is set."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    if extras:
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "presswatch-tests"}))
    for i, (url, payload, status, ctype) in enumerate(pages):
        if extras:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": dates[i]} if dates else None
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers,
                                        warc_headers_dict=warc_headers)
        writer.write_record(rec)
        if extras:
            img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url + ".png", "response",
                                                          payload=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"),
                                                          http_headers=img))
    return buf.getvalue()


def plain_page(title: str, paragraphs: list[str], *, extra_head: str = "") -> str:
    """A small news page with no date anywhere, nav and footer around an <article>."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{extra_head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer><p>Contact us | Terms of use</p></footer></body></html>"
    )


#: Paragraphs long enough that trafilatura takes them as an article body.
PARAGRAPHS = [
    "The regional water company said on Wednesday that reservoir levels had fallen to 41 per cent, the lowest for the time of year since records began in 1976.",
    "A hosepipe ban covering about 1.2 million customers will begin on Friday, and the company asked households to cut their use by 20 litres a day.",
    "Farmers in the valley said the dry spring had already cut the first hay harvest by a third, and several asked for permission to draw water from the river.",
]
