from presswatch.clean.layout import normalize_paragraph, split_layout, unwrap_lines


def test_layout_splits_title_line_from_body_paragraphs():
    text = "Minsk hosts drills\n\n\nFirst paragraph here.\n\nSecond one.\nThird one on its own line.\n"
    layout = split_layout(text, has_title=True)
    assert layout.title_line == "Minsk hosts drills"
    assert layout.paragraphs == ("First paragraph here.", "Second one.", "Third one on its own line.")


def test_layout_without_title_keeps_every_line_as_paragraph():
    layout = split_layout("One line.\ntwo starts lower\n\nThree.", has_title=False)
    assert layout.title_line is None
    assert layout.paragraphs == ("One line.", "two starts lower", "Three.")


def test_layout_strips_bullet_glyph_and_keeps_bullet_text():
    layout = split_layout("T\n\n  • Kyiv said 40 drones came\n  • Minsk denied it  \n", has_title=True)
    assert layout.paragraphs == ("Kyiv said 40 drones came", "Minsk denied it")


def test_layout_collapses_spaces_and_handles_crlf():
    layout = split_layout("T\r\n\r\nA   spaced\t\tline.\r\n", has_title=True)
    assert layout.paragraphs == ("A spaced line.",)


def test_layout_unwrap_joins_hard_wrapped_sentence_only():
    lines = ["The minister said the border would", "stay open until Friday.", "Lukashenko feels insecure, and we see it", "Lukashenko holds meetings daily."]
    assert unwrap_lines(lines) == [
        "The minister said the border would stay open until Friday.",
        "Lukashenko feels insecure, and we see it",
        "Lukashenko holds meetings daily.",
    ]


def test_layout_normalize_paragraph_keeps_leading_dash_of_dialogue():
    assert normalize_paragraph("– Where are you going?") == "– Where are you going?"
    assert normalize_paragraph(" * listed item ") == "listed item"
