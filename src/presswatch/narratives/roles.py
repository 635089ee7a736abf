"""Entity roles (SemEval-2025 Task 10 subtask 1): how an article casts a person or body it names.

Two models over one featuriser. ``RoleModel`` gives a mention its main role (Protagonist,
Antagonist, Innocent, a calibrated probability) and its fine roles under that main role (Guardian,
Tyrant, Victim, ...). ``CastModel`` decides which of the entity layer's mentions an article casts at
all: the gold marks only the salient ones (414 mentions in 200 English documents), so a role on
every entity would be mostly noise.

Features of a mention (``MentionInput``): the words around it (its sentence and a character
window, the mention itself masked so that context generalises to names never seen), the mention's
own characters (a name such as Putin carries a prior), its language, the article's domain when
known, and the similarity of the context to each fine role's description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from .data import MAIN_ROLES

#: Characters of context either side of a mention (the window feature).
WINDOW = 160
#: What the mention is replaced by in its context, so context features do not learn names.
MASK = " ENTITYX "
#: Sentence ends for the language-independent sentence window (Latin, Cyrillic and Devanagari text).
_SENT_END = re.compile(r"[.!?।\n]+")
#: Languages and domains the features know (others get no column).
FEATURE_LANGUAGES: tuple[str, ...] = ("EN", "BG", "HI", "PT", "RU")
DOMAINS: tuple[str, ...] = ("URW", "CC")


@dataclass(frozen=True)
class MentionInput:
    """One mention to cast or classify: the article text, the mention's offsets (end exclusive),
    the article's language (train-data code: EN, BG, ...) and domain (URW, CC or None)."""

    text: str
    start: int
    end: int
    language: str = "EN"
    domain: str | None = None


@dataclass(frozen=True)
class RolePrediction:
    """The roles of one mention: main role, its probability, all three main probabilities, fine roles surest first."""

    main: str
    score: float
    main_proba: tuple[float, ...]
    fine: tuple[str, ...]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around [start, end): from the last sentence end before it to the next after it."""
    left = 0
    for m in _SENT_END.finditer(text, max(0, start - 600), start):
        left = m.end()
    right = _SENT_END.search(text, end)
    return left, right.end() if right else len(text)


def contexts(m: MentionInput) -> tuple[str, str, str]:
    """(mention text, its sentence with the mention masked, the ±WINDOW window with the mention masked)."""
    t = m.text
    s, e = sentence_span(t, m.start, m.end)
    sentence = t[s : m.start] + MASK + t[m.end : e]
    window = t[max(0, m.start - WINDOW) : m.start] + MASK + t[m.end : m.end + WINDOW]
    return t[m.start : m.end], " ".join(sentence.split()), " ".join(window.split())


class Featuriser:
    """Sparse features of mentions: context n-grams, the name's characters, language, domain, description similarity."""

    def __init__(self, descriptions: dict[str, tuple[str, str]]) -> None:
        self.fine_names = tuple(descriptions)
        self.descriptions = tuple(d for _, d in descriptions.values())
        self.words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=30000)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True,
                                     max_features=30000)
        self.names = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=True, sublinear_tf=True)
        self._desc: sparse.csr_matrix | None = None

    def fit(self, mentions: Sequence[MentionInput]) -> "Featuriser":
        names, sentences, windows = zip(*(contexts(m) for m in mentions))
        self.words.fit(list(windows) + list(self.descriptions))
        self.chars.fit(sentences)
        self.names.fit(names)
        self._desc = normalize(self.words.transform(self.descriptions))
        return self

    def transform(self, mentions: Sequence[MentionInput]) -> sparse.csr_matrix:
        if not mentions:
            return sparse.csr_matrix((0, self.width))
        names, sentences, windows = zip(*(contexts(m) for m in mentions))
        W = self.words.transform(windows)
        desc = normalize(W) @ self._desc.T  # cosine of the window to each fine role's description
        meta = np.zeros((len(mentions), len(FEATURE_LANGUAGES) + len(DOMAINS)), np.float32)
        for i, m in enumerate(mentions):
            if m.language in FEATURE_LANGUAGES:
                meta[i, FEATURE_LANGUAGES.index(m.language)] = 1.0
            if m.domain in DOMAINS:
                meta[i, len(FEATURE_LANGUAGES) + DOMAINS.index(m.domain)] = 1.0
        parts = [W, self.chars.transform(sentences), self.names.transform(names),
                 sparse.csr_matrix(np.asarray(desc.todense() if sparse.issparse(desc) else desc)), sparse.csr_matrix(meta)]
        return sparse.hstack(parts, format="csr")

    @property
    def width(self) -> int:
        return (len(self.words.vocabulary_) + len(self.chars.vocabulary_) + len(self.names.vocabulary_)
                + len(self.fine_names) + len(FEATURE_LANGUAGES) + len(DOMAINS))


def scale(P: np.ndarray, temperature: float) -> np.ndarray:
    """Probabilities with their logits divided by ``temperature`` (argmax unchanged; > 1 softens)."""
    if temperature == 1.0:
        return P
    L = np.log(np.clip(P, 1e-12, 1.0)) / temperature
    L -= L.max(axis=1, keepdims=True)
    E = np.exp(L)
    return E / E.sum(axis=1, keepdims=True)


def calibration_error(P: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error of the top probability of each row (``bins`` equal-width bins)."""
    conf = P.max(axis=1)
    b = np.minimum((conf * bins).astype(int), bins - 1)
    return float(sum(abs(conf[b == k].mean() - correct[b == k].mean()) * (b == k).mean()
                     for k in range(bins) if (b == k).any()))


@dataclass
class RoleModel:
    """Main role (3 classes) then fine roles within it; fitted on gold mentions of any train language."""

    featuriser: Featuriser
    main: LogisticRegression
    fine: LogisticRegression
    fine_main: dict[str, str]  # fine role -> its main role
    second_fine: float = 1.01  # a second fine role is added when its share of the fine mass is at least this
    temperature: float = 1.0  # main-role logits are divided by it: fitted out of fold so the score is calibrated

    @classmethod
    def fit(cls, mentions: Sequence[MentionInput], mains: Sequence[str], fines: Sequence[Sequence[str]],
            descriptions: dict[str, tuple[str, str]], C_main: float = 4.0, C_fine: float = 4.0) -> "RoleModel":
        """Fit both classifiers; a mention with several fine roles is one row per role, weighted 1/n."""
        feat = Featuriser(descriptions).fit(mentions)
        X = feat.transform(mentions)
        main = LogisticRegression(C=C_main, max_iter=2000, class_weight="balanced")
        main.fit(X, list(mains))
        rows, ys, ws = [], [], []
        for i, fs in enumerate(fines):
            for f in fs:
                rows.append(i), ys.append(f), ws.append(1.0 / len(fs))
        fine = LogisticRegression(C=C_fine, max_iter=2000)
        fine.fit(X[rows], ys, sample_weight=np.asarray(ws))
        return cls(feat, main, fine, {f: m for f, (m, _) in descriptions.items()})

    def predict(self, mentions: Sequence[MentionInput]) -> list[RolePrediction]:
        """The roles of each mention: the surest main role, then the surest fine role under it."""
        if not mentions:
            return []
        X = self.featuriser.transform(mentions)
        return self.decide(scale(self.main.predict_proba(X), self.temperature), self.fine.predict_proba(X))

    def decide(self, P_main: np.ndarray, P_fine: np.ndarray) -> list[RolePrediction]:
        """Roles from the two classifiers' probabilities (rows: mentions)."""
        order = [list(self.main.classes_).index(r) for r in MAIN_ROLES]
        fine_classes = [str(f) for f in self.fine.classes_]
        out = []
        for pm, pf in zip(P_main, P_fine):
            probs = tuple(float(pm[k]) for k in order)
            j = int(np.argmax(probs))
            main = MAIN_ROLES[j]
            under = [(pf[k], f) for k, f in enumerate(fine_classes) if self.fine_main.get(f) == main]
            under.sort(reverse=True)
            mass = sum(p for p, _ in under) or 1.0
            fine = [under[0][1]] if under else []
            fine += [f for p, f in under[1:2] if p / mass >= self.second_fine]
            out.append(RolePrediction(main, probs[j], probs, tuple(fine)))
        return out


# -- cast or not ---------------------------------------------------------------------------------
#: Entity labels that can carry a role (the layer contract).
ROLE_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class Candidate:
    """An entity-layer mention in its article: offsets, label, canonical, and the article's mentions of it."""

    start: int
    end: int
    label: str
    canonical: str
    count: int  # mentions of this canonical in the article
    rank: int  # 0 for the article's most mentioned canonical
    first: bool  # the first mention of this canonical in the article
    position: float  # start / article length
    share: float  # count / all candidate mentions of the article


def candidates(text: str, entities: Sequence[tuple[int, int, str, str]]) -> list[Candidate]:
    """Candidates for a role from (start, end, label, canonical) entity mentions of one article."""
    kept = sorted((s, e, label, c) for s, e, label, c in entities if label in ROLE_LABELS)
    counts: dict[str, int] = {}
    for _, _, _, c in kept:
        counts[c] = counts.get(c, 0) + 1
    ranking = {c: r for r, c in enumerate(sorted(counts, key=lambda c: (-counts[c], c)))}
    seen: set[str] = set()
    out = []
    for s, e, label, c in kept:
        out.append(Candidate(s, e, label, c, counts[c], ranking[c], c not in seen, s / max(1, len(text)),
                             counts[c] / len(kept)))
        seen.add(c)
    return out


def _dense(cands: Sequence[Candidate]) -> np.ndarray:
    rows = []
    for c in cands:
        rows.append([np.log1p(c.count), 1.0 / (1 + c.rank), float(c.first), c.position, c.share,
                     *(float(c.label == label) for label in ROLE_LABELS)])
    return np.asarray(rows, np.float32).reshape(len(cands), 5 + len(ROLE_LABELS))


@dataclass
class CastModel:
    """Whether an article casts an entity mention in a role: salience (counts, rank, position), the
    entity label and the words around the mention. (Not the role model's certainty: on train mentions
    it has seen the gold, so it would teach the cast model a signal that new articles do not give.)"""

    words: TfidfVectorizer
    clf: LogisticRegression
    threshold: float

    @staticmethod
    def features(words: TfidfVectorizer, text: str, cands: Sequence[Candidate]) -> sparse.csr_matrix:
        windows = [contexts(MentionInput(text, c.start, c.end))[2] for c in cands]
        return sparse.hstack([sparse.csr_matrix(_dense(cands)), words.transform(windows)], format="csr")

    @classmethod
    def fit(cls, items: Sequence[tuple[str, Sequence[Candidate]]], labels: Sequence[int], threshold: float,
            C: float = 1.0) -> "CastModel":
        """Fit on (article text, its candidates) pairs; ``labels`` 1 for a cast candidate, in the same order."""
        words = TfidfVectorizer(ngram_range=(1, 1), min_df=2, sublinear_tf=True, max_features=20000)
        words.fit([contexts(MentionInput(t, c.start, c.end))[2] for t, cs in items for c in cs])
        X = sparse.vstack([cls.features(words, t, cs) for t, cs in items if cs], format="csr")
        clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(X, list(labels))
        return cls(words, clf, threshold)

    def proba(self, text: str, cands: Sequence[Candidate]) -> np.ndarray:
        """Probability that each candidate is cast."""
        if not cands:
            return np.zeros(0)
        return self.clf.predict_proba(self.features(self.words, text, cands))[:, 1]


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float, float, float]:
    """(threshold, precision, recall, F1) of the threshold on ``p`` that maximises F1 for labels ``y``."""
    best = (0.5, 0.0, 0.0, 0.0)
    for t in np.unique(np.round(p, 3)):
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        if not tp:
            continue
        prec, rec = tp / pred.sum(), tp / (y == 1).sum()
        f1 = 2 * prec * rec / (prec + rec)
        if f1 > best[3]:
            best = (float(t), prec, rec, f1)
    return best


@dataclass
class RoleBundle:
    """What ships in trained/roles.joblib: the role model, the cast model, and the metrics they were trained with."""

    roles: RoleModel
    cast: CastModel
    metrics: dict
