"""Finding input files and loading their bytes: directory walk, size limit, transparent gzip."""

from __future__ import annotations

import os
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Failure
from .resources import GZIP_MAGIC

_CHUNK = 1 << 16


@dataclass(frozen=True)
class Blob:
    """The (decompressed) bytes of one input file.

    ``damage`` is set when a gzip stream broke off: ``data`` then holds what decompressed before it.
    """

    source_path: str
    data: bytes
    gzipped: bool = False
    damage: str | None = None

    @property
    def name(self) -> str:
        """The file name without a trailing ``.gz`` (readers use it only as a hint)."""
        name = os.path.basename(self.source_path)
        return name[:-3] if self.gzipped and name.lower().endswith(".gz") else name


def _hidden(name: str) -> bool:
    return name.startswith(".")


def walk(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Every file under the given paths: folders walked recursively, sorted, hidden entries skipped."""
    for p in paths:
        path = Path(p)
        try:
            st = path.stat()
        except FileNotFoundError:
            yield Failure(str(p), "ingest", "no such file or folder")
            continue
        except OSError as exc:
            yield Failure(str(p), "ingest", f"cannot read: {exc.strerror or exc}")
            continue
        if not stat.S_ISDIR(st.st_mode):
            yield path
            continue
        errors: list[OSError] = []
        found: list[tuple[tuple[str, ...], Path]] = []
        for root, dirs, files in os.walk(path, onerror=errors.append):
            dirs[:] = [d for d in dirs if not _hidden(d)]
            for f in files:
                if _hidden(f):
                    continue
                full = Path(root) / f
                found.append((full.relative_to(path).parts, full))
        for err in errors:
            yield Failure(str(err.filename or p), "ingest", f"cannot read folder: {err.strerror or err}")
        for _, full in sorted(found):
            yield full


def load(path: Path, *, max_bytes: int) -> Blob | Failure:
    """The bytes of one file (gunzipped when it starts with the gzip magic), at most ``max_bytes``."""
    src = str(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return Failure(src, "ingest", "not a regular file")
        with path.open("rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if head == GZIP_MAGIC:
                return _gunzip(src, fh, max_bytes)
            if st.st_size > max_bytes:
                return Failure(src, "ingest", _too_big(st.st_size, max_bytes))
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return Failure(src, "ingest", f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:  # the file grew after stat
        return Failure(src, "ingest", _too_big(len(data), max_bytes))
    return Blob(src, data)


def _too_big(size: int, max_bytes: int) -> str:
    return f"file is {size:,} bytes, over the size limit of {max_bytes:,} bytes (max_bytes)"


def _gunzip(src: str, fh, max_bytes: int) -> Blob | Failure:
    """Decompress a (possibly multi-member) gzip stream, reading at most max_bytes + 1 bytes of output."""
    out = bytearray()
    dec = zlib.decompressobj(wbits=31)
    pending = b""  # input not yet given to the decompressor
    damage = None
    try:
        while True:
            if not pending:
                pending = fh.read(_CHUNK)
                if not pending:
                    break
            if dec.eof:
                if len(pending) < 2:
                    more = fh.read(_CHUNK)
                    if more:
                        pending += more
                        continue
                if not pending.startswith(GZIP_MAGIC):
                    break  # trailing padding after the last member is harmless
                dec = zlib.decompressobj(wbits=31)
            out += dec.decompress(pending, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                return Failure(src, "ingest", f"gzip content is over the size limit of {max_bytes:,} bytes (max_bytes)")
            pending = dec.unused_data if dec.eof else dec.unconsumed_tail
    except zlib.error as exc:
        damage = f"corrupt gzip data after {len(out):,} bytes: {exc}"
    if damage is None and not dec.eof:
        damage = f"truncated gzip: the stream breaks off after {len(out):,} decompressed bytes"
    return Blob(src, bytes(out), gzipped=True, damage=damage)
