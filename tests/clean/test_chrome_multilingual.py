"""Site chrome in other languages: what is set aside (with its reason), what stays, nothing lost."""

import json
from pathlib import Path

import pytest

from presswatch.clean import clean_record
from presswatch.clean.byline import is_share_widget
from presswatch.clean.chrome import find_chrome, is_terminal, line_reason
from presswatch.model import RawRecord

FIXTURES = Path(__file__).parent / "fixtures" / "multilingual"
EXPECTED = {k: v for k, v in json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8")).items() if not k.startswith("_")}


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_chrome_multilingual_article_sets_aside_exactly_the_annotated_lines(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    article = clean_record(RawRecord(name, text, "text", {}))
    assert sorted((r.text, r.reason) for r in article.removed) == sorted(map(tuple, EXPECTED[name]["removed"]))
    # nothing lost: every line of the page is the title, kept text or a Removed record
    kept = _paragraphs(article.text)
    paras = _paragraphs(text)
    assert paras[0] == article.title
    assert sorted(kept + [r.text for r in article.removed]) == sorted(paras[1:])


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Czytaj także:", "chrome:related"),
        ("Читайте также: Шойгу назвал число погибших", "chrome:related"),
        ("Lesen Sie auch:", "chrome:related"),
        ("Mehr zum Thema", "chrome:related"),
        ("Lire aussi :", "chrome:related"),
        ("Leggi anche", "chrome:related"),
        ("Leia também", "chrome:related"),
        ("Прочетете още", "chrome:related"),
        ("Читайте також", "chrome:related"),
        ("Поделиться", "chrome:social"),
        ("Partager", "chrome:social"),
        ("Подписывайтесь на наш Telegram", "chrome:social"),
        ("Nous utilisons des cookies pour améliorer votre expérience.", "chrome:boilerplate"),
        ("Оставить комментарий", "chrome:comments"),
        ("Фото: ТАСС", "chrome:copyright"),
        ("Foto: PAP/Leszek Szymański", "chrome:copyright"),
    ],
)
def test_chrome_multilingual_phrase_line_has_its_reason(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Foto: dpa Bundeskanzler Olaf Scholz bei seiner Rede im Bundestag in Berlin",
        "Фото: Reuters Колонна автомобилей у пункта пропуска Верхний Ларс на границе с Грузией",
        "Lire aussi la lettre que le président a publiée hier soir, disent ses proches.",
        "Поделиться своими планами министр отказался, сообщили журналисты.",
        "Реклама на телевидении подорожала на 20 процентов за год.",
    ],
)
def test_chrome_multilingual_caption_or_sentence_stays(line):
    assert line_reason(line) is None


def test_chrome_multilingual_comment_header_late_in_page_drops_readers_comments():
    body = [f"Абзац {i}: колонна военной техники замечена у границы сегодня утром, сообщили местные жители." for i in range(6)]
    comments = [f"Читатель {i}: этого все ожидали, к сожалению, и никто из нас не удивлен таким развитием событий." for i in range(3)]
    paras = body + ["Оставить комментарий"] + comments
    found = {paras[f.index]: f.reason for f in find_chrome(paras)}
    assert set(found) == {"Оставить комментарий", *comments}
    assert is_terminal("Оставить комментарий", comments_only=True)


def test_chrome_multilingual_share_widget_with_russian_networks():
    assert is_share_widget("Поделиться: ВКонтакте | Одноклассники | Telegram")
    assert not is_share_widget("Поделиться: в Кремле рассказали о переговорах")


def test_chrome_multilingual_labelled_byline_with_a_cyrillic_or_polish_name():
    from presswatch.clean.byline import byline_date, is_byline

    assert is_byline("Автор: Иван Петров")
    assert is_byline("Autor: Łukasz Kowalski | 21 września 2022")
    assert byline_date("Autor: Łukasz Kowalski | 21 września 2022") == "2022-09-21"
    assert not is_byline("Автор статьи считает, что это важно.")
