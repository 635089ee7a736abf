"""Exports of a presswatch database: JSONL, Parquet, CSV, SemEval-2023 Task 3 label files, spaCy DocBin.

Label Studio tasks live in `labelstudio.py`; `export` dispatches over every format by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

from ..model import Annotation, Article
from ..query import Database
from .labelstudio import export_label_studio
from .resources import DOC_LAYERS, SPAN_LAYERS
from .result import ExportResult

__all__ = [
    "FORMATS", "ExportResult", "export", "semeval_lines", "article_file_text", "to_spacy_doc", "SPAN_LAYERS",
    "DOC_LAYERS",
]


def export(db: str | Path, fmt: str, out: str | Path) -> ExportResult:
    """Export the database at ``db`` in format ``fmt`` (one of FORMATS) to ``out``."""
    try:
        fn = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    with Database(db) as handle:
        return fn(handle, Path(out))


# -- JSONL ----------------------------------------------------------------------------------------
def export_jsonl(db: Database, out: Path) -> ExportResult:
    """One article a line in the articles.jsonl shape of the output contract."""
    target = out / "articles.jsonl" if out.is_dir() else out
    target.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for article in db.iter_articles():
            fh.write(article.to_json())
            fh.write("\n")
            n += 1
    tmp.replace(target)
    return ExportResult("jsonl", (target,), n)


# -- tables (Parquet, CSV) -------------------------------------------------------------------------
def _copy_tables(db: Database, out: Path, fmt: str) -> ExportResult:
    out.mkdir(parents=True, exist_ok=True)
    options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
    files = []
    for table in db.tables():
        target = out / f"{table}.{fmt}"
        # COPY takes no bound parameters for the path; quote it as an SQL literal.
        path_sql = "'" + str(target).replace("'", "''") + "'"
        db.con.execute(f'COPY (SELECT * FROM "{table}") TO {path_sql} {options}')
        files.append(target)
    return ExportResult(fmt, tuple(files), db.store.count("articles"))


def export_parquet(db: Database, out: Path) -> ExportResult:
    """Every table as OUT/<table>.parquet (articles, annotations, failures, corpus tables, ...)."""
    return _copy_tables(db, out, "parquet")


def export_csv(db: Database, out: Path) -> ExportResult:
    """Every table as OUT/<table>.csv with a header row; JSON columns stay JSON text."""
    return _copy_tables(db, out, "csv")


# -- SemEval-2023 Task 3 -----------------------------------------------------------------------------
def article_file_text(article: Article) -> str:
    """The article in the shared task's file layout: title, an empty line, then the text."""
    return f"{_one_line(article.title or '')}\n\n{article.text}"


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _body_offset(article: Article) -> int:
    return len(_one_line(article.title or "")) + 2


def semeval_lines(article: Article) -> Iterator[tuple[int, list[str]]]:
    """(line number, techniques) for every non-empty line of the article file, as in subtask 3.

    Line numbers are 1-based and count the title line and the empty lines, as the task's
    label files do; a line gets every technique whose span overlaps it.
    """
    text = article_file_text(article)
    shift = _body_offset(article)
    spans = [
        (a.start + shift, a.end + shift, a.label)
        for a in article.layer("technique")
        if a.start is not None and a.end is not None
    ]
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        labels = sorted({label for s, e, label in spans if s < end and e > start})
        yield number, labels


def export_semeval(db: Database, out: Path) -> ExportResult:
    """The SemEval-2023 Task 3 layout: article files, subtask 1/2/3 label files and span files."""
    articles_dir = out / "articles"
    spans_dir = out / "labels-subtask-3-spans"
    articles_dir.mkdir(parents=True, exist_ok=True)
    spans_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    n = 0
    with (out / "labels-subtask-3.txt").open("w", encoding="utf-8") as para_fh, \
            (out / "labels-subtask-3.template").open("w", encoding="utf-8") as tmpl_fh, \
            (out / "labels-subtask-1.txt").open("w", encoding="utf-8") as genre_fh, \
            (out / "labels-subtask-2.txt").open("w", encoding="utf-8") as frame_fh:
        for article in db.iter_articles():
            n += 1
            text = article_file_text(article)
            path = articles_dir / f"article{article.id}.txt"
            path.write_text(text, encoding="utf-8")
            lines = text.split("\n")
            for number, labels in semeval_lines(article):
                para_fh.write(f"{article.id}\t{number}\t{','.join(labels)}\n")
                tmpl_fh.write(f"{article.id}\t{number}\t{lines[number - 1]}\n")
            shift = _body_offset(article)
            with (spans_dir / f"article{article.id}-labels-subtask-3.txt").open("w", encoding="utf-8") as fh:
                for a in article.layer("technique"):
                    if a.start is not None and a.end is not None:
                        fh.write(f"{article.id}\t{a.label}\t{a.start + shift}\t{a.end + shift}\n")
            genres = sorted(article.layer("genre"), key=lambda a: -(a.score or 0.0))
            if genres:
                genre_fh.write(f"{article.id}\t{genres[0].label}\n")
            frames = sorted({a.label for a in article.layer("frame")})
            if frames:
                frame_fh.write(f"{article.id}\t{','.join(frames)}\n")
    files += [out / "labels-subtask-1.txt", out / "labels-subtask-2.txt", out / "labels-subtask-3.txt",
              out / "labels-subtask-3.template", articles_dir, spans_dir]
    return ExportResult("semeval-2023-st3", tuple(files), n)


# -- spaCy ------------------------------------------------------------------------------------------
def to_spacy_doc(nlp: Any, article: Article) -> Any:
    """A spaCy Doc of the article text with one span group per layer and article labels as cats.

    Span offsets are snapped outwards to token boundaries; every span's attrs travel in
    ``doc.user_data["presswatch"]["attrs"][layer]``, aligned with ``doc.spans[layer]``.
    """
    doc = nlp.make_doc(article.text)
    attrs: dict[str, list[dict[str, Any]]] = {}
    by_layer: dict[str, list[Annotation]] = {}
    for ann in article.annotations:
        by_layer.setdefault(ann.layer, []).append(ann)
    for layer, anns in by_layer.items():
        spans, layer_attrs = [], []
        for ann in sorted(anns, key=lambda a: (a.start if a.start is not None else -1, a.end or -1)):
            if ann.start is None or ann.end is None:
                key = f"{layer}:{ann.label}"
                doc.cats[key] = max(doc.cats.get(key, 0.0), 1.0 if ann.score is None else float(ann.score))
                continue
            span = doc.char_span(ann.start, ann.end, label=ann.label, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue  # a span over whitespace only has no tokens to hold it
            spans.append(span)
            layer_attrs.append({**ann.attrs, "score": ann.score, "start_char": ann.start, "end_char": ann.end})
        if spans:
            doc.spans[layer] = spans
            attrs[layer] = layer_attrs
    doc.user_data["presswatch"] = {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "source_path": article.source_path,
        "language": article.language,
        "attrs": attrs,
    }
    return doc


def export_spacy(db: Database, out: Path) -> ExportResult:
    """A spaCy DocBin (``.spacy``) with annotations as span groups, one group per layer."""
    import spacy
    from spacy.tokens import DocBin

    target = out / "presswatch.spacy" if out.is_dir() else out
    target.parent.mkdir(parents=True, exist_ok=True)
    blanks: dict[str, Any] = {}
    docbin = DocBin(store_user_data=True)
    n = 0
    for article in db.iter_articles():
        lang = article.language if article.language and _has_spacy_lang(article.language) else "xx"
        nlp = blanks.get(lang) or blanks.setdefault(lang, spacy.blank(lang))
        docbin.add(to_spacy_doc(nlp, article))
        n += 1
    docbin.to_disk(target)
    return ExportResult("spacy", (target,), n)


def _has_spacy_lang(code: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(f"spacy.lang.{code}") is not None


FORMATS: dict[str, Callable[[Database, Path], ExportResult]] = {
    "jsonl": export_jsonl,
    "parquet": export_parquet,
    "csv": export_csv,
    "semeval-2023-st3": export_semeval,
    "spacy": export_spacy,
    "label-studio": export_label_studio,
}
