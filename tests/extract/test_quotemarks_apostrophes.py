from presswatch.extract import quotemarks
from presswatch.model import paragraph_offsets


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quotemarks.find(text, paragraph_offsets(text))]


def test_quotemarks_apostrophes_inside_words_never_open_or_close():
    text = "Putin's men don't care about the wives' pleas or the Kremlin's line, he said."
    assert spans(text) == []


def test_quotemarks_apostrophes_inside_a_quote_do_not_end_it():
    text = "'Let's say they don't come back to the Kremlin's side,' he said."
    assert spans(text) == ["Let's say they don't come back to the Kremlin's side"]


def test_quotemarks_every_quote_style():
    text = 'A said \'one two three\'. B said "four five six". C said “seven eight”. D said ‘nine ten’. E said «eleven twelve».'
    assert spans(text) == ["one two three", "four five six", "seven eight", "nine ten", "eleven twelve"]


def test_quotemarks_plural_possessive_inside_a_quote():
    text = "'They threaten their husbands' legs to keep them home,' she said."
    assert spans(text) == ["They threaten their husbands' legs to keep them home"]


def test_quotemarks_closing_after_a_plural_word_before_another_quote():
    text = "the number had been 'corrected several times' before officials 'settled on' one million."
    assert spans(text) == ["corrected several times", "settled on"]


def test_quotemarks_nested_quote_stays_inside_the_outer_one():
    text = "“I asked which list he is on. He said, ‘Everyone is on the list now.’” the woman said."
    assert spans(text) == ["I asked which list he is on. He said, ‘Everyone is on the list now.’"]


def test_quotemarks_multi_paragraph_quote_is_linked():
    text = "He said: 'First part of it.\n\n'Second part of it.'\n\nNo quote here."
    found = list(quotemarks.find(text, paragraph_offsets(text)))
    assert [text[q.start : q.end] for q in found] == ["First part of it.", "Second part of it."]
    assert found[0].continued and found[0].close_at is None
    assert found[1].continues and found[1].close_at is not None


def test_quotemarks_unclosed_quote_at_the_end_is_kept():
    text = "He went on.\n\n'Let them run away. I was not worried in 2020 when people left"
    found = list(quotemarks.find(text, paragraph_offsets(text)))
    assert len(found) == 1 and found[0].close_at is None
    assert text[found[0].start : found[0].end].endswith("when people left")


def test_quotemarks_never_run_over_a_line_break():
    text = "He called it 'a lie\nand more text' here."
    assert all("\n" not in s for s in spans(text))


def test_quotemarks_decade_apostrophe_is_not_a_quote():
    assert spans("In the '90s the economy fell apart, he recalled.") == []


from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab '\"“”‘’«»\n.,:s", max_size=80))
def test_quotemarks_spans_are_sane_on_any_text(text):
    for q in quotemarks.find(text, paragraph_offsets(text)):
        assert 0 <= q.open_at <= q.start < q.end <= len(text)
        assert "\n" not in text[q.start : q.end]
        assert q.close_at is None or q.end <= q.close_at
