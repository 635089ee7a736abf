"""Quotes and numeric claims outside English, on a blind set of our own articles (ru, de, fr, pl;
topics other than the mobilisation the resources were written on), against gold annotated before
the extractor ran on them (bench/gold/multilingual_blind.jsonl). Scored as bench.extract_bench
scores examples/ (same matching); results and the expectation in bench/multilingual_extract.md.

    .venv/bin/python -m bench.multilingual_extract [--show]
    .venv/bin/python -m bench.multilingual_extract --train 30

``--train N`` instead runs the first N shared-task TRAIN articles per language (SemEval-2023 fr, ge,
it, po, ru; SemEval-2025 BG, PT; no gold, nothing tuned on them) through the nlp and extract stages:
errors, how many quotes and claims (and with a speaker), and the extract stages' time against the
parse's, both in this process.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.extract_bench import NAMES, analyse, load_gold, score

GOLD = Path(__file__).resolve().parent / "gold" / "multilingual_blind.jsonl"
DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
TRAIN = {
    "fr": "semeval2023-task3-multilingual-train/data/fr/train-articles-subtask-1",
    "de": "semeval2023-task3-multilingual-train/data/ge/train-articles-subtask-1",
    "it": "semeval2023-task3-multilingual-train/data/it/train-articles-subtask-1",
    "pl": "semeval2023-task3-multilingual-train/data/po/train-articles-subtask-1",
    "ru": "semeval2023-task3-multilingual-train/data/ru/train-articles-subtask-1",
    "bg": "semeval2025-task10-train/data/train_data/BG/raw-documents",
    "pt": "semeval2025-task10-train/data/train_data/PT/raw-documents",
}


def train_run(n: int) -> None:
    """Errors, counts and extract time against parse time on the first ``n`` train articles per language."""
    from presswatch.extract.claims import ClaimStage
    from presswatch.extract.entities import EntityStage
    from presswatch.extract.quotes import QuoteStage
    from presswatch.model import Article
    from presswatch.nlp.stage import NlpStage

    nlp = NlpStage(nlp=None)
    for lang, folder in TRAIN.items():
        files = sorted((DATASETS / folder).glob("*.txt"))[:n]
        articles = [Article.create(str(f), f.read_text(encoding="utf-8", errors="replace")) for f in files]
        t0 = time.perf_counter()
        nlp(articles)
        t1 = time.perf_counter()
        errors = 0
        for a in articles:
            try:
                for stage in (EntityStage(), QuoteStage(), ClaimStage()):
                    stage([a])
            except Exception as exc:  # a crash is what this run looks for: count it, show it, go on
                errors += 1
                print(f"  error {a.source_path}: {type(exc).__name__}: {exc}")
        t2 = time.perf_counter()
        quotes = [q for a in articles for q in a.layer("quote")]
        claims = [c for a in articles for c in a.layer("claim")]
        print(f"{lang}: {len(articles)} articles ({sum(a.language == lang for a in articles)} detected as {lang}), "
              f"errors {errors}; quotes {len(quotes)} ({sum(bool(q.attrs.get('speaker')) for q in quotes)} with a "
              f"speaker), claims {len(claims)} ({sum(bool(c.attrs.get('speaker')) for c in claims)} with one); "
              f"parse {t1 - t0:.1f} s, entities + quotes + claims {t2 - t1:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="list every miss and extra")
    ap.add_argument("--train", type=int, metavar="N", help="run N train articles per language instead (no gold)")
    args = ap.parse_args()
    if args.train:
        train_run(args.train)
        return
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
