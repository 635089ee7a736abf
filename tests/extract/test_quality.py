"""Quality gate: the extract scores on examples/ must not drop below those recorded in bench/."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

TOLERANCE = 0.03


@pytest.fixture(scope="module")
def scores():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench import extract_bench

    return extract_bench.run(), extract_bench.recorded()


@pytest.mark.parametrize("split", ["examples", "heldout", "blind"])
@pytest.mark.parametrize("measure", ["quotes", "speakers", "claims", "claim_speakers"])
@pytest.mark.parametrize("kind", ["precision", "recall"])
def test_quality_does_not_drop(scores, split, measure, kind):
    now, recorded = scores
    if split not in now:
        pytest.skip(f"no {split} gold on this machine (../shared/datasets missing)")
    value = getattr(now[split][measure], kind)
    floor = recorded[split][measure][kind] - TOLERANCE
    assert value >= floor, (
        f"{split} {measure} {kind} fell to {value:.3f} (recorded {recorded[split][measure][kind]:.3f}); misses:\n"
        + "\n".join(now[split][measure].wrong[:20])
    )
