"""Fixtures for the ingest tests."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest


@pytest.fixture
def write(tmp_path):
    """Write bytes (or text) to a file under tmp_path, optionally gzipped; returns its path."""

    def make(name: str, data: bytes | str, *, gz: bool = False) -> Path:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(raw) if gz else raw)
        return path

    return make
