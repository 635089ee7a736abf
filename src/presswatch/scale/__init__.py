"""Scale: the Spark runner (same library call per partition, Parquet out)."""
