"""A small presswatch database for the web tests: our own texts, parsed by the real pipeline,
plus hand-added annotations for the layers that may not have run, and hostile metadata."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, Iterator

import pytest

XSS = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="http://evil.example/">x</a><b>b</b>'
JS_URL = "javascript:alert(3)"

TEXTS = {
    "kyiv": (
        "Ministers argue over the cost of the call-up\n\n"
        "The defence ministry said on Tuesday that 300,000 reservists would be called up in the coming weeks. "
        "'This is a partial measure and nothing more,' Sergei Shoigu told reporters in Moscow.\n\n"
        "Critics were not convinced. A disastrous, reckless gamble, one opposition deputy called it, "
        "warning that up to 1 million men could eventually be summoned."
    ),
    "riga": (
        "Queues at the border grow longer\n\n"
        "Thousands of cars waited at the Upper Lars crossing on Wednesday. "
        "'We drove for two days without sleep,' said Anna Petrova, a teacher from Tyumen.\n\n"
        "Border officials said about 10,000 people crossed in a single day."
    ),
    "hostile": (
        "Ordinary headline\n\n"
        "The spokesman said <script>alert('text')</script> was found in the page and "
        "an image with onerror=alert(1) too. 'It is <b>bold</b> & dangerous,' he said."
    ),
}


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def add_annotations(con, article_id: str, text: str, rows: list[tuple]) -> None:
    """Insert annotations as the facts and rhetoric layers would write them."""
    for layer, label, words, score, attrs in rows:
        s, e = _span(text, words) if words else (None, None)
        con.execute(
            'INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?)',
            [article_id, layer, label, s, e, score, json.dumps(attrs)],
        )


def write_corpus(store, ids: dict[str, str]) -> None:
    """Corpus results (a story, a duplicate group, a conflict, a timeline entry) stored by the corpus
    layer's own writer, in the records it finds, with hostile labels and text."""
    from datetime import date

    from presswatch.corpus.types import (
        ClaimGroup, ClaimRecord, DuplicateGroup, DuplicateMember, Story, StoryArticle, TimelineEntry,
    )
    from presswatch.store.corpus import write_results

    def claim(key, value, text, sentence, speaker, published):
        return ClaimRecord(article=ids[key], start=None, value=value, modifier=None, text=text, sentence=sentence,
                           speaker=speaker, published=published, kind="mobilised", subject="men", qualifier=None,
                           unit="men", when=None)

    write_results(
        store,
        duplicates=[DuplicateGroup("d1", "near", (DuplicateMember(ids["kyiv"], "2022-09-21", None, 1.0),
                                                  DuplicateMember(ids["hostile"], "2022-09-30", None, 0.8)))],
        states=[],
        stories=[Story("s1", "Mobilisation " + XSS, (), "mobilisation", None, None,
                       (StoryArticle(ids["kyiv"], 1.0), StoryArticle(ids["riga"], 0.7)))],
        model="test",
        claim_groups=[ClaimGroup("c1", "conflict", "men mobilised " + XSS, "s1", (
            claim("kyiv", 300000.0, "300,000", "300,000 reservists", "Sergei Shoigu", "2022-09-21"),
            claim("hostile", 1000000.0, "1", XSS, XSS, "2022-09-30"),
        ))],
        timeline=[TimelineEntry(date(2022, 9, 21), "day", "on Tuesday", True, ids["kyiv"], "Call-up announced " + XSS,
                                0, 10, "s1")],
    )


def build_db(path: Path) -> dict[str, str]:
    """Analyse the texts with the nlp stage, then add the other layers by hand. Returns key -> id."""
    import presswatch
    from presswatch.store import Store

    result = presswatch.analyze(texts=list(TEXTS.values()), db=path, stages=("nlp.spacy.v1",), corpus=False)
    assert not result.summary.failures, result.summary.failures
    ids = {key: a.id for key, a in zip(TEXTS, result.articles)}
    texts = {key: a.text for key, a in zip(TEXTS, result.articles)}
    with Store(path) as store:
        con = store.con
        meta = {
            "kyiv": ("Kyiv Independent", "https://kyivindependent.com/a", "2022-09-21T10:00:00"),
            "riga": ("Meduza", "http://meduza.io/b", "2022-09-28"),
            "hostile": (XSS, JS_URL, "2022-09-30"),
        }
        for key, (outlet, url, published) in meta.items():
            con.execute("UPDATE articles SET outlet = ?, url = ?, published = ? WHERE id = ?", [outlet, url, published, ids[key]])
        con.execute("UPDATE articles SET title = ?, removed = ? WHERE id = ?",
                    [XSS + " headline", json.dumps([{"text": XSS, "reason": "banner <b>" + XSS}]), ids["hostile"]])
        con.execute("UPDATE articles SET removed = ? WHERE id = ?",
                    [json.dumps([{"text": "Read more: ten things about mobilisation", "reason": "related-links"}]), ids["kyiv"]])
        t = texts["kyiv"]
        add_annotations(con, ids["kyiv"], t, [
            ("entity", "PERSON", "Sergei Shoigu", None, {"canonical": "Sergei Shoigu"}),
            ("entity", "GPE", "Moscow", None, {"canonical": "Moscow"}),
            ("quote", "direct", "This is a partial measure and nothing more,", None,
             {"speaker": "Sergei Shoigu", "cue": "told"}),
            ("claim", "count", "300,000", None, {"value": 300000, "unit": "reservists", "modifier": None}),
            ("claim", "count", "up to 1 million", None, {"value": 1000000, "unit": "men", "modifier": "up to"}),
            ("technique", "Loaded_Language", "disastrous, reckless gamble", 0.91, {}),
            ("technique", "Appeal_to_Fear-Prejudice", "up to 1 million men could eventually be summoned", 0.55, {}),
            ("genre", "reporting", None, 0.8, {}),
            ("frame", "Political", None, 0.7, {}),
        ])
        t = texts["riga"]
        add_annotations(con, ids["riga"], t, [
            ("entity", "PERSON", "Anna Petrova", None, {"canonical": "Anna Petrova"}),
            ("quote", "direct", "We drove for two days without sleep,", None, {"speaker": "Anna Petrova", "cue": "said"}),
            ("claim", "count", "about 10,000", None, {"value": 10000, "unit": "people", "modifier": "about"}),
            ("technique", "Loaded_Language", "Thousands of cars", 0.4, {}),
        ])
        t = texts["hostile"]
        add_annotations(con, ids["hostile"], t, [
            ("entity", "PERSON", "spokesman", None, {"canonical": XSS}),
            ("quote", "direct", "It is <b>bold</b> & dangerous,", None, {"speaker": XSS, "cue": "said"}),
            ("claim", "count", "1", None, {"value": XSS, "unit": XSS}),
            ("technique", XSS, "<script>alert('text')</script>", 0.5, {}),
            ("genre", XSS, None, 0.5, {}),
        ])
        write_corpus(store, ids)
    return ids


@contextlib.contextmanager
def app_client(path: Path, hosts: frozenset[str] = frozenset({"testserver", "127.0.0.1"})) -> Iterator[Any]:
    """A TestClient over the app serving the database at ``path`` read-only (the fixtures' one way in)."""
    from fastapi.testclient import TestClient

    from presswatch.web import WebSettings, create_app

    with TestClient(create_app(WebSettings(db=path, allowed_hosts=hosts))) as c:
        yield c


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("webdb") / "presswatch.duckdb"
    return path, build_db(path)


@pytest.fixture(scope="session")
def client(web_db):
    """A TestClient over the app serving the fixture database read-only."""
    path, _ = web_db
    with app_client(path) as c:
        yield c
