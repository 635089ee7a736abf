"""Quotes and numeric claims outside English, on a blind set of our own articles (ru, de, fr, pl;
topics other than the mobilisation the resources were written on), against gold annotated before
the extractor ran on them (bench/gold/multilingual_blind.jsonl). Scored as bench.extract_bench
scores examples/ (same matching); results and the expectation in bench/multilingual_extract.md.

    .venv/bin/python -m bench.multilingual_extract [--show]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.extract_bench import NAMES, analyse, load_gold, score

GOLD = Path(__file__).resolve().parent / "gold" / "multilingual_blind.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="list every miss and extra")
    args = ap.parse_args()
    gold = load_gold(GOLD)
    articles = analyse(gold)
    groups = {"all": gold, **{g["language"]: {p: g} for p, g in gold.items()}}
    for name, part in groups.items():
        tallies = score(part, articles)
        print(f"== {name}")
        for key, t in tallies.items():
            print(f"{key:15} P={t.precision:.3f} R={t.recall:.3f} ({t.right}/{t.found} found, {t.gold} gold)  {NAMES[key]}")
            if args.show and name == "all":
                for w in t.wrong:
                    print("   ", w)


if __name__ == "__main__":
    main()
