"""Load test of `presswatch serve` on 127.0.0.1: 50 concurrent clients for 30 s over the main pages.

Usage: python -m bench.load_serve [--db FILE] [--clients 50] [--seconds 30] [--out bench/load_results.md]

Without --db it analyses examples/ into a temporary folder first. The server runs as a separate
`presswatch serve` process (read-only, as a reader would run it); the clients are httpx async
tasks bounded by a semaphore, a per-request timeout and a total request cap, and the run stops by
itself. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
MAX_REQUESTS = 500_000
REQUEST_TIMEOUT_S = 15.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_db(folder: Path) -> Path:
    """Analyse examples/ (the demo corpus) into folder; returns the database path."""
    import presswatch
    from presswatch.web.analysis import installed_stages

    presswatch.analyze([ROOT / "examples"], out=folder, stages=installed_stages(), keep_articles=False)
    return folder / "presswatch.duckdb"


def start_server(db: Path, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("presswatch")
    cmd = [str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"presswatch serve exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("presswatch serve did not answer within 60 s")


def page_mix(base: str) -> list[tuple[str, str]]:
    """(kind, url) pairs over the main pages, drawn from what the database holds."""
    o = httpx.get(f"{base}/index.json", timeout=30).json()
    urls = [("overview", "/"), ("conflicts", "/conflicts"), ("overview.json", "/index.json")]
    urls += [("article", f"/articles/{a['id']}") for a in o["recent"][:8]]
    urls += [("person", "/people/" + quote(p["name"], safe="")) for p in o["people"][:4]]
    urls += [("story", "/stories/" + quote(s["id"], safe="")) for s in o["stories"][:3]]
    urls += [("search", "/search?q=" + quote(q)) for q in ("mobilisation", "Putin", "border crossing", "300,000")]
    return urls


async def run_load(base: str, urls: list[tuple[str, str]], clients: int, seconds: float):
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    error_kinds: dict[str, int] = defaultdict(int)
    sent = 0
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=REQUEST_TIMEOUT_S,
                                 headers={"accept": "text/html"}) as client:
        async def worker(i: int) -> None:
            nonlocal sent
            j = i
            while time.monotonic() < stop_at and sent < MAX_REQUESTS:
                kind, url = urls[j % len(urls)]
                j += 1
                sent += 1
                t0 = time.perf_counter()
                try:
                    r = await client.get(url)
                    ok = r.status_code == 200
                    if not ok:
                        error_kinds[f"HTTP {r.status_code}"] += 1
                except httpx.HTTPError as exc:
                    ok = False
                    error_kinds[type(exc).__name__] += 1
                dt = time.perf_counter() - t0
                latencies[kind].append(dt)
                if not ok:
                    errors[kind] += 1

        await asyncio.gather(*(worker(i) for i in range(clients)))
    return latencies, errors, error_kinds


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def report(latencies, errors, error_kinds, clients: int, seconds: float, db: Path, n_articles: int,
           load: tuple[float, float, float]) -> str:
    all_lat = [x for v in latencies.values() for x in v]
    total = len(all_lat)
    n_err = sum(errors.values())
    lines = [
        "# Load test: `presswatch serve`",
        "",
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with `python -m bench.load_serve`: "
        f"{clients} concurrent clients (httpx async) for {seconds:.0f} s against one `presswatch serve` process "
        f"(uvicorn, read-only database of {n_articles} articles from `{db.name}`) on 127.0.0.1.",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPU cores, Python {platform.python_version()}; "
        f"load average {load[0]:.1f} at the start (other work shares the cores, and the clients run on the same machine).",
        "",
        f"**{total} requests, {n_err} errors, {total / seconds:.1f} requests/s; "
        f"p50 {pct(all_lat, 50) * 1000:.0f} ms, p95 {pct(all_lat, 95) * 1000:.0f} ms.**",
        "",
        "| page | requests | errors | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind in sorted(latencies):
        v = latencies[kind]
        lines.append(f"| {kind} | {len(v)} | {errors.get(kind, 0)} | {pct(v, 50) * 1000:.0f} | {pct(v, 95) * 1000:.0f} | {max(v) * 1000:.0f} |")
    if error_kinds:
        lines += ["", "Errors: " + ", ".join(f"{k} × {n}" for k, n in sorted(error_kinds.items()))]
    lines += ["", f"Latency is measured at the client, so it includes queueing behind the other {clients - 1} clients:",
              "with one server process, p50 ≈ concurrency ÷ throughput. The server computes each page's context",
              "once per database generation (read-only, the data cannot change under it) and renders it per request.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "load_results.md")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_db(Path(tmp) / "demo")
        port = free_port()
        proc = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            urls = page_mix(base)
            n_articles = httpx.get(f"{base}/index.json", timeout=30).json()["counts"]["articles"]
            load = os.getloadavg()
            latencies, errors, kinds = asyncio.run(run_load(base, urls, args.clients, args.seconds))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        text = report(latencies, errors, kinds, args.clients, args.seconds, db, n_articles, load)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if not sum(errors.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
