"""Quotation marks: where quoted words begin and end in a text, apostrophes told apart from quotes.

Works on characters only (no parse), one line at a time: a quote never silently runs over a
line break. English news style leaves a quote that goes on into the next paragraph unclosed and
opens the next paragraph with a mark again; such pieces are linked (``continued``/``continues``).
Corpora with one sentence a line run a quote over lines with no marks of their own until a line
closes it; those lines are pieces of the quote too. Two apostrophes (``''``) are a double mark
(one newspaper's house style); a mark against markup (``">Name``) and a social-media sign-off
line ("Follow X on Twitter @x") open nothing.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Iterable, Iterator, Sequence

from .resources import LANGS

#: Quote families: a quote opened by a mark of one family closes only with a mark of the same.
FAMILY = {
    '"': "double", "“": "double", "”": "double", "„": "double", "‟": "double",
    "'": "single", "‘": "single", "’": "single",
    "«": "angle", "»": "angle", "‹": "angle", "›": "angle",
}
#: Marks that only ever open or only ever close a quote.
OPEN_ONLY = frozenset("“„‟‘«‹")
CLOSE_ONLY = frozenset("”»›")
#: Characters after which a straight mark may open a quote.
OPEN_AFTER = frozenset("([{—–-/:;,…")
#: Characters that may follow a closing mark.
CLOSE_BEFORE = frozenset(".,;:!?)]}—–-…\"'“”‘’«»")
#: Characters next to a mark that make it part of markup left in the text, not a quote.
MARKUP = frozenset("<>=")
#: How many lines with no marks a quote may run over before a line closes it.
MARKLESS_LINES = 3
#: A line that signs off to a social-media account: boilerplate, never quoted words.
SIGN_OFF = re.compile(
    r"(follow|like|subscribe to|find)\b.{0,120}?(@\w|\b(twitter|facebook|instagram|telegram|tiktok)\b)", re.I
)


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted words between marks: content offsets, mark offsets and how the piece is linked."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    family: str
    line: int
    continued: bool = False  # goes on into the next line's quote
    continues: bool = False  # goes on from the previous line's quote


class Covered:
    """Which offsets some (start, end) stretches cover, end exclusive; a bisection, not a scan.

    The extractors ask this of every token near a quote: a scan over all quotes made that
    quadratic in long articles.
    """

    def __init__(self, stretches: Iterable[tuple[int, int]]) -> None:
        items = sorted(stretches)
        self._starts = [s for s, _ in items]
        self._reach = list(accumulate((e for _, e in items), max))  # furthest end so far

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self._starts, pos)
        return k > 0 and self._reach[k - 1] > pos


def marked(spans: Iterable[QuoteSpan]) -> Covered:
    """Offsets inside a quote, its marks included (an unclosed quote runs to the end of its words)."""
    return Covered((q.open_at, (q.close_at if q.close_at is not None else q.end) + 1) for q in spans)


def lines_of(text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Non-blank lines of the text (paragraphs split at single line breaks), as offset pairs."""
    blocks = list(paragraphs) if paragraphs else [(0, len(text))]
    out: list[tuple[int, int]] = []
    for ps, pe in blocks:
        pos = ps
        for piece in text[ps:pe].split("\n"):
            s, e = pos, pos + len(piece)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
            pos += len(piece) + 1
    return out


def _intraword(text: str, i: int, s: int, e: int) -> bool:
    return s < i < e - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def can_open(text: str, i: int, s: int, e: int) -> bool:
    """Whether the mark at ``i`` (inside line ``s..e``) can open a quote."""
    ch = text[i]
    if ch not in FAMILY or ch in CLOSE_ONLY or i + 1 >= e or text[i + 1].isspace():
        return False
    if text[i + 1] in MARKUP or i > s and text[i - 1] in MARKUP:
        return False
    if FAMILY[ch] == "single" and _intraword(text, i, s, e):
        return False
    if ch == "’":  # a right single mark opens only in sloppy text; treat it as an apostrophe
        return False
    if ch in OPEN_ONLY:
        return True
    if i > s and not (text[i - 1].isspace() or text[i - 1] in OPEN_AFTER or text[i - 1] in FAMILY):
        return False
    # '90s, 'til: an elided apostrophe, not a quote
    if ch == "'" and text[i + 1 : i + 4].lower() in {"til", "cau", "em "} or text[i + 1 : i + 3].isdigit() and text[i + 3 : i + 4] == "s":
        return False
    return True


def can_close(text: str, i: int, s: int, e: int) -> bool:
    """Whether the mark at ``i`` can close a quote."""
    ch = text[i]
    if ch not in FAMILY or ch in OPEN_ONLY or i == s or text[i - 1].isspace():
        return False
    if FAMILY[ch] == "single" and _intraword(text, i, s, e):
        return False
    if ch in CLOSE_ONLY:
        return True
    return i + 1 >= e or text[i + 1].isspace() or text[i + 1] in CLOSE_BEFORE


def _possessive(text: str, i: int, e: int) -> bool:
    """`wives' homes`: a plural possessive that could also be a closing single mark."""
    return (
        FAMILY.get(text[i]) == "single"
        and text[i - 1] in "sS"
        and i + 2 < e
        and text[i + 1] == " "
        and text[i + 2].isalnum()
    )


def _find_in_line(
    text: str, s: int, e: int, pending: str | None = None
) -> Iterator[tuple[int, int, int | None, str]]:
    """(open mark, content start, close mark or None, family) for each top-level quote of a line.

    ``pending`` is the family of a quote the previous line left open; if this line closes it
    before opening any other, the line's first stretch is that quote's next piece (corpora with
    one sentence a line break quotes that way).
    """
    i = s
    if pending is not None and (j := _closes_first(text, s, e, pending)) is not None:
        yield s, s, j, pending
        i = j + 1
    while i < e:
        if not can_open(text, i, s, e):
            i += 1
            continue
        family = FAMILY[text[i]]
        close = None
        j = i + 1
        while j < e:
            if FAMILY.get(text[j]) == family and can_close(text, j, s, e):
                if _possessive(text, j, e) and _later_close(text, j + 1, e, s, family):
                    j += 1
                    continue
                close = j
                break
            j += 1
        yield i, i + 1, close, family
        if close is None:
            return
        i = close + 1


def _closes_first(text: str, s: int, e: int, family: str) -> int | None:
    """Offset of a closing mark of ``family`` in line ``s..e`` that comes before any opening one."""
    for j in range(s, e):
        if FAMILY.get(text[j]) != family:
            continue
        if can_open(text, j, s, e):
            return None
        if can_close(text, j, s, e) and not _possessive(text, j, e):
            return j
    return None


def _later_close(text: str, j: int, e: int, s: int, family: str) -> bool:
    """Whether a plain closing mark follows before any new quote opens (then `s'` was a possessive)."""
    for k in range(j, e):
        if FAMILY.get(text[k]) != family:
            continue
        if can_open(text, k, s, e):
            return False  # "'corrected several times' before officials 'settled on'"
        if can_close(text, k, s, e) and not _possessive(text, k, e):
            return True
    return False


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return a, b


def _pairs_as_marks(text: str) -> tuple[str, set[int]]:
    """The text with each two-apostrophe mark written as one double mark and a space, the same
    length (an opening pair as ' "', a closing one as '" '), and where the opening pairs begin."""
    if "''" not in text:
        return text, set()
    chars = list(text)
    opening: set[int] = set()
    i = 0
    while (i := text.find("''", i)) >= 0:
        if text[i + 2 : i + 3] == "'" or i > 0 and text[i - 1] == "'":
            i += 3
            continue
        after = text[i + 2 : i + 3]
        before = text[i - 1] if i > 0 else " "
        if after and not after.isspace() and (before.isspace() or before in OPEN_AFTER):
            chars[i], chars[i + 1] = " ", '"'
            opening.add(i)
        elif i > 0 and not before.isspace():
            chars[i], chars[i + 1] = '"', " "
        i += 2
    return "".join(chars), opening


def _markless_run(text: str, lines: Sequence[tuple[int, int]], n: int, family: str) -> int:
    """How many lines after line ``n`` (which leaves a quote of ``family`` open) hold no quote mark
    before a line closes that quote with sentence punctuation before the mark: 0 when none does."""
    for k in range(n + 1, min(len(lines), n + 2 + MARKLESS_LINES)):
        s, e = lines[k]
        if any(FAMILY.get(ch) == family for ch in text[s:e]):
            j = _closes_first(text, s, e, family)
            return k - n - 1 if k > n + 1 and j is not None and text[j - 1] in ".,!?…" else 0
    return 0


#: Spaces that may stand between a French or Portuguese angle mark and its words.
_MARK_SPACES = " \u00a0\u202f\u2009"
#: Dashes that open a line of dialogue and set off its attribution ("— Мы не отступим, — заявил он.").
DIALOGUE_DASHES = "—–―"
_DIALOGUE_SPLIT = re.compile(r"[ \u00a0][—–―][ \u00a0]")


def normalised(text: str, lang: str | None) -> str:
    """The text with a language's quote marks written as the English marks that mean the same, the
    same length: German „so“ as “so”, »so« as «so», ‚so‘ as ‘so’; « so » (a space, nbsp or thin
    space inside the marks) as  «so» . None (English) leaves the text as it is."""
    res = LANGS.get(lang or "")
    if res is None:
        return text
    table: dict[str, str] = {}
    if res.low_nine and "„" in text:
        table.update({"„": "“", "“": "”"})
    if res.low_nine and "‚" in text:
        table.update({"‚": "‘", "‘": "’"})
    first_open, first_close = text.find("»"), text.find("«")
    if res.reversed_angles and first_open >= 0 and (first_close < 0 or first_open < first_close):
        table.update({"»": "«", "«": "»"})
    if table:
        text = text.translate(str.maketrans(table))
    if res.spaced and ("« " in text or " »" in text or any(c in text for c in _MARK_SPACES[1:])):
        chars = list(text)
        for i, ch in enumerate(chars):
            if ch == "«":
                j = i + 1
                while j < len(chars) and chars[j] in _MARK_SPACES:
                    j += 1
                if j > i + 1 and j < len(chars) and chars[j] not in "»\n":
                    chars[i], chars[j - 1] = chars[j - 1], "«"  # the mark moves next to its first word
            elif ch == "»":
                j = i - 1
                while j >= 0 and chars[j] in _MARK_SPACES:
                    j -= 1
                if j < i - 1 and j >= 0 and chars[j] not in "«\n":
                    chars[i], chars[j + 1] = chars[j + 1], "»"
        text = "".join(chars)
    return text


#: A dash after a sentence's end opens a line of dialogue inside a paragraph ("… на дым. — Дышать …").
_MIDLINE_DIALOGUE = re.compile(r"[.!?…][ \u00a0]+[—–―][ \u00a0]")
#: Most such dashes tried in one line (each reads the rest of the line).
MIDLINE_CANDIDATES = 8


def midline_dialogue(text: str, s: int, e: int, n: int) -> list[list[QuoteSpan]]:
    """Candidate dialogue runs that open after a sentence inside line ``s..e`` (see _dialogue); the
    caller keeps those its language's verbs of saying attribute."""
    found = itertools.islice(_MIDLINE_DIALOGUE.finditer(text, s, e), MIDLINE_CANDIDATES)
    return [list(_dialogue(text, m.end() - 2, e, n)) for m in found]


def _dialogue(text: str, s: int, e: int, n: int) -> Iterator[QuoteSpan]:
    """The spoken pieces of a dialogue line ("— Мы не отступим, — заявил Песков. — Это наша земля."):
    the line's pieces between dashes, every other one; the pieces between are its attribution."""
    pieces: list[tuple[int, int]] = []
    pos = s + 1
    for m in _DIALOGUE_SPLIT.finditer(text, s + 1, e):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, e))
    for k in range(0, len(pieces), 2):
        a, b = _content(text, *pieces[k])
        close = pieces[k][1] + 1 if k + 1 < len(pieces) else None
        if b > a:
            yield QuoteSpan(a, b, s if k == 0 else pieces[k][0] - 2, close, "dash", n,
                            continued=k + 2 < len(pieces), continues=k > 0)


def find(
    text: str, paragraphs: Sequence[tuple[int, int]] | None = None, lang: str | None = None
) -> Iterator[QuoteSpan]:
    """Every quoted stretch of the text, in order, one piece per line (``lang``: the article's
    language when not English, for its marks and dialogue dashes; see normalised)."""
    lines = lines_of(text, paragraphs)
    text = normalised(text, lang)
    res = LANGS.get(lang or "")
    text, opening = _pairs_as_marks(text)
    carried = False  # the previous line ended inside a quote
    pending: str | None = None  # ... and the quote may close in this line without reopening
    markless = 0  # lines left that hold no marks but run on inside the open quote
    for n, (s, e) in enumerate(lines):
        if markless and pending is not None:
            markless -= 1
            yield QuoteSpan(*_content(text, s, e), s, None, pending, n, continued=True, continues=True)
            continue
        if SIGN_OFF.match(text, s, e):
            carried, pending = False, None
            continue
        if res is not None and res.dialogue and text[s] in DIALOGUE_DASHES and e > s + 2 and text[s + 1] in _MARK_SPACES:
            carried, pending = False, None
            yield from _dialogue(text, s, e, n)
            continue
        found = [
            (o - 1 if o - 1 in opening else o, a, c, family) for o, a, c, family in _find_in_line(text, s, e, pending)
        ]
        for k, (o, a, c, family) in enumerate(found):
            continues = carried and k == 0 and o == s
            continued = False
            if c is None:
                nxt = lines[n + 1] if n + 1 < len(lines) else None
                markless = _markless_run(text, lines, n, family)
                continued = nxt is not None and (
                    FAMILY.get(text[nxt[0]]) == family and can_open(text, nxt[0], *nxt)
                    or _closes_first(text, *nxt, family) is not None
                    or markless > 0
                )
            a, b = _content(text, a, c if c is not None else e)
            if b > a:
                yield QuoteSpan(a, b, o, c, family, n, continued=continued, continues=continues)
        last = found[-1] if found else None
        carried = last is not None and last[2] is None
        pending = last[3] if carried and last is not None and not (
            n + 1 < len(lines) and FAMILY.get(text[lines[n + 1][0]]) == last[3]
        ) else None
