"""Cross-language story grouping on our own articles: three events of September 2022, each written in
four languages (tests/corpus/fixtures/crosslang, gold in gold.json), scored as same-story pairs.

Runs the parse and entity stages on the fixtures, gives each article the date and outlet its page
would carry, then the corpus layer with the chosen embedders, and prints pairwise precision and
recall (all pairs, same-language pairs, cross-language pairs, and pairs across scripts), the
stories found, and whether any two articles were called duplicates. ``--english`` also prints a
digest of the story partition of examples/ (English), to compare before and after a change.

    .venv/bin/python -m bench.crosslang_stories [--set tuned|heldout|both] [--embedder NAME ...] [--english]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "corpus" / "fixtures" / "crosslang"
STAGES = ("nlp.spacy.v1", "extract.entities.v1")
CYRILLIC = frozenset({"ru", "uk", "bg", "be", "sr"})


#: The sets: ``tuned`` is what the anchors were tuned on, ``heldout`` was written after and never tuned on.
SETS = {"tuned": (FIXTURES,), "heldout": (FIXTURES / "heldout",), "both": (FIXTURES, FIXTURES / "heldout")}


def fixture_articles(which: str = "tuned") -> tuple[list[Any], dict[str, dict[str, str]]]:
    """The fixture articles analysed (parse, entities), with their gold date and outlet; and name -> gold."""
    import presswatch

    gold: dict[str, dict[str, str]] = {}
    paths: dict[str, Path] = {}
    for folder in SETS[which]:
        for name, g in json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"].items():
            gold[name], paths[name] = g, folder / name
    names = sorted(gold)
    result = presswatch.analyze(texts=[paths[n].read_text(encoding="utf-8") for n in names], stages=STAGES,
                                corpus=False)
    articles = list(result.articles)
    for name, a in zip(names, articles):
        a.published, a.outlet = gold[name]["published"], gold[name]["outlet"]
        a.source_path = name
    return articles, gold


def score(stories: list[dict[str, Any]], by_id: dict[str, str], gold: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Pairwise precision and recall of same-story pairs against the gold events, split by kind of pair."""
    found = {by_id[a["article"]]: s["id"] for s in stories for a in s["articles"]}
    kinds: dict[str, list[int]] = {}  # kind -> [true positives, predicted, gold]
    for x, y in combinations(sorted(gold), 2):
        lx, ly = gold[x]["language"], gold[y]["language"]
        same_gold = gold[x]["event"] == gold[y]["event"]
        same_found = found.get(x) is not None and found.get(x) == found.get(y)
        kind_names = ["all", "same language" if lx == ly else "cross-language"]
        if lx != ly:
            kind_names.append("across scripts" if (lx in CYRILLIC) != (ly in CYRILLIC) else "same script")
            if "en" in (lx, ly):
                kind_names.append("with English")
        for k in kind_names:
            row = kinds.setdefault(k, [0, 0, 0])
            row[0] += same_gold and same_found
            row[1] += same_found
            row[2] += same_gold
    out = {}
    for k, (tp, pred, true) in kinds.items():
        out[k] = {"tp": tp, "predicted": pred, "gold": true,
                  "precision": tp / pred if pred else None, "recall": tp / true if true else None}
    return out


def english_partition(embedder: str) -> str:
    """A digest of the story partition the corpus layer gives examples/ (to compare before and after)."""
    import presswatch
    from presswatch.corpus.stage import run_corpus

    result = presswatch.analyze([ROOT / "examples"], stages=STAGES, corpus=False)
    corpus = run_corpus(articles=result.articles, embedder_name=embedder)
    parts = sorted(sorted(a["article"] for a in s["articles"]) for s in corpus["stories"])
    labels = sorted(s["label"] for s in corpus["stories"])
    blob = json.dumps([parts, labels])
    return f"{len(parts)} stories, sizes {sorted(len(p) for p in parts)}, sha1 {hashlib.sha1(blob.encode()).hexdigest()[:12]}"


def main() -> None:
    from presswatch.corpus.embed import FALLBACK_NAME, MODEL_NAME
    from presswatch.corpus.stage import run_corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--embedder", action="append", help=f"{MODEL_NAME} (default) and/or {FALLBACK_NAME}")
    ap.add_argument("--english", action="store_true", help="also print the story partition digest of examples/")
    ap.add_argument("--set", choices=sorted(SETS), default="tuned", help="which fixture articles (default: tuned)")
    args = ap.parse_args()
    embedders = args.embedder or [MODEL_NAME, FALLBACK_NAME]
    articles, gold = fixture_articles(args.set)
    by_id = {a.id: a.source_path for a in articles}
    detected = {a.source_path: a.language for a in articles}
    wrong = {n: (detected[n], g["language"]) for n, g in gold.items() if detected[n] != g["language"]}
    print(f"{len(articles)} articles; language detected wrong for: {wrong or 'none'}")
    for name in embedders:
        corpus = run_corpus(articles=articles, embedder_name=name)
        print(f"\n## {name}")
        for kind, s in score(corpus["stories"], by_id, gold).items():
            p = "-" if s["precision"] is None else f"{s['precision']:.3f}"
            r = "-" if s["recall"] is None else f"{s['recall']:.3f}"
            print(f"{kind:16s} precision {p} recall {r}  (tp {s['tp']}, predicted {s['predicted']}, gold {s['gold']})")
        for st in corpus["stories"]:
            print("  story:", ", ".join(by_id[a["article"]] for a in st["articles"]), "|", st["label"])
        dups = [[by_id[m["article"]] for m in g["members"]] for g in corpus["duplicates"]]
        print("  duplicate groups:", dups or "none")
        if args.english:
            print("  examples/ (English):", english_partition(name))


if __name__ == "__main__":
    main()
