"""The run: ingest → clean → per-article stages in batches → store → corpus, with error isolation.

`analyze` is the one library call behind the CLI, the web app and the Spark runner.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .model import Article, Failure, RawRecord
from .options import Options
from .registry import CORPUS, check_stages, resolve
from .runner import make_runner

log = logging.getLogger(__name__)

#: Called as progress(event, n): event is "read", "analysed", "skipped" or "failed".
ProgressFn = Callable[[str, int], None]


@dataclass(frozen=True)
class FailureGroup:
    """Failures that share a stage and a reason (numbers aside), with one example."""

    stage: str
    reason: str  # the example's reason
    count: int
    example: str  # the example's source path (or article id, for stage errors)


#: Numbers in a reason ("file is 25.3 MB") do not make it another reason.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def group_failures(items: Iterable[tuple[str, str, str]]) -> list[FailureGroup]:
    """(where, stage, reason) triples grouped by stage and reason, largest group first."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for where, stage, reason in items:
        key = (stage, _NUMBER.sub("N", reason))
        counts[key] += 1
        first.setdefault(key, (where, reason))
    return [FailureGroup(k[0], first[k][1], n, first[k][0]) for k, n in counts.most_common()]


@dataclass
class RunSummary:
    """What a run did, for the closing summary and the exit status."""

    read: int = 0
    analysed: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)
    stage_errors: list[tuple[str, str, str]] = field(default_factory=list)  # (article id, stage, message)
    #: Skipped inputs, each as (its source path, the article id, the source path it duplicates: the
    #: input of this run that had the same text first, or None when the article was already stored).
    duplicates: list[tuple[str, str, str | None]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        """How many inputs or articles could not be analysed."""
        return len(self.failures)

    @property
    def ok(self) -> bool:
        """Whether the run had no failure and no stage error (the exit status)."""
        return not self.failures and not self.stage_errors

    def to_dict(self) -> dict[str, Any]:
        """The summary as plain JSON data."""
        return {
            "read": self.read,
            "analysed": self.analysed,
            "skipped": self.skipped,
            "failed": self.failed,
            "failures": [f.to_dict() for f in self.failures],
            "warnings": [w.to_dict() for w in self.warnings],
            "stage_errors": [
                {"article_id": a, "stage": s, "message": m} for a, s, m in self.stage_errors
            ],
            "duplicates": [
                {"source_path": p, "article_id": a, "duplicate_of": d} for p, a, d in self.duplicates
            ],
            "seconds": round(self.seconds, 3),
        }


@dataclass
class AnalysisResult:
    """Articles analysed in this run (when kept), the corpus results, and the run summary."""

    articles: list[Article]
    corpus: dict[str, Any]
    summary: RunSummary


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of ``size`` items (the last one shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def clean_records(
    records: Iterable[RawRecord | Failure], summary: RunSummary, progress: ProgressFn | None = None
) -> Iterator[Article | Failure]:
    """Turn raw records into clean Articles; a record that cannot be cleaned becomes a Failure."""
    from .clean import clean_record

    for rec in records:
        if isinstance(rec, Failure):
            yield rec
            continue
        summary.read += 1
        if progress:
            progress("read", 1)
        if rec.meta.get("damage"):  # kept from the readable part of a damaged file
            summary.warnings.append(Failure(rec.source_path, "ingest", rec.meta["damage"]))
        try:
            yield clean_record(rec)
        except Exception as exc:  # noqa: BLE001
            yield Failure(rec.source_path, "clean", f"{type(exc).__name__}: {exc}")


def iter_records(
    inputs: Iterable[str | Path], texts: Iterable[str | RawRecord] | None, options: Options
) -> Iterator[RawRecord | Failure]:
    """Raw records from paths (any supported format) and from in-memory texts."""
    from .ingest import read_paths, record_from_text

    paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    if paths:
        yield from read_paths(paths, max_bytes=options.max_bytes)
    for i, t in enumerate(texts or ()):
        yield t if isinstance(t, RawRecord) else record_from_text(t, source_path=f"<text>#{i}")


def analyze(
    inputs: Iterable[str | Path] | str | Path = (),
    *,
    texts: Iterable[str | RawRecord] | None = None,
    options: Options | None = None,
    progress: ProgressFn | None = None,
    keep_articles: bool = True,
    **kwargs: Any,
) -> AnalysisResult:
    """Analyse files, folders or in-memory texts; store, export and return the results.

    Keyword arguments are Options fields (out, db, stages, batch_size, workers, force, ...).
    With ``out`` set, writes ``articles.jsonl``, ``corpus.json`` and ``presswatch.duckdb`` there.
    """
    opts = options or Options.build(**kwargs)
    check_stages(opts.stages)  # a bad stage list fails before any input is read
    started = time.perf_counter()
    summary = RunSummary()
    store = _open_store(opts)
    kept: list[Article] = []
    corpus_layer = _corpus_layer(opts) if opts.corpus else None
    try:
        todo = _todo_batches(opts, store, summary, progress, iter_records(inputs, texts, opts))
        # Worker processes pay a model load each: only start them when there is more than one batch.
        head = list(islice(todo, 2))
        todo = chain(head, todo)
        run_opts = opts if len(head) > 1 else replace(opts, workers=1)
        with make_runner(run_opts) as runner:
            for done, lost in runner.map(todo):
                for article, reason in lost:
                    summary.failures.append(Failure(article.source_path, "analyse", reason))
                    if progress:
                        progress("failed", 1)
                for a in done:
                    summary.stage_errors.extend((a.id, e.stage, e.message) for e in a.errors)
                    if a.text.strip() and (a.language is None or a.unsupported):
                        summary.warnings.append(Failure(a.source_path, "nlp", _language_note(a)))
                if store is not None and done:
                    store.write_articles(done, replace=True)
                if corpus_layer is not None and done:
                    _prepare_corpus(corpus_layer, store, done)
                if keep_articles:
                    kept.extend(done)
                summary.analysed += len(done)
                if progress and done:
                    progress("analysed", len(done))
        if store is not None:
            store.write_failures(summary.failures, warnings=summary.warnings)
            if summary.analysed or not store.has_table("entities"):
                from .store.entities import write_entities

                # one canonical name per person or body across the stored corpus; derived from the
                # stored annotations, so it changes only when this run wrote articles
                write_entities(store)
            from .store.outlets import unify_outlets
            from .store.search import sync as sync_search

            unify_outlets(store, kept)  # one name per outlet across the corpus ("Politifact" -> "PolitiFact")

            sync_search(store.path, store.con)  # the full-text index beside the database follows it
        corpus = _run_corpus(corpus_layer, store, kept, summary) if opts.corpus else {}
        summary.seconds = time.perf_counter() - started
        if opts.out is not None:
            _write_outputs(opts.out, store, kept, corpus)
        return AnalysisResult(articles=kept, corpus=corpus, summary=summary)
    finally:
        if store is not None:
            store.close()


def _language_note(article: Article) -> str:
    """The warning for an article some layers could not run on, for its language (Article.unsupported)."""
    if article.language is None:
        return "language not identified; the language-dependent layers did not run (article kept)"
    from .nlp.languages import name

    skipped = ", ".join(sorted(article.unsupported))
    return f"language {article.language!r} ({name(article.language)}); could not run on it: {skipped} (article kept)"


def _todo_batches(
    opts: Options,
    store: Any,
    summary: RunSummary,
    progress: ProgressFn | None,
    records: Iterable[RawRecord | Failure],
) -> Iterator[list[Article]]:
    """Clean records and yield batches of articles still to analyse (new, or all with --force)."""
    seen: dict[str, str] = {}  # article id -> the source path that brought it in this run
    pending_sources: list[tuple[str, str]] = []
    for batch in batched(clean_records(records, summary, progress), opts.batch_size):
        todo: list[Article] = []
        for item in batch:
            if isinstance(item, Article) and not item.text.strip():
                item = Failure(item.source_path, "clean", "no article text left after cleaning")
            if isinstance(item, Failure):
                summary.failures.append(item)
                if progress:
                    progress("failed", 1)
                continue
            if item.id in seen or (store is not None and not opts.force and store.has_article(item.id)):
                if store is not None:
                    pending_sources.append((item.id, item.source_path))
                summary.skipped += 1
                summary.duplicates.append((item.source_path, item.id, seen.get(item.id)))
                if progress:
                    progress("skipped", 1)
                continue
            seen[item.id] = item.source_path
            todo.append(item)
        if todo:
            yield todo
        if pending_sources:
            # other paths of an article already stored or in flight (no foreign key: order is free)
            store.add_sources(pending_sources)
            pending_sources.clear()


def _open_store(opts: Options):  # -> Store | None
    """The run's store, or None when the run keeps no database."""
    if opts.db is None:
        return None
    from .store import Store

    opts.db.parent.mkdir(parents=True, exist_ok=True)
    return Store(opts.db)


EMPTY_CORPUS: dict[str, Any] = {"duplicates": [], "stories": [], "claim_conflicts": [], "timeline": [],
                                "narrative_conflicts": []}


@dataclass
class _UnavailableCorpus:
    """Stands in for a corpus layer that could not be loaded: the articles are still analysed and
    stored, and the error is reported where the corpus layer would have run."""

    error: Exception

    def __call__(self, **_: Any) -> dict[str, Any]:
        raise self.error


def _corpus_layer(opts: Options) -> Any:
    """The corpus layer of this run: ``layer(store=..., articles=...)``, optionally ``layer.prepare(...)``."""
    try:
        return resolve(CORPUS)(opts)
    except Exception as exc:  # noqa: BLE001 - reported by _run_corpus at the end of the run
        log.debug("corpus layer could not be loaded", exc_info=True)
        return _UnavailableCorpus(exc)


def _prepare_corpus(layer: Any, store, articles: list[Article]) -> None:
    """Let the corpus layer do its per-article work on a batch now, while the workers go on.

    Optional (``prepare``), and only a head start: if it fails, the corpus pass does it itself.
    """
    prepare = getattr(layer, "prepare", None)
    if prepare is None:
        return
    try:
        prepare(store=store, articles=articles)
    except Exception:  # noqa: BLE001 - the corpus pass computes what was not prepared
        log.debug("corpus prepare failed on a batch; the corpus pass will do it", exc_info=True)


def _run_corpus(layer: Any, store, articles: list[Article], summary: RunSummary) -> dict[str, Any]:
    """Run the cross-article layer; if it fails, the articles stay stored and the failure is reported."""
    try:
        return layer(store=store, articles=articles)
    except Exception as exc:  # noqa: BLE001 - a corpus failure must not lose the analysed articles
        log.debug("corpus layer failed", exc_info=True)
        failure = Failure("<corpus>", "corpus", f"{type(exc).__name__}: {exc}")
        summary.failures.append(failure)
        if store is not None:
            store.write_failures([failure])
        return dict(EMPTY_CORPUS)


def _write_outputs(out: Path, store, kept: list[Article], corpus: dict[str, Any]) -> None:
    """Write articles.jsonl (from the store when there is one) and corpus.json into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / "articles.jsonl.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        articles = store.iter_articles() if store is not None else iter(kept)
        for article in articles:
            fh.write(article.to_json())
            fh.write("\n")
    tmp.replace(out / "articles.jsonl")
    (out / "corpus.json").write_text(json.dumps(corpus, ensure_ascii=False, indent=2), encoding="utf-8")
