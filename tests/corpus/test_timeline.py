"""Dates in text resolved against the publication date, and the dated statements of a story."""

from datetime import date

from presswatch.corpus.timeline import find_dates, find_timeline, merge_timeline, reference_date

from .helpers import article

PUBLISHED = date(2022, 9, 22)  # a Thursday


def _one(text: str, base: date | None = PUBLISHED):
    (d,) = find_dates(text, base)
    return d


def test_timeline_relative_days_resolve_against_publication():
    assert _one("Yesterday, an officer was shot.").first == date(2022, 9, 21)
    assert _one("Protests were held today.").first == PUBLISHED
    assert _one("Police said last night that 40 were held.").first == date(2022, 9, 21)


def test_timeline_weekdays_are_the_most_recent_one():
    assert _one("Putin spoke on Wednesday.").first == date(2022, 9, 21)
    assert _one("He arrived on Thursday.").first == PUBLISHED
    assert _one("They met last Thursday.").first == date(2022, 9, 15)
    assert _one("Talks resume next Monday.").first == date(2022, 9, 26)


def test_timeline_spans_have_their_precision():
    week = _one("Flights were sold out this week.")
    assert (week.first, week.last, week.precision) == (date(2022, 9, 19), date(2022, 9, 25), "week")
    month = _one("A poll conducted in May found little support.")
    assert (month.first, month.precision, month.relative) == (date(2022, 5, 1), "month", True)
    assert _one("Queues grew at the weekend.", date(2022, 9, 27)).first == date(2022, 9, 24)


def test_timeline_absolute_dates_need_no_publication_date():
    assert _one("The decree of 21 September 2022 was published.", None).first == date(2022, 9, 21)
    assert _one("He spoke on September 21, 2022 in Moscow.", None).first == date(2022, 9, 21)
    assert _one("On October 10 he announced it.").first == date(2022, 10, 10)
    assert find_dates("Yesterday he spoke.", None) == []


def test_timeline_may_the_verb_is_no_date():
    assert find_dates("Belarus may join the war, officials may 2 say.", PUBLISHED) == []


def test_timeline_reference_date_falls_back_to_the_dateline():
    a = article("By Marta Vilkaite | Sunday, 25 September 2022, 21:10\n\nOn Saturday alone, 798 people were held.")
    assert reference_date(a) == date(2022, 9, 25)
    (entry,) = [t for t in find_timeline(a) if "798" in t.statement]
    assert entry.date == date(2022, 9, 24) and entry.relative


def test_timeline_statements_are_sorted_and_repeats_kept_once():
    text = "Putin spoke on Wednesday.\n\nYesterday, protests spread.\n\nPutin spoke on Wednesday."
    a = article(text, published="2022-09-23T10:00:00")
    entries = merge_timeline(find_timeline(a, story="s1"))
    assert [(t.date.isoformat(), t.statement) for t in entries] == [
        ("2022-09-21", "Putin spoke on Wednesday."),
        ("2022-09-22", "Yesterday, protests spread."),
    ]
    assert all(a.text[t.start : t.end] == t.statement for t in entries)
