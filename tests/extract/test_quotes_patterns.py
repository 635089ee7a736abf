"""Quote patterns of issue 20, each in our own test article written in the messy shapes of real
news: inverted attribution, transcript turns, titles and scare quotes, addressees, broken speaker
phrases, quotes run over one-sentence lines, two-apostrophe marks, sign-offs."""

from .conftest import quotes_of


def speakers(article) -> dict[str, str | None]:
    return {q: s for q, _, s in quotes_of(article)}


def test_quotes_patterns_inverted_said_name_after_quote(extracted):
    a = extracted(
        "Nuclear experts were alarmed by the drill near the border on Tuesday.\n\n"
        "“This is the most dangerous moment since the Cuban missile crisis,” said James Acton, "
        "a physicist at the Carnegie Endowment.\n\n"
        "Said Ellis: “Nobody in Washington wants to talk about it.”"
    )
    found = speakers(a)
    assert found["This is the most dangerous moment since the Cuban missile crisis"] == "James Acton"
    assert found["Nobody in Washington wants to talk about it."] == "Ellis"


def test_quotes_patterns_they_wrote_takes_the_group_named_before(extracted):
    a = extracted(
        "Forty senators signed a letter to the Pentagon on Friday.\n\n"
        "“The public deserves a full accounting of what happened,” they wrote."
    )
    [(quote, label, speaker)] = quotes_of(a)
    assert label == "direct"
    assert speaker == "Forty senators"


def test_quotes_patterns_transcript_turns(extracted):
    a = extracted(
        "The following is a transcript of the interview, lightly edited.\n\n"
        "WALLACE: Governor, will you accept the result of the election?\n\n"
        "PENCE: We are going to win this election, and I believe the American people will decide.\n\n"
        "WALLACE: That is not an answer to my question."
    )
    found = quotes_of(a)
    assert [(s, label) for _, label, s in found] == [("Wallace", "direct"), ("Pence", "direct"), ("Wallace", "direct")]
    assert found[1][0].startswith("We are going to win")


def test_quotes_patterns_show_and_event_titles_are_not_quotes(extracted):
    a = extracted(
        "Senator Amy Klobuchar appeared on CBS's “Face the Nation” on Sunday.\n\n"
        "She will respond to the president after the “State of the Union.”\n\n"
        "Klobuchar told “Fox News Sunday” that the bill “will not pass the Senate this year.”"
    )
    found = [q for q, _, _ in quotes_of(a)]
    assert "Face the Nation" not in found
    assert not any(q.startswith("State of the Union") for q in found)
    assert "Fox News Sunday" not in found
    assert speakers(a)["will not pass the Senate this year."] == "Amy Klobuchar"


def test_quotes_patterns_scare_quotes_far_below_a_verb_are_not_partial_quotes(extracted):
    a = extracted(
        "Hillary Clinton spoke at a fundraiser in New York in 2016.\n\n"
        "Trump supporters have worn the “deplorables” label on T-shirts ever since.\n\n"
        "Clinton said in an interview that the people her campaign had met at rallies in the "
        "swing states of the Midwest in the weeks before the vote in November were the kind of "
        "voters who could never be “deplorables.”\n\n"
        "Clinton later said she regretted the remark, calling it “grossly generalistic.”"
    )
    found = quotes_of(a)
    assert not any(q.startswith("deplorables") for q, _, _ in found)
    # a short quote right under its verb is still what she said
    assert ("grossly generalistic.", "partial", "Hillary Clinton") in found


def test_quotes_patterns_heading_in_quote_marks_gets_no_speaker(extracted):
    a = extracted(
        "Senator Bernie Sanders said on Monday that the bill would fail.\n\n"
        "“A Broken System”\n\n"
        "The health care system has left millions without insurance, the report found."
    )
    assert not any(q.startswith("A Broken System") for q, _, _ in quotes_of(a))


def test_quotes_patterns_addressee_is_not_the_speaker(extracted):
    a = extracted(
        "Donald Trump visited a diner in Ohio on Saturday.\n\n"
        "Trump told a young woman that “you will be very happy with the new jobs.”"
    )
    assert speakers(a)["you will be very happy with the new jobs."] == "Donald Trump"


def test_quotes_patterns_speaker_phrase_is_never_cut_at_and_or_a_dash(extracted):
    a = extracted(
        "The emails were made public ― Trump boasted, “I know more about the cyber than anyone.”\n\n"
        "Hillary Clinton, the former secretary of state and a senator from New York, said “we will "
        "keep fighting for every vote in this country.”"
    )
    for speaker in speakers(a).values():
        assert speaker is None or not speaker.endswith((" and", "―", "—", "-"))
        assert speaker is None or "public" not in speaker


def test_quotes_patterns_html_left_in_a_name_is_cleaned(extracted):
    a = extracted(
        "Voters in Iowa cheered on Monday night.\n\n"
        "“We are going to win this thing,” said \">Sanders to a crowd of supporters."
    )
    [(quote, _, speaker)] = quotes_of(a)
    assert speaker is not None and "<" not in speaker and ">" not in speaker and '"' not in speaker


def test_quotes_patterns_quote_over_one_sentence_lines(extracted):
    # one sentence per line, as scraped corpora write it: the quote opens, runs over a line with
    # no marks of its own, and closes on the next one with its attribution
    a = extracted(
        "A spokesman for the guards union spoke to reporters on Monday.\n"
        "“Right now I am just worried about where my member is.\n"
        "We have not heard from him since Tuesday.\n"
        "It is highly unusual,” Hickey told reporters.\n"
        "Nobody else commented."
    )
    found = quotes_of(a)
    assert [q for q, _, _ in found] == [
        "Right now I am just worried about where my member is.",
        "We have not heard from him since Tuesday.",
        "It is highly unusual",
    ]
    assert {s for _, _, s in found} == {"Hickey"}


def test_quotes_patterns_two_apostrophes_as_marks(extracted):
    a = extracted(
        "The mayor spoke after the vote.\n\n"
        "''We are not going to raise taxes on working families,'' Mayor Bill de Blasio said."
    )
    [(quote, label, speaker)] = quotes_of(a)
    assert quote == "We are not going to raise taxes on working families"
    assert speaker == "Bill de Blasio"


def test_quotes_patterns_nested_single_quote_keeps_the_span(extracted):
    a = extracted(
        "Jane Doe, a lawyer for the family, spoke outside the court.\n\n"
        "“They told us 'wait and see' for three years, and we waited,” Doe said."
    )
    [(quote, _, speaker)] = quotes_of(a)
    assert quote == "They told us 'wait and see' for three years, and we waited"
    assert speaker == "Jane Doe"


def test_quotes_patterns_social_sign_off_is_not_a_quote(extracted):
    a = extracted(
        "The minister resigned on Friday.\n\n"
        "Follow Anna Smith on Twitter @annasmith_news and read her “Morning Briefing” newsletter."
    )
    assert quotes_of(a) == []


def test_quotes_patterns_stressed_word_and_quoted_figure_are_not_quotes(extracted):
    a = extracted(
        "Yesterday, flagship carrier Aeroflot said it was not 'yet' refusing tickets to young men.\n\n"
        "A source within the ministry now claims the blanked paragraph says '1million'.\n\n"
        "The ministry said the border was 'under control'."
    )
    assert [q for q, _, _ in quotes_of(a)] == ["under control"]


def test_quotes_patterns_same_words_repeated_are_one_quote(extracted):
    a = extracted(
        "Boris Johnson branded Putin 'weak' and a 'problem gambler' in an interview on Tuesday.\n\n"
        "Moscow did not respond to the remarks.\n\n"
        "Boris Johnson branded Putin 'weak' and a 'problem gambler' in an interview on Tuesday."
    )
    assert [q for q, _, _ in quotes_of(a)] == ["weak", "problem gambler"]


def test_quotes_patterns_passive_phrasal_verb_is_no_reporting_verb(extracted):
    a = extracted(
        "The mobilisation began in Buryatia on Wednesday.\n\n"
        "Thousands of reservists were called up overnight: 'Report to the enlistment office within 24 hours.'"
    )
    [(quote, label, speaker)] = quotes_of(a)
    assert speaker is None


def test_quotes_patterns_a_stray_letter_is_no_speaker(extracted):
    a = extracted(
        "The child's father waits tob e called up to service while his child cries, shouting after "
        "him: 'Papa, goodbye. Please come back. Papa, bye, Papa?'"
    )
    assert all(s is None or len(s.split()[-1]) > 1 for _, _, s in quotes_of(a))


def test_quotes_patterns_headline_verb_in_capitals_is_not_the_speaker(extracted):
    a = extracted(
        "Kremlin envoy Sergei Lavrov STORMS OUT of UN meeting after rambling speech accusing Kyiv of "
        "'hatred' while slamming narrative 'Russian aggression is the origin of this tragedy'\n\n"
        "The foreign minister left before the Ukrainian delegate spoke."
    )
    found = speakers(a)
    assert found["Russian aggression is the origin of this tragedy"] == "Sergei Lavrov"
