"""The rank fallback of the narrative decision: an article confidently in a domain whose coarse
narratives all miss the threshold gets the surest one of its domain instead of Other."""

from __future__ import annotations

import numpy as np

from presswatch.narratives.classify import Proba, Thresholds, decide
from presswatch.narratives.data import OTHER

COARSE = ("URW: Praise of Russia", "URW: Discrediting Ukraine", "CC: Amplifying Climate Fears")
FINE = ("URW: Praise of Russia: Praise of Russian military might", "URW: Discrediting Ukraine: Other",
        "CC: Amplifying Climate Fears: Doomsday scenarios for humans")


def _one(domain, coarse, t: Thresholds):
    P = Proba(np.array([domain], float), np.array([coarse], float), np.array([[0.1, 0.1, 0.1]], float))
    (found,) = decide(P, COARSE, FINE, t)
    return found


def test_a_confident_domain_gets_its_surest_narrative_not_other():
    # the CC narrative is surer overall, but the article is about the war: only URW ones compete
    found = _one([0.95, 0.05, 0.0], [0.2, 0.25, 0.9], Thresholds(coarse=0.5, fine=0.5, domain=0.5, fallback=0.9))
    assert [f.label for f in found] == ["URW: Discrediting Ukraine"]
    assert found[0].domain == "URW" and found[0].subnarratives == ("URW: Discrediting Ukraine: Other",)


def test_the_fallback_is_off_by_default_and_below_its_domain_probability():
    coarse = [0.2, 0.25, 0.9]
    assert [f.label for f in _one([0.95, 0.05, 0.0], coarse, Thresholds(0.5, 0.5, 0.5))] == [OTHER]
    assert [f.label for f in _one([0.8, 0.05, 0.0], coarse, Thresholds(0.5, 0.5, 0.5, fallback=0.9))] == [OTHER]
    # an article about neither domain stays Other whatever the fallback
    (other,) = _one([0.2, 0.1, 0.9], coarse, Thresholds(0.5, 0.5, 0.5, fallback=0.0))
    assert other.label == OTHER and other.domain is None


def test_the_fallback_does_not_change_articles_that_pass_the_threshold():
    found = _one([0.95, 0.0, 0.0], [0.7, 0.6, 0.0], Thresholds(coarse=0.5, fine=0.5, domain=0.5, fallback=0.0))
    assert [f.label for f in found] == ["URW: Praise of Russia", "URW: Discrediting Ukraine"]
