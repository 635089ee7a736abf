"""Exact and near duplicates: linked earliest first, with the paragraphs that differ."""

import random

from presswatch.corpus.duplicates import candidate_pairs, find_duplicates, fingerprint, paragraph_diff

from .helpers import article

WIRE = "\n\n".join(
    [
        "Vladimir Putin on Wednesday ordered the first call-up of reservists since the Second World War, "
        "a partial mobilisation that his defence minister said would put 300,000 more men into uniform.",
        "The decree applies to men already listed in the reserve who have served in the armed forces or hold "
        "a military specialty, according to the text published on the Kremlin website.",
        "Within hours of the broadcast, anti-war protests broke out in Moscow, St Petersburg and dozens of "
        "smaller cities, and a monitoring group said more than 1,300 people had been detained.",
        "Flights out of Moscow to Istanbul, Yerevan and Belgrade were sold out for the rest of the week, "
        "travel sites showed, and one-way fares to Dubai rose sharply.",
    ]
)
OTHER = (
    "Lukashenko arrived in Sochi on Monday for talks with Putin, his first meeting with the Russian "
    "president since the mobilisation was announced.\n\nThe two men discussed gas prices, the harvest and "
    "a joint regional grouping of troops, the Kremlin said afterwards."
)


def test_duplicates_exact_copies_are_one_exact_group_earliest_first():
    late = article(WIRE, title="Copy", published="2022-09-22T08:00:00", outlet="b")
    early = article(WIRE, title="Original", published="2022-09-21T18:00:00", outlet="a")
    groups = find_duplicates([late, early, article(OTHER, title="Sochi")])
    assert len(groups) == 1
    g = groups[0]
    assert g.kind == "exact"
    assert [m.outlet for m in g.members] == ["a", "b"]
    assert g.members[1].added == () and g.members[1].removed == ()


def test_duplicates_syndicated_copy_with_new_chrome_lists_added_and_removed_paragraphs():
    paras = WIRE.split("\n\n")
    copy_text = "\n\n".join(["Read the latest from our regional desk before the weather turns."] + paras[:3])
    base = article(WIRE, title="Wire", published="2022-09-21T18:00:00")
    copy = article(copy_text, title="Wire (regional)", published="2022-09-21T19:40:00")
    (g,) = find_duplicates([copy, base])
    assert g.kind == "near"
    assert g.members[0].article == base.id
    assert g.members[1].added == ("Read the latest from our regional desk before the weather turns.",)
    assert g.members[1].removed == (paras[3],)


def test_duplicates_trimmed_copy_is_found_by_containment():
    paras = WIRE.split("\n\n")
    long_text = WIRE + "\n\n" + "\n\n".join(
        f"Background paragraph {i} about the history of the reserve system and the {i} regions it covers, "
        f"with details that only the full version carries, number {i}." for i in range(12)
    )
    full = article(long_text, title="Full", published="2022-09-21T18:00:00")
    trimmed = article("\n\n".join(paras[:3]), title="Trimmed", published="2022-09-21T20:00:00")
    groups = find_duplicates([full, trimmed])
    assert len(groups) == 1 and {m.article for m in groups[0].members} == {full.id, trimmed.id}


def test_duplicates_different_articles_on_one_topic_are_not_linked():
    a = article(WIRE, title="Wire")
    b = article(OTHER, title="Sochi")
    assert find_duplicates([a, b]) == []


def test_duplicates_paragraph_diff_ignores_spacing_and_small_edits():
    base = article("First paragraph here with words.\n\nSecond paragraph, the same in both copies.")
    other = article("First  paragraph here with words.\n\nSecond paragraph, the same in both copies!")
    assert paragraph_diff(base, other) == ((), ())


def test_duplicates_candidates_come_from_lsh_not_all_pairs():
    rng = random.Random(4)
    vocab = [f"w{i}" for i in range(5000)]
    arts = [article(" ".join(rng.choice(vocab) for _ in range(300)), title=str(i)) for i in range(300)]
    arts.append(article(arts[7].text + " one more closing sentence", title="copy of 7"))
    pairs = candidate_pairs([fingerprint(a) for a in arts])
    assert [(i, j) for i, j, _ in pairs] == [(7, 300)]
