"""The web app's handle on the DuckDB store: read-only unless analysis is enabled, one cursor per thread."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Hashable, Iterator, TypeVar

import duckdb

from ..store import Store
from ..store.browse import Browse
from ..store.read import Reader

T = TypeVar("T")

#: Page contexts kept per database generation (bounded: the memo is cleared when it fills up).
MEMO_SIZE = 1024


class Database:
    """One DuckDB connection for the app's lifetime; request threads each use their own cursor.

    DuckDB lets one process write a file while no other process has it open, so ``serve`` opens
    it read-only (other readers may share it) unless /analyze is enabled, in which case this
    process is the single writer and every write goes through ``presswatch.analyze`` here.
    """

    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        # the Store checks the schema version (and, writable, upgrades an older database)
        self._store = Store(self.path, read_only=not writable)
        self.con = self._store.con
        # Offline at run time: never let a query pull an extension from the network.
        self.con.execute("SET autoinstall_known_extensions = false")
        self._local = threading.local()
        self._lock = threading.Lock()
        #: Serialises writes: DuckDB allows one writer, and analysis is heavy anyway.
        self.write_lock = threading.Lock()
        #: Bumped after every write. Read-only, the data cannot change while we hold the file (a writer
        #: needs it exclusively), so contexts computed once stay true until this process writes.
        self.generation = 0
        self._memo: dict[tuple[int, Hashable], Any] = {}

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """A context computed once per database generation."""
        k = (self.generation, key)
        try:
            return self._memo[k]
        except KeyError:
            pass
        value = build()
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[k] = value
        return value

    def bump(self) -> None:
        """Forget memoised contexts after a write."""
        self.generation += 1
        self._memo.clear()

    def close(self) -> None:
        self._store.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor (DuckDB connections must not be shared across threads)."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            with self._lock:
                cur = self.con.cursor()
            self._local.cursor = cur
        return cur

    def reader(self) -> Reader:
        """Typed reads (presswatch.store.read) over this thread's cursor."""
        return Reader(self.cursor())

    def browse(self) -> Browse:
        """Counts, lists and search (presswatch.store.browse) over this thread's cursor."""
        return Browse(self.cursor())

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the single-writer lock for an analysis run."""
        if not self.writable:
            raise PermissionError("the database is open read-only; start `presswatch serve --allow-analyze`")
        with self.write_lock:
            try:
                yield
            finally:
                self.bump()
