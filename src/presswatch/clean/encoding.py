"""Encoding repair: UTF-8 read as a legacy Mac code page, then ftfy for everything else.

ftfy knows Mac Roman but not Mac Central European, and on `‚ÄĒ` (an em dash read as Mac CE)
it makes things worse (`'ÄĒ`). So runs that look like UTF-8 bytes shown through a Mac code page
are re-encoded first, and only kept when the round trip succeeds and the text gets less weird.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import ftfy

from .resources import (
    INVISIBLE_CHARS,
    MAC_CODECS,
    MOJIBAKE_LEAD_LETTERS,
    MOJIBAKE_LEAD_SYMBOLS,
    MOJIBAKE_RESIDUES,
    MOJIBAKE_SYMBOLS,
    SPACE_CHARS,
)

__all__ = ["repair_text", "repair_mac_mojibake", "weirdness", "normalize_spaces"]

_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # curly quotes tell opening from closing: the quote extractor wants them
    fix_character_width=False,  # full-width CJK punctuation is correct text, not damage
    explain=False,
)

#: Apostrophes and hyphens sit between letters in correct text ("l’école", "well‐known").
_INWORD_PUNCT = frozenset("’'‘-‐‑")

_SPACE_TABLE = {ord(c): " " for c in SPACE_CHARS} | {ord(c): None for c in INVISIBLE_CHARS}

_MAX_PASSES = 5


def _chars(codec: str, lo: int, hi: int) -> str:
    return "".join(re.escape(bytes([b]).decode(codec)) for b in range(lo, hi + 1))


@lru_cache(maxsize=None)
def _run_pattern(codec: str) -> re.Pattern[str]:
    """Runs of characters that are, byte for byte in ``codec``, complete UTF-8 sequences."""
    cont = f"[{_chars(codec, 0x80, 0xBF)}]"
    lead2 = f"[{_chars(codec, 0xC2, 0xDF)}]"
    lead3 = f"[{_chars(codec, 0xE0, 0xEF)}]"
    lead4 = f"[{_chars(codec, 0xF0, 0xF4)}]"
    return re.compile(f"(?:{lead2}{cont}|{lead3}{cont}{{2}}|{lead4}{cont}{{3}})+")


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def _rare_letter(cp: int) -> bool:
    # Latin Extended-B (bar the Romanian comma letters), IPA, spacing modifiers: almost never
    # in news text, but exactly what a wrong two-byte reading of punctuation plus a letter yields.
    return 0x0180 <= cp <= 0x02FF and not 0x0218 <= cp <= 0x021B


def _implausible(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat in ("Cn", "Co", "Cs") or (cat == "Cc" and ch not in "\n\t")


def weirdness(text: str) -> int:
    """How much ``text`` looks like mojibake: rare symbols, script switches inside words, junk."""
    score = 0
    prev = ""
    n = len(text)
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp < 128:
            prev = ch
            continue
        cat = unicodedata.category(ch)
        if ch in MOJIBAKE_LEAD_SYMBOLS:
            score += 2
        elif ch in MOJIBAKE_SYMBOLS:
            score += 1
        if _implausible(ch) or (cat in ("Mn", "Me") and not prev.isalpha()):
            score += 2
        if ch.isalpha():
            nxt = text[i + 1 : i + 2]
            if ch in MOJIBAKE_LEAD_LETTERS and nxt.isalpha() and ord(nxt) >= 128:
                score += 1
            if _rare_letter(cp):
                score += 1
            if prev.isalpha() and _script(prev) != _script(ch):
                score += 1
            # "DvoŇôák", "PŇôí": a capital inside a word is how Mac CE mojibake of Czech looks
            if ch.isupper() and (prev.islower() or prev.isalpha() and nxt.islower()):
                score += 1
        elif cat[0] in "PS" and ch not in _INWORD_PUNCT and prev.isalpha() and i + 1 < n and text[i + 1].isalpha():
            score += 1
        prev = ch
    return score


def _gain(match: re.Match[str], codec: str) -> tuple[int, str] | None:
    """How much less weird the round-tripped run is than the run, or None if it cannot be."""
    run = match.group(0)
    try:
        fixed = run.encode(codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    if any(_implausible(c) for c in fixed) or unicodedata.category(fixed[0]) in ("Mn", "Me", "Mc"):
        return None
    s, e = match.span()
    text = match.string
    before, after = text[max(0, s - 1) : s], text[e : e + 1]
    return weirdness(before + run + after) - weirdness(before + fixed + after), fixed


def _repair_codec(text: str, codec: str) -> str:
    candidates = [(m.span(), g) for m in _run_pattern(codec).finditer(text) if (g := _gain(m, codec)) and g[0] >= 0]
    # A run that is no weirder either way ("—É" for a lone Cyrillic "у") is repaired only when
    # the same text holds clear mojibake of the same code page: evidence, not a coin toss.
    if not any(gain > 0 for _, (gain, _) in candidates):
        return text
    out: list[str] = []
    pos = 0
    for (s, e), (_, fixed) in candidates:
        out.append(text[pos:s])
        out.append(fixed)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def repair_mac_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as Mac Roman or Mac Central European, run by run."""
    for codec in MAC_CODECS:
        text = _repair_codec(text, codec)
    for bad, good in MOJIBAKE_RESIDUES.items():
        text = text.replace(bad, good)
    return text


def normalize_spaces(text: str) -> str:
    """NBSP and other horizontal spaces become a plain space; invisible characters go."""
    return text.translate(_SPACE_TABLE)


def _one_pass(text: str) -> str:
    text = repair_mac_mojibake(text)
    text = ftfy.fix_text(text, _FTFY)
    return normalize_spaces(text)


def repair_text(text: str) -> str:
    """Repaired text: Mac mojibake undone, ftfy's fixes, spaces normalised. Idempotent."""
    for _ in range(_MAX_PASSES):
        fixed = _one_pass(text)
        if fixed == text:
            break
        text = fixed
    return text
