"""Claim conflicts on a mixed-topic corpus: how many the corpus layer reports, each listed for judging.

The corpus: real news from the shared-task TRAIN texts (the first ``--ptc`` PTC SemEval-2020 articles
and the first ``--semeval`` SemEval-2023 subtask-1 English articles, by file name), the five seeds,
examples/, and bench/claims_corpus/ (our own same-event sets: one flood with an official toll, an aid
group's higher toll and a later official update; a bus crash the same day; one march counted by
police and by organisers). Most of the articles are about unrelated events, so every conflict across
two of them is a trap. Each reported group is printed with its claims and sentences; judging them
is done by reading (see bench/extract_results.md).

    .venv/bin/python -m bench.claims_conflicts [--ptc 40] [--semeval 20] [--embedder hashing-tfidf-v1]

``--blind`` instead scores the numeric claims of the PTC train articles in bench/gold/claims_blind.jsonl
(value, unit, vague; annotated by reading, before the extractor ever ran on them, never tuned on).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PTC = SHARED / "datasets" / "ptc-semeval2020-task11-train" / "shared-task" / "datasets" / "train-articles"
SEMEVAL = SHARED / "datasets" / "semeval2023-task3-en-train" / "data" / "en" / "train-articles-subtask-1"


def corpus(folder: Path, n_ptc: int, n_semeval: int) -> list[Path]:
    """Copy the mixed corpus into ``folder`` (one file an article) and return the inputs."""
    picks = sorted(PTC.glob("*.txt"))[:n_ptc] + sorted(SEMEVAL.glob("*.txt"))[:n_semeval]
    for p in picks:
        shutil.copy(p, folder / f"{p.parent.name[:12]}_{p.name}")
    return [folder, SHARED / "seeds", ROOT / "examples", ROOT / "bench" / "claims_corpus"]


BLIND = ROOT / "bench" / "gold" / "claims_blind.jsonl"


def blind() -> dict[str, float]:
    """Precision and recall of claim values on the blind gold, and how often unit and vague agree."""
    import json

    from bench.corpus_bench import stages
    from presswatch import analyze
    from presswatch.attrs import ClaimAttrs

    gold = [json.loads(line) for line in BLIND.read_text(encoding="utf-8").splitlines() if line.strip()]
    res = analyze([PTC / g["article"] for g in gold], stages=stages(), corpus=False)
    by_name = {a.source_path.split("/")[-1]: a for a in res.articles}
    tp = pred = want = unit_ok = vague_ok = 0
    for g in gold:
        found = [ClaimAttrs.of(c) for c in by_name[g["article"]].layer("claim")]
        pred += len(found)
        want += len(g["claims"])
        left = list(g["claims"])

        def head(unit: str | None) -> str:
            return (unit or "").split(" ")[-1].lower()

        for c in found:
            same = [x for x in left if float(x["value"]) == float(c.value or 0)]
            if not same:
                continue
            g_c = next((x for x in same if head(x["unit"]) == head(c.unit)), same[0])
            left.remove(g_c)
            tp += 1
            unit_ok += head(g_c["unit"]) == head(c.unit)
            vague_ok += c.vague == g_c["vague"]
        print(g["article"], "gold", [c["value"] for c in g["claims"]], "found", [(c.value, c.unit, c.vague) for c in found])
    out = {"articles": len(gold), "gold": want, "found": pred, "matched": tp,
           "precision": tp / pred if pred else 1.0, "recall": tp / want if want else 1.0,
           "unit_right": unit_ok / tp if tp else 0.0, "vague_right": vague_ok / tp if tp else 0.0}
    print(out)
    return out


def main(argv: list[str] | None = None) -> None:
    from bench.corpus_bench import stages
    from presswatch import analyze

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ptc", type=int, default=40)
    ap.add_argument("--semeval", type=int, default=20)
    ap.add_argument("--embedder", default=None, help="story embedder (default: the shipped sentence model)")
    ap.add_argument("--blind", action="store_true", help="score claims on bench/gold/claims_blind.jsonl")
    args = ap.parse_args(argv)
    if args.blind:
        blind()
        return
    with tempfile.TemporaryDirectory() as tmp:
        real = Path(tmp) / "real"
        real.mkdir()
        inputs = corpus(real, args.ptc, args.semeval)
        res = analyze(inputs, out=Path(tmp) / "out", stages=stages(), corpus_embedder=args.embedder)
    names = {a.id: (a.source_path or a.id).split("/")[-1] for a in res.articles}
    n_claims = sum(len(a.layer("claim")) for a in res.articles)
    vague = sum(1 for a in res.articles for c in a.layer("claim") if c.attrs.get("vague") or c.attrs.get("high"))
    sections = {k: res.corpus.get(k, []) for k in ("claim_conflicts", "updates", "corroborations")}
    print(f"articles {len(res.articles)}, claims {n_claims} (vague or ranged {vague}), "
          + ", ".join(f"{k} {len(v)}" for k, v in sections.items()))
    for kind, groups in sections.items():
        for g in groups:
            print(f"\n[{kind}] {g['topic']}: {g.get('note')}")
            for c in g["claims"]:
                print(f"   {c['value']:>12,} {c.get('modifier') or '':<10} {str(c['speaker'])[:30]:<30} "
                      f"{c.get('refers_to')} {names.get(c['article'], c['article'])[:40]}")
                print(f"{'':>16}| {c['sentence'][:160]}")


if __name__ == "__main__":
    main()
