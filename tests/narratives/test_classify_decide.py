"""The narrative model's decision rules on hand-made probabilities: domain first, narratives only of
that domain, Other alone otherwise, sub-narratives under their parent."""

from __future__ import annotations

import numpy as np
import pytest

from presswatch.narratives.classify import DOMAIN_CLASSES, Proba, Thresholds, decide, domain_decision
from presswatch.narratives.data import OTHER

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
