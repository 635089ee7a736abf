"""What the benchmark scripts share: writing their Markdown result beside them."""

from __future__ import annotations

from pathlib import Path

BENCH = Path(__file__).resolve().parent


def write_markdown(name: str, lines: list[str]) -> Path:
    """Write ``lines`` to bench/``name`` (one line each) and print them; the path written."""
    out = BENCH / name
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return out
