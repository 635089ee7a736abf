"""Where per-article stages are built and run: in this process, or in N worker processes.

`process_batch` runs every stage over a batch of articles with error isolation and a per-article
time budget; both runners call it. They take an iterator of article batches and yield, in input
order, ``(done, lost)``: the analysed articles, and the articles that could not be analysed with
the reason (a worker process that died on them). Only a bounded number of batches is in flight at
once, so memory stays flat however long the input stream is.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing as mp
import os
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from typing import Callable, Iterable, Iterator, Sequence

from .model import Article
from .options import Options
from .registry import Stage, StageLoadError, check_stages, resolve, target_of

log = logging.getLogger(__name__)

Outcome = tuple[list[Article], list[tuple[Article, str]]]

#: An article longer than this (characters) is run through the stages on its own, not in a batch:
#: its time is then its own (the budget applies to it alone) and a batch's memory stays bounded.
LONG_ARTICLE = 100_000


# -- building stages --------------------------------------------------------------------------
def make_stage(name: str, options: Options) -> Stage:
    """Build the stage registered under ``name``."""
    factory = resolve(target_of(name))
    try:
        return factory(options)
    except Exception as exc:
        raise StageLoadError(f"stage {name!r} could not be loaded: {' '.join(str(exc).split())}") from exc


def build_stages(options: Options) -> list[Stage]:
    """Check, then load every configured stage once (heavy models load here, not per article)."""
    check_stages(options.stages)
    return [make_stage(name, options) for name in options.stages]


# -- the time budget --------------------------------------------------------------------------
class OutOfTime(BaseException):
    """Raised inside a stage when the article (or batch) it works on has used up its time budget.

    A BaseException, like KeyboardInterrupt, so that a stage's own ``except Exception`` cannot
    swallow it.
    """


def _clock() -> float:
    """CPU seconds of this thread: the budget's clock, so that a loaded machine (other workers,
    other runs) does not cut articles short that it only slowed down."""
    return time.thread_time()


class _Deadline:
    """Raises OutOfTime in this thread once it has spent ``seconds`` more CPU time, until the block ends.

    A watchdog thread reads this thread's CPU clock and injects the exception (CPython's async
    exceptions), so it works in any thread, the web app's included; it lands at the next Python
    line the stage runs, which the spaCy pass reaches at every batch of pieces (nlp/stage.py).
    """

    #: How often the watchdog looks at the clock (seconds), at most.
    POLL = 0.5

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._armed = False
        self._done = threading.Event()
        self._tid = threading.get_ident()

    def __enter__(self) -> "_Deadline":
        if self.seconds is None:
            return self
        if self.seconds <= 0:
            raise OutOfTime
        try:
            clock = time.pthread_getcpuclockid(self._tid)
            read = lambda: time.clock_gettime(clock)  # noqa: E731 - this thread's CPU time, read from another
        except (AttributeError, OSError):  # no per-thread CPU clock here: wall time instead
            read = time.monotonic
        limit = read() + self.seconds
        self._armed = True
        threading.Thread(target=self._watch, args=(read, limit), daemon=True).start()
        return self

    def _watch(self, read: Callable[[], float], limit: float) -> None:
        while not self._done.wait(min(self.POLL, max(limit - read(), 0.01))):
            if read() >= limit:
                with self._lock:
                    if self._armed:
                        self._armed = False
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._tid),
                                                                   ctypes.py_object(OutOfTime))
                return

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        with self._lock:
            self._armed = False


#: id(article) -> the reading of _clock() by which its stages must be done.
Deadlines = dict[int, float]


def _time_left(deadlines: Deadlines | None, articles: Sequence[Article]) -> float | None:
    """Seconds left to the earliest deadline of ``articles`` (None: no limit)."""
    if not deadlines:
        return None
    return min(deadlines[id(a)] for a in articles) - _clock()


def _ran_out(stage: Stage, article: Article, budget: float | None) -> None:
    """Record on the article that a stage used up its time budget."""
    article.record_error(
        stage.name,
        f"time budget of {budget or 0:g} s (CPU) used up in this stage ({len(article.text):,} characters); "
        "kept with the layers that finished (a larger --time-budget analyses it in full)",
    )


# -- running stages ---------------------------------------------------------------------------
def run_stage(stage: Stage, articles: list[Article], deadlines: Deadlines | None = None,
              budget: float | None = None) -> list[Article]:
    """Run one stage on a batch; if the batch fails, retry article by article so one bad
    article records its error and the others still get the layer. Partial annotations of a
    failed try are removed.

    ``deadlines`` bounds each article's time (``budget`` seconds in all); returns the articles
    that ran out of it, each with the reason recorded, for later stages to leave alone.
    """
    marks = [len(a.annotations) for a in articles]
    try:
        with _Deadline(_time_left(deadlines, articles)):
            stage(articles)
        return []
    except OutOfTime:
        if len(articles) == 1:
            del articles[0].annotations[marks[0]:]
            _ran_out(stage, articles[0], budget)
            return list(articles)
        log.debug("stage %s ran out of time on a batch, retrying one by one", stage.name)
        if deadlines is not None and budget is not None:
            # a slow batch is no single article's fault: each gets its budget afresh
            now = _clock()
            deadlines.update({id(a): now + budget for a in articles})
    except Exception:  # noqa: BLE001 - isolation is the point
        log.debug("stage %s failed on a batch, retrying one by one", stage.name, exc_info=True)
    for article, mark in zip(articles, marks):
        del article.annotations[mark:]
    timed_out: list[Article] = []
    for article in articles:
        before = len(article.annotations)
        try:
            with _Deadline(_time_left(deadlines, [article])):
                stage([article])
        except OutOfTime:
            del article.annotations[before:]
            _ran_out(stage, article, budget)
            timed_out.append(article)
        except Exception as exc:  # noqa: BLE001
            del article.annotations[before:]
            article.record_error(stage.name, exc)
    return timed_out


def process_batch(stages: Sequence[Stage], articles: list[Article], budget: float | None = None) -> list[Article]:
    """Run every stage over a batch of clean articles, then drop the parses.

    Each article has ``budget`` seconds (None: no limit) for all its stages; one that runs out is
    kept with the layers that finished and the reason. Long articles run on their own.

    A stage may offer ``memory_zone()`` (the spaCy stage does): what it allocates for a group
    (strings of new words, the parses) is freed when the group is done, so a long run stays flat.
    """
    short = [a for a in articles if len(a.text) <= LONG_ARTICLE]
    groups = ([short] if short else []) + [[a] for a in articles if len(a.text) > LONG_ARTICLE]
    for group in groups:
        deadlines = None if budget is None else {id(a): _clock() + budget for a in group}
        with ExitStack() as zones:
            for stage in stages:
                zone = getattr(stage, "memory_zone", None)
                if zone is not None:
                    zones.enter_context(zone())
            live = group
            for stage in stages:
                if not live:
                    break
                out = {id(a) for a in run_stage(stage, live, deadlines, budget)}
                if out:
                    live = [a for a in live if id(a) not in out]
            for article in group:
                article.doc = None
    return articles


class SerialRunner:
    """Runs every stage in this process; models load once, on entry."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.stages: list[Stage] = []

    def __enter__(self) -> "SerialRunner":
        self.stages = build_stages(self.options)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stages = []

    def map(self, batches: Iterable[list[Article]]) -> Iterator[Outcome]:
        """(done, lost) for each batch, in input order."""
        for batch in batches:
            yield process_batch(self.stages, batch, self.options.time_budget), []


# -- worker processes -------------------------------------------------------------------------
_WORKER_STAGES: list[Stage] = []
_WORKER_BUDGET: float | None = None


def _worker_init(options: Options) -> None:
    """Load the stages once per worker; one thread each so N workers use N cores."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    global _WORKER_STAGES, _WORKER_BUDGET
    _WORKER_STAGES = build_stages(options)
    _WORKER_BUDGET = options.time_budget
    # torch only where a stage loaded it (the default stages do not: importing it costs ~0.3 GB)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)


def _worker_run(batch: list[Article]) -> list[Article]:
    """Run the stages of this worker over one batch."""
    return process_batch(_WORKER_STAGES, batch, _WORKER_BUDGET)


class PoolRunner:
    """Runs the stages in N spawned processes, each loading the models once."""

    def __init__(self, options: Options, window: int | None = None) -> None:
        self.options = options
        self.window = window or 2 * options.workers
        self.pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.options.workers,
            mp_context=mp.get_context("spawn"),
            initializer=_worker_init,
            initargs=(self.options,),
        )

    def __enter__(self) -> "PoolRunner":
        check_stages(self.options.stages)  # a bad name fails here, not in every worker
        self.pool = self._new_pool()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def _submit(self, batch: list[Article]) -> Future:
        assert self.pool is not None
        return self.pool.submit(_worker_run, batch)

    def _restart(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def map(self, batches: Iterable[list[Article]]) -> Iterator[Outcome]:
        """(done, lost) for each batch, in input order."""
        pending: deque[tuple[list[Article], Future]] = deque()
        it = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                batch = next(it, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append((batch, self._submit(batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield future.result(), []
            except BrokenProcessPool:
                # A worker died (crash, out of memory). Find the culprit article by article in a
                # fresh pool; re-queue the other in-flight batches behind it.
                requeue = [b for b, _ in pending]
                pending.clear()
                self._restart()
                yield self._isolate(batch)
                for b in requeue:
                    pending.append((b, self._submit(b)))

    def _isolate(self, batch: list[Article]) -> Outcome:
        done: list[Article] = []
        lost: list[tuple[Article, str]] = []
        for article in batch:
            try:
                done.extend(self._submit([article]).result())
            except BrokenProcessPool:
                lost.append((article, "worker process died while analysing this article"))
                self._restart()
        return done, lost


def make_runner(options: Options) -> SerialRunner | PoolRunner:
    """A pool of worker processes when more than one worker is asked for, else this process."""
    return PoolRunner(options) if options.workers > 1 else SerialRunner(options)
