"""Quotes and their speakers in fr, de, it, pl, ru, uk, pt, bg: the language's marks, dialogue
dashes and verbs of saying, on our own articles (see multilingual.py)."""

from __future__ import annotations

import pytest

from .multilingual import analysed, quotes


@pytest.fixture(scope="module")
def articles():
    return analysed()


# (language, first words of the quote, label, speaker)
EXPECTED = [
    ("ru", "Призываться будут только те", "direct", "Шойгу"),  # «…», — сказал Шойгу
    ("ru", "Это не всеобщая мобилизация", "direct", "Дмитрий Песков"),  # Песков заявил: «…»
    ("ru", "Речь идёт о резервистах", "direct", "Дмитрий Песков"),  # — …, — сказал он (he: Peskov)
    ("ru", "Никакой паники нет.", "direct", "Дмитрий Песков"),  # the dialogue line goes on after its attribution
    ("uk", "Ми звільнимо всі наші землі", "direct", "Зеленський"),
    ("uk", "Мобілізація не змінить ситуацію на фронті", "direct", "речник"),
    ("pl", "To jest eskalacja wojny", "direct", "Andrzej Duda"),  # – … – powiedział prezydent Andrzej Duda
    ("pl", "Rosja przegrywa", "direct", "Premier"),  # „…”
    ("de", "Es handelt sich um eine Teilmobilmachung", "direct", "Kremlsprecher Peskow"),  # „…“, sagte
    ("de", "Nur Reservisten mit Kampferfahrung", "direct", "Kremlsprecher Peskow"),  # »…«, betonte er
    ("de", "Putin wird diesen Krieg nicht gewinnen.", "direct", "Olaf Scholz"),
    ("fr", "Il ne s’agit pas d’une mobilisation générale", "direct", "Dmitri Peskov"),  # « … », a déclaré
    ("fr", "C’est une erreur historique.", "direct", "Emmanuel Macron"),  # X a réagi … : « … »
    ("fr", "Nous ne partirons pas", "direct", "une manifestante"),  # — …, a lancé une manifestante
    ("it", "Non cederemo al ricatto nucleare", "direct", "Mario Draghi"),
    ("it", "L’Italia resta al fianco di Kiev", "direct", "Il ministro"),
    ("pt", "Não se trata de uma mobilização geral", "direct", "Dmitri Peskov"),  # o porta-voz do Kremlin, Dmitri Peskov
    ("pt", "A guerra não interessa a ninguém", "direct", "Lula"),
    ("bg", "Това не е обща мобилизация", "direct", "Песков"),
]


@pytest.mark.parametrize("lang,start,label,speaker", EXPECTED)
def test_quotes_multilingual_speaker_next_to_the_verb_of_saying(articles, lang, start, label, speaker):
    found = [q for q in quotes(articles[lang]) if q[0].startswith(start)]
    assert found, f"no quote starting {start!r} in {lang}: {quotes(articles[lang])}"
    assert found[0][1:] == (label, speaker)


@pytest.mark.parametrize("lang", ["ru", "uk", "pl", "de", "fr", "it", "pt", "bg"])
def test_quotes_multilingual_layer_runs_and_keeps_marks_out_of_the_words(articles, lang):
    a = articles[lang]
    assert "quote" not in a.unsupported
    for text, _, _ in quotes(a):
        assert text.strip() == text and text[:1] not in "«»„“”‚‘—–" and text[-1:] not in "«»„“”"


def test_quotes_multilingual_captions_and_banners_are_no_quotes(articles):
    every = [q for a in articles.values() for q in quotes(a)]
    assert not any("Фото" in q[0] or "Foto" in q[0] or "читать далее" in q[0] for q in every)


def test_quotes_multilingual_capability_table_lists_exactly_the_languages_with_resources():
    from presswatch.extract.resources import LANGS
    from presswatch.nlp import languages

    assert languages.LAYER_LANGUAGES["quote"] == {"en", *LANGS}
    assert languages.LAYER_LANGUAGES["claim"] == {"en", *LANGS}


def test_quotes_multilingual_dialogue_dash_after_a_sentence_inside_a_line():
    import spacy

    from presswatch.extract.quotes import find_plain

    text = ("Соседи жалуются на шум. — Спать невозможно, — рассказала пенсионерка Анна Петрова.\n"
            "Москва — столица России. Волга — река.")
    nlp = spacy.blank("ru")
    nlp.add_pipe("sentencizer")
    found = [(text[q.start : q.end], q.speaker) for q in find_plain(nlp(text), text, [(0, len(text))], "ru")]
    # a dash that sets off a predicate ("Москва — столица") is no dialogue: no verb of saying follows
    assert found == [("Спать невозможно", "Анна Петрова")]
