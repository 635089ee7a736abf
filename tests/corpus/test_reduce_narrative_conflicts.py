"""Narrative conflicts, the corpus reduce shared by the local pass and Spark: outlets of one story that
cast one entity opposite ways, or push a narrative the others (pushing another of its domain) do not."""

from __future__ import annotations

import json

from presswatch.corpus import stage as corpus_stage
from presswatch.corpus.digest import digest
from presswatch.corpus.embed import FALLBACK_NAME
from presswatch.corpus.reduce import narrative_conflicts
from presswatch.model import Annotation, Article
from presswatch.options import Options
from presswatch.store import Store
from presswatch.store.read import Reader

from .helpers import article, entity

BODY = ("Vladimir Putin ordered a partial mobilisation of reservists on Wednesday, and Volodymyr Zelensky "
        "answered him in a late-night video address.\n\nMore detail on the day's events follows here.")
URW_HOPELESS = "URW: Discrediting Ukraine"
URW_PRAISE = "URW: Praise of Russia"


def _cast(a: Article, mention: str, role: str, score: float | None = 0.9, canonical: str | None = None,
          fine: tuple[str, ...] = ()) -> Article:
    start = a.text.index(mention)
    name = canonical or mention
    a.add(Annotation("entity", "PERSON", start, start + len(mention), attrs={"canonical": name}))
    a.add(Annotation("role", role, start, start + len(mention), score, {"canonical": name, "fine": list(fine)}))
    return a


def _push(a: Article, label: str, score: float = 0.8, domain: str | None = "URW", subs=()) -> Article:
    a.add(Annotation("narrative", label, None, None, score, {"domain": domain, "subnarratives": list(subs)}))
    return a


def _art(outlet: str | None, published: str = "2022-09-21T10:00:00", title: str = "Putin orders mobilisation"):
    return article(BODY, title=f"{title} ({outlet})", published=published, outlet=outlet)


def _reduce(articles, story="s1", aliases=None):
    digests = [digest(a) for a in articles]
    return narrative_conflicts([(d.id, d.stances) for d in digests], {d.id: story for d in digests}, aliases)


def test_reduce_one_entity_cast_hero_and_villain_by_two_outlets_is_flagged():
    hero = _cast(_art("Kyiv Post"), "Volodymyr Zelensky", "Protagonist", fine=("Guardian",))
    villain = _cast(_art("RT"), "Volodymyr Zelensky", "Antagonist", 0.7, fine=("Deceiver",))
    [c] = _reduce([hero, villain])
    assert (c.kind, c.story, c.topic, c.domain) == ("role", "s1", "Volodymyr Zelensky", None)
    assert [(s.outlet, s.label, s.fine) for s in c.side] == [("Kyiv Post", "Protagonist", ("Guardian",))]
    assert [(s.outlet, s.label, s.score) for s in c.other] == [("RT", "Antagonist", 0.7)]


def test_reduce_the_same_casting_in_two_outlets_is_no_conflict():
    one = _cast(_art("Kyiv Post"), "Volodymyr Zelensky", "Protagonist")
    two = _cast(_art("BBC"), "Volodymyr Zelensky", "Protagonist")
    assert _reduce([one, two]) == []


def test_reduce_opposite_castings_need_two_sources_confidence_and_one_story():
    # one outlet changing its mind is not two sources disagreeing
    assert _reduce([_cast(_art("RT"), "Volodymyr Zelensky", "Protagonist"),
                    _cast(_art("RT", title="Later"), "Volodymyr Zelensky", "Antagonist")]) == []
    # a casting scored below ROLE_CONFIDENCE is no stance
    assert _reduce([_cast(_art("Kyiv Post"), "Volodymyr Zelensky", "Protagonist"),
                    _cast(_art("RT"), "Volodymyr Zelensky", "Antagonist", 0.3)]) == []
    # Innocent is opposite to neither
    assert _reduce([_cast(_art("Kyiv Post"), "Volodymyr Zelensky", "Innocent"),
                    _cast(_art("RT"), "Volodymyr Zelensky", "Antagonist")]) == []
    # two stories are two events
    a, b = _cast(_art("Kyiv Post"), "Volodymyr Zelensky", "Protagonist"), _cast(_art("RT"), "Volodymyr Zelensky",
                                                                                   "Antagonist")
    da, db = digest(a), digest(b)
    assert narrative_conflicts([(da.id, da.stances), (db.id, db.stances)], {da.id: "s1", db.id: "s2"}) == []


def test_reduce_folds_spellings_of_one_entity_before_comparing():
    hero = _cast(_art("Kyiv Post"), "Volodymyr Zelensky", "Protagonist")
    villain = _cast(_art("RT"), "Zelensky", "Antagonist", canonical="Zelensky")
    assert _reduce([hero, villain]) == []
    [c] = _reduce([hero, villain], aliases={"Zelensky": "Volodymyr Zelensky"})
    assert c.topic == "Volodymyr Zelensky"


def test_reduce_an_article_casting_is_its_mentions_main_role():
    a = _art("RT")
    _cast(a, "Volodymyr Zelensky", "Antagonist", 0.6)
    start = a.text.index("him")
    for role, score in (("Protagonist", 0.55), ("Protagonist", 0.52)):  # two weaker mentions outweigh one
        a.add(Annotation("role", role, start, start + 3, score, {"canonical": "Volodymyr Zelensky"}))
    [(name, stance)] = digest(a).stances[0]
    assert (name, stance.label, stance.score) == ("Volodymyr Zelensky", "Protagonist", 0.55)


def test_reduce_a_narrative_one_outlet_pushes_and_another_does_not_is_flagged():
    pro = _push(_art("RT"), URW_HOPELESS, 0.8, subs=("URW: Discrediting Ukraine: Situation in Ukraine is hopeless",))
    other = _push(_art("Kyiv Post"), URW_PRAISE, 0.7)
    conflicts = _reduce([pro, other])
    assert [(c.kind, c.topic, c.domain) for c in conflicts] == [("narrative", URW_HOPELESS, "URW"),
                                                               ("narrative", URW_PRAISE, "URW")]
    first = conflicts[0]
    assert [(s.outlet, s.label) for s in first.side] == [("RT", URW_HOPELESS)]
    assert [(s.outlet, s.label) for s in first.other] == [("Kyiv Post", URW_PRAISE)]
    assert first.side[0].fine == ("URW: Discrediting Ukraine: Situation in Ukraine is hopeless",)


def test_reduce_shared_other_and_cross_domain_narratives_are_no_conflict():
    # both push it: no side pushes something the other does not
    assert _reduce([_push(_art("RT"), URW_HOPELESS), _push(_art("BBC"), URW_HOPELESS)]) == []
    # another domain's narrative is not "a different narrative of the same domain"
    assert _reduce([_push(_art("RT"), URW_HOPELESS),
                    _push(_art("BBC"), "CC: Criticism of institutions and authorities", domain="CC")]) == []
    # Other is no narrative; a weak push is no push
    assert _reduce([_push(_art("RT"), URW_HOPELESS), _push(_art("BBC"), "Other", 0.9, domain=None)]) == []
    assert _reduce([_push(_art("RT"), URW_HOPELESS), _push(_art("BBC"), URW_PRAISE, 0.2)]) == []


def _two_outlets():
    hero = _push(_cast(_art("Kyiv Post"), "Volodymyr Zelensky", "Protagonist"), URW_PRAISE, 0.9)
    villain = _cast(article(BODY + "\n\nThe address was broadcast twice.", title="Putin orders mobilisation",
                            published="2022-09-21T12:00:00", outlet="RT"), "Volodymyr Zelensky", "Antagonist")
    hero.add(entity(BODY, "Vladimir Putin", "PERSON"))
    villain.add(entity(BODY, "Vladimir Putin", "PERSON"))
    return hero, villain


def test_reduce_the_corpus_pass_writes_narrative_conflicts_to_json_and_the_database(tmp_path):
    hero, villain = _two_outlets()
    layer = corpus_stage.make_corpus(Options.build(corpus_embedder=FALLBACK_NAME))
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([hero, villain])
        data = layer(store=store, articles=[])
        stored = Reader(store.con).narrative_conflicts()
    json.dumps(data)
    [story] = data["stories"]
    [c] = data["narrative_conflicts"]
    assert (c["kind"], c["topic"], c["story"]) == ("role", "Volodymyr Zelensky", story["id"])
    assert [(s["article"], s["label"]) for s in c["side"]] == [(hero.id, "Protagonist")]
    assert [(s["article"], s["label"]) for s in c["other"]] == [(villain.id, "Antagonist")]
    assert [x.to_dict() for x in stored] == data["narrative_conflicts"]
    import presswatch

    with presswatch.open(tmp_path / "db.duckdb") as db:
        assert db.corpus_section("narrative_conflicts") == data["narrative_conflicts"]


def test_reduce_in_memory_corpus_gives_the_same_conflicts():
    hero, villain = _two_outlets()
    data = corpus_stage.make_corpus(Options.build(corpus_embedder=FALLBACK_NAME))(articles=[hero, villain])
    assert [(c["kind"], c["topic"]) for c in data["narrative_conflicts"]] == [("role", "Volodymyr Zelensky")]


def test_reduce_spark_digest_rows_carry_the_stances_the_reduce_reads():
    """Spark's per-partition row (scale/spark_stories.input_row) pickles the digest's stances; the driver's
    reduce over them finds what the local reduce finds."""
    import pickle

    import numpy as np

    from presswatch.scale.spark_stories import INPUT_SCHEMA, input_row

    hero, villain = _two_outlets()
    at = INPUT_SCHEMA.split(", ").index("stances binary")
    rows = [input_row(a, np.zeros(4, dtype=np.float32)) for a in (hero, villain)]
    assert input_row(_art("BBC"), np.zeros(4, dtype=np.float32))[at] is None  # nothing cast, nothing pushed: NULL
    per_article = [(r[0], pickle.loads(r[at])) for r in rows]
    assert [s for _, s in per_article] == [digest(hero).stances, digest(villain).stances]
    story_of = {hero.id: "s", villain.id: "s"}
    assert narrative_conflicts(per_article, story_of) == _reduce([hero, villain], story="s")
