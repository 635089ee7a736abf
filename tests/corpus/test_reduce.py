"""The reduce steps over digests (corpus/reduce.py) that the local loop and Spark share."""

from __future__ import annotations

import dataclasses

import pytest

from presswatch.corpus.digest import Digester, digest
from presswatch.corpus.duplicates import group_fingerprints, describe_group
from presswatch.corpus.reduce import claim_groups, duplicate_links
from presswatch.corpus.timeline import merge_timeline
from presswatch.model import Article

from .helpers import article

MOSCOW = "More than 2,000 people have been detained in Moscow, police said.\nThe figure could not be verified."
DAGESTAN = "Rights groups said 1,400 people were detained in Dagestan after the rallies.\nOfficials gave no figure."


def _pair() -> list[Article]:
    return [
        article(MOSCOW, title="Moscow detentions", published="2022-09-25T10:00:00", outlet="a.example",
                claims=[{"number": "2,000", "value": 2000, "modifier": "more than", "unit": "people",
                         "predicate": "detained"}],
                entities=[("Moscow", "GPE")]),
        article(DAGESTAN, title="Dagestan detentions", published="2022-09-25T12:00:00", outlet="b.example",
                claims=[{"number": "1,400", "value": 1400, "unit": "people", "predicate": "detained"}],
                entities=[("Dagestan", "GPE")]),
    ]


def _without_entities(a: Article) -> Article:
    return dataclasses.replace(a, annotations=[n for n in a.annotations if n.layer != "entity"])


def _one_story(digests) -> dict[str, str]:
    return {d.id: "story-1" for d in digests}


def test_reduce_detentions_in_two_places_are_no_conflict():
    digests = [digest(a) for a in _pair()]
    assert [sorted(c.places) for d in digests for c in d.claims] == [["moscow"], ["dagestan"]]
    assert claim_groups([(d.id, d.claims) for d in digests], [], _one_story(digests)) == []


def test_reduce_claims_without_the_entity_layer_lose_their_places():
    """The seeds' 2,000 vs 1,400 detained on Spark: an article rebuilt with its claims alone has no places."""
    digests = [digest(_without_entities(a)) for a in _pair()]
    assert all(not c.places for d in digests for c in d.claims)
    groups = claim_groups([(d.id, d.claims) for d in digests], [], _one_story(digests))
    assert [(g.kind, g.story) for g in groups] == [("conflict", "story-1")]


def test_reduce_a_duplicate_group_counts_as_one_source():
    text = "Officials said 300,000 reservists would be mobilised in the first wave.\nMore details were expected."
    one = article(text, title="Call-up", published="2022-09-21T08:00:00",
                  claims=[{"number": "300,000", "value": 300000, "unit": "reservists", "predicate": "mobilised"}])
    two = article(text, title="Call-up (wire)", published="2022-09-21T09:00:00", source="<copy>",
                  claims=[{"number": "300,000", "value": 300000, "unit": "reservists", "predicate": "mobilised"}])
    fps = [digest(a).fp for a in (one, two)]
    dups = [describe_group(g, {a.id: a for a in (one, two)}) for g in group_fingerprints(fps)]
    assert len(dups) == 1
    source, copies = duplicate_links(dups)
    assert source[one.id] == source[two.id] == dups[0].id and copies[one.id] == (two.id,)
    digests = [digest(a) for a in (one, two)]
    per_article = [(d.id, d.claims) for d in digests]
    assert claim_groups(per_article, dups, _one_story(digests)) == []  # alone, each copy would corroborate the other
    assert [g.kind for g in claim_groups(per_article, [], _one_story(digests))] == ["corroboration"]


def test_digest_is_frozen_and_the_compact_digest_is_built_from_it():
    a = _pair()[0]
    d = digest(a)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.title = "x"  # type: ignore[misc]
    compact = Digester().digest(a, d.fp)
    assert compact.claims == tuple(dataclasses.replace(c) for c in d.claims)
    assert [t.date for t in compact.timeline] == [t.date for t in d.timeline]


def test_merge_timeline_on_statement_keys_equals_the_merge_on_statements():
    text = "Police in Moscow detained dozens of protesters on 24 September 2022.\nThe rally was broken up."
    arts = [article(text, published="2022-09-25T10:00:00"), article(text, published="2022-09-26T10:00:00",
                                                                     source="<again>")]
    entries = [t for a in arts for t in digest(a).timeline]
    assert len(entries) == 2
    from presswatch.corpus.text import normalise

    by_key = merge_timeline(entries, [hash(normalise(t.statement)) for t in entries])
    assert by_key == merge_timeline(entries) and len(by_key) == 1
