"""The issue's seed examples, on the real seed files through ingest, clean, nlp and extract."""

import pytest

from presswatch import analyze

STAGES = ("nlp.spacy.v1", "extract.entities.v1", "extract.quotes.v1", "extract.claims.v1")


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    paths = sorted(seeds_dir.glob("00[0-4]_*.txt"))
    result = analyze(paths, stages=STAGES, corpus=False)
    return {a.source_path.rsplit("/", 1)[-1][:3]: a for a in result.articles}


def quote(article, starts: str):
    found = [a for a in article.layer("quote") if article.text[a.start : a.end].startswith(starts)]
    assert found, f"no quote starting {starts!r}"
    return found[0]


def test_stages_seeds_lukashenko_quotes(seeds):
    a = seeds["000"]
    assert quote(a, "Our course is right").attrs["speaker"] == "Alexander Lukashenko"
    q = quote(a, "Let's say 30,000")
    assert q.label == "direct" and q.attrs["speaker"] == "Alexander Lukashenko"


def test_stages_seeds_minister_resolves_to_heappey(seeds):
    q = quote(seeds["002"], "Russian conscripts are going to suffer")
    assert q.attrs["speaker"] == "James Heappey"


def test_stages_seeds_zelensky_claim(seeds):
    a = seeds["002"]
    claims = [c for c in a.layer("claim") if c.attrs["value"] == 55000 and c.attrs["predicate"] == "died"]
    assert claims, "the 55,000 soldiers died claim is missing"
    assert claims[0].attrs["unit"] == "soldiers"
    assert claims[0].attrs["speaker"] == "Volodymyr Zelensky"


def test_stages_seeds_apostrophes_never_make_quotes(seeds):
    for article in seeds.values():
        for q in article.layer("quote"):
            span = article.text[q.start : q.end]
            assert not span.startswith(("s ", "t ")), span  # Putin's, don't split into a quote


def test_stages_seeds_no_quote_runs_over_a_paragraph(seeds):
    for article in seeds.values():
        for q in article.layer("quote"):
            assert "\n" not in article.text[q.start : q.end]


def test_stages_seeds_canonical_putin_everywhere(seeds):
    for article in seeds.values():
        people = {e.attrs["canonical"] for e in article.layer("entity") if e.label == "PERSON"}
        assert "Putin" not in people and ("Vladimir Putin" in people or not any("Putin" in p for p in people))


def test_stages_seeds_partial_quotes_in_reported_speech(seeds):
    a = seeds["001"]
    q = quote(a, "advanced")
    assert q.label == "partial" and q.attrs["speaker"] == "Alexander Lukashenko"


def test_stages_seeds_unnamed_speaker_keeps_phrase(seeds):
    q = quote(seeds["002"], "I will not let my husband go")
    assert q.attrs["speaker"] == "A wife from Tyumen in Siberia"


def test_stages_pipeline_writes_layers_and_entity_table(tmp_path):
    import json

    import duckdb

    text = (
        "Putin calls up reservists\n\n"
        "Vladimir Putin ordered the call-up of 300,000 reservists on Wednesday.\n\n"
        "'This is not a bluff,' Putin said in a televised address."
    )
    analyze(texts=[text], out=tmp_path, stages=STAGES, corpus=False)
    article = json.loads((tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    layers = {a["layer"] for a in article["annotations"]}
    assert {"entity", "quote", "claim"} <= layers
    quote = next(a for a in article["annotations"] if a["layer"] == "quote")
    assert quote["attrs"]["speaker"] == "Vladimir Putin"
    con = duckdb.connect(str(tmp_path / "presswatch.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT canonical, mentions FROM entities WHERE label = 'PERSON'").fetchall()
    finally:
        con.close()
    assert rows == [("Vladimir Putin", 2)]
