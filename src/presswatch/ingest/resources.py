"""Ingest heuristics as data: magic numbers, JSONL field aliases, sniffing patterns."""

from __future__ import annotations

import re

GZIP_MAGIC = b"\x1f\x8b"

#: Leading bytes of binary formats we refuse by name (the reason says which).
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media file (WEBP/WAV/AVI)"),
    (b"BM", "BMP image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive (empty)"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"ID3", "MP3 audio"),
)

#: Share of control bytes (other than tab, newlines, form feed, escape) above which a file is binary.
MAX_CONTROL_RATIO = 0.10

#: How much of the head of a file the sniffers look at.
SNIFF_BYTES = 8192

#: A head that is markup rather than prose (checked after leading whitespace/BOM).
HTML_HEAD = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|header|nav|link|script|style)\b",
    re.IGNORECASE | re.DOTALL,
)
#: A document whose head contains an html/body element anywhere is HTML even after some leading text.
HTML_ANYWHERE = re.compile(rb"<(?:!doctype\s+html|html[\s>]|body[\s>])", re.IGNORECASE)

#: HTML markup inside a JSONL text field (a `content` field holding the page rather than the text).
HTML_FRAGMENT = re.compile(r"^\s*<(?:!doctype|html|head|body|article|div|p|section|main|span|h[1-6])\b", re.IGNORECASE)

#: Declared charset in an HTML head (meta charset or http-equiv content-type).
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.IGNORECASE)

#: JSONL field aliases, first match wins (keys are compared case-insensitively).
JSONL_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading"),
    "text": ("text", "body", "content", "article", "maintext", "main_text", "full_text", "fulltext",
             "article_text", "articlebody", "story", "description"),
    "html": ("html", "raw_html", "rawhtml", "page", "content_html", "html_content", "source_html"),
    "url": ("url", "link", "href", "source_url", "article_url", "uri", "permalink", "canonical_url"),
    "published": ("published", "date", "published_at", "publishedat", "publish_date", "pub_date", "pubdate",
                  "date_published", "datepublished", "published_date", "publication_date", "created_at",
                  "timestamp", "time", "datetime"),
    "outlet": ("outlet", "source", "site", "sitename", "site_name", "publisher", "domain", "source_name",
               "publication", "newspaper"),
    "author": ("author", "authors", "byline", "creator"),
}

#: Keys of a nested object (e.g. ``"source": {"name": ...}``) that hold its display value.
NESTED_NAME_KEYS = ("name", "title", "id", "url")

#: HTTP content types the WARC reader treats as article pages.
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")

#: Class/id tokens of chrome that sits INSIDE article bodies and that trafilatura keeps:
#: inline "read more" links, promos, video embeds with captions, trust/standards boxes,
#: newsletter boxes. Matched as whole tokens of @class or @id.
PRUNE_TOKENS: tuple[str, ...] = (
    "read-more", "readmore", "inline-link", "inline-promo", "promo", "video-embed", "video-caption",
    "trust", "newsletter", "newsletter-box", "newsletter-signup", "comments-section", "related-box",
    "share-links", "print-links", "continue-reading",
)

#: Separators between a headline and the site name in <title>.
TITLE_SEPARATORS: tuple[str, ...] = (" :: ", " | ", " – ", " — ", " - ", " · ")

#: Block-level tags whose presence inside a <table> marks it as page layout, not data.
LAYOUT_TABLE_BLOCKS = ("table", "div", "p", "iframe", "form", "ul", "ol", "h1", "h2", "h3", "font")

#: A table cell with this much text is prose laid out in a table, not data.
LAYOUT_CELL_CHARS = 400

#: A page whose extracted body is shorter than this holds no article (e.g. a script-only app shell).
MIN_BODY_CHARS = 40

#: How many lines at the top of an extracted body may repeat the headline or description.
HEAD_LINES = 3

#: The |---|---| rule line of a trafilatura markdown table.
TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")

#: A short block made almost only of links (print/email/share rows, "see also" lines) is chrome.
LINK_DENSE_MIN_LINKS = 2
LINK_DENSE_RATIO = 0.8
LINK_DENSE_MAX_CHARS = 200
LINK_DENSE_TAGS = ("p", "div", "font", "span", "small", "td", "li")

#: UTF-8 text may hold up to this many stray bytes per well-formed non-ASCII character and still be UTF-8
#: (legacy text read as UTF-8 almost never forms a well-formed multi-byte sequence by accident).
MAX_STRAY_RATIO = 1.0

#: Keys under which a single JSON document (not JSONL) holds its list of articles (e.g. news API dumps).
JSON_LIST_KEYS = ("articles", "items", "data", "results", "entries", "docs", "stories", "records")
