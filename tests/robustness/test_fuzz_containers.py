"""Fuzzing (hypothesis) the WARC and gzip readers: a truncation, bit flips or a lying Content-Length in
one record never raise and never lose an intact record; every damaged record is one Failure."""

from __future__ import annotations

import gzip
import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presswatch.ingest import read_blob
from presswatch.ingest.source import Blob, load
from presswatch.model import Failure, RawRecord

#: Bounded: each example extracts up to 5 small pages (trafilatura, a few ms each).
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TOPICS = ["harbour wall", "tram depot", "school roof", "river bridge", "bus lanes", "night trains"]


def _page(k: int) -> bytes:
    topic = TOPICS[k]
    paras = "".join(f"<p>{s}</p>" for s in (
        f"The council voted on Tuesday to spend {k + 2}.5 million on the {topic}, after a debate of three hours.",
        f"Residents near the {topic} said the works had been promised since 2019 and asked for a timetable.",
        f"The opposition leader said the {topic} plan was rushed and would cost more than the council said.",
    ))
    return (f"<html><head><title>Council votes on the {topic}</title></head><body><article>"
            f"<h1>Council votes on the {topic}</h1>{paras}</article></body></html>").encode()


def _records(n: int) -> list[bytes]:
    """n WARC response records (bytes each, one a page), written by warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = []
    for k in range(n):
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{k}", "response",
                                                      payload=io.BytesIO(_page(k)), http_headers=headers))
        out.append(buf.getvalue())
    return out


def _kept_topics(items) -> set[str]:
    return {t for r in items if isinstance(r, RawRecord) for t in TOPICS if t in r.text}


def _read(data: bytes, *, gz: bool) -> list[RawRecord | Failure]:
    """Everything the readers make of a file's bytes (as load would hand them over)."""
    if gz:
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "crawl.warc.gz"
            path.write_bytes(data)
            blob = load(path, max_bytes=1 << 22)
    else:
        blob = Blob("crawl.warc", data)
    assert isinstance(blob, Blob)
    items = list(read_blob(blob))
    for item in items:
        assert isinstance(item, (RawRecord, Failure))
        if isinstance(item, Failure):
            assert item.stage == "ingest" and "\n" not in item.reason and len(item.reason) <= 300
    return items


def _lie(record: bytes, delta: int) -> bytes:
    m = re.search(rb"Content-Length: (\d+)\r\n", record)  # the WARC header's (it comes first)
    return record[: m.start(1)] + str(max(int(m.group(1)) + delta, 0)).encode() + record[m.end(1):]


def _flip(record: bytes, flips: list[tuple[int, int]], *, skip: int) -> bytes:
    out = bytearray(record)
    for at, bit in flips:
        i = skip + at % (len(out) - skip)
        out[i] ^= 1 << bit
    return bytes(out)


damage = st.one_of(
    st.tuples(st.just("lie"), st.integers(-600, 3000).filter(lambda d: d != 0)),
    st.tuples(st.just("flip"), st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 7)), min_size=1, max_size=4)),
    st.tuples(st.just("cut"), st.floats(0.0, 1.0)),
)


@FUZZ
@given(n=st.integers(2, 5), which=st.integers(0, 4), how=damage, gz=st.booleans())
def test_warc_damage_to_one_record_keeps_every_intact_record(n, which, how, gz):
    which %= n
    records = _records(n)
    kind, arg = how
    if kind == "lie":
        records[which] = _lie(records[which], arg)
    elif kind == "flip":
        # not the first record's first bytes: they decide that the file is a WARC (or a gzip) at all
        records[which] = _flip(records[which], arg, skip=16 if which == 0 else 0)
    if gz:
        members = [gzip.compress(r) for r in records]
        if kind == "flip":  # flip the compressed member instead
            members[which] = _flip(gzip.compress(_records(n)[which]), arg, skip=16 if which == 0 else 0)
        data = b"".join(members)
        sizes = [len(m) for m in members]
    else:
        data = b"".join(records)
        sizes = [len(r) for r in records]
    intact = set(range(n)) - {which}
    full = data
    if kind == "cut":
        cut = int(len(data) * arg)
        data = data[:cut]
        ends = [sum(sizes[: k + 1]) for k in range(n)]
        intact = {k for k in range(n) if ends[k] <= cut}
        if cut < 16:
            return  # too little left to be told a WARC (another reader's business)
    items = _read(data, gz=gz)
    assert {TOPICS[k] for k in intact} <= _kept_topics(items)
    # (a last record lengthened by at most its CRLF CRLF ends at the end of the file, its content whole)
    absorbed = kind == "lie" and which == n - 1 and 0 < arg <= 4
    # (likewise a plain WARC cut inside its last record's closing CRLF CRLF: every content block is whole)
    absorbed = absorbed or (kind == "cut" and not gz and b"\r\n\r\n".endswith(full[len(data):]))
    if not absorbed and (kind == "lie" or (kind == "cut" and len(intact) < n)):
        # a Failure, or (a gzip cut before "WARC/" was whole) a text kept with its damage warning
        assert any(isinstance(i, Failure) or i.meta.get("damage") for i in items), "the damage went unreported"


@settings(max_examples=60, deadline=None)
@given(cut=st.floats(0.0, 1.0), flips=st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 7)), max_size=3),
       members=st.integers(1, 4), which=st.integers(0, 3))
def test_gzip_damage_keeps_the_intact_members_and_a_readable_prefix(tmp_path_factory, cut, flips, members, which):
    parts = [f"Part {k}: the ferry operator said crossing {k} carried {k * 13 + 5} passengers.\n".encode() * 30
             for k in range(members)]
    which %= members
    blobs = [bytearray(gzip.compress(p)) for p in parts]
    for at, bit in flips:
        blobs[which][10 + at % (len(blobs[which]) - 10)] ^= 1 << bit  # past the member's magic and flags
    data = b"".join(blobs)
    data = data[: max(int(len(data) * cut), 3)]
    path = tmp_path_factory.mktemp("gz") / "feed.txt.gz"
    path.write_bytes(data)
    blob = load(path, max_bytes=1 << 20)
    assert isinstance(blob, Blob)
    offset, ends = 0, [0]
    for k, member in enumerate(blobs):
        whole = offset + len(member) <= len(data)
        if whole and (k != which or not flips):
            assert parts[k] in blob.data, f"intact member {k} lost"
        offset += len(member)
        ends.append(offset)
    if len(data) not in ends:  # cut inside a member
        assert blob.damage is not None
    if not flips:  # a cut alone: what decompressed is a prefix of the whole
        assert b"".join(parts).startswith(blob.data)
