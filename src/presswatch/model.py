"""The shared standoff data model: Article, Annotation, Removed, and their JSON round trip.

The clean text of an article is fixed once (by the clean layer); every later finding is an
Annotation pointing into it by character offsets (end exclusive). Article-level labels
(genre, frame) have ``start``/``end`` of ``None``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Iterable, Iterator, Mapping

#: The articles.jsonl line format. 1: the first; 2: ``unsupported`` (layer -> why it could not run on
#: the article's language). A version-1 line reads as an article with nothing recorded unsupported.
SCHEMA_VERSION = 2

__all__ = [
    "SCHEMA_VERSION",
    "Annotation",
    "Removed",
    "StageError",
    "Article",
    "RawRecord",
    "Failure",
    "paragraph_offsets",
    "content_id",
    "published_day",
]


@dataclass(frozen=True)
class Annotation:
    """One finding about an article: a labelled span of its text, or an article-level label."""

    layer: str
    label: str
    start: int | None = None
    end: int | None = None
    score: float | None = None
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def __post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise ValueError(f"annotation {self.layer}/{self.label}: start and end must both be set or both be None")
        if self.start is not None and (self.start < 0 or self.end < self.start):  # type: ignore[operator]
            raise ValueError(f"annotation {self.layer}/{self.label}: bad offsets {self.start}..{self.end}")

    def span_text(self, text: str) -> str | None:
        """The words this annotation covers in ``text`` (None for article-level labels)."""
        if self.start is None or self.end is None:
            return None
        return text[self.start : self.end]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return {
            "layer": self.layer,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "attrs": dict(self.attrs),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Annotation":
        """Read back what ``to_dict`` wrote."""
        return cls(
            layer=d["layer"],
            label=d["label"],
            start=d.get("start"),
            end=d.get("end"),
            score=d.get("score"),
            attrs=dict(d.get("attrs") or {}),
        )


@dataclass(frozen=True)
class Removed:
    """Text the clean layer took out of the raw input, with the reason, so nothing is lost."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return {"text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Removed":
        """Read back what ``to_dict`` wrote."""
        return cls(text=d["text"], reason=d["reason"])


@dataclass(frozen=True)
class StageError:
    """A stage that failed on one article: recorded on the article, the run goes on."""

    stage: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return {"stage": self.stage, "message": self.message}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "StageError":
        """Read back what ``to_dict`` wrote."""
        return cls(stage=d["stage"], message=d["message"])


@dataclass(frozen=True)
class RawRecord:
    """What an ingest reader yields: the raw text of one article plus what the container said about it.

    ``meta`` may hold ``title``, ``url``, ``published`` (ISO 8601), ``outlet`` and ``format``
    when the input format carries them (HTML metadata, JSONL fields, WARC headers).
    """

    source_path: str
    text: str
    format: str
    meta: dict[str, Any] = field(default_factory=dict, hash=False)


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def published_day(value: str | None) -> date | None:
    """The day of an ISO 8601 publication date (time and zone ignored); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = _ISO_DAY.match(value)  # "2022-09-21 at noon": the day is still readable
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def content_id(title: str | None, text: str) -> str:
    """A stable id derived from the clean content: the same article read twice gets one id."""
    norm = " ".join((title or "").split()) + "\n" + " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One article: fixed clean text plus the annotations every layer adds to it.

    ``doc`` holds the spaCy parse for the lifetime of a run; it is never serialised.
    ``published`` stays the ISO 8601 string of the output contract; ``published_date`` is its day.
    """

    id: str
    source_path: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)
    #: layer -> why it could not run on this article ("no named-entity model for Bulgarian"): a layer
    #: that is missing here ran (and may have found nothing); one named here did not run
    unsupported: dict[str, str] = field(default_factory=dict)
    doc: Any = field(default=None, repr=False, compare=False)
    _published_parsed: str | None = field(default=None, init=False, repr=False, compare=False)
    _published_day: date | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def create(
        cls,
        source_path: str,
        text: str,
        *,
        title: str | None = None,
        paragraphs: Iterable[tuple[int, int]] | None = None,
        **kwargs: Any,
    ) -> "Article":
        """Build an article whose id is derived from its title and clean text."""
        if paragraphs is None:
            paragraphs = paragraph_offsets(text)
        return cls(
            id=content_id(title, text),
            source_path=source_path,
            text=text,
            title=title,
            paragraphs=[(int(s), int(e)) for s, e in paragraphs],
            **kwargs,
        )

    @property
    def published_date(self) -> date | None:
        """The day the article was published (time and zone ignored), or None when not known."""
        if self._published_parsed != self.published:
            # parsed once per value: the corpus layer asks for it of every claim and date
            self._published_day = published_day(self.published)
            self._published_parsed = self.published
        return self._published_day

    # -- annotations -----------------------------------------------------------------------
    def add(self, annotation: Annotation) -> None:
        """Add one annotation, checking that its offsets lie inside the text."""
        if annotation.end is not None and annotation.end > len(self.text):
            raise ValueError(
                f"annotation {annotation.layer}/{annotation.label} ends at {annotation.end}, "
                f"past the text ({len(self.text)} chars)"
            )
        self.annotations.append(annotation)

    def layer(self, name: str) -> list[Annotation]:
        """The annotations of one layer, in text order."""
        return sorted(
            (a for a in self.annotations if a.layer == name),
            key=lambda a: (a.start if a.start is not None else -1, a.end if a.end is not None else -1),
        )

    def mark_unsupported(self, layer: str, reason: str) -> None:
        """Record that ``layer`` could not run on this article (its language has no model for it),
        so that an empty layer is never read as "nothing found"."""
        self.unsupported[layer] = reason

    def record_error(self, stage: str, exc: BaseException | str) -> None:
        """Record that a stage failed on this article (one line, at most 500 characters)."""
        msg = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
        self.errors.append(StageError(stage=stage, message=" ".join(str(msg).split())[:500]))

    def paragraph_texts(self) -> Iterator[str]:
        """The text of each paragraph, in order."""
        for s, e in self.paragraphs:
            yield self.text[s:e]

    # -- JSON ---------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "source_path": self.source_path,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "paragraphs": [[s, e] for s, e in self.paragraphs],
            "removed": [r.to_dict() for r in self.removed],
            "annotations": [a.to_dict() for a in self.annotations],
            "errors": [e.to_dict() for e in self.errors],
            "unsupported": dict(self.unsupported),
        }

    def to_json(self) -> str:
        """One line of articles.jsonl."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Article":
        """Read back what ``to_dict`` wrote."""
        version = d.get("schema_version", SCHEMA_VERSION)
        if version > SCHEMA_VERSION:
            raise ValueError(f"article schema version {version} is newer than this presswatch ({SCHEMA_VERSION})")
        return cls(
            id=d["id"],
            source_path=d["source_path"],
            text=d["text"],
            title=d.get("title"),
            url=d.get("url"),
            outlet=d.get("outlet"),
            published=d.get("published"),
            language=d.get("language"),
            paragraphs=[(int(s), int(e)) for s, e in d.get("paragraphs", [])],
            removed=[Removed.from_dict(r) for r in d.get("removed", [])],
            annotations=[Annotation.from_dict(a) for a in d.get("annotations", [])],
            errors=[StageError.from_dict(e) for e in d.get("errors", [])],
            unsupported={str(k): str(v) for k, v in (d.get("unsupported") or {}).items()},
        )

    @classmethod
    def from_json(cls, line: str) -> "Article":
        """Read back one line of articles.jsonl."""
        return cls.from_dict(json.loads(line))


def paragraph_offsets(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs of a clean text, which separates paragraphs by blank lines."""
    out: list[tuple[int, int]] = []
    pos = 0
    for block in text.split("\n\n"):
        start = pos
        end = pos + len(block)
        # trim surrounding whitespace without changing the text itself
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
        pos += len(block) + 2
    return out


@dataclass(frozen=True)
class Failure:
    """An input or article that could not be analysed, with a one-line reason."""

    source_path: str
    stage: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return {"source_path": self.source_path, "stage": self.stage, "reason": self.reason}
