"""HTML extraction benchmark: presswatch's HTML path (ingest + clean) against trafilatura.extract alone.

Pages are our own hand-written news pages in bench/pages: NAME.html, NAME.gold.txt (the true article body,
one paragraph a line) and NAME.meta.json (true "title", "published", "outlet"; "must_not" phrases of chrome;
"ingest_keeps": the ones known to get past ingest; "held_out": written after the heuristics were fixed). Scores are token-level
precision / recall / F1 (bag of lower-cased word tokens) against the gold body, plus whether the
title and publication date came out right. Run: .venv/bin/python bench/html_extraction.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"
REPORT = Path(__file__).resolve().parent / "html_extraction.md"
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    title_ok: bool
    date_ok: bool


def tokens(text: str) -> Counter:
    return Counter(t.lower() for t in _TOKEN.findall(text or ""))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Token-level precision, recall and F1 of a predicted body against the gold body."""
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _norm(s: str | None) -> str:
    return " ".join((s or "").split()).casefold()


def pages() -> list[str]:
    """Names of the benchmark pages (each has .html, .gold.txt and .meta.json)."""
    return sorted(p.name[: -len(".gold.txt")] for p in PAGES.glob("*.gold.txt"))


def gold(name: str) -> tuple[str, dict]:
    return (PAGES / f"{name}.gold.txt").read_text(encoding="utf-8"), json.loads(
        (PAGES / f"{name}.meta.json").read_text(encoding="utf-8"))


def presswatch_result(name: str) -> tuple[str, str | None, str | None]:
    """(body, title, published) from the full presswatch HTML path: ingest + clean."""
    import presswatch

    result = presswatch.analyze(texts=None, inputs=[PAGES / f"{name}.html"], stages=(), corpus=False)
    if not result.articles:
        return "", None, None
    article = result.articles[0]
    return article.text, article.title, article.published


def ingest_result(name: str) -> tuple[str, str | None, str | None]:
    """(body, title, published) from the ingest layer alone."""
    from presswatch.ingest import read_paths
    from presswatch.model import RawRecord

    recs = [r for r in read_paths([PAGES / f"{name}.html"], max_bytes=1 << 24) if isinstance(r, RawRecord)]
    if not recs:
        return "", None, None
    return recs[0].text, recs[0].meta.get("title"), recs[0].meta.get("published")


def trafilatura_result(name: str) -> tuple[str, str | None, str | None]:
    """(body, title, date) from trafilatura alone, default settings."""
    import trafilatura

    html = (PAGES / f"{name}.html").read_bytes()
    meta = trafilatura.extract_metadata(html)
    return trafilatura.extract(html) or "", getattr(meta, "title", None), getattr(meta, "date", None)


def score(name: str, system) -> Score:
    body_gold, meta = gold(name)
    body, title, published = system(name)
    p, r, f = prf(body, body_gold)
    return Score(p, r, f, _norm(title) == _norm(meta["title"]), (published or "")[:10] == meta["published"])


NOTES = """## Where the difference comes from

- trafilatura's defaults keep reader comments (`include_comments=True`); presswatch extracts without them.
- Before trafilatura, presswatch rewrites the page tree (`presswatch/ingest/prepare.py`): tables used for page
  layout become divs (trafilatura otherwise renders a whole old-CMS page as one table, nav and comments included),
  short link-only rows (print / email / share) and in-body chrome blocks named by class or id (read-more,
  promos, newsletter boxes, video captions, trust boxes) are removed.
- Titles: `headline SEP site` in `<title>` is split when the page shows the headline; the site part fills
  the outlet when the page names none. A headline repeated on top of the body is dropped.
- Remaining misses: standfirst / bullet summaries above the body, datelines and copyright lines of the old-CMS
  page (the clean layer's phrase lists handle some of them).
- These pages are our own. The heuristics were tuned on the first seven; the two `heldout_*` pages
  (`"held_out": true` in their meta) were written afterwards and scored without any change to the code.
  `tests/ingest/test_html_quality.py` keeps all of them from regressing; nine pages do not prove the margin
  on the open web.
"""

SYSTEMS = {"presswatch": presswatch_result, "ingest only": ingest_result, "trafilatura": trafilatura_result}


def run() -> dict[str, dict[str, Score]]:
    return {name: {sys_name: score(name, fn) for sys_name, fn in SYSTEMS.items()} for name in pages()}


def macro(results: dict[str, dict[str, Score]], system: str, names: list[str] | None = None) -> Score:
    rows = [r[system] for name, r in results.items() if names is None or name in names]
    n = len(rows)
    return Score(sum(s.precision for s in rows) / n, sum(s.recall for s in rows) / n, sum(s.f1 for s in rows) / n,
                 sum(s.title_ok for s in rows) / n, sum(s.date_ok for s in rows) / n)  # type: ignore[arg-type]


def table(results: dict[str, dict[str, Score]]) -> str:
    lines = ["| page | system | P | R | F1 | title | date |", "|---|---|---|---|---|---|---|"]
    for name, by_sys in results.items():
        for sys_name, s in by_sys.items():
            lines.append(f"| {name} | {sys_name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | "
                         f"{'ok' if s.title_ok else 'WRONG'} | {'ok' if s.date_ok else 'WRONG'} |")
    lines += ["", "| system (macro mean) | P | R | F1 | title correct | date correct |", "|---|---|---|---|---|---|"]
    held_out = [name for name in results if gold(name)[1].get("held_out")]
    for label, names in (("all pages", None), ("held-out pages", held_out)):
        if names == []:
            continue
        for sys_name in SYSTEMS:
            m = macro(results, sys_name, names)
            lines.append(f"| {sys_name}, {label} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | "
                         f"{float(m.title_ok):.0%} | {float(m.date_ok):.0%} |")
    return "\n".join(lines)


def main() -> int:
    results = run()
    import trafilatura

    body = table(results)
    REPORT.write_text(
        "# HTML extraction benchmark\n\n"
        f"{len(results)} hand-written news pages in `bench/pages/` (nav, cookie banners, related links, comments,\n"
        "scripts/iframes, bylines, og: meta, JSON-LD; one windows-1252 and one iso-8859-1 page; one old table-layout\n"
        "CMS page). Gold: `NAME.gold.txt` (article body), `NAME.meta.json` (title, date).\n"
        "Token-level precision/recall/F1 (bag of lower-cased `\\w+` tokens) against the gold body.\n\n"
        f"- **presswatch**: `presswatch.analyze(inputs=[page], stages=(), corpus=False)` → `article.text` (ingest + clean)\n"
        f"- **ingest only**: `presswatch.ingest.read_paths` → `RawRecord.text` / `meta`\n"
        f"- **trafilatura**: `trafilatura.extract(html)` with defaults (trafilatura {trafilatura.__version__}),\n"
        "  title/date from `trafilatura.extract_metadata(html)`\n\n"
        f"Run: `.venv/bin/python bench/html_extraction.py`\n\n{body}\n\n{NOTES}", encoding="utf-8")
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
