"""Train the entity-role bundle (trained/roles.joblib) from the SemEval-2025 Task 10 train data.

    python -m presswatch.narratives.roles_train [--if-missing]

- The role model: every gold mention of all five languages (EN, BG, HI, PT, RU; one model,
  which cross-validated better on English than English alone: bench/roles_results.md).
- The cast model: the real entity layer (spaCy + extract.entities) over the English documents that
  have subtask-1 gold; an entity mention that overlaps a gold mention is cast. Its threshold is the
  one that maximises F1 out of fold (5 folds grouped by document); precision and recall at that
  threshold go into the bundle's metrics and trained/roles_metrics.json.
The entity mentions are cached in trained/cache/ (the spaCy pass is most of the time).
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import numpy as np

from .data import Document, load_language, role_descriptions, LANGUAGES
from ..training import bundle_current, load_trained, run, train_main
from .resources import TRAINED_DIR
from .roles import Candidate, CastModel, MentionInput, RoleBundle, RoleModel, best_threshold, candidates

BUNDLE = "roles.joblib"
#: Recorded in the metrics file; bump it when a change of this code must retrain the bundle.
BUNDLE_VERSION = 1
METRICS = "roles_metrics.json"
CAST_FOLDS = 5
#: Inverse regularisation of both role classifiers (bench/roles_cv.py --C).
ROLE_C = 4.0


def bundle_path(folder: Path | None = None) -> Path:
    return (folder or TRAINED_DIR) / BUNDLE


def load_bundle(folder: Path | None = None) -> RoleBundle:
    """The trained role bundle, loaded once per process; ModelsMissing says what to run when it is missing."""
    return load_trained(Path(folder or TRAINED_DIR), BUNDLE, current=_current, what="entity-role model",
                        trainer="presswatch.narratives.roles_train")


def gold_mentions() -> tuple[list[MentionInput], list[str], list[tuple[str, ...]], list[str]]:
    """Inputs, main roles, fine roles and documents ("EN/<id>") of every gold mention of the five train languages."""
    xs, mains, fines, docs = [], [], [], []
    for code in LANGUAGES:
        lang = load_language(code)
        for m in lang.mentions:
            d = lang.documents[m.doc_id]
            xs.append(MentionInput(d.text, m.start, m.end, code, d.domain))
            mains.append(m.main), fines.append(m.fine), docs.append(f"{code}/{m.doc_id}")
    return xs, mains, fines, docs


def fit_temperature(xs: list[MentionInput], mains: list[str], docs: list[str]) -> tuple[float, dict]:
    """The temperature that makes the main-role probability calibrated: the main classifier alone,
    out of fold (folds of whole documents), the temperature of least log loss on its probabilities."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from .roles import Featuriser, calibration_error, scale

    P = np.zeros((len(xs), 3))
    classes = None
    for train, test in GroupKFold(n_splits=CAST_FOLDS).split(np.zeros(len(xs)), groups=docs):
        feat = Featuriser(role_descriptions()).fit([xs[i] for i in train])
        clf = LogisticRegression(C=ROLE_C, max_iter=2000, class_weight="balanced")
        clf.fit(feat.transform([xs[i] for i in train]), [mains[i] for i in train])
        classes = list(clf.classes_)
        P[test] = clf.predict_proba(feat.transform([xs[i] for i in test]))
    y = np.array([classes.index(m) for m in mains])
    correct = (P.argmax(axis=1) == y).astype(float)

    def nll(t: float) -> float:
        return float(-np.log(np.clip(scale(P, t)[np.arange(len(y)), y], 1e-12, 1)).mean())

    best = min(np.arange(0.5, 4.01, 0.05), key=nll)
    return float(round(best, 2)), {"temperature": float(round(best, 2)), "accuracy": round(float(correct.mean()), 4),
                                   "ece_before": round(calibration_error(P, correct), 4),
                                   "ece_after": round(calibration_error(scale(P, best), correct), 4),
                                   "protocol": f"{CAST_FOLDS} folds grouped by document, all five languages"}


def entity_mentions(docs: list[Document], cache: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    """(start, end, label, canonical) of the entity layer's mentions in each document (cached by text hash)."""
    key = hashlib.sha1("".join(d.id + d.text for d in docs).encode("utf-8")).hexdigest()[:16]
    path = cache / f"roles_entities_{key}.json"
    if path.exists():
        return {k: [tuple(x) for x in v] for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    from ..model import Article
    from ..options import Options
    from ..runner import make_stage

    options = Options()
    nlp, ents = make_stage("nlp.spacy.v1", options), make_stage("extract.entities.v1", options)
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for at in range(0, len(docs), 16):
        batch = [Article.create(d.id, d.text, language="en") for d in docs[at : at + 16]]
        nlp(batch)
        ents(batch)
        for d, a in zip(docs[at : at + 16], batch):
            out[d.id] = [(x.start, x.end, x.label, (x.attrs or {}).get("canonical") or a.text[x.start : x.end])
                         for x in a.layer("entity")]
            a.doc = None
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out), encoding="utf-8")
    return out


def cast_data(cache: Path) -> tuple[list[tuple[str, list[Candidate]]], list[int]]:
    """(text, candidates) per English document with gold, and the cast label of each candidate in order."""
    en = load_language("EN")
    with_gold = sorted({m.doc_id for m in en.mentions})
    docs = [en.documents[d] for d in with_gold]
    found = entity_mentions(docs, cache)
    gold: dict[str, list[tuple[int, int]]] = {}
    for m in en.mentions:
        gold.setdefault(m.doc_id, []).append((m.start, m.end))
    items, labels = [], []
    for d in docs:
        cands = candidates(d.text, found.get(d.id, []))
        items.append((d.text, cands))
        for c in cands:
            labels.append(int(any(s < c.end and c.start < e for s, e in gold.get(d.id, []))))
    return items, labels


def fit_cast(items: list[tuple[str, list[Candidate]]], labels: list[int]) -> tuple[CastModel, dict]:
    """The cast model with its threshold tuned out of fold (folds of whole documents), and its OOF metrics."""
    from sklearn.model_selection import GroupKFold

    y = np.asarray(labels)
    item_docs = np.arange(len(items))
    oof = np.zeros(len(y))
    offsets = np.cumsum([0] + [len(cs) for _, cs in items])
    for train, test in GroupKFold(n_splits=CAST_FOLDS).split(item_docs, groups=item_docs):
        tr_items = [items[i] for i in train]
        tr_y = np.concatenate([y[offsets[i] : offsets[i + 1]] for i in train])
        model = CastModel.fit(tr_items, tr_y, 0.5)
        for i in test:
            oof[offsets[i] : offsets[i + 1]] = model.proba(*items[i])
    t, p, r, f1 = best_threshold(y, oof)
    metrics = {"candidates": int(len(y)), "cast": int(y.sum()), "threshold": round(t, 4),
               "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
               "documents": len(items), "protocol": f"{CAST_FOLDS} folds grouped by document, EN docs with gold"}
    return CastModel.fit(items, y, t), metrics


def train(folder: Path | None = None) -> RoleBundle:
    """Fit both models, write the bundle and its metrics."""
    import joblib

    folder = folder or TRAINED_DIR
    t0 = time.time()
    xs, mains, fines, docs = gold_mentions()
    roles = RoleModel.fit(xs, mains, fines, role_descriptions(), C_main=ROLE_C, C_fine=ROLE_C)
    roles.temperature, calibration = fit_temperature(xs, mains, docs)
    items, labels = cast_data(folder / "cache")
    cast, cast_metrics = fit_cast(items, labels)
    metrics = {"version": BUNDLE_VERSION, "role_mentions": len(xs), "languages": list(LANGUAGES), "main_calibration": calibration,
               "cast": cast_metrics,
               "seconds": round(time.time() - t0, 1)}
    bundle = RoleBundle(roles, cast, metrics)
    folder.mkdir(parents=True, exist_ok=True)
    joblib.dump(bundle, folder / BUNDLE, compress=3)
    (folder / METRICS).write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    return bundle


def _current(folder: Path) -> bool:
    """Whether ``folder`` holds a role bundle trained by this version of the code."""
    return bundle_current(folder, BUNDLE, METRICS, version=BUNDLE_VERSION)


def main(argv: list[str] | None = None) -> int:
    return train_main(argv, prog="presswatch.narratives.roles_train", doc=__doc__, default_out=TRAINED_DIR,
                      what="trained role model", current=_current, train=train)


if __name__ == "__main__":
    run(main)
