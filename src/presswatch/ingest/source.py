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

    ``damage`` is set when a gzip stream broke off or held a corrupt member: ``data`` then holds what
    decompressed (reading resumes at the next gzip member after a corrupt one). ``breaks`` says where:
    one (offset in ``data``, reason) per damaged stretch, in order.
    """

    source_path: str
    data: bytes
    gzipped: bool = False
    damage: str | None = None
    breaks: tuple[tuple[int, str], ...] = ()

    @property
    def name(self) -> str:
        """The file name without a trailing ``.gz`` (readers use it only as a hint)."""
        name = os.path.basename(self.source_path)
        return name[:-3] if self.gzipped and name.lower().endswith(".gz") else name


def damage_meta(blob: Blob) -> dict[str, str]:
    """``{"damage": warning}`` for a record kept from the readable part of a damaged gzip, else {}."""
    if not blob.damage:
        return {}
    return {"damage": f"{blob.damage}; kept the {len(blob.data):,} bytes that decompressed"}


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


#: The start of a gzip member with the deflate method: where reading resumes after a corrupt member.
MEMBER_MAGIC = GZIP_MAGIC + b"\x08"


def _gunzip(src: str, fh, max_bytes: int) -> Blob | Failure:
    """Decompress a (possibly multi-member) gzip stream, at most max_bytes of output.

    A corrupt member is one break: what it gave before the damage is kept, and reading resumes at the
    next gzip member (the next ``1f 8b 08``), so one bad record of a .warc.gz loses only itself.
    """
    # compressed input past max_bytes + 1/8 could only decompress past the limit (or be junk)
    limit = max_bytes + max_bytes // 8 + _CHUNK
    data = fh.read(limit + 1)
    if len(data) > limit:
        return Failure(src, "ingest", f"gzip file is over the size limit of {max_bytes:,} bytes (max_bytes)")
    view = memoryview(data)
    out = bytearray()
    breaks: list[tuple[int, str]] = []

    def broke(reason: str) -> None:
        if breaks and breaks[-1][0] == len(out):
            return  # a second resync inside the same damaged stretch: still one break
        breaks.append((len(out), reason))

    pos = 0
    while pos < len(data):
        if not data.startswith(MEMBER_MAGIC, pos):
            nxt = data.find(MEMBER_MAGIC, pos)
            if nxt < 0:
                if data[pos:].strip(b"\x00 \t\r\n"):
                    broke(f"{len(data) - pos:,} bytes of garbage after the last gzip member at offset {pos:,}")
                break  # trailing padding after the last member is harmless
            if data[pos:nxt].strip(b"\x00 \t\r\n"):
                broke(f"{nxt - pos:,} bytes of garbage between gzip members at offset {pos:,}")
            pos = nxt
        start = pos
        dec = zlib.decompressobj(wbits=31)
        try:
            while not dec.eof and pos < len(data):
                piece = view[pos : pos + _CHUNK]
                pos += len(piece)
                while piece:
                    out += dec.decompress(piece, max_bytes + 1 - len(out))
                    if len(out) > max_bytes:
                        return Failure(src, "ingest",
                                       f"gzip content is over the size limit of {max_bytes:,} bytes (max_bytes)")
                    if dec.eof:
                        pos -= len(dec.unused_data)
                        break
                    piece = dec.unconsumed_tail
        except zlib.error as exc:
            broke(f"corrupt gzip member at offset {start:,} (after {len(out):,} decompressed bytes): {exc}")
            nxt = data.find(MEMBER_MAGIC, start + 1)
            if nxt < 0:
                break
            pos = nxt
            continue
        if not dec.eof:
            broke(f"truncated gzip: the stream breaks off after {len(out):,} decompressed bytes")
    damage = "; ".join(reason for _, reason in breaks) or None
    return Blob(src, bytes(out), gzipped=True, damage=damage, breaks=tuple(breaks))
