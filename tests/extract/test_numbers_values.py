import pytest
import spacy

from presswatch.extract import numbers


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def values(blank, text: str) -> list[tuple[str, float, str | None]]:
    doc = blank(text)
    return [(doc[e.start : e.end].text, e.value, e.unit) for e in numbers.find(doc)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mobilise 300,000 new troops", ("300,000", 300000, None)),
        ("up to 1million Russians", ("1million", 1000000, None)),
        ("plans to conscript 1MILLION men", ("1MILLION", 1000000, None)),
        ("went up to $50,000 yesterday", ("$50,000", 50000, "dollars")),
        ("only three percent of Belarusians", ("three percent", 3, "percent")),
        ("around 5 per cent of the population", ("5 per cent", 5, "percent")),
        ("they settled on a million", ("a million", 1000000, None)),
        ("hundreds of thousands of men", ("hundreds of thousands", 200000, None)),
        ("tens of thousands injured", ("tens of thousands", 20000, None)),
        ("dozens of women chanted", ("dozens", 24, None)),
        ("Fifty-five thousand soldiers", ("Fifty-five thousand", 55000, None)),
        ("a $1.5bn loan", ("$1.5bn", 1.5e9, "dollars")),
        ("a crowd of several hundred", ("several hundred", 300, None)),
        ("1.2 million men", ("1.2 million", 1200000, None)),
        ("a 40% rise", ("40%", 40, "percent")),
        ("500 roubles a bottle", ("500 roubles", 500, "roubles")),
    ],
)
def test_numbers_values_of_every_form(blank, text, expected):
    assert values(blank, text) == [expected]


def test_numbers_shared_scale_in_a_range(blank):
    assert values(blank, "If thirty or fifty thousand run away") == [("thirty", 30000, None), ("fifty thousand", 50000, None)]


def test_numbers_two_numbers_stay_two(blank):
    assert [v for _, v, _ in values(blank, "30,000 or 50,000 people")] == [30000, 50000]


def test_numbers_ordinals_and_words_are_not_numbers(blank):
    assert values(blank, "the 24th of February, the first day, the tens digit") == []


def spans(blank, text: str) -> list[tuple[str, float, float | None, bool]]:
    doc = blank(text)
    return [(doc[e.start : e.end].text, e.value, e.high, e.vague) for e in numbers.find(doc)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("thousands of troops", ("thousands", 2000, 1_000_000, True)),
        ("tens of thousands injured", ("tens of thousands", 20000, 100_000, True)),
        ("hundreds of thousands of men", ("hundreds of thousands", 200000, 1_000_000, True)),
        ("Dozens of women", ("Dozens", 24, 144, True)),
        ("a few hundred protesters", ("a few hundred", 200, 1000, True)),
        ("between 200 and 300 people", ("200 and 300", 200, 300, False)),
        ("some 1,200 to 1,500 police", ("1,200 to 1,500", 1200, 1500, False)),
        ("between 2 and 3 million", ("2 and 3 million", 2_000_000, 3_000_000, False)),
        ("40-50 buses", ("40-50", 40, 50, False)),
    ],
)
def test_numbers_vague_amounts_and_ranges_carry_their_top(blank, text, expected):
    assert spans(blank, text) == [expected]


def test_numbers_a_change_a_score_and_alternatives_are_no_range(blank):
    assert [s[2] for s in spans(blank, "rose from 200 to 300")] == [None, None]
    assert [s[2] for s in spans(blank, "won 3-1 after a 2-3 loss")] == [None, None, None, None]
    assert [s[2] for s in spans(blank, "30,000 or 50,000 people")] == [None, None]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a third of voters", ("a third", 33.3, "percent")),
        ("two-thirds of the seats", ("two-thirds", 66.7, "percent")),
        ("three quarters of the budget", ("three quarters", 75, "percent")),
        ("half of the reservists", ("half", 50, "percent")),
    ],
)
def test_numbers_fractions_of_a_whole_are_percent(blank, text, expected):
    assert values(blank, text) == [expected]


def test_numbers_fraction_words_without_of_are_not_numbers(blank):
    assert values(blank, "a third man, half an hour, a quarter-final") == []
    assert values(blank, "in the second half of the year and the other half of the town") == []
