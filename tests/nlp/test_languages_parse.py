"""Every supported language gets a real parse: the blank pipeline's tokens and sentences, offsets
into the clean text; a language without an NER model records why instead of an empty entity layer."""

from __future__ import annotations

import pytest

from presswatch.extract.entities import EntityStage
from presswatch.model import Article
from presswatch.nlp import languages
from presswatch.nlp.stage import NlpStage, can_run, has_parse

# Written here in the seeds' shape: a banner line repeated, a caption repeated, a dateline, the
# language's own quote marks. (code, text, sentences the body must split into, in order)
ARTICLES = {
    "ru": (
        "Вторник, 27 сентября 2022 09:35 Путин и Лукашенко встретились в Сочи ... читать далее\n"
        "Вторник, 27 сентября 2022 09:35 Путин и Лукашенко встретились в Сочи ... читать далее\n\n"
        "МОСКВА. Президент России провёл переговоры с белорусским коллегой. Встреча длилась три часа.\n\n"
        "«Мы победим, у нас нет другого выбора», — заявил Лукашенко. Кремль не дал комментариев!\n\n"
        "Фото: пресс-служба Кремля\nФото: пресс-служба Кремля\n",
        ["Президент России провёл переговоры с белорусским коллегой.", "Встреча длилась три часа."],
    ),
    "uk": (
        "Головне | Новини | Війна\n\n"
        "КИЇВ. Збройні сили України звільнили ще три населені пункти на сході країни. Про це повідомив "
        "Генеральний штаб у вівторок.\n\n"
        "«Наступ триває», — сказав речник. Чи вистачить сил до зими? Експерти сумніваються.\n\n"
        "Фото: Генштаб ЗСУ\nФото: Генштаб ЗСУ\n",
        ["Збройні сили України звільнили ще три населені пункти на сході країни.",
         "Про це повідомив Генеральний штаб у вівторок."],
    ),
    "pl": (
        "Wtorek, 27 września 2022 | Świat | Czytaj więcej\n"
        "Wtorek, 27 września 2022 | Świat | Czytaj więcej\n\n"
        "WARSZAWA. Rząd zapowiedział nowe sankcje wobec Rosji. Premier przedstawił je w Sejmie w poniedziałek.\n\n"
        "„Nie ustąpimy szantażowi” – powiedział minister spraw zagranicznych. Czy Unia pójdzie za Polską?\n\n"
        "Fot. PAP\nFot. PAP\n",
        ["Rząd zapowiedział nowe sankcje wobec Rosji.", "Premier przedstawił je w Sejmie w poniedziałek."],
    ),
    "de": (
        "Dienstag, 27. September 2022 09:35 Uhr | Politik | Mehr lesen\n"
        "Dienstag, 27. September 2022 09:35 Uhr | Politik | Mehr lesen\n\n"
        "BERLIN. Die Bundesregierung hat am Mittwoch weitere Waffenlieferungen an die Ukraine beschlossen. "
        "Der Kanzler verteidigte die Entscheidung im Bundestag.\n\n"
        "„Wir lassen die Ukraine nicht allein“, sagte der Minister. Die Opposition forderte mehr Tempo!\n\n"
        "Foto: dpa\nFoto: dpa\n",
        ["Die Bundesregierung hat am Mittwoch weitere Waffenlieferungen an die Ukraine beschlossen.",
         "Der Kanzler verteidigte die Entscheidung im Bundestag."],
    ),
    "it": (
        "Martedì 27 settembre 2022 | Esteri | Leggi anche\n"
        "Martedì 27 settembre 2022 | Esteri | Leggi anche\n\n"
        "ROMA. Il governo ha convocato l'ambasciatore russo dopo le dichiarazioni del Cremlino. "
        "La Farnesina ha chiesto chiarimenti entro venerdì.\n\n"
        "«Non accetteremo minacce», ha detto il ministro degli Esteri. L'opposizione chiede un dibattito in aula?\n\n"
        "Foto Ansa\nFoto Ansa\n",
        ["Il governo ha convocato l'ambasciatore russo dopo le dichiarazioni del Cremlino.",
         "La Farnesina ha chiesto chiarimenti entro venerdì."],
    ),
    "pt": (
        "Terça-feira, 27 de setembro de 2022 | Mundo | Leia mais\n"
        "Terça-feira, 27 de setembro de 2022 | Mundo | Leia mais\n\n"
        "LISBOA. O governo português condenou os referendos organizados pela Rússia nas regiões ocupadas. "
        "O ministro dos Negócios Estrangeiros falou aos jornalistas na segunda-feira.\n\n"
        "«São uma farsa», afirmou o ministro. A União Europeia prepara novas sanções.\n\n"
        "Foto: Lusa\nFoto: Lusa\n",
        ["O governo português condenou os referendos organizados pela Rússia nas regiões ocupadas.",
         "O ministro dos Negócios Estrangeiros falou aos jornalistas na segunda-feira."],
    ),
    "bg": (
        "Вторник, 27 септември 2022 | Свят | Прочетете още\n"
        "Вторник, 27 септември 2022 | Свят | Прочетете още\n\n"
        "СОФИЯ. Правителството прие решение за изпращане на помощ за Украйна. Министърът на отбраната "
        "представи плана пред парламента в сряда.\n\n"
        "„Няма да стоим настрана“, заяви премиерът. Опозицията поиска обсъждане!\n\n"
        "Снимка: БТА\nСнимка: БТА\n",
        ["Правителството прие решение за изпращане на помощ за Украйна.",
         "Министърът на отбраната представи плана пред парламента в сряда."],
    ),
}


@pytest.fixture(scope="module")
def parsed(nlp) -> dict[str, Article]:
    articles = {code: Article.create(f"{code}.txt", text) for code, (text, _) in ARTICLES.items()}
    stage = NlpStage(nlp=nlp, layers=("entity",))
    with stage.memory_zone():
        stage(list(articles.values()))
        EntityStage()(list(articles.values()))
        yield articles


@pytest.mark.parametrize("code", list(ARTICLES))
def test_languages_parse_blank_pipeline_detects_and_parses(parsed, code):
    article = parsed[code]
    assert article.language == code
    assert has_parse(article) and article.doc.lang_ == code
    assert article.doc.text == article.text
    assert "parse" not in article.unsupported


@pytest.mark.parametrize("code", list(ARTICLES))
def test_languages_parse_sentences_split_sensibly_with_offsets_into_the_text(parsed, code):
    article = parsed[code]
    sents = list(article.doc.sents)
    for s in sents:
        assert article.text[s.start_char : s.end_char] == s.text
        assert "\n" not in s.text.strip()  # never over a line break
        assert not s.text[:1].isspace()  # whitespace ends the sentence before it
    texts = [s.text.strip() for s in sents]
    for expected in ARTICLES[code][1]:
        assert expected in texts
    # the two sentences of the body paragraph are consecutive
    first, second = ARTICLES[code][1]
    assert texts.index(second) == texts.index(first) + 1


@pytest.mark.parametrize("code", list(ARTICLES))
def test_languages_parse_no_ner_model_is_recorded_not_left_empty(parsed, code):
    article = parsed[code]
    assert article.layer("entity") == []
    reason = article.unsupported["entity"]
    assert reason == f"no named-entity model for {languages.name(code)} ({code}) ships with presswatch"


def test_languages_parse_a_language_without_a_tokenizer_gets_no_parse_and_says_so(nlp):
    article = Article.create("ka.txt", "თბილისი საქართველოს დედაქალაქია. ქალაქში ბევრი ადამიანი ცხოვრობს.")
    NlpStage(nlp=nlp, layers=("entity", "quote"))([article])
    assert article.language == "ka" and not has_parse(article)
    assert article.unsupported["parse"] == "no tokenizer for Georgian (ka) ships with presswatch"
    assert "Georgian" in article.unsupported["entity"] and "quote" in article.unsupported
    assert not can_run(article, "entity")


def test_languages_parse_english_records_nothing_unsupported(nlp):
    article = Article.create("en.txt", "Vladimir Putin met Alexander Lukashenko in Sochi. They talked for hours.")
    NlpStage(nlp=nlp, layers=("entity", "quote", "claim", "technique"))([article])
    assert article.unsupported == {} and can_run(article, "entity")


def test_languages_capabilities_are_the_table():
    assert languages.capabilities("en") >= {"entity", "quote", "claim", "technique", "genre", "frame"}
    assert "entity" in languages.capabilities("fr")
    assert "entity" not in languages.capabilities("bg")
    assert languages.capabilities("ka") & languages.NEEDS_PARSE == frozenset()
    assert languages.capabilities(None) == frozenset()


def test_languages_parse_a_missing_packaged_pipeline_falls_back_to_blank_and_says_why(nlp, monkeypatch):
    monkeypatch.setitem(languages.PIPELINES, "fr", "fr_core_news_not_installed")
    article = Article.create("fr.txt", "Le président Emmanuel Macron a reçu Olaf Scholz à Paris. Ils ont parlé.")
    stage = NlpStage(nlp=nlp, layers=("entity",))
    stage([article])
    EntityStage()([article])
    assert article.language == "fr" and has_parse(article) and len(list(article.doc.sents)) == 2
    assert "fr_core_news_not_installed is not installed" in article.unsupported["entity"]
    assert article.layer("entity") == [] and not can_run(article, "entity")


def test_languages_parse_a_lower_case_word_after_an_abbreviation_does_not_start_a_sentence(nlp):
    text = ("КИЇВ. Евакуйовано 1,5 тис. осіб, повідомив ген. директор компанії. Рятувальники працюють.\n"
            "фото: ДСНС")
    article = Article.create("uk.txt", text, language="uk")
    NlpStage(nlp=nlp)([article])
    sents = [s.text.strip() for s in article.doc.sents]
    assert "Евакуйовано 1,5 тис. осіб, повідомив ген. директор компанії." in sents
    assert "Рятувальники працюють." in sents
    assert sents[-1] == "фото: ДСНС"  # a line break still starts a sentence, whatever its case
