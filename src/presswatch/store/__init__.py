"""The embedded DuckDB store: articles, annotations, failures, and what the corpus layer finds."""

from .duck import Store, SCHEMA_SQL

__all__ = ["Store", "SCHEMA_SQL"]
