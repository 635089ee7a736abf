"""The reader-to-model path on a tiny model trained here: train readers -> fit -> thresholds -> pickle ->
predictions that follow the taxonomy; and the decision rules on hand-made probabilities."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from presswatch.narratives.classify import DOMAIN_CLASSES, Proba, Thresholds, decide, domain_decision
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


COARSE = ("URW: Praise of Russia", "URW: Discrediting Ukraine", "CC: Amplifying Climate Fears")
FINE = ("URW: Praise of Russia: Praise of Russian military might", "URW: Praise of Russia: Other",
        "URW: Discrediting Ukraine: Other", "CC: Amplifying Climate Fears: Doomsday scenarios for humans")


def _p(domain, coarse, fine) -> Proba:
    return Proba(np.array([domain], float), np.array([coarse], float), np.array([fine], float))


def test_an_article_unlike_both_domains_is_other_with_no_domain():
    # an unlike article gets middling probabilities of every domain class: neither wins
    (only,), = decide(_p([0.2, 0.3, 0.1], [0.9, 0.9, 0.9], [0.9] * 4), COARSE, FINE, Thresholds(domain=0.5))
    assert only.label == OTHER and only.domain is None and only.score == pytest.approx(0.7)
    assert domain_decision(np.array([[0.1, 0.2, 0.9]]), 0.5) == [None]
    assert DOMAIN_CLASSES[-1] == "neither"


def test_narratives_stay_inside_the_detected_domain_and_fall_back_to_other():
    t = Thresholds(coarse=0.5, fine=0.5, domain=0.5)
    (found,) = decide(_p([0.9, 0.1, 0.0], [0.8, 0.6, 0.99], [0.3, 0.6, 0.2, 0.9]), COARSE, FINE, t)
    assert [f.label for f in found] == ["URW: Praise of Russia", "URW: Discrediting Ukraine"]
    assert found[0].subnarratives == ("URW: Praise of Russia: Other",)
    # no child passes: the surest child is kept
    assert found[1].subnarratives == ("URW: Discrediting Ukraine: Other",)
    (other,), = decide(_p([0.9, 0.1, 0.0], [0.3, 0.2, 0.99], [0.0] * 4), COARSE, FINE, t)
    assert other.label == OTHER and other.domain == "URW" and other.score == pytest.approx(0.7)
