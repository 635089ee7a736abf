"""Dense side features of paragraphs, documents and spans (MiniLM embeddings plus simple counts)."""

from __future__ import annotations

import math
import re
from typing import Callable, Sequence

import numpy as np

#: texts -> unit embeddings; the embedding cache in training, the encoder at run time.
Embedder = Callable[[Sequence[str]], np.ndarray]

WORD = re.compile(r"\w+", re.UNICODE)


def doc_vector(paragraph_vecs: np.ndarray) -> np.ndarray:
    """An article's embedding: the normalised mean of its paragraph embeddings."""
    if len(paragraph_vecs) == 0:
        return np.zeros(paragraph_vecs.shape[1] if paragraph_vecs.ndim == 2 else 384, dtype=np.float32)
    v = paragraph_vecs.mean(axis=0)
    n = np.linalg.norm(v)
    return (v / n if n else v).astype(np.float32)


def paragraph_dense(texts: Sequence[str], positions: Sequence[float], vecs: np.ndarray, doc_vecs: np.ndarray) -> np.ndarray:
    """Per paragraph: its embedding, its article's embedding, length and relative position."""
    extra = np.array(
        [[math.log1p(len(WORD.findall(t))) / 5, p, float("?" in t), float("!" in t), float('"' in t or "“" in t)]
         for t, p in zip(texts, positions)],
        dtype=np.float32,
    ).reshape(len(texts), 5)
    return np.hstack([vecs, 0.5 * doc_vecs, extra])


def span_dense(spans: Sequence[str], article_texts: Sequence[str], vecs: np.ndarray) -> np.ndarray:
    """Per span: its embedding plus length, repetition in the article, quoting and punctuation."""
    rows = []
    for s, text in zip(spans, article_texts):
        words = WORD.findall(s)
        low = s.lower().strip()
        reps = text.lower().count(low) if low else 0
        letters = [c for c in s if c.isalpha()]
        upper = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
        rows.append([
            math.log1p(len(s)) / 6,
            math.log1p(len(words)) / 4,
            float(len(words) <= 2),
            math.log1p(max(reps - 1, 0)),
            float(reps > 1),
            upper,
            float("?" in s),
            float("!" in s),
            float(s[:1] in "\"'“‘"),
            float(bool(s[:1]) and s[:1].isupper()),
        ])
    return np.hstack([vecs, np.array(rows, dtype=np.float32).reshape(len(spans), 10)])


#: Attribution words of news reports (a report says who said what).
REPORTING = frozenset({"said", "says", "told", "according", "reported", "statement", "spokesman", "spokeswoman",
                       "spokesperson", "added", "stated", "announced", "confirmed", "explained", "noted", "warned"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "our", "us"})
SECOND_PERSON = frozenset({"you", "your"})
#: Quoted passages: double quotes, and the single quotes tabloids quote with ('No to war!').
QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]|(?<!\w)['‘][^'‘’\n]{1,300}?['’](?!\w)")
DIGITS = re.compile(r"\d")


def style_features(text: str) -> list[float]:
    """What separates news reports from opinion: attribution, the writer's own persons (outside quotes),
    how much is quoted, numbers, ?/! (rates per 100 words) and log length."""
    words = [w.lower() for w in WORD.findall(text)]
    n = max(len(words), 1)
    quoted = sum(m.end() - m.start() for m in QUOTED.finditer(text))
    own = [w.lower() for w in WORD.findall(QUOTED.sub(" ", text))]

    def rate(ws: list[str], vocab: frozenset[str]) -> float:
        return sum(1 for w in ws if w in vocab) / n * 100

    quotes = (text.count('"') + text.count("“")) / n * 100
    digits = sum(1 for w in words if DIGITS.search(w)) / n * 100
    return [rate(words, REPORTING), rate(own, FIRST_PERSON), rate(own, SECOND_PERSON), quotes,
            quoted / max(len(text), 1), digits, text.count("?") / n * 100, text.count("!") / n * 100, math.log(n)]
