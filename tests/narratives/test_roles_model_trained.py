"""The trained role bundle (loaded once): predictions follow the taxonomy, probabilities are
probabilities, the cast threshold came out of its out-of-fold tuning, and in-fold quality holds."""

from __future__ import annotations

import numpy as np
import pytest

from presswatch.narratives.data import MAIN_ROLES, load_language, role_descriptions
from presswatch.narratives.roles import MASK, MentionInput, contexts, sentence_span


@pytest.fixture(scope="module")
def bundle():
    from presswatch.narratives.roles_train import load_bundle

    return load_bundle()


@pytest.fixture(scope="module")
def english():
    lang = load_language("EN")
    xs = [MentionInput(lang.documents[m.doc_id].text, m.start, m.end, "EN", lang.documents[m.doc_id].domain)
          for m in lang.mentions]
    return xs, lang.mentions


def test_every_prediction_is_a_main_role_with_fine_roles_under_it(bundle, english):
    desc = role_descriptions()
    xs, _ = english
    for p in bundle.roles.predict(xs[:60]):
        assert p.main in MAIN_ROLES and p.fine and all(desc[f][0] == p.main for f in p.fine)
        assert p.score == max(p.main_proba) and abs(sum(p.main_proba) - 1) < 1e-6


def test_the_model_fits_its_english_train_mentions(bundle, english):
    # a gate on a broken bundle, not a quality claim (held-out numbers are in bench/roles_results.md)
    xs, gold = english
    preds = bundle.roles.predict(xs)
    emr = np.mean([set(p.fine) == set(m.fine) for p, m in zip(preds, gold)])
    main = np.mean([p.main == m.main for p, m in zip(preds, gold)])
    assert emr >= 0.5 and main >= 0.7


def test_the_cast_metrics_were_measured_out_of_fold(bundle):
    cast = bundle.metrics["cast"]
    assert 0 < cast["threshold"] < 1 and cast["threshold"] == bundle.cast.threshold
    assert 0 < cast["precision"] <= 1 and 0 < cast["recall"] <= 1


def test_context_masks_the_mention_and_stays_in_its_sentence():
    text = "Rain fell. Putin ordered strikes on Kyiv! Nobody slept."
    s = text.index("Putin")
    name, sentence, window = contexts(MentionInput(text, s, s + 5))
    assert name == "Putin" and "Putin" not in sentence and MASK.strip() in sentence
    assert sentence_span(text, s, s + 5) == (text.index("Putin") - 1, text.index("Nobody") - 1)
    assert "Rain" in window and "Putin" not in window
