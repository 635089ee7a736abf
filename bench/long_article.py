"""One long article (issue 22): real news text (PTC train articles joined) of a given size, analysed
by `presswatch analyze` in a fresh process, against spaCy alone parsing the same text in pieces of
about an ordinary article on one core (the peer, run in the same bench and the same sort of process).

    python -m bench.long_article [--sizes 1000000,3000000] [--out bench/long_article.md]

Records wall seconds, peak RSS of the analyze process tree's largest process (VmHWM), the ratio of
presswatch to spaCy alone, and what the run reported (analysed, failed, layers kept). The machine's
load average before each run goes with it, because these machines are shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PTC = ROOT.parent / "shared/datasets/ptc-semeval2020-task11-train/shared-task/datasets/train-articles"


def long_text(size: int) -> str:
    """PTC train articles joined (blank line between), cut at a line break near ``size`` characters."""
    parts: list[str] = []
    total = 0
    paths = sorted(PTC.glob("*.txt"))
    while total < size:
        for path in paths:
            text = path.read_text(encoding="utf-8").strip()
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    text = "\n\n".join(parts)
    cut = text.rfind("\n", 0, size)
    return text[: cut if cut > 0 else size]


_PEER = """
import sys, time
from presswatch.nlp.models import load_spacy
text = open(sys.argv[1], encoding="utf-8").read()
nlp = load_spacy()
pieces, start = [], 0
while start < len(text):
    end = text.find("\\n", start + 5000)
    end = len(text) if end < 0 else end + 1
    pieces.append(text[start:end]); start = end
t0 = time.perf_counter()
for _ in nlp.pipe(pieces, batch_size=8):
    pass
print(time.perf_counter() - t0)
"""


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_analyze(path: Path, out: Path) -> dict[str, object]:
    """`presswatch analyze` on one file in a fresh process: wall seconds, largest peak RSS seen."""
    exe = Path(sys.executable).with_name("presswatch")
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(exe), "analyze", str(path), "--out", str(out), "--workers", "1", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0.0
    while proc.poll() is None:
        pids = [proc.pid]
        try:
            pids += [int(p) for p in subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True,
                                                    text=True).stdout.split()]
        except OSError:
            pass
        peak = max([peak] + [peak_rss_mb(p) for p in pids])
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    output = proc.stdout.read() if proc.stdout else ""
    layers: list[str] = []
    articles = out / "articles.jsonl"
    if articles.exists():
        for line in articles.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            layers = sorted({a["layer"] for a in rec.get("annotations", [])})
    return {"wall_s": round(wall, 1), "peak_rss_mb": round(peak), "rc": proc.returncode,
            "layers": layers, "said": _said(output)}


def _said(output: str) -> str:
    """The summary's counts that matter here, and any failure or warning line, in one cell."""
    keep = []
    for line in output.splitlines():
        words = line.split()
        if words[:1] in (["analysed"], ["failed"]) or words[:2] == ["articles", "with"] or words[:1] == ["warnings"]:
            keep.append(f"{' '.join(words[:-1])} {words[-1]}")
        elif words[:1] in (["failed"], ["warning"], ["error"]) or "budget" in line:
            keep.append(" ".join(words)[:160])
    return "; ".join(keep)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000000,3000000")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "long_article.md")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"long_{size}.txt"
            path.write_text(long_text(size), encoding="utf-8")
            load = os.getloadavg()[0]
            peer = float(subprocess.run([sys.executable, "-c", _PEER, str(path)], capture_output=True,
                                        text=True, check=True).stdout.split()[-1])
            res = run_analyze(path, Path(tmp) / f"out_{size}")
            rows.append({"chars": size, "load_before": round(load, 2), "spacy_alone_s": round(peer, 1), **res})
            print(json.dumps(rows[-1]), flush=True)
    lines = [
        "# One long article (issue 22)", "",
        "Measured by `python -m bench.long_article`: PTC train articles joined into one text file, analysed by",
        "`presswatch analyze FILE --workers 1` in a fresh process (every layer, corpus included), against spaCy",
        "alone (`load_spacy()`, `nlp.pipe` over ~5k-character pieces, one core) on the same text. Peak RSS is",
        "the largest VmHWM of the analyze process and its children, sampled every 0.2 s.", "",
        "| characters | load before | spaCy alone (s) | presswatch (s) | ratio | peak RSS (MB) | layers kept | run said |",
        "|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        ratio = r["wall_s"] / r["spacy_alone_s"] if r["spacy_alone_s"] else float("nan")
        said = str(r["said"]).replace("|", "/")
        lines.append(f"| {r['chars']:,} | {r['load_before']} | {r['spacy_alone_s']} | {r['wall_s']} | "
                     f"{ratio:.2f}× | {r['peak_rss_mb']:,} | {', '.join(r['layers'])} | {said[:400]} |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
