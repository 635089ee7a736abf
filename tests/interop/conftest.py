"""A small database built with presswatch.analyze on our own texts, plus hand-added annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from presswatch.model import Annotation, Article

#: Our own sample texts in the messy shapes of scraped news (title, blank line, body).
TEXTS = [
    "Belarus leader lectures Putin in Sochi\n\n"
    "Alexander Lukashenko told Vladimir Putin on Monday that \"we will win, we have no other choice\".\n\n"
    "Officials said up to 1 million reservists could be called up, far more than the 300,000 announced.",
    "Kremlin: 300,000 to be mobilised <script>window.__pwned = 1</script>\n\n"
    "The Kremlin insisted that only 300,000 men would be drafted, Dmitry Peskov said.\n\n"
    "Critics called the plan a disaster \U0001F4A5 and a betrayal of ordinary families.",
]


def span(article: Article, needle: str) -> tuple[int, int]:
    i = article.text.index(needle)
    return i, i + len(needle)


def annotate(article: Article) -> None:
    """Hand-added annotations of every layer the interop code knows, where the text has them."""
    t = article.text
    if "Lukashenko" in t:
        article.add(Annotation("entity", "PERSON", *span(article, "Alexander Lukashenko"), None, {"canonical": "Alexander Lukashenko"}))
        article.add(Annotation("entity", "PERSON", *span(article, "Vladimir Putin"), None, {"canonical": "Vladimir Putin"}))
        article.add(Annotation("quote", "direct", *span(article, "we will win, we have no other choice"), None,
                               {"speaker": "Alexander Lukashenko", "cue": "told"}))
        article.add(Annotation("claim", "claim", *span(article, "up to 1 million"), None,
                               {"value": 1000000, "unit": "reservists", "modifier": "up to", "speaker": "Officials"}))
        article.add(Annotation("technique", "Slogans", *span(article, "we will win"), 0.71))
        article.add(Annotation("genre", "reporting", score=0.8))
        article.add(Annotation("frame", "Political", score=0.6))
        article.add(Annotation("frame", "Security_and_defense", score=0.7))
    else:
        article.add(Annotation("entity", "PERSON", *span(article, "Dmitry Peskov"), None, {"canonical": "Dmitry Peskov"}))
        article.add(Annotation("claim", "claim", *span(article, "300,000"), None,
                               {"value": 300000, "unit": "men", "modifier": "only", "speaker": "Dmitry Peskov"}))
        article.add(Annotation("technique", "Loaded_Language", *span(article, "a disaster \U0001F4A5 and a betrayal"), 0.9))
        article.add(Annotation("technique", "Name_Calling-Labeling", *span(article, "a betrayal"), 0.55))
        article.add(Annotation("genre", "opinion", score=0.55))


def build_db(path: Path, texts: list[str] = TEXTS) -> list[Article]:
    """Analyse the texts (parse only) into ``path`` and store them again with the hand-added annotations."""
    import presswatch
    from presswatch.store import Store

    result = presswatch.analyze(texts=texts, stages=("nlp.spacy.v1",), db=path, corpus=False)
    for article in result.articles:
        annotate(article)
    with Store(path) as store:
        store.write_articles(result.articles, replace=True)
    return result.articles


@pytest.fixture(scope="session")
def built_db(tmp_path_factory, nlp) -> tuple[Path, list[Article]]:
    """The sample database (do not write to it; copy it with `db_copy` for imports)."""
    path = tmp_path_factory.mktemp("interop") / "presswatch.duckdb"
    return path, build_db(path)


@pytest.fixture
def db_path(built_db) -> Path:
    return built_db[0]


@pytest.fixture
def db_copy(built_db, tmp_path) -> Path:
    """A private copy of the sample database for tests that write to it."""
    import shutil

    target = tmp_path / "presswatch.duckdb"
    shutil.copy(built_db[0], target)
    return target


def write_conflicts(path: Path, groups: list[tuple[str, str, list[tuple]]]) -> None:
    """Store claim conflicts with the corpus layer's own writer: (id, topic, [(article, value, text, speaker)])."""
    from presswatch.corpus.types import ClaimGroup, ClaimRecord
    from presswatch.store import Store
    from presswatch.store.corpus import write_results

    def claim(article, value, text, speaker):
        return ClaimRecord(article=article, start=None, value=value, modifier=None, text=text, sentence=text,
                           speaker=speaker, published=None, kind="mobilised", subject="men", qualifier=None,
                           unit="men", when=None)

    with Store(path) as store:
        write_results(store, duplicates=[], states=[], stories=[], model="test", timeline=[], claim_groups=[
            ClaimGroup(gid, "conflict", topic, None, tuple(claim(*c) for c in claims)) for gid, topic, claims in groups
        ])


@pytest.fixture
def store_conflicts():
    """write_conflicts, for tests that need corpus results in their database copy."""
    return write_conflicts
