"""SemEval-2025 Task 10 subtask 1 (entity framing) in its file formats: prediction lines and the scorer.

Input mentions: ``doc id⇥mention⇥start⇥end`` (end inclusive, as the task gives them). Output and
gold: the same four columns, then the main role, then one fine role a column. The scorer follows
the official description (data/scorers_baselines/README.md): the exact-match ratio of the fine-role
sets (the official metric), micro precision/recall/F1 over (mention, fine role) pairs, and main-role
accuracy, all over the gold mentions (a gold mention without a prediction predicts nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

#: A mention's key in the files: doc id, mention text, start, end (inclusive), as given.
Key = tuple[str, str, str, str]


@dataclass(frozen=True)
class RoleScore:
    """Subtask-1 scores: exact-match ratio on fine roles (official), micro P/R/F1 on fine roles, main-role accuracy."""

    emr: float
    precision: float
    recall: float
    f1: float
    main_accuracy: float
    n: int

    def to_dict(self) -> dict[str, float]:
        return {"emr": round(self.emr, 5), "precision": round(self.precision, 5), "recall": round(self.recall, 5),
                "f1": round(self.f1, 5), "main_accuracy": round(self.main_accuracy, 5), "n": self.n}


def read_role_lines(path: Path) -> dict[Key, tuple[str, frozenset[str]]]:
    """Key -> (main role, fine roles) of a gold or prediction file (CRLF tolerated, blank lines skipped)."""
    out: dict[Key, tuple[str, frozenset[str]]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = [c.strip() for c in line.rstrip("\r").split("\t")]
        if not any(row):
            continue
        if len(row) < 5:
            raise ValueError(f"{path}:{n}: a subtask-1 line needs doc id, mention, start, end, main role: {line!r}")
        doc, mention, start, end, main, *fine = row
        out[(doc, mention, start, end)] = (main, frozenset(f for f in fine if f))
    return out


def score_roles(gold: Mapping[Key, tuple[str, frozenset[str]]],
                pred: Mapping[Key, tuple[str, frozenset[str]]]) -> RoleScore:
    """Scores of predictions against gold, over the gold mentions."""
    if not gold:
        raise ValueError("no gold mentions to score")
    exact = tp = n_pred = n_gold = main_ok = 0
    for key, (g_main, g_fine) in gold.items():
        p_main, p_fine = pred.get(key, ("", frozenset()))
        exact += g_fine == p_fine
        tp += len(g_fine & p_fine)
        n_pred += len(p_fine)
        n_gold += len(g_fine)
        main_ok += g_main == p_main
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return RoleScore(exact / len(gold), p, r, f1, main_ok / len(gold), len(gold))


def score_2025_st1(gold: Path, pred: Path) -> RoleScore:
    """Score a subtask-1 prediction file against a gold file."""
    return score_roles(read_role_lines(gold), read_role_lines(pred))


def read_mention_lines(path: Path) -> list[Key]:
    """The mentions of a subtask-1 input file (``doc id⇥mention⇥start⇥end``; extra columns ignored)."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = [c.strip() for c in line.rstrip("\r").split("\t")]
        if not any(row):
            continue
        if len(row) < 4 or not row[2].lstrip("-").isdigit() or not row[3].lstrip("-").isdigit():
            raise ValueError(f"{path}:{n}: a mention line is doc id, mention, start, end (numbers): {line!r}")
        out.append((row[0], row[1], row[2], row[3]))
    return out


def predict_lines(articles: Path, mentions: Path, language: str | None = None) -> list[str]:
    """Prediction lines for the mentions of ``mentions`` in the ``*.txt`` articles of ``articles``
    (each article's language from its id or its text, as subtask 2's, unless ``language`` names a train code)."""
    from .data import Document, Mention, align, read_documents
    from .resources import TRAIN_LANGUAGE
    from .roles import MentionInput
    from .roles_train import load_bundle
    from .semeval import language_of

    keys = read_mention_lines(mentions)
    docs = read_documents(articles, language or "EN")
    inputs = []
    for doc_id, text, start, end in keys:
        doc = docs.get(doc_id)
        if doc is None:
            raise ValueError(f"article {doc_id} of {mentions} is not in {articles}")
        placed = align(Mention(doc_id, text, int(start), int(end) + 1, "", ()), doc.text)
        s, e = (placed.start, placed.end) if placed else (int(start), int(end) + 1)
        lang = language or TRAIN_LANGUAGE.get(language_of(doc_id, doc.text) or "", "EN")
        inputs.append(MentionInput(doc.text, s, e, lang, Document(doc_id, lang, "").domain))
    preds = load_bundle().roles.predict(inputs)
    return [format_line(k, p.main, p.fine) for k, p in zip(keys, preds)]


def format_line(key: Key, main: str, fine: Sequence[str]) -> str:
    """One subtask-1 line: the key's four columns as given, the main role, the fine roles."""
    return "\t".join([*key, main, *fine])
