"""Re-implementations of the official shared-task metrics over their file formats."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one evaluation."""

    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 5), "recall": round(self.recall, 5), "f1": round(self.f1, 5)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _lines(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return [l.rstrip("\r\n").split("\t") for l in fh if l.strip("\r\n")]


# -- multi-label micro-F1 (2023 subtasks 2 and 3) -------------------------------------------------
def micro_f1(gold: Mapping[object, set[str]], pred: Mapping[object, set[str]]) -> Score:
    """Micro-averaged F1 over (item, label) pairs; items missing from ``pred`` predict nothing."""
    tp = sum(len(labels & pred.get(k, set())) for k, labels in gold.items())
    n_pred = sum(len(v) for k, v in pred.items() if k in gold)
    n_gold = sum(len(v) for v in gold.values())
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return Score(p, r, _f1(p, r))


def macro_f1(gold: Mapping[object, str], pred: Mapping[object, str]) -> Score:
    """Macro-averaged F1 of single-label classification over the classes seen in gold or predictions."""
    classes = sorted(set(gold.values()) | {pred[k] for k in gold if k in pred})
    ps, rs, fs = [], [], []
    for c in classes:
        tp = sum(1 for k, g in gold.items() if g == c and pred.get(k) == c)
        n_pred = sum(1 for k in gold if pred.get(k) == c)
        n_gold = sum(1 for g in gold.values() if g == c)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        ps.append(p), rs.append(r), fs.append(_f1(p, r))
    n = len(classes) or 1
    return Score(sum(ps) / n, sum(rs) / n, sum(fs) / n)


def read_labels(path: Path, key_columns: int) -> dict[tuple[str, ...], set[str]]:
    """Label file rows keyed by their first ``key_columns`` columns; last column comma-separated labels."""
    out: dict[tuple[str, ...], set[str]] = {}
    for row in _lines(path):
        key = tuple(row[:key_columns])
        rest = row[key_columns] if len(row) > key_columns else ""
        out[key] = {x.strip() for x in rest.split(",") if x.strip()}
    return out


def score_2023_st1(gold: Path, pred: Path) -> Score:
    g = {k: next(iter(v)) for k, v in read_labels(gold, 1).items() if v}
    p = {k: next(iter(v)) for k, v in read_labels(pred, 1).items() if v}
    return macro_f1(g, p)


def score_2023_st2(gold: Path, pred: Path) -> Score:
    return micro_f1(read_labels(gold, 1), read_labels(pred, 1))


def score_2023_st3(gold: Path, pred: Path) -> Score:
    return micro_f1(read_labels(gold, 2), read_labels(pred, 2))


# -- 2020 span identification: character overlap with partial credit -------------------------------
def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans of one article merged into one."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def span_overlap_f1(gold: Mapping[str, list[tuple[int, int]]], pred: Mapping[str, list[tuple[int, int]]]) -> Score:
    """The PTC SI metric: precision and recall give each span credit for the share of it that overlaps."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for aid in set(gold) | set(pred):
        gs = merge_spans(gold.get(aid, []))
        ps = merge_spans(pred.get(aid, []))
        n_gold += len(gs)
        n_pred += len(ps)
        for ps_, pe in ps:
            for gs_, ge in gs:
                inter = max(0, min(pe, ge) - max(ps_, gs_))
                if inter:
                    p_sum += inter / (pe - ps_)
                    r_sum += inter / (ge - gs_)
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    return Score(p, r, _f1(p, r))


def read_si(path: Path) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row in _lines(path):
        out[row[0]].append((int(row[-2]), int(row[-1])))
    return out


def score_2020_si(gold: Path, pred: Path) -> Score:
    return span_overlap_f1(read_si(gold), read_si(pred))


# -- 2020 technique classification: micro-F1 over given spans --------------------------------------
def tc_micro_f1(gold: Iterable[tuple[str, int, int, str]], pred: Iterable[tuple[str, int, int, str]]) -> Score:
    """Micro-F1 of technique labels on the same spans; a span with k gold labels can earn k matches."""
    g: dict[tuple[str, int, int], Counter] = defaultdict(Counter)
    p: dict[tuple[str, int, int], Counter] = defaultdict(Counter)
    for aid, s, e, label in gold:
        g[(aid, s, e)][label] += 1
    for aid, s, e, label in pred:
        p[(aid, s, e)][label] += 1
    tp = sum(sum((g[k] & p.get(k, Counter())).values()) for k in g)
    n_pred = sum(sum(c.values()) for c in p.values())
    n_gold = sum(sum(c.values()) for c in g.values())
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    return Score(prec, rec, _f1(prec, rec))


def read_tc(path: Path) -> list[tuple[str, int, int, str]]:
    """TC lines ``article_id⇥technique⇥start⇥end`` (the PTC gold and submission format)."""
    return [(row[0], int(row[2]), int(row[3]), row[1]) for row in _lines(path)]


def score_2020_tc(gold: Path, pred: Path) -> Score:
    return tc_micro_f1(read_tc(gold), read_tc(pred))


def score_2025_t10_st2(gold: Path, pred: Path):
    """Samples-F1 of coarse and fine narratives (SemEval-2025 Task 10 subtask 2)."""
    from ..narratives.semeval import score_st2_files

    return score_st2_files(gold, pred)


def score_2025_t10_st1(gold: Path, pred: Path):
    """EMR on fine roles, micro P/R/F1 on fine roles, main-role accuracy (SemEval-2025 Task 10 subtask 1)."""
    from ..narratives.roles_semeval import score_2025_st1

    return score_2025_st1(gold, pred)


SCORERS = {
    "2023-st1": score_2023_st1,
    "2023-st2": score_2023_st2,
    "2023-st3": score_2023_st3,
    "2020-si": score_2020_si,
    "2020-tc": score_2020_tc,
    "2025-t10-st1": score_2025_t10_st1,
    "2025-t10-st2": score_2025_t10_st2,
}
