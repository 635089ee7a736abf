"""Precision and recall of the corpus layer on examples/ against bench/gold/corpus.json.

Runs `presswatch.analyze` on examples/ (the per-article stages the corpus layer reads, then the
corpus layer), maps article ids back to the gold's source paths, and scores duplicates, stories,
claim conflicts, corroborations and the traps (updates and non-conflicts). Writes
bench/corpus_results.md and bench/corpus_results.json.

    .venv/bin/python -m bench.corpus_bench [--embedder all-MiniLM-L6-v2]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "corpus.json"
RESULTS_MD = ROOT / "bench" / "corpus_results.md"
RESULTS_JSON = ROOT / "bench" / "corpus_results.json"
#: What the corpus layer reads: parse, entities, quotes (speakers), claims, and genre (satire is no claim).
WANTED = ("nlp.spacy.v1", "extract.entities.v1", "extract.quotes.v1", "extract.claims.v1", "rhetoric.v1")


def stages() -> tuple[str, ...]:
    """The wanted stages whose modules are installed (rhetoric may not be)."""
    import importlib.util

    from presswatch.registry import STAGES

    out = []
    for name in WANTED:
        module = STAGES[name].target.partition(":")[0]
        try:
            if importlib.util.find_spec(module) is not None:
                out.append(name)
        except ModuleNotFoundError:
            pass
    return tuple(out)

Pair = frozenset


def _rel(path: str) -> str:
    p, sep, n = path.partition("#")
    try:
        p = str(Path(p).resolve().relative_to(ROOT))
    except ValueError:
        pass
    return f"{p}{sep}{n}"


def source_ids(corpus: Path) -> dict[str, str]:
    """Gold path -> article id for every record, including copies the pipeline stores once (same id)."""
    from presswatch.pipeline import RunSummary, clean_records, iter_records
    from presswatch.options import Options
    from presswatch.model import Article

    out = {}
    for item in clean_records(iter_records([corpus], None, Options.build()), RunSummary()):
        if isinstance(item, Article):
            out[_rel(item.source_path)] = item.id
    return out


def run_pipeline(corpus: Path, embedder: str | None) -> tuple[dict[str, Any], dict[str, str]]:
    """corpus.json of a fresh run on ``corpus`` and the gold path -> article id map."""
    from presswatch import analyze

    with tempfile.TemporaryDirectory() as tmp:
        res = analyze([corpus], out=Path(tmp) / "out", stages=stages(), corpus_embedder=embedder)
    return res.corpus, source_ids(corpus)


def synthetic(base: list[Any], n: int, seed: int = 7) -> list[Any]:
    """``n`` articles made from analysed ones: each copies one (annotations and all), moves its date by up to
    60 days and appends a long tail of random words, so most are distinct and a few stay near-duplicates."""
    import random
    from dataclasses import replace as dc_replace
    from datetime import datetime, timedelta

    from presswatch.model import content_id

    rng = random.Random(seed)
    vocab = [f"{w}{i}" for i, w in enumerate(("alpha beta gamma delta epsilon zeta eta theta iota kappa " * 200).split())]
    out = []
    for i in range(n):
        src = rng.choice(base)
        tail = "" if i % 10 == 0 else "\n\n" + " ".join(rng.choice(vocab) for _ in range(1500))
        day = datetime(2022, 9, 1) + timedelta(days=rng.randrange(60), hours=rng.randrange(24))
        text = src.text + tail
        title = f"{src.title or ''} #{i}"
        out.append(dc_replace(src, id=content_id(title, text), text=text, title=title, published=day.isoformat(),
                              paragraphs=list(src.paragraphs), annotations=list(src.annotations)))
    return out


def time_scale(sizes: list[int]) -> list[dict[str, Any]]:
    """Seconds the corpus layer (hashing embedder, so the sentence model's cost is left out) takes on synthetic
    corpora of growing size: near-linear growth means no all-pairs step."""
    from presswatch import analyze
    from presswatch.corpus.embed import HashingEmbedder
    from presswatch.corpus.stage import build_corpus

    base = [a for a in analyze([ROOT / "examples"], stages=stages(), corpus=False).articles if a.language == "en"]
    rows = []
    for n in sizes:
        arts = synthetic(base, n)
        t0 = time.perf_counter()
        res = build_corpus(arts, embedder=HashingEmbedder)
        secs = time.perf_counter() - t0
        rows.append({"articles": n, "seconds": round(secs, 2), "per_article_ms": round(1000 * secs / n, 2),
                     "stories": len(res.stories), "duplicate_groups": len(res.duplicates),
                     "claim_groups": len(res.claim_groups)})
    from presswatch.corpus.embed import embedding_text, load_embedder

    model = load_embedder()
    texts = [embedding_text(a) for a in synthetic(base, 64)]
    t0 = time.perf_counter()
    model.encode(texts)
    rows.append({"embedder": model.name, "texts_per_second": round(64 / (time.perf_counter() - t0), 1)})
    return rows


def pairs(groups: Iterable[Iterable[str]]) -> set[Pair]:
    return {Pair(p) for g in groups for p in combinations(sorted(set(g)), 2)}


def pr(pred: set, gold: set) -> dict[str, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "pred": len(pred), "gold": len(gold)}


def expand(ids: Iterable[str], paths_of: dict[str, list[str]]) -> list[str]:
    return [p for i in ids for p in paths_of.get(i, [])]


def score(data: dict[str, Any], gold: dict[str, Any], id_of: dict[str, str]) -> dict[str, Any]:
    """All scores of one corpus.json against the gold."""
    paths_of: dict[str, list[str]] = {}
    for path, aid in id_of.items():
        paths_of.setdefault(aid, []).append(path)
    same_id = [ps for ps in paths_of.values() if len(ps) > 1]  # read twice, stored once: identical copies

    dup_pred = pairs([expand([m["article"] for m in g["members"]], paths_of) for g in data["duplicates"]] + same_id)
    exact_pred = pairs([expand([m["article"] for m in g["members"]], paths_of) for g in data["duplicates"]
                        if g["kind"] == "exact"] + same_id)
    scores: dict[str, Any] = {
        "duplicates": pr(dup_pred, pairs(gold["duplicates"])),
        "exact_duplicates": pr(exact_pred, pairs(gold.get("exact_duplicates", []))),
    }

    english = {p for p, meta in gold["articles"].items() if p in id_of}
    story_pred = pairs([expand([a["article"] for a in s["articles"]], paths_of) for s in data["stories"]])
    story_pred = {pp for pp in story_pred if pp <= english}
    story_gold = pairs(s["articles"] for s in gold["stories"].values())
    scores["stories"] = pr(story_pred, story_gold)
    scores["stories"]["n_pred"] = len(data["stories"])
    scores["stories"]["n_gold"] = len(gold["stories"]) + sum(1 for m in gold["articles"].values() if m["story"] is None)

    def claim_keys(claims: Iterable[dict[str, Any]], predicted: bool) -> set[tuple[str, float]]:
        out = set()
        for c in claims:
            if predicted:  # a claim in a syndicated copy is the same claim in every copy
                for aid in [c["article"], *c.get("copies", [])]:
                    for p in paths_of.get(aid, []):
                        out.add((p, float(c["value"])))
            else:
                out.add((c["article"], float(c["value"])))
        return out

    def match_groups(pred_groups: list[dict[str, Any]], gold_groups: list[dict[str, Any]], need_values: int):
        """A predicted group matches a gold group when it holds gold claims from 2+ articles (and
        ``need_values`` distinct values): precision over predicted groups, recall over gold groups."""
        matched_pred, matched_gold, claim_hits, claim_total = 0, set(), 0, 0
        for pg in pred_groups:
            pk = claim_keys(pg["claims"], True)
            ok = False
            for gi, gg in enumerate(gold_groups):
                shared = pk & claim_keys(gg["claims"], False)
                if len({a for a, _ in shared}) >= 2 and len({v for _, v in shared}) >= need_values:
                    ok = True
                    matched_gold.add(gi)
            matched_pred += ok
        for gg in gold_groups:
            gk = claim_keys(gg["claims"], False)
            best = max((len(gk & claim_keys(pg["claims"], True)) for pg in pred_groups), default=0)
            claim_hits += best
            claim_total += len(gk)
        n_pred, n_gold = len(pred_groups), len(gold_groups)
        return {
            "precision": round(matched_pred / n_pred, 3) if n_pred else 1.0,
            "recall": round(len(matched_gold) / n_gold, 3) if n_gold else 1.0,
            "claim_recall": round(claim_hits / claim_total, 3) if claim_total else 1.0,
            "pred": n_pred,
            "gold": n_gold,
        }

    scores["conflicts"] = match_groups(data.get("claim_conflicts", []), gold["conflicts"], 2)
    scores["corroborations"] = match_groups(data.get("corroborations", []), gold["corroborations"], 1)
    traps = [g for g in gold["non_conflicts"] if g["why"] != "update"]
    fell = 0
    for g in traps:
        gk = claim_keys(g["claims"], False)
        for pg in data.get("claim_conflicts", []):
            shared = gk & claim_keys(pg["claims"], True)
            if len({v for _, v in shared}) >= 2:
                fell += 1
                break
    updates = [g for g in gold["non_conflicts"] if g["why"] == "update"]
    scores["traps"] = {"non_conflicts": len(traps), "reported_as_conflict": fell}
    scores["updates"] = match_groups(data.get("updates", []), updates, 2)
    scores["timeline_entries"] = len(data.get("timeline", []))
    return scores


def render(scores: dict[str, Any], meta: dict[str, Any], scale: list[dict[str, Any]] | None = None) -> str:
    lines = [
        "# Corpus layer: quality on examples/",
        "",
        f"Measured {meta['when']} with `python -m bench.corpus_bench` (embedder: {meta['model']}; "
        f"{meta['articles']} records, {meta['seconds']:.1f} s for the whole run).",
        "Gold: bench/gold/corpus.json. Pairs are unordered article pairs; claim groups match when they hold",
        "gold claims (article, value) from two or more articles (and, for conflicts, two or more values).",
        "",
        "| what | precision | recall | F1 | predicted | gold |",
        "|---|---|---|---|---|---|",
    ]
    for key in ("duplicates", "exact_duplicates", "stories"):
        s = scores[key]
        lines.append(f"| {key} (pairs) | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['pred']} | {s['gold']} |")
    for key in ("conflicts", "corroborations", "updates"):
        s = scores[key]
        lines.append(f"| {key} (groups) | {s['precision']:.3f} | {s['recall']:.3f} | – | {s['pred']} | {s['gold']} |")
    lines += [
        "",
        f"- stories found: {scores['stories']['n_pred']} (gold: {scores['stories']['n_gold']}, counting the lone German article)",
        f"- claim recall inside the best-matching group: conflicts {scores['conflicts']['claim_recall']:.3f}, "
        f"corroborations {scores['corroborations']['claim_recall']:.3f}",
        f"- traps (same number for different things, different dates) reported as a conflict: "
        f"{scores['traps']['reported_as_conflict']} of {scores['traps']['non_conflicts']}",
        f"- timeline entries: {scores['timeline_entries']}",
        "",
    ]
    lines += [
        "Caveats: the thresholds (story join score, modifier ranges, claim time rules) were tuned while",
        "looking at these same examples, so these are training-set scores. The seeds in ../shared/seeds",
        "(no gold) were used as an unseen check: seed 002 gives exactly the two conflicts the issue names",
        "(up to 1 million vs 300,000 mobilised; 55,000 vs 25,000 Russian soldiers dead) and nothing else;",
        "tests/corpus/test_quality.py pins both. Known misses: the Dagestan protest article (03) founds its own",
        "story (its embedding is closer to nothing than the join threshold); the corroborations beyond the",
        "gold are true agreements the gold does not list (Shoigu's 5,937 in two outlets; 'up to 1 million').",
        "The two identical Harbour Gazette copies (HTML and WARC) get one content id and are stored once by",
        "the pipeline, so they count as an exact duplicate pair by identity.",
        "",
    ]
    if scale:
        lines += [
            "## Scale",
            "",
            "The corpus layer alone (`build_corpus`, hashing embedder so the sentence model's own cost is left",
            "out) on synthetic corpora built from the analysed examples (`--scale`). Near-constant time per",
            "article means no step compares all pairs.",
            "",
            "| articles | seconds | ms / article | stories | duplicate groups | claim groups |",
            "|---|---|---|---|---|---|",
        ]
        lines += [f"| {r['articles']} | {r['seconds']} | {r['per_article_ms']} | {r['stories']} | "
                  f"{r['duplicate_groups']} | {r['claim_groups']} |" for r in scale if "articles" in r]
        lines += ["", *(f"Sentence model {r['embedder']}: {r['texts_per_second']} texts/s on this CPU (embedded once "
                        "per article, cached in DuckDB)." for r in scale if "embedder" in r)]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples")
    ap.add_argument("--embedder", default=None, help="corpus embedder name (default: all-MiniLM-L6-v2)")
    ap.add_argument("--scale", default="", help="comma-separated corpus sizes to time, e.g. 500,1000,2000")
    args = ap.parse_args(argv)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    data, id_of = run_pipeline(args.corpus, args.embedder)
    seconds = time.perf_counter() - t0
    scores = score(data, gold, id_of)
    meta = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "model": data.get("model"),
            "articles": len(id_of), "seconds": seconds}
    scale = time_scale([int(x) for x in args.scale.split(",") if x.strip()]) if args.scale else None
    RESULTS_MD.write_text(render(scores, meta, scale), encoding="utf-8")
    RESULTS_JSON.write_text(json.dumps({"meta": meta, "scores": scores, "scale": scale}, indent=2), encoding="utf-8")
    print(render(scores, meta, scale))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
