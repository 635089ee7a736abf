"""Decoding: UTF-8 (BOM aware) first, then declared or detected charsets; never raises, never repairs."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from presswatch.ingest.decode import declared_charset, decode

TEXT = "Zürich café owners say rents rose 12% — “unbearable”, one said."


def test_decode_utf8_and_boms():
    assert decode(TEXT.encode("utf-8")) == TEXT
    assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT
    assert decode("\ufeff".encode("utf-16-le") + TEXT.encode("utf-16-le")) == TEXT


def test_decode_html_meta_charset_when_not_utf8():
    html = "<html><head><meta charset='iso-8859-1'></head><body>Caf\u00e9 na\u00efve</body></html>"
    assert "Café naïve" in decode(html.encode("latin-1"))
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">') == "cp1252"


def test_decode_hint_from_http_header():
    assert decode("“quoted” – dash".encode("cp1252"), hint="windows-1252") == "“quoted” – dash"


def test_decode_detects_undeclared_legacy_text():
    text = "Le ministre a déclaré que les élèves étaient très nombreux cette année à l'école primaire."
    assert decode(text.encode("cp1252")) == text


def test_decode_utf8_with_stray_cp1252_bytes():
    data = "Zürich café — ".encode("utf-8") + b"\x96 a stray dash and \x93quotes\x94"
    assert decode(data) == "Zürich café — – a stray dash and “quotes”"


def test_decode_keeps_mojibake_as_is():
    moji = "Putin‚ÄĒ the Kremlin‚Äôs line"
    assert decode(moji.encode("utf-8")) == moji


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_raises(data):
    assert isinstance(decode(data), str)


def test_decode_random_bytes_never_raise():
    assert isinstance(decode(os.urandom(5000)), str)
