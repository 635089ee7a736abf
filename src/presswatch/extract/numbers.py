"""Number expressions in a token sequence: "300,000", "1million", "$50,000", "three percent",
"a million", "hundreds of thousands", "dozens", "between 200 and 300", "a third of" — each with its
plain value.

Works on spaCy tokens (anything with ``.text`` and ``.i``); no parse needed. A vague amount
("thousands", "several hundred") is an order of magnitude, not a count: it is marked ``vague``,
``value`` is the least it can mean (2,000) and ``high`` where its order ends (1,000,000). A range
("between 200 and 300", "200 to 300", "200-300") is one expression, ``value`` its low end and
``high`` its high end. A fraction of something ("a third of", "two-thirds of") is a percent.
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
#: How far a vague plural reaches above its base: "tens" of x ends at 10 × 10 × x, "thousands" at a million.
_VAGUE_SPAN = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 10, "thousands": 1000, "millions": 1000,
               "billions": 1000}
#: Fractions of a whole, as percent ("a third of the vote").
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0,
              "fifth": 20.0, "fifths": 20.0, "tenth": 10.0, "tenths": 10.0}
#: Words before "half of" that make it a period or a place ("the first half of 2022", "the back half of").
_HALF_OF_TIME = frozenset({"first", "second", "latter", "former", "other", "back", "front", "top", "bottom", "1st", "2nd"})
_RANGE_WORDS = frozenset({"to", "-", "–", "and"})


@dataclass(frozen=True)
class NumberExpr:
    """Tokens ``start``..``end`` (exclusive) of one number expression and what it says."""

    start: int
    end: int
    value: float
    unit: str | None = None  # "percent", "dollars", ... when the expression itself says so
    vague: bool = False
    high: float | None = None  # the top of a range or of a vague amount's order of magnitude


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


def _core(tokens: Sequence[Any], i: int) -> tuple[int, float, bool, float | None] | None:
    """(end, value, vague, high) of the number starting at token i, or None."""
    n = len(tokens)
    low = tokens[i].text.lower()
    if low in ("a", "an") and i + 1 < n and tokens[i + 1].text.lower() in _SCALE_WORDS:
        value, j = SCALES[tokens[i + 1].text.lower()], i + 2
    elif low in _FEW and i + 1 < n and tokens[i + 1].text.lower() in _SCALE_WORDS:
        scale = SCALES[tokens[i + 1].text.lower()]
        return i + 2, _FEW[low] * scale, True, 10 * scale  # "several hundred"
    elif low == "a" and i + 2 < n and tokens[i + 1].text.lower() == "few" and tokens[i + 2].text.lower() in _SCALE_WORDS:
        scale = SCALES[tokens[i + 2].text.lower()]
        return i + 3, 2 * scale, True, 10 * scale  # "a few hundred"
    elif low in _VAGUE_BASE:
        if low == "tens" and not (i + 2 < n and tokens[i + 1].text.lower() == "of"):
            return None
        value, j = _VAGUE_BASE[low], i + 1
        while j + 1 < n and tokens[j].text.lower() == "of" and tokens[j + 1].text.lower() in _VAGUE_BASE:
            value *= _VAGUE_BASE[tokens[j + 1].text.lower()]
            j += 2
        return j, value * 2, True, value * _VAGUE_SPAN[low]
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
    return j, value, False, None


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


def _fraction(tokens: Sequence[Any], i: int) -> tuple[int, float] | None:
    """(end, percent) of "a third of", "two-thirds of", "half of", "three quarters of" at token i."""
    n = len(tokens)
    low = tokens[i].text.lower()
    count, j = None, i + 1
    if low in ("a", "one"):
        count = 1.0
    elif (w := _word_value(low)) is not None and 2 <= w <= 9:
        count = w
    elif low == "half" and j < n and tokens[j].text.lower() == "of":
        prev = tokens[i - 1].text.lower() if i > 0 else ""
        if prev in _HALF_OF_TIME or _ORDINAL.match(prev):
            return None  # "the second half of the year": a period, not a share
        return j, 50.0
    if count is None:
        return None
    if j + 1 < n and tokens[j].text in ("-", "–") and not tokens[i].whitespace_:
        j += 1  # "two-thirds"
    if j + 1 < n and tokens[j].text.lower() in _FRACTIONS and tokens[j + 1].text.lower() == "of":
        word = tokens[j].text.lower()
        if (count == 1) != (not word.endswith("s")) or word == "half":
            return None  # "a thirds", "two third", "a half of": not a fraction of something
        return j + 1, round(count * _FRACTIONS[word], 1)
    return None


def _range_end(tokens: Sequence[Any], i: int, j: int, low: float) -> tuple[int, float] | None:
    """(end, high) when the number at i..j opens a range: "between 200 and 300", "200 to 300", "200-300".

    "from 200 to 300" is a change, not a range; "200 or 300" stays two numbers.
    """
    n = len(tokens)
    if j + 1 >= n or tokens[j].text.lower() not in _RANGE_WORDS:
        return None
    prev = tokens[i - 1].text.lower() if i > 0 else ""
    join = tokens[j].text.lower()
    if join == "and" and prev != "between":
        return None
    if join in ("-", "–") and low < 10:
        return None  # "a 2-3 loss", "3-1": a score
    if prev == "from":
        return None
    nxt = _core(tokens, j + 1)
    if nxt is None or nxt[2]:
        return None
    end, high = nxt[0], nxt[1]
    if not low < high <= 100 * low:
        return None  # "1 to 0", "3 to 5,000": a score or two separate numbers
    return end, high


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
        frac = _fraction(tokens, i)
        if frac is not None:
            j, value = frac
            yield NumberExpr(tokens[start].i, tokens[j - 1].i + 1, value, "percent")
            i = j
            continue
        core = _core(tokens, k)
        if core is None:
            i += 1
            continue
        j, value, vague, high = core
        if j == k + 1 and value < 1000:
            value *= _shared_scale(tokens, j)  # "thirty or fifty thousand": thirty thousand
        if not vague:
            span = _range_end(tokens, i, j, value)
            if span is not None:
                j, high = span
        j, after_unit = _unit_after(tokens, j)
        yield NumberExpr(tokens[start].i, tokens[j - 1].i + 1, value, unit or after_unit, vague, high)
        i = j


# -- other languages ---------------------------------------------------------------------------
# Continental conventions: a decimal comma ("3,5 %"), thousands by dots ("300.000") or by spaces
# ("300 000", "10 000" with nbsp or a thin space), scale words and abbreviations in their
# inflected forms ("5,5 тыс.", "1,5 Mio.", "300 mil"), vague plurals ("des milliers", "Tausende",
# "сотни тысяч"), ranges ("от 200 до 300", "entre 200 et 300", "200-300").

_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
_PLAIN_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
_HYPHEN_RANGE = re.compile(r"^(\d[\d.,]*)[-–](\d[\d.,]*)$")
_GROUP_SPACES = frozenset({" ", "\u00a0", "\u202f", "\u2009"})


def plain_digit_value(text: str, scaled: bool = False) -> float | None:
    """The value of a number token written the continental way: "300.000" (300000), "5,5" (5.5),
    "300,000" (300000, unless a scale word follows: "1,500 млн" is 1.5 million), "1.5"."""
    t = text.strip()
    if _DOT_THOUSANDS.match(t):
        return float(t.replace(".", ""))
    if _COMMA_THOUSANDS.match(t) and not scaled:
        return float(t.replace(",", ""))
    if _DECIMAL_COMMA.match(t):
        return float(t.replace(",", "."))
    if _PLAIN_DIGITS.match(t):
        return float(t)
    return None


def _plain_core(tokens: Sequence[Any], i: int, res: Any) -> tuple[int, float, bool, float | None] | None:
    """(end, value, vague, high) of the number starting at token i in a language of ``res``, or None."""
    n = len(tokens)
    low = tokens[i].text.lower()
    if low in res.vague and not low[:1].isdigit():
        value, high = res.vague[low]
        j = i + 1
        # "сотни тысяч", "des centaines de milliers": a vague count of a scale
        if j + 1 < n and tokens[j].text.lower() in ("de", "di", "od") and tokens[j + 1].text.lower() in res.scales:
            j += 1
        if j < n and tokens[j].text.lower() in res.scales and tokens[j].text.lower() not in res.vague or (
            j < n and tokens[j].text.lower() in res.vague and tokens[j].text.lower() in res.scales
        ):
            scale = res.scales[tokens[j].text.lower()]
            return j + 1, value * scale, True, high * scale
        return i + 1, value, True, high
    if low in res.few and i + 1 < n:
        w = tokens[i + 1].text.lower()
        scale = res.scales.get(w) or (res.number_words.get(w) if res.number_words.get(w, 0) >= 100 else None)
        if scale:
            return i + 2, 3 * scale, True, 10 * scale  # "mehrere hundert", "несколько тысяч"
    nxt_scaled = i + 1 < n and tokens[i + 1].text.lower() in res.scales
    v = plain_digit_value(tokens[i].text, nxt_scaled)
    if v is None:
        w = res.number_words.get(low)
        v = None if w is None else float(w)
    if v is None:
        return None
    value, j = v, i + 1
    # "300 000", "10\u202f000": groups of three after spaces (a tokenizer may keep the space as a token)
    while re.fullmatch(r"\d{1,3}", tokens[j - 1].text if j - 1 == i else "000") and j < n:
        k = j
        if tokens[k].text in _GROUP_SPACES and k + 1 < n:
            k += 1
        elif tokens[k - 1].whitespace_ not in _GROUP_SPACES:
            break
        if not re.fullmatch(r"\d{3}", tokens[k].text):
            break
        value, j = value * 1000 + float(tokens[k].text), k + 1
    if j < n and (w := tokens[j].text.lower()) in res.scales:
        value *= res.scales[w]
        j += 1
        if j < n and tokens[j].text == "." and not w.endswith(".") and w + "." in res.scales and j + 1 < n \
                and not tokens[j + 1].text[:1].isupper():
            j += 1  # "300 tys. osób": the abbreviation's full stop, split off by the tokenizer
    return j, value, False, None


def _plain_percent(tokens: Sequence[Any], j: int, res: Any) -> int | None:
    """The end of a percent word at token j ("%", "Prozent", "pour cent", "процентов"), or None."""
    for word in sorted(res.percent, key=lambda p: -len(p.split())):
        parts = word.split()
        if [t.text.lower() for t in tokens[j : j + len(parts)]] == parts:
            return j + len(parts)
    return None


def find_plain(tokens: Sequence[Any], lang: str) -> Iterator[NumberExpr]:
    """Every number expression in the tokens of an article in ``lang`` (one of resources.LANGS)."""
    from .resources import LANGS

    res = LANGS[lang]
    openers = {a: b for a, b in res.range_words}
    i, n = 0, len(tokens)
    while i < n:
        text = tokens[i].text
        m = _HYPHEN_RANGE.match(text)
        if m:
            lo, hi = plain_digit_value(m.group(1)), plain_digit_value(m.group(2))
            if lo is not None and hi is not None and lo < hi <= 100 * lo and lo >= 10:
                j = i + 1
                scale = res.scales.get(tokens[j].text.lower(), 1) if j < n else 1
                j += scale != 1
                end = _plain_percent(tokens, j, res)
                yield NumberExpr(tokens[i].i, tokens[(end or j) - 1].i + 1, lo * scale,
                                 "percent" if end else None, False, hi * scale)
                i = end or j
                continue
        core = _plain_core(tokens, i, res)
        if core is None:
            i += 1
            continue
        j, value, vague, high = core
        prev = tokens[i - 1].text.lower() if i > 0 else ""
        if not vague:
            # "от 200 до 300", "entre 200 et 300", "200 - 300"
            join = openers.get(prev)
            if j + 1 < n and (tokens[j].text.lower() == join or tokens[j].text in ("-", "–") and value >= 10):
                other = _plain_core(tokens, j + 1, res)
                if other is not None and not other[2]:
                    top = other[1]
                    # "от 200 до 300 тысяч": the scale of the top is the scale of both ends
                    scale = next((s for s in (1.0, 1e3, 1e6, 1e9) if value * s < top <= 100 * value * s), None)
                    if scale is not None and (scale == 1 or scale in res.scales.values()):
                        value, j, high = value * scale, other[0], top
        unit = None
        end = _plain_percent(tokens, j, res)
        if end is not None:
            j, unit = end, "percent"
        yield NumberExpr(tokens[i].i, tokens[j - 1].i + 1, value, unit, vague, high)
        i = j
