"""The shared-task metrics on tiny hand-made gold/prediction files with hand-computed scores."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from presswatch.rhetoric.scorers import (
    macro_f1,
    merge_spans,
    micro_f1,
    score_2020_si,
    score_2020_tc,
    score_2023_st1,
    score_2023_st2,
    score_2023_st3,
    span_overlap_f1,
    tc_micro_f1,
)


def write(path, lines):
    path.write_text("".join(l + "\n" for l in lines), encoding="utf-8")
    return path


def test_scorers_micro_f1_counts_label_pairs():
    gold = {1: {"A", "B"}, 2: set(), 3: {"C"}}
    pred = {1: {"A"}, 2: {"B"}, 3: {"C", "D"}}
    s = micro_f1(gold, pred)  # tp 2, 4 predicted, 3 gold
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(4 / 7)


def test_scorers_macro_f1_averages_classes():
    gold = {1: "opinion", 2: "opinion", 3: "reporting", 4: "satire"}
    pred = {1: "opinion", 2: "reporting", 3: "reporting", 4: "opinion"}
    # opinion F1 1/2, reporting F1 2/3, satire 0
    assert macro_f1(gold, pred).f1 == pytest.approx(7 / 18)


def test_scorers_st3_file_format(tmp_path):
    gold = write(tmp_path / "g.txt", ["1\t1\tDoubt,Slogans", "1\t3\t", "2\t1\tLoaded_Language"])
    pred = write(tmp_path / "p.txt", ["1\t1\tDoubt", "1\t3\tRepetition", "2\t1\tLoaded_Language,Doubt"])
    assert score_2023_st3(gold, pred).f1 == pytest.approx(4 / 7)


def test_scorers_st1_st2_file_format(tmp_path):
    g1 = write(tmp_path / "g1.txt", ["1\topinion", "2\topinion", "3\treporting", "4\tsatire"])
    p1 = write(tmp_path / "p1.txt", ["1\topinion", "2\treporting", "3\treporting", "4\topinion"])
    assert score_2023_st1(g1, p1).f1 == pytest.approx(7 / 18)
    g2 = write(tmp_path / "g2.txt", ["1\tPolitical,Economic", "2\tMorality"])
    p2 = write(tmp_path / "p2.txt", ["1\tPolitical", "2\tMorality,Economic"])
    s = score_2023_st2(g2, p2)  # tp 2 of 3 predicted, 3 gold
    assert s.f1 == pytest.approx(2 / 3)


def test_scorers_span_overlap_gives_partial_credit():
    s = span_overlap_f1({"a": [(0, 10)]}, {"a": [(5, 15)]})
    assert (s.precision, s.recall, s.f1) == pytest.approx((0.5, 0.5, 0.5))
    s = span_overlap_f1({"a": [(0, 10), (20, 30)]}, {"a": [(5, 15)]})
    assert (s.precision, s.recall, s.f1) == pytest.approx((0.5, 0.25, 1 / 3))
    assert span_overlap_f1({"a": [(0, 10)]}, {"b": [(0, 10)]}).f1 == 0.0


def test_scorers_span_overlap_merges_overlapping_predictions(tmp_path):
    assert merge_spans([(12, 18), (5, 15), (30, 31)]) == [(5, 18), (30, 31)]
    gold = write(tmp_path / "g.txt", ["a\t0\t10"])
    pred = write(tmp_path / "p.txt", ["a\t5\t15", "a\t12\t18"])
    s = score_2020_si(gold, pred)  # one predicted span 5..18, 5 of its 13 chars right
    assert s.precision == pytest.approx(5 / 13)
    assert s.recall == pytest.approx(0.5)


def test_scorers_tc_matches_multiset_per_span(tmp_path):
    gold = [("a", 0, 5, "X"), ("a", 0, 5, "Y"), ("a", 10, 20, "Z")]
    pred = [("a", 0, 5, "Y"), ("a", 0, 5, "W"), ("a", 10, 20, "Z")]
    assert tc_micro_f1(gold, pred).f1 == pytest.approx(2 / 3)
    g = write(tmp_path / "g.txt", ["a\tName_Calling,Labeling\t0\t5", "a\tDoubt\t10\t20"])
    p = write(tmp_path / "p.txt", ["a\tName_Calling,Labeling\t0\t5", "a\tSlogans\t10\t20"])
    assert score_2020_tc(g, p).f1 == pytest.approx(0.5)


def test_scorers_cli_prints_json(tmp_path):
    from presswatch.rhetoric.semeval_cli import semeval

    gold = write(tmp_path / "g.txt", ["a\t0\t10"])
    pred = write(tmp_path / "p.txt", ["a\t5\t15"])
    result = CliRunner().invoke(semeval, ["score", "2020-si", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["f1"] == pytest.approx(0.5)
