"""Regenerate docs/cli.md from the CLI itself: `python docs/gen_cli.py`."""

from pathlib import Path

from presswatch.interop.clidoc import write

if __name__ == "__main__":
    print(f"wrote {write(Path(__file__).resolve().parent / 'cli.md')}")
