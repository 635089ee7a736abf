"""The embedded DuckDB store: articles, annotations, failures, and what the corpus layer finds.

``schema`` defines every table and the schema version; ``read`` turns the tables into typed records.
"""

from .duck import Store, StoreLocked
from .read import Reader
from .schema import VERSION as SCHEMA_VERSION, SchemaVersionError

__all__ = ["Store", "StoreLocked", "Reader", "SCHEMA_VERSION", "SchemaVersionError"]
