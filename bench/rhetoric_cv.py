"""Cross-validated scores of the rhetoric models on the shared-task train data, under both protocols.

    python -m bench.rhetoric_cv [--tasks 2023-st3,2023-st1,2023-st2,2020-tc,2020-si] [--folds 5]
                                [--protocols article,topic]

`article`: 5 folds by article; `topic`: 5 folds = 5 topic clusters of the articles (evaluate.topic_folds),
the protocol meant to predict news from another period or source. Uses the embedding cache that
`make models` fills; prints one Markdown table row per task and protocol, to be copied into
bench/rhetoric_results.md. The 7 train articles that are also in the held-out dev set are never scored.
"""

from __future__ import annotations

import argparse
import time

from presswatch.rhetoric.data import load_ptc2020, load_semeval2023
from presswatch.rhetoric.embed import EmbeddingCache, encode_fast
from presswatch.rhetoric.evaluate import (PROTOCOLS, cv_documents, cv_paragraphs, cv_span_identification, cv_techniques,
                                          topic_folds)
from presswatch.rhetoric.resources import TECHNIQUES, TECHNIQUES_2020, TRAINED_DIR
from presswatch.rhetoric.train import PARAMS

TASKS = ("2023-st3", "2023-st1", "2023-st2", "2020-tc", "2023-spans-tc", "2020-si")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tasks", default=",".join(TASKS))
    ap.add_argument("--folds", type=int, default=PARAMS["folds"])
    ap.add_argument("--protocols", default=",".join(PROTOCOLS))
    args = ap.parse_args()
    tasks = args.tasks.split(",")
    cache = EmbeddingCache(TRAINED_DIR / "cache")
    d23, d20 = load_semeval2023(), load_ptc2020()
    print("| task | protocol | metric | P | R | F1 | seconds |\n|---|---|---|---|---|---|---|")
    for protocol in args.protocols.split(","):
        run(tasks, protocol, args.folds, d23, d20, cache)


def run(tasks, protocol: str, k: int, d23, d20, cache) -> None:
    """Print the rows of ``tasks`` under one protocol."""
    def topics(articles):
        return topic_folds(articles, k) if protocol == "topic" else None

    def row(task: str, metric: str, score, t0: float) -> None:
        print(f"| {task} | {protocol} | {metric} | {score.precision:.4f} | {score.recall:.4f} | {score.f1:.4f} | "
              f"{time.time() - t0:.0f} |", flush=True)

    if "2023-st3" in tasks:
        t0 = time.time()
        cv = cv_paragraphs(d23.paragraphs, encode_fast, k=k, C=PARAMS["paragraph_C"], C_dense=PARAMS["paragraph_C_dense"],
                           topics=topics(d23.articles))
        row("2023-st3", "paragraph micro-F1", cv.score, t0)
    if "2023-st1" in tasks or "2023-st2" in tasks:
        t0 = time.time()
        ids = sorted(d23.doc_articles)
        g, f = cv_documents(ids, [d23.doc_articles[a] for a in ids], d23.genre, d23.frames, encode_fast, k=k,
                            topics=topics(d23.doc_articles), C_genre=PARAMS["genre_C"], C_frames=PARAMS["frames_C"])
        row("2023-st1", "genre macro-F1", g.score, t0)
        row("2023-st2", "frames micro-F1", f.score, t0)
    if "2020-tc" in tasks:
        t0 = time.time()
        row("2020-tc", "micro-F1", cv_techniques(d20.tc, d20.articles, TECHNIQUES_2020, cache.get, k=k,
                                                C=PARAMS["tc_C"], topics=topics(d20.articles)).score, t0)
    if "2023-spans-tc" in tasks:
        t0 = time.time()
        row("2023 spans, 23-way TC", "micro-F1", cv_techniques(d23.spans, d23.articles, TECHNIQUES, cache.get, k=k,
                                                              C=PARAMS["tc_C"], topics=topics(d23.articles)).score, t0)
    if "2020-si" in tasks:
        t0 = time.time()
        row("2020-si", "char-overlap F1", cv_span_identification(d20.si, d20.articles, k=k, C=PARAMS["si_C"],
                                                                 threshold=PARAMS["si_threshold"], topics=topics(d20.articles),
                                                                 snap=PARAMS["si_snap"]).score, t0)


if __name__ == "__main__":
    main()
