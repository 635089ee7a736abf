"""Language resources of the extract layer, kept as data apart from the code that applies them."""

from __future__ import annotations

#: spaCy entity labels that name a person, body or place (numeric labels are the claims' business).
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)

#: Labels whose mentions are merged by surname within an article.
PERSON = "PERSON"

#: Honorifics dropped from the front of a person's name ("Mr Putin" is Putin).
HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady", "prof", "prof.",
     "professor", "rev", "rev.", "st", "st."}
)

#: Nouns that name a role or office; "the minister" resolves to the person the article gives that title.
ROLE_NOUNS = frozenset(
    {"president", "minister", "premier", "leader", "chief", "chancellor", "secretary", "spokesman",
     "spokeswoman", "spokesperson", "head", "governor", "mayor", "senator", "general", "commander",
     "ambassador", "envoy", "boss", "king", "queen", "prince", "pope", "director", "chairman", "chairwoman",
     "chair", "lawyer", "dictator", "despot", "autocrat", "strongman", "monarch", "official", "mp",
     "ceo", "founder", "professor", "analyst", "expert", "adviser", "advisor", "aide", "deputy"}
)

#: Words of a title phrase that are qualifiers, not the role itself ("former", "ex-").
TITLE_QUALIFIERS = frozenset({"former", "ex", "ex-", "then", "acting", "interim", "deputy", "self-proclaimed", "fellow"})

#: Titles written before a name that are dropped from the name itself ("President Putin").
NAME_TITLES = frozenset(
    {"president", "minister", "premier", "chancellor", "secretary", "governor", "mayor", "senator", "general",
     "commander", "ambassador", "king", "queen", "prince", "princess", "pope", "gen", "gen.", "col", "col.",
     "lt", "lt.", "sgt", "sgt.", "capt", "capt.", "pm", "mp", "rep", "rep.", "sen", "sen.", "gov", "gov.",
     "chairman", "director", "judge", "justice", "archbishop", "bishop", "patriarch", "colonel", "major",
     "lieutenant", "captain", "sergeant", "admiral", "marshal", "spokesman", "spokeswoman", "leader",
     "dictator", "despot", "autocrat", "foreign", "defence", "defense", "interior", "prime"}
)

#: Lemmas of verbs that report speech or a claim ("said", "told", "added", "claimed").
REPORTING_VERBS = frozenset(
    {"say", "tell", "add", "claim", "state", "declare", "announce", "insist", "argue", "explain", "warn",
     "write", "tweet", "post", "note", "continue", "reply", "respond", "answer", "ask", "admit", "acknowledge",
     "confirm", "deny", "suggest", "report", "describe", "call", "brand", "accuse", "dismiss", "describe",
     "allege", "assert", "boast", "complain", "concede", "conclude", "recall", "remark", "repeat",
     "reveal", "shout", "scream", "chant", "cry", "urge", "vow", "pledge", "promise", "predict", "estimate",
     "stress", "emphasise", "emphasize", "mention", "observe", "point", "quip", "joke", "lament", "rant",
     "inform", "assure", "demand", "plead", "thunder", "fume", "blast", "speak", "comment", "testify",
     "whisper", "yell", "retort", "counter", "contend", "maintain", "find", "calculate", "voice", "slam"}
)

#: Reporting verbs strong enough to attribute a quote that stands apart from them in the sentence.
SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "claim", "state", "declare", "announce", "insist", "argue", "explain", "warn",
     "write", "tweet", "note", "continue", "reply", "respond", "answer", "admit", "confirm", "deny", "suggest",
     "allege", "assert", "boast", "complain", "concede", "conclude", "recall", "remark", "repeat", "reveal",
     "shout", "scream", "chant", "cry", "urge", "vow", "pledge", "promise", "stress", "emphasise", "emphasize",
     "quip", "joke", "lament", "rant", "inform", "assure", "demand", "plead", "thunder", "fume",
     "speak", "comment", "testify", "whisper", "yell", "sneer", "snap", "retort", "counter", "contend",
     "describe", "call", "brand", "accuse", "dismiss", "ask", "report", "acknowledge", "mention", "observe",
     "cite", "voice", "slam", "blast"}
)

#: Nouns for people who can be heard saying something ("women ... shouting 'No to war!'").
PEOPLE_NOUNS = frozenset(
    {"people", "women", "men", "woman", "man", "protesters", "protester", "crowd", "crowds", "residents",
     "officials", "official", "mothers", "wives", "soldiers", "students", "demonstrators", "activists",
     "voters", "relatives", "families", "villagers", "locals", "drivers", "passengers", "reservists"}
)

#: Pronouns that stand for a previously named speaker.
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})

#: Phrases that attribute a claim to a source ("according to OVD-Info").
ACCORDING_TO = ("according to", "citing", "cited by", "quoted by")

# -- numbers -----------------------------------------------------------------------------------

#: Number words with their value.
NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

#: Scale words, singular, with their multiplier ("a million", "1.5 billion", "5bn", "3m").
SCALES: dict[str, float] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "dozen": 12, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000,
}

#: Vague plural quantities and the least they can mean ("dozens" is at least 24).
VAGUE_PLURALS: dict[str, float] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "billions": 2_000_000_000, "tens": 20,
}

#: Currency signs and words, with the unit they count.
CURRENCY_SIGNS: dict[str, str] = {"$": "dollars", "£": "pounds", "€": "euros", "₽": "roubles", "₴": "hryvnias", "¥": "yen"}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "dollars", "dollar": "dollars", "usd": "dollars", "pounds": "pounds", "pound": "pounds",
    "euros": "euros", "euro": "euros", "roubles": "roubles", "rubles": "roubles", "rouble": "roubles",
    "ruble": "roubles", "hryvnias": "hryvnias", "yen": "yen", "yuan": "yuan",
}

#: Words that make a number a percentage.
PERCENT_WORDS = ("per cent", "percent", "%", "pc", "percentage points")

#: Modifiers of a number, longest first so "more than" wins over "than".
MODIFIERS: tuple[str, ...] = (
    "as many as", "as few as", "no fewer than", "no less than", "no more than", "more than", "less than",
    "fewer than", "greater than", "at least", "at most", "up to", "nearly", "almost", "around", "about",
    "some", "over", "under", "approximately", "roughly", "an estimated", "estimated", "just over",
    "just under", "close to", "well over", "upwards of", "in excess of", "below", "above", "only", "just",
    "exactly", "precisely", "circa", "c.", "approx.", "far larger than", "larger than", "far more than",
)

#: Nouns after a number that make it a time, age or duration rather than a counted quantity.
TIME_NOUNS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
     "second", "seconds", "am", "pm", "a.m.", "p.m.", "o'clock", "decade", "decades", "century", "centuries",
     "year-old", "years-old", "time", "times"}
)

#: spaCy entity labels whose numbers are not claims (dates, clock times, ordinals).
NON_CLAIM_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})

#: Nouns that are counted units even when the parse does not say so (used for "one").
COUNT_NOUNS = frozenset(
    {"person", "people", "soldier", "soldiers", "civilian", "civilians", "man", "men", "woman", "women",
     "child", "children", "protester", "protesters", "troops", "reservist", "reservists", "citizen",
     "citizens", "fighter", "fighters", "prisoner", "prisoners", "vehicle", "vehicles", "tank", "tanks"}
)

#: Month names: a number next to one is a date ("22 September", "September 21").
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)

#: Nouns a number labels rather than counts ("paragraph seven", "No 10", "flight 17").
LABEL_NOUNS = frozenset(
    {"paragraph", "article", "section", "clause", "chapter", "page", "number", "no", "no.", "item", "point",
     "flight", "route", "line", "channel", "room", "platform", "gate", "level", "stage", "phase", "round",
     "version", "season", "episode", "part", "resolution", "annex", "protocol", "rossiya", "bus", "tram"}
)

#: Subjects of "is 23" that make the number an age.
AGE_SUBJECTS = frozenset(
    {"son", "daughter", "he", "she", "i", "boy", "girl", "man", "woman", "child", "father", "mother", "wife",
     "husband", "brother", "sister", "grandson", "granddaughter", "who"}
)

#: Determiners that make a small number a reference, not a claim ("the two men").
DEFINITE = frozenset({"the", "these", "those", "both", "their", "its", "his", "her", "our", "my", "your", "all"})

#: Words of the counted noun that are too vague to be a unit.
NON_UNITS = frozenset({"them", "those", "these", "which", "whom", "it", "us", "you", "other", "others", "more", "of"})
