"""Clean: the only place text changes. Everything removed is kept with the reason."""

from __future__ import annotations

from ..model import Article, RawRecord

__all__ = ["clean_record"]


def clean_record(record: RawRecord) -> Article:
    """A clean Article from one raw record."""
    text = record.text.replace("\r\n", "\n")
    title, _, body = text.partition("\n\n")
    paras = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
    return Article.create(record.source_path, "\n\n".join(paras), title=title.strip() or None)
