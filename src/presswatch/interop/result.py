"""What an export wrote: shared by every exporter (exports.py, labelstudio.py), so neither imports the other."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the files and how many articles went into them."""

    format: str
    files: tuple[Path, ...]
    articles: int
