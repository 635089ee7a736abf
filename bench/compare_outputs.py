"""Compare two `presswatch analyze --out` folders: articles.jsonl and corpus.json, field by field.

    python -m bench.compare_outputs BASE_DIR NEW_DIR [--ignore-attrs claim:kind,claim:subject]

Used to check that a refactor leaves the output as it was. Articles are matched by id and
compared as parsed JSON (key order and whitespace do not count); annotations are compared as
sorted lists. ``--ignore-attrs LAYER:KEY,...`` drops attrs keys that a change adds on purpose.
Exit status 0 when both folders say the same, 1 otherwise (with the first differences printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _articles(folder: Path, ignore: set[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    out = {}
    with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            a = json.loads(line)
            anns = []
            for ann in a.get("annotations", []):
                attrs = {k: v for k, v in (ann.get("attrs") or {}).items() if (ann["layer"], k) not in ignore}
                anns.append(json.dumps({**ann, "attrs": attrs}, sort_keys=True))
            a["annotations"] = sorted(anns)
            out[a["id"]] = a
    return out


def diff_articles(base: Path, new: Path, ignore: set[tuple[str, str]]) -> list[str]:
    """One line per difference between the two folders' articles.jsonl."""
    a, b = _articles(base, ignore), _articles(new, ignore)
    problems = [f"article {i} only in {base}" for i in sorted(a.keys() - b.keys())]
    problems += [f"article {i} only in {new}" for i in sorted(b.keys() - a.keys())]
    for i in sorted(a.keys() & b.keys()):
        for key in sorted(a[i].keys() | b[i].keys()):
            if a[i].get(key) == b[i].get(key):
                continue
            if key == "annotations":
                gone = sorted(set(a[i][key]) - set(b[i][key]))
                added = sorted(set(b[i][key]) - set(a[i][key]))
                problems += [f"article {i}: annotation gone  {x}" for x in gone[:5]]
                problems += [f"article {i}: annotation added {x}" for x in added[:5]]
            else:
                problems.append(f"article {i}: field {key!r} differs")
    return problems


def diff_corpus(base: Path, new: Path) -> list[str]:
    """One line per top-level section of corpus.json that differs."""
    pa, pb = base / "corpus.json", new / "corpus.json"
    if not pa.exists() and not pb.exists():
        return []
    if not pa.exists() or not pb.exists():
        return [f"corpus.json missing in {base if not pa.exists() else new}"]
    a, b = json.loads(pa.read_text()), json.loads(pb.read_text())
    problems = []
    for key in sorted(a.keys() | b.keys()):
        if a.get(key) != b.get(key):
            na, nb = len(a.get(key) or []), len(b.get(key) or [])
            problems.append(f"corpus.json section {key!r} differs ({na} vs {nb} entries)")
    return problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("base", type=Path)
    p.add_argument("new", type=Path)
    p.add_argument("--ignore-attrs", default="", help="LAYER:KEY,... attrs keys to leave out of the comparison")
    args = p.parse_args(argv)
    ignore = {tuple(x.split(":", 1)) for x in args.ignore_attrs.split(",") if ":" in x}
    problems = diff_articles(args.base, args.new, ignore) + diff_corpus(args.base, args.new)  # type: ignore[arg-type]
    for line in problems[:40]:
        print(line)
    if len(problems) > 40:
        print(f"... and {len(problems) - 40} more")
    print("identical" if not problems else f"{len(problems)} differences")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
