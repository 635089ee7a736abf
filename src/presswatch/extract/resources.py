"""Language resources of the extract layer, kept as data apart from the code that applies them."""

from __future__ import annotations

from dataclasses import dataclass, field

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

# -- other languages ---------------------------------------------------------------------------
# Read only by the multilingual finders (the English path never touches them). Blank spaCy
# pipelines give no lemmas, so verbs of saying are stems with the endings they take, plus the
# irregular forms in full; numbers are words and abbreviations in their inflected forms.


@dataclass(frozen=True)
class Lang:
    """The quote, speech and number resources of one language (see ``LANGS``)."""

    low_nine: bool = False  # „ opens and “ closes („so“) when the text has „ at all
    reversed_angles: bool = False  # »so« when the text's first angle mark is »
    spaced: bool = False
    dialogue: bool = False
    speech_stems: tuple[str, ...] = ()
    speech_endings: tuple[str, ...] = ("",)
    speech_forms: tuple[str, ...] = ()
    auxiliaries: tuple[str, ...] = ()
    pronouns: tuple[str, ...] = ()
    according: tuple[str, ...] = ()
    number_words: dict[str, float] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    vague: dict[str, tuple[float, float]] = field(default_factory=dict)
    few: tuple[str, ...] = ()  # "mehrere hundert", "несколько тысяч": a vague count of a scale
    hypothetical: tuple[str, ...] = ()  # "если", "wenn": a number after one in its clause is no count
    percent: tuple[str, ...] = ("%",)
    modifiers: dict[str, str] = field(default_factory=dict)
    range_words: tuple[tuple[str, str], ...] = ()
    months: tuple[str, ...] = ()
    time_nouns: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()


_RU_END = ("л", "ла", "ло", "ли", "т", "ет", "ют", "ят", "ит", "ем")
_UK_END = ("в", "ла", "ло", "ли", "ть", "є", "ють", "ить", "ять")
_PL_END = ("", "ł", "ła", "ło", "li", "ły", "ją", "my")
_FR_END = ("", "e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "era", "eront", "i", "it")
_IT_END = ("a", "ano", "ato", "ata", "ati", "ò", "ava", "ando", "e", "ono", "uto", "ito", "ì")
_PT_END = ("ou", "a", "am", "aram", "ava", "ado", "ada", "e", "iu", "em", "ram")
_DE_END = ("t", "te", "ten", "en", "e", "tet", "tete")

#: Per language: quote marks (``low_nine``: „ opens and “ closes; ``reversed_angles``: »so« as
#: well as «so»; ``spaced``: « » may stand apart from their words by a space, nbsp or thin space), whether a line opening with a dash is dialogue,
#: verbs of saying, pronouns, "according to" phrases, number words, scales, vague plurals, percent
#: words, modifiers (with the English modifier they mean, for comparing figures across languages),
#: range words, months, time nouns and abbreviations that end no sentence.
LANGS: dict[str, Lang] = {
    "fr": Lang(
        hypothetical=("si", "supposons"),
        few=("plusieurs", "quelques"),
        low_nine=False, reversed_angles=False, spaced=True, dialogue=True,
        speech_stems=("déclar", "affirm", "soulign", "ajout", "estim", "expliqu", "assur", "indiqu", "précis",
                      "annonc", "insist", "martel", "réag", "prévien", "avert", "répond", "confi", "lanc", "écri",
                      "rappel", "dénonc", "admet", "reconn", "poursui", "tranch", "confirm"),
        speech_endings=_FR_END,
        speech_forms=("dit", "dis", "disent", "dira", "écrit", "prévient", "avertit", "admet", "reconnaît",
                      "poursuit", "répond", "répondu"),
        auxiliaries=("a", "ont", "avait", "avaient"),
        pronouns=("il", "elle", "ils", "elles"),
        according=("selon", "d'après", "d’après"),
        number_words={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                      "huit": 8, "neuf": 9, "dix": 10, "vingt": 20, "trente": 30, "cinquante": 50, "cent": 100},
        scales={"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9,
                "mds": 1e9, "m": 1e6},
        vague={"milliers": (2e3, 1e6), "centaines": (200, 1e3), "dizaines": (20, 100), "millions": (2e6, 1e9),
},
        percent=("%", "pour cent", "pourcent"),
        modifiers={"plus de": "more than", "moins de": "less than", "au moins": "at least", "jusqu'à": "up to",
                   "jusqu’à": "up to", "environ": "about", "près de": "nearly", "quelque": "about",
                   "quelques": "about", "presque": "almost", "au total": "", "pas moins de": "no fewer than"},
        range_words=(("entre", "et"), ("de", "à")),
        months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre", "janv.", "févr.", "avr.", "juil.", "sept.", "oct.",
                "nov.", "déc."),
        time_nouns=("ans", "an", "jours", "jour", "mois", "heures", "heure", "h", "minutes", "semaines", "années"),
        abbreviations=("M.", "Mme", "mds", "md."),
    ),
    "de": Lang(
        hypothetical=("wenn", "falls", "angenommen"),
        few=("mehrere", "einige", "ein paar"),
        low_nine=True, reversed_angles=True, spaced=False, dialogue=False,
        speech_stems=("sag", "erklär", "beton", "bekräftig", "warn", "behaupt", "berichte", "schrieb",
                      "antworte", "kritisier", "versicher", "unterstrich", "forder", "bestätig"),
        speech_endings=_DE_END,
        speech_forms=("gesagt", "erklärt", "betont", "so", "meinte", "meint", "schrieb", "unterstrich", "teilte", "teilt",
                      "sagte", "sagten", "sagt"),
        auxiliaries=("hat", "haben", "hatte", "wurden", "wurde", "werden", "wird", "sind", "ist", "seien"),
        pronouns=("er", "sie"),
        according=("laut", "zufolge", "nach angaben"),
        number_words={"ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
                      "acht": 8, "neun": 9, "zehn": 10, "zwanzig": 20, "hundert": 100},
        scales={"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6, "milliarde": 1e9,
                "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "billion": 1e12, "billionen": 1e12, "bio.": 1e12, "tsd": 1e3, "tsd.": 1e3},
        vague={"tausende": (2e3, 1e6), "hunderte": (200, 1e3), "dutzende": (24, 144), "zehntausende": (2e4, 1e5),
               "hunderttausende": (2e5, 1e6), "millionen": (2e6, 1e9)},
        percent=("%", "prozent"),
        modifiers={"mehr als": "more than", "über": "over", "weniger als": "less than", "mindestens": "at least",
                   "bis zu": "up to", "etwa": "about", "rund": "about", "ungefähr": "about", "circa": "about",
                   "ca.": "about", "knapp": "nearly", "fast": "almost", "fast schon": "almost"},
        range_words=(("zwischen", "und"), ("von", "bis")),
        months=("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
                "november", "dezember", "jan.", "feb.", "sept.", "okt.", "nov.", "dez."),
        time_nouns=("jahre", "jahren", "jahr", "tage", "tagen", "tag", "monate", "monaten", "stunden", "uhr",
                    "wochen", "minuten"),
        abbreviations=("Mio.", "Mrd.", "Tsd.", "ca.", "Dr.", "z.B."),
    ),
    "it": Lang(
        hypothetical=("qualora", "ipotizzando"),
        few=("alcune", "alcuni", "diverse", "diversi"),
        low_nine=False, reversed_angles=False, spaced=True, dialogue=False,
        speech_stems=("dichiar", "afferm", "sottoline", "aggiun", "spieg", "annunci", "precis", "ribad", "dich",
                      "avvert", "conferm", "denunci", "assicur", "scriv"),
        speech_endings=_IT_END,
        speech_forms=("detto", "dice", "dicono", "disse", "aggiunto", "aggiunge", "ribadito", "scritto"),
        auxiliaries=("ha", "hanno", "aveva"),
        pronouns=("lui", "lei", "egli", "ella"),
        according=("secondo", "stando a"),
        number_words={"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
                      "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "venti": 20, "cento": 100},
        scales={"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
                "mln": 1e6, "mld": 1e9},
        vague={"migliaia": (2e3, 1e6), "centinaia": (200, 1e3), "decine": (20, 100), "milioni": (2e6, 1e9)},
        percent=("%", "per cento", "percento"),
        modifiers={"più di": "more than", "oltre": "over", "meno di": "less than", "almeno": "at least",
                   "fino a": "up to", "circa": "about", "quasi": "almost", "intorno a": "around",
                   "attorno a": "around", "ben": "as many as"},
        range_words=(("tra", "e"), ("fra", "e"), ("da", "a")),
        months=("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                "ottobre", "novembre", "dicembre"),
        time_nouns=("anni", "anno", "giorni", "giorno", "mesi", "mese", "ore", "ora", "settimane", "minuti"),
        abbreviations=("mln.", "mld."),
    ),
    "pl": Lang(
        hypothetical=("jeśli", "jeżeli", "gdyby"),
        few=("kilka", "kilkaset", "kilkanaście"),
        low_nine=True, reversed_angles=True, spaced=False, dialogue=True,
        speech_stems=("powiedzia", "mówi", "stwierdzi", "stwierdza", "zaznaczy", "zaznacza", "podkreśli",
                      "podkreśla", "doda", "oświadczy", "przekaza", "poinformowa", "ocenia", "oceni", "twierdzi",
                      "zapewni", "ostrzeg", "napisa", "przyzna", "wyjaśni", "zapowiedzia"),
        speech_endings=_PL_END,
        speech_forms=("mówi", "twierdzi"),
        auxiliaries=("jak",),
        pronouns=("on", "ona", "oni"),
        according=("według", "jak podaje", "jak podał", "jak podała"),
        number_words={"jeden": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6,
                      "siedem": 7, "osiem": 8, "dziewięć": 9, "dziesięć": 10, "sto": 100},
        scales={"tys": 1e3, "tys.": 1e3, "tysiąc": 1e3, "tysiące": 1e3, "tysięcy": 1e3, "mln": 1e6, "mln.": 1e6,
                "milion": 1e6, "miliony": 1e6, "milionów": 1e6, "miliona": 1e6, "mld": 1e9, "mld.": 1e9,
                "miliard": 1e9, "miliardy": 1e9, "miliardów": 1e9, "bln": 1e12, "bilion": 1e12,
                "biliony": 1e12, "bilionów": 1e12},
        vague={"tysiące": (2e3, 1e6), "setki": (200, 1e3), "dziesiątki": (20, 100), "miliony": (2e6, 1e9)},
        percent=("%", "proc.", "proc", "procent", "procentów", "procenta"),
        modifiers={"ponad": "more than", "przeszło": "more than", "co najmniej": "at least",
                   "mniej niż": "less than", "do": "up to", "około": "about", "ok.": "about", "blisko": "nearly",
                   "prawie": "almost", "niemal": "almost", "nawet": "as many as"},
        range_words=(("od", "do"), ("między", "a")),
        months=("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                "października", "listopada", "grudnia", "wrzesień"),
        time_nouns=("lat", "lata", "roku", "dni", "dzień", "godzin", "godziny", "miesięcy", "tygodni", "minut"),
        abbreviations=("tys.", "mln.", "mld.", "proc.", "ok.", "zł.", "r."),
    ),
    "ru": Lang(
        hypothetical=("если", "допустим", "предположим"),
        few=("несколько",),
        low_nine=True, reversed_angles=False, spaced=False, dialogue=True,
        speech_stems=("сказа", "заяви", "заявля", "отмети", "отмеча", "подчеркну", "подчёркива", "подчеркива",
                      "сообщи", "сообща", "добави", "поясни", "рассказа", "написа", "говори", "уточни", "призна",
                      "завери", "предупреди", "счита", "утвержда", "замети", "ответи", "указа", "объясни",
                      "пообеща"),
        speech_endings=_RU_END,
        speech_forms=("сказал", "сказала", "говорит", "считает", "добавил", "добавила"),
        auxiliaries=("как",),
        pronouns=("он", "она", "они"),
        according=("по данным", "по словам", "по информации", "по подсчётам", "по подсчетам", "согласно",
                   "как сообщает", "как сообщил", "как сообщила"),
        number_words={"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
                      "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "сто": 100},
        scales={"тыс": 1e3, "тыс.": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "млн": 1e6, "млн.": 1e6,
                "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "млрд.": 1e9, "миллиард": 1e9,
                "миллиарда": 1e9, "миллиардов": 1e9, "трлн": 1e12, "трлн.": 1e12,
                "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12},
        vague={"тысячи": (2e3, 1e6), "сотни": (200, 1e3), "десятки": (20, 100),
               "миллионы": (2e6, 1e9)},
        percent=("%", "процентов", "процента", "процент", "проц."),
        modifiers={"более": "more than", "больше": "more than", "свыше": "over", "более чем": "more than",
                   "менее": "less than", "меньше": "less than", "не менее": "at least", "как минимум": "at least",
                   "до": "up to", "около": "about", "примерно": "about", "порядка": "about", "почти": "almost",
                   "приблизительно": "approximately", "не более": "no more than", "целых": "as many as"},
        range_words=(("от", "до"), ("между", "и")),
        months=("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                "ноября", "декабря", "январь", "сентябрь", "октябрь", "янв", "фев", "мар", "апр", "июн",
                "июл", "авг", "сен", "сент", "окт", "ноя", "дек", "янв.", "февр.", "сент.", "окт.", "нояб.", "дек."),
        time_nouns=("лет", "года", "год", "году", "дней", "дня", "день", "часов", "часа", "месяцев", "недель",
                    "минут", "г.", "гг."),
        abbreviations=("тыс.", "млн.", "млрд.", "г.", "руб.", "см."),
    ),
    "uk": Lang(
        hypothetical=("якщо", "припустимо"),
        few=("кілька", "декілька"),
        low_nine=True, reversed_angles=False, spaced=False, dialogue=True,
        speech_stems=("сказа", "заяви", "заявля", "зазначи", "зазнача", "наголоси", "наголошу", "повідоми",
                      "повідомля", "розповіла", "розповів", "пояснив", "поясни", "написа", "говори", "додала",
                      "підкресли", "попереди", "запевни"),
        speech_endings=_UK_END,
        speech_forms=("додав", "додала", "каже", "кажуть", "розповів", "пояснив", "написав"),
        auxiliaries=("як",),
        pronouns=("він", "вона", "вони"),
        according=("за даними", "за словами", "за інформацією", "згідно з", "як повідомляє"),
        number_words={"один": 1, "одна": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "п’ять": 5,
                      "десять": 10, "сто": 100},
        scales={"тис": 1e3, "тис.": 1e3, "тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "млн": 1e6, "млн.": 1e6,
                "мільйон": 1e6, "мільйона": 1e6, "мільйони": 1e6, "мільйонів": 1e6, "млрд": 1e9, "млрд.": 1e9,
                "мільярд": 1e9, "мільярдів": 1e9, "трлн": 1e12, "трлн.": 1e12},
        vague={"тисячі": (2e3, 1e6), "сотні": (200, 1e3), "десятки": (20, 100), "мільйони": (2e6, 1e9)},
        percent=("%", "відсотків", "відсотка", "відсоток"),
        modifiers={"понад": "more than", "більше": "more than", "більш ніж": "more than", "щонайменше": "at least",
                   "менше": "less than", "до": "up to", "близько": "about", "приблизно": "about",
                   "майже": "almost", "не менше": "at least"},
        range_words=(("від", "до"), ("між", "і")),
        months=("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
                "жовтня", "листопада", "грудня"),
        time_nouns=("років", "року", "рік", "днів", "дні", "день", "годин", "місяців", "тижнів", "хвилин"),
        abbreviations=("тис.", "млн.", "млрд.", "р.", "грн."),
    ),
    "pt": Lang(
        hypothetical=("caso", "supondo"),
        few=("vários", "várias", "algumas", "alguns"),
        low_nine=False, reversed_angles=False, spaced=True, dialogue=True,
        speech_stems=("afirm", "declar", "explic", "acrescent", "sublinh", "destac", "garant", "ressalt",
                      "anunci", "alert", "avis", "confirm", "escrev", "insist"),
        speech_endings=_PT_END,
        speech_forms=("disse", "diz", "dizem", "disseram", "dito"),
        auxiliaries=("tem", "têm"),
        pronouns=("ele", "ela", "eles", "elas"),
        according=("segundo", "de acordo com", "conforme"),
        number_words={"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6,
                      "sete": 7, "oito": 8, "nove": 9, "dez": 10, "cem": 100},
        scales={"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "milhao": 1e6, "milhoes": 1e6, "bilhão": 1e9,
                "bilhões": 1e9, "mi": 1e6, "bi": 1e9, "trilhão": 1e12, "trilhões": 1e12, "tri": 1e12},
        vague={"milhares": (2e3, 1e6), "centenas": (200, 1e3), "dezenas": (20, 100), "milhões": (2e6, 1e9)},
        percent=("%", "por cento"),
        modifiers={"mais de": "more than", "menos de": "less than", "pelo menos": "at least", "até": "up to",
                   "cerca de": "about", "aproximadamente": "about", "quase": "almost", "perto de": "nearly",
                   "por volta de": "around"},
        range_words=(("entre", "e"), ("de", "a")),
        months=("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
                "outubro", "novembro", "dezembro"),
        time_nouns=("anos", "ano", "dias", "dia", "meses", "mês", "horas", "hora", "semanas", "minutos"),
        abbreviations=("mi.", "bi.", "Sr.", "Sra."),
    ),
    "bg": Lang(
        hypothetical=("ако",),
        few=("няколко",),
        low_nine=True, reversed_angles=False, spaced=False, dialogue=True,
        speech_stems=("каза", "заяви", "заявява", "посочи", "подчерта", "добави", "отбеляза", "съобщи",
                      "обясни", "увери", "написа"),
        speech_endings=("", "л", "ла", "ли", "ха", "т"),
        speech_forms=("казва",),
        auxiliaries=("както",),
        pronouns=("той", "тя", "те"),
        according=("според", "по данни на", "по думите на"),
        number_words={"един": 1, "една": 1, "два": 2, "две": 2, "три": 3, "десет": 10, "сто": 100},
        scales={"хил": 1e3, "хил.": 1e3, "хиляди": 1e3, "хиляда": 1e3, "млн": 1e6, "млн.": 1e6, "милион": 1e6,
                "милиона": 1e6, "млрд": 1e9, "млрд.": 1e9, "милиарда": 1e9},
        vague={"хиляди": (2e3, 1e6), "стотици": (200, 1e3), "десетки": (20, 100), "милиони": (2e6, 1e9)},
        percent=("%", "процента", "процент"),
        modifiers={"над": "more than", "повече от": "more than", "по-малко от": "less than", "поне": "at least",
                   "до": "up to", "около": "about", "приблизително": "about", "близо": "nearly",
                   "почти": "almost"},
        range_words=(("между", "и"), ("от", "до")),
        months=("януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври",
                "ноември", "декември"),
        time_nouns=("години", "година", "дни", "ден", "часа", "месеца", "седмици", "минути"),
        abbreviations=("хил.", "млн.", "млрд.", "г.", "лв."),
    ),
}

#: The counted things, language-neutral: the corpus layer compares a claim in one language with
#: one in another by these keys. Each key lists stems (a word starting with one counts) of the
#: event words and of the counted nouns, per language; the keys are the corpus's claim kinds and
#: subjects (corpus/resources.py CLAIM_KINDS, SUBJECTS).
COUNTED_KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "killed": {
        "fr": ("tué", "mort", "décès", "décéd", "péri", "bilan"), "de": ("getötet", "tot", "gestorben", "starben",
        "ums leben", "gefallen", "opfer"), "it": ("uccis", "mort", "deced", "vittim"),
        "pl": ("zabit", "zgin", "ofiar", "zmarł", "poległ"), "ru": ("погиб", "убит", "убиты", "смерт", "жертв",
        "скончал", "потер"), "uk": ("загин", "убит", "вбит", "смерт", "жертв", "втрат"),
        "pt": ("mort", "matad", "óbito", "faleci", "vítim"), "bg": ("загина", "убит", "жертв", "почина"),
    },
    "wounded": {
        "fr": ("bless",), "de": ("verletzt", "verwundet"), "it": ("ferit",), "pl": ("rann",),
        "ru": ("ранен", "пострадав"), "uk": ("поранен", "постражд"), "pt": ("ferid",), "bg": ("ранен", "пострада"),
    },
    "mobilised": {
        "fr": ("mobilis", "réserviste", "conscri", "rappel"), "de": ("mobilisier", "mobilmach", "reservist",
        "einberuf", "eingezogen"), "it": ("mobilit", "riservist", "richiamat", "arruolat"),
        "pl": ("mobiliz", "zmobiliz", "rezerwist", "powoła", "wcielon"), "ru": ("мобилиз", "призв", "призыв", "призов", "резервист",
        "запасник"), "uk": ("мобіліз", "призв", "призов", "резервіст"), "pt": ("mobiliz", "reservista",
        "convoca", "recruta"), "bg": ("мобилиз", "резервист", "призова"),
    },
    "detained": {
        "fr": ("arrêt", "interpell", "détenu", "placé en garde"), "de": ("festgenommen", "verhaftet",
        "festnahm", "inhaftiert"), "it": ("arrestat", "fermat", "detenut"), "pl": ("zatrzyma", "aresztowa"),
        "ru": ("задержа", "арестова", "задерж"), "uk": ("затрима", "заарешт"), "pt": ("detid", "pres",
        "detenç"), "bg": ("задържа", "арестува"),
    },
    "fled": {
        "fr": ("fui", "fuir", "quitté", "exil"), "de": ("geflohen", "flohen", "flücht", "verlassen", "ausgereist"),
        "it": ("fuggit", "lasciato", "scappat"), "pl": ("uciek", "uciekł", "wyjecha", "opuści"),
        "ru": ("бежа", "сбежа", "покинул", "уехал", "выехал", "эмигр"), "uk": ("втек", "виїха", "залишил"),
        "pt": ("fugi", "deixaram", "saíram"), "bg": ("избяга", "напусна"),
    },
    "entered": {
        "fr": ("entré", "franchi"), "de": ("eingereist", "überquert", "einreist"), "it": ("entrat", "attraversat"),
        "pl": ("wjecha", "przekrocz"), "ru": ("пересек", "пересёк", "въехал", "въеха", "прибыл"),
        "uk": ("перетну", "перетин", "в'їха", "в’їха", "прибул"), "pt": ("entrar", "atravess"),
        "bg": ("влязо", "премина"),
    },
}
COUNTED_SUBJECTS: dict[str, dict[str, tuple[str, ...]]] = {
    "soldiers": {
        "fr": ("soldat", "militaire", "réserviste", "troupe", "combattant"), "de": ("soldat", "reservist",
        "truppe", "kämpfer"), "it": ("soldat", "militar", "riservist", "truppe"), "pl": ("żołnierz",
        "rezerwist", "wojsk"), "ru": ("военн", "солдат", "военнослужащ", "резервист", "мобилизованн",
        "бойц", "запасник"), "uk": ("військов", "солдат", "військовослужбов", "резервіст", "бійц"),
        "pt": ("soldad", "militar", "reservista", "tropa"), "bg": ("войни", "военни", "резервист", "военнослужещ"),
    },
    "civilians": {
        "fr": ("civil", "enfant", "habitant"), "de": ("zivilist", "kinder", "einwohner"), "it": ("civil",
        "bambin", "abitant"), "pl": ("cywil", "dzieci", "mieszkańc"), "ru": ("мирн", "дет", "жител"),
        "uk": ("цивільн", "дітей", "мешканц", "жител"), "pt": ("civis", "civil", "crianç", "morador"),
        "bg": ("цивилн", "деца", "жители"),
    },
    "people": {
        "fr": ("personne", "gens", "homme", "citoyen", "manifestant", "russe"), "de": ("menschen", "person",
        "leute", "männer", "bürger", "demonstrant", "russen"), "it": ("persone", "person", "uomini",
        "cittadin", "manifestant", "russi"), "pl": ("osób", "osoby", "ludzi", "mężczyzn", "obywatel",
        "demonstrant", "rosjan"), "ru": ("человек", "людей", "люди", "граждан", "мужчин", "протестующ",
        "участник", "россиян"), "uk": ("людей", "осіб", "люди", "чоловік", "громадян", "росіян"),
        "pt": ("pessoas", "homens", "cidadãos", "manifestantes", "russos"), "bg": ("души", "хора", "граждани",
        "мъже", "руснаци"),
    },
}
#: Words of saying side or nationality, per language, mapped onto the corpus's qualifiers.
COUNTED_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "russian": ("russe", "russisch", "russ", "rosyjsk", "российск", "русск", "россиян", "російськ", "русия",
                "руски"),
    "ukrainian": ("ukrainien", "ukrainisch", "ucrain", "ukraiń", "украинск", "українськ", "ucranian", "украинск"),
}
#: Places named in claims' sentences, language-neutral: the English name (lower case, as the
#: English entity layer's canonical name reads) -> stems of the name per language; a word is the
#: place when it is the stem plus at most two letters of case ending ("России", "Украине", not
#: "российских"). Lets a claim in a language without NER share a place with an English one.
COUNTED_PLACES: dict[str, tuple[str, ...]] = {
    "russia": ("росси", "рф", "росі", "russland", "russie", "russia", "rosj", "rússia", "русия"),
    "ukraine": ("украин", "україн", "ukraine", "ucraina", "ukrain", "ucrânia", "украйна"),
    "moscow": ("москв", "moskau", "moscou", "mosca", "moskw", "moskva"),
    "kyiv": ("киев", "київ", "києв", "kiew", "kiev", "kyiv", "kijów", "kijow", "kiev", "kiiv"),
    "belarus": ("беларус", "білорус", "belarus", "biélorussie", "bielorussia", "białoruś", "białorusi",
                "bielorrússia"),
    "kherson": ("херсон", "cherson", "kherson", "cherson"),
    "donetsk": ("донецк", "донецьк", "donezk", "donetsk", "doniec"),
    "zaporizhzhia": ("запорож", "запоріж", "saporischschja", "zaporijia", "zaporižžja", "zaporoż"),
    "georgia": ("грузи", "georgien", "géorgie", "georgia", "gruzj", "geórgia"),
    "kazakhstan": ("казахстан", "казахстан", "kasachstan", "kazakhstan", "kazakistan", "kazachstan",
                   "cazaquistão"),
    "finland": ("финлянди", "фінлянді", "finnland", "finlande", "finlandia", "finlandii", "finlândia"),
}
