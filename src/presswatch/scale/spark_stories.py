"""The corpus layer on Spark (duplicates, stories, claim groups, timeline), decided by the local corpus code.

Each article's digest (corpus/digest.digest: fingerprint, claim records, dated statements, story
input) and its story embedding are computed per partition. Duplicates and claim groups are reduced
by spark_corpus.py with the local functions. Document frequencies are Spark aggregations.
Placement is sequential (each article is compared with the stories founded by earlier ones), so the
driver runs it with `stories.assign_in_order`, reading the articles in publication order one
partition at a time and holding only the story states. Labels (per story) and the timeline's
repeats (per story: timeline.merge_timeline) are distributed again.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from itertools import chain
from typing import Any, Iterator

import numpy as np

from presswatch.corpus.digest import LAYERS, digest
from presswatch.corpus.duplicates import band_keys
from presswatch.corpus.embed import embedding_text, load_embedder
from presswatch.corpus.entities import rename, unify_names
from presswatch.corpus.stories import (
    StoryInput, StoryState, assign_in_order, follow_copies, idf_weights, key_phrase, phrases, story_input as
    make_story_input, to_story,
)
from presswatch.corpus.text import sort_key_published
from presswatch.corpus.timeline import merge_timeline
from presswatch.corpus.types import DuplicateGroup, TimelineEntry

from .spark_corpus import (
    claim_groups, claims_table, duplicates_table, narrative_conflicts, narrative_conflicts_table, near_duplicates,
)
from .tables import delete_path, row_article

INPUT_SCHEMA = (
    "article string, published string, title string, day string, vector array<float>, names array<string>, "
    "mentions array<int>, lead array<string>, title_phrases array<string>, timeline string, outlet string, "
    "exact string, size int, hashvalues array<long>, bands array<string>, claim_records binary, stances binary, "
    "language string, anchors array<string>, anchor_counts array<int>"
)
TIMELINE_SCHEMA = (
    "array<struct<date:string,precision:string,date_text:string,relative:boolean,statement:string,"
    "start:int,end:int>>"
)
TIMELINE_TABLE = (
    "date date, precision string, date_text string, relative boolean, article string, statement string, "
    "start int, `end` int, story string"
)
STORY_SCHEMA = (
    "id string, label string, entities array<string>, key_phrase string, start string, end string, articles string"
)
#: Rows per partition of the publication-ordered stream the driver reads: it holds one partition at a time.
STREAM_ROWS = 20_000


def corpus_tables(articles: Any, annotations: Any, output: str, embedder: str) -> dict[str, int]:
    """Write `duplicates/`, `stories/`, `claim_conflicts/`, `timeline/` and `narrative_conflicts/` under `output`;
    returns row counts."""
    spark = articles.sparkSession
    story_inputs(articles, annotations, embedder).write.mode("overwrite").parquet(f"{output}/_story_inputs")
    inputs = spark.read.parquet(f"{output}/_story_inputs")
    n_docs = inputs.count()
    duplicates = near_duplicates(inputs, articles)
    duplicates_table(spark, duplicates).write.mode("overwrite").parquet(f"{output}/duplicates")
    aliases, idf = entity_statistics(inputs, n_docs)
    states = place(inputs, copy_anchors(duplicates), aliases, idf, n_docs, anchor_statistics(inputs, n_docs))
    story_of = {m.article: st.id for st in states for m in st.members}
    placement = spark.createDataFrame(list(story_of.items()), "article string, story string")
    placement.write.mode("overwrite").parquet(f"{output}/_placement")
    placement = spark.read.parquet(f"{output}/_placement")
    labels = key_phrases(inputs, placement, states, idf, n_docs)
    story_table(spark, states, labels, idf).write.mode("overwrite").parquet(f"{output}/stories")
    groups = claim_groups(inputs, articles, annotations, duplicates, story_of)
    claims_table(spark, groups).write.mode("overwrite").parquet(f"{output}/claim_conflicts")
    timeline(inputs, placement).write.mode("overwrite").parquet(f"{output}/timeline")
    opposed = narrative_conflicts(inputs, story_of, aliases)
    narrative_conflicts_table(spark, opposed).write.mode("overwrite").parquet(f"{output}/narrative_conflicts")
    for staging in ("_story_inputs", "_placement"):
        delete_path(spark, f"{output}/{staging}")
    return {"duplicate_groups": len(duplicates), "stories": len(states),
            "claim_conflicts": sum(g.kind == "conflict" for g in groups), "claim_groups": len(groups),
            "timeline": spark.read.parquet(f"{output}/timeline").count(), "narrative_conflicts": len(opposed)}


# -- per partition -----------------------------------------------------------------------------
def story_inputs(articles: Any, annotations: Any, embedder: str) -> Any:
    """One row per article with text: what placement, labels and the timeline need of it (INPUT_SCHEMA)."""
    from pyspark.sql import functions as F

    entities = (
        annotations.filter(F.col("layer").isin(list(LAYERS)))  # what digest() reads: entities, claims, genre
        .groupBy("article_id")
        # mention order, as the article holds them (start leads the struct, so it leads the sort)
        .agg(F.array_sort(F.collect_list(F.struct("start", "end", "layer", "label", "score", "attrs"))).alias("entities"))
    )
    joined = (
        articles.filter(F.length("text") > 0)
        .select("id", "text", "title", "published", "outlet", "language", "paragraphs")
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
    """An article's row of INPUT_SCHEMA: its digest (corpus.digest.digest) and story embedding."""
    import pickle

    d = digest(article)
    entries = [
        {"date": t.date.isoformat(), "precision": t.precision, "date_text": t.date_text, "relative": t.relative,
         "statement": t.statement, "start": t.start, "end": t.end}
        for t in d.timeline
    ]
    return (
        d.id, d.fp.published, d.title, d.day.isoformat() if d.day else None,
        vector.tolist(), [e for e, _ in d.entities], [n for _, n in d.entities],
        sorted(phrases(d.lead)), sorted(phrases(d.title or "")),
        json.dumps(entries, ensure_ascii=False), d.fp.outlet,
        d.fp.exact, d.fp.size, d.fp.hashvalues.astype(np.int64).tolist(), band_keys(d.fp.hashvalues),
        pickle.dumps(d.claims) if d.claims else None,  # claim records (ClaimRecord tuple), none: NULL
        pickle.dumps(d.stances) if any(d.stances) else None,  # roles and narratives (narrative_conflicts.stances)
        d.language, [a for a, _ in d.anchors], [n for _, n in d.anchors],  # crosslang anchors, for stories
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


def anchor_statistics(inputs: Any, n_docs: int) -> dict[str, float]:
    """The idf of the cross-language anchors (corpus/crosslang), as the local pass weighs them."""
    from pyspark.sql import functions as F

    anchors = inputs.select(F.explode("anchors").alias("anchor"))  # distinct within an article
    return idf_weights({r["anchor"]: r["count"] for r in anchors.groupBy("anchor").count().toLocalIterator()}, n_docs)


def published_order(published: str, article: str) -> list[Any]:
    """Sort columns giving `corpus.text.sort_key_published`'s order: dated first, by date, then by id."""
    from pyspark.sql import functions as F

    day = F.coalesce(F.col(published), F.lit(""))
    return [day == "", day, F.col(article)]


# -- placement on the driver -------------------------------------------------------------------
def copy_anchors(duplicates: list[DuplicateGroup]) -> dict[str, str]:
    """Copy -> the earliest member of its duplicate group (`stories.follow_copies`, as the local run does)."""
    return follow_copies([m.article for m in g.members] for g in duplicates)


def place(
    inputs: Any, follow: dict[str, str], aliases: dict[str, str], idf: dict[str, float], n_docs: int,
    anchor_idf: dict[str, float] | None = None,
) -> list[StoryState]:
    """Every article placed in a story by `stories.assign_in_order`, streamed to the driver in publication order."""
    keys = published_order("published", "article")
    stream = (
        inputs.select("article", "published", "title", "day", "vector", "names", "mentions", "language", "anchors",
                      "anchor_counts")
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

    assign_in_order(chain([first], stream), states, dims=len(first["vector"]), follow=follow, idf=idf, expand=expand,
                    anchor_idf=anchor_idf)
    return states


def story_input(row: Any, aliases: dict[str, str], idf: dict[str, float]) -> StoryInput:
    """The StoryInput of a stream row (stories.story_input over its alias-folded counts)."""
    counts = rename(Counter(dict(zip(row["names"], row["mentions"]))), aliases)
    day = date.fromisoformat(row["day"]) if row["day"] else None
    vector = np.asarray(row["vector"], dtype=np.float32)
    return make_story_input(row["article"], vector, counts, idf, day, row["published"], row["title"],
                            row["language"], dict(zip(row["anchors"] or (), row["anchor_counts"] or ())))


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
    """Dated statements with their story, merged per story by timeline.merge_timeline (the local run's merge)."""
    from pyspark.sql import functions as F

    entries = (
        inputs.select("article", "published", F.posexplode(F.from_json("timeline", TIMELINE_SCHEMA)).alias("k", "t"))
        .join(placement, "article", "left")
        .select("article", "published", "story", "k", "t.*")
    )
    return entries.groupBy("story").applyInPandas(_merge_fn(), TIMELINE_TABLE)


def _merge_fn():
    def run(pdf: Any) -> Any:
        import pandas as pd

        rows = sorted(pdf.itertuples(index=False), key=lambda r: (sort_key_published(r.published, r.article), r.k))
        story = [None if r.story is None or r.story != r.story else r.story for r in rows]  # NaN: no story
        merged = merge_timeline(
            TimelineEntry(date=date.fromisoformat(r.date), precision=r.precision, date_text=r.date_text,
                          relative=bool(r.relative), article=r.article, statement=r.statement, start=int(r.start),
                          end=int(r.end), story=st)
            for r, st in zip(rows, story)
        )
        return pd.DataFrame(
            [(t.date, t.precision, t.date_text, t.relative, t.article, t.statement, t.start, t.end, t.story)
             for t in merged],
            columns=["date", "precision", "date_text", "relative", "article", "statement", "start", "end", "story"],
        )

    return run
