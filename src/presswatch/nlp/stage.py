"""The nlp stage: language of every article, and one batched spaCy parse for English ones.

The parse is kept on ``Article.doc`` for the later stages of the same run and never stored.
Non-English articles keep their language and skip English-only layers; they are never dropped.
A long text is parsed in paragraph-aligned pieces joined into one Doc, so that the memory and
time of a parse grow with the text, not faster.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import Article
from ..options import Options
from .models import detect_language, load_spacy

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
    """Detects the language of every article and parses the English ones (batched)."""

    nlp: Any
    batch_size: int = PARSE_BATCH
    name: str = "nlp.spacy.v1"

    def __call__(self, articles: list[Article]) -> None:
        english: list[Article] = []
        for article in articles:
            if article.language is None:
                article.language = detect_language(article.text)
            if article.language == "en" and article.text.strip():
                english.append(article)
        pieces = [chunk_offsets(a.text, CHUNK_CHARS) if len(a.text) > WHOLE_CHARS else [(0, len(a.text))]
                  for a in english]
        texts = (a.text[s:e] for a, spans in zip(english, pieces) for s, e in spans)
        docs = self.nlp.pipe(texts, batch_size=self.batch_size)
        for article, spans in zip(english, pieces):
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

    def memory_zone(self) -> AbstractContextManager[Any]:
        """spaCy's memory zone around one batch: the vocabulary does not grow with every new word seen.

        Parses made inside are invalid after it; the pipeline drops them at the end of the batch.
        """
        return self.nlp.memory_zone()


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
    """The nlp stage with the run's spaCy model, loaded once."""
    return NlpStage(nlp=load_spacy(options.spacy_model), batch_size=min(options.batch_size, PARSE_BATCH))


def is_english(article: Article) -> bool:
    """Whether English-only layers should run on this article (it has an English parse)."""
    return article.language == "en" and article.doc is not None
