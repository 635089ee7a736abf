"""Genre: the style rates that tell reporting from opinion, and the satire rule."""

from __future__ import annotations

import numpy as np

from presswatch.rhetoric.documents import SATIRE_MIN_P, genre_labels
from presswatch.rhetoric.features import style_features

REPORT = ("Police arrested 2,000 protesters on Sunday, according to OVD-Info. 'We will not go,' one woman told "
          "reporters. The ministry said 300,000 men would be called up, officials confirmed.")
OPINION = ("I think we have been fooled. You know it and I know it: our leaders never cared about you, "
           "and we should stop pretending otherwise.")


def test_documents_style_rates_separate_reporting_from_opinion():
    rep, op = style_features(REPORT), style_features(OPINION)
    attribution, first, second, _, quoted, digits = range(6)
    assert rep[attribution] > op[attribution]
    assert op[first] > rep[first] and op[second] > rep[second]
    assert rep[quoted] > 0 and op[quoted] == 0
    assert rep[digits] > op[digits] == 0


def test_documents_persons_inside_quotes_are_not_the_writer_speaking():
    quoted_we = "Protesters shouted 'we will not fight' at the police, witnesses said."
    assert style_features(quoted_we)[1] == 0.0
    assert style_features("We will not fight, and the police know it.")[1] > 0


def test_documents_satire_only_when_sure():
    P = np.array([[0.2, 0.1, 0.7], [0.1, 0.1, SATIRE_MIN_P + 0.05], [0.5, 0.3, 0.2]], dtype=np.float32)
    assert [g for g, _ in genre_labels(P)] == ["opinion", "satire", "opinion"]
