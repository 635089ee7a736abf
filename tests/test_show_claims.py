"""`presswatch show`: a vague amount or a range is listed as what it is, never as one exact value."""

from __future__ import annotations

from presswatch.model import Annotation
from presswatch.show import _describe


def test_show_claims_vague_amount_is_no_exact_value():
    vague = Annotation("claim", "number", 0, 9, attrs={"value": 2000, "unit": "troops", "vague": True, "high": 1000000})
    text = _describe(vague)
    assert "amount='2,000 to 1,000,000 (vague)'" in text and "value=" not in text and "unit='troops'" in text
    ranged = Annotation("claim", "number", 0, 11, attrs={"value": 200, "unit": "people", "high": 300})
    assert "amount='200–300'" in _describe(ranged) and "value=" not in _describe(ranged)
    exact = Annotation("claim", "number", 0, 5, attrs={"value": 1400, "unit": "people"})
    assert "value=1400" in _describe(exact) and "amount" not in _describe(exact)
