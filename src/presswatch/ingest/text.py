"""Reader for plain-text articles in the `title⏎⏎body` layout: the whole decoded file is the record.

A damaged gzip keeps what decompressed, with a warning (``meta["damage"]``)."""

from __future__ import annotations

from typing import Iterator

from ..model import Failure, RawRecord
from .decode import decode
from .source import Blob, damage_meta


def read_text(blob: Blob) -> Iterator[RawRecord | Failure]:
    """One record holding the whole decoded file (the clean layer splits title and body)."""
    yield RawRecord(blob.source_path, decode(blob.data), "text", damage_meta(blob))
