"""Readers for the shared-task train data: articles, paragraph, span, genre and frame labels."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .resources import MULTILINGUAL_FOLDERS, PTC2020, SEMEVAL2023, SEMEVAL2023_MULTILINGUAL, datasets_dir


@dataclass(frozen=True)
class Span:
    """A labelled character span of an article file (label None for span identification)."""

    article_id: str
    start: int
    end: int
    label: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """One line of an article file: its 1-based line number, offsets, text and gold techniques."""

    article_id: str
    line: int
    start: int
    end: int
    text: str
    labels: frozenset[str] = field(default_factory=frozenset)


def read_text(path: Path) -> str:
    """Read an article file exactly as the offsets of the label files count it."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def line_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, 0-based list, end excluding the newline."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def read_articles(folder: Path) -> dict[str, str]:
    """article id -> text for every ``articleNNN.txt`` in ``folder``."""
    if not folder.is_dir():
        raise FileNotFoundError(f"no articles folder {folder}; is ../shared/datasets in place?")
    return {p.stem.removeprefix("article"): read_text(p) for p in sorted(folder.glob("article*.txt"))}


def read_articles_from_dir(folder: Path) -> dict[str, str]:
    """Article files of a shared-task articles folder (any ``*.txt``, id from ``articleNNN``)."""
    out = {}
    for p in sorted(Path(folder).glob("*.txt")):
        out[p.stem.removeprefix("article").split(".")[0]] = read_text(p)
    return out


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [line.rstrip("\r\n").split("\t") for line in fh if line.strip("\r\n")]


def read_spans(path: Path, labelled: bool = True) -> list[Span]:
    """Span label lines (id, technique, start, end) or SI lines (id, start, end)."""
    spans = []
    for row in _rows(path):
        if labelled:
            spans.append(Span(row[0], int(row[2]), int(row[3]), row[1]))
        else:
            spans.append(Span(row[0], int(row[1]), int(row[2])))
    return spans


def read_template(path: Path) -> list[tuple[str, int]]:
    """(article id, line number) pairs of a subtask-3 template or label file."""
    return [(row[0], int(row[1])) for row in _rows(path)]


def paragraphs_of(article_id: str, text: str, lines: list[int], labels: dict[tuple[str, int], frozenset[str]]) -> list[Paragraph]:
    """The listed lines of one article as Paragraphs with their gold labels."""
    offsets = line_offsets(text)
    out = []
    for ln in lines:
        s, e = offsets[ln - 1]
        out.append(Paragraph(article_id, ln, s, e, text[s:e], labels.get((article_id, ln), frozenset())))
    return out


@dataclass
class SemEval2023:
    """The SemEval-2023 Task 3 English train data."""

    articles: dict[str, str]  # subtask 3 articles
    doc_articles: dict[str, str]  # subtask 1/2 articles
    paragraphs: list[Paragraph]
    spans: list[Span]
    genre: dict[str, str]
    frames: dict[str, frozenset[str]]


def load_semeval2023(root: Path | None = None) -> SemEval2023:
    """Read the whole SemEval-2023 English train folder."""
    return read_semeval2023_folder((root or datasets_dir()) / SEMEVAL2023)


def load_semeval2023_multilingual(language: str, root: Path | None = None) -> SemEval2023:
    """Read one language of the SemEval-2023 multilingual train folder; ``language`` is an ISO code
    ("de", "pl") or the dataset's folder name ("ge", "po")."""
    folder = MULTILINGUAL_FOLDERS.get(language, language)
    if folder not in MULTILINGUAL_FOLDERS.values():
        raise ValueError(f"no SemEval-2023 train data for language {language!r} "
                         f"(have {', '.join(sorted(MULTILINGUAL_FOLDERS))})")
    return read_semeval2023_folder((root or datasets_dir()) / SEMEVAL2023_MULTILINGUAL / folder)


def read_semeval2023_folder(base: Path) -> SemEval2023:
    """Read one language folder of SemEval-2023 Task 3 train data (every language has the same layout)."""
    articles = read_articles(base / "train-articles-subtask-3")
    labels: dict[tuple[str, int], frozenset[str]] = {}
    by_article: dict[str, list[int]] = defaultdict(list)
    for row in _rows(base / "train-labels-subtask-3.txt"):
        labels[(row[0], int(row[1]))] = frozenset(x for x in (row[2] if len(row) > 2 else "").split(",") if x)
        by_article[row[0]].append(int(row[1]))
    paragraphs = [p for aid, lines in by_article.items() for p in paragraphs_of(aid, articles[aid], lines, labels)]
    spans = []
    for f in sorted((base / "train-labels-subtask-3-spans").glob("*.txt")):
        spans.extend(read_spans(f))
    genre = {row[0]: row[1] for row in _rows(base / "train-labels-subtask-1.txt")}
    frames = {
        row[0]: frozenset(x for x in (row[1] if len(row) > 1 else "").split(",") if x)
        for row in _rows(base / "train-labels-subtask-2.txt")
    }
    doc_articles = read_articles(base / "train-articles-subtask-1")
    doc_articles.update(read_articles(base / "train-articles-subtask-2"))
    return SemEval2023(articles, doc_articles, paragraphs, spans, genre, frames)


@dataclass
class Ptc2020:
    """The PTC (SemEval-2020 Task 11) train data."""

    articles: dict[str, str]
    tc: list[Span]
    si: list[Span]


def load_ptc2020(root: Path | None = None) -> Ptc2020:
    """Read the PTC v2 train articles and their SI and TC labels."""
    base = (root or datasets_dir()) / PTC2020
    articles = read_articles(base / "train-articles")
    tc = read_spans(base / "train-task-flc-tc.labels")
    si = read_spans(base / "train-task-si.labels", labelled=False)
    return Ptc2020(articles, tc, si)
