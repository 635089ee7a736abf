import pytest

from presswatch.clean import clean_record
from presswatch.clean.byline import byline_date, is_byline, is_share_widget
from presswatch.model import RawRecord


@pytest.mark.parametrize("line", [
    "By Marta Vilkaite | Sunday, 25 September 2022, 21:10",
    "By DANIEL HARGREAVES FOR DAILYCOURIER",
    "By Reuters",
    "OPINION | Friday 23 September 2022 | Helen Ashdown",
    "Published: 11:02 BST, 22 September 2022 | Updated: 14:37 BST, 22 September 2022",
])
def test_byline_recognises_header_bylines(line):
    assert is_byline(line)


@pytest.mark.parametrize("line", [
    "By the end of the week, thousands had fled.",
    "By Sunday, 25 September 2022, more than 2,000 people had been detained across Russia.",
    "By Putin's order, men were called up.",
    "Officials | who spoke on condition of anonymity | said the queue was 2,300 cars long on 25 September 2022",
])
def test_byline_leaves_article_sentences(line):
    assert not is_byline(line)


def test_byline_date_comes_from_any_segment():
    assert byline_date("OPINION | Friday 23 September 2022 | Helen Ashdown") == "2022-09-23"
    assert byline_date("By Marta Vilkaite | Sunday, 25 September 2022, 21:10") == "2022-09-25T21:10:00"


def test_byline_share_widget_lines():
    assert is_share_widget("Share this: Facebook | Twitter | WhatsApp")
    assert not is_share_widget("Facebook said it had removed the accounts | Reuters")


def test_byline_clean_removes_header_byline_and_dates_the_article():
    raw = (
        "Queues grow at the border\n\n"
        "By Marta Vilkaite | Sunday, 25 September 2022, 21:10\n"
        "Thousands of men queued at the crossing as the call-up widened across the country.\n"
        "By the end of the day the line of cars stretched for miles.\n"
        "Share this: Facebook | Twitter | WhatsApp\n"
    )
    a = clean_record(RawRecord("x.txt", raw, "text"))
    assert a.published == "2022-09-25T21:10:00"
    assert "Marta Vilkaite" not in a.text and "Share this" not in a.text
    assert "By the end of the day" in a.text
    assert {r.reason for r in a.removed} >= {"chrome:byline", "chrome:social"}
    again = clean_record(RawRecord("x.txt", a.title + "\n\n" + a.text.replace("\n\n", "\n"), "text"))
    assert again.text == a.text and again.removed == []
