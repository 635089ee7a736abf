"""The FTS5 index beside the database: stemming, BM25, phrases and operators, filters, sorting,
snippets that carry no markup of their own, and a sync that follows added, replaced and removed articles."""

from __future__ import annotations

import copy
import sqlite3

import pytest

from presswatch.model import Article
from presswatch.store import Store
from presswatch.store.search import (
    MAX_QUERY_CHARS, SearchIndex, SearchQueryError, index_path, parse_query, sync,
)


def _article(name, text, *, title=None, outlet=None, published=None, language="en"):
    a = Article.create(f"{name}.txt", text, title=title)
    a.outlet, a.published, a.language = outlet, published, language
    return a


FLEE = _article("flee", "Thousands of men flee to Georgia. Many are fleeing by car, and some fled on foot.",
                title="Men flee the draft", outlet="Daily Wire", published="2022-09-25T10:00:00")
PARTIAL = _article("partial", "Putin announced a partial mobilisation on Wednesday; the mobilisation is partial, "
                   "the Kremlin insists.", title="Call-up", outlet="Kyiv Post", published="2022-09-21")
PROTEST = _article("protest", "Protesters in Dagestan clashed with police over the call-up. One man said he would flee.",
                   title="Protests in Dagestan", outlet="Kyiv Post", published="2022-09-26")
GERMAN = _article("bier", "Auf dem Oktoberfest wurden sechs Millionen Maß Bier getrunken; Café voll.",
                  title="Wiesn-Bilanz", outlet="Münchner Blatt", published="2022-10-03", language="de")
HOSTILE = _article("hostile", "The spokesman said <script>alert(1)</script> \x02mark\x03 was found, then fled.",
                   title="<b>bold</b>", outlet=None, published=None)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "presswatch.duckdb") as s:
        s.write_articles([FLEE, PARTIAL, PROTEST, GERMAN, HOSTILE])
        yield s


@pytest.fixture
def index(store):
    with SearchIndex.open(store.path, store.con) as ix:
        yield ix


def ids(result):
    return [h.id for h in result.hits]


def test_search_index_lives_beside_the_database(store, index):
    assert index_path(store.path).name == "presswatch.search.sqlite"
    assert index.path == index_path(store.path) and index.path.exists()
    assert index.count() == 5


def test_search_index_stems_and_ranks_by_bm25(index):
    r = index.search("flees")
    # "flee" and "fleeing" share the stem; "fled" does not (porter), the protest text says "flee" once
    assert set(ids(r)) == {FLEE.id, PROTEST.id} and r.total == 2
    assert ids(r)[0] == FLEE.id  # in the title and twice in the text
    assert r.hits[0].score > r.hits[1].score


def test_search_index_removes_diacritics(index):
    assert ids(index.search("cafe")) == [GERMAN.id]
    assert ids(index.search("munchner")) == []  # the outlet is a filter, not indexed text
    assert ids(index.search("maß")) == [GERMAN.id]


def test_search_index_phrases_and_operators(index):
    assert ids(index.search('"partial mobilisation"')) == [PARTIAL.id]
    assert ids(index.search('"mobilisation partial"')) == []
    assert set(ids(index.search("flee OR mobilisation"))) == {FLEE.id, PROTEST.id, PARTIAL.id}
    assert ids(index.search("flee AND Dagestan")) == [PROTEST.id]
    assert ids(index.search("flee Dagestan")) == [PROTEST.id]  # adjacent words: AND
    assert ids(index.search("flee NOT Dagestan")) == [FLEE.id]
    assert ids(index.search("flee -dagestan")) == [FLEE.id]
    assert ids(index.search("flee AND NOT dagestan")) == [FLEE.id]
    assert set(ids(index.search("(georgia OR dagestan) flee"))) == {FLEE.id, PROTEST.id}
    assert set(ids(index.search("mobili*"))) == {PARTIAL.id}
    # lower-case operators are words, FTS5 syntax in a word is only text
    assert ids(index.search("flee and georgia")) == [FLEE.id]
    assert ids(index.search("title:flee")) == []


def test_search_index_filters_and_sorts(index):
    assert set(ids(index.search("", outlet="Kyiv Post"))) == {PARTIAL.id, PROTEST.id}
    assert ids(index.search("flee", date_from="2022-09-26")) == [PROTEST.id]
    assert ids(index.search("flee", date_to="2022-09-25")) == [FLEE.id]
    assert ids(index.search("", language="de")) == [GERMAN.id]
    assert ids(index.search("flee", ids={PROTEST.id})) == [PROTEST.id]
    assert ids(index.search("flee", ids=set())) == []
    # newest first, undated last
    assert ids(index.search("", sort="date")) == [GERMAN.id, PROTEST.id, FLEE.id, PARTIAL.id, HOSTILE.id]
    assert ids(index.search("flee", sort="date")) == [PROTEST.id, FLEE.id]
    with pytest.raises(SearchQueryError):
        index.search("flee", sort="random")


def test_search_index_snippets_mark_hits_and_nothing_else(index):
    hit = index.search("fleeing").hits[0]
    assert ("fleeing", True) in hit.snippet and ("flee", True) in hit.snippet
    hostile = index.search("spokesman").hits[0]
    text = "".join(t for t, _ in hostile.snippet)
    # the text's own \x02/\x03 cannot open a hit: only the searched word is marked
    assert [t for t, h in hostile.snippet if h] == ["spokesman"]
    assert "\x02" not in text and "\x03" not in text and "<script>" in text  # plain text, escaped where rendered


@pytest.mark.parametrize("q, says", [
    ('"partial mobilisation', "quotation mark"),
    ("NOT putin", "NOT needs"),
    ("putin OR", "OR needs"),
    ("(putin OR flee", "parenthesis is not closed"),
    ("putin)", "closing parenthesis"),
    ("x" * (MAX_QUERY_CHARS + 1), "longer than"),
    (" ".join(["w"] * 40), "more than"),
])
def test_search_index_bad_query_says_why_without_echoing(index, q, says):
    with pytest.raises(SearchQueryError) as err:
        index.search(q)
    assert says in str(err.value) and q not in str(err.value)


def test_search_index_parse_query_quotes_every_word():
    assert parse_query('flee "partial  mobilisation" -putin OR russia') == \
        '"flee" AND "partial mobilisation" NOT "putin" OR "russia"'
    assert parse_query('a"" OR b') == '"a" OR "b"'  # an empty phrase finds nothing: dropped
    with pytest.raises(SearchQueryError):
        parse_query('say"s')
    assert parse_query("— ...") == ""


def test_search_index_sync_follows_the_database(store, index):
    stats = index.sync(store.con)
    assert (stats.indexed, stats.removed, stats.rebuilt) == (0, 0, False)
    changed = copy.copy(FLEE)  # the same id, a corrected text
    changed.text = FLEE.text.replace("Georgia", "Kazakhstan")
    store.write_articles([changed], replace=True)
    store.con.execute("DELETE FROM articles WHERE id = ?", [GERMAN.id])
    stats = index.sync(store.con)
    assert (stats.indexed, stats.removed) == (1, 1)
    assert ids(index.search("kazakhstan")) == [FLEE.id] and ids(index.search("georgia")) == []
    assert ids(index.search("cafe")) == [] and index.count() == 4


def test_search_index_rebuilt_when_of_another_version(store, index):
    index.con.execute("UPDATE info SET value = '0' WHERE key = 'version'")
    index.con.commit()
    assert sync(store.path, store.con).rebuilt
    assert ids(index.search('"partial mobilisation"')) == [PARTIAL.id]


def test_search_index_in_memory_when_the_folder_is_read_only(store, monkeypatch):
    real = sqlite3.connect

    def refuse(path, *a, **kw):
        if path != ":memory:":
            raise sqlite3.OperationalError("unable to open database file")
        return real(path, *a, **kw)

    monkeypatch.setattr(sqlite3, "connect", refuse)
    with SearchIndex.open(store.path, store.con) as ix:
        assert ix.path is None and ids(ix.search("dagestan")) == [PROTEST.id]
