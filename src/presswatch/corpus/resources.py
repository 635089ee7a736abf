"""Language resources of the corpus layer, kept as data apart from the code that applies them."""

from __future__ import annotations

import re

# -- duplicates -------------------------------------------------------------------------------
#: Words in a shingle; five-word shingles make unrelated articles share almost nothing.
SHINGLE_SIZE = 5
NUM_PERM = 128
#: LSH candidate threshold (estimated Jaccard); candidates are then verified below.
LSH_THRESHOLD = 0.3
#: A pair is a near-duplicate when the shingle Jaccard reaches this ...
NEAR_JACCARD = 0.5
#: ... or when the shorter text is this much contained in the longer (a trimmed wire copy).
NEAR_CONTAINMENT = 0.8
#: Paragraphs this similar (shingle Jaccard) count as the same paragraph when diffing copies.
SAME_PARAGRAPH = 0.6

# -- stories ----------------------------------------------------------------------------------
#: Entity labels that say what a story is about.
STORY_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "FAC", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
#: Cosine (embedding) plus entity overlap an article needs to join a story.
STORY_JOIN_SCORE = 0.62
#: Weight of the entity overlap (weighted Jaccard of canonical entities) in the join score.
ENTITY_WEIGHT = 0.35
#: Cross-language story match (corpus/crosslang): an article joins a story in another language when
#: they share at least this many anchors (name skeletons, numbers) ...
CROSS_JOIN_ANCHORS = 2
#: ... and the idf-weighted cosine of their anchors reaches this (bench/crosslang_stories.md).
CROSS_JOIN_SIMILARITY = 0.35
#: An article published this many days away from a story's span does not join it.
STORY_WINDOW_DAYS = 7
#: Characters of the lead read into the embedding besides the title.
LEAD_CHARS = 1500

STOPWORDS = frozenset(
    """a about above after again against all almost also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours says said say told tell
    new one two three four five six seven eight nine ten first last year years day days week weeks month months
    today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr
    people many much could may might must shall since still even though yet already according amid via per
    it's he's she's they're we're i'm don't doesn't didn't won't can't isn't aren't wasn't weren't""".split()
)

# -- claims -----------------------------------------------------------------------------------
#: Event counted -> words (lemmas or forms, lower case) that signal it near a number.
CLAIM_KINDS: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "kill", "kills", "died", "die", "dying", "dead", "deaths", "death", "death toll",
               "lost their lives", "perished", "fatalities", "casualties", "slain"),
    "wounded": ("wounded", "injured", "injuries", "hurt"),
    "detained": ("arrested", "arrest", "arrests", "detained", "detain", "detention", "detentions",
                 "were held", "been held", "rounded up", "jailed", "custody"),
    "mobilised": ("mobilised", "mobilized", "mobilise", "mobilize", "mobilising", "mobilizing", "mobilisation",
                  "mobilization", "conscripted", "conscript", "conscription", "drafted", "draft", "call up",
                  "call-up", "called up", "calling up", "reservists", "recruited", "enlisted", "summoned"),
    "fled": ("fled", "flee", "fleeing", "exodus", "escaped", "emigrated", "refugees"),
    "entered": ("entered", "entering", "crossed into", "crossed", "crossing", "arrived", "arrivals", "entries"),
    "left": ("left", "leaving", "departed", "departures", "exits", "exited"),
    "queued": ("queuing", "queueing", "queue", "queued", "waiting", "lined up", "congestion", "stuck"),
    "protested": ("protested", "protest", "protesting", "protesters", "protestors", "rallied", "demonstrators",
                  "demonstrated", "demonstrating", "marched"),
    "displaced": ("displaced", "evacuated", "homeless"),
    "approve": ("approve", "approves", "support", "supports", "favour", "favor", "oppose",
                "opposes", "poll", "survey"),
}
#: A kind whose count only grows: a later, larger figure is an update, not a conflict.
CUMULATIVE_KINDS = frozenset({"killed", "wounded", "detained", "fled", "displaced", "entered", "left"})
#: Words that mark a running total.
CUMULATIVE_MARKERS = ("so far", "since", "in total", "to date", "altogether", "overall", "total of", "in all",
                      "has risen", "has climbed", "has reached", "had now", "have now", "now stands", "total number",
                      "already")
#: Words that mark a part of a count (one day's, one place's), never the running total.
PART_MARKERS = ("alone", "in one day", "in a single day", "on that day")
#: Kinds whose counts are tied to a place: figures for different places are different quantities.
PLACE_BOUND_KINDS = frozenset({"entered", "left", "fled", "queued", "detained", "protested", "displaced"})
#: Entity labels that name a place in a claim's sentence.
SENTENCE_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A running count from one source cannot plausibly grow faster than this (ratio per day) ...
UPDATE_GROWTH_PER_DAY = 0.25

#: Head noun of what is counted -> subject category.
SUBJECTS: dict[str, str] = {
    **dict.fromkeys(("soldier", "soldiers", "troop", "troops", "servicemen", "serviceman", "fighters",
                     "fighter", "personnel", "marines", "paratroopers", "army", "military"), "soldiers"),
    **dict.fromkeys(("reservist", "reservists", "conscript", "conscripts", "recruits", "recruit", "draftees"),
                    "soldiers"),
    **dict.fromkeys(("civilian", "civilians", "children", "child", "women", "residents", "inhabitants"),
                    "civilians"),
    **dict.fromkeys(("people", "person", "persons", "men", "man", "individuals", "citizens", "russians",
                     "ukrainians", "belarusians", "protesters", "protestors", "demonstrators", "activists",
                     "refugees", "migrants"), "people"),
    **dict.fromkeys(("percent", "cent", "pc"), "percent"),
    **dict.fromkeys(("dollars", "dollar", "$", "usd", "euros", "euro", "€", "pounds", "£", "roubles", "rubles",
                     "hryvnia"), "money"),
    **dict.fromkeys(("km", "kilometres", "kilometers", "miles", "metres", "meters"), "distance"),
    **dict.fromkeys(("tanks", "tank", "aircraft", "planes", "helicopters", "drones", "missiles", "rockets",
                     "shells"), "equipment"),
    **dict.fromkeys(("vehicles", "vehicle", "cars", "car", "trucks", "lorries"), "vehicles"),
    **dict.fromkeys(("cities", "city", "towns", "regions", "villages"), "places"),
}
#: Units that are adjectives standing for people ("5,937 dead"): the counted group comes from the kind.
NOMINAL_UNITS = frozenset({"dead", "wounded", "injured", "killed", "missing"})
#: Person categories that can describe the same crowd; soldiers and civilians never do. "People"
#: matches soldiers only when both name the same side ("25,000 Russians died" vs "Russian soldiers").
SUBJECT_COMPATIBLE: dict[str, frozenset[str]] = {
    "people": frozenset({"people", "soldiers", "civilians"}),
    "soldiers": frozenset({"people", "soldiers"}),
    "civilians": frozenset({"people", "civilians"}),
}
#: What each kind of event may count; a claim counting anything else ("38 cities detained") is left out.
KIND_ALLOWS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("killed", "wounded", "detained", "mobilised", "fled", "entered", "left", "protested",
                     "displaced"), frozenset({"people", "soldiers", "civilians"})),
    "queued": frozenset({"vehicles", "people"}),
    "approve": frozenset({"percent"}),
}
#: Words before a number in its clause that make it hypothetical ("if 30,000 run", "let's say 50,000").
HYPOTHETICAL = re.compile(r"\b(?:if|let's say|let us say|suppose|supposing|imagine|whether)\b", re.I)
#: A number after "of the" is the whole a share is taken of ("one percent of the 25 million"), not a count.
BASE_OF = re.compile(r"\b(?:of|out of)\s+(?:the|an?|some)\s+(?:roughly\s+|about\s+|around\s+|estimated\s+|nearly\s+|almost\s+)?$", re.I)
#: Words right after a count that make it a rate ("10,000 a day"), not a total.
RATE = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:a|per|each|every)\s+(?:day|week|month|hour|year)\b", re.I)
#: Kinds counted per day or per event: figures for different days are different quantities.
#: The rest (a mobilisation target, a poll) hold for a while, so only the time window applies.
DATED_KINDS = frozenset({"killed", "wounded", "detained", "fled", "displaced", "entered", "left", "queued",
                         "protested"})
#: Kinds whose figures are only comparable when both name the same population ("3 percent of Belarusians").
NEEDS_QUALIFIER = frozenset({"approve"})
#: Genres whose numbers are not claims about the world.
NON_CLAIM_GENRES = frozenset({"satire"})

#: Kinds where the counted group is implied: "300,000 mobilised" counts soldiers whatever the noun.
KIND_SUBJECT: dict[str, str] = {"killed": "people", "wounded": "people", "mobilised": "soldiers", "detained": "people", "protested": "people",
                                "fled": "people", "approve": "percent",
                                "entered": "people", "left": "people", "queued": "vehicles"}

#: Nationality or side words -> the side they name.
QUALIFIERS: dict[str, str] = {
    "russian": "russian", "russians": "russian", "russia's": "russian", "kremlin": "russian", "moscow's": "russian",
    "ukrainian": "ukrainian", "ukrainians": "ukrainian", "ukraine's": "ukrainian", "kyiv's": "ukrainian",
    "belarusian": "belarusian", "belarusians": "belarusian", "belarus's": "belarusian",
    "american": "american", "americans": "american", "british": "british", "chinese": "chinese",
    "georgian": "georgian", "israeli": "israeli", "palestinian": "palestinian",
    "russia": "russian", "ukraine": "ukrainian", "belarus": "belarusian", "estonia": "estonian",
    "estonian": "estonian", "latvia": "latvian", "latvian": "latvian", "lithuania": "lithuanian",
    "lithuanian": "lithuanian", "poland": "polish", "polish": "polish", "finland": "finnish",
    "finnish": "finnish", "kazakhstan": "kazakh", "kazakh": "kazakh", "germany": "german", "german": "german",
}
#: Words that make a number part of the count just before it ("2,000 detained, including 798 in Moscow").
INCLUDING = re.compile(r"\b(?:including|among them|of whom|of them)\s+(?:some\s+|about\s+|around\s+)?$", re.I)

#: Modifier -> (low, high) factors around the stated value: the values the modifier allows.
#: "up to 1 million" in news names an upper estimate of that size, so it does not cover 300,000.
MODIFIER_RANGE: dict[str, tuple[float, float]] = {
    "": (0.95, 1.05),
    "exactly": (1.0, 1.0),
    "about": (0.85, 1.15), "around": (0.85, 1.15), "approximately": (0.85, 1.15), "roughly": (0.85, 1.15),
    "some": (0.85, 1.15), "an estimated": (0.8, 1.2), "estimated": (0.8, 1.2), "nearly": (0.85, 1.0),
    "almost": (0.85, 1.0), "close to": (0.85, 1.0), "just under": (0.9, 1.0), "just over": (1.0, 1.1),
    "more than": (1.0, 1.3), "over": (1.0, 1.3), "at least": (1.0, 1.3), "upwards of": (1.0, 1.3),
    "in excess of": (1.0, 1.3), "no fewer than": (1.0, 1.3), "no less than": (1.0, 1.3), "above": (1.0, 1.3),
    "up to": (0.6, 1.0), "as many as": (0.6, 1.0), "at most": (0.6, 1.0), "no more than": (0.6, 1.0),
    "fewer than": (0.6, 1.0), "less than": (0.6, 1.0), "under": (0.6, 1.0),
    "tens of": (1.0, 9.0), "hundreds of": (1.0, 9.0), "thousands of": (1.0, 9.0), "dozens of": (1.0, 9.0),
    "millions of": (1.0, 9.0),
}
#: Kinds whose counted group is fixed whatever noun names it: "1 million Russians conscripted" are soldiers.
KIND_FORCES_SUBJECT: dict[str, str] = {"mobilised": "soldiers"}
#: Figures further apart than this factor count different things ("six killed in Donetsk" vs "25,000 dead").
MAX_RATIO = 50.0
#: Figures this close (relative) count as the same figure even without a modifier.
VALUE_TOLERANCE = 0.05
#: Claims further apart than this (days) are never about the same quantity.
CLAIM_WINDOW_DAYS = 14

# -- timeline ---------------------------------------------------------------------------------
MONTHS: dict[str, int] = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for m in names
}
WEEKDAYS: dict[str, int] = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
#: Relative day words -> offset in days from the publication date.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0,
    "yesterday": -1, "last night": -1, "on the eve": -1, "tomorrow": 1, "the day before yesterday": -2,
}
#: Relative spans -> (unit, offset): "last week" is the week before publication.
RELATIVE_SPANS: dict[str, tuple[str, int]] = {
    "this week": ("week", 0), "earlier this week": ("week", 0), "last week": ("week", -1),
    "next week": ("week", 1), "this month": ("month", 0), "earlier this month": ("month", 0),
    "last month": ("month", -1), "next month": ("month", 1), "this year": ("year", 0),
    "earlier this year": ("year", 0), "last year": ("year", -1), "next year": ("year", 1),
    "at the weekend": ("weekend", 0), "over the weekend": ("weekend", 0), "this weekend": ("weekend", 0),
    "last weekend": ("weekend", 0),
}
#: Timeline entries kept per story in corpus.json (the database keeps all).
TIMELINE_PER_STORY = 60

# -- narrative conflicts ----------------------------------------------------------------------
#: A role or narrative counts as an article's stance when its score is at least this (None: a rule or a
#: person decided, always counted).
ROLE_CONFIDENCE = 0.5
NARRATIVE_CONFIDENCE = 0.5
#: The two main roles that are opposite; Innocent is opposite to neither.
OPPOSITE_ROLES = ("Protagonist", "Antagonist")
#: The narrative label of an article that pushes none of the taxonomy's narratives.
NO_NARRATIVE = "Other"
