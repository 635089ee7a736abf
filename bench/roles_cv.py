"""Cross-validated scores of the entity-role model (SemEval-2025 Task 10 subtask 1) on the shared train data.

Protocols (all single process):
- ``doc``: 5 folds grouped by document (for EN; the other languages' model also sees all of EN) (a document's mentions are all in one fold);
- ``name``: 5 folds grouped by entity name (last word of the mention, lower case): every test
  mention's name is unseen in train;
- ``shift``: the ``doc`` out-of-fold predictions re-weighted to another share of antagonists
  (the share differs between train and new data).
Scored with the subtask-1 scorer (EMR on fine roles, micro-F1, main-role accuracy) next to two plain
baselines on the same folds: the majority fine role, and TF-IDF logistic regression on the window.

    .venv/bin/python -m bench.roles_cv [--langs EN,BG,HI,PT,RU] [--quick]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from presswatch.narratives.data import LANGUAGES, load_language, role_descriptions
from presswatch.narratives.roles import MentionInput, RoleModel, calibration_error, contexts
from presswatch.narratives.roles_semeval import score_roles

FOLDS = 5


def mentions_of(code: str) -> tuple[list[MentionInput], list[str], list[tuple[str, ...]], list[str], list[str]]:
    """Inputs, main roles, fine roles, document ids and name groups of one language's gold mentions."""
    lang = load_language(code)
    xs, mains, fines, docs, names = [], [], [], [], []
    for m in lang.mentions:
        d = lang.documents[m.doc_id]
        xs.append(MentionInput(d.text, m.start, m.end, code, d.domain))
        mains.append(m.main), fines.append(m.fine), docs.append(f"{code}/{m.doc_id}")
        names.append(f"{code}/{(m.text.split() or [''])[-1].lower()}")
    return xs, mains, fines, docs, names


def scores(mains, fines, pred_main, pred_fine, idx=None) -> dict:
    idx = range(len(mains)) if idx is None else idx
    gold = {(str(i), "", "", ""): (mains[i], frozenset(fines[i])) for i in idx}
    pred = {(str(i), "", "", ""): (pred_main[i], frozenset(pred_fine[i])) for i in idx}
    return score_roles(gold, pred).to_dict()


def folds(groups: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    return list(GroupKFold(n_splits=FOLDS).split(np.zeros(len(groups)), groups=groups))


def run_protocol(target: str, data: dict, split_on: str, extra: list[str], C: float, second: float,
                 baselines: bool) -> dict:
    """Out-of-fold predictions for ``target``'s mentions; train = the other folds of ``target`` plus all of ``extra``."""
    xs, mains, fines, docs, names = data[target]
    groups = docs if split_on == "doc" else names
    ex = [(x, m, f) for code in extra for x, m, f in zip(*data[code][:3])]
    pm, pf = [""] * len(xs), [()] * len(xs)
    bm, bf, lm, lf = [""] * len(xs), [()] * len(xs), [""] * len(xs), [()] * len(xs)
    probs = np.zeros((len(xs), 3))
    desc = role_descriptions()
    for train, test in folds(groups):
        tx = [xs[i] for i in train] + [e[0] for e in ex]
        tm = [mains[i] for i in train] + [e[1] for e in ex]
        tf = [fines[i] for i in train] + [e[2] for e in ex]
        model = RoleModel.fit(tx, tm, tf, desc, C_main=C, C_fine=C)
        model.second_fine = second
        for i, p in zip(test, model.predict([xs[i] for i in test])):
            pm[i], pf[i], probs[i] = p.main, p.fine, p.main_proba
        if baselines:
            top = Counter(f for i in train for f in fines[i][:1]).most_common(1)[0][0]
            main_of = {f: m for f, (m, _) in desc.items()}
            for i in test:
                bm[i], bf[i] = main_of[top], (top,)
            vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
            Xtr = vec.fit_transform([" ".join(contexts(xs[i])[::2]) for i in train])
            lr = LogisticRegression(max_iter=2000).fit(Xtr, [fines[i][0] for i in train])
            for i, f in zip(test, lr.predict(vec.transform([" ".join(contexts(xs[i])[::2]) for i in test]))):
                lm[i], lf[i] = main_of[f], (f,)
    out = {"model": scores(mains, fines, pm, pf)}
    if baselines:
        out["majority"] = scores(mains, fines, bm, bf)
        out["tfidf_lr"] = scores(mains, fines, lm, lf)
    out["_oof"] = (pm, pf, probs)
    return out


def shifted(mains, fines, pm, pf, share: float) -> dict:
    """EMR and main accuracy with the test mentions re-weighted so that antagonists are ``share`` of them."""
    ant = np.array([m == "Antagonist" for m in mains])
    exact = np.array([frozenset(f) == frozenset(p) for f, p in zip(fines, pf)])
    main_ok = np.array([m == p for m, p in zip(mains, pm)])
    w = np.where(ant, share / ant.mean(), (1 - share) / (1 - ant.mean()))
    return {"antagonist_share": share, "emr": round(float((exact * w).sum() / w.sum()), 4),
            "main_accuracy": round(float((main_ok * w).sum() / w.sum()), 4)}


def calibration(mains, pm, probs) -> dict:
    """Expected calibration error (10 bins) of the main-role score (before the bundle's temperature), mean score vs accuracy."""
    ok = np.array([m == p for m, p in zip(mains, pm)], float)
    return {"ece": round(calibration_error(probs, ok), 4), "mean_score": round(float(probs.max(axis=1).mean()), 4),
            "accuracy": round(float(ok.mean()), 4)}


def stage_cost(limit: int = 60) -> dict:
    """Seconds per article of the role stage against spaCy's parse alone, on English train documents
    (the same process, the same articles; entities from the real entity layer)."""
    from presswatch.extract.entities import EntityStage
    from presswatch.model import Article
    from presswatch.narratives.roles_stage import make_stage
    from presswatch.nlp import load_spacy
    from presswatch.options import Options

    docs = sorted(load_language("EN").documents.values(), key=lambda d: d.id)[:limit]
    nlp = load_spacy()
    stage = make_stage(Options())
    arts = [Article.create(d.id, d.text, language="en") for d in docs]
    t = time.perf_counter()
    for a, doc in zip(arts, nlp.pipe([a.text for a in arts], batch_size=16)):
        a.doc = doc
    spacy_s = time.perf_counter() - t
    EntityStage()(arts)
    t = time.perf_counter()
    stage(arts)
    role_s = time.perf_counter() - t
    return {"articles": len(arts), "spacy_s_per_article": round(spacy_s / len(arts), 4),
            "role_stage_s_per_article": round(role_s / len(arts), 4), "ratio_to_spacy": round(role_s / spacy_s, 4),
            "roles": sum(len(a.layer("role")) for a in arts), "entities": sum(len(a.layer("entity")) for a in arts)}


def cast_metrics() -> dict:
    """The cast model out of fold (5 folds of whole documents), per mention and per entity (document,
    canonical: cast if any of its mentions is), at the threshold tuned on the same out-of-fold scores;
    and how many gold mentions the entity layer finds at all (an entity mention overlaps them)."""
    from presswatch.narratives.resources import TRAINED_DIR
    from presswatch.narratives.roles import CastModel, best_threshold
    from presswatch.narratives.roles_train import CAST_FOLDS, cast_data

    items, labels = cast_data(TRAINED_DIR / "cache")
    y = np.asarray(labels)
    offsets = np.cumsum([0] + [len(cs) for _, cs in items])
    oof = np.zeros(len(y))
    idx = np.arange(len(items))
    for train, test in GroupKFold(n_splits=CAST_FOLDS).split(idx, groups=idx):
        model = CastModel.fit([items[i] for i in train], np.concatenate([y[offsets[i]:offsets[i + 1]] for i in train]), 0.5)
        for i in test:
            oof[offsets[i]:offsets[i + 1]] = model.proba(*items[i])
    t, p, r, f1 = best_threshold(y, oof)
    ent_y, ent_p = {}, {}
    for k, (_, cs) in enumerate(items):
        for j, c in enumerate(cs):
            key = (k, c.canonical)
            ent_y[key] = max(ent_y.get(key, 0), int(y[offsets[k] + j]))
            ent_p[key] = max(ent_p.get(key, 0.0), float(oof[offsets[k] + j]))
    ey, ep = np.array(list(ent_y.values())), np.array([ent_p[k] for k in ent_y]) >= t
    tp = float((ep & (ey == 1)).sum())
    en = load_language("EN")
    found = {(d, s, e) for d, (_, cs) in zip(sorted({m.doc_id for m in en.mentions}), items) for c in cs
             for s, e in [(c.start, c.end)]}
    covered = sum(any(d == m.doc_id and s < m.end and m.start < e for d, s, e in found) for m in en.mentions)
    return {"mentions": {"candidates": int(len(y)), "cast": int(y.sum()), "threshold": round(t, 3),
                         "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)},
            "entities": {"candidates": int(len(ey)), "cast": int(ey.sum()),
                         "precision": round(tp / max(1, ep.sum()), 4), "recall": round(tp / max(1, ey.sum()), 4)},
            "gold_mentions_the_entity_layer_finds": f"{covered}/{len(en.mentions)}"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--langs", default=",".join(LANGUAGES))
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--second", type=float, default=1.01)
    ap.add_argument("--quick", action="store_true", help="EN only: EN-alone vs all-language model, doc folds")
    ap.add_argument("--speed", action="store_true", help="only the role stage's cost per article against spaCy")
    ap.add_argument("--no-en", action="store_true", help="only the --langs protocols (not English's)")
    ap.add_argument("--cast", action="store_true", help="only the cast model's out-of-fold precision and recall")
    args = ap.parse_args()
    if args.speed:
        print(json.dumps(stage_cost(), indent=1))
        return
    if args.cast:
        print(json.dumps(cast_metrics(), indent=1))
        return
    t0 = time.time()
    data = {code: mentions_of(code) for code in LANGUAGES}
    result: dict = {"C": args.C, "second_fine": args.second, "folds": FOLDS}

    def report(key: str, value) -> None:
        result[key] = value
        print(json.dumps({key: value}), flush=True)  # one line per protocol as it finishes

    if args.no_en:
        for code in [c for c in args.langs.split(",") if c != "EN"]:
            rest = [c for c in LANGUAGES if c != code]
            r = run_protocol(code, data, "doc", rest, args.C, args.second, baselines=True)
            report(f"{code}_doc_all_languages", {k: v for k, v in r.items() if k != "_oof"})
        return
    others = [c for c in LANGUAGES if c != "EN"]
    en_all = run_protocol("EN", data, "doc", others, args.C, args.second, baselines=True)
    report("EN_doc_all_languages", {k: v for k, v in en_all.items() if k != "_oof"})
    pm, pf, probs = en_all["_oof"]
    mains, fines = data["EN"][1], data["EN"][2]
    report("EN_shift", [shifted(mains, fines, pm, pf, s) for s in (0.45, 0.64, 0.80)])
    report("EN_calibration", calibration(mains, pm, probs))
    if not args.quick:
        en_name = run_protocol("EN", data, "name", others, args.C, args.second, baselines=True)
        report("EN_name_all_languages", {k: v for k, v in en_name.items() if k != "_oof"})
        for code in [c for c in args.langs.split(",") if c != "EN"]:
            rest = [c for c in LANGUAGES if c != code]
            r = run_protocol(code, data, "doc", rest, args.C, args.second, baselines=True)
            report(f"{code}_doc_all_languages", {k: v for k, v in r.items() if k != "_oof"})
    en_alone = run_protocol("EN", data, "doc", [], args.C, args.second, baselines=False)
    report("EN_doc_EN_only", en_alone["model"])
    report("seconds", round(time.time() - t0, 1))


if __name__ == "__main__":
    main()
