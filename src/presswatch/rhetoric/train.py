"""Train every rhetoric model from the shared-task train data: `python -m presswatch.rhetoric.train`.

Out-of-fold predictions (5 folds by article) tune the decision thresholds of the shipped models and
give the cross-validated scores saved beside them (trained/metrics.json).
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from . import documents, paragraphs
from .classify import tune_thresholds
from .data import load_ptc2020, load_semeval2023
from ..nlp.static import encoder_id
from .embed import EmbeddingCache, encode_fast
from .evaluate import cv_documents, cv_paragraphs, cv_techniques, new_technique_classifier, span_inputs
from ..training import run, train_main
from .models import BUNDLE, BUNDLE_VERSION, Models, is_current
from .resources import FRAMES, TECHNIQUES, TECHNIQUES_2020, TRAINED_DIR
from .spans import SpanTagger

log = logging.getLogger("presswatch.rhetoric.train")

#: Hyper-parameters of the shipped models (chosen by the cross-validation in bench/rhetoric_results.md).
PARAMS = {
    "paragraph_C": 1.0,
    "paragraph_C_dense": 2.0,
    "genre_C": 0.1,
    "frames_C": 1.0,
    "tc_C": 2.0,
    "si_C": 0.5,
    "si_threshold": 0.2,
    "si_snap": True,
    "folds": 5,
}


def _spans_by_article(spans) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in spans:
        out[s.article_id].append((s.start, s.end))
    return out


def train(out: Path = TRAINED_DIR, folds: int = PARAMS["folds"]) -> Models:
    """Train, cross-validate and save the bundle under ``out``."""
    t0 = time.time()
    cache = EmbeddingCache(out / "cache")
    d23 = load_semeval2023()
    d20 = load_ptc2020()
    # paragraphs and articles: the static encoder (fast at run time); spans: MiniLM (cached)
    metrics: dict[str, object] = {"version": BUNDLE_VERSION, "params": PARAMS, "static_encoder": encoder_id()}

    log.info("paragraph techniques (2023 subtask 3): cross-validation")
    cv = cv_paragraphs(d23.paragraphs, encode_fast, k=folds, C=PARAMS["paragraph_C"], C_dense=PARAMS["paragraph_C_dense"])
    metrics["2023-st3"] = cv.score.to_dict()
    inputs = paragraphs.paragraph_inputs(d23.paragraphs, encode_fast)
    pmodel = paragraphs.fit(d23.paragraphs, inputs, np.arange(len(d23.paragraphs)),
                            C=PARAMS["paragraph_C"], C_dense=PARAMS["paragraph_C_dense"])
    pmodel.clf.thresholds = tune_thresholds(paragraphs.gold_matrix(d23.paragraphs), cv.oof, TECHNIQUES, pmodel.clf.min_f1)
    log.info("2023-st3 CV micro-F1 %.4f (%.0fs)", cv.score.f1, time.time() - t0)

    log.info("genre and frames (2023 subtasks 1 and 2)")
    ids = sorted(d23.doc_articles)
    texts = [d23.doc_articles[a] for a in ids]
    g_cv, f_cv = cv_documents(ids, texts, d23.genre, d23.frames, encode_fast, k=folds,
                              C_genre=PARAMS["genre_C"], C_frames=PARAMS["frames_C"])
    metrics["2023-st1"] = g_cv.score.to_dict()
    metrics["2023-st2"] = f_cv.score.to_dict()
    texts, vecs = documents.doc_inputs(texts, encode_fast)
    dmodel = documents.fit(texts, vecs, [d23.genre.get(a) for a in ids], [d23.frames.get(a) for a in ids],
                           C_genre=PARAMS["genre_C"], C_frames=PARAMS["frames_C"])
    Yf = np.array([[int(l in d23.frames.get(a, ())) for l in FRAMES] for a in ids], dtype=np.int8)
    dmodel.frames.thresholds = tune_thresholds(Yf, f_cv.oof, FRAMES, dmodel.frames.min_f1)
    log.info("2023-st1 CV macro-F1 %.4f, 2023-st2 CV micro-F1 %.4f (%.0fs)", g_cv.score.f1, f_cv.score.f1, time.time() - t0)

    log.info("span technique classifiers (2023 spans, 2020 TC)")
    tc_cv = cv_techniques(d20.tc, d20.articles, TECHNIQUES_2020, cache.get, k=folds, C=PARAMS["tc_C"])
    metrics["2020-tc"] = tc_cv.score.to_dict()
    log.info("2020-tc CV micro-F1 %.4f (%.0fs)", tc_cv.score.f1, time.time() - t0)
    t23, c23, a23, v23 = span_inputs(d23.spans, d23.articles, cache.get)
    tc2023 = new_technique_classifier(TECHNIQUES).fit(t23, c23, a23, v23, [s.label for s in d23.spans], C=PARAMS["tc_C"])
    t20, c20, a20, v20 = span_inputs(d20.tc, d20.articles, cache.get)
    tc2020 = new_technique_classifier(TECHNIQUES_2020).fit(t20, c20, a20, v20, [s.label for s in d20.tc], C=PARAMS["tc_C"])

    log.info("span taggers (2023 spans, 2020 SI) (%.0fs)", time.time() - t0)
    ids23 = sorted(d23.articles)
    by23 = _spans_by_article(d23.spans)
    si2023 = SpanTagger(threshold=PARAMS["si_threshold"], snap=PARAMS["si_snap"]).fit(
        [d23.articles[a] for a in ids23], [by23.get(a, []) for a in ids23], C=PARAMS["si_C"])
    ids20 = sorted(d20.articles)
    by20 = _spans_by_article(d20.si)
    si2020 = SpanTagger(threshold=PARAMS["si_threshold"], snap=PARAMS["si_snap"]).fit(
        [d20.articles[a] for a in ids20], [by20.get(a, []) for a in ids20], C=PARAMS["si_C"])

    metrics["train_seconds"] = round(time.time() - t0, 1)
    models = Models(pmodel, dmodel, tc2023, tc2020, si2023, si2020, metrics)
    out.mkdir(parents=True, exist_ok=True)
    import joblib

    tmp = out / (BUNDLE + ".tmp")
    joblib.dump(models, tmp, compress=3)
    tmp.replace(out / BUNDLE)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    log.info("saved %s (%.0fs)", out / BUNDLE, time.time() - t0)
    return models


def main(argv: list[str] | None = None) -> int:
    return train_main(argv, prog="presswatch.rhetoric.train", doc=__doc__, default_out=TRAINED_DIR,
                      what="trained rhetoric bundle", current=is_current, train=train)


if __name__ == "__main__":
    run(main)
