"""`semeval predict 2025-t10-st1` on articles we wrote: one line per given mention with its offsets as
given, roles from the taxonomy, and the file scores against a gold file of ours."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from presswatch.narratives.data import MAIN_ROLES, role_descriptions
from presswatch.rhetoric.semeval_cli import semeval

ARTICLE = (
    "Kremlin warmonger Putin threatens Europe again\n\n"
    "Vladimir Putin on Friday threatened to cut off gas to Europe for the winter , while Russian troops "
    "shelled the port of Odesa. Ukrainian President Volodymyr Zelensky praised the volunteers who "
    "evacuated 300 children from the city.\r\n"
    "Read more: https://example.org/world  | Share"
)


def _mention(text: str, name: str) -> tuple[int, int]:
    s = text.index(name)
    return s, s + len(name) - 1  # end inclusive, as the task gives it


def test_predict_writes_one_line_per_mention_and_scores(tmp_path: Path):
    arts = tmp_path / "raw-documents"
    arts.mkdir()
    (arts / "EN_UA_900001.txt").write_bytes(ARTICLE.encode("utf-8"))
    putin, zelensky = _mention(ARTICLE, "Vladimir Putin"), _mention(ARTICLE, "Volodymyr Zelensky")
    mentions = tmp_path / "mentions.txt"
    mentions.write_text(f"EN_UA_900001.txt\tVladimir Putin\t{putin[0]}\t{putin[1]}\r\n"
                        f"EN_UA_900001.txt\tVolodymyr Zelensky\t{zelensky[0]}\t{zelensky[1]}\r\n", encoding="utf-8")
    out = tmp_path / "pred.txt"
    r = CliRunner().invoke(semeval, ["predict", "2025-t10-st1", "--articles", str(arts), "--mentions", str(mentions),
                                     "--out", str(out)])
    assert r.exit_code == 0, r.output
    rows = [l.split("\t") for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r[:4] for r in rows] == [["EN_UA_900001.txt", "Vladimir Putin", str(putin[0]), str(putin[1])],
                                     ["EN_UA_900001.txt", "Volodymyr Zelensky", str(zelensky[0]), str(zelensky[1])]]
    desc = role_descriptions()
    for row in rows:
        assert row[4] in MAIN_ROLES and row[5:] and all(desc[f][0] == row[4] for f in row[5:])
    gold = tmp_path / "gold.txt"
    gold.write_text(f"EN_UA_900001.txt\tVladimir Putin\t{putin[0]}\t{putin[1]}\tAntagonist\tInstigator\n"
                    f"EN_UA_900001.txt\tVolodymyr Zelensky\t{zelensky[0]}\t{zelensky[1]}\tProtagonist\tGuardian\n",
                    encoding="utf-8")
    r = CliRunner().invoke(semeval, ["score", "2025-t10-st1", "--gold", str(gold), "--pred", str(out)])
    assert r.exit_code == 0, r.output
    s = json.loads(r.output)
    # the scores of the written predictions, computed here from the lines themselves
    gold_roles = [("Antagonist", {"Instigator"}), ("Protagonist", {"Guardian"})]
    assert s["task"] == "2025-t10-st1" and s["n"] == 2
    assert s["emr"] == sum(set(row[5:]) == g for row, (_, g) in zip(rows, gold_roles)) / 2
    assert s["main_accuracy"] == sum(row[4] == m for row, (m, _) in zip(rows, gold_roles)) / 2


def test_predict_without_mentions_is_a_usage_error(tmp_path: Path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    r = CliRunner().invoke(semeval, ["predict", "2025-t10-st1", "--articles", str(tmp_path), "--out",
                                     str(tmp_path / "o.txt")])
    assert r.exit_code != 0 and "--mentions" in r.output
