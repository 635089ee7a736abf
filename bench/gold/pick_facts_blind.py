"""The fixed rule that chose the 21 articles of bench/gold/facts_blind.jsonl (written before any of
them was read): PTC SemEval-2020 train articles in file-name order, leaving out the first 40 (the
mixed corpus of bench/claims_conflicts.py ran the extractors on them) and every article named in a
bench/gold/*.jsonl file before this one; keep those of 1,000-3,000 characters holding a double
quote mark; take every third, the first 21.

    .venv/bin/python -m bench.gold.pick_facts_blind
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PTC = ROOT.parent / "shared/datasets/ptc-semeval2020-task11-train/shared-task/datasets/train-articles"
#: Gold files that existed when the set was picked (facts_blind.jsonl itself is not one of them).
BEFORE = ("facts.jsonl", "quotes_blind.jsonl", "claims_blind.jsonl", "entities_fr_blind.jsonl", "multilingual_blind.jsonl")


def pick(n: int = 21) -> list[str]:
    used: set[str] = set()
    for name in BEFORE:
        for line in (ROOT / "bench/gold" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                used.add(Path(json.loads(line)["article"]).name)
    names = sorted(p.name for p in PTC.glob("article*.txt"))
    used |= set(names[:40])
    cand = []
    for name in names:
        if name in used:
            continue
        text = (PTC / name).read_text(encoding="utf-8")
        if 1000 <= len(text) <= 3000 and ('"' in text or "\u201c" in text):
            cand.append(name)
    return cand[::3][:n]


if __name__ == "__main__":
    print("\n".join(pick()))
