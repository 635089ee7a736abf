"""Cross-validated scores of the entity-role model (SemEval-2025 Task 10 subtask 1) on the shared train data.

Protocols (all single process):
- ``doc``: 5 folds grouped by document (a document's mentions are all in one fold);
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
from presswatch.narratives.roles import MentionInput, RoleModel, contexts
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
    """Expected calibration error (10 bins) of the main-role score, and mean score vs accuracy."""
    conf = probs.max(axis=1)
    ok = np.array([m == p for m, p in zip(mains, pm)], float)
    bins = np.minimum((conf * 10).astype(int), 9)
    ece = sum(abs(conf[bins == b].mean() - ok[bins == b].mean()) * (bins == b).mean() for b in range(10) if (bins == b).any())
    return {"ece": round(float(ece), 4), "mean_score": round(float(conf.mean()), 4), "accuracy": round(float(ok.mean()), 4)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--langs", default=",".join(LANGUAGES))
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--second", type=float, default=1.01)
    ap.add_argument("--quick", action="store_true", help="EN only: EN-alone vs all-language model, doc folds")
    args = ap.parse_args()
    t0 = time.time()
    data = {code: mentions_of(code) for code in LANGUAGES}
    result: dict = {"C": args.C, "second_fine": args.second}
    others = [c for c in LANGUAGES if c != "EN"]
    en_alone = run_protocol("EN", data, "doc", [], args.C, args.second, baselines=True)
    en_all = run_protocol("EN", data, "doc", others, args.C, args.second, baselines=False)
    result["EN_doc_EN_only"] = {k: v for k, v in en_alone.items() if k != "_oof"}
    result["EN_doc_all_languages"] = en_all["model"]
    if not args.quick:
        en_name = run_protocol("EN", data, "name", others, args.C, args.second, baselines=True)
        result["EN_name_all_languages"] = {k: v for k, v in en_name.items() if k != "_oof"}
        pm, pf, probs = en_all["_oof"]
        mains, fines = data["EN"][1], data["EN"][2]
        result["EN_shift"] = [shifted(mains, fines, pm, pf, s) for s in (0.45, 0.64, 0.80)]
        result["EN_calibration"] = calibration(mains, pm, probs)
        for code in [c for c in args.langs.split(",") if c != "EN"]:
            rest = [c for c in LANGUAGES if c != code]
            r = run_protocol(code, data, "doc", rest, args.C, args.second, baselines=True)
            result[f"{code}_doc_all_languages"] = {k: v for k, v in r.items() if k != "_oof"}
    result["seconds"] = round(time.time() - t0, 1)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
