"""Where per-article stages run: in this process, or in N worker processes.

Both runners take an iterator of article batches and yield, in input order, ``(done, lost)``:
the analysed articles, and the articles that could not be analysed with the reason (a worker
process that died on them). Only a bounded number of batches is in flight at once, so memory
stays flat however long the input stream is.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from .model import Article
from .options import Options
from .pipeline import Stage, build_stages, process_batch
from .registry import check_stages

Outcome = tuple[list[Article], list[tuple[Article, str]]]


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
        for batch in batches:
            yield process_batch(self.stages, batch), []


# -- worker processes -------------------------------------------------------------------------
_WORKER_STAGES: list[Stage] = []


def _worker_init(options: Options) -> None:
    """Load the stages once per worker; one thread each so N workers use N cores."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    global _WORKER_STAGES
    _WORKER_STAGES = build_stages(options)
    # torch only where a stage loaded it (the default stages do not: importing it costs ~0.3 GB)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)


def _worker_run(batch: list[Article]) -> list[Article]:
    return process_batch(_WORKER_STAGES, batch)


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
        check_stages(self.options.stages)
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
