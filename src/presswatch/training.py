"""What every trained bundle shares: whether it is current, how it is loaded at run time, and the
``--if-missing`` command line that `make models` runs (the static encoder, the English and the
multilingual rhetoric bundles, the narrative and the role models).

A bundle is current when its file exists and the metrics file saved beside it records the values
the code expects (its bundle version, the static encoder it was trained on): `make models` then
does nothing, and it retrains what an older version of the code built.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
from pathlib import Path
from typing import Any, Callable


def bundle_current(folder: Path, bundle: str, metrics: str, **expected: Any) -> bool:
    """Whether ``folder/bundle`` exists and ``folder/metrics`` (JSON) records every ``expected`` value."""
    try:
        recorded = json.loads((Path(folder) / metrics).read_text())
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict) or not (Path(folder) / bundle).exists():
        return False
    return all(recorded.get(key) == value for key, value in expected.items())


class ModelsMissing(RuntimeError):
    """A trained bundle is not there, or an older presswatch built it; `make models` builds it."""


_loaded: dict[Path, Any] = {}
_lock = threading.Lock()


def load_trained(folder: Path, bundle: str, *, current: Callable[[Path], bool], what: str, trainer: str) -> Any:
    """The joblib bundle ``folder/bundle``, loaded once per process: ModelsMissing, saying what to run,
    when it is absent or not ``current`` (the check ``--if-missing`` makes, so both agree)."""
    path = Path(folder) / bundle
    with _lock:
        if path not in _loaded:
            if not path.exists():
                raise ModelsMissing(f"{what} missing ({path} not found): run `make models` "
                                    f"(python -m {trainer}) to train it from ../shared/datasets")
            if not current(Path(folder)):
                raise ModelsMissing(f"{what} in {folder} was trained by an older presswatch or on another static "
                                    f"encoder: run `make models` again (or delete {path})")
            import joblib

            _loaded[path] = joblib.load(path)
        return _loaded[path]


def train_main(
    argv: list[str] | None,
    *,
    prog: str,
    doc: str | None,
    default_out: Path,
    what: str,
    current: Callable[[Path], bool],
    train: Callable[[Path], Any],
) -> int:
    """`python -m <prog> [--if-missing] [--out DIR]`: train ``what`` into DIR unless ``--if-missing``
    finds a current one there."""
    parser = argparse.ArgumentParser(prog=f"python -m {prog}", description=(doc or what).splitlines()[0])
    parser.add_argument("--if-missing", action="store_true", help=f"do nothing when a current {what} is there")
    parser.add_argument("--out", type=Path, default=default_out, help=f"folder for the {what}")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    log = logging.getLogger(prog)
    if args.if_missing and current(args.out):
        log.info("%s already in %s", what, args.out)
        return 0
    train(args.out)
    log.info("%s saved in %s", what, args.out)
    return 0


def run(main: Callable[[list[str] | None], int]) -> None:
    """Exit with what a trainer's ``main`` returns (the ``__main__`` block of every trainer)."""
    sys.exit(main(None))
