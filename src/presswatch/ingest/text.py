"""Reader for plain-text articles in the `title⏎⏎body` layout: the whole decoded file is the record."""

from __future__ import annotations

from typing import Iterator

from ..model import Failure, RawRecord
from .decode import decode
from .source import Blob


def read_text(blob: Blob) -> Iterator[RawRecord | Failure]:
    """One record holding the whole decoded file (the clean layer splits title and body)."""
    if blob.damage:
        yield Failure(blob.source_path, "ingest", blob.damage)
        return
    yield RawRecord(blob.source_path, decode(blob.data), "text")
