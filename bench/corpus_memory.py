"""Peak memory of the corpus layer over N stored articles (issue 7: peak RSS <= 2 GB for 100k articles).

1. Base articles: examples/ and the 371 PTC train articles, analysed once with the fast per-article
   stages (spaCy, entities, quotes, claims; no rhetoric) and cached in WORK/base.jsonl.
2. For each N, a DuckDB store of N synthetic replicas written directly (Arrow inserts): each replica
   copies a base article with its annotations, replaces about 15 % of the words and numbers outside
   annotation spans by others of the same length (offsets stay valid), gets its own date (two years)
   and outlet; 1 % are exact copies of the previous replica (other title) and 2 % near copies (an added
   paragraph), so duplicate detection has work to do.
3. The corpus layer (`run_corpus` over the store) runs in a fresh subprocess on a pristine copy of
   that store; the child reports its own peak RSS (VmHWM of /proc/self/status) and seconds.
4. ``--prepared`` measures the pass as an analyse run's main process meets it: the store also holds
   the corpus cache rows that run's per-batch ``prepare`` writes (each replica's fingerprint and its
   base article's MiniLM vector, moved a little), and the child loads MiniLM before the pass.

    .venv/bin/python -m bench.corpus_memory [--sizes 1000,10000,100000] [--code DIR --label before]
        [--embedder hashing-tfidf-v1 | --prepared] [--runs 2] [--json OUT]

``--code DIR`` imports presswatch from another source tree in the child (e.g. the previous commit,
exported with `git archive HEAD src | tar -x -C DIR`), for before/after tables.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PTC = ROOT.parent / "shared" / "datasets" / "ptc-semeval2020-task11-train" / "shared-task" / "datasets" / "train-articles"
FAST_STAGES = ("nlp.spacy.v1", "extract.entities.v1", "extract.quotes.v1", "extract.claims.v1")
WORD = re.compile(r"\b(?:[A-Za-z]{3,}|\d+)\b")
#: Share of words and numbers outside annotations a replica changes.
PERTURB = 0.15


# -- base articles ------------------------------------------------------------------------------
def base_articles(work: Path) -> list[Any]:
    """Examples and PTC train articles analysed with the fast stages (cached in WORK/base.jsonl)."""
    from presswatch.model import Article

    cache = work / "base.jsonl"
    if not cache.exists():
        from presswatch import analyze

        inputs = [ROOT / "examples"] + ([PTC] if PTC.is_dir() else [])
        t0 = time.perf_counter()
        res = analyze(inputs, stages=FAST_STAGES, corpus=False)
        print(f"analysed {len(res.articles)} base articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        tmp = cache.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for a in res.articles:
                if a.language == "en" and a.text:
                    fh.write(a.to_json() + "\n")
        tmp.replace(cache)
    return [Article.from_json(line) for line in cache.read_text(encoding="utf-8").splitlines()]


class Replicator:
    """Synthetic articles from base ones: same length, same annotations, other words, dates and outlets."""

    def __init__(self, bases: list[Any], seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.bases = bases
        pool: dict[int, list[str]] = {}
        for a in bases:
            for m in WORD.finditer(a.text):
                if not m.group().isdigit():
                    pool.setdefault(len(m.group()), []).append(m.group().lower())
        self.pool = {n: sorted(set(ws)) for n, ws in pool.items()}
        self.spans = [self._free_words(a) for a in bases]
        self.attrs = [[json.dumps(n.attrs, ensure_ascii=False) for n in a.annotations] for a in bases]

    @staticmethod
    def _free_words(a: Any) -> list[tuple[int, int]]:
        taken = sorted((n.start, n.end) for n in a.annotations if n.start is not None and n.end is not None)
        out, k = [], 0
        for m in WORD.finditer(a.text):
            while k < len(taken) and taken[k][1] <= m.start():
                k += 1
            if k < len(taken) and taken[k][0] < m.end():
                continue  # inside an annotation: keep it
            out.append(m.span())
        return out

    def _swap(self, word: str) -> str:
        if word.isdigit():
            return "".join(self.rng.choice("0123456789") for _ in word)
        new = self.rng.choice(self.pool.get(len(word)) or [word])
        return new.capitalize() if word[:1].isupper() else new

    def perturb(self, text: str, spans: list[tuple[int, int]]) -> str:
        pieces, pos = [], 0
        for s, e in spans:
            if self.rng.random() < PERTURB:
                pieces += [text[pos:s], self._swap(text[s:e])]
                pos = e
        pieces.append(text[pos:])
        return "".join(pieces)

    def replicas(self, n: int) -> Any:
        """``n`` (article row, annotation rows, index of the base article) triples."""
        from presswatch.model import content_id

        prev: tuple[int, str, list[tuple[int, int]]] | None = None
        start = datetime(2021, 1, 1)
        for i in range(n):
            roll = self.rng.random()
            if prev is not None and roll < 0.01:
                k, text, paragraphs = prev  # exact copy under another title
            elif prev is not None and roll < 0.03:
                k, text, paragraphs = prev
                extra = "\n\nThis copy adds a closing paragraph from the syndication desk."
                paragraphs = paragraphs + [(len(text) + 2, len(text) + len(extra))]
                text = text + extra
            else:
                k = self.rng.randrange(len(self.bases))
                text, paragraphs = self.perturb(self.bases[k].text, self.spans[k]), list(self.bases[k].paragraphs)
            base = self.bases[k]
            title = f"{self.perturb(base.title or '', [m.span() for m in WORD.finditer(base.title or '')])} ({i})"
            published = (start + timedelta(days=self.rng.randrange(730), minutes=self.rng.randrange(1440))).isoformat()
            aid = content_id(title, text)
            row = (aid, f"synthetic/{i}.txt", None, f"outlet-{self.rng.randrange(200)}", title, published, "en", text,
                   json.dumps([[s, e] for s, e in paragraphs]), "[]", "[]")
            anns = [(aid, n.layer, n.label, n.start, n.end, n.score, attrs)
                    for n, attrs in zip(base.annotations, self.attrs[k])]
            prev = (k, text, paragraphs)
            yield row, anns, k


def base_vectors(work: Path, bases: list[Any]) -> Any:
    """MiniLM story embeddings of the base articles (what the corpus layer embeds: title and lead), cached."""
    import numpy as np

    cache = work / "base_minilm.npy"
    if not cache.exists():
        from presswatch.corpus.embed import MODEL_NAME, embedding_text, load_embedder

        np.save(cache, load_embedder(MODEL_NAME).encode([embedding_text(a) for a in bases]).astype(np.float32))
    return np.load(cache)


def prepared_rows(rows: list[tuple[Any, ...]], ks: list[int], vectors: Any, rng: Any) -> list[tuple[Any, ...]]:
    """The corpus cache rows a run's ``prepare`` would have written for these replicas: each one's real
    fingerprint, and its base article's MiniLM vector moved a little (cosine about 0.93), unit length."""
    import numpy as np

    from presswatch.corpus.duplicates import fingerprint
    from presswatch.corpus.embed import MODEL_NAME
    from presswatch.corpus.stage import cache_row
    from presswatch.store.read import article_from_row

    moved = vectors[ks] + rng.normal(0.0, 0.02, size=(len(rows), vectors.shape[1])).astype(np.float32)
    moved /= np.linalg.norm(moved, axis=1, keepdims=True)
    return [cache_row(fingerprint(article_from_row(row, [])), MODEL_NAME, vec) for row, vec in zip(rows, moved)]


def build_store(path: Path, n: int, bases: list[Any], vectors: Any = None) -> float:
    """Write ``n`` replicas into a new presswatch database at ``path`` (Arrow inserts, 5,000 at a time).

    With ``vectors`` (base_vectors), also the corpus cache rows of every replica (prepared_rows).
    """
    import numpy as np
    import pyarrow as pa

    from presswatch.store import Store
    from presswatch.store import corpus as corpus_store
    from presswatch.store.duck import ARTICLE_COLUMNS

    t0 = time.perf_counter()
    path.unlink(missing_ok=True)
    rep = Replicator(bases)
    ann_cols = ("article_id", "layer", "label", "start", "end", "score", "attrs")
    rng = np.random.default_rng(5)
    with Store(path) as store:
        rows, anns, ks = [], [], []

        def flush() -> None:
            arts = pa.table({c: [r[i] for r in rows] for i, c in enumerate(ARTICLE_COLUMNS)})
            store.con.register("_arts", arts)
            store.con.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) SELECT * FROM _arts")
            store.con.unregister("_arts")
            types = [pa.string(), pa.string(), pa.string(), pa.int32(), pa.int32(), pa.float64(), pa.string()]
            tbl = pa.table({c: pa.array([r[i] for r in anns], t) for i, (c, t) in enumerate(zip(ann_cols, types))})
            store.con.register("_anns", tbl)
            store.con.execute("INSERT INTO annotations SELECT * FROM _anns")
            store.con.unregister("_anns")
            if vectors is not None:
                corpus_store.save_vectors(store, prepared_rows(rows, ks, vectors, rng))
            rows.clear()
            anns.clear()
            ks.clear()

        for row, ann, k in rep.replicas(n):
            rows.append(row)
            anns.extend(ann)
            ks.append(k)
            if len(rows) >= 5000:
                flush()
        if rows:
            flush()
        store.con.execute("CHECKPOINT")
    return time.perf_counter() - t0


# -- one measured run ----------------------------------------------------------------------------
def child(db: Path, embedder: str, runs: int, warm: bool = False) -> dict[str, Any]:
    """In the measured process: the corpus layer over the store; peak RSS and seconds of each run.

    ``warm``: load the story embedder and encode one text first, as the main process of an analyse
    run has done in its per-batch ``prepare`` by the time the corpus pass starts.
    """
    from presswatch.corpus.stage import run_corpus
    from presswatch.store import Store

    def rss_mb() -> float:
        # VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmHWM in /proc/self/status")

    out: dict[str, Any] = {"import_peak_mb": round(rss_mb(), 1), "runs": []}
    if warm:
        from presswatch.corpus.embed import load_embedder

        load_embedder(embedder).encode(["A warm-up lead, as prepare has encoded before the corpus pass."])
        out["warm_peak_mb"] = round(rss_mb(), 1)
    for _ in range(runs):
        t0 = time.perf_counter()
        with Store(db) as store:
            data = run_corpus(store=store, embedder_name=embedder)
        out["runs"].append({"seconds": round(time.perf_counter() - t0, 1), "peak_mb": round(rss_mb(), 1),
                            "stories": len(data["stories"]), "duplicates": len(data["duplicates"]),
                            "claim_groups": len(data["claim_conflicts"]) + len(data["corroborations"])
                            + len(data["updates"]), "model": data.get("model")})
    return out


def measure(store_path: Path, work: Path, code: Path, embedder: str, runs: int, warm: bool = False) -> dict[str, Any]:
    """Copy the pristine store, run the corpus layer on it in a fresh interpreter, return what it reports."""
    run_db = work / "run.duckdb"
    shutil.copyfile(store_path, run_db)
    env = dict(os.environ, PYTHONPATH=f"{code}{os.pathsep}{ROOT}")
    cmd = [sys.executable, "-m", "bench.corpus_memory", "--child", str(run_db), "--embedder", embedder,
           "--runs", str(runs)] + (["--prepared"] if warm else [])
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    run_db.unlink(missing_ok=True)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"],
                "returncode": proc.returncode}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def render(rows: list[dict[str, Any]]) -> str:
    """The markdown table of measured rows (latest row per label, size and embedder)."""
    latest: dict[tuple[str, int, str], dict[str, Any]] = {}
    for r in rows:
        latest[(r["label"], r["articles"], r["embedder"])] = r
    lines = ["| code | embedder | articles | peak RSS MB | seconds | MB per 1k articles (above 1k) | stories | "
             "duplicate groups | claim groups |", "|---|---|---|---|---|---|---|---|---|"]
    for (label, n, emb), r in sorted(latest.items(), key=lambda kv: (kv[0][2], kv[0][0] != "before", kv[0][1])):
        if "runs" not in r:
            lines.append(f"| {label} | {emb} | {n} | failed: {r.get('error')} | | | | | |")
            continue
        for k, run in enumerate(r["runs"]):
            base = latest.get((label, 1000, emb))
            slope = ""
            if base and "runs" in base and n > 1000 and k == 0:
                slope = f"{(run['peak_mb'] - base['runs'][0]['peak_mb']) / ((n - 1000) / 1000):.1f}"
            what = label if k == 0 else f"{label}, run {k + 1} (all cached)"
            lines.append(f"| {what} | {emb} | {n:,} | {run['peak_mb']:.0f} | {run['seconds']:.0f} | {slope} | "
                         f"{run['stories']} | {run['duplicates']} | {run['claim_groups']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated numbers of stored articles")
    ap.add_argument("--work", type=Path, default=Path("/tmp/presswatch-corpus-memory"))
    ap.add_argument("--code", type=Path, default=ROOT / "src", help="source tree the measured process imports")
    ap.add_argument("--label", default="after")
    ap.add_argument("--embedder", default=None,
                    help="story embedder of the pass (default: hashing-tfidf-v1; with --prepared: MiniLM, the only one it fits)")
    ap.add_argument("--runs", type=int, default=1, help="runs per store (a second run finds everything cached)")
    ap.add_argument("--prepared", action="store_true",
                    help="store the cache rows a run's per-batch prepare writes (fingerprints, MiniLM-named vectors from "
                         "the base articles' embeddings), as at the end of a real run, and load the embedder before the "
                         "corpus pass, as that run's main process has")
    ap.add_argument("--json", type=Path, default=None, help="append result rows (JSON lines) here")
    ap.add_argument("--render", action="store_true", help="print the markdown table of the rows in --json")
    ap.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    from presswatch.corpus.embed import MODEL_NAME

    if args.prepared and args.embedder not in (None, MODEL_NAME):
        ap.error(f"--prepared stores {MODEL_NAME} vectors: a pass with {args.embedder} would ignore them")
    args.embedder = args.embedder or (MODEL_NAME if args.prepared else "hashing-tfidf-v1")
    if args.render:
        rows = [json.loads(line) for line in args.json.read_text(encoding="utf-8").splitlines() if line.strip()]
        print(render(rows))
        return 0
    if args.child is not None:
        print(json.dumps(child(args.child, args.embedder, args.runs, warm=args.prepared)))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    bases = base_articles(args.work)
    for n in [int(x) for x in args.sizes.split(",") if x.strip()]:
        store_path = args.work / (f"store_{n}_prepared.duckdb" if args.prepared else f"store_{n}.duckdb")
        if not store_path.exists():
            secs = build_store(store_path, n, bases, base_vectors(args.work, bases) if args.prepared else None)
            print(f"built {n} replicas in {secs:.0f} s ({store_path.stat().st_size / 2**20:.0f} MB)", file=sys.stderr)
        res = measure(store_path, args.work, args.code.resolve(), args.embedder, args.runs, warm=args.prepared)
        label = f"{args.label}, prepared" if args.prepared else args.label
        row = {"label": label, "articles": n, "embedder": args.embedder, "bases": len(bases),
               "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), **res}
        print(json.dumps(row))
        if args.json is not None:
            with args.json.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
