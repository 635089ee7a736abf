"""Quality gates: the recorded cross-validated scores of the shipped models, and quick fixed-fold re-checks."""

from __future__ import annotations

import json

import numpy as np
import pytest

from presswatch.rhetoric.resources import DEV_OVERLAP_IDS, TECHNIQUES, TECHNIQUES_2020, TRAINED_DIR

#: Pinned floors, a little under the scores recorded in bench/rhetoric_results.md.
FLOORS = {"2023-st3": 0.39, "2023-st2": 0.66, "2023-st1": 0.38, "2020-tc": 0.61}


@pytest.fixture(scope="module")
def metrics():
    path = TRAINED_DIR / "metrics.json"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make models`")
    return json.loads(path.read_text())


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_quality_recorded_cv_scores_hold(metrics, task):
    if task not in metrics:
        pytest.fail(f"metrics.json has no {task} score: retrain with `python -m presswatch.rhetoric.train`")
    assert metrics[task]["f1"] >= FLOORS[task]


@pytest.fixture(scope="module")
def cache():
    from presswatch.rhetoric.embed import EmbeddingCache

    return EmbeddingCache(TRAINED_DIR / "cache")


def test_quality_tc_fold0(cache):
    """2020 TC on one fixed fold (train on four fifths of the articles): micro-F1 holds."""
    from presswatch.rhetoric.classify import group_folds
    from presswatch.rhetoric.data import load_ptc2020
    from presswatch.rhetoric.evaluate import new_technique_classifier, span_inputs
    from presswatch.rhetoric.spans import assign_top_k

    d = load_ptc2020()
    texts, ctx, arts, vecs = span_inputs(d.tc, d.articles, cache.get)
    folds = group_folds([s.article_id for s in d.tc], 5)
    tr, te = np.where(folds != 0)[0], np.where(folds == 0)[0]
    pick = lambda xs, rows: [xs[i] for i in rows]  # noqa: E731
    clf = new_technique_classifier(TECHNIQUES_2020).fit(
        pick(texts, tr), pick(ctx, tr), pick(arts, tr), vecs[tr], [d.tc[i].label for i in tr])
    P = clf.proba(pick(texts, te), pick(ctx, te), pick(arts, te), vecs[te])
    keys = [(d.tc[i].article_id, d.tc[i].start, d.tc[i].end) for i in te]
    pred = assign_top_k(P, keys, TECHNIQUES_2020)
    scored = [k for k, i in enumerate(te) if d.tc[i].article_id not in DEV_OVERLAP_IDS]
    acc = np.mean([pred[k] == d.tc[te[k]].label for k in scored])
    assert acc >= FLOORS["2020-tc"] - 0.03


def test_quality_paragraphs_fold0():
    """2023 subtask 3 on one fixed fold, with the shipped thresholds: micro-F1 holds."""
    from presswatch.rhetoric import paragraphs
    from presswatch.rhetoric.classify import group_folds
    from presswatch.rhetoric.data import load_semeval2023
    from presswatch.rhetoric.embed import encode_fast
    from presswatch.rhetoric.models import load_models
    from presswatch.rhetoric.scorers import micro_f1

    d = load_semeval2023()
    paras = d.paragraphs
    inputs = paragraphs.paragraph_inputs(paras, encode_fast)
    folds = group_folds([p.article_id for p in paras], 5)
    tr, te = np.where(folds != 0)[0], np.where(folds == 0)[0]
    model = paragraphs.fit(paras, inputs, tr)
    model.clf.thresholds = load_models().paragraphs.clf.thresholds
    D = model.clf.decide(paragraphs.proba(model, inputs, te))
    keep = [k for k, i in enumerate(te) if paras[i].article_id not in DEV_OVERLAP_IDS]
    gold = {k: set(paras[te[k]].labels) for k in keep}
    pred = {k: {TECHNIQUES[j] for j in np.where(D[k])[0]} for k in keep}
    assert micro_f1(gold, pred).f1 >= FLOORS["2023-st3"] - 0.03
