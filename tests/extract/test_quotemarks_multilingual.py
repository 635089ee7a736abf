"""Quote marks of other languages: « » with or without (thin, non-breaking) spaces, „ “, » «,
‚ ‘, dialogue dashes; English text is never rewritten."""

from __future__ import annotations

import pytest

from presswatch.extract import quotemarks


def spans(text: str, lang: str | None) -> list[tuple[str, str]]:
    return [(text[q.start : q.end], q.family) for q in quotemarks.find(text, None, lang)]


@pytest.mark.parametrize(
    "lang,text,quoted",
    [
        ("fr", "« Nous ne céderons pas », a-t-il dit.", "Nous ne céderons pas"),
        ("fr", "«\u00a0Nous ne céderons pas\u00a0», a-t-il dit.", "Nous ne céderons pas"),
        ("fr", "«\u202fNous ne céderons pas\u202f», a-t-il dit.", "Nous ne céderons pas"),
        ("ru", "«Мы не отступим», — заявил Песков.", "Мы не отступим"),
        ("de", "„Wir werden helfen“, sagte Scholz.", "Wir werden helfen"),
        ("de", "»Das ist keine Generalmobilmachung«, sagte Peskow.", "Das ist keine Generalmobilmachung"),
        ("de", "Er nannte es ‚absurd‘ und ging.", "absurd"),
        ("pl", "„To jest eskalacja wojny” – powiedział.", "To jest eskalacja wojny"),
        ("bg", "„Това не е обща мобилизация“, каза Песков.", "Това не е обща мобилизация"),
        ("pt", "“Não vamos recuar”, disse o porta-voz.", "Não vamos recuar"),
    ],
)
def test_quotemarks_multilingual_language_marks_open_and_close(lang, text, quoted):
    assert spans(text, lang)[0][0] == quoted


def test_quotemarks_multilingual_russian_inner_low_nine_quote_stays_inside():
    text = "«Он сказал „нет“ и ушёл», — рассказала соседка."
    assert spans(text, "ru")[0][0] == "Он сказал „нет“ и ушёл"


def test_quotemarks_multilingual_dialogue_dash_line_splits_at_its_attribution():
    text = "— Речь идёт о резервистах, — сказал он журналистам. — Никакой паники нет."
    found = list(quotemarks.find(text, None, "ru"))
    assert [text[q.start : q.end] for q in found] == ["Речь идёт о резервистах", "Никакой паники нет."]
    assert found[0].continued and found[1].continues and found[0].family == "dash"


def test_quotemarks_multilingual_dash_opens_dialogue_only_where_the_language_writes_it():
    text = "— Wir bleiben hier, — sagte sie."
    assert spans(text, "de") == []  # German writes dialogue in marks, not dashes
    assert spans(text, "ru") != []


def test_quotemarks_multilingual_english_text_is_left_as_it_is():
    text = "“Wir werden helfen„ and « so »"
    assert quotemarks.normalised(text, None) is text
    assert quotemarks.normalised(text, "en") is text
