"""Scores of the narrative model (SemEval-2025 Task 10 subtask 2) under a plain and shift-aware protocols.

    python -m bench.narratives_cv [--protocols doc,source,other] [--speed 60]

`doc`: 5 folds by document over the five train languages (samples-F1 per language) for the shipped
recipe, its ablations (one language's documents only, no taxonomy pseudo documents, no encoder
block) and the two plain baselines (majority label set of the test language; one-vs-rest TF-IDF
logistic regression on that language's train documents, threshold 0.5, Other when nothing passes).
`source`: English held out one id batch at a time (EN_UA_0*, EN_UA_1*, EN_CC_1*, EN_CC_2*: other
sources and periods), trained on the rest (the other English batches and all four other languages).
`other`: the share of Other-only English documents moved away from train's 48 %: (a) the `doc`
out-of-fold per-document scores reweighted to a test mix of 20 % and 70 % Other; (b) trained with two
thirds of the English Other documents left out (train share 24 %), scored on all.
`threshold` (not nested): English at a 28 % Other mix for coarse thresholds below the tuned one.
`rhetoric`: as `policy`, with the rhetoric layer's article-level predictions (pooled paragraph
technique probabilities, frame probabilities; English documents only) as an extra kernel block.
`policy`: the threshold policies of POLICY_VARIANTS (train mix vs. robust over 20-60 % Other, with
and without the rank fallback), nested, under the doc folds and the source batches.

Every split is nested: the vectorizers are fitted on the split's train documents, and calibration and
thresholds come from inner 5-fold out-of-fold predictions on those train documents only. Within one
outer split the variants share its vectorizers (a language-only model sees the IDF of all train
documents of the split). `--speed N` times the stage on N PTC articles against spaCy sm alone.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from collections import defaultdict
from typing import Sequence

import numpy as np

from presswatch.narratives.classify import (TrainDoc, calibrations, decide, kernel_scores, oof_scores, targets,
                                            to_proba)
from presswatch.narratives.data import LANGUAGES, OTHER
from presswatch.narratives.features import DENSE_WEIGHT, DocFeatures, encode_docs
from presswatch.narratives.semeval import doc_f1
from presswatch.narratives.train import (FALLBACKS, PARAMS, all_docs, choose, domain_threshold, folds_of, labels,
                                         share_weights, threshold_grid, tune_thresholds)

COARSE, FINE = labels()


def per_doc(docs: Sequence[TrainDoc], idx: Sequence[int], found) -> dict[int, tuple[float, float]]:
    """doc index -> (coarse F1, fine F1) of the decided predictions."""
    out = {}
    for i, fs in zip(idx, found):
        out[i] = (doc_f1(set(docs[i].coarse), {f.label for f in fs}),
                  doc_f1(set(docs[i].fine), {s for f in fs for s in f.subnarratives}))
    return out


def inner_pass(docs, K, T, w, train: np.ndarray, lam: float, seed: int):
    """Inner 5-fold out-of-fold on ``train`` only: the calibrations, the calibrated out-of-fold
    probabilities and the documents they score (to tune thresholds on)."""
    inner = np.full(len(docs), -2)
    inner[train] = folds_of([docs[i] for i in train], 5, seed)
    allowed = inner != -2
    S = oof_scores(K, T, w, np.where(allowed, inner, -3), lam, allowed=allowed)
    scored = np.array([i for i in train if inner[i] >= 0 and docs[i].language in LANGUAGES])
    cal = calibrations(S, T, scored)
    return cal, to_proba(S, cal), scored


def run_variant(docs, K, T, w, train: np.ndarray, test: np.ndarray, lam: float, seed: int):
    """Nested: inner OOF on ``train`` calibrates and tunes; then ``test`` is predicted."""
    cal, P_in, scored = inner_pass(docs, K, T, w, train, lam, seed)
    t = tune_thresholds(docs, P_in, scored, PARAMS["policy"])
    S_te = kernel_scores(K, T, w, train, test, lam)
    found = decide(to_proba(S_te, cal), COARSE, FINE, t)
    return per_doc(docs, test, found), t


def doc_splits(docs, seed: int):
    """The 5 outer folds by document: (fold, train indices, test indices of the five languages)."""
    folds = folds_of(docs, 5, seed)
    for k in range(5):
        test = np.where(folds == k)[0]
        yield k, np.where(folds != k)[0], test[[docs[i].language in LANGUAGES for i in test]]


def kernel(docs, train: np.ndarray, vecs: np.ndarray):
    feats = DocFeatures(dense=False).fit([docs[i].text for i in train])
    X = feats.transform([d.text for d in docs])
    Ksparse = (X @ X.T).toarray()
    Kdense = (DENSE_WEIGHT ** 2) * (vecs @ vecs.T)
    return Ksparse, Kdense, feats


def baseline_tfidf(docs, train: Sequence[int], test: Sequence[int], fine: bool) -> dict[int, set[str]]:
    """One-vs-rest logistic regression on word TF-IDF, threshold 0.5, Other when nothing passes."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(sublinear_tf=True, min_df=2)
    Xtr = vec.fit_transform([docs[i].text for i in train])
    Xte = vec.transform([docs[i].text for i in test])
    labels = sorted({l for i in train for l in (docs[i].fine if fine else docs[i].coarse)} - {OTHER})
    pred: dict[int, set[str]] = {i: set() for i in test}
    for l in labels:
        y = [int(l in (docs[i].fine if fine else docs[i].coarse)) for i in train]
        if sum(y) < 2:
            continue
        p = LogisticRegression(solver="liblinear").fit(Xtr, y).predict_proba(Xte)[:, 1]
        for i, pi in zip(test, p):
            if pi >= 0.5:
                pred[i].add(l)
    return {i: (s or {OTHER}) for i, s in pred.items()}


def baselines(docs, train, test) -> dict[str, dict[int, tuple[float, float]]]:
    out: dict[str, dict[int, tuple[float, float]]] = {"majority": {}, "tfidf-lr": {}}
    for code in LANGUAGES:
        tr = [i for i in train if docs[i].language == code]
        te = [i for i in test if docs[i].language == code]
        if not tr or not te:
            continue
        top_c = max({docs[i].coarse for i in tr}, key=lambda s: sum(docs[i].coarse == s for i in tr))
        top_f = max({docs[i].fine for i in tr}, key=lambda s: sum(docs[i].fine == s for i in tr))
        for i in te:
            out["majority"][i] = (doc_f1(set(docs[i].coarse), set(top_c)), doc_f1(set(docs[i].fine), set(top_f)))
        pc, pf = baseline_tfidf(docs, tr, te, False), baseline_tfidf(docs, tr, te, True)
        for i in te:
            out["tfidf-lr"][i] = (doc_f1(set(docs[i].coarse), pc[i]), doc_f1(set(docs[i].fine), pf[i]))
    return out


def table(results: dict[str, dict[int, tuple[float, float]]], docs, weights=None) -> list[str]:
    rows = []
    for name, got in results.items():
        cells = []
        for code in LANGUAGES:
            idx = [i for i in got if docs[i].language == code]
            if not idx:
                cells.append("–")
                continue
            w = np.array([1.0 if weights is None else weights[i] for i in idx])
            c = float(np.average([got[i][0] for i in idx], weights=w))
            f = float(np.average([got[i][1] for i in idx], weights=w))
            cells.append(f"{c:.3f} / {f:.3f}")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


def header(first: str) -> list[str]:
    return [f"| {first} | " + " | ".join(LANGUAGES) + " |", "|---|" + "---|" * len(LANGUAGES)]


def protocol_doc(docs, vecs, w, T, lam, seed):
    res: dict[str, dict] = defaultdict(dict)
    rng = np.random.default_rng(seed)
    drop = {i for i, d in enumerate(docs) if d.language == "EN" and d.coarse == (OTHER,) and rng.random() < 2 / 3}
    for k, train, test in doc_splits(docs, seed):
        t0 = time.time()
        Ks, Kd, _ = kernel(docs, train, vecs)
        K = Ks + Kd
        lang = lambda code: np.array([i for i in train if docs[i].language in (code, "taxonomy", "neither-en", "neither-ru")])
        variants = {"shipped: all languages, pseudo docs, encoder": (K, train),
                    "no taxonomy pseudo docs": (K, np.array([i for i in train if docs[i].language != "taxonomy"])),
                    "no encoder block (TF-IDF only)": (Ks, train),
                    "EN Other docs 2/3 left out of train": (K, np.array([i for i in train if i not in drop]))}
        for name, (KK, tr) in variants.items():
            got, _ = run_variant(docs, KK, T, w, tr, test, lam, seed)
            res[name].update(got)
        for code in LANGUAGES:
            got, _ = run_variant(docs, K, T, w, lang(code), test[[docs[i].language == code for i in test]], lam, seed)
            res["own language only (+ pseudo docs, neither docs)"].update(got)
        for name, got in baselines(docs, train, test).items():
            res[f"baseline {name}"].update(got)
        print(f"  fold {k} ({time.time() - t0:.0f}s)", flush=True)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--protocols", default="doc,source")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--speed", type=int, default=0, help="time the stage on N PTC articles (0: skip)")
    args = ap.parse_args()
    protocols = args.protocols.split(",")
    t0 = time.time()
    docs = all_docs(params=PARAMS)
    vecs = encode_docs([d.text for d in docs]).astype(np.float64)
    T = targets(docs, COARSE, FINE)
    w = np.array([d.weight for d in docs], dtype=float)
    lam = PARAMS["lam"]
    if "doc" in protocols:
        print("## doc: 5 folds by document (coarse / fine samples-F1)")
        res = protocol_doc(docs, vecs, w, T, lam, args.seed)
        print("\n".join(header("model") + table(res, docs)))
        shipped = res["shipped: all languages, pseudo docs, encoder"]
        en = [i for i in shipped if docs[i].language == "EN"]
        is_other = {i: docs[i].coarse == (OTHER,) for i in en}
        share = np.mean(list(is_other.values()))
        print(f"\n## other (a): EN test reweighted to another Other-only share (train share {share:.2f})")
        for target in (0.2, share, 0.7):
            wt = {i: (target / share if is_other[i] else (1 - target) / (1 - share)) for i in en}
            for name in ("shipped: all languages, pseudo docs, encoder", "baseline majority", "baseline tfidf-lr"):
                got = res[name]
                c = np.average([got[i][0] for i in en], weights=[wt[i] for i in en])
                f = np.average([got[i][1] for i in en], weights=[wt[i] for i in en])
                print(f"| {target:.2f} | {name} | {c:.3f} / {f:.3f} |")
    if "source" in protocols:
        print("\n## source: EN id batches held out one at a time (coarse / fine samples-F1 on the held-out batch)")
        batches = ("EN_UA_0", "EN_UA_1", "EN_CC_1", "EN_CC_2")
        en_ids = [i for i, d in enumerate(docs) if d.language == "EN"]
        batch_of = {i: docs[i].doc_id[:7] for i in en_ids}
        allres: dict[str, dict] = defaultdict(dict)
        for b in batches:
            t1 = time.time()
            test = np.array([i for i in en_ids if batch_of[i] == b])
            train = np.array([i for i in range(len(docs)) if i not in set(test.tolist())])
            Ks, Kd, _ = kernel(docs, train, vecs)
            got, t = run_variant(docs, Ks + Kd, T, w, train, test, lam, args.seed)
            allres["shipped"].update(got)
            en_tr = np.array([i for i in train if docs[i].language in ("EN", "taxonomy", "neither-en")])
            got_en, _ = run_variant(docs, Ks + Kd, T, w, en_tr, test, lam, args.seed)
            allres["English only"].update(got_en)
            for name, g in baselines(docs, train, test).items():
                allres[f"baseline {name}"].update(g)
            for name in ("shipped", "English only", "baseline majority", "baseline tfidf-lr"):
                g = allres[name]
                c = np.mean([g[i][0] for i in test])
                f = np.mean([g[i][1] for i in test])
                print(f"| {b} ({len(test)} docs, {np.mean([docs[i].coarse == (OTHER,) for i in test]):.0%} Other) "
                      f"| {name} | {c:.3f} / {f:.3f} |", flush=True)
            print(f"  thresholds {t} ({time.time() - t1:.0f}s)")
        for name, g in allres.items():
            print(f"| all batches | {name} | {np.mean([v[0] for v in g.values()]):.3f} / "
                  f"{np.mean([v[1] for v in g.values()]):.3f} |")
    if "threshold" in protocols:
        protocol_threshold(docs, vecs, w, T, lam, args.seed)
    if "policy" in protocols:
        protocol_policy(docs, vecs, w, T, lam, args.seed)
    if "rhetoric" in protocols:
        R = rhetoric_block(docs)
        protocol_policy(docs, vecs, w, T, lam, args.seed, (RHETORIC_WEIGHT ** 2) * (R @ R.T), "rhetoric")
    if args.speed:
        speed(args.speed)
    print(f"\n({time.time() - t0:.0f}s)")


def protocol_threshold(docs, vecs, w, T, lam, seed, share: float = 0.28) -> None:
    """Not nested (one kernel over all documents, thresholds from the same out-of-fold pass): English
    coarse / fine at a test mix of ``share`` Other-only documents, for lower coarse thresholds."""
    from presswatch.narratives.classify import Thresholds

    folds = folds_of(docs, 5, seed)
    Ks, Kd, _ = kernel(docs, np.arange(len(docs)), vecs)
    S = oof_scores(Ks + Kd, T, w, folds, lam)
    cal = calibrations(S, T, np.where(folds >= 0)[0])
    P = to_proba(S, cal)
    scored = [i for i, d in enumerate(docs) if d.language in LANGUAGES]
    t = tune_thresholds(docs, P, scored, PARAMS["policy"])
    en = [i for i, d in enumerate(docs) if d.language == "EN"]
    other = np.array([docs[i].coarse == (OTHER,) for i in en])
    wt = np.where(other, share / other.mean(), (1 - share) / (1 - other.mean()))
    print(f"\n## threshold (not nested): EN at {share:.0%} Other, coarse / fine; coarse at train's mix")
    for tc in (t.coarse, 0.25, 0.2, 0.15, 0.1):
        got = per_doc(docs, en, decide(P.rows(en), COARSE, FINE, Thresholds(tc, t.fine, t.domain)))
        c = np.array([got[i][0] for i in en])
        f = np.array([got[i][1] for i in en])
        print(f"| {tc:.2f} | {np.average(c, weights=wt):.3f} / {np.average(f, weights=wt):.3f} | {c.mean():.3f} |")


#: The threshold policies `policy` compares: name -> (tune_thresholds policy, rank fallbacks tried).
POLICY_VARIANTS = {"mix (v1)": ("mix", (2.0,)), "robust 20-60 %": ("robust", (2.0,)),
                   "mix + rank fallback": ("mix", FALLBACKS), "robust + rank fallback": ("robust", FALLBACKS),
                   "always rank (fallback 0)": ("mix", (0.0,)), "robust 20-60 %, English only (shipped v2)": ("robust-en", (2.0,))}


def policy_split(docs, K, T, w, train, test, lam, seed) -> dict[str, tuple[dict, object]]:
    """Nested, as run_variant, for every POLICY_VARIANTS entry off one inner out-of-fold pass."""
    cal, P_in, scored = inner_pass(docs, K, T, w, train, lam, seed)
    grid = threshold_grid(docs, P_in, scored, domain_threshold(docs, P_in), sorted(set(FALLBACKS) | {0.0}))
    is_other = np.array([docs[i].coarse == (OTHER,) for i in scored])
    groups = np.array([docs[i].language for i in scored])
    P_te = to_proba(kernel_scores(K, T, w, train, test, lam), cal)
    out = {}
    for name, (policy, fbs) in POLICY_VARIANTS.items():
        t = choose({k: v for k, v in grid.items() if k[3] in fbs}, is_other, policy, groups)
        out[name] = (per_doc(docs, test, decide(P_te, COARSE, FINE, t)), t)
    return out


def protocol_policy(docs, vecs, w, T, lam, seed, extra: np.ndarray | None = None, title: str = "policy") -> None:
    """Threshold policies (POLICY_VARIANTS), nested, under the doc folds (all languages; English
    reweighted to 20 / 28 / 48.5 / 70 % Other-only documents) and the English source batches;
    ``extra`` is a kernel added to every split's (the `rhetoric` protocol)."""
    Kx = 0.0 if extra is None else extra
    res: dict[str, dict] = defaultdict(dict)
    for k, train, test in doc_splits(docs, seed):
        t0 = time.time()
        Ks, Kd, _ = kernel(docs, train, vecs)
        for name, (got, t) in policy_split(docs, Ks + Kd + Kx, T, w, train, test, lam, seed).items():
            res[name].update(got)
            print(f"  fold {k} {name}: {t}", flush=True)
        print(f"  fold {k} ({time.time() - t0:.0f}s)", flush=True)
    print(f"\n## {title} / doc: 5 folds by document (coarse / fine samples-F1)")
    print("\n".join(header("threshold policy") + table(res, docs)))
    en = [i for i in res["mix (v1)"] if docs[i].language == "EN"]
    is_other = np.array([docs[i].coarse == (OTHER,) for i in en])
    print(f"\n## {title} / other: doc-fold English reweighted to a test share of Other-only documents")
    print("| threshold policy | 0.20 | 0.28 | 0.485 (train) | 0.70 | narrative docs only |\n|---|---|---|---|---|---|")
    for name, got in res.items():
        c = np.array([got[i][0] for i in en])
        f = np.array([got[i][1] for i in en])
        cells = [f"{np.average(c, weights=share_weights(is_other, s)):.3f} / "
                 f"{np.average(f, weights=share_weights(is_other, s)):.3f}" for s in (0.2, 0.28, is_other.mean(), 0.7)]
        cells.append(f"{c[~is_other].mean():.3f} / {f[~is_other].mean():.3f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\n## {title} / source: EN id batches held out one at a time (coarse / fine)")
    batches = ("EN_UA_0", "EN_UA_1", "EN_CC_1", "EN_CC_2")
    en_ids = [i for i, d in enumerate(docs) if d.language == "EN"]
    src: dict[str, dict] = defaultdict(dict)
    rows: dict[str, list[str]] = defaultdict(list)
    for b in batches:
        t0 = time.time()
        test = np.array([i for i in en_ids if docs[i].doc_id.startswith(b)])
        train = np.array(sorted(set(range(len(docs))) - set(test.tolist())))
        Ks, Kd, _ = kernel(docs, train, vecs)
        for name, (got, t) in policy_split(docs, Ks + Kd + Kx, T, w, train, test, lam, seed).items():
            src[name].update(got)
            rows[name].append(f"{np.mean([got[i][0] for i in test]):.3f} / {np.mean([got[i][1] for i in test]):.3f}")
            print(f"  {b} {name}: {t}", flush=True)
        print(f"  {b} ({time.time() - t0:.0f}s)", flush=True)
    print("| threshold policy | " + " | ".join(batches) + " | all 200 |\n|---|" + "---|" * (len(batches) + 1))
    for name, got in src.items():
        print(f"| {name} | " + " | ".join(rows[name]) +
              f" | {np.mean([v[0] for v in got.values()]):.3f} / {np.mean([v[1] for v in got.values()]):.3f} |")


#: Weight of the rhetoric block (three unit-length sub-blocks) next to the TF-IDF and encoder blocks.
RHETORIC_WEIGHT = 0.5
RHETORIC_CACHE = Path("/tmp/presswatch-bench/narratives_rhetoric_en.npz")


def rhetoric_block(docs) -> np.ndarray:
    """The rhetoric layer's article-level predictions for every English document (zero rows for the
    others: the English bundle only): paragraph technique probabilities pooled over the article (mean
    and max) and the frame probabilities, each block scaled to unit length. Cached in RHETORIC_CACHE."""
    from presswatch.rhetoric.embed import encode_fast
    from presswatch.rhetoric.models import load_models

    en = [i for i, d in enumerate(docs) if d.language == "EN"]
    ids = np.array([docs[i].doc_id for i in en])
    if RHETORIC_CACHE.exists():
        z = np.load(RHETORIC_CACHE)
        if list(z["ids"]) == list(ids):
            R = np.zeros((len(docs), z["R"].shape[1]))
            R[en] = z["R"]
            return R
    models = load_models()
    rows = []
    for i in en:
        paras = [p.strip() for p in docs[i].text.split("\n") if p.strip()][:80]
        P = models.paragraphs.proba_articles([paras], encode_fast(paras))
        _, F = models.documents_proba([docs[i].text])
        blocks = [P.mean(axis=0), P.max(axis=0), F[0]]
        rows.append(np.concatenate([b / (np.linalg.norm(b) or 1.0) for b in blocks]))
    R_en = np.vstack(rows)
    RHETORIC_CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez(RHETORIC_CACHE, ids=ids, R=R_en)
    R = np.zeros((len(docs), R_en.shape[1]))
    R[en] = R_en
    return R


def speed(n: int, rounds: int = 3) -> None:
    """Seconds per article of the narrative stage and of spaCy sm alone on the same PTC articles."""
    from presswatch.narratives.stage import article_input, find_narratives, load_model
    from presswatch.nlp.models import load_spacy
    from presswatch.rhetoric.data import load_ptc2020

    texts = [t for _, t in sorted(load_ptc2020().articles.items())[:n]]
    model = load_model()
    nlp = load_spacy()
    find_narratives(model, texts[:5])
    list(nlp.pipe(texts[:5]))
    best_n = best_s = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        find_narratives(model, texts)
        best_n = min(best_n, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        best_s = min(best_s, time.perf_counter() - t0)
    print(f"\n## speed: {n} PTC articles, best of {rounds}: narratives stage {1000 * best_n / n:.1f} ms/article, "
          f"spaCy sm alone {1000 * best_s / n:.1f} ms/article, ratio {best_n / best_s:.3f}")


if __name__ == "__main__":
    main()
