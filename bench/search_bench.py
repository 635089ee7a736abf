"""Full-text search (store/search.py, SQLite FTS5) against the substring search it replaced (issue 23).

1. The five seeds are analysed by ``presswatch.analyze`` (default stages, corpus on) into a fresh
   database; then the index beside it is deleted and built again from the database: its build time
   is reported as a ratio of that analyse run (same process, same machine).
2. examples/ (ingested and cleaned, not analysed) and the 371 PTC train articles (as text) are
   added to the same database: search reads only titles and texts. Both engines answer QUERIES
   over all articles, and the index of all of them is built once more, timed.
3. Each query carries an intent (patterns), written with the query before any run and not tuned:
   an article is relevant when its title or text matches it. Reported per engine: precision
   and recall of everything returned, precision of the first 5, and the median query time.

The substring engine is the one main shipped before this change (``Browse.search`` at 5374a88),
kept here only as the baseline: every term lower-cased and required as a substring, scored by
term counts weighted by rarity, title hits double.

    .venv/bin/python -m bench.search_bench [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
PTC = SHARED / "datasets" / "ptc-semeval2020-task11-train" / "shared-task" / "datasets" / "train-articles"

#: (query, intent): an article is relevant when every pattern of the intent matches its title or
#: text (case-insensitive), except those starting with "!", which must not match.
QUERIES: list[tuple[str, tuple[str, ...]]] = [
    ("flees", (r"\bflee(s|ing)?\b|\bfled\b",)),
    ('"partial mobilisation"', (r"partial\s+mobili[sz]ation",)),
    ("protesters arrested", (r"\bprotest\w*", r"\b(arrest\w*|detain\w*|detention)")),
    ("vaccines", (r"\bvaccin\w*",)),
    ("immigrants", (r"\bimmigra\w*",)),
    ("war", (r"\bwars?\b",)),
    ("church", (r"\bchurch(es)?\b",)),
    ("police", (r"\bpolic(e|es|ing|eman|emen)\b",)),
    ("election fraud", (r"\belect\w*", r"\bfraud\w*")),
    ("Trump NOT Clinton", (r"\btrump\b", r"!\bclinton\b")),
    ("Iran OR Syria", (r"\biran\w*|\bsyria\w*",)),
    ("conscription", (r"\bconscript\w*",)),
    ("migrants Europe", (r"\bmigra\w*", r"\beurop\w*")),
    ("Lukashenko", (r"\blukashenk\w*",)),
    ("terrorist attack", (r"\bterror\w*", r"\battack\w*")),
]
LIMIT = 10_000


# -- the baseline: main's substring search before FTS5 ------------------------------------------------
_TERM_RE = re.compile(r'"([^"]+)"|(\S+)')
_HAYSTACK = "lower(coalesce(a.title, '') || ' ' || a.text)"


def substring_terms(q: str) -> list[str]:
    terms: list[str] = []
    for phrase, word in _TERM_RE.findall(q[:200]):
        t = " ".join((phrase or word).split()).strip(".,;:!?()[]{}'\u201c\u201d\u2018\u2019").lower()
        if t and t not in terms:
            terms.append(t)
    return terms[:8]


def substring_search(con, q: str, limit: int) -> list[str]:
    terms = substring_terms(q)
    cond = " AND ".join(f"contains({_HAYSTACK}, ?)" for _ in terms) or "TRUE"
    n_docs = max(1, con.execute("SELECT count(*) FROM articles").fetchone()[0])
    parts, params = [], []
    for t in terms:
        df = con.execute(f"SELECT count(*) FROM articles a WHERE contains({_HAYSTACK}, ?)", [t]).fetchone()[0]
        idf = math.log(1 + n_docs / max(1, df))
        parts.append(
            f"{idf:.6f} * (ln(1 + (length(lower(a.text)) - length(replace(lower(a.text), ?, ''))) / {len(t)}) "
            f"+ 2 * ln(1 + (length(lower(coalesce(a.title, ''))) - length(replace(lower(coalesce(a.title, '')), ?, ''))) / {len(t)}))"
        )
        params += [t, t]
    score = " + ".join(parts) or "0"
    rows = con.execute(f"SELECT a.id, {score} AS s FROM articles a WHERE {cond} ORDER BY s DESC, a.id LIMIT {limit}",
                       params + terms).fetchall()
    return [r[0] for r in rows]


# -- the run -----------------------------------------------------------------------------------------
def build(work: Path) -> tuple[Path, float, float, int]:
    """Analyse the seeds, add examples and PTC texts; (db, analyse s, index build s of the seeds, articles)."""
    from presswatch import analyze
    from presswatch.model import Failure
    from presswatch.store import Store
    from presswatch.store.search import index_path, sync

    db = work / "presswatch.duckdb"
    t0 = time.perf_counter()
    analyze([SEEDS], db=db)
    analyse_s = time.perf_counter() - t0
    index_path(db).unlink()
    with Store(db) as store:
        t0 = time.perf_counter()
        sync(db, store.con)
        index_s = time.perf_counter() - t0
        from presswatch.clean import clean_record
        from presswatch.ingest import read_paths
        from presswatch.model import Article

        extra = [clean_record(r) for r in read_paths([ROOT / "examples"], max_bytes=50_000_000)
                 if not isinstance(r, Failure)]
        for p in sorted(PTC.glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            title, _, body = text.partition("\n")
            extra.append(Article.create(str(p), body.strip() or text, title=title.strip() or None))
        unique = {a.id: a for a in extra if not store.has_article(a.id)}  # examples hold duplicates on purpose
        store.write_articles(list(unique.values()))
        n = store.count()
    return db, analyse_s, index_s, n


def judge(con, intent: tuple[str, ...]) -> set[str]:
    must = [re.compile(p, re.I) for p in intent if not p.startswith("!")]
    must_not = [re.compile(p[1:], re.I) for p in intent if p.startswith("!")]
    out = set()
    for i, t, x in con.execute("SELECT id, title, text FROM articles").fetchall():
        doc = (t or "") + "\n" + (x or "")
        if all(r.search(doc) for r in must) and not any(r.search(doc) for r in must_not):
            out.add(i)
    return out


def timed(fn, repeat: int = 5) -> tuple[list[str], float]:
    times, out = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return out, statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from presswatch.store import Store
    from presswatch.store.search import SearchIndex, index_path, sync

    with tempfile.TemporaryDirectory() as tmp:
        db, analyse_s, index_s, n = build(Path(tmp))
        with Store(db, read_only=True) as store:
            con = store.con
            t0 = time.perf_counter()
            index_path(db).unlink()
            sync(db, con)
            full_index_s = time.perf_counter() - t0
            rows = []
            with SearchIndex(index_path(db)) as index:
                for q, pattern in QUERIES:
                    relevant = judge(con, pattern)
                    fts, fts_s = timed(lambda: [h.id for h in index.search(q, limit=LIMIT).hits])
                    sub, sub_s = timed(lambda: substring_search(con, q, LIMIT))
                    row = {"query": q, "relevant": len(relevant)}
                    for name, got, sec in (("fts5", fts, fts_s), ("substring", sub, sub_s)):
                        good = [i for i in got if i in relevant]
                        row[name] = {
                            "returned": len(got),
                            "precision": round(len(good) / len(got), 3) if got else None,
                            "recall": round(len(good) / len(relevant), 3) if relevant else None,
                            "p_at_5": round(sum(i in relevant for i in got[:5]) / min(5, len(got)), 3) if got else None,
                            "ms": round(sec * 1000, 2),
                        }
                    rows.append(row)
    summary = {"articles": n, "analyse_s": round(analyse_s, 2), "index_s": round(index_s, 3),
               "index_over_analyse": round(index_s / analyse_s, 4), "index_all_s": round(full_index_s, 3),
               "queries": rows}
    for name in ("fts5", "substring"):
        for key in ("precision", "recall", "p_at_5"):
            vals = [r[name][key] for r in rows if r[name][key] is not None]
            summary[f"{name}_mean_{key}"] = round(sum(vals) / len(QUERIES), 3) if vals else 0.0
        summary[f"{name}_median_ms"] = round(statistics.median(r[name]["ms"] for r in rows), 2)
    print(f"{n} articles; analyse (seeds) {analyse_s:.1f} s; index of those {index_s:.3f} s "
          f"({index_s / analyse_s:.2%} of the run); index of all {full_index_s:.2f} s")
    print(f"{'query':26} {'rel':>4} | {'fts5 ret':>8} {'P':>5} {'R':>5} {'P@5':>5} {'ms':>6} | "
          f"{'sub ret':>7} {'P':>5} {'R':>5} {'P@5':>5} {'ms':>6}")
    fmt = lambda v: "  -  " if v is None else f"{v:5.2f}"  # noqa: E731
    for r in rows:
        f, s = r["fts5"], r["substring"]
        print(f"{r['query'][:26]:26} {r['relevant']:4} | {f['returned']:8} {fmt(f['precision'])} {fmt(f['recall'])} "
              f"{fmt(f['p_at_5'])} {f['ms']:6.2f} | {s['returned']:7} {fmt(s['precision'])} {fmt(s['recall'])} "
              f"{fmt(s['p_at_5'])} {s['ms']:6.2f}")
    for name in ("fts5", "substring"):
        print(f"{name:9}: mean P {summary[f'{name}_mean_precision']:.3f}  mean R {summary[f'{name}_mean_recall']:.3f}  "
              f"mean P@5 {summary[f'{name}_mean_p_at_5']:.3f}  median {summary[f'{name}_median_ms']:.2f} ms")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
