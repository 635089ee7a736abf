"""Train the French, German, Italian, Polish and Russian rhetoric models:
`python -m presswatch.rhetoric.train_multilingual`.

Paragraph techniques (2023 subtask 3), frames (subtask 2) and genre (subtask 1) from the SemEval-2023
multilingual train data, into trained/multilingual.joblib (its scores in trained/metrics-multilingual.json).
The English bundle is not touched. Thresholds are tuned per language on the out-of-fold probabilities
of topic-cluster folds (the shift-aware protocol of bench/rhetoric_results.md), not on article folds.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from ..training import run, train_main
from .classify import group_folds, tune_thresholds
from .data import SemEval2023, load_semeval2023, load_semeval2023_multilingual
from .evaluate import topic_folds
from .multilingual import (is_current, BUNDLE, BUNDLE_VERSION, LANGUAGES, METRICS, MultilingualModels, TextModel, doc_text,
                           fit_text_model, genre_predict, new_featurizer, positions_of)
from .paragraphs import gold_matrix
from .resources import FRAMES, TECHNIQUES, TRAINED_DIR

log = logging.getLogger("presswatch.rhetoric.train_multilingual")

#: What the validation chose (bench/rhetoric_results.md, "Issue 19"): techniques per language under article and
#: topic folds; frames and genre shared (compared by article folds only).
PARAMS = {
    "paragraph_mode": "per-language",  # one model per language: better than shared under article and topic folds
    "paragraph_with_english": False,
    "paragraph_C": 1.0,
    "frames_mode": "shared",
    "frames_C": 1.0,
    "genre_mode": "shared",
    "genre_C": 1.0,
    "folds": 5,
    "threshold_protocol": "topic",
    "max_features": 50000,
    # char_wb n-grams of paragraphs made one shared fit cost minutes of CPU on this machine (liblinear on
    # ~50x the non-zeros of word n-grams): word n-grams only, to keep `make models` inside its budget
    "paragraph_chars": False,
}


@dataclass
class Rows:
    """Labelled texts of several languages: paragraphs (one row per paragraph) or whole articles."""

    texts: list[str]
    languages: np.ndarray
    groups: list[str]  # "lang:article_id": rows of one article share a group
    positions: np.ndarray
    Y: np.ndarray
    paragraphs: bool = True  # False: whole articles

    def take(self, idx: np.ndarray) -> tuple[list[str], np.ndarray, list[str], np.ndarray]:
        return [self.texts[i] for i in idx], self.positions[idx], list(self.languages[idx]), self.Y[idx]


def load_all(languages: Sequence[str] = LANGUAGES) -> dict[str, SemEval2023]:
    return {lang: load_semeval2023_multilingual(lang) for lang in languages}


def paragraph_rows(data: dict[str, SemEval2023]) -> Rows:
    texts, langs, groups, Ys = [], [], [], []
    for lang, d in data.items():
        texts += [p.text for p in d.paragraphs]
        langs += [lang] * len(d.paragraphs)
        groups += [f"{lang}:{p.article_id}" for p in d.paragraphs]
        Ys.append(gold_matrix(d.paragraphs))
    return Rows(texts, np.array(langs), groups, positions_of(groups), np.vstack(Ys))


def _documents(data: dict[str, SemEval2023], labels: str) -> tuple[list[str], list[str], list[str], list]:
    """Texts, languages, groups and labels of the articles with ``labels`` ("frames" or "genre")."""
    texts, langs, groups, ys = [], [], [], []
    for lang, d in data.items():
        gold = getattr(d, labels)
        for aid in sorted(gold):
            if aid in d.doc_articles:
                texts.append(doc_text(d.doc_articles[aid]))
                langs.append(lang)
                groups.append(f"{lang}:{aid}")
                ys.append(gold[aid])
    return texts, langs, groups, ys


def frame_rows(data: dict[str, SemEval2023]) -> Rows:
    texts, langs, groups, frames = _documents(data, "frames")
    Y = np.array([[int(f in fs) for f in FRAMES] for fs in frames], dtype=np.int8).reshape(len(texts), len(FRAMES))
    return Rows(texts, np.array(langs), groups, np.zeros(len(texts), np.float32), Y, False)


def genre_rows(data: dict[str, SemEval2023]) -> tuple[list[str], np.ndarray, list[str], list[str]]:
    texts, langs, groups, y = _documents(data, "genre")
    return texts, np.array(langs), groups, y


def topics_of(data: dict[str, SemEval2023], k: int) -> dict[str, int]:
    """Topic cluster of every "lang:article_id": k clusters within each language, so fold f holds one
    topic of every language."""
    out: dict[str, int] = {}
    for lang, d in data.items():
        arts = {**d.doc_articles, **d.articles}
        out.update({f"{lang}:{a}": f for a, f in topic_folds(arts, k).items()})
    return out


def folds_of(groups: Sequence[str], protocol: str, k: int, topics: dict[str, int] | None = None) -> np.ndarray:
    """Fold of every row: by article, by topic cluster within each language, or by language (one fold each)."""
    if protocol == "article":
        return group_folds(list(groups), k)
    if protocol == "topic":
        assert topics is not None
        return np.array([topics[g] for g in groups])
    if protocol == "language":
        return np.array([LANGUAGES.index(g.split(":", 1)[0]) for g in groups])
    raise ValueError(protocol)


def _fit(rows: Rows, idx: np.ndarray, labels: Sequence[str], C: float, extra: Rows | None, max_features: int) -> TextModel:
    """One model on the rows ``idx`` (plus ``extra``); article rows (frames) get word n-grams only."""
    texts, pos, langs, Y = rows.take(idx)
    if extra is not None:
        texts, pos, langs, Y = texts + extra.texts, np.concatenate([pos, extra.positions]), langs + list(extra.languages), \
            np.vstack([Y, extra.Y])
    return fit_text_model(texts, pos, langs, Y, labels, C=C, max_features=max_features,
                          chars=rows.paragraphs and PARAMS["paragraph_chars"])


def cv_proba(rows: Rows, folds: np.ndarray, labels: Sequence[str], mode: str = "shared", C: float = 1.0,
             extra: Rows | None = None, max_features: int = 50000) -> np.ndarray:
    """Out-of-fold probabilities. ``mode`` "shared": one model over every language's training rows
    (plus ``extra``, e.g. English, always in training); "per-language": one model per language."""
    P = np.zeros(rows.Y.shape, dtype=np.float32)
    for f in np.unique(folds):
        if mode == "shared":
            tr, te = np.where(folds != f)[0], np.where(folds == f)[0]
            model = _fit(rows, tr, labels, C, extra, max_features)
            texts, pos, langs, _ = rows.take(te)
            P[te] = model.proba(texts, pos, langs)
        else:
            for lang in np.unique(rows.languages):
                in_lang = rows.languages == lang
                tr, te = np.where(in_lang & (folds != f))[0], np.where(in_lang & (folds == f))[0]
                if not len(te) or not len(tr):
                    continue
                model = _fit(rows, tr, labels, C, None, max_features)
                texts, pos, langs, _ = rows.take(te)
                P[te] = model.proba(texts, pos, langs)
    return P


def honest_decisions(P: np.ndarray, Y: np.ndarray, folds: np.ndarray, languages: np.ndarray,
                     labels: Sequence[str], min_f1: float = 0.2) -> np.ndarray:
    """Decisions for each fold and language with thresholds tuned on that language's other folds
    (leave-one-language-out: on the other languages, since a new language has no tuning data)."""
    D = np.zeros(Y.shape, dtype=bool)
    for f in np.unique(folds):
        for lang in np.unique(languages[folds == f]):
            te = (folds == f) & (languages == lang)
            tune = (folds != f) & (languages == lang)
            if not tune.any():
                tune = folds != f
            thr = tune_thresholds(Y[tune], P[tune], labels, min_f1)
            D[te] = P[te] >= np.array([thr[l] for l in labels], dtype=np.float32)
    return D


def scores(Y: np.ndarray, D: np.ndarray, languages: np.ndarray) -> dict[str, dict[str, float]]:
    """Per language and over all: micro P / R / F1 and macro-F1 (over labels with gold in that language)."""
    out = {}
    for lang in [*np.unique(languages), "all"]:
        rows = np.ones(len(Y), bool) if lang == "all" else languages == lang
        y, d = Y[rows].astype(bool), D[rows]
        tp, npred, ngold = float((y & d).sum()), float(d.sum()), float(y.sum())
        p, r = tp / max(npred, 1), tp / max(ngold, 1)
        f1s = []
        for j in range(Y.shape[1]):
            if y[:, j].sum():
                tpj = float((y[:, j] & d[:, j]).sum())
                pj, rj = tpj / max(float(d[:, j].sum()), 1), tpj / float(y[:, j].sum())
                f1s.append(2 * pj * rj / (pj + rj) if pj + rj else 0.0)
        out[str(lang)] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
                          "macro_f1": round(float(np.mean(f1s)) if f1s else 0.0, 4)}
    return out


def genre_model(texts: Sequence[str], y: Sequence[str], C: float, max_features: int):
    """Word n-gram TF-IDF of whole articles and one multinomial logistic regression (balanced classes)."""
    feat = new_featurizer(max_features, chars=False).fit(list(texts))
    return feat, LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(feat.transform(list(texts)), list(y))


def cv_genre(texts: Sequence[str], languages: np.ndarray, y: Sequence[str], folds: np.ndarray, mode: str, C: float,
             max_features: int = 50000) -> dict[str, dict[str, float]]:
    """Genre macro-F1 per language (and over all) of out-of-fold predictions."""
    from .scorers import macro_f1

    pred: list[str | None] = [None] * len(y)
    for f in np.unique(folds):
        groups = [None] if mode == "shared" else list(np.unique(languages))
        for lang in groups:
            sel = np.ones(len(y), bool) if lang is None else languages == lang
            tr, te = np.where(sel & (folds != f))[0], np.where(sel & (folds == f))[0]
            if not len(te) or len(set(y[i] for i in tr)) < 2:
                continue
            feat, lr = genre_model([texts[i] for i in tr], [y[i] for i in tr], C, max_features)
            for i, (g, _) in zip(te, genre_predict(feat, lr, [texts[i] for i in te])):
                pred[i] = g
    out = {}
    for lang in [*np.unique(languages), "all"]:
        idx = [i for i in range(len(y)) if lang == "all" or languages[i] == lang]
        s = macro_f1({i: y[i] for i in idx}, {i: pred[i] for i in idx if pred[i] is not None})
        out[str(lang)] = {"macro_f1": round(s.f1, 4), "accuracy": round(float(np.mean([pred[i] == y[i] for i in idx])), 4)}
    return out


def english_rows() -> Rows:
    """The English 2023 train paragraphs as extra training rows (language "en")."""
    return paragraph_rows({"en": load_semeval2023()})


def train(out: Path = TRAINED_DIR, params: dict = PARAMS) -> MultilingualModels:
    """Cross-validate on topic folds (their out-of-fold probabilities tune the thresholds), train and save."""
    t0 = time.time()
    k, mf = params["folds"], params["max_features"]
    data = load_all()
    topics = topics_of(data, k)
    metrics: dict[str, object] = {"version": BUNDLE_VERSION, "params": params, "languages": list(LANGUAGES)}
    extra = english_rows() if params["paragraph_with_english"] else None

    prows = paragraph_rows(data)
    pmodels: dict[str, TextModel] = {}
    fmodels: dict[str, TextModel] = {}
    gmodels: dict = {}
    for task, rows, labels, mode, C, store in (("2023-st3", prows, TECHNIQUES, params["paragraph_mode"], params["paragraph_C"], pmodels),
                                               ("2023-st2", frame_rows(data), FRAMES, params["frames_mode"], params["frames_C"], fmodels)):
        # the shift-aware folds only: their out-of-fold probabilities tune the thresholds, and their score is
        # the one recorded (the article-fold figures are in bench/rhetoric_results.md, bench/rhetoric_multilingual.py)
        protocol = params["threshold_protocol"]
        folds = folds_of(rows.groups, protocol, k, topics)
        P = cv_proba(rows, folds, labels, mode, C, extra if task == "2023-st3" else None, mf)
        metrics[task] = {protocol: scores(rows.Y, honest_decisions(P, rows.Y, folds, rows.languages, labels), rows.languages)}
        log.info("%s %s CV micro-F1 %s (%.0fs)", task, protocol,
                 {l: s["f1"] for l, s in metrics[task][protocol].items()}, time.time() - t0)
        groups = [None] if mode == "shared" else list(LANGUAGES)
        for lang in groups:
            idx = np.arange(len(rows.texts)) if lang is None else np.where(rows.languages == lang)[0]
            model = _fit(rows, idx, labels, C, extra if task == "2023-st3" else None, mf)
            for l in LANGUAGES if lang is None else [lang]:
                sel = rows.languages == l
                model.thresholds[l] = tune_thresholds(rows.Y[sel], P[sel], labels, model.clf.min_f1)
                store[l] = model
        log.info("%s trained (%.0fs)", task, time.time() - t0)

    texts, glangs, ggroups, gy = genre_rows(data)
    protocol = params["threshold_protocol"]
    metrics["2023-st1"] = {protocol: cv_genre(texts, glangs, gy, folds_of(ggroups, protocol, k, topics),
                                              params["genre_mode"], params["genre_C"], mf)}
    groups = [None] if params["genre_mode"] == "shared" else list(LANGUAGES)
    for lang in groups:
        idx = [i for i in range(len(gy)) if lang is None or glangs[i] == lang]
        gm = genre_model([texts[i] for i in idx], [gy[i] for i in idx], params["genre_C"], mf)
        for l in LANGUAGES if lang is None else [lang]:
            gmodels[l] = gm
    log.info("2023-st1 genre macro-F1 %s (%.0fs)", {l: s["macro_f1"] for l, s in metrics["2023-st1"][protocol].items()},
             time.time() - t0)

    metrics["train_seconds"] = round(time.time() - t0, 1)
    models = MultilingualModels(pmodels, fmodels, gmodels, metrics)
    out.mkdir(parents=True, exist_ok=True)
    import joblib

    tmp = out / (BUNDLE + ".tmp")
    joblib.dump(models, tmp, compress=3)
    tmp.replace(out / BUNDLE)
    (out / METRICS).write_text(json.dumps(metrics, indent=2))
    log.info("saved %s (%.0fs)", out / BUNDLE, time.time() - t0)
    return models


def main(argv: list[str] | None = None) -> int:
    return train_main(argv, prog="presswatch.rhetoric.train_multilingual", doc=__doc__, default_out=TRAINED_DIR,
                      what="trained multilingual rhetoric bundle", current=is_current, train=train)


if __name__ == "__main__":
    run(main)
