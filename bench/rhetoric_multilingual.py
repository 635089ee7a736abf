"""Cross-validated scores of the fr/de/it/pl/ru rhetoric models, under the article and shift-aware protocols.

    python -m bench.rhetoric_multilingual [--only st3,st2,st1] [--out bench/rhetoric_multilingual.json]

Protocols: `article` (5 folds by article), `topic` (5 folds = 5 topic clusters within each language,
evaluate.topic_folds: the test fold's stories were never seen), `language` (leave one language out: the
across-language check). Settings: one model per language, one shared model, the shared model with the
English 2023 train paragraphs added to every training fold; baselines: the most frequent technique of
the training folds, and plain word TF-IDF logistic regression at threshold 0.5. Thresholds are tuned per
language on the other folds only. Prints Markdown rows for bench/rhetoric_results.md and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from presswatch.rhetoric.classify import TextFeaturizer
from presswatch.rhetoric.resources import FRAMES, TECHNIQUES
from presswatch.rhetoric.train_multilingual import (PARAMS, cv_genre, cv_proba, english_rows, folds_of, frame_rows,
                                                    genre_rows, honest_decisions, load_all, paragraph_rows, scores,
                                                    topics_of)

LANGS = ("fr", "de", "it", "pl", "ru", "all")


def majority(rows, folds) -> np.ndarray:
    """Every paragraph gets its language's most frequent technique in the training folds."""
    D = np.zeros(rows.Y.shape, bool)
    for f in np.unique(folds):
        for lang in np.unique(rows.languages):
            tr = (folds != f) & (rows.languages == lang)
            te = (folds == f) & (rows.languages == lang)
            D[te, int(np.argmax(rows.Y[tr].sum(axis=0)))] = True
    return D


def plain_lr(rows, folds) -> np.ndarray:
    """Per language, word 1-2-gram TF-IDF and one logistic regression per label, threshold 0.5."""
    D = np.zeros(rows.Y.shape, bool)
    for f in np.unique(folds):
        for lang in np.unique(rows.languages):
            tr = np.where((folds != f) & (rows.languages == lang))[0]
            te = np.where((folds == f) & (rows.languages == lang))[0]
            feat = TextFeaturizer(char_ngrams=None).fit([rows.texts[i] for i in tr])
            Xtr, Xte = feat.transform([rows.texts[i] for i in tr]), feat.transform([rows.texts[i] for i in te])
            for j in range(rows.Y.shape[1]):
                y = rows.Y[tr, j]
                if y.sum() >= 3:
                    D[te, j] = LogisticRegression(solver="liblinear").fit(Xtr, y).predict_proba(Xte)[:, 1] >= 0.5
    return D


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="st3,st2,st1")
    ap.add_argument("--settings", default="majority,plain-lr,per-language,shared,shared+en")
    ap.add_argument("--protocols", default="topic,language,article")
    ap.add_argument("--out", type=Path, default=Path("bench/rhetoric_multilingual.json"))
    args = ap.parse_args()
    only, settings, protocols = args.only.split(","), args.settings.split(","), args.protocols.split(",")
    k = PARAMS["folds"]
    data = load_all()
    topics = topics_of(data, k)
    results: dict = json.loads(args.out.read_text()) if args.out.exists() else {}

    def record(task: str, setting: str, protocol: str, res: dict, t0: float) -> None:
        results.setdefault(task, {}).setdefault(setting, {})[protocol] = res
        args.out.write_text(json.dumps(results, indent=1))
        cells = " | ".join(f"{res[l]['f1']:.3f} ({res[l]['precision']:.2f}/{res[l]['recall']:.2f}, M {res[l]['macro_f1']:.3f})"
                           if "f1" in res[l] else f"{res[l]['macro_f1']:.3f}" for l in LANGS if l in res)
        print(f"| {task} | {setting} | {protocol} | {cells} | {time.time() - t0:.0f} |", flush=True)

    print("| task | setting | protocol | " + " | ".join(LANGS) + " | s |\n|" + "---|" * (len(LANGS) + 4))
    if "st3" in only:
        rows = paragraph_rows(data)
        for protocol in protocols:
            folds = folds_of(rows.groups, protocol, k, topics)
            for setting in settings:
                t0 = time.time()
                if setting in ("majority", "plain-lr"):
                    if protocol != "language":
                        D = majority(rows, folds) if setting == "majority" else plain_lr(rows, folds)
                        record("st3", setting, protocol, scores(rows.Y, D, rows.languages), t0)
                    continue
                if protocol == "language" and setting == "per-language":
                    continue  # a language left out has no data of its own to train on
                extra = english_rows() if setting == "shared+en" else None
                mode = "per-language" if setting == "per-language" else "shared"
                P = cv_proba(rows, folds, TECHNIQUES, mode, PARAMS["paragraph_C"], extra, PARAMS["max_features"])
                record("st3", setting, protocol, scores(rows.Y, honest_decisions(P, rows.Y, folds, rows.languages, TECHNIQUES),
                                                        rows.languages), t0)
    if "st2" in only:
        rows = frame_rows(data)
        for protocol in [p for p in protocols if p != "language"]:
            folds = folds_of(rows.groups, protocol, k, topics)
            for setting in ("per-language", "shared"):
                t0 = time.time()
                P = cv_proba(rows, folds, FRAMES, setting, PARAMS["frames_C"], None, PARAMS["max_features"])
                record("st2", setting, protocol, scores(rows.Y, honest_decisions(P, rows.Y, folds, rows.languages, FRAMES),
                                                        rows.languages), t0)
            t0 = time.time()
            record("st2", "majority", protocol, scores(rows.Y, majority(rows, folds), rows.languages), t0)
    if "st1" in only:
        texts, langs, groups, y = genre_rows(data)
        for protocol in [p for p in protocols if p != "language"]:
            folds = folds_of(groups, protocol, k, topics)
            for setting in ("per-language", "shared"):
                t0 = time.time()
                record("st1", setting, protocol, cv_genre(texts, langs, y, folds, setting, PARAMS["genre_C"],
                                                          PARAMS["max_features"]), t0)


if __name__ == "__main__":
    main()
