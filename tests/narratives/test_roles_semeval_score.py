"""Subtask-1 (entity framing) files: the scorer against hand-computed cases, and predict -> score round trip."""

from pathlib import Path

import pytest

from presswatch.narratives.roles_semeval import (format_line, read_mention_lines, read_role_lines, score_2025_st1,
                                                 score_roles)

GOLD = (
    "EN_UA_1.txt\tPutin\t10\t14\tAntagonist\tTyrant\r\n"
    "EN_UA_1.txt\tZelensky\t40\t47\tProtagonist\tGuardian\tMartyr\r\n"
    "\r\n"
    "EN_CC_2.txt\tAl Gore\t0\t6\tAntagonist\tDeceiver\r\n"
    "EN_CC_2.txt\tfarmers\t90\t96\tInnocent\tVictim\r\n"
)


def test_gold_scored_against_itself_is_one(tmp_path: Path):
    gold = tmp_path / "gold.txt"
    gold.write_text(GOLD, encoding="utf-8")
    s = score_2025_st1(gold, gold).to_dict()
    assert s == {"emr": 1.0, "precision": 1.0, "recall": 1.0, "f1": 1.0, "main_accuracy": 1.0, "n": 4}


def test_a_small_case_scores_as_computed_by_hand(tmp_path: Path):
    gold, pred = tmp_path / "gold.txt", tmp_path / "pred.txt"
    gold.write_text(GOLD, encoding="utf-8")
    pred.write_text(
        "EN_UA_1.txt\tPutin\t10\t14\tAntagonist\tTyrant\n"  # exact
        "EN_UA_1.txt\tZelensky\t40\t47\tProtagonist\tGuardian\n"  # main right, 1 of 2 fine roles
        "EN_CC_2.txt\tAl Gore\t0\t6\tProtagonist\tVirtuous\n",  # wrong; the farmers line is missing
        encoding="utf-8",
    )
    s = score_2025_st1(gold, pred)
    # EMR 1/4; fine pairs: 2 right of 3 predicted, of 5 gold; main right 2 of 4
    assert s.emr == pytest.approx(0.25)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 5)
    assert s.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert s.main_accuracy == pytest.approx(0.5)


def test_fine_roles_are_compared_as_sets_not_in_order():
    key = ("d.txt", "NATO", "1", "4")
    gold = {key: ("Antagonist", frozenset({"Instigator", "Conspirator"}))}
    assert score_roles(gold, {key: ("Antagonist", frozenset({"Conspirator", "Instigator"}))}).emr == 1.0


def test_a_line_without_a_main_role_fails_with_its_line_number(tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_text("d.txt\tNATO\t1\t4\n", encoding="utf-8")
    with pytest.raises(ValueError, match=":1:"):
        read_role_lines(bad)


def test_mention_lines_keep_offsets_as_given_and_format_back(tmp_path: Path):
    path = tmp_path / "mentions.txt"
    path.write_text("EN_UA_1.txt\tVladimir Putin\t120\t133\r\n", encoding="utf-8")
    (key,) = read_mention_lines(path)
    assert key == ("EN_UA_1.txt", "Vladimir Putin", "120", "133")
    assert format_line(key, "Antagonist", ("Tyrant",)) == "EN_UA_1.txt\tVladimir Putin\t120\t133\tAntagonist\tTyrant"
