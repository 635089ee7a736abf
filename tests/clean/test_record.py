from hypothesis import given, settings
from hypothesis import strategies as st

from presswatch.clean import clean_record
from presswatch.clean.encoding import repair_text
from presswatch.model import RawRecord, paragraph_offsets

BANNER = "Monday 3 October 2022 07:15 AM Kremlin insists talks with Minsk went 'very well' as ... trends now"
MESSY = f"""{BANNER}

{BANNER}
{BANNER}

Dmitry Peskov told reporters the meeting in Sochi lasted ‚Äúalmost five hours‚Äù.¬†

Lukashenko, who has ruled since 1994, said Belarus ‚ÄĒ unlike its neighbours ‚ÄĒ wanted peace.

Lukashenko greets Putin at the residence in Sochi

Lukashenko greets Putin at the residence in Sochi

  • Belta said 9,000 troops would form a joint group
  • The drills start on Monday

read more from dailymail.....

NEXT Storm batters coast as thousands lose power ... trends now"""


def clean(text, fmt="text", **meta):
    return clean_record(RawRecord("mem.txt", text, fmt, meta))


def test_record_messy_aggregator_page_comes_out_clean():
    a = clean(MESSY)
    assert a.title == "Kremlin insists talks with Minsk went 'very well' as"
    assert a.published == "2022-10-03T07:15:00"
    assert a.outlet == "Daily Mail"
    assert a.text.split("\n\n") == [
        "Dmitry Peskov told reporters the meeting in Sochi lasted “almost five hours”.",
        "Lukashenko, who has ruled since 1994, said Belarus — unlike its neighbours — wanted peace.",
        "Lukashenko greets Putin at the residence in Sochi",
        "Belta said 9,000 troops would form a joint group",
        "The drills start on Monday",
    ]
    assert a.paragraphs == paragraph_offsets(a.text)
    reasons = [r.reason for r in a.removed]
    assert reasons.count("chrome:banner") == 2  # the first banner line is the title line
    assert reasons.count("duplicate-paragraph") == 1
    assert {"title-date-prefix", "title-suffix", "chrome:read-more", "chrome:prev-next"} <= set(reasons)


def test_record_nothing_is_lost():
    a = clean(MESSY)
    pieces = [a.title or "", a.text] + [r.text for r in a.removed]
    for line in repair_text(MESSY).splitlines():
        for word in line.replace("•", " ").split():
            assert any(word in p for p in pieces), word


def test_record_cleaning_twice_equals_cleaning_once():
    a = clean(MESSY)
    b = clean(f"{a.title}\n\n{a.text}")
    assert (b.title, b.text) == (a.title, a.text)
    assert b.removed == []


def test_record_meta_wins_over_chrome_and_body_has_no_title_line():
    body = "Minsk said the drills were defensive.\nread more from dailymail....."
    a = clean(body, fmt="html", title="Minsk drills: what we know", published="2022-10-04T08:00:00+00:00",
              outlet="The Guardian", url="https://example.org/a")
    assert a.title == "Minsk drills: what we know"
    assert a.published == "2022-10-04T08:00:00+00:00"
    assert a.outlet == "The Guardian"
    assert a.url == "https://example.org/a"
    assert a.text == "Minsk said the drills were defensive."


def test_record_without_meta_title_takes_banner_title_from_body():
    a = clean(f"{BANNER}\nPeskov spoke to reporters on Monday.", fmt="jsonl", published="3 October 2022")
    assert a.title == "Kremlin insists talks with Minsk went 'very well' as"
    assert a.published == "2022-10-03"
    assert a.text == "Peskov spoke to reporters on Monday."


def test_record_empty_input_gives_empty_article():
    a = clean("")
    assert a.text == "" and a.title is None and a.paragraphs == []


POOL = [
    BANNER,
    "Dmitry Peskov told reporters the meeting lasted ‚Äúalmost five hours‚Äù.",
    "Lukashenko greets Putin at the residence in Sochi",
    "  • Belta said 9,000 troops would form a joint group",
    "read more from dailymail.....",
    "View all",
    "Leave a Reply",
    "Previous Story",
    "Next week the parliament will vote, the speaker said.",
    "the sentence goes on in lower case",
    "Published: 09:12 BST, 3 October 2022",
    "Advert",
    "",
    "   ",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(POOL), max_size=14), st.sampled_from(["text", "html"]))
def test_record_messy_compositions_clean_idempotently(lines, fmt):
    a = clean("\n".join(lines), fmt=fmt)
    assert a.paragraphs == paragraph_offsets(a.text)
    again = clean(f"{a.title}\n\n{a.text}" if a.title else a.text, fmt=fmt if not a.title else "text")
    assert again.text == a.text


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from(["text", "jsonl"]))
def test_record_never_fails_on_arbitrary_text(text, fmt):
    a = clean(text, fmt=fmt)
    assert a.paragraphs == paragraph_offsets(a.text)
    assert "\u00a0" not in a.text


def test_record_meta_published_is_brought_to_one_iso_spelling():
    assert clean("Body.", fmt="jsonl", published="2022-09-27 09:35:00").published == "2022-09-27T09:35:00"
    assert clean("Body.", fmt="jsonl", published="2022-09-27").published == "2022-09-27"
    assert clean("Body.", fmt="jsonl", published="Tuesday 27 September 2022 09:35 AM").published == "2022-09-27T09:35:00"
    assert clean("Body.", fmt="jsonl", published="sometime soon").published is None
