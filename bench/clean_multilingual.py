"""Clean layer in other languages: header dates and site chrome on our messy fixtures
(tests/clean/fixtures/multilingual/, annotated in expected.json) and, blind, on 10 real
non-English train articles and on the 4 messy articles another helper wrote in bench/multilingual_blind/
(both annotated in bench/clean_multilingual_blind.json before the code ran on them).

Run: `.venv/bin/python bench/clean_multilingual.py` (prints the counts; bench/clean_multilingual.md
records them). Counts, not speed: nothing here is timed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from presswatch.clean import clean_record
from presswatch.model import RawRecord

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "clean" / "fixtures" / "multilingual"
BLIND = ROOT / "bench" / "clean_multilingual_blind.json"
TRAIN = Path("/work/shared/datasets/semeval2023-task3-multilingual-train/data")


def _clean(path: Path, text: str):
    return clean_record(RawRecord(str(path), text, "text", {}))


def _score(expected_removed, removed, published, expected_published) -> dict[str, int]:
    want = {(t, r) for t, r in map(tuple, expected_removed)}
    got = {(r.text, r.reason) for r in removed}
    got_text = {t for t, _ in got}
    return {
        "date_ok": int(published == expected_published),
        "dates_expected": int(expected_published is not None),
        "dates_found": int(expected_published is not None and published == expected_published),
        "dates_wrong": int(published is not None and published != expected_published),
        "chrome_expected": len(want),
        "chrome_removed": len({t for t, _ in want} & got_text),
        "chrome_right_reason": len(want & got),
        "extra_removed": len(got_text - {t for t, _ in want}),
    }


def _sum(rows: list[dict[str, int]]) -> dict[str, int]:
    return {k: sum(r[k] for r in rows) for k in rows[0]}


def fixtures() -> tuple[dict[str, int], list[str]]:
    expected = {k: v for k, v in json.loads((FIXTURES / "expected.json").read_text("utf-8")).items() if not k.startswith("_")}
    rows, notes = [], []
    for name, e in sorted(expected.items()):
        a = _clean(FIXTURES / name, (FIXTURES / name).read_text("utf-8"))
        s = _score(e["removed"], a.removed, a.published, e["published"])
        rows.append(s)
        if s["extra_removed"] or s["chrome_removed"] < s["chrome_expected"] or not s["date_ok"]:
            notes.append(f"{name}: {s}")
    return _sum(rows), notes


def blind() -> tuple[dict[str, int], list[str]]:
    spec = json.loads(BLIND.read_text("utf-8"))
    n = spec["lines"]
    rows, notes = [], []
    for rel, e in sorted(spec["articles"].items()):
        lang, name = rel.split("/")
        path = TRAIN / lang / "train-articles-subtask-3" / name
        text = path.read_text("utf-8")
        head = [ln.strip() for ln in text.splitlines() if ln.strip()][:n]
        a = _clean(path, text)
        # only the annotated lines count; a removal further down is listed for reading
        removed_head = [r for r in a.removed if r.text in head]
        s = _score(e["removed"], removed_head, a.published, e["published"])
        rows.append(s)
        for r in a.removed:
            if (r.text, r.reason) not in {tuple(x) for x in e["removed"]}:
                where = "annotated lines" if r.text in head else "beyond the annotated lines"
                notes.append(f"{rel}: removed ({where}) {r.reason}: {r.text[:90]!r}")
        for t, why in e["removed"]:
            if t not in {r.text for r in a.removed}:
                notes.append(f"{rel}: missed {why}: {t[:90]!r}")
        if a.published != e["published"]:
            notes.append(f"{rel}: published {a.published!r}, expected {e['published']!r}")
    return _sum(rows), notes


def others() -> tuple[dict[str, int], list[str]]:
    """Articles another helper wrote (bench/multilingual_blind/), whole text annotated."""
    spec = json.loads(BLIND.read_text("utf-8"))["others"]
    rows, notes = [], []
    for rel, e in sorted(spec.items()):
        a = _clean(ROOT / rel, (ROOT / rel).read_text("utf-8"))
        # the title line's own date prefix is taken off the title, not a paragraph set aside
        removed = [r for r in a.removed if not r.reason.startswith("title-")]
        s = _score(e["removed"], removed, a.published, e["published"])
        rows.append(s)
        want = {t for t, _ in e["removed"]}
        notes += [f"{rel}: missed {why}: {t!r}" for t, why in e["removed"] if t not in {r.text for r in removed}]
        notes += [f"{rel}: removed {r.reason}: {r.text[:90]!r}" for r in removed if r.text not in want]
        if a.published != e["published"]:
            notes.append(f"{rel}: published {a.published!r}, expected {e['published']!r}")
    return _sum(rows), notes


def main() -> int:
    sets = (("fixtures", fixtures()), ("blind train articles", blind()), ("blind, written by another helper", others()))
    for label, (total, notes) in sets:
        print(f"## {label}")
        print(json.dumps(total))
        for note in notes:
            print("-", note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
