"""Number expressions in a token sequence: "300,000", "1million", "$50,000", "three percent",
"a million", "hundreds of thousands", "dozens" — each with its plain value.

Works on spaCy tokens (anything with ``.text`` and ``.i``); no parse needed. Vague plurals
("thousands") take the least value they can mean (2,000) and are marked ``vague``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from .resources import CURRENCY_SIGNS, CURRENCY_WORDS, NUMBER_WORDS, SCALES, VAGUE_PLURALS

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_GLUED = re.compile(r"^(\d+(?:[.,]\d+)?)(million|billion|trillion|thousand|mn|mln|bn|tn|m|k|b)\.?$", re.IGNORECASE)
_CURRENCY_GLUED = re.compile(r"^([$£€])(\d[\d,]*(?:\.\d+)?)(million|billion|thousand|bn|m|k)?$", re.IGNORECASE)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
_SCALE_ABBR = frozenset({"m", "m.", "bn", "mn", "k", "tn"})
#: Vague counts before a scale word, at their least ("several hundred" is 300).
_FEW = {"several": 3, "few": 2, "many": 3, "some": 2}
#: Base of a vague plural: "tens of thousands" is 2 × 10 × 1,000 at the least.
_VAGUE_BASE = {w: v / 2 for w, v in VAGUE_PLURALS.items()}


@dataclass(frozen=True)
class NumberExpr:
    """Tokens ``start``..``end`` (exclusive) of one number expression and what it says."""

    start: int
    end: int
    value: float
    unit: str | None = None  # "percent", "dollars", ... when the expression itself says so
    vague: bool = False


def digit_value(text: str) -> float | None:
    """The value of "300,000", "1.5", "1million", "5bn", "1MILLION"; None if not a number token."""
    t = text.strip()
    if _DIGITS.match(t):
        return float(t.replace(",", ""))
    m = _GLUED.match(t)
    if m:
        base = float(m.group(1).replace(",", "."))
        return base * SCALES[m.group(2).lower()]
    return None


def _word_value(text: str) -> float | None:
    low = text.lower()
    if low in NUMBER_WORDS:
        return float(NUMBER_WORDS[low])
    if "-" in low:  # twenty-five
        parts = low.split("-")
        if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
            return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def _core(tokens: Sequence[Any], i: int) -> tuple[int, float, bool] | None:
    """(end, value, vague) of the number starting at token i, or None."""
    n = len(tokens)
    low = tokens[i].text.lower()
    if low in ("a", "an") and i + 1 < n and tokens[i + 1].text.lower() in _SCALE_WORDS:
        value, j = SCALES[tokens[i + 1].text.lower()], i + 2
    elif low in _FEW and i + 1 < n and tokens[i + 1].text.lower() in _SCALE_WORDS:
        return i + 2, _FEW[low] * SCALES[tokens[i + 1].text.lower()], True  # "several hundred"
    elif low == "a" and i + 2 < n and tokens[i + 1].text.lower() == "few" and tokens[i + 2].text.lower() in _SCALE_WORDS:
        return i + 3, 2 * SCALES[tokens[i + 2].text.lower()], True  # "a few hundred"
    elif low in _VAGUE_BASE:
        if low == "tens" and not (i + 2 < n and tokens[i + 1].text.lower() == "of"):
            return None
        value, j = _VAGUE_BASE[low], i + 1
        while j + 1 < n and tokens[j].text.lower() == "of" and tokens[j + 1].text.lower() in _VAGUE_BASE:
            value *= _VAGUE_BASE[tokens[j + 1].text.lower()]
            j += 2
        return j, value * 2, True
    else:
        v = digit_value(tokens[i].text)
        if v is None:
            v = _word_value(tokens[i].text)
        if v is None:
            return None
        value, j = v, i + 1
        # "2 000", "1 300 000": thousands separated by spaces
        while (
            re.fullmatch(r"\d{1,3}", tokens[i].text) and j < n and re.fullmatch(r"\d{3}", tokens[j].text)
            and tokens[j - 1].whitespace_ == " "
        ):
            value, j = value * 1000 + float(tokens[j].text), j + 1
        # "Fifty-five": split by the tokenizer into "Fifty", "-", "five"
        if j + 1 < n and tokens[j].text == "-" and not tokens[i].whitespace_ and (
            unit := _word_value(tokens[j + 1].text)
        ) is not None and value >= 20 and value % 10 == 0 and unit < 10:
            value, j = value + unit, j + 2
    # "one hundred and twenty", "1.5 million", "two million", "3 m"
    while j < n:
        w = tokens[j].text.lower()
        if w in _SCALE_WORDS:
            value *= SCALES[w]
            j += 1
        elif w in _SCALE_ABBR and digit_value(tokens[j - 1].text) is not None and not tokens[j - 1].whitespace_:
            value *= SCALES[w.rstrip(".")]
            j += 1
        elif w == "and" and j + 1 < n and _word_value(tokens[j + 1].text) is not None and tokens[j - 1].text.lower() == "hundred":
            value += _word_value(tokens[j + 1].text) or 0
            j += 2
        elif _word_value(w) is not None and _word_value(tokens[j - 1].text) is not None and (_word_value(tokens[j - 1].text) or 0) >= 20 and (_word_value(w) or 0) < 10:
            value += _word_value(w) or 0  # "twenty five"
            j += 1
        else:
            break
    return j, value, False


def _unit_after(tokens: Sequence[Any], j: int) -> tuple[int, str | None]:
    n = len(tokens)
    if j < n and tokens[j].text == "%":
        return j + 1, "percent"
    if j + 1 < n and tokens[j].text.lower() == "per" and tokens[j + 1].text.lower() == "cent":
        return j + 2, "percent"
    if j < n and tokens[j].text.lower() in ("percent", "pc"):
        return j + 1, "percent"
    if j < n and tokens[j].text.lower() in CURRENCY_WORDS:
        return j + 1, CURRENCY_WORDS[tokens[j].text.lower()]
    return j, None


def _shared_scale(tokens: Sequence[Any], j: int) -> float:
    """The scale word a bare number shares with the next one ("30 or 50 million" → million)."""
    if j + 2 < len(tokens) and tokens[j].text.lower() in ("or", "to", "and", "-", "–"):
        nxt = _core(tokens, j + 1)
        if nxt is not None and not nxt[2] and nxt[0] - (j + 1) >= 2:
            scale = tokens[nxt[0] - 1].text.lower()
            if scale in _SCALE_WORDS:
                return SCALES[scale]
    return 1.0


def find(tokens: Sequence[Any]) -> Iterator[NumberExpr]:
    """Every number expression in ``tokens``, left to right, not overlapping."""
    i, n = 0, len(tokens)
    while i < n:
        text = tokens[i].text
        unit = None
        start = i
        if _ORDINAL.match(text):
            i += 1
            continue
        m = _CURRENCY_GLUED.match(text)
        if m:
            value = float(m.group(2).replace(",", "")) * (SCALES[m.group(3).lower()] if m.group(3) else 1)
            yield NumberExpr(tokens[i].i, tokens[i].i + 1, value, CURRENCY_SIGNS[m.group(1)])
            i += 1
            continue
        k = i
        if text in CURRENCY_SIGNS and i + 1 < n:
            unit, k = CURRENCY_SIGNS[text], i + 1
        core = _core(tokens, k)
        if core is None:
            i += 1
            continue
        j, value, vague = core
        if j == k + 1 and value < 1000:
            value *= _shared_scale(tokens, j)  # "thirty or fifty thousand": thirty thousand
        j, after_unit = _unit_after(tokens, j)
        yield NumberExpr(tokens[start].i, tokens[j - 1].i + 1, value, unit or after_unit, vague)
        i = j
