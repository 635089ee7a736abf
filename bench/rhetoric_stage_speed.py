"""Cost of span placement: the rhetoric stage with the shipped tagger settings against the old ones.

    python -m bench.rhetoric_stage_speed [--articles 80] [--rounds 3]

Runs `stage.find_rhetoric_batch` on PTC train articles in one process, alternating the shipped span
tagger (threshold and snapping as trained) with the pre-issue-17 one (threshold 0.35, no snapping) on
the same bundle, and prints the ratio of the best times (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import time

from presswatch.model import paragraph_offsets
from presswatch.rhetoric.data import load_ptc2020
from presswatch.rhetoric.models import load_models
from presswatch.rhetoric.stage import find_rhetoric_batch


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    models = load_models()
    texts = [t for _, t in sorted(load_ptc2020().articles.items())[: args.articles]]
    items = [(t, paragraph_offsets(t), None) for t in texts]
    shipped = (models.si2023.threshold, models.si2023.snap)
    best = {"shipped": float("inf"), "old": float("inf")}
    spans = {}
    find_rhetoric_batch(models, items[:5])  # warm up the encoder
    for _ in range(args.rounds):
        for name, (thr, snap) in (("shipped", shipped), ("old", (0.35, False))):
            models.si2023.threshold, models.si2023.snap = thr, snap
            t0 = time.perf_counter()
            out = find_rhetoric_batch(models, items)
            best[name] = min(best[name], time.perf_counter() - t0)
            spans[name] = sum(1 for hits, _, _ in out for h in hits if h.trigger)
    models.si2023.threshold, models.si2023.snap = shipped
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words: shipped {best['shipped']:.2f} s ({spans['shipped']} triggers), "
          f"old {best['old']:.2f} s ({spans['old']} triggers), ratio {best['shipped'] / best['old']:.2f}x")


if __name__ == "__main__":
    main()
