"""Stories across languages (corpus/crosslang.py, stories.assign): names and numbers that survive
translation join reports of one event; articles that share only a common name do not; translations
are never duplicates; and a corpus in English is grouped exactly as before."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from presswatch.corpus.crosslang import anchor_text, anchors, name_key, number_key
from presswatch.corpus.stories import StoryInput, assign, idf_weights

FIXTURES = Path(__file__).parent / "fixtures" / "crosslang"


def _fixture(name: str) -> tuple[str, str]:
    title, _, body = (FIXTURES / name).read_text(encoding="utf-8").partition("\n\n")
    return title, body


@pytest.mark.parametrize("spellings", [
    ("Песков", "Peskov", "Pieskow", "Пескова", "Peskowa"),
    ("Зеленский", "Zelensky", "Selenskyj", "Zełenski", "Зеленського", "Zełenskiego", "Zelenskyy"),
    ("Лукашенко", "Lukashenko", "Łukaszenka", "Lukaschenko", "Łukaszenki", "Lukashenka"),
    ("Путин", "Путиным", "Putin", "Putinem", "Putina", "Poutine"),
    ("Махачкала", "Makhachkala", "Machatschkala", "Makhatchkala"),
    ("Russia", "Россия", "Rosja", "Russian"),
])
def test_stories_crosslang_name_spellings_share_a_key(spellings):
    keys = {name_key(w) for w in spellings}
    assert len(keys) == 1 and None not in keys, dict(zip(spellings, map(name_key, spellings)))


def test_stories_crosslang_different_names_differ():
    keys = [name_key(w) for w in ("Putin", "Peskov", "Zelensky", "Lukashenko", "Shoigu", "Medvedev")]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("written", ["300,000 reservists", "300 000 резервистов", "300.000 Reservisten",
                                     "300 тыс. резервистов", "300 tys. rezerwistów", "300\u00a0000 réservistes"])
def test_stories_crosslang_numbers_as_written_share_a_key(written):
    assert "#300000" in anchors(None, "Il a dit que " + written + " seraient appelés.", None)


def test_stories_crosslang_small_numbers_and_years_are_not_anchors():
    assert number_key("12", None, None) is None
    assert number_key("2022", None, None) is None  # a year: every article of the season has it
    assert number_key("2000", None, "участников") == "#2000"  # a count that looks like a year
    assert number_key("1", None, "million") == "#1000000" and number_key("2", "5", "млн") == "#2500000"
    assert anchors(None, "Publié le 22/09/2022 à 08h30. Un texte.", "fr") == Counter()


def test_stories_crosslang_chrome_lines_and_sentence_starts_are_not_read():
    text = "Czytaj także: Kolejki na granicy z Gruzją\n\nPutin mówił, że Szojgu ma rację.\n\nPodziel się"
    assert "Kolejki" not in anchor_text(text) and "Gruzją" not in anchor_text(text)
    got = anchors(None, text, "pl")
    assert name_key("Шойгу") in got and name_key("Putin") not in got  # 'Putin' opens the sentence


def _inputs(names: list[str], gold: dict) -> tuple[list[StoryInput], dict[str, float]]:
    """StoryInputs of fixture articles whose embeddings say nothing (orthogonal), only their anchors."""
    found = {n: anchors(*_fixture(n), gold[n]["language"]) for n in names}
    df = Counter(a for got in found.values() for a in got)
    rng = np.random.default_rng(0)
    q, _ = np.linalg.qr(rng.normal(size=(len(names) + 2, len(names) + 2)))
    items = [
        StoryInput(n, q[:, i].astype(np.float32), {}, date.fromisoformat(gold[n]["published"][:10]),
                   gold[n]["published"], None, {}, gold[n]["language"], dict(found[n]))
        for i, n in enumerate(names)
    ]
    return items, idf_weights(df, len(names))


def test_stories_crosslang_one_event_in_four_languages_groups_and_others_do_not():
    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))["articles"]
    names = sorted(gold)
    items, idf = _inputs(names, gold)
    placed = assign(items, [], anchor_idf=idf)
    # must group: the Sochi meeting in English and Russian (Путин/Putin, Лукашенко/Lukashenko, 300 000)
    assert placed["a_en.txt"] == placed["a_ru.txt"] == placed["a_de.txt"] == placed["a_pl.txt"]
    # must not: the Russian Sochi report and the Russian Dagestan report (one language, one week, Russia in both)
    assert placed["a_ru.txt"] != placed["c_ru.txt"]
    # nor the Sochi meeting and Zelensky's address (Putin and Vladimir/Volodymyr in both)
    assert placed["a_en.txt"] != placed["b_en.txt"] and placed["a_ru.txt"] != placed["b_ru.txt"]
    events = {}
    for n in names:
        events.setdefault(gold[n]["event"], set()).add(placed[n])
    assert all(len(stories) == 1 for stories in events.values()) and len(set(placed.values())) == 3


def test_stories_crosslang_english_articles_ignore_anchors():
    """Articles in English (or of unknown language) are placed by the embedding alone, anchors or not."""
    rng = np.random.default_rng(1)
    base = rng.normal(size=16)
    vecs = [base + rng.normal(scale=s, size=16) for s in (0.1, 0.2, 3.0, 3.0)]
    vecs = [(v / np.linalg.norm(v)).astype(np.float32) for v in vecs]
    shared = {"~ptn": 2, "#300000": 1, "~lksnk": 1}

    def items(with_anchors: bool, language: str | None) -> list[StoryInput]:
        return [StoryInput(f"a{i}", v, {}, date(2022, 9, 26), f"2022-09-26T0{i}:00", None, {}, language,
                           dict(shared) if with_anchors else {}) for i, v in enumerate(vecs)]

    for language in ("en", None):
        plain = assign(items(False, language), [])
        anchored = assign(items(True, language), [], anchor_idf={"~ptn": 2.0, "#300000": 2.0, "~lksnk": 2.0})
        assert plain == anchored
        assert plain["a0"] == plain["a1"] and plain["a2"] != plain["a0"]  # the embedding still decides


def test_stories_crosslang_corpus_layer_groups_translations_as_a_story_not_duplicates():
    import presswatch
    from presswatch.corpus.stage import run_corpus

    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))["articles"]
    names = ["a_en.txt", "a_ru.txt", "a_pl.txt", "c_ru.txt", "c_en.txt"]
    result = presswatch.analyze(texts=[(FIXTURES / n).read_text(encoding="utf-8") for n in names],
                                stages=("nlp.spacy.v1",), corpus=False)
    arts = list(result.articles)
    for n, a in zip(names, arts):
        a.published = gold[n]["published"]
        assert a.language == gold[n]["language"]
    corpus = run_corpus(articles=arts, embedder_name="hashing-tfidf-v1")
    story = {a["article"]: s["id"] for s in corpus["stories"] for a in s["articles"]}
    ids = {n: a.id for n, a in zip(names, arts)}
    assert story[ids["a_en.txt"]] == story[ids["a_ru.txt"]] == story[ids["a_pl.txt"]]
    assert story[ids["c_en.txt"]] == story[ids["c_ru.txt"]] != story[ids["a_ru.txt"]]
    assert corpus["duplicates"] == []  # a translation shares no wording: a story, never a copy


def test_stories_crosslang_a_russian_copy_is_a_duplicate_and_its_translation_is_not():
    """Copies are found in any language (word shingles of any script); a translation is not a copy."""
    from presswatch.corpus.stage import run_corpus
    from presswatch.model import Article

    title, body = _fixture("a_ru.txt")
    copy_body = body.replace("Подписывайтесь на наш канал в Telegram", "Источник: РИА Новости")
    _, en_body = _fixture("a_en.txt")
    arts = [Article.create("ru.txt", body, title=title, language="ru", published="2022-09-26T18:45:00"),
            Article.create("ru-copy.txt", copy_body, title=title + " (обновлено)", language="ru",
                           published="2022-09-26T20:00:00"),
            Article.create("en.txt", en_body, title=_fixture("a_en.txt")[0], language="en",
                           published="2022-09-26T19:10:00")]
    corpus = run_corpus(articles=arts, embedder_name="hashing-tfidf-v1")
    assert [sorted(m["article"] for m in g["members"]) for g in corpus["duplicates"]] == [sorted([arts[0].id, arts[1].id])]
    story = {a["article"]: s["id"] for s in corpus["stories"] for a in s["articles"]}
    assert story[arts[0].id] == story[arts[1].id]  # a copy joins its original's story
