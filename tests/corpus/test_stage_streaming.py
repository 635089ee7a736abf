"""The streaming corpus pass: same corpus.json as the in-memory pass, a batch of articles at a time, no re-embedding."""

import gc
import json
import weakref
from pathlib import Path

import pytest

from presswatch.corpus import digest as digest_mod
from presswatch.corpus import stage as corpus_stage
from presswatch.corpus.embed import FALLBACK_NAME
from presswatch.model import Article
from presswatch.store import Store
from presswatch.store.corpus import fetch_articles, load_vectors

from .helpers import CountingEmbedder

FIXTURES = Path(__file__).parent / "fixtures"


def _examples() -> list[Article]:
    """examples/ analysed once (entity, claim and genre layers), as stored in the fixture."""
    lines = (FIXTURES / "examples_articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [Article.from_json(line) for line in lines]


def _expected() -> dict:
    """corpus.json of the previous, all-in-memory corpus pass over the same articles (hashing embedder)."""
    return json.loads((FIXTURES / "examples_corpus_hashing.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("batch", [500, 4])
def test_stage_streaming_store_pass_matches_in_memory_fixture(tmp_path, monkeypatch, batch):
    monkeypatch.setattr(corpus_stage, "BATCH", batch)  # 4: the twelve articles arrive in three batches
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles(_examples())
        data = corpus_stage.run_corpus(store=store, embedder_name=FALLBACK_NAME)
    expected = _expected()
    assert json.loads(json.dumps(data)) == expected
    assert expected["duplicates"] and expected["claim_conflicts"] and expected["corroborations"]
    assert all(c["sentence"] for g in data["claim_conflicts"] for c in g["claims"])  # sentences read back
    assert any(m["added"] for g in data["duplicates"] for m in g["members"])  # diffs from texts read back


def test_stage_streaming_without_store_matches_in_memory_fixture():
    data = corpus_stage.run_corpus(articles=_examples(), embedder_name=FALLBACK_NAME)
    assert json.loads(json.dumps(data)) == _expected()


def test_stage_streaming_holds_one_batch_of_articles_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_stage, "BATCH", 3)
    refs = []
    most = []
    original = digest_mod.Digester.digest

    def digest(self, article, fp):
        refs.append(weakref.ref(article))
        gc.collect()
        most.append(sum(r() is not None for r in refs))
        return original(self, article, fp)

    monkeypatch.setattr(digest_mod.Digester, "digest", digest)
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles(_examples())
        corpus_stage.run_corpus(store=store, embedder_name=FALLBACK_NAME)
    assert len(most) == 12
    assert max(most) <= 2 * 3  # the batch being digested (and at most the one before it), never the corpus


def test_stage_streaming_rerun_over_unchanged_store_does_not_embed(tmp_path, counting):
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles(_examples())
        first = corpus_stage.run_corpus(store=store, embedder_name=FALLBACK_NAME)
        assert CountingEmbedder.encoded == 12 and len(counting) == 1
        cached = load_vectors(store)
        assert len(cached) == 12 and all(row[3] == FALLBACK_NAME and row[4] is not None for row in cached.values())
        second = corpus_stage.run_corpus(store=store, embedder_name=FALLBACK_NAME)
        assert CountingEmbedder.encoded == 12  # nothing embedded again
        assert len(counting) == 1  # nor the model even loaded
    assert second == first


def test_stage_streaming_new_article_embeds_only_itself(tmp_path, counting):
    articles = _examples()
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles(articles[:-1])
        corpus_stage.run_corpus(store=store, embedder_name=FALLBACK_NAME)
        before = CountingEmbedder.encoded
        store.write_articles(articles[-1:])
        corpus_stage.run_corpus(store=store, embedder_name=FALLBACK_NAME)
        assert CountingEmbedder.encoded - before == 1


def test_stage_streaming_store_reads_only_requested_layers(tmp_path):
    articles = _examples()
    all_layers = {n.layer for a in articles for n in a.annotations}
    assert {"entity", "claim"} <= all_layers
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles(articles)
        every = list(store.iter_articles())
        claims = list(store.iter_articles(layers=("claim",)))
        none = list(store.iter_articles(layers=()))
        fetched = fetch_articles(store, [articles[0].id], ("entity",))
    assert {n.layer for a in every for n in a.annotations} == all_layers
    assert {n.layer for a in claims for n in a.annotations} == {"claim"}
    by_id = {a.id: a for a in every}
    assert all(a.annotations == by_id[a.id].layer("claim") for a in claims)
    assert all(a.annotations == [] and a.text == by_id[a.id].text for a in none)
    assert [n.layer for n in fetched[articles[0].id].annotations] == ["entity"] * len(articles[0].layer("entity"))


def test_stage_streaming_duckdb_memory_is_bounded(tmp_path, monkeypatch):
    with Store(tmp_path / "db.duckdb") as store:
        default = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    monkeypatch.setenv("PRESSWATCH_DUCKDB_MEMORY", "256MB")
    with Store(tmp_path / "db.duckdb") as store:
        small = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert default.endswith("MiB") and float(default.split()[0]) < 600
    assert small.endswith("MiB") and float(small.split()[0]) < 300


def test_stage_streaming_prepared_batches_are_not_embedded_again(tmp_path, counting):
    articles = _examples()
    layer = corpus_stage.CorpusLayer(FALLBACK_NAME)
    with Store(tmp_path / "db.duckdb") as store:
        for start in range(0, len(articles), 5):  # as the pipeline does: after each written batch
            batch = articles[start:start + 5]
            store.write_articles(batch)
            layer.prepare(store=store, articles=batch)
        assert CountingEmbedder.encoded == 12 and len(load_vectors(store)) == 12
        data = layer(store=store)
    assert CountingEmbedder.encoded == 12  # the corpus pass used the prepared embeddings
    assert json.loads(json.dumps(data)) == _expected()


def test_stage_streaming_prepared_without_store_matches_fixture(counting):
    articles = _examples()
    layer = corpus_stage.CorpusLayer(FALLBACK_NAME, threads=1)
    layer.prepare(articles=articles[:7])
    layer.prepare(articles=articles[7:])
    assert set(layer.cache) == {a.id for a in articles}
    data = layer(articles=articles)
    assert CountingEmbedder.encoded == 12
    assert json.loads(json.dumps(data)) == _expected()
