"""Threshold policies: "mix" tunes for the train documents' own share of Other-only articles,
"robust" for the mean over 20-60 % Other, each language moved to that share on its own."""

from __future__ import annotations

import numpy as np
import pytest

from presswatch.narratives.train import choose, share_weights


def test_share_weights_move_each_group_to_the_share():
    is_other = np.array([1, 1, 1, 0, 1, 0, 0, 0], bool)
    groups = np.array(["EN"] * 4 + ["BG"] * 4)
    w = share_weights(is_other, 0.2, groups)
    for g in ("EN", "BG"):
        m = groups == g
        assert w[m][is_other[m]].sum() / w[m].sum() == pytest.approx(0.2)
    # a group with no Other-only documents cannot be moved: left as it is
    assert list(share_weights(np.zeros(3, bool), 0.5)) == [1.0, 1.0, 1.0]


def test_robust_policy_stops_leaning_on_other_when_train_has_many_other_articles():
    # 8 of 10 train documents are Other-only: "predict Other" (key A) wins at the train mix, while
    # finding the narratives (key B) wins at every share of 20-60 % Other
    is_other = np.array([True] * 8 + [False] * 2)
    a = (np.where(is_other, 1.0, 0.0), np.where(is_other, 1.0, 0.0))
    b = (np.where(is_other, 0.6, 0.9), np.where(is_other, 0.6, 0.9))
    grid = {(0.6, 0.3, 0.5, 2.0): a, (0.2, 0.3, 0.5, 2.0): b}
    assert choose(grid, is_other, "mix").coarse == 0.6
    robust = choose(grid, is_other, "robust")
    assert (robust.coarse, robust.fine, robust.domain, robust.fallback) == (0.2, 0.3, 0.5, 2.0)
    with pytest.raises(ValueError):
        choose(grid, is_other, "median")


def test_robust_en_moves_english_only():
    # English leans on Other (key A wins its mix), Bulgarian has no Other documents; only "robust-en"
    # reweights English and leaves Bulgarian as it is
    is_other = np.array([True] * 8 + [False] * 2 + [False] * 4)
    groups = np.array(["EN"] * 10 + ["BG"] * 4)
    a = (np.where(is_other, 1.0, 0.0), np.where(is_other, 1.0, 0.0))
    b = (np.where(is_other, 0.6, 0.9), np.where(is_other, 0.6, 0.9))
    grid = {(0.6, 0.3, 0.5, 2.0): a, (0.2, 0.3, 0.5, 2.0): b}
    assert choose(grid, is_other, "robust-en", groups).coarse == 0.2
    # with English at its own mix B still wins on the Bulgarian documents alone
    assert choose(grid, is_other, "mix", groups).coarse == 0.2
    only_en = is_other[:10]
    assert choose({k: (v[0][:10], v[1][:10]) for k, v in grid.items()}, only_en, "mix", groups[:10]).coarse == 0.6
