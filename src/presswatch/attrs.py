"""Typed `attrs` of each annotation layer: one frozen record a layer, one to/from mapping.

An Annotation keeps its attrs as a plain dict, because that is what JSON, DuckDB and the
SemEval/Label Studio formats carry. Code that reads or writes a layer's attrs goes through the
record here instead of spelling the keys: ``QuoteAttrs.of(ann).speaker``, ``ClaimAttrs(...).to_dict()``.
The SQL columns over ``annotations.attrs`` (the web app, ``presswatch.open``, the report) are
generated from the same fields by :func:`sql_columns`, so a key exists in exactly one place.

A field with ``omit`` metadata is left out of the dict while it holds its default, which keeps
articles.jsonl as it was (``role`` only on role mentions, ``vague`` only on vague amounts).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, Mapping, TypeVar

__all__ = [
    "EntityAttrs",
    "QuoteAttrs",
    "ClaimAttrs",
    "TechniqueAttrs",
    "RoleAttrs",
    "NarrativeAttrs",
    "LAYER_ATTRS",
    "attrs_of",
    "sql_columns",
    "sql_select",
]

T = TypeVar("T", bound="LayerAttrs")

_OMIT = {"omit": True}


class LayerAttrs:
    """Shared to/from mapping of the per-layer attrs records."""

    layer: ClassVar[str]

    def to_dict(self) -> dict[str, Any]:
        """The attrs dict as stored: every field, less the ``omit`` ones that hold their default."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if f.metadata.get("omit") and value == f.default:
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls: type[T], d: Mapping[str, Any] | None) -> T:
        """The record for a stored attrs dict; missing keys take their defaults, unknown keys are ignored."""
        d = d or {}
        kwargs = {}
        hints = _hints(cls)
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in d:
                kwargs[f.name] = _coerce(d[f.name], hints[f.name])
        return cls(**kwargs)

    @classmethod
    def of(cls: type[T], ann: Any) -> T:
        """The typed attrs of an Annotation of this layer."""
        if ann.layer != cls.layer:
            raise ValueError(f"{cls.__name__} reads '{cls.layer}' annotations, not '{ann.layer}'")
        return cls.from_dict(ann.attrs)


@dataclass(frozen=True, slots=True)
class EntityAttrs(LayerAttrs):
    """An entity mention: the one name the entity layer gives the person or body."""

    layer: ClassVar[str] = "entity"
    canonical: str | None = None
    role: bool = field(default=False, metadata=_OMIT)  # a role mention ("the Kremlin leader"), not a name
    title: str | None = field(default=None, metadata=_OMIT)  # "Mr", "President", ... before the name


@dataclass(frozen=True, slots=True)
class QuoteAttrs(LayerAttrs):
    """A quote: who said it and the verb of saying."""

    layer: ClassVar[str] = "quote"
    speaker: str | None = None  # canonical name, or the describing noun phrase
    cue: str | None = None
    speaker_start: int | None = field(default=None, metadata=_OMIT)
    speaker_end: int | None = field(default=None, metadata=_OMIT)


@dataclass(frozen=True, slots=True)
class ClaimAttrs(LayerAttrs):
    """A numeric claim: the plain value, what is counted, and who claims it."""

    layer: ClassVar[str] = "claim"
    value: float | None = None
    unit: str | None = None
    modifier: str | None = None
    predicate: str | None = None
    sentence: str | None = None
    speaker: str | None = None
    vague: bool = field(default=False, metadata=_OMIT)  # "thousands": an order of magnitude, not a count
    #: the top of a range ("between 200 and 300": value 200, high 300) or of a vague amount's order of
    #: magnitude ("thousands": value 2,000, the least it means, high 1,000,000); None for an exact count
    high: float | None = field(default=None, metadata=_OMIT)
    # What the corpus layer compares the claim by, decided by the extract layer (extract/claims.compared).
    #: set once decided; an older stored claim without it is decided when the corpus layer reads it
    decided: bool = field(default=False, metadata=_OMIT)
    #: the event counted ("killed", "detained", ...); None: never compared (vague, a range, a year,
    #: a supposed figure, a rate, or an event or category the comparison does not know)
    kind: str | None = field(default=None, metadata=_OMIT)
    subject: str | None = field(default=None, metadata=_OMIT)  # what is counted: "people", "soldiers", ...
    qualifier: str | None = field(default=None, metadata=_OMIT)  # the side: "Russian", "Ukrainian", ...
    plain_modifier: str | None = field(default=None, metadata=_OMIT)  # the modifier in English, lower case
    when: str | None = field(default=None, metadata=_OMIT)  # ISO day the figure refers to
    explicit_when: bool = field(default=False, metadata=_OMIT)  # that day is named in the sentence
    since: str | None = field(default=None, metadata=_OMIT)  # ISO first day of a running count
    cumulative: bool = field(default=False, metadata=_OMIT)  # a running count ("so far", "since ...")
    part: bool = field(default=False, metadata=_OMIT)  # a share of a count ("including", "alone")
    places: tuple[str, ...] = field(default=(), metadata=_OMIT)  # places its sentence names, lower case
    sentence_start: int | None = field(default=None, metadata=_OMIT)  # the sentence compared, in the text
    sentence_end: int | None = field(default=None, metadata=_OMIT)

    @property
    def when_day(self) -> date | None:
        return _day(self.when)

    @property
    def since_day(self) -> date | None:
        return _day(self.since)

    @property
    def exact(self) -> bool:
        """Whether ``value`` is a count as stated, not the low end of a range or an order of magnitude."""
        return not self.vague and self.high is None

    def amount(self) -> str:
        """The amount as a reader may take it: "2,000", "200–300", or "2,000 or more (vague)" for "thousands"."""
        if self.value is None:
            return ""
        low = _number(self.value)
        if self.vague:
            return f"{low} or more (vague)" if self.high is None else f"{low} to {_number(self.high)} (vague)"
        if self.high is not None:
            return f"{low}–{_number(self.high)}"
        return low


@dataclass(frozen=True, slots=True)
class TechniqueAttrs(LayerAttrs):
    """A persuasion-technique span: the paragraph it was found in and the words that triggered it."""

    layer: ClassVar[str] = "technique"
    paragraph: int | None = None
    trigger: str | None = None


@dataclass(frozen=True, slots=True)
class RoleAttrs(LayerAttrs):
    """The role an article casts a named person or body in, on one of its entity mentions
    (SemEval-2025 Task 10 subtask 1). The label is the main role: Protagonist, Antagonist or Innocent."""

    layer: ClassVar[str] = "role"
    canonical: str | None = None  # the entity layer's canonical name of the mention: links it to the entity table
    fine: tuple[str, ...] = ()  # fine roles under the main one (Guardian, Tyrant, Victim, ...), surest first


@dataclass(frozen=True, slots=True)
class NarrativeAttrs(LayerAttrs):
    """A narrative an article advances (SemEval-2025 Task 10 subtask 2), article level. The label is the
    coarse narrative ("URW: Praise of Russia", "CC: Criticism of institutions and authorities") or
    ``Other`` when the article pushes none of the taxonomy's narratives or is about neither domain."""

    layer: ClassVar[str] = "narrative"
    domain: str | None = None  # "URW" (Ukraine-Russia war), "CC" (climate change), None (neither)
    subnarratives: tuple[str, ...] = ()  # fine narratives under the coarse one, surest first


LAYER_ATTRS: dict[str, type[LayerAttrs]] = {
    cls.layer: cls for cls in (EntityAttrs, QuoteAttrs, ClaimAttrs, TechniqueAttrs, RoleAttrs, NarrativeAttrs)
}


def attrs_of(ann: Any) -> LayerAttrs | None:
    """The typed attrs of any annotation, or None for a layer without a record (genre, frame)."""
    cls = LAYER_ATTRS.get(ann.layer)
    return cls.from_dict(ann.attrs) if cls else None


_SQL_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", tuple: "VARCHAR[]"}


def sql_columns(layer: str) -> list[tuple[str, str]]:
    """(field name, DuckDB type) of a layer's attrs, in field order."""
    cls = LAYER_ATTRS[layer]
    hints = _hints(cls)
    return [(f.name, _SQL_TYPES[_base(hints[f.name])]) for f in dataclasses.fields(cls)]  # type: ignore[arg-type]


def sql_select(layer: str, column: str = "attrs", *, prefix: str = "") -> str:
    """SELECT-list expressions that pull a layer's attrs out of the JSON column, one typed column a field.

    ``prefix`` names the output columns (``prefix + field``), for joins where names would clash.
    """
    parts = []
    for name, sql_type in sql_columns(layer):
        path = f"'$.{name}'"
        if sql_type == "VARCHAR":
            expr = f"json_extract_string({column}, {path})"
        elif sql_type == "VARCHAR[]":
            expr = f"CAST(json_extract({column}, {path}) AS VARCHAR[])"
        else:
            expr = f"TRY_CAST(json_extract_string({column}, {path}) AS {sql_type})"
        parts.append(f"{expr} AS {prefix}{name}")
    return ", ".join(parts)


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _number(value: float) -> str:
    """1000000.0 → "1,000,000"; 33.3 stays "33.3". A value that is not a number (a hand-edited or
    hostile database) is shown as the text it is, for the page to escape."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(number):
        return str(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,}"


@functools.lru_cache(maxsize=None)  # get_type_hints made every from_dict cost 150 µs
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _base(hint: Any) -> type:
    if typing.get_origin(hint) is tuple:
        return tuple
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if args else hint


def _coerce(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    base = _base(hint)
    if base is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value  # keep 1000000 an int: JSON shows plain numbers
    if base is int and isinstance(value, (int, float, str)) and not isinstance(value, bool):
        try:
            return int(value)
        except ValueError:
            return None
    if base is bool:
        return bool(value)
    if base is tuple:
        items = value if isinstance(value, (list, tuple)) else [value]
        return tuple(str(v) for v in items if v is not None)
    if base is str and not isinstance(value, str):
        return str(value)
    return value
