"""Check that bench/gold/corpus.json agrees with the sample corpus in examples/.

Run from the repository root:  .venv/bin/python -m bench.gold.check_gold
Every gold article must be a record the ingest layer yields, every record must have gold, and every
claim text and title must occur in its article's raw text. Exits non-zero and lists the problems.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

from presswatch.ingest import read_paths
from presswatch.model import Failure

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "corpus.json"
MAX_BYTES = 50_000_000


def _norm(text: str) -> str:
    """Raw text made comparable: entities decoded, NBSP (also as Mac Roman mojibake) as space, spaces collapsed."""
    text = html.unescape(text).replace("\u00ac\u2020", " ").replace("\u00a0", " ")
    return " ".join(text.split())


def raw_records(corpus: str) -> dict[str, str]:
    """source_path -> normalised raw text (container title first), for every record ingest reads."""
    out: dict[str, str] = {}
    for item in read_paths([ROOT / corpus], max_bytes=MAX_BYTES):
        if isinstance(item, Failure):
            raise SystemExit(f"ingest failed on {item}")
        rel = str(Path(item.source_path).resolve().relative_to(ROOT)) if "#" not in item.source_path else None
        if rel is None:
            path, _, n = item.source_path.partition("#")
            rel = f"{Path(path).resolve().relative_to(ROOT)}#{n}"
        out[rel] = _norm(f"{item.meta.get('title') or ''}\n{item.text}")
    return out


def _claims(gold: dict) -> list[dict]:
    groups = gold["conflicts"] + gold["corroborations"] + gold["non_conflicts"]
    return [c for g in groups for c in g["claims"]]


def check(gold: dict, records: dict[str, str]) -> list[str]:
    """All disagreements between the gold file and the records (empty when they agree)."""
    problems: list[str] = []
    articles = gold["articles"]
    for path in sorted(set(records) - set(articles)):
        problems.append(f"record without gold: {path}")
    for path, meta in articles.items():
        if path not in records:
            problems.append(f"gold article not read by ingest: {path}")
            continue
        if _norm(meta["title"]) not in records[path]:
            problems.append(f"{path}: title not in raw text: {meta['title']!r}")
    story_members = {p for s in gold["stories"].values() for p in s["articles"]}
    for path, meta in articles.items():
        in_story = meta["story"] is not None and path in gold["stories"].get(meta["story"], {}).get("articles", [])
        if (meta["story"] is None) == (path in story_members) or (meta["story"] and not in_story):
            problems.append(f"{path}: story {meta['story']!r} disagrees with the stories section")
    for group in gold["duplicates"] + gold.get("exact_duplicates", []):
        problems.extend(f"duplicate group names unknown article {p}" for p in group if p not in articles)
    for claim in _claims(gold):
        raw = records.get(claim["article"], "")
        if _norm(claim["text"]) not in raw:
            problems.append(f"{claim['article']}: claim text not found: {claim['text']!r}")
        if not isinstance(claim["value"], (int, float)):
            problems.append(f"{claim['article']}: claim value is not a number: {claim['value']!r}")
    return problems


def main() -> int:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    records = raw_records(gold["corpus"])
    problems = check(gold, records)
    for p in problems:
        print(p)
    print(f"{len(records)} records, {len(gold['articles'])} gold articles, {len(_claims(gold))} gold claims, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
