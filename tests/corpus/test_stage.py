"""The corpus stage over a store: results in corpus.json and DuckDB, and incremental story placement."""

import json


from presswatch import analyze
from presswatch.corpus import stage as corpus_stage
from presswatch.corpus.embed import FALLBACK_NAME
from presswatch.options import Options
from presswatch.store import Store
from presswatch.store.corpus import result_tables

from .helpers import CountingEmbedder, article

MOB = ("Putin orders partial mobilisation of reservists",
       "Vladimir Putin ordered a partial mobilisation of reservists on Wednesday. Defence minister Sergei Shoigu "
       "said the call-up would bring 300,000 reservists into the army for the war in Ukraine.")
MOB2 = ("Shoigu says partial mobilisation will call up 300,000 reservists",
        "Sergei Shoigu said the partial mobilisation ordered by Vladimir Putin would call up 300,000 reservists "
        "with combat experience, as protests against the mobilisation spread.")
SOCHI = ("Lukashenko meets Putin in Sochi",
         "Alexander Lukashenko met Vladimir Putin in Sochi on Monday. The Belarusian leader told Putin that the "
         "men leaving Russia should be allowed to go, and the two discussed gas prices and the harvest.")


def _art(pair, published, outlet="x", claims=()):
    title, body = pair
    return article(body + "\n\nMore detail on the day's events follows in this paragraph.", title=title,
                   published=published, outlet=outlet, claims=claims)


def _corpus():
    return corpus_stage.make_corpus(Options.build(corpus_embedder=FALLBACK_NAME))


def test_stage_writes_corpus_tables_and_json(tmp_path, counting):
    mob = _art(MOB, "2022-09-21T18:00:00", claims=[dict(number="300,000", value=300000, unit="reservists",
                                                        speaker="Sergei Shoigu")])
    copy = article(mob.text + "\n\nRead more at our site.", title="Copy of the wire", published="2022-09-21T20:00:00",
                   outlet="y", claims=[dict(number="300,000", value=300000, unit="reservists", speaker="Sergei Shoigu")])
    sochi = _art(SOCHI, "2022-09-26T16:00:00")
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([mob, copy, sochi])
        data = _corpus()(store=store, articles=[])
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert set(result_tables()) <= tables
        assert store.count("duplicates") == 1
        assert json.loads(store.con.execute("SELECT articles FROM duplicates").fetchone()[0]) == [mob.id, copy.id]
        assert store.count("story_articles") == 3
        dup_rows = store.con.execute("SELECT article_id, rank, added FROM duplicate_members ORDER BY rank").fetchall()
        assert [r[0] for r in dup_rows] == [mob.id, copy.id]
        assert json.loads(dup_rows[1][2]) == ["Read more at our site."]
    assert set(data) >= {"duplicates", "stories", "claim_conflicts", "timeline", "corroborations", "updates"}
    json.dumps(data)  # corpus.json must serialise
    assert data["claim_conflicts"] == [] and data["corroborations"] == []  # a copy is no second source
    assert {a["article"] for s in data["stories"] for a in s["articles"]} == {mob.id, copy.id, sochi.id}
    story_of = {a["article"]: s["id"] for s in data["stories"] for a in s["articles"]}
    assert story_of[mob.id] == story_of[copy.id] != story_of[sochi.id]
    assert any(t["date_text"] == "on Wednesday" and t["date"] == "2022-09-21" for t in data["timeline"])


def test_stage_second_run_places_only_new_articles(tmp_path, counting):
    mob, sochi = _art(MOB, "2022-09-21T18:00:00"), _art(SOCHI, "2022-09-26T16:00:00")
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([mob, sochi])
        first = _corpus()(store=store, articles=[])
        assert CountingEmbedder.encoded == 2
        mob2 = _art(MOB2, "2022-09-22T09:00:00", outlet="z")
        store.write_articles([mob2])
        second = _corpus()(store=store, articles=[mob2])
        assert CountingEmbedder.encoded == 3  # only the new article was embedded
        loads_before = len(counting)
        third = _corpus()(store=store, articles=[])
        assert len(counting) == loads_before  # nothing new: the model is never loaded
    before = {a["article"]: s["id"] for s in first["stories"] for a in s["articles"]}
    after = {a["article"]: s["id"] for s in second["stories"] for a in s["articles"]}
    assert after[mob.id] == before[mob.id] and after[sochi.id] == before[sochi.id]
    assert after[mob2.id] == after[mob.id]
    assert third["stories"] == second["stories"]


def test_stage_without_store_uses_the_given_articles(counting):
    data = _corpus()(store=None, articles=[_art(MOB, "2022-09-21"), _art(SOCHI, "2022-09-26")])
    assert len(data["stories"]) == 2 and data["duplicates"] == []


def test_stage_analyze_twice_with_one_out_joins_new_folder(tmp_path, counting):
    first_dir, second_dir, out = tmp_path / "a", tmp_path / "b", tmp_path / "out"
    first_dir.mkdir()
    second_dir.mkdir()
    (first_dir / "mob.txt").write_text(f"{MOB[0]}\n\n{MOB[1]}\n", encoding="utf-8")
    (first_dir / "sochi.txt").write_text(f"{SOCHI[0]}\n\n{SOCHI[1]}\n", encoding="utf-8")
    (second_dir / "mob2.txt").write_text(f"{MOB2[0]}\n\n{MOB2[1]}\n", encoding="utf-8")
    r1 = analyze([first_dir], out=out, stages=(), corpus_embedder=FALLBACK_NAME)
    r2 = analyze([second_dir], out=out, stages=(), corpus_embedder=FALLBACK_NAME)
    assert r2.summary.analysed == 1
    written = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(r2.corpus))
    ids = {a.source_path.rsplit("/", 1)[-1]: a.id for a in r1.articles + r2.articles}
    story_of = {a["article"]: s["id"] for s in written["stories"] for a in s["articles"]}
    assert story_of[ids["mob2.txt"]] == story_of[ids["mob.txt"]] != story_of[ids["sochi.txt"]]


def test_stage_earlier_copy_arriving_later_joins_the_placed_story(tmp_path, counting):
    mob, sochi = _art(MOB, "2022-09-21T18:00:00"), _art(SOCHI, "2022-09-26T16:00:00")
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([mob, sochi])
        first = _corpus()(store=store, articles=[])
        early_copy = article(mob.text + "\n\nSyndicated from the wire.", title="Early copy",
                             published="2022-09-21T10:00:00", outlet="early")
        store.write_articles([early_copy])
        second = _corpus()(store=store, articles=[early_copy])
    story_of = {a["article"]: s["id"] for s in second["stories"] for a in s["articles"]}
    assert story_of[early_copy.id] == story_of[mob.id]
    (group,) = second["duplicates"]
    assert group["members"][0]["article"] == early_copy.id  # earliest first, whatever the arrival order
    assert {s["id"] for s in first["stories"]} == {s["id"] for s in second["stories"]}


def test_stage_switching_embedder_rebuilds_stories(tmp_path, counting, monkeypatch):
    mob, sochi = _art(MOB, "2022-09-21T18:00:00"), _art(SOCHI, "2022-09-26T16:00:00")

    class OtherModel(CountingEmbedder):
        name = "other-model"

    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([mob, sochi])
        _corpus()(store=store, articles=[])
        monkeypatch.setattr(corpus_stage, "load_embedder", lambda name: OtherModel())
        mob2 = _art(MOB2, "2022-09-22T09:00:00")
        store.write_articles([mob2])
        before = CountingEmbedder.encoded
        data = _corpus()(store=store, articles=[mob2])
        assert CountingEmbedder.encoded - before == 3  # every article re-embedded with the new model
        assert store.con.execute("SELECT DISTINCT model FROM story_state").fetchall() == [("other-model",)]
    assert data["model"] == "other-model"


def test_stage_empty_store_gives_empty_sections(tmp_path, counting):
    with Store(tmp_path / "db.duckdb") as store:
        data = _corpus()(store=store, articles=[])
        assert store.count("stories") == 0
    assert data["duplicates"] == data["stories"] == data["claim_conflicts"] == data["timeline"] == []
    assert counting == []  # nothing to place: the model is never loaded
