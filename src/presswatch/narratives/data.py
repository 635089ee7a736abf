"""Readers for the SemEval-2025 Task 10 train data: documents, entity roles (subtask 1), narratives
(subtask 2), and the two taxonomies (narratives, roles with their descriptions).

Layout (``../shared/datasets/semeval2025-task10-train``, README there): per language ``EN``, ``BG``,
``HI``, ``PT``, ``RU`` a ``raw-documents/`` folder (line 1 title, then body) and tab-separated
annotation files with CRLF line ends. Subtask-1 offsets count characters of the document file as
read with ``newline=""``; the end offset is inclusive.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..rhetoric.data import read_text
from ..rhetoric.resources import datasets_dir

#: Where the 2025 train data lives, under the shared datasets folder.
SEMEVAL2025 = "semeval2025-task10-train"
#: The five train languages, folder names as the data spells them.
LANGUAGES: tuple[str, ...] = ("EN", "BG", "HI", "PT", "RU")
#: The three main roles of subtask 1.
MAIN_ROLES: tuple[str, ...] = ("Protagonist", "Antagonist", "Innocent")
#: Label of an article that pushes none of the taxonomy's narratives.
OTHER = "Other"


@dataclass(frozen=True)
class Document:
    """One train document: id (file name as the annotation files give it), language, full text."""

    id: str
    language: str
    text: str

    @property
    def domain(self) -> str | None:
        """"URW" or "CC" from the id where the id says (EN_UA_*, EN_CC_*, RU-URW-*), else None."""
        upper = self.id.upper()
        if "_UA_" in upper or "URW" in upper:
            return "URW"
        if "_CC_" in upper or "-CC-" in upper:
            return "CC"
        return None


@dataclass(frozen=True)
class Mention:
    """A subtask-1 entity mention: character offsets (end exclusive here), main and fine roles."""

    doc_id: str
    text: str
    start: int
    end: int  # exclusive: the gold file's inclusive end + 1
    main: str
    fine: tuple[str, ...]


@dataclass(frozen=True)
class Narratives:
    """A subtask-2 label line: the coarse narratives and the sub-narratives of one document."""

    doc_id: str
    coarse: tuple[str, ...]
    fine: tuple[str, ...]


@dataclass(frozen=True)
class Language:
    """Everything the train data holds for one language."""

    code: str
    documents: dict[str, Document]
    mentions: list[Mention]  # offsets moved onto the mention's text where the gold file's drift (see align)
    narratives: dict[str, Narratives]


def root() -> Path:
    """The 2025 train data folder (fails with what to do when it is missing)."""
    folder = datasets_dir() / SEMEVAL2025
    if not folder.is_dir():
        raise FileNotFoundError(f"no SemEval-2025 Task 10 train data at {folder}; is ../shared/datasets in place?")
    return folder


def _rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of an annotation file, CR stripped, blank lines skipped."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\r")
        if line.strip():
            out.append([c.strip() for c in line.split("\t")])
    return out


def _split(cell: str) -> tuple[str, ...]:
    """A ``;``-joined label cell as a tuple, order kept, duplicates dropped."""
    return tuple(dict.fromkeys(p.strip() for p in cell.split(";") if p.strip()))


def read_documents(folder: Path, language: str) -> dict[str, Document]:
    """doc id (file name) -> Document for every ``*.txt`` in ``folder``."""
    return {p.name: Document(p.name, language, read_text(p)) for p in sorted(folder.glob("*.txt"))}


def read_mentions(path: Path) -> list[Mention]:
    """Subtask-1 lines: doc id, mention, start, end (inclusive), main role, fine roles..."""
    out = []
    for row in _rows(path):
        if len(row) < 6:
            raise ValueError(f"{path}: subtask-1 line with {len(row)} columns, need at least 6: {row!r}")
        doc, text, start, end, main, *fine = row
        out.append(Mention(doc, text, int(start), int(end) + 1, main, tuple(f for f in fine if f)))
    return out


def read_narratives(path: Path) -> dict[str, Narratives]:
    """Subtask-2 lines: doc id, ``;``-joined narratives, ``;``-joined sub-narratives."""
    out = {}
    for row in _rows(path):
        if len(row) < 3:
            raise ValueError(f"{path}: subtask-2 line with {len(row)} columns, need 3: {row!r}")
        out[row[0]] = Narratives(row[0], _split(row[1]), _split(row[2]))
    return out


#: How far a mention's gold offsets may be off its text and still be moved onto it (the RU file's
#: offsets drift by up to 7 characters before the mention; EN and HI have a few off by 1 to 3).
ALIGN_WINDOW = 50


def align(mention: Mention, text: str) -> Mention | None:
    """The mention on the offsets where its text is (the nearest occurrence within ALIGN_WINDOW
    characters of the gold start), or None when the text is not there."""
    n = len(mention.text)
    if text[mention.start : mention.start + n] == mention.text:
        return mention if mention.end == mention.start + n else Mention(
            mention.doc_id, mention.text, mention.start, mention.start + n, mention.main, mention.fine)
    for k in sorted(range(-ALIGN_WINDOW, ALIGN_WINDOW + 1), key=abs):
        s = mention.start + k
        if s >= 0 and text[s : s + n] == mention.text:
            return Mention(mention.doc_id, mention.text, s, s + n, mention.main, mention.fine)
    return None


@lru_cache(maxsize=None)
def load_language(code: str) -> Language:
    """The documents and both subtasks' labels of one train language (EN, BG, HI, PT, RU)."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; the 2025 train data has {', '.join(LANGUAGES)}")
    folder = root() / "data" / "train_data" / code
    documents = read_documents(folder / "raw-documents", code)
    mentions = []
    for m in read_mentions(folder / "subtask-1-annotations.txt"):
        doc = documents.get(m.doc_id)
        placed = align(m, doc.text) if doc else None
        if placed is not None:  # a mention whose text is not in its document cannot be learnt from
            mentions.append(placed)
    return Language(code, documents, mentions, read_narratives(folder / "subtask-2-annotations.txt"))


@lru_cache(maxsize=None)
def taxonomy() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(coarse narratives, sub-narratives) of the official taxonomy files, ``Other`` included."""
    folder = root() / "data" / "scorers_baselines"
    coarse = tuple(r[0] for r in _rows(folder / "subtask2_narratives.txt"))
    fine = tuple(r[0] for r in _rows(folder / "subtask2_subnarratives.txt"))
    return coarse, fine


def parent(subnarrative: str) -> str:
    """The coarse narrative a sub-narrative belongs to ("URW: Praise of Russia: X" -> "URW: Praise of Russia")."""
    if subnarrative == OTHER:
        return OTHER
    head, sep, _ = subnarrative.rpartition(": ")
    return head if sep else subnarrative


@lru_cache(maxsize=None)
def role_descriptions() -> dict[str, tuple[str, str]]:
    """fine role -> (main role, description), from ``merged_data/description_roles.csv``."""
    out = {}
    with open(root() / "merged_data" / "description_roles.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["fine_grained_role"].strip()] = (row["main_role"].strip(), " ".join(row["description"].split()))
    return out
