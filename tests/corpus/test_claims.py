"""Claims about the same quantity: conflicts, updates, corroborations, and the traps around them."""

from presswatch.corpus.claims import agree, claim_records, find_claim_groups
from presswatch.corpus.types import ClaimRecord

from .helpers import article

WIRE = (
    "Defence Minister Sergei Shoigu said the call-up would be limited to 300,000 reservists.\n\n"
    "Shoigu also said 5,937 Russian servicemen had been killed since February 24.\n\n"
    "OVD-Info said more than 1,300 people had been detained in at least 38 cities by late evening.\n\n"
    "One-way fares to Dubai rose above 300,000 roubles."
)
TABLOID = (
    "Zelensky said 55,000 Russian soldiers had been killed since February.\n\n"
    "A newspaper reported that the decree allowed officials to call up to 1million reservists.\n\n"
    "Peskov insisted that only 300,000 reservists would be mobilised."
)
UPDATE = (
    "A monitoring group said more than 2,000 people had now been detained across Russia since the call-up "
    "was announced on Wednesday.\n\n"
    "On Saturday alone, 798 people were held in 33 towns."
)


def _wire(**kw):
    return article(WIRE, title="Putin orders mobilisation", published="2022-09-21T18:00:00", claims=[
        dict(number="300,000", value=300000, unit="reservists", speaker="Sergei Shoigu"),
        dict(number="5,937", value=5937, unit="Russian servicemen", speaker="Sergei Shoigu"),
        dict(number="1,300", value=1300, modifier="more than", unit="people", speaker="OVD-Info"),
        dict(number="300,000", value=300000, unit="roubles", occurrence=1),
    ], **kw)


def _tabloid():
    return article(TABLOID, title="Zelensky: protest", published="2022-09-22T11:00:00", claims=[
        dict(number="55,000", value=55000, unit="Russian soldiers", speaker="Volodymyr Zelensky"),
        dict(number="1million", value=1_000_000, modifier="up to", unit="reservists", speaker="Novaya Gazeta"),
        dict(number="300,000", value=300000, unit="reservists", speaker="Dmitry Peskov"),
    ])


def _update():
    return article(UPDATE, title="Detentions pass 2,000", published="2022-09-25T21:00:00", claims=[
        dict(number="2,000", value=2000, modifier="more than", unit="people", speaker="OVD-Info"),
        dict(number="798", value=798, unit="people", speaker="OVD-Info"),
    ])


def _records(*articles, story="mobilisation"):
    """The articles' claim records, as the corpus layer gives them: all in one story unless told."""
    return [c for a in articles for c in claim_records(a, story=story)]


def test_claims_records_know_what_is_counted_and_when():
    recs = {c.text + "/" + (c.unit or ""): c for c in _records(_wire(), _update())}
    assert recs["300,000/reservists"].kind == "mobilised"
    assert recs["5,937/Russian servicemen"].kind == "killed"
    assert recs["5,937/Russian servicemen"].qualifier == "russian"
    assert recs["5,937/Russian servicemen"].cumulative and recs["5,937/Russian servicemen"].since.isoformat() == "2022-02-24"
    assert recs["1,300/people"].kind == "detained" and not recs["1,300/people"].explicit_when
    assert "300,000/roubles" not in recs  # no event counted: not comparable
    assert recs["798/people"].part and recs["798/people"].when.isoformat() == "2022-09-24"
    assert recs["2,000/people"].cumulative and recs["2,000/people"].since.isoformat() == "2022-09-21"


def test_claims_modifier_up_to_a_million_disagrees_with_300000():
    recs = _records(_tabloid())
    million = next(c for c in recs if c.value == 1_000_000)
    official = next(c for c in recs if c.value == 300000)
    assert not agree(million, official)
    assert agree(official, official)


def test_claims_conflicts_across_articles_show_who_claims_what():
    groups = find_claim_groups(_records(_wire(), _tabloid(), _update()))
    conflicts = {g.topic: g for g in groups if g.kind == "conflict"}
    assert set(conflicts) == {"Russian soldiers killed", "soldiers mobilised"}
    killed = conflicts["Russian soldiers killed"]
    assert {(c.value, c.speaker) for c in killed.claims} == {(5937, "Sergei Shoigu"), (55000, "Volodymyr Zelensky")}
    mobilised = conflicts["soldiers mobilised"]
    assert {c.value for c in mobilised.claims} == {300000, 1_000_000}
    assert all(c.published for c in mobilised.claims)


def test_claims_agreeing_sources_are_a_corroboration_not_a_conflict():
    groups = find_claim_groups(_records(_wire(), _tabloid()))
    corr = [g for g in groups if g.kind == "corroboration"]
    assert len(corr) == 1
    assert {c.speaker for c in corr[0].claims} == {"Sergei Shoigu", "Dmitry Peskov"}
    assert {c.value for c in corr[0].claims} == {300000}


def test_claims_later_larger_running_count_is_an_update():
    groups = find_claim_groups(_records(_wire(), _update()))
    assert [g.kind for g in groups] == ["update"]
    assert {c.value for c in groups[0].claims} == {1300, 2000}  # 798 is one day's count, not the total


def test_claims_one_source_repeating_itself_is_no_corroboration():
    a = _wire()
    copy = _wire(source="copy")  # same text, same id: the syndicated copy shares the source
    recs = [c for c in claim_records(a, source="dup-1")] + [c for c in claim_records(copy, source="dup-1")]
    assert find_claim_groups(recs) == []


def test_claims_daily_figures_for_different_days_are_not_a_conflict():
    text = "The Finnish Border Guard said 8,572 Russians entered on Saturday, 6,470 on Sunday and just under 5,000 on Monday."
    a = article(text, published="2022-09-27T08:00:00", claims=[
        dict(number="8,572", value=8572, unit="Russians"),
        dict(number="6,470", value=6470, unit="Russians"),
        dict(number="5,000", value=5000, modifier="just under", unit="Russians"),
    ])
    recs = claim_records(a)
    assert [c.when.isoformat() for c in recs] == ["2022-09-24", "2022-09-25", "2022-09-26"]
    assert find_claim_groups(recs) == []


def test_claims_same_number_for_different_places_is_not_compared():
    text = ("Almost 100,000 Russians have crossed into Kazakhstan since the call-up.\n\n"
            "In Mongolia, more than 3,000 Russians had crossed at the border posts since the call-up.")
    a = article(text, published="2022-09-27", claims=[
        dict(number="100,000", value=100000, modifier="almost", unit="Russians"),
        dict(number="3,000", value=3000, modifier="more than", unit="Russians"),
    ], entities=[("Kazakhstan", "GPE"), ("Mongolia", "GPE")])
    assert find_claim_groups(claim_records(a)) == []


def test_claims_soldiers_and_civilians_are_different_quantities():
    text = "At least 40 civilians were killed in the strike.\n\nOfficials said 400 soldiers were killed in the strike."
    a = article(text, published="2022-09-27", claims=[
        dict(number="40", value=40, modifier="at least", unit="civilians"),
        dict(number="400", value=400, unit="soldiers"),
    ])
    assert find_claim_groups(claim_records(a)) == []


def test_claims_grouping_is_blocked_and_scales():
    # 3,000 claims of unrelated kinds/days: must finish fast and find nothing spurious.
    recs = []
    base = _records(_wire())[0]
    from dataclasses import replace
    from datetime import date, timedelta

    for i in range(3000):
        recs.append(replace(base, article=f"a{i}", source=f"a{i}", value=float(i + 1),
                            when=date(2020, 1, 1) + timedelta(days=i * 30), explicit_when=True))
    assert find_claim_groups(recs) == []


def test_claims_interval_of_unmodified_round_figures_tolerates_rounding():
    def rec(v, mod=None):
        return ClaimRecord("a", 0, v, mod, str(v), "", None, None, "killed", "soldiers", None, None, None)

    assert agree(rec(5937), rec(6000, "fewer than"))
    assert not agree(rec(55000), rec(25000, "around"))


def test_claims_hypotheticals_bases_and_rates_are_not_counts():
    text = ("'Let's say 30,000 or 50,000 people run,' Lukashenko said of the men fleeing.\n\n"
            "Shoigu said the call-up was about one percent of the roughly 25 million Russians who could be mobilised.\n\n"
            "The number of Russians entering Georgia had doubled to about 10,000 a day.")
    a = article(text, published="2022-09-26", claims=[
        dict(number="30,000", value=30000, unit="people"),
        dict(number="25 million", value=25_000_000, modifier="roughly", unit="Russians"),
        dict(number="10,000", value=10000, modifier="about", unit="Russians"),
    ])
    assert claim_records(a) == []


def test_claims_a_part_introduced_by_including_counts_the_same_thing_but_is_no_total():
    text = ("More than 2,000 people have been detained across Russia for protesting the draft, "
            "including 798 people in 33 towns on Saturday.")
    a = article(text, published="2022-09-25", claims=[
        dict(number="2,000", value=2000, modifier="more than", unit="people"),
        dict(number="798", value=798, unit="people"),
    ])
    total, part = claim_records(a)
    assert total.kind == part.kind == "detained"
    assert part.part and part.when.isoformat() == "2022-09-24"
    assert find_claim_groups([total, part]) == []


def test_claims_satire_is_no_source():
    from presswatch.model import Annotation

    a = _wire()
    a.add(Annotation("genre", "satire", score=0.9))
    assert claim_records(a) == []


PRISON = ("Guards said 12 people were killed in the riot at the prison on Tuesday.")
CRASH = ("Rescuers said 30 people were killed when the helicopter came down on Tuesday.")


def test_claims_same_kind_in_different_stories_is_no_conflict():
    prison = article(PRISON, published="2022-09-27", claims=[dict(number="12", value=12, unit="people")])
    crash = article(CRASH, published="2022-09-27", claims=[dict(number="30", value=30, unit="people")])
    assert find_claim_groups(claim_records(prison, story="s-prison") + claim_records(crash, story="s-crash")) == []
    # without a shared story, two articles must share a claimant or name one place to be about one event
    assert find_claim_groups(claim_records(prison) + claim_records(crash)) == []
    same_story = find_claim_groups(claim_records(prison, story="s1") + claim_records(crash, story="s1"))
    assert [g.kind for g in same_story] == ["conflict"]


def test_claims_two_unattributed_figures_in_one_article_are_two_things_not_a_dispute():
    text = ("The Black Death killed 100 million people in the 14th century. "
            "Historians say the plague of Justinian killed 450 million people, far more than once thought.")
    a = article(text, published="2020-03-01", claims=[
        dict(number="100 million", value=100_000_000, unit="people"),
        dict(number="450 million", value=450_000_000, unit="people"),
    ])
    recs = claim_records(a)
    assert {c.kind for c in recs} == {"killed"}
    assert [g for g in find_claim_groups(recs) if g.kind == "conflict"] == []


def test_claims_one_article_giving_two_claimants_different_figures_is_a_dispute():
    text = ("Zelensky said 55,000 Russian soldiers had been killed since February. "
            "Heappey said 25,000 Russian soldiers had been killed since February.")
    a = article(text, published="2022-09-22", claims=[
        dict(number="55,000", value=55000, unit="Russian soldiers", speaker="Volodymyr Zelensky"),
        dict(number="25,000", value=25000, unit="Russian soldiers", speaker="James Heappey"),
    ])
    (group,) = find_claim_groups(claim_records(a))
    assert group.kind == "conflict" and {c.value for c in group.claims} == {55000, 25000}


def test_claims_vague_amounts_and_ranges_are_never_compared():
    text = ("Officials said thousands of people were detained on Sunday.\n\n"
            "Police said between 200 and 300 people were detained on Sunday.")
    a = article(text, published="2022-09-26", claims=[
        dict(number="thousands", value=2000, unit="people", speaker="officials"),
        dict(number="200 and 300", value=200, unit="people", speaker="police"),
    ])
    a.annotations[0].attrs.update(vague=True, high=1_000_000)
    a.annotations[1].attrs.update(high=300)
    assert claim_records(a) == []


def test_claims_a_smaller_running_count_of_unknown_day_is_no_conflict():
    undated = article("More than 1,400 people were arrested in demonstrations across Russia yesterday.", claims=[
        dict(number="1,400", value=1400, modifier="more than", unit="people")])
    dated = article("More than 2,000 people have been detained across Russia, a monitoring group said.",
                    published="2022-09-25", claims=[
                        dict(number="2,000", value=2000, modifier="more than", unit="people", speaker="OVD-Info")])
    recs = claim_records(undated, story="s1") + claim_records(dated, story="s1")
    assert {c.kind for c in recs} == {"detained"}
    assert [g for g in find_claim_groups(recs) if g.kind == "conflict"] == []


def test_claims_two_disputes_whose_claims_link_are_two_groups():
    battle = ("Officials said 400 soldiers were killed in the battle on Tuesday. "
              "Rebels said 2,000 soldiers were killed in the battle on Tuesday.")
    crash = ("Police said 12 soldiers were killed in the crash on Tuesday. "
             "Witnesses said 30 soldiers were killed in the crash on Tuesday.")
    a = article(battle, published="2023-10-04", claims=[
        dict(number="400", value=400, unit="soldiers", speaker="officials"),
        dict(number="2,000", value=2000, unit="soldiers", speaker="rebels"),
    ])
    b = article(crash, published="2023-10-04", claims=[
        dict(number="12", value=12, unit="soldiers", speaker="police"),
        dict(number="30", value=30, unit="soldiers", speaker="witnesses"),
    ])
    recs = claim_records(a, story="s-battle") + claim_records(b, story="s-crash")
    conflicts = [g for g in find_claim_groups(recs) if g.kind == "conflict"]
    assert sorted(sorted(c.value for c in g.claims) for g in conflicts) == [[12, 30], [400, 2000]]
