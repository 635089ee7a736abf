"""Quotes, speakers, numeric claims, claimants and entity names on the blind set (issue 20).

Gold: bench/gold/quotes_blind.jsonl (20 PTC train articles, quotes only) and
bench/gold/facts_blind.jsonl (21 more, picked by bench/gold/pick_facts_blind.py and committed before
any extractor ran on them: quotes, claims with claimants, entities). Nothing may be tuned on them.

Scores:
- quotes and speakers on all 41 articles, counted as in bench/quotes_blind.py;
- claims on the 21: a found claim matches a required gold claim of the same value (a vague plural
  its least value, a range its low end) and an acceptable unit (case and plural "s" ignored); found
  claims matching an optional gold claim are left out; precision over found claims, recall over
  required gold claims. Claimant right: matched claims whose speaker is an acceptable name, or no
  speaker where the gold allows the article itself; claimant precision: right among those that got
  a speaker;
- entities on the 21: each distinct (article, surface) mention of a person, organisation or place
  (labels PERSON, ORG, GPE, LOC, FAC; role mentions and surfaces the gold marks optional left out;
  a leading "the" and a possessive ignored). A gold entity's canonical name is the one the layer
  gives most of its mentions, if it is acceptable; a found mention is right when it is a mention of
  a gold entity and carries that name, so two spellings kept apart cost the minority one. Precision
  over found mentions, recall over gold mentions; type right over right mentions (GPE/LOC/FAC one
  class "place"; FAC also accepted for an organisation).

    .venv/bin/python -m bench.facts_blind [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bench.extract_bench import ROOT, analyse, speaker_ok, unit_key
from bench.quotes_blind import GOLD as QUOTES_GOLD
from bench.quotes_blind import count_attribution, load_gold, scores
from bench.quotes_blind import score as score_quotes

GOLD = ROOT / "bench" / "gold" / "facts_blind.jsonl"
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_KIND = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


def surface(text: str) -> str:
    s = re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()
    s = re.sub(r"'s?$", "", s)
    return re.sub(r"^the ", "", s)


def _units(u: Any) -> set[str | None]:
    return {unit_key(x) for x in (u if isinstance(u, list) else [u])}


def score_claims(gold: list[dict[str, Any]], articles: dict[str, Any], show: bool = False) -> dict[str, float]:
    c = dict.fromkeys(("found", "found_ok", "gold", "gold_found", "claimant_right", "with_claimant", "with_claimant_ok"), 0)
    for g in gold:
        art = articles[g["article"]]
        text = art.text
        found = [a for a in art.layer("claim") if a.attrs.get("value") is not None]
        golds = g["claims"]
        taken: set[int] = set()
        for a in found:
            v, u = float(a.attrs["value"]), unit_key(a.attrs.get("unit"))
            cands = [
                (abs(text.find(gc["text"]) - a.start) if gc["text"] in text else 10**6, k)
                for k, gc in enumerate(golds)
                if k not in taken and abs(v - gc["value"]) <= 1e-6 * max(1.0, abs(gc["value"])) and u in _units(gc["unit"])
            ]
            k = min(cands)[1] if cands else None
            if k is not None and golds[k].get("optional"):
                taken.add(k)
                continue
            c["found"] += 1
            if k is None:
                if show:
                    print(f"  FP  {g['article'][-20:]} {text[a.start:a.end]!r} {v} {a.attrs.get('unit')}")
                continue
            taken.add(k)
            c["found_ok"] += 1
            pred = a.attrs.get("speaker")
            right = count_attribution(c, "claimant", pred, golds[k]["claimant"])
            if show and not right:
                print(f"  CLM {g['article'][-20:]} {golds[k]['text']!r} <- {pred} (gold {golds[k]['claimant']})")
        for k, gc in enumerate(golds):
            if gc.get("optional"):
                continue
            c["gold"] += 1
            c["gold_found"] += k in taken
            if show and k not in taken:
                print(f"  FN  {g['article'][-20:]} {gc['text']!r} {gc['value']} {gc['unit']}")
    return scores(c, claim_precision=("found_ok", "found"), claim_recall=("gold_found", "gold"),
                  claimant_right=("claimant_right", "found_ok"),
                  claimant_precision=("with_claimant_ok", "with_claimant"))


def score_entities(gold: list[dict[str, Any]], articles: dict[str, Any], show: bool = False) -> dict[str, float]:
    c = dict.fromkeys(("found", "found_ok", "gold", "gold_found", "type_ok"), 0)
    for g in gold:
        art = articles[g["article"]]
        text = art.text
        optional = {surface(s) for s in g.get("entities_optional", [])}
        owner = {surface(m): e for e in g["entities"] for m in e["mentions"]}
        # distinct surfaces found, each with its most frequent canonical name and label
        seen: dict[str, Counter[tuple[str, str]]] = {}
        for a in art.layer("entity"):
            if a.label not in ENTITY_LABELS or (a.attrs or {}).get("role"):
                continue
            s = surface(text[a.start : a.end])
            if s in optional or not s:
                continue
            seen.setdefault(s, Counter())[((a.attrs or {}).get("canonical") or text[a.start : a.end], a.label)] += 1
        chosen: dict[int, str | None] = {}
        for e in g["entities"]:
            names = Counter()
            for m in e["mentions"]:
                for (canon, _), n in seen.get(surface(m), Counter()).items():
                    names[canon] += n
            ok = [n for n, _ in names.most_common() if any(speaker_ok(n, [x]) or surface(n) == surface(x) for x in e["names"])]
            chosen[id(e)] = ok[0] if ok and ok[0] == names.most_common(1)[0][0] else None
        right_surfaces: set[str] = set()
        for s, counts in seen.items():
            (canon, label), _ = counts.most_common(1)[0]
            c["found"] += 1
            e = owner.get(s)
            if e is None or chosen[id(e)] is None or canon != chosen[id(e)]:
                if show:
                    why = "not a gold mention" if e is None else f"gold {e['names'][0]!r}"
                    print(f"  ENT {g['article'][-20:]} {s!r} -> {canon!r} [{label}] ({why})")
                continue
            c["found_ok"] += 1
            right_surfaces.add(s)
            kind = _KIND[label]
            c["type_ok"] += kind == _KIND[e["type"]] or (label == "FAC" and e["type"] == "ORG")
            if show and kind != _KIND[e["type"]]:
                print(f"  TYP {g['article'][-20:]} {s!r} [{label}] (gold {e['type']})")
        for e in g["entities"]:
            for m in {surface(x) for x in e["mentions"]}:
                c["gold"] += 1
                c["gold_found"] += m in right_surfaces
                if show and m not in right_surfaces:
                    print(f"  EFN {g['article'][-20:]} {m!r} (gold {e['names'][0]!r})")
    return scores(c, entity_precision=("found_ok", "found"), entity_recall=("gold_found", "gold"),
                  entity_type_right=("type_ok", "found_ok"))


def run(show: bool = False) -> dict[str, dict[str, float]]:
    facts = load_gold(GOLD)
    quotes = load_gold(QUOTES_GOLD)
    articles = analyse(g["article"] for g in quotes + facts)
    return {
        "quotes_41": score_quotes(quotes + facts, articles, show=show),
        "quotes_new21": score_quotes(facts, articles),
        "claims_21": score_claims(facts, articles, show=show),
        "entities_21": score_entities(facts, articles, show=show),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every miss, false find and wrong name")
    args = ap.parse_args(argv)
    print(json.dumps(run(show=args.show), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
