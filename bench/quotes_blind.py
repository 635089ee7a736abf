"""Quotes and speakers on a blind set: 20 PTC train articles annotated by reading the text only,
before any quote code was changed for issue 20 (gold: bench/gold/quotes_blind.jsonl).

Each gold quote gives its first words and their offset in the shared file, the speaker (a name,
a list of acceptable names or describing phrases, or null) and direct/partial. A quote marked
``optional`` is one a reader may or may not count (a one-word scare quote with a source nearby,
a middle line of a quote run over several lines with no marks of its own): finding it neither
helps nor hurts. Nothing in the extractors may be tuned on this set.

Scores:
- quote precision: found quotes that match a gold quote, over found quotes (those matching an
  optional gold quote left out); separately for the found quotes labelled partial;
- quote recall: required gold quotes found;
- speaker right: matched required quotes whose speaker is right (no speaker counts as wrong; a
  gold quote with no speaker is right only when none was given), as the issue counts it;
- speaker precision: right speakers over matched quotes that got one.

    .venv/bin/python -m bench.quotes_blind [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.extract_bench import ROOT, analyse, speaker_ok, words

GOLD = ROOT / "bench" / "gold" / "quotes_blind.jsonl"
#: Characters a found quote's start may sit from the gold one's (a stray mark, a space).
SLACK = 3


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def matches(found: tuple[int, int, str], gold: dict[str, Any]) -> bool:
    """A found quote (start, end, its text) is the gold one: the same start, or it holds the gold
    quote's first words at the gold offset."""
    start, end, span = found
    if abs(start - gold["start"]) <= SLACK:
        return True
    gw = words(gold["text"])
    return start <= gold["start"] < end and " ".join(gw) in " ".join(words(span))


def attribution_ok(pred: str | None, gold: str | list[str | None] | None) -> bool:
    """A found speaker (or none) against the gold: one name, a list of acceptable names, None for
    no speaker, or a list holding None where the article itself (no speaker) is also acceptable."""
    allowed = gold if isinstance(gold, list) else [gold]
    if pred is None:
        return None in allowed
    names = [g for g in allowed if g is not None]
    return bool(names) and speaker_ok(pred, names)


def count_attribution(c: dict[str, int], key: str, pred: str | None, gold: Any) -> bool:
    """Count one matched item's attribution (``key``: "speaker" or "claimant"): right, given, given right."""
    right = attribution_ok(pred, gold)
    c[f"{key}_right"] += right
    if pred is not None:
        c[f"with_{key}"] += 1
        c[f"with_{key}_ok"] += right
    return right


def scores(c: dict[str, int], **ratios: tuple[str, str]) -> dict[str, float]:
    """The named ratios of the counts (1.0 over nothing), then every count as ``n_<name>``."""
    out: dict[str, float] = {name: round(c[a] / c[b], 3) if c[b] else 1.0 for name, (a, b) in ratios.items()}
    return {**out, **{f"n_{k}": v for k, v in c.items()}}


def anchored(text: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The gold quotes with their offsets moved into the analysed text (cleaning may shift them
    from the shared file's): each first-words string found in order, from the previous one on."""
    out, pos = [], 0
    for q in quotes:
        k = text.find(q["text"], pos)
        if k < 0:
            k = text.find(q["text"])
        if k >= 0:
            q = {**q, "start": k, "end": k + len(q["text"])}
            pos = k + 1
        out.append(q)
    return out


def score(gold: list[dict[str, Any]], articles: dict[str, Any], show: bool = False) -> dict[str, float]:
    c = dict.fromkeys(
        ("found", "found_ok", "partial", "partial_ok", "gold", "gold_found", "matched", "speaker_right",
         "with_speaker", "with_speaker_ok"), 0,
    )
    for g in gold:
        article = articles[g["article"]]
        text = article.text
        found = [(a.start, a.end, text[a.start : a.end], a) for a in article.layer("quote")]
        quotes = anchored(text, g["quotes"])
        hit: set[int] = set()
        for fs, fe, span, ann in found:
            g_q = next((q for q in quotes if matches((fs, fe, span), q)), None)
            if g_q is not None and g_q.get("optional"):
                continue
            c["found"] += 1
            partial = ann.label == "partial"
            c["partial"] += partial
            speaker = (ann.attrs or {}).get("speaker")
            if g_q is None:
                if show:
                    print(f"  FP  {g['article'][-20:]} [{ann.label}] {span[:70]!r} <- {speaker}")
                continue
            hit.add(id(g_q))
            c["found_ok"] += 1
            c["partial_ok"] += partial
            c["matched"] += 1
            right = count_attribution(c, "speaker", speaker, g_q["speaker"])
            if show and not right:
                print(f"  SPK {g['article'][-20:]} {span[:60]!r} <- {speaker} (gold {g_q['speaker']})")
        for q in quotes:
            if q.get("optional"):
                continue
            c["gold"] += 1
            c["gold_found"] += id(q) in hit
            if show and id(q) not in hit:
                print(f"  FN  {g['article'][-20:]} {q['text'][:60]!r}")

    return scores(c, quote_precision=("found_ok", "found"), partial_precision=("partial_ok", "partial"),
                  quote_recall=("gold_found", "gold"), speaker_right=("speaker_right", "matched"),
                  speaker_precision=("with_speaker_ok", "with_speaker"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every miss, false quote and wrong speaker")
    args = ap.parse_args(argv)
    gold = load_gold()
    articles = analyse(g["article"] for g in gold)
    print(json.dumps(score(gold, articles, show=args.show), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
