"""Span level: a token tagger that finds persuasive fragments, and a classifier that names their technique."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from .classify import TextFeaturizer, binary_head, binary_proba, derived
from .features import span_dense
from .resources import FUNCTION_WORDS

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
QUOTES = set("\"“”")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _shape(w: str) -> str:
    if w.isupper() and len(w) > 1:
        return "UP"
    if w[:1].isupper():
        return "Cap"
    if w.isdigit():
        return "d"
    if w.isalpha():
        return "a"
    return "p"


def token_features(text: str, tokens: Sequence[Token]) -> list[dict[str, float]]:
    """Hashed-feature dicts for every token: the word, its neighbours, shape, quoting, line cues."""
    low = [t.text.lower() for t in tokens]
    freq = Counter(low)
    feats = []
    in_quote = False
    line_start = 0
    line_q = line_x = False
    for i, t in enumerate(tokens):
        if i == 0 or "\n" in text[tokens[i - 1].end : t.start]:
            line_start = i
            line_end = text.find("\n", t.start)
            line = text[t.start : line_end if line_end >= 0 else len(text)]
            line_q, line_x = "?" in line, "!" in line
        if t.text in QUOTES:
            in_quote = not in_quote
        w = low[i]
        f = {
            "w=" + w: 1.0,
            "s=" + _shape(t.text): 1.0,
            "suf=" + w[-3:]: 1.0,
            "w-1=" + (low[i - 1] if i else "<s>"): 1.0,
            "w+1=" + (low[i + 1] if i + 1 < len(low) else "</s>"): 1.0,
            "w-2=" + (low[i - 2] if i > 1 else "<s>"): 1.0,
            "w+2=" + (low[i + 2] if i + 2 < len(low) else "</s>"): 1.0,
            "b-=" + (low[i - 1] if i else "<s>") + "|" + w: 1.0,
            "b+=" + w + "|" + (low[i + 1] if i + 1 < len(low) else "</s>"): 1.0,
            "q": float(in_quote),
            "lineq": float(line_q),
            "linex": float(line_x),
            "first": float(i == line_start),
            "rep": min(freq[w], 10) / 10 if len(w) > 3 else 0.0,
            "bias": 1.0,
        }
        feats.append(f)
    return feats


HASHER = FeatureHasher(n_features=2**20, input_type="dict", alternate_sign=False)


def token_gold(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> np.ndarray:
    if not tokens:
        return np.zeros(0, dtype=np.int8)
    mask = np.zeros(tokens[-1].end + 1, dtype=np.int8)
    for s, e in spans:
        mask[s:e] = 1
    return np.array([int(mask[t.start : t.end].any()) for t in tokens], dtype=np.int8)


@dataclass
class SpanTagger:
    """Logistic regression over hashed token features; spans are runs of tokens above a threshold."""

    clf: LogisticRegression | None = None
    threshold: float = 0.5
    max_gap: int = 1
    #: snap spans to phrases (``snap_to_phrase``)
    snap: bool = False

    def fit(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], C: float = 0.5) -> "SpanTagger":
        rows, ys = [], []
        for text, sp in zip(texts, spans):
            toks = tokenize(text)
            rows.extend(token_features(text, toks))
            ys.append(token_gold(toks, sp))
        X = HASHER.transform(rows)
        self.__dict__.pop("_head", None)
        self.clf = LogisticRegression(C=C, max_iter=1000, solver="liblinear").fit(X, np.concatenate(ys))
        return self

    def token_proba(self, text: str) -> tuple[list[Token], np.ndarray]:
        toks = tokenize(text)
        if not toks:
            return toks, np.zeros(0)
        # one product instead of sklearn's validated predict_proba per paragraph
        head = derived(self, "_head", lambda: binary_head([self.clf]))
        return toks, binary_proba(HASHER.transform(token_features(text, toks)), head)[:, 0]

    def find(self, text: str) -> list[tuple[int, int, float]]:
        """Spans (start, end, mean token probability) of ``text`` judged persuasive."""
        toks, p = self.token_proba(text)
        out: list[tuple[int, int, float]] = []
        run: list[int] = []
        gap = 0
        for i, t in enumerate(toks):
            newline = i and "\n" in text[toks[i - 1].end : t.start]
            if run and (newline or gap > self.max_gap):
                out.append(self._close(toks, p, run))
                run, gap = [], 0
            if p[i] >= self.threshold:
                run.append(i)
                gap = 0
            elif run:
                gap += 1
        if run:
            out.append(self._close(toks, p, run))
        if self.snap:
            out = [snap_to_phrase(text, toks, p, s, e, self.threshold) for s, e, _ in out if e > s]
        return [s for s in out if s[1] > s[0]]

    @staticmethod
    def _close(toks: Sequence[Token], p: np.ndarray, run: list[int]) -> tuple[int, int, float]:
        # trim leading/trailing punctuation so spans start and end on words
        while run and not toks[run[0]].text[0].isalnum():
            run = run[1:]
        while run and not toks[run[-1]].text[0].isalnum():
            run = run[:-1]
        if not run:
            return (0, 0, 0.0)
        return toks[run[0]].start, toks[run[-1]].end, float(p[run[0] : run[-1] + 1].mean())


def _content_token(t: Token) -> bool:
    return t.text[0].isalnum() and t.text.lower() not in FUNCTION_WORDS


def snap_to_phrase(text: str, toks: Sequence[Token], p: np.ndarray, start: int, end: int,
                   threshold: float, grow: int = 2) -> tuple[int, int, float]:
    """A tagged run made a phrase: function words and punctuation cut from its edges ("of Russian" ->
    "Russian", "values nor our" -> "values"), then grown over up to ``grow`` content words on each
    side that the tagger half believes (p >= threshold / 2) and that join it on the same line without
    punctuation between ("attack dog" -> "Putin's attack dog"). (0, 0, 0.0) when no content word is left.
    """
    idx = [i for i, t in enumerate(toks) if t.start >= start and t.end <= end]
    while idx and not _content_token(toks[idx[0]]):
        idx = idx[1:]
    while idx and not _content_token(toks[idx[-1]]):
        idx = idx[:-1]
    if not idx:
        return (0, 0, 0.0)
    lo, hi = idx[0], idx[-1]

    def joins(a: int, b: int) -> bool:  # tokens a < b adjacent, separated by spaces only
        return text[toks[a].end : toks[b].start] in ("", " ")

    for _ in range(grow):
        if lo > 0 and _content_token(toks[lo - 1]) and joins(lo - 1, lo) and p[lo - 1] >= threshold / 2:
            lo -= 1
    for _ in range(grow):
        if hi + 1 < len(toks) and _content_token(toks[hi + 1]) and joins(hi, hi + 1) and p[hi + 1] >= threshold / 2:
            hi += 1
    # words glued by a hyphen or apostrophe belong together ("so-called", "Putin's")
    def glued(a: int, b: int, c: int) -> bool:  # a word, a hyphen or apostrophe, a word, with no space between
        return (toks[b].text in ("-", "'", "’") and toks[a].text[0].isalnum() and toks[c].text[0].isalnum()
                and toks[a].end == toks[b].start and toks[b].end == toks[c].start)

    while lo > 1 and glued(lo - 2, lo - 1, lo):
        lo -= 2
    while hi + 2 < len(toks) and glued(hi, hi + 1, hi + 2):
        hi += 2
    return toks[lo].start, toks[hi].end, float(p[lo : hi + 1].mean())


@dataclass
class TechniqueClassifier:
    """Names the technique of a given span from its words, its sentence and its repetition in the article.

    Averages a one-vs-rest model over sparse n-grams and a multinomial model over the span embedding.
    """

    labels: tuple[str, ...]
    span_feats: TextFeaturizer
    ctx_feats: TextFeaturizer
    sparse_clf: OneVsRestClassifier | None = None
    dense_clf: LogisticRegression | None = None

    def matrix(self, spans: Sequence[str], contexts: Sequence[str], articles: Sequence[str], vecs: np.ndarray):
        from scipy import sparse

        dense = span_dense(spans, articles, vecs)
        side = sparse.csr_matrix(dense[:, vecs.shape[1]:])
        Xs = sparse.hstack([self.span_feats.transform(spans), self.ctx_feats.transform(contexts) * 0.5, side], format="csr")
        return Xs, dense

    def fit(self, spans, contexts, articles, vecs, y: Sequence[str], C: float = 2.0, C_dense: float = 2.0) -> "TechniqueClassifier":
        self.span_feats.fit(spans)
        self.ctx_feats.fit(contexts)
        Xs, Xd = self.matrix(spans, contexts, articles, vecs)
        self.__dict__.pop("_head", None)
        self.sparse_clf = OneVsRestClassifier(LogisticRegression(C=C, solver="liblinear")).fit(Xs, list(y))
        self.dense_clf = LogisticRegression(C=C_dense, max_iter=500).fit(Xd, list(y))
        return self

    def proba(self, spans, contexts, articles, vecs: np.ndarray | None) -> np.ndarray:
        """Probabilities in the order of ``self.labels`` (zero for labels never seen in training).

        With ``vecs`` None only the n-gram half speaks: no embedding needed, a little less accurate.
        """
        Xs, Xd = self.matrix(spans, contexts, articles, vecs if vecs is not None else np.zeros((len(spans), 0), np.float32))
        a = self._sparse_proba(Xs)
        P = a / a.sum(axis=1, keepdims=True)
        if vecs is not None:
            P = 0.5 * (P + self.dense_clf.predict_proba(Xd))
        out = np.zeros((len(spans), len(self.labels)), dtype=np.float32)
        col = {l: j for j, l in enumerate(self.labels)}
        for k, l in enumerate(self.sparse_clf.classes_):
            out[:, col[l]] = P[:, k]
        return out


    def _sparse_proba(self, Xs) -> np.ndarray:
        """What ``sparse_clf.predict_proba`` gives before its row normalisation, as one matrix product."""
        ests = self.sparse_clf.estimators_
        if not all(isinstance(e, LogisticRegression) for e in ests):  # a label seen once: sklearn's own path
            return self.sparse_clf.predict_proba(Xs)
        return binary_proba(Xs, derived(self, "_head", lambda: binary_head(ests)))


def context_of(text: str, start: int, end: int) -> str:
    """The line(s) around a span: the sentence (PTC) or paragraph (2023) it sits in."""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    return text[s : e if e >= 0 else len(text)]


def assign_top_k(P: np.ndarray, keys: Sequence[object], labels: Sequence[str]) -> list[str]:
    """One label per row; rows with the same key (same span listed k times) get k different labels."""
    out: list[str] = [""] * len(keys)
    groups: dict[object, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    for rows in groups.values():
        order = np.argsort(-P[rows[0]])
        for n, i in enumerate(rows):
            out[i] = labels[order[n % len(order)]]
    return out
