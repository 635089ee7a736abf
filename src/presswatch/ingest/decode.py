"""Bytes to text: UTF-8 (BOM aware) first, then a declared or detected charset; never raises."""

from __future__ import annotations

import codecs

from .resources import MAX_STRAY_RATIO, META_CHARSET, SNIFF_BYTES

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, with the mark's length."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML head declares (meta charset / http-equiv), if Python knows it."""
    m = META_CHARSET.search(data[:SNIFF_BYTES])
    return _known(m.group(1).decode("ascii", "ignore")) if m else None


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode(data: bytes, *, hint: str | None = None) -> str:
    """Decode raw bytes to text without repairing anything (mojibake repair is the clean layer's job).

    Order: byte-order mark, UTF-8, UTF-8 with a few stray cp1252 bytes, the ``hint`` charset (e.g. an HTTP header), the HTML-declared
    charset, charset-normalizer's guess, and cp1252/latin-1 as the last resort (latin-1 cannot fail).
    """
    bom = bom_encoding(data)
    if bom:
        enc, skip = bom
        return data[skip:].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    for enc in (_known(hint), declared_charset(data)):
        if enc and enc not in ("utf-8",):
            try:
                return data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                continue
    if _mostly_ascii_cp1252(data):
        # Western text with a few accents: detectors guess odd code pages (cp775) on short inputs
        return data.decode("cp1252")
    guess = _detect(data)
    if guess:
        return guess
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _mostly_ascii_cp1252(data: bytes, ascii_share: float = 0.9) -> bool:
    """Whether the bytes are nearly all ASCII and their few others decode cleanly as cp1252."""
    if not data:
        return False
    high = sum(b >= 0x80 for b in data)
    if high / len(data) > 1 - ascii_share:
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _cp1252_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="ignore") or bad.decode("latin-1"), err.end


codecs.register_error("presswatch-cp1252", _cp1252_bytes)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray legacy bytes (scrapers often paste cp1252 into UTF-8 pages), decoded
    as UTF-8 with the stray bytes read as cp1252; None when the bytes are not mostly UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if good == 0 or bad > good * MAX_STRAY_RATIO:
        return None
    return data.decode("utf-8", errors="presswatch-cp1252")


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 1 << 20]).best()
    except Exception:  # noqa: BLE001 - detection is best effort; the fallbacks follow
        return None
    if best is None or not best.encoding:
        return None
    try:
        return data.decode(best.encoding, errors="replace")
    except LookupError:
        return None
