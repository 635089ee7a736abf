"""Sentence embeddings: the static encoder for paragraphs and articles, MiniLM (with an on-disk
cache keyed by text) for span classifiers."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence

import numpy as np

DIM = 384


def load_encoder():
    """The packaged all-MiniLM-L6-v2 model (offline), shared with the corpus layer."""
    from ..nlp.minilm import load_minilm

    return load_minilm()


def encode(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (float32, one row each)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return load_encoder().encode(list(texts), batch_size=batch_size)


def encode_fast(texts: Sequence[str]) -> np.ndarray:
    """Unit embeddings from the static encoder distilled from MiniLM (paragraph and article features).

    MiniLM itself cost 75-80 % of a whole run; the static table keeps its cross-validated quality
    (bench/rhetoric_results.md) at a small fraction of the time.
    """
    from ..nlp.static import load_static_encoder

    return load_static_encoder().encode(texts)


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Embeddings stored under ``folder`` so that every training text is embedded only once."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.keys: dict[str, int] = {}
        self.vecs = np.zeros((0, DIM), dtype=np.float32)
        keys_file, vecs_file = self.folder / "keys.txt", self.folder / "vecs.npy"
        if keys_file.exists() and vecs_file.exists():
            keys = keys_file.read_text().split()
            vecs = np.load(vecs_file)
            if len(keys) == len(vecs):
                self.keys = {k: i for i, k in enumerate(keys)}
                self.vecs = vecs

    def get(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of ``texts``, encoding and saving those not cached yet."""
        missing = list(dict.fromkeys(t for t in texts if _key(t) not in self.keys))
        if missing:
            new = encode(missing)
            base = len(self.vecs)
            for i, t in enumerate(missing):
                self.keys[_key(t)] = base + i
            self.vecs = np.vstack([self.vecs, new])
            self._save()
        return self.vecs[[self.keys[_key(t)] for t in texts]] if texts else np.zeros((0, DIM), np.float32)

    def _save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        order = sorted(self.keys, key=self.keys.get)
        (self.folder / "keys.txt").write_text("\n".join(order))
        np.save(self.folder / "vecs.npy", self.vecs)
