"""A short run of the load benchmark: a real `presswatch serve` process answers concurrent clients without errors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    spec = importlib.util.spec_from_file_location("load_serve", ROOT / "bench" / "load_serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.slow
def test_load_smoke_concurrent_clients_get_no_errors(web_db, tmp_path):
    path, _ = web_db
    bench = load_bench()
    out = tmp_path / "load.md"
    rc = bench.main(["--db", str(path), "--clients", "10", "--seconds", "3", "--out", str(out)])
    text = out.read_text()
    assert rc == 0, text
    assert ", 0 errors," in text and "| article |" in text and "| search |" in text
