"""Subtask-2 samples-F1: gold against itself is 1.0, a small case gives the hand-computed number,
and predict lines for a folder of our own articles round-trip through the scorer."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from presswatch.narratives.classify import Found
from presswatch.narratives.data import root, taxonomy
from presswatch.narratives.semeval import doc_f1, language_of, read_st2, samples_f1, score_st2, st2_line

@pytest.fixture(scope="module")
def narrative_model():
    """The real trained model (load_model caches it for the session)."""
    from presswatch.narratives.resources import TRAINED_DIR
    from presswatch.narratives.stage import load_model
    from presswatch.narratives.train import BUNDLE

    if not (TRAINED_DIR / BUNDLE).exists():
        pytest.skip(f"no trained narrative model at {TRAINED_DIR / BUNDLE}: run `make models`")
    return load_model()


GOLD = (
    "a.txt\tURW: Praise of Russia;URW: Discrediting Ukraine\tURW: Praise of Russia: Other;"
    "URW: Discrediting Ukraine: Situation in Ukraine is hopeless\r\n"
    "b.txt\tOther\tOther\r\n"
    "c.txt\tCC: Amplifying Climate Fears\tCC: Amplifying Climate Fears: Doomsday scenarios for humans\r\n"
)
PRED = (
    "a.txt\tURW: Praise of Russia\tURW: Praise of Russia: Other\n"
    "b.txt\tURW: Discrediting Ukraine;Other\tOther\n"
    # c.txt is missing: it scores 0
)


def test_gold_scored_against_itself_is_one(tmp_path):
    g = tmp_path / "gold.txt"
    g.write_text(GOLD, encoding="utf-8")
    assert score_st2(g, g, taxonomy()).to_dict() == {"coarse": {"f1": 1.0, "std": 0.0, "n": 3},
                                            "fine": {"f1": 1.0, "std": 0.0, "n": 3}}


def test_small_case_matches_hand_computation(tmp_path):
    g, p = tmp_path / "gold.txt", tmp_path / "pred.txt"
    g.write_text(GOLD, encoding="utf-8")
    p.write_text(PRED, encoding="utf-8")
    got = score_st2(g, p, taxonomy()).to_dict()
    # coarse: a P=1 R=1/2 -> 2/3; b P=1/2 R=1 -> 2/3; c 0 -> mean 4/9
    assert got["coarse"]["f1"] == pytest.approx(4 / 9, abs=1e-5)
    # fine: a 2/3; b 1; c 0 -> mean 5/9
    assert got["fine"]["f1"] == pytest.approx(5 / 9, abs=1e-5)


def test_labels_outside_the_taxonomy_are_dropped_and_empty_sets_score_zero():
    gold = {"x": {"Other"}}
    assert samples_f1(gold, {"x": {"Other", "Not a narrative"}}, ["Other"]).f1 == 1.0
    assert samples_f1(gold, {"x": {"Other", "Not a narrative"}}).f1 == pytest.approx(2 / 3)
    assert doc_f1(set(), set()) == 0.0


def test_weights_resample_the_test_mix():
    gold = {"a": {"Other"}, "b": {"CC: Amplifying Climate Fears"}}
    pred = {"a": {"Other"}, "b": {"Other"}}
    assert samples_f1(gold, pred).f1 == 0.5
    assert samples_f1(gold, pred, weights={"a": 3.0, "b": 1.0}).f1 == 0.75


def test_line_format_joins_with_semicolons_and_reads_back(tmp_path):
    found = [Found("URW: Praise of Russia", 0.8, "URW", ("URW: Praise of Russia: Praise of Russian military might",)),
             Found("URW: Discrediting Ukraine", 0.6, "URW", ("URW: Discrediting Ukraine: Other",))]
    line = st2_line("EN_UA_1.txt", found)
    assert line == ("EN_UA_1.txt\tURW: Praise of Russia;URW: Discrediting Ukraine\t"
                    "URW: Praise of Russia: Praise of Russian military might;URW: Discrediting Ukraine: Other")
    assert st2_line("x.txt", []) == "x.txt\tOther\tOther"
    f = tmp_path / "p.txt"
    f.write_text(line + "\n", encoding="utf-8")
    assert read_st2(f)["EN_UA_1.txt"][0] == {"URW: Praise of Russia", "URW: Discrediting Ukraine"}


def test_language_comes_from_the_2025_ids():
    assert [language_of(i, "") for i in ("EN_UA_1.txt", "BG_3.txt", "A9_BG_5.txt", "HI_1.txt", "PT_2.txt",
                                          "RU-URW-1080.txt")] == ["en", "bg", "bg", "hi", "pt", "ru"]


def test_cli_predict_then_score_round_trips(tmp_path, narrative_model):
    from presswatch.rhetoric.semeval_cli import semeval

    arts = tmp_path / "articles"
    arts.mkdir()
    src = root() / "data" / "train_data" / "EN" / "raw-documents"
    names = sorted(p.name for p in src.glob("*.txt"))[:6]
    for n in names:
        (arts / n).write_bytes((src / n).read_bytes())
    out = tmp_path / "pred.txt"
    r = CliRunner().invoke(semeval, ["predict", "2025-t10-st2", "--articles", str(arts), "--out", str(out)])
    assert r.exit_code == 0, r.output
    pred = read_st2(out)
    coarse, fine = taxonomy()
    assert sorted(pred) == names
    for c, f in pred.values():
        assert c <= set(coarse) and f <= set(fine)
    r = CliRunner().invoke(semeval, ["score", "2025-t10-st2", "--gold", str(out), "--pred", str(out)])
    assert r.exit_code == 0, r.output
    got = json.loads(r.output)
    assert got["coarse"]["f1"] == 1.0 and got["fine"]["f1"] == 1.0
