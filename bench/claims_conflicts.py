"""Claim conflicts on a mixed-topic corpus: how many the corpus layer reports, each listed for judging.

The corpus: real news from the shared-task TRAIN texts (the first ``--ptc`` PTC SemEval-2020 articles
and the first ``--semeval`` SemEval-2023 subtask-1 English articles, by file name), the five seeds,
examples/, and bench/claims_corpus/ (our own same-event sets: one flood with an official toll, an aid
group's higher toll and a later official update; a bus crash the same day; one march counted by
police and by organisers). Most of the articles are about unrelated events, so every conflict across
two of them is a trap. Each reported group is printed with its claims and sentences; judging them
is done by reading (see bench/extract_results.md).

    .venv/bin/python -m bench.claims_conflicts [--ptc 40] [--semeval 20] [--embedder hashing-tfidf-v1]
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


def main(argv: list[str] | None = None) -> None:
    from bench.corpus_bench import stages
    from presswatch import analyze

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ptc", type=int, default=40)
    ap.add_argument("--semeval", type=int, default=20)
    ap.add_argument("--embedder", default=None, help="story embedder (default: the shipped sentence model)")
    args = ap.parse_args(argv)
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
