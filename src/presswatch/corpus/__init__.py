"""The corpus layer: what no single article shows — duplicates, stories, claims that disagree, a timeline.

The names below are imported on first use (PEP 562), so that the extract layer can use this
package's text helpers and resources (corpus.text, corpus.timeline, corpus.resources) without
importing the corpus layer that reads the extract layer's output: no import cycle.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "build_corpus": "stage",
    "claim_records": "claims",
    "find_claim_groups": "claims",
    "find_dates": "timeline",
    "find_duplicates": "duplicates",
    "find_timeline": "timeline",
    "make_corpus": "stage",
    "run_corpus": "stage",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
