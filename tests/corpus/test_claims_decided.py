"""The extract layer decides what a claim counts and when; the corpus layer reads it back as typed attrs."""

from dataclasses import replace

from presswatch.attrs import ClaimAttrs
from presswatch.corpus.claims import claim_records
from presswatch.extract.claims import compared
from presswatch.model import Annotation

from .helpers import article

TEXT = (
    "OVD-Info said more than 1,300 people had been detained in Moscow since September 21.\n\n"
    "If 1 million reservists were called up, the army could not train them.\n\n"
    "About 10,000 people a day crossed the border at Upper Lars."
)


def _article():
    return article(TEXT, title="Protests", published="2022-09-24T10:00:00", claims=[
        dict(number="1,300", value=1300, modifier="more than", unit="people", speaker="OVD-Info"),
        dict(number="1 million", value=1_000_000, unit="reservists"),
        dict(number="10,000", value=10000, modifier="about", unit="people"),
    ], entities=[("Moscow", "GPE")])


def _decided(a):
    anns = a.layer("claim")
    a.annotations = [x for x in a.annotations if x.layer != "claim"] + [
        Annotation(x.layer, x.label, x.start, x.end, attrs=d.to_dict()) for x, d in zip(anns, compared(a, anns))
    ]
    return a


def test_compared_decides_kind_timing_and_leaves_out_supposed_figures_and_rates():
    a = _article()
    got = compared(a)
    assert all(d.decided for d in got)
    detained, supposed, rate = got
    assert (detained.kind, detained.subject, detained.plain_modifier) == ("detained", "people", "more than")
    assert detained.cumulative and detained.since_day is not None and detained.since_day.isoformat() == "2022-09-21"
    assert "moscow" in detained.places
    assert a.text[detained.sentence_start : detained.sentence_end].startswith("OVD-Info said")
    assert supposed.kind is None  # "If 1 million ... were called up": a supposed figure
    assert rate.kind is None  # "10,000 a day": a rate


def test_stored_decisions_round_trip_through_the_attrs_dict():
    a = _article()
    for d in compared(a):
        assert ClaimAttrs.from_dict(d.to_dict()) == d


def test_corpus_reads_the_decided_attrs_and_decides_older_claims_the_same_way():
    old = claim_records(_article())  # no `decided`: decided on load
    new = claim_records(_decided(_article()))
    assert new == old and [c.kind for c in new] == ["detained"]


def test_corpus_only_reads_what_the_extract_layer_decided():
    a = _decided(_article())
    ann = a.layer("claim")[0]
    d = ClaimAttrs.of(ann)
    ann.attrs.update(replace(d, kind="killed", subject="people", when="2022-09-20").to_dict())
    (rec,) = claim_records(a)
    assert (rec.kind, rec.when.isoformat()) == ("killed", "2022-09-20")


def test_the_extract_layer_imports_the_corpus_helpers_without_the_corpus_layer():
    import subprocess
    import sys

    code = ("import sys, presswatch.extract.claims; "
            "print(sorted(m for m in sys.modules if m in ('presswatch.corpus.claims', 'presswatch.corpus.stage')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"  # corpus.claims imports extract.claims, never the other way round
