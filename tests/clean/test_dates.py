import pytest

from presswatch.clean.dates import match_date_prefix, parse_date, parse_dateline


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Tuesday 27 September 2022 09:35 AM", "2022-09-27T09:35:00"),
        ("Sunday 25 September 2022 08:32 PM", "2022-09-25T20:32:00"),
        ("Thursday, September 22, 2022 at 9:05 p.m.", "2022-09-22T21:05:00"),
        ("12 Oct 2022", "2022-10-12"),
        ("2022-10-12T07:00", "2022-10-12T07:00:00"),
    ],
)
def test_dates_parse_date_gives_iso_8601(text, iso):
    assert parse_date(text) == iso


def test_dates_prefix_stops_before_headline_words():
    m = match_date_prefix("Monday 3 October 2022 10:00 AM The Kremlin says ...")
    assert m is not None and m.iso == "2022-10-03T10:00:00"
    assert "Monday 3 October 2022 10:00 AM The Kremlin"[m.end :].strip().startswith("The")


def test_dates_reject_sentences_and_impossible_dates():
    assert parse_date("27 September 2022 was the day it began") is None
    assert parse_date("31 February 2022") is None
    assert parse_date("13:99 yesterday") is None
    assert match_date_prefix("Mayday calls rose 3 times") is None


def test_dates_dateline_takes_first_of_published_and_updated():
    line = "Published: 10:21 BST, 22 September 2022 | Updated: 12:40 BST, 22 September 2022"
    assert parse_dateline(line) == "2022-09-22T10:21:00"
    assert parse_dateline("Published: 22 September 2022, said the ministry in a statement") is None


def test_dates_suffix_needs_a_separator():
    from presswatch.clean.dates import match_date_suffix

    line = "Border queues grow - September 25, 2022 08:32 PM"
    m = match_date_suffix(line)
    assert m is not None and m.iso == "2022-09-25T20:32:00" and line[: m.end] == "Border queues grow"
    assert match_date_suffix("Queues grew on September 25, 2022") is None
