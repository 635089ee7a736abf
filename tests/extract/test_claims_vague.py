"""Vague amounts and ranges are recorded as what they are: an order of magnitude or a span, never a count."""

from presswatch.attrs import ClaimAttrs

from .conftest import claims_of


def test_claims_vague_amounts_and_ranges_keep_their_bounds(extracted):
    a = extracted(
        "Thousands of troops massed at the border on Monday. Between 200 and 300 people were detained in Minsk, "
        "and police said 1,400 people were arrested in Moscow."
    )
    by = {c["text"]: c for c in claims_of(a)}
    thousands = ClaimAttrs.from_dict(by["Thousands"])
    assert (thousands.value, thousands.high, thousands.vague, thousands.exact) == (2000, 1_000_000, True, False)
    rng = ClaimAttrs.from_dict(by["200 and 300"])
    assert (rng.value, rng.high, rng.vague, rng.exact) == (200, 300, False, False)
    exact = next(c for c in a.layer("claim") if c.span_text(a.text) == "1,400")
    assert "high" not in exact.attrs and "vague" not in exact.attrs  # an exact count stores what it did before
    assert ClaimAttrs.of(exact).exact and ClaimAttrs.of(exact).amount() == "1,400"
