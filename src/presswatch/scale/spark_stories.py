"""Stories and the timeline on Spark, decided by the same corpus code as a local run.

What an article gives on its own (story embedding, entity mentions, reference day, lead and title
phrases, dated statements) is computed per partition. Document frequencies are Spark aggregations.
Placement is sequential (each article is compared with the stories founded by earlier ones), so the
driver runs it with `stories.assign_in_order`, reading the articles in publication order one
partition at a time and holding only the story states. Labels (per story) and the timeline's
repeats (per story, day and statement) are distributed again.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from datetime import date
from itertools import chain
from typing import Any, Iterator

import numpy as np

from presswatch.corpus.digest import lead_text
from presswatch.corpus.embed import embedding_text, load_embedder
from presswatch.corpus.entities import entity_counts, rename, unify_names
from presswatch.corpus.stories import (
    StoryInput, StoryState, assign_in_order, entity_weights, follow_copies, idf_weights, key_phrase, phrases, to_story,
)
from presswatch.corpus.text import normalise, sort_key_published
from presswatch.corpus.timeline import PRECISION_RANK, find_timeline, reference_date

from .spark import delete_path
from .spark_corpus import row_article

INPUT_SCHEMA = (
    "article string, published string, title string, day string, vector array<float>, names array<string>, "
    "mentions array<int>, lead array<string>, title_phrases array<string>, timeline string"
)
TIMELINE_SCHEMA = (
    "array<struct<date:string,precision:string,date_text:string,relative:boolean,statement:string,"
    "start:int,end:int,norm:string>>"
)
STORY_SCHEMA = (
    "id string, label string, entities array<string>, key_phrase string, start string, end string, articles string"
)
#: Rows per partition of the publication-ordered stream the driver reads: it holds one partition at a time.
STREAM_ROWS = 20_000


def stories_and_timeline(articles: Any, annotations: Any, duplicates: Any, output: str, embedder: str) -> dict[str, int]:
    """Write `stories/` and `timeline/` under `output`; returns their row counts."""
    spark = articles.sparkSession
    story_inputs(articles, annotations, embedder).write.mode("overwrite").parquet(f"{output}/_story_inputs")
    inputs = spark.read.parquet(f"{output}/_story_inputs")
    n_docs = inputs.count()
    aliases, idf = entity_statistics(inputs, n_docs)
    states = place(inputs, copy_anchors(duplicates, articles), aliases, idf, n_docs)
    placement = spark.createDataFrame(
        [(m.article, st.id) for st in states for m in st.members], "article string, story string"
    )
    placement.write.mode("overwrite").parquet(f"{output}/_placement")
    placement = spark.read.parquet(f"{output}/_placement")
    labels = key_phrases(inputs, placement, states, idf, n_docs)
    story_table(spark, states, labels, idf).write.mode("overwrite").parquet(f"{output}/stories")
    timeline(inputs, placement).write.mode("overwrite").parquet(f"{output}/timeline")
    for staging in ("_story_inputs", "_placement"):
        delete_path(spark, f"{output}/{staging}")
    return {"stories": len(states), "timeline": spark.read.parquet(f"{output}/timeline").count()}


# -- per partition -----------------------------------------------------------------------------
def story_inputs(articles: Any, annotations: Any, embedder: str) -> Any:
    """One row per article with text: what placement, labels and the timeline need of it (INPUT_SCHEMA)."""
    from pyspark.sql import functions as F

    entities = (
        annotations.filter(F.col("layer") == "entity")
        .groupBy("article_id")
        # mention order, as the article holds them (start leads the struct, so it leads the sort)
        .agg(F.array_sort(F.collect_list(F.struct("start", "end", "layer", "label", "score", "attrs"))).alias("entities"))
    )
    joined = (
        articles.filter(F.length("text") > 0)
        .select("id", "text", "title", "published", "language", "paragraphs")
        .join(entities, F.col("id") == F.col("article_id"), "left")
        .drop("article_id")
    )
    return joined.mapInPandas(_inputs_fn(embedder), INPUT_SCHEMA)


def _inputs_fn(embedder: str):
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        columns = [c.split()[0] for c in INPUT_SCHEMA.split(", ")]
        for pdf in batches:
            batch = [row_article(row, row.entities) for row in pdf.itertuples(index=False)]
            model = load_embedder(embedder)  # cached per process: Spark reuses its Python workers
            _task_threads()
            vectors = model.encode([embedding_text(a) for a in batch])
            yield pd.DataFrame([input_row(a, v) for a, v in zip(batch, vectors)], columns=columns)

    return run


def input_row(article: Any, vector: Any) -> tuple[Any, ...]:
    """An article's row of INPUT_SCHEMA, from the corpus layer's own per-article functions."""
    counts = entity_counts(article)
    day = reference_date(article)
    entries = [
        {"date": t.date.isoformat(), "precision": t.precision, "date_text": t.date_text, "relative": t.relative,
         "statement": t.statement, "start": t.start, "end": t.end, "norm": normalise(t.statement)}
        for t in find_timeline(article)
    ]
    return (
        article.id, article.published, article.title, day.isoformat() if day else None,
        vector.tolist(), list(counts), list(counts.values()),
        sorted(phrases(lead_text(article))), sorted(phrases(article.title or "")),
        json.dumps(entries, ensure_ascii=False),
    )


def _task_threads() -> None:
    """torch uses the cores Spark gives this task, not the whole machine's (other tasks run beside it)."""
    from pyspark import TaskContext

    torch, context = sys.modules.get("torch"), TaskContext.get()
    if torch is not None and context is not None:
        torch.set_num_threads(max(1, context.cpus()))


# -- corpus statistics -------------------------------------------------------------------------
def entity_statistics(inputs: Any, n_docs: int) -> tuple[dict[str, str], dict[str, float]]:
    """The alias map (`unify_names` over name document frequencies) and the alias-folded entity idf."""
    from pyspark.sql import functions as F

    names = inputs.select("article", F.explode("names").alias("name"))  # names are distinct within an article
    aliases = unify_names({r["name"]: r["count"] for r in names.groupBy("name").count().toLocalIterator()})
    table = inputs.sparkSession.createDataFrame(list(aliases.items()), "name string, canonical string")
    folded = (
        names.join(F.broadcast(table), "name", "left")
        .select("article", F.coalesce("canonical", "name").alias("entity"))
        .distinct()
    )
    df = {r["entity"]: r["count"] for r in folded.groupBy("entity").count().toLocalIterator()}
    return aliases, idf_weights(df, n_docs)


def published_order(published: str, article: str) -> list[Any]:
    """Sort columns giving `corpus.text.sort_key_published`'s order: dated first, by date, then by id."""
    from pyspark.sql import functions as F

    day = F.coalesce(F.col(published), F.lit(""))
    return [day == "", day, F.col(article)]


# -- placement on the driver -------------------------------------------------------------------
def copy_anchors(duplicates: Any, articles: Any) -> dict[str, str]:
    """Copy -> the earliest member of its duplicate group (`stories.follow_copies` over the Spark groups)."""
    from pyspark.sql import functions as F

    members = (
        duplicates.select(F.col("a").alias("id"), "group")
        .union(duplicates.select(F.col("b").alias("id"), "group"))
        .distinct()
        .join(articles.select("id", "published"), "id")
    )
    groups: dict[str, list[tuple[tuple[int, str, str], str]]] = defaultdict(list)
    for r in members.toLocalIterator():  # duplicates are few
        groups[r["group"]].append((sort_key_published(r["published"], r["id"]), r["id"]))
    return follow_copies([a for _, a in sorted(g)] for g in groups.values())


def place(
    inputs: Any, follow: dict[str, str], aliases: dict[str, str], idf: dict[str, float], n_docs: int
) -> list[StoryState]:
    """Every article placed in a story by `stories.assign_in_order`, streamed to the driver in publication order."""
    keys = published_order("published", "article")
    stream = (
        inputs.select("article", "published", "title", "day", "vector", "names", "mentions")
        .repartitionByRange(max(1, -(-n_docs // STREAM_ROWS)), *keys)
        .sortWithinPartitions(*keys)
        .toLocalIterator()
    )
    states: list[StoryState] = []
    first = next(stream, None)
    if first is None:
        return states

    def expand(row: Any) -> StoryInput:
        return story_input(row, aliases, idf)

    assign_in_order(chain([first], stream), states, dims=len(first["vector"]), follow=follow, idf=idf, expand=expand)
    return states


def story_input(row: Any, aliases: dict[str, str], idf: dict[str, float]) -> StoryInput:
    """The StoryInput of a stream row, built as the local layer builds it (stage._place)."""
    counts = rename(Counter(dict(zip(row["names"], row["mentions"]))), aliases)
    day = date.fromisoformat(row["day"]) if row["day"] else None
    vector = np.asarray(row["vector"], dtype=np.float32)
    return StoryInput(row["article"], vector, entity_weights(counts, idf), day, row["published"], row["title"],
                      dict(counts))


# -- labels and tables -------------------------------------------------------------------------
def key_phrases(inputs: Any, placement: Any, states: list[StoryState], idf: dict[str, float], n_docs: int) -> dict[str, str]:
    """Story -> key phrase by `stories.key_phrase`: tf over its members' lead and title phrases, df over the corpus."""
    from pyspark.sql import functions as F

    spark = inputs.sparkSession
    either = F.array_union("lead", "title_phrases")  # a phrase counts once an article for df
    doc_freq = inputs.select(F.explode(either).alias("phrase")).groupBy("phrase").agg(F.count("*").alias("df"))
    names = spark.createDataFrame([(st.id, list(st.main_entities(3, idf))) for st in states],
                                  "story string, entities array<string>")
    members = inputs.select("article", "lead", "title_phrases").join(placement, "article").join(names, "story")
    # a key of its own: grouping both sides on the one `story` column derived from `members` is ambiguous to Spark
    freq = (
        members.select(F.col("story").alias("of"), F.explode(either).alias("phrase")).distinct().join(doc_freq, "phrase")
    )
    labels = members.groupBy("story").cogroup(freq.groupBy("of")).applyInPandas(
        _key_phrase_fn(n_docs), "story string, key_phrase string"
    )
    return {r["story"]: r["key_phrase"] for r in labels.toLocalIterator()}


def _key_phrase_fn(n_docs: int):
    def run(members: Any, freq: Any) -> Any:
        import pandas as pd

        if members.empty:
            return pd.DataFrame([], columns=["story", "key_phrase"])
        phrase = key_phrase(
            [set(p) for p in members["lead"]], dict(zip(freq["phrase"], map(int, freq["df"]))), n_docs,
            list(members["entities"].iloc[0]), [set(p) for p in members["title_phrases"]],
        )
        return pd.DataFrame([(members["story"].iloc[0], phrase)], columns=["story", "key_phrase"])

    return run


def story_table(spark: Any, states: list[StoryState], labels: dict[str, str], idf: dict[str, float]) -> Any:
    """The `stories` table: `stories.to_story` of each state, as Story.to_dict gives it (articles as JSON)."""
    rows = []
    for st in states:
        d = to_story(st, labels.get(st.id, ""), idf).to_dict()
        rows.append((d["id"], d["label"], d["entities"], d["key_phrase"], d["start"], d["end"],
                     json.dumps(d["articles"], ensure_ascii=False)))
    return spark.createDataFrame(rows, STORY_SCHEMA)


def timeline(inputs: Any, placement: Any) -> Any:
    """Dated statements with their story; a repeat (same story, day and statement) keeps the earliest article's."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    rank = F.create_map(*[F.lit(v) for kv in PRECISION_RANK.items() for v in kv])
    entries = (
        inputs.select("article", "published", F.explode(F.from_json("timeline", TIMELINE_SCHEMA)).alias("t"))
        .join(placement, "article")
        .select("article", "published", "story", "t.*")
    )
    # timeline.merge_timeline's choice: the most precise, then the earliest article, then the first in it
    first = Window.partitionBy("story", "date", "norm").orderBy(
        rank[F.col("precision")], *published_order("published", "article"), "start"
    )
    return (
        entries.withColumn("n", F.row_number().over(first))
        .filter(F.col("n") == 1)
        .select(F.to_date("date").alias("date"), "precision", "date_text", "relative", "article", "statement",
                "start", "end", "story")
    )
