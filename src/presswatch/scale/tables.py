"""What the Spark modules share: Articles rebuilt from the Parquet tables, and removing a staging folder."""

from __future__ import annotations

import json
from typing import Any, Iterable


def row_article(row: Any, annotations: Iterable[Any] | None) -> Any:
    """An Article rebuilt from a row of the `articles` table (the columns it has) and its annotation structs."""
    from presswatch.model import Annotation, Article

    paragraphs = getattr(row, "paragraphs", None)
    return Article(
        id=row.id, source_path="", text=row.text, title=getattr(row, "title", None), published=row.published,
        outlet=getattr(row, "outlet", None), language=getattr(row, "language", None),
        paragraphs=[(int(s), int(e)) for s, e in paragraphs] if paragraphs is not None else [],
        annotations=[
            Annotation(layer=c["layer"], label=c["label"], start=c["start"], end=c["end"], score=c["score"],
                       attrs=json.loads(c["attrs"] or "{}"))
            for c in (annotations if annotations is not None else ())
        ],
    )


def delete_path(spark: Any, path: str) -> None:
    """Remove a staging folder on whatever file system the output lives on."""
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(hpath, True)
