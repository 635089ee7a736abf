"""The nlp stage: language of every article, and one batched spaCy parse for English ones.

The parse is kept on ``Article.doc`` for the later stages of the same run and never stored.
Non-English articles keep their language and skip English-only layers; they are never dropped.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import Article
from ..options import Options
from .models import detect_language, load_spacy

#: spaCy's default max_length is 1,000,000 characters; articles are far below it, but a
#: pathological input is parsed in a bounded prefix rather than crashing the batch.
MAX_PARSE_CHARS = 1_000_000

#: Texts spaCy parses at once inside a batch. Its intermediate arrays grow with this: on 128 PTC
#: articles a worker peaked 779 MB above its models at 32 and 405 MB at 8, in the same time.
PARSE_BATCH = 8

#: What spaCy gives a Doc without a tok2vec output (Doc.tensor of an unparsed Doc).
_NO_TENSOR = np.zeros((0,), dtype="float32")


@dataclass
class NlpStage:
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
        texts = (a.text[:MAX_PARSE_CHARS] for a in english)
        for article, doc in zip(english, self.nlp.pipe(texts, batch_size=self.batch_size)):
            # The tok2vec output is read by no later layer (the model has no word vectors, and
            # nothing asks for similarity); each Doc's slice kept its batch's whole array alive.
            doc.tensor = _NO_TENSOR
            article.doc = doc

    def memory_zone(self) -> AbstractContextManager[Any]:
        """spaCy's memory zone around one batch: the vocabulary does not grow with every new word seen.

        Parses made inside are invalid after it; the pipeline drops them at the end of the batch.
        """
        return self.nlp.memory_zone()


def make_stage(options: Options) -> NlpStage:
    return NlpStage(nlp=load_spacy(options.spacy_model), batch_size=min(options.batch_size, PARSE_BATCH))


def is_english(article: Article) -> bool:
    """Whether English-only layers should run on this article (it has an English parse)."""
    return article.language == "en" and article.doc is not None
