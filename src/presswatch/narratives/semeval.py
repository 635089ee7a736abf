"""SemEval-2025 Task 10 subtask 2 in its file formats: prediction lines for a folder of articles and
the official metric, samples-F1 of coarse and of fine narratives.

A line is ``doc id<TAB>narratives joined by ;<TAB>sub-narratives joined by ;``. The metric (the task
README's subtask2_scorer): per document, F1 of the predicted label set against the gold set; the
mean over the gold documents is the score, the population standard deviation is printed beside it.
A gold document missing from the predictions scores 0; labels outside the taxonomy are dropped
before scoring, as the official scorer's binarizer over the class files drops them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .classify import Found
from .data import OTHER


@dataclass(frozen=True)
class SamplesF1:
    """Mean and standard deviation over documents of the per-document F1."""

    f1: float
    std: float
    n: int

    def to_dict(self) -> dict[str, float]:
        return {"f1": round(self.f1, 5), "std": round(self.std, 5), "n": self.n}


def doc_f1(gold: set[str], pred: set[str]) -> float:
    """F1 of one document's predicted labels against its gold labels (0 when either is empty)."""
    tp = len(gold & pred)
    if not tp:
        return 0.0
    p, r = tp / len(pred), tp / len(gold)
    return 2 * p * r / (p + r)


def samples_f1(gold: Mapping[str, set[str]], pred: Mapping[str, set[str]],
               classes: Iterable[str] | None = None, weights: Mapping[str, float] | None = None) -> SamplesF1:
    """Samples-F1 over the gold documents; ``classes`` drops labels outside them, ``weights`` weighs
    documents (a test set resampled to another label mix)."""
    keep = set(classes) if classes is not None else None
    scores, ws = [], []
    for doc, g in gold.items():
        p = pred.get(doc, set())
        if keep is not None:
            g, p = g & keep, p & keep
        scores.append(doc_f1(g, p))
        ws.append(1.0 if weights is None else weights.get(doc, 0.0))
    total = sum(ws)
    if not total:
        return SamplesF1(0.0, 0.0, 0)
    mean = sum(s * w for s, w in zip(scores, ws)) / total
    var = sum(w * (s - mean) ** 2 for s, w in zip(scores, ws)) / total
    return SamplesF1(mean, math.sqrt(var), len(scores))


def read_st2(path: Path) -> dict[str, tuple[set[str], set[str]]]:
    """doc id -> (coarse labels, fine labels) of a subtask-2 gold or prediction file."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = [c.strip() for c in line.rstrip("\r\n").split("\t")]
            if not cols[0]:
                continue
            cell = lambda k: {x.strip() for x in cols[k].split(";") if x.strip()} if len(cols) > k else set()
            out[cols[0]] = (cell(1), cell(2))
    return out


@dataclass(frozen=True)
class St2Score:
    """Samples-F1 of coarse narratives (the task's F1@coarse) and of sub-narratives (F1@fine)."""

    coarse: SamplesF1
    fine: SamplesF1

    def to_dict(self) -> dict[str, dict]:
        return {"coarse": self.coarse.to_dict(), "fine": self.fine.to_dict()}


def score_st2(gold: Path, pred: Path, classes: tuple[Sequence[str], Sequence[str]] | None = None) -> St2Score:
    """Coarse and fine samples-F1 of a prediction file against gold (``classes``: the taxonomy)."""
    g, p = read_st2(gold), read_st2(pred)
    coarse_classes, fine_classes = classes if classes is not None else (None, None)
    coarse = samples_f1({d: c for d, (c, _) in g.items()}, {d: c for d, (c, _) in p.items()}, coarse_classes)
    fine = samples_f1({d: f for d, (_, f) in g.items()}, {d: f for d, (_, f) in p.items()}, fine_classes)
    return St2Score(coarse, fine)


def score_st2_files(gold: Path, pred: Path) -> St2Score:
    """The `semeval score 2025-t10-st2` metric: labels outside the official taxonomy files dropped
    when the train data (which holds them) is in place, else every label counts."""
    from .data import taxonomy

    try:
        classes = taxonomy()
    except FileNotFoundError:
        classes = None
    return score_st2(gold, pred, classes)


def st2_line(doc_id: str, found: Sequence[Found]) -> str:
    """One prediction line: doc id, narratives, sub-narratives (Other alone when none)."""
    coarse = [f.label for f in found] or [OTHER]
    fine = [s for f in found for s in f.subnarratives] or [OTHER]
    return f"{doc_id}\t{';'.join(dict.fromkeys(coarse))}\t{';'.join(dict.fromkeys(fine))}"


#: Document id prefixes of the 2025 data -> article language (ISO 639-1).
_ID_LANGUAGE = {"EN_": "en", "BG_": "bg", "A9_BG_": "bg", "HI_": "hi", "PT_": "pt", "RU-": "ru", "RU_": "ru"}


def language_of(doc_id: str, text: str) -> str | None:
    """The article's language: from the 2025 id when it names one, else detected from the text."""
    for prefix, lang in _ID_LANGUAGE.items():
        if doc_id.upper().startswith(prefix):
            return lang
    from ..nlp.models import detect_language

    return detect_language(text)


def predict_lines(articles: Path, models_dir: Path | None = None) -> list[str]:
    """Subtask-2 prediction lines for every ``*.txt`` article in ``articles`` (sorted by file name).

    An article in a language the model has no train data for gets ``Other`` (the file format has no
    way to say "not supported"; the analysis stage marks it instead)."""
    from ..rhetoric.data import read_text
    from .stage import find_narratives, load_model

    model = load_model(models_dir)
    paths = sorted(Path(articles).glob("*.txt"))
    texts = {p.name: read_text(p) for p in paths}
    langs = {d: language_of(d, t) for d, t in texts.items()}
    ids = [d for d in texts if model.supports(langs[d])]
    found = dict(zip(ids, find_narratives(model, [texts[d] for d in ids]))) if ids else {}
    return [st2_line(d, found.get(d, [])) for d in texts]
