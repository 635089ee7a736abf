"""Language-neutral anchors: what two reports of one event in different languages still share.

The story embedder (all-MiniLM-L6-v2) is English: a Russian and an English report of the same
meeting land far apart in its space, and no translation model ships with presswatch. What survives
translation is the names, spelled in another script or another language's transliteration
(Песков / Peskov / Pieskow, Зеленский / Zelensky / Selenskyj / Zełenski), and the numbers
(300 000 / 300,000 / 300.000 / 300 тыс.). :func:`anchors` reduces both to keys that compare across
languages: a name to the skeleton of its consonants after transliteration (Cyrillic -> Latin by
``CYRILLIC``, diacritics dropped, spelling variants folded by ``SPELLING``, a case ending cut by
``ENDINGS``), a number to its value. Two articles that share no names and no numbers share no
anchor: they are never grouped across languages.

stories.assign compares anchors (stories.weighted_cosine, idf-weighted) only where an article or
a story is not in English, so the English path is unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

#: Characters of the title and text read for anchors (the lead carries the event's names and figures).
ANCHOR_CHARS = 1500

#: Cyrillic -> Latin, lower case (Russian, Ukrainian, Belarusian, Bulgarian letters). Ukrainian г is
#: written g, not h, so Russian and Ukrainian spellings of a name get one skeleton.
CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
#: Latin letters NFKD does not take apart.
LATIN_EXTRA: dict[str, str] = {"ł": "l", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d"}
#: Case endings cut from a transliterated name before its skeleton is taken (longest first), when at
#: least four letters remain: Путиным / Putinem / Putina -> putin; Зеленського / Zełenskiego -> zelensk.
ENDINGS: tuple[str, ...] = (
    "ians", "ian", "iego", "ogo", "ego", "omu", "emu", "owi", "iem", "yi", "ii", "ij", "yj", "ym", "im", "om", "em", "oi",
    "ei", "ie", "iu", "ia", "a", "u", "e", "y", "i",
)
#: Spellings of one sound in the transliterations and languages we meet, folded to one letter,
#: applied in order (the longer first): shch, sch, sh, sz -> s; ch, kh, cz -> h (then dropped).
SPELLING: tuple[tuple[str, str], ...] = (
    ("shch", "s"), ("tsch", "h"), ("sch", "s"), ("sh", "s"), ("sz", "s"), ("cz", "h"), ("tch", "h"), ("ch", "h"),
    ("kh", "h"), ("zh", "s"), ("rz", "s"), ("ts", "s"), ("tz", "s"), ("ck", "k"), ("ph", "f"), ("th", "t"),
    ("w", "v"), ("z", "s"), ("c", "k"), ("q", "k"), ("x", "ks"), ("d", "t"),
)
#: Letters that are not kept in a skeleton: vowels, the semivowels and h (which kh, ch and g/h
#: spell inconsistently across languages).
DROPPED = frozenset("aeiouyjh")
#: Capitalised words that are not names: English capitalises days, months and titles (and its
#: demonyms, which ENDINGS folds into the country: Russian -> Russia).
NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december president prime minister mr mrs ms dr am pm".split()
)
#: A paragraph of the text is read for anchors when it ends as a sentence does or has this many
#: words: a short line without a full stop is usually page chrome ("Czytaj także: ...", "Поделиться").
MIN_CHROME_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…»“”\"')]\s*$")
#: Shortest skeleton that counts as a name (Kyiv / Киев / Київ -> kv).
MIN_SKELETON = 2
#: German capitalises every noun: after one of these words a capitalised word is a noun, not a name.
GERMAN_DETERMINERS = frozenset(
    "der die das den dem des ein eine einer einem einen eines im am zum zur vom beim ins kein keine "
    "seine seiner ihre ihrer unser unsere".split()
)
GERMAN_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "ismus", "nahme")
#: Words after a number that multiply it (thousand, million, billion in the languages we read).
MULTIPLIERS: dict[str, int] = {
    **dict.fromkeys(("thousand", "тыс", "тысяч", "тысячи", "тысяча", "тис", "тисяч", "тисячі", "хил", "хиляди",
                     "tys", "tysięcy", "tysiące", "tausend", "mille", "mila", "mil"), 1_000),
    **dict.fromkeys(("million", "millions", "mln", "млн", "миллион", "миллиона", "миллионов", "мільйон", "мільйона",
                     "мільйонів", "милиона", "milion", "miliony", "milionów", "millionen", "millions", "milioni",
                     "milhões", "milhão", "m"), 1_000_000),
    **dict.fromkeys(("billion", "billions", "bn", "млрд", "миллиард", "миллиарда", "мільярд", "mld", "miliard",
                     "miliardów", "milliarde", "milliarden", "milliard", "milliards", "miliardi"), 1_000_000_000),
}
#: Numbers below this are too common to tell events apart (days, months, small counts).
MIN_NUMBER = 100

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# digits in groups of three after a space, a thin or no-break space, a dot or a comma: one number
_NUMBER = re.compile(r"(?<![\w.,/])(\d{1,3}(?:[ \u00a0\u202f\u2009.,]\d{3})+|\d+)(?:[.,](\d+))?(?![\d])\s*([^\W\d_]+\.?)?")
_SENTENCE_BREAK = re.compile(r"[.!?:;«»„“”\"()\[\]—–\n]\s*$")


def _fold(word: str) -> str:
    """A word in lower-case Latin letters: Cyrillic transliterated, diacritics dropped."""
    out = []
    for ch in word.lower():
        if ch in CYRILLIC:
            out.append(CYRILLIC[ch])
        elif ch in LATIN_EXTRA:
            out.append(LATIN_EXTRA[ch])
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)))
    return "".join(out)


@lru_cache(maxsize=1 << 16)  # names repeat across articles
def name_key(word: str) -> str | None:
    """The cross-language key of a name ("Пескова", "Peskov", "Pieskow" -> "~pskv"), or None when too short."""
    latin = re.sub(r"[^a-z]", "", _fold(word))
    for ending in ENDINGS:
        if latin.endswith(ending) and len(latin) - len(ending) >= 4:
            latin = latin[: -len(ending)]
            break
    for a, b in SPELLING:
        latin = latin.replace(a, b)
    skeleton = []
    for ch in latin:
        if ch not in DROPPED and (not skeleton or skeleton[-1] != ch):
            skeleton.append(ch)
    return "~" + "".join(skeleton) if len(skeleton) >= MIN_SKELETON else None


def number_key(digits: str, decimals: str | None, unit: str | None) -> str | None:
    """The key of a number as written ("300 000", "300.000", "300 тыс." -> "#300000"), or None when small."""
    value = float(re.sub(r"\D", "", digits) + ("." + decimals if decimals else ""))
    if decimals and len(decimals) == 3 and not unit:
        value = float(re.sub(r"\D", "", digits) + decimals)  # "2.000": a thousands dot, not a decimal
    word = (unit or "").rstrip(".").lower()
    value *= MULTIPLIERS.get(word, 1)
    if value < MIN_NUMBER or (not word and len(digits) == 4 and 1900 <= value <= 2100):
        return None  # small, or a year (four digits counting nothing): every article of the season has it
    return "#" + (str(int(value)) if value.is_integer() else f"{value:g}")


def anchors(title: str | None, text: str, language: str | None) -> Counter[str]:
    """The language-neutral anchors of an article's title and lead: name skeletons and numbers, counted."""
    out: Counter[str] = Counter()
    for part in (title or "", anchor_text(text)):
        for m in _NUMBER.finditer(part):
            key = number_key(m.group(1), m.group(2), m.group(3))
            if key:
                out[key] += 1
        previous = ""
        for m in _WORD.finditer(part):
            word = m.group(0)
            # a capitalised word opening a sentence, a line or a quote is usually not a name
            initial = m.start() == 0 or bool(_SENTENCE_BREAK.search(part[max(0, m.start() - 3) : m.start()]))
            if (word[:1].isupper() and not initial and word.lower() not in NOT_NAMES
                    and not _common_noun(word, previous, language)):
                for piece in word.replace("’", "-").replace("'", "-").split("-"):
                    key = name_key(piece)
                    if key:
                        out[key] += 1
            previous = word.lower()
    return out


def anchor_text(text: str) -> str:
    """The paragraphs of the text that read as prose (not short chrome lines), up to ANCHOR_CHARS."""
    kept, size = [], 0
    for para in re.split(r"\n\s*\n", text[: 4 * ANCHOR_CHARS]):  # short chrome lines may be skipped
        para = para.strip()
        if para and (_SENTENCE_END.search(para) or len(para.split()) >= MIN_CHROME_WORDS):
            kept.append(para)
            size += len(para) + 2
            if size >= ANCHOR_CHARS:
                break
    return "\n\n".join(kept)[:ANCHOR_CHARS]


def _common_noun(word: str, previous: str, language: str | None) -> bool:
    """A capitalised German noun ("die Polizei", "Mobilmachung"), not a name."""
    if language != "de":
        return False
    return previous in GERMAN_DETERMINERS or word.lower().endswith(GERMAN_NOUN_ENDINGS)
