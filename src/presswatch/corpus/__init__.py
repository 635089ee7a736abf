"""The corpus layer: what no single article shows — duplicates, stories, claims that disagree, a timeline."""

from .claims import claim_records, find_claim_groups
from .duplicates import find_duplicates
from .stage import build_corpus, make_corpus, run_corpus
from .timeline import find_dates, find_timeline

__all__ = [
    "build_corpus",
    "claim_records",
    "find_claim_groups",
    "find_dates",
    "find_duplicates",
    "find_timeline",
    "make_corpus",
    "run_corpus",
]
