"""Each export opens in the tool it is meant for: DuckDB reads the Parquet, spaCy loads the DocBin."""

from __future__ import annotations

import csv

import duckdb
import pytest

from presswatch.interop import FORMATS, export
from presswatch.interop.exports import article_file_text, semeval_lines
from presswatch.model import Annotation, Article


def test_exports_parquet_reads_back_in_duckdb(db_path, built_db, tmp_path):
    result = export(db_path, "parquet", tmp_path / "pq")
    names = {f.name for f in result.files}
    assert {"articles.parquet", "annotations.parquet"} <= names
    con = duckdb.connect()
    rows = con.execute(f"SELECT id, text FROM read_parquet('{tmp_path}/pq/articles.parquet') ORDER BY id").fetchall()
    assert sorted((a.id, a.text) for a in built_db[1]) == rows
    n_ann = con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/annotations.parquet')").fetchone()[0]
    assert n_ann == sum(len(a.annotations) for a in built_db[1])
    speaker = con.execute(
        f"SELECT json_extract_string(attrs, '$.speaker') FROM read_parquet('{tmp_path}/pq/annotations.parquet') "
        "WHERE layer = 'quote'"
    ).fetchone()[0]
    assert speaker == "Alexander Lukashenko"


def test_exports_csv_writes_one_file_per_table_with_header(db_path, built_db, tmp_path):
    export(db_path, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "annotations.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(len(a.annotations) for a in built_db[1])
    assert {"article_id", "layer", "label", "start", "end", "score", "attrs"} <= set(rows[0])
    assert (tmp_path / "csv" / "articles.csv").is_file()


def test_exports_jsonl_round_trips_articles(db_path, built_db, tmp_path):
    export(db_path, "jsonl", tmp_path / "a.jsonl")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    back = {a.id: a for a in map(Article.from_json, lines)}
    for article in built_db[1]:
        assert back[article.id].text == article.text
        assert sorted(back[article.id].annotations, key=repr) == sorted(article.annotations, key=repr)


def test_exports_semeval_lines_count_title_and_blank_lines():
    article = Article.create("<t>", "First paragraph here.\n\nSecond one is loaded.", title="A title")
    i = article.text.index("loaded")
    article.add(Annotation("technique", "Loaded_Language", i, i + 6, 0.9))
    article.add(Annotation("technique", "Doubt", 0, 5, 0.5))
    lines = dict(semeval_lines(article))
    assert lines == {1: [], 3: ["Doubt"], 5: ["Loaded_Language"]}
    file_lines = article_file_text(article).split("\n")
    assert file_lines[4] == "Second one is loaded."


def test_exports_semeval_writes_the_task_layout(db_path, built_db, tmp_path):
    export(db_path, "semeval-2023-st3", tmp_path / "se")
    second = next(a for a in built_db[1] if "Peskov" in a.text)
    labels = [l.split("\t") for l in (tmp_path / "se" / "labels-subtask-3.txt").read_text(encoding="utf-8").splitlines()]
    mine = {int(n): t for aid, n, t in labels if aid == second.id}
    assert mine[5] == "Loaded_Language,Name_Calling-Labeling"
    assert mine[3] == "" and mine[1] == ""
    # span offsets point into the article file, title line included
    art_file = (tmp_path / "se" / "articles" / f"article{second.id}.txt").read_text(encoding="utf-8")
    span_lines = (tmp_path / "se" / "labels-subtask-3-spans" / f"article{second.id}-labels-subtask-3.txt").read_text(encoding="utf-8").splitlines()
    _, label, s, e = span_lines[0].split("\t")
    assert art_file[int(s):int(e)] in ("a disaster \U0001F4A5 and a betrayal", "a betrayal")
    genres = dict(l.split("\t") for l in (tmp_path / "se" / "labels-subtask-1.txt").read_text().splitlines())
    assert genres[second.id] == "opinion"
    frames = dict(l.split("\t") for l in (tmp_path / "se" / "labels-subtask-2.txt").read_text().splitlines())
    assert set(frames.values()) == {"Political,Security_and_defense"}


def test_exports_spacy_docbin_loads_with_span_groups_per_layer(db_path, built_db, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    export(db_path, "spacy", tmp_path / "docs.spacy")
    docs = list(DocBin().from_disk(tmp_path / "docs.spacy").get_docs(spacy.blank("en").vocab))
    assert len(docs) == len(built_db[1])
    first = next(d for d in docs if "Lukashenko" in d.text)
    assert set(first.spans) == {"entity", "quote", "claim", "technique"}
    assert [s.text for s in first.spans["quote"]] == ["we will win, we have no other choice"]
    assert first.spans["quote"][0].label_ == "direct"
    assert first.cats == {"genre:reporting": 0.8, "frame:Political": 0.6, "frame:Security_and_defense": 0.7}
    meta = first.user_data["presswatch"]
    assert meta["attrs"]["quote"][0]["speaker"] == "Alexander Lukashenko"
    assert meta["id"] in {a.id for a in built_db[1]}


def test_exports_unknown_format_says_which_exist(db_path, tmp_path):
    with pytest.raises(ValueError, match="label-studio"):
        export(db_path, "xml", tmp_path / "x")
    assert set(FORMATS) == {"jsonl", "parquet", "csv", "semeval-2023-st3", "spacy", "label-studio"}
