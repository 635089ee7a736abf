"""presswatch: clean text, facts, rhetoric and cross-source analysis of scraped news.

The small public API: ``analyze`` (run the pipeline over paths or texts), the data model,
and ``Options``.
"""

from .model import SCHEMA_VERSION, Annotation, Article, Failure, RawRecord, Removed
from .options import Options
from .pipeline import AnalysisResult, RunSummary, analyze
from .query import Database, open

__version__ = "0.1.0"

__all__ = [
    "analyze",
    "open",
    "Database",
    "Options",
    "Article",
    "Annotation",
    "Removed",
    "RawRecord",
    "Failure",
    "AnalysisResult",
    "RunSummary",
    "SCHEMA_VERSION",
    "__version__",
]
