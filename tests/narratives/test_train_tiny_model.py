"""The reader-to-model path on a tiny model trained here: train readers -> fit -> thresholds -> pickle ->
predictions that follow the taxonomy."""

from __future__ import annotations

import pickle

import pytest

from presswatch.narratives.classify import domain_decision
from presswatch.narratives.data import OTHER, parent, taxonomy
from presswatch.narratives.train import folds_of, labels, language_docs, neither_docs, pseudo_docs, tune_thresholds


@pytest.fixture(scope="module")
def tiny():
    from presswatch.narratives.classify import fit

    en = language_docs("EN")
    docs = en[:24] + en[-16:] + language_docs("BG")[:12] + pseudo_docs(1.0) + neither_docs(12)
    coarse, fine = labels()
    folds = folds_of(docs, 3)
    model, P = fit(docs, coarse, fine, folds, dense=False)
    scored = [i for i, d in enumerate(docs) if d.language in ("EN", "BG")]
    model.thresholds = tune_thresholds(docs, P, scored)
    return docs, model


def test_tiny_model_predicts_taxonomy_labels_after_a_pickle_round_trip(tiny):
    docs, model = tiny
    model = pickle.loads(pickle.dumps(model))
    all_coarse, all_fine = taxonomy()
    found = model.predict([d.text for d in docs[:10]])
    assert len(found) == 10
    for fs in found:
        assert fs
        for f in fs:
            assert f.label in all_coarse and all(s in all_fine for s in f.subnarratives) and 0 <= f.score <= 1
            assert f.label == OTHER or all(parent(s) == f.label for s in f.subnarratives)
    assert model.supports("en") and model.supports("bg") and not model.supports("hi") and not model.supports(None)


def test_tiny_model_learns_the_domain_of_its_train_documents(tiny):
    docs, model = tiny
    war = [d for d in docs if d.language == "EN" and d.domain == "URW"][:5]
    P = model.proba([d.text for d in war])
    assert all(d == "URW" for d in domain_decision(P.domain, model.thresholds.domain))


def test_if_missing_skips_a_current_bundle_and_not_an_absent_one(tmp_path):
    from presswatch.narratives.resources import TRAINED_DIR
    from presswatch.narratives.train import BUNDLE, _current, main

    assert not _current(tmp_path)
    (tmp_path / BUNDLE).write_bytes(b"")
    (tmp_path / "narratives_metrics.json").write_text('{"version": 0}')
    assert not _current(tmp_path), "a bundle of an older version is retrained"
    if not (TRAINED_DIR / BUNDLE).exists():
        pytest.skip(f"no trained narrative model at {TRAINED_DIR / BUNDLE}: run `make models`")
    assert _current(TRAINED_DIR) and main(["--if-missing"]) == 0
