"""One loader and one 'is it current' check for every trained bundle (presswatch.training)."""

import json

import joblib
import pytest

from presswatch.training import ModelsMissing, bundle_current, load_trained


def _current(folder):
    return bundle_current(folder, "m.joblib", "metrics.json", version=2)


def test_a_missing_bundle_says_which_trainer_to_run(tmp_path):
    with pytest.raises(ModelsMissing, match=r"make models.*python -m presswatch\.narratives\.train"):
        load_trained(tmp_path, "m.joblib", current=_current, what="narrative model", trainer="presswatch.narratives.train")


def test_a_bundle_of_an_older_version_is_refused_and_a_current_one_loaded_once(tmp_path):
    joblib.dump({"weights": [1, 2]}, tmp_path / "m.joblib")
    (tmp_path / "metrics.json").write_text(json.dumps({"version": 1}))
    with pytest.raises(ModelsMissing, match="older presswatch"):
        load_trained(tmp_path, "m.joblib", current=_current, what="x", trainer="t")
    (tmp_path / "metrics.json").write_text(json.dumps({"version": 2}))
    first = load_trained(tmp_path, "m.joblib", current=_current, what="x", trainer="t")
    assert first == {"weights": [1, 2]}
    assert load_trained(tmp_path, "m.joblib", current=_current, what="x", trainer="t") is first


def test_the_shipped_loaders_raise_the_one_error_class(tmp_path):
    from presswatch.narratives.roles_train import load_bundle
    from presswatch.narratives.stage import load_model
    from presswatch.rhetoric.models import ModelsMissing as RhetoricMissing

    assert RhetoricMissing is ModelsMissing
    for load in (load_model, load_bundle):
        with pytest.raises(ModelsMissing, match="make models"):
            load(tmp_path)
