"""Numeric claims: every number stating a quantity, with value, modifier, unit, predicate and who claims it.

`find(...)` takes the number expressions of a parsed article (see numbers), drops those that
are not claims (dates, clock times, years, ages, ordinals, numbers inside names), and reads the
rest off the parse: the counted noun (unit), the verb it goes with (predicate), the modifier
before it, and the speaker (the quote it sits in, "according to X", or a reporting verb that
governs it).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Iterator, Sequence

from ..attrs import ClaimAttrs
from ..corpus.resources import (
    BASE_OF, CLAIM_KINDS, CUMULATIVE_KINDS, CUMULATIVE_MARKERS, HYPOTHETICAL, INCLUDING, KIND_ALLOWS,
    KIND_FORCES_SUBJECT, KIND_SUBJECT, NOMINAL_UNITS, PART_MARKERS, QUALIFIERS, RATE,
    SENTENCE_PLACE_LABELS, SUBJECTS,
)
from ..corpus.text import sentences, words
from ..corpus.timeline import DateMention, find_dates, reference_date
from ..model import Annotation, Article
from ..nlp.stage import can_run, is_english
from ..options import Options
from . import numbers, quotemarks
from .resources import (
    AGE_SUBJECTS, COUNT_NOUNS, COUNTED_KINDS, COUNTED_PLACES, COUNTED_QUALIFIERS, COUNTED_SUBJECTS, DEFINITE, LABEL_NOUNS, LANGS, MODIFIERS, MONTHS,
    NAME_LABELS, NON_CLAIM_LABELS, NON_UNITS, TIME_NOUNS,
)
from .speakers import (
    EntityIndex, Pronouns, Speaker, according_to, is_reporting_verb, plain_speaker, resolve, speech_form, subject_of,
)

#: Adjectives that stand for the people they describe ("25,000 dead").
NOMINAL_ADJECTIVES = frozenset({"dead", "wounded", "injured", "missing", "killed", "homeless", "displaced"})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_YEAR_STOP = re.compile(r"^(1[89]\d\d|20\d\d)\.$")
_MODIFIER_WORDS = sorted((m.split() for m in MODIFIERS), key=len, reverse=True)
_PRONOUN_LINES = 3


@dataclass(frozen=True)
class Claim:
    """A number stating a quantity, with what the sentence says about it."""

    start: int
    end: int
    value: float
    unit: str | None
    modifier: str | None
    predicate: str | None
    sentence: str
    speaker: str | None = None
    vague: bool = False
    high: float | None = None  # the top of a range or of a vague amount (see numbers.NumberExpr)


def _is_claim(doc: Any, e: numbers.NumberExpr) -> bool:
    if not math.isfinite(e.value):
        return False  # a run of hundreds of digits overflows to inf: no quantity, and not valid JSON
    toks = doc[e.start : e.end]
    first, last = toks[0], toks[-1]
    # a date or time by the tagger's word, unless the expression itself says money or percent
    if any(t.ent_type_ in NON_CLAIM_LABELS for t in toks if not (t.text in "$£€" or t.like_num and e.unit)):
        return False
    if any(t.ent_type_ in NAME_LABELS for t in toks):
        return False  # "World War Two", "Formula 1"
    if e.end - e.start == 1 and _YEAR.match(first.text) and e.unit is None:
        return False
    nxt = doc[e.end] if e.end < len(doc) else None
    prv = doc[e.start - 1] if e.start > 0 else None
    if nxt is not None and nxt.text in ("-", "–") and e.end + 1 < len(doc) and doc[e.end + 1].lower_.startswith("year"):
        return False  # 68-year-old
    if nxt is not None and nxt.lower_ in TIME_NOUNS:
        return False
    if prv is not None and prv.text in ("-", "–", "/", "#", "No", "no."):
        return False  # pre-2014, 24/7, No 10
    between_commas = prv is not None and nxt is not None and prv.text == "," and nxt.text == ","
    if between_commas and e.start > 1 and doc[e.start - 2].is_alpha and e.unit is None and first.text.isdigit():
        return False  # "a teacher, 35, is arrested": an age
    if (nxt is not None and nxt.lower_ in MONTHS) or (prv is not None and prv.lower_ in MONTHS):
        return False  # "22 September", "September 21"
    if prv is not None and prv.lower_ in LABEL_NOUNS:
        return False  # "paragraph seven"
    if e.value < 10 and e.unit is None and prv is not None and prv.lower_ in DEFINITE:
        return False  # "the two men": a reference to people already counted
    if e.end - e.start == 1 and first.dep_ in ("attr", "acomp") and any(
        c.dep_ == "nsubj" and c.lower_ in AGE_SUBJECTS for c in first.head.children
    ):
        return False  # "my son is 23"
    if first.lower_ == "one" and e.end - e.start == 1:
        # "one" is mostly an article or a pronoun; count it only in "one person dead"
        return nxt is not None and nxt.lower_ in COUNT_NOUNS and e.end + 1 < len(doc) and doc[e.end + 1].lower_ in NOMINAL_ADJECTIVES
    if first.lower_ in ("a", "an") and last.lower_ == "hundred" and nxt is not None and nxt.lower_ in ("percent", "per"):
        return False  # "a hundred percent" is emphasis
    return True


def _unit(doc: Any, e: numbers.NumberExpr) -> Any | None:
    """The token of the counted noun, if the sentence names one."""
    last = doc[e.end - 1]
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound", "amod") and head.i >= e.end and head.pos_ in ("NOUN", "PROPN"):
        return head
    k = e.end
    while k < len(doc) and k < e.end + 5:
        t = doc[k]
        if t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.ent_type_ == "NORP":
            if t.lower_ in TIME_NOUNS and k > e.end and doc[k - 1].lower_ in ("a", "per", "each", "every"):
                return None  # "10,000 a day": a rate of something unnamed, not a duration
            return t
        if t.lower_ in NOMINAL_ADJECTIVES:
            return t
        if not (t.pos_ in ("ADJ", "ADV", "DET", "PROPN") or t.lower_ == "of" or t.text in ("[", "(", "-", "–")):
            return None
        k += 1
    return None


def _modifier(doc: Any, start: int) -> str | None:
    if start > 0 and doc[start - 1].text in "$£€":
        start -= 1
    for words in _MODIFIER_WORDS:
        n = len(words)
        if start - n >= 0 and [t.lower_ for t in doc[start - n : start]] == words:
            return " ".join(words)
    return None


def _predicate(noun: Any) -> str | None:
    """The verb a counted noun goes with ("people arrested", "soldiers died", "mobilise troops")."""
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.is_alpha:
            return c.text.lower()
    x = noun
    for _ in range(4):
        if x.head is x:
            return x.text.lower() if x.pos_ == "VERB" and x.is_alpha else None
        x = x.head
        if x.pos_ == "VERB":
            return x.text.lower() if x.is_alpha else None
        if x.pos_ not in ("ADP", "NOUN", "NUM", "ADJ", "PROPN"):
            return None
    return None


#: How a reported statement hangs on its reporting verb.
_REPORTED_DEPS = frozenset({"ccomp", "dobj", "xcomp", "parataxis", "attr", "oprd", "prep", "pobj", "npadvmod", "dep"})


def _reports(verb: Any, tok: Any) -> bool:
    """Whether ``tok`` sits in what ``verb`` reports, not in a clause merely joined to it."""
    x = tok
    for _ in range(15):
        if x.head is x:
            return False
        if x.head.i == verb.i:
            return x.dep_ in _REPORTED_DEPS
        if x.dep_ in ("relcl", "acl"):
            return False  # "WikiLeaks, which released tens of thousands of emails": background
        x = x.head
    return False


def _quoted(quotes: Sequence[Annotation], pos: int) -> Speaker | bool | None:
    """The speaker of the quote a number sits in (False: a quote with no speaker; None: in none)."""
    for q in quotes:
        if q.start <= pos < q.end:  # type: ignore[operator]
            sp = q.attrs.get("speaker")
            return Speaker(str(sp), None, None, True) if sp else False
    return None


class _Finder:
    def __init__(self, doc: Any, text: str, paragraphs: Sequence[tuple[int, int]], annotations: Sequence[Annotation]):
        self.doc, self.text = doc, text
        self.lines = quotemarks.lines_of(text, paragraphs)
        self.line_starts = [s for s, _ in self.lines]
        self.index = EntityIndex(annotations)
        self.quotes = sorted((a for a in annotations if a.layer == "quote" and a.start is not None), key=lambda a: a.start)
        spans = [(int(q.start), int(q.end)) for q in self.quotes]  # type: ignore[arg-type]
        self.pronouns = Pronouns(doc, self.index, self.line_starts, _PRONOUN_LINES, spans)
        for q in self.quotes:
            who = q.attrs.get("speaker")
            if who and q.attrs.get("speaker_start") is not None and self._is_person(who):
                self.pronouns.spoke(int(q.attrs["speaker_start"]), str(who))
            if who:
                self.pronouns.quoted(int(q.start), str(who))  # type: ignore[arg-type]

    def _is_person(self, name: Any) -> bool:
        return any(a.label == "PERSON" and a.attrs.get("canonical") == name for a in self.index.items)

    def line(self, pos: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(self.line_starts, pos) - 1)
        return self.lines[k] if self.lines else (0, len(self.text))

    def sentence(self, tok: Any) -> tuple[int, int]:
        ls, le = self.line(tok.idx)
        sent = tok.sent
        s = max(ls, sent.start_char)
        e = min(le, sent.end_char)
        return s, e

    def speaker(self, e: numbers.NumberExpr, s: int, t: int) -> Speaker | None:
        inside = _quoted(self.quotes, self.doc[e.start].idx)
        if inside is not None:
            return inside if isinstance(inside, Speaker) else None
        span = self.doc.char_span(s, t, alignment_mode="expand")
        toks = list(span) if span is not None else []
        for k, tok in enumerate(toks[:-1]):
            if tok.lower_ == "according" and toks[k + 1].lower_ == "to":
                obj = next((c for c in toks[k + 1].children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return resolve(self.doc, obj, self.index, self.pronouns, cue="according to")
        number = self.doc[e.start]
        for verb in (tok for tok in toks if is_reporting_verb(tok) and not any(c.dep_ == "prt" for c in tok.children)):
            if _reports(verb, number):
                subj = subject_of(verb)
                if subj is not None and subj.dep_ == "nsubjpass":
                    continue  # "support is estimated at three percent": not a source
                if subj is not None and s <= subj.idx < t and number.i not in {x.i for x in subj.subtree}:
                    sp = resolve(self.doc, subj, self.index, self.pronouns, cue=verb.text)
                    if sp is not None:
                        return sp
        return None

    def run(self) -> Iterator[Claim]:
        doc = self.doc
        for e in numbers.find(doc):
            if not _is_claim(doc, e):
                continue
            noun = _unit(doc, e)
            unit = e.unit
            if unit is None and noun is not None and noun.lower_ not in NON_UNITS:
                unit = noun.text.lower()
            if unit in TIME_NOUNS:
                continue
            s, t = self.sentence(doc[e.start])
            t = max(t, self.sentence(doc[e.end - 1])[1])  # a number the parser split across sentences
            sp = self.speaker(e, s, t)
            start, end = doc[e.start].idx, doc[e.end - 1].idx + len(doc[e.end - 1].text)
            yield Claim(
                start, end, e.value, unit, _modifier(doc, e.start),
                _predicate(noun if noun is not None else doc[e.end - 1]),
                " ".join(self.text[s:t].split()),
                speaker=sp.name if sp else None,
                vague=e.vague,
                high=e.high,
            )


#: How many sentences ended at an abbreviation ("5,5 тыс.") a claim's sentence runs on over, each way.
_ABBREVIATION_MERGES = 3
#: Most tokens of a claim's sentence on each side of the number: a text with no sentence ends (one
#: line of a megabyte) must not make every claim read all of it.
_SENTENCE_REACH = 60
#: Words before a number that make it a label or an ordinal ("№ 3", "Nr. 5", "n° 7").
_PLAIN_LABELS = frozenset({"№", "no", "no.", "nr", "nr.", "n°", "n.", "nº", "#", "п.", "ст.", "art.", "pkt"})
#: Short words that join a number to what it counts ("2,5 milioni di euro", "des milliers de personnes").
_PLAIN_JOINS = frozenset({"de", "d'", "d’", "di", "of", "von", "od", "do"})


def _stem_of(word: str, table: dict[str, dict[str, tuple[str, ...]]], lang: str) -> str | None:
    """The key of ``table`` whose stems in ``lang`` begin ``word`` ("мобилизованы" -> "mobilised")."""
    low = word.lower()
    for key, per_lang in table.items():
        if any(low.startswith(stem) for stem in per_lang.get(lang, ())):
            return key
    return None


class _PlainFinder:
    """Numeric claims of an article with tokens and sentences but no parse (see numbers.find_plain):
    the counted noun is the word after the number, the predicate the nearest event word of the
    sentence (resources.COUNTED_KINDS), the modifier the words before it, the speaker the quote it
    sits in, an "according to", or a verb of saying in its sentence."""

    def __init__(self, doc: Any, text: str, paragraphs: Sequence[tuple[int, int]], lang: str,
                 annotations: Sequence[Annotation]):
        self.doc, self.text, self.lang = doc, text, lang
        self.res = LANGS[lang]
        self.lines = quotemarks.lines_of(text, paragraphs)
        self.line_starts = [s for s, _ in self.lines]
        self.index = EntityIndex(annotations)
        self.quotes = sorted((a for a in annotations if a.layer == "quote" and a.start is not None), key=lambda a: a.start)
        self.modifiers = sorted((m.split() for m in self.res.modifiers), key=len, reverse=True)
        sents = [(sent.start, sent.end) for sent in doc.sents] or [(0, len(doc))]
        self.sent_starts = [a for a, _ in sents]
        self.sent_ends = [b for _, b in sents]
        self.spoken: list[tuple[int, str]] = [(int(q.start), str(q.attrs["speaker"])) for q in self.quotes  # type: ignore[arg-type]
                                             if q.attrs.get("speaker")]

    def _previous(self, pos: int) -> tuple[str, bool] | None:
        before = [(at, who) for at, who in self.spoken if at < pos]
        return (before[-1][1], False) if before else None

    def sentence(self, first: Any, last: Any) -> tuple[int, int, int, int]:
        """(start, end, first token, end token) of the sentence holding the number, inside its line;
        a sentence the sentencizer ended at an abbreviation ("5,5 тыс.") runs on into the next."""
        doc = self.doc
        k = bisect.bisect_right(self.sent_starts, first.i) - 1
        m = bisect.bisect_right(self.sent_starts, last.i) - 1
        for _ in range(_ABBREVIATION_MERGES):
            a = self.sent_starts[k]
            if k > 0 and (doc[a - 1].text in self.res.abbreviations or a > 1 and doc[a - 1].text == "."
                          and doc[a - 2].text + "." in self.res.abbreviations):
                k -= 1
        for _ in range(_ABBREVIATION_MERGES):
            b = self.sent_ends[m]
            if m + 1 < len(self.sent_ends) and (doc[b - 1].text in self.res.abbreviations or b > 1
                                                and doc[b - 1].text == "." and doc[b - 2].text + "." in self.res.abbreviations):
                m += 1
        a, b = max(self.sent_starts[k], first.i - _SENTENCE_REACH), min(self.sent_ends[m], last.i + 1 + _SENTENCE_REACH)
        # "... mehr als 2019. Nach Angaben ...": a year with its full stop, kept as one token (a
        # German ordinal to the tokenizer), ends the sentence when a capitalised word follows
        for x in range(first.i - 1, a - 1, -1):
            if _YEAR_STOP.match(doc[x].text) and doc[x + 1].text[:1].isupper():
                a = x + 1
                break
        for x in range(last.i + 1, b - 1):
            if _YEAR_STOP.match(doc[x].text) and doc[x + 1].text[:1].isupper():
                b = x + 1
                break
        k = max(0, bisect.bisect_right(self.line_starts, first.idx) - 1)
        ls, le = self.lines[k] if self.lines else (0, len(self.text))
        s = max(ls, doc[a].idx)
        e = min(le, doc[b - 1].idx + len(doc[b - 1].text))
        return s, e, a, b

    def _is_claim(self, e: numbers.NumberExpr) -> bool:
        doc, res = self.doc, self.res
        if not math.isfinite(e.value):
            return False
        first = doc[e.start]
        nxt = doc[e.end].text.lower() if e.end < len(doc) else ""
        prv = doc[e.start - 1].text.lower() if e.start > 0 else ""
        if e.end - e.start == 1 and _YEAR.match(first.text) and e.unit is None:
            return False
        if e.high is not None and _YEAR.match(first.text) and e.high <= 2100:
            return False  # "1990-2000"
        if e.value < 2 and not any(ch.isdigit() for ch in first.text):
            return False  # "un", "один", "ein": an article or a pronoun
        if prv in res.months or any(t.text.lower() in res.months for t in doc[e.end : e.end + 2]):
            return False  # a date ("21 сентября", "21 de setembro")
        if e.unit is None and any(t.text.lower() in res.time_nouns for t in doc[e.end : e.end + 2]):
            return False  # an age, a duration ("zwei ausgefallenen Jahren")
        if prv == "(" and nxt == ")" and e.unit is None:
            return False  # "Kommentare (12)": a count on a link or a button
        if prv in _PLAIN_LABELS or nxt in ("-", "–") and e.end + 1 < len(doc) and doc[e.end + 1].text.lower() in res.time_nouns:
            return False
        if prv in ("-", "–", "/") and e.start > 1 and not doc[e.start - 2].whitespace_ and not doc[e.start - 1].whitespace_:
            return False  # "COVID-19", "24/7": part of a name or a code
        if nxt in ("-", "–") and not doc[e.end - 1].whitespace_ and e.end + 1 < len(doc) and doc[e.end + 1].is_alpha \
                and not doc[e.end].whitespace_:
            return False  # "79-letni", "68-летний", "5-й": an age or an ordinal written as one adjective
        ent = self.index.at(first.idx)
        return not (ent is not None and ent.label in NAME_LABELS)

    def _unit(self, e: numbers.NumberExpr) -> tuple[str | None, Any | None]:
        """(the counted noun as written, the token of an event word right after the number)."""
        doc = self.doc
        k = e.end
        while k < len(doc) and k < e.end + 2 and doc[k].text.lower() in _PLAIN_JOINS:
            k += 1
        if k < len(doc) and any(doc[k].text.lower().startswith(q) for qs in COUNTED_QUALIFIERS.values() for q in qs):
            k += 1  # "5937 российских военных": the side before what is counted
        if k >= len(doc) or not doc[k].is_alpha:
            return None, None
        word = doc[k]
        if _stem_of(word.text, COUNTED_SUBJECTS, self.lang) is not None:
            return word.text.lower(), None
        if _stem_of(word.text, COUNTED_KINDS, self.lang) is not None:
            return None, word  # "5,5 тыс. погибли": the event, not what is counted
        if word.is_stop or word.text.lower() in self.res.time_nouns or any(
            m.split()[0] == word.text.lower() for m in self.res.modifiers
        ):
            return None, None
        return word.text.lower(), None

    def _modifier(self, start: int) -> str | None:
        for words in self.modifiers:
            n = len(words)
            if start - n >= 0 and [t.text.lower() for t in self.doc[start - n : start]] == words:
                return " ".join(t.text for t in self.doc[start - n : start]).lower()
        return None

    def _predicate(self, e: numbers.NumberExpr, a: int, b: int, after: Any | None, unit: str | None) -> str | None:
        """The event word nearest the number in its sentence, words after it first (not the
        counted noun itself: "300 000 réservistes seront mobilisés" is "mobilisés")."""
        if after is not None:
            return after.text.lower()
        doc = self.doc
        best: tuple[float, str] | None = None
        for k in range(a, b):
            if e.start <= k < e.end or not doc[k].is_alpha or doc[k].text.lower() == unit:
                continue
            if _stem_of(doc[k].text, COUNTED_KINDS, self.lang) is None:
                continue
            dist = (k - e.end) if k >= e.end else (e.start - k) * 1.5
            if best is None or dist < best[0]:
                best = (dist, doc[k].text.lower())
        return best[1] if best else None

    def speaker(self, e: numbers.NumberExpr, a: int, b: int) -> Speaker | None:
        inside = _quoted(self.quotes, self.doc[e.start].idx)
        if inside is not None:
            return inside if isinstance(inside, Speaker) else None
        toks = list(self.doc[a:b])
        sp = according_to(toks, self.text, self.lang, self.index)
        if sp is not None:
            return sp
        lo, hi = self.doc[e.start].idx, self.doc[e.end - 1].idx + len(self.doc[e.end - 1].text)
        for k, tok in enumerate(toks):
            if speech_form(tok.text, self.lang):
                # "Poutine a annoncé la mobilisation de 300 000 réservistes": what a verb before the
                # number reports follows it, so its speaker stands before it
                sp = plain_speaker(toks, k, self.lang, self.index, self._previous, subject_first=tok.i < e.start)
                if sp is not None and not (sp.start is not None and sp.end is not None and sp.start < hi and lo < sp.end):
                    return sp
        return None

    def run(self) -> Iterator[Claim]:
        doc = self.doc
        for e in numbers.find_plain(doc, self.lang):
            if not self._is_claim(e):
                continue
            unit, event = self._unit(e)
            unit = e.unit or unit
            s, t, a, b = self.sentence(doc[e.start], doc[e.end - 1])
            sp = self.speaker(e, a, b)
            start, end = doc[e.start].idx, doc[e.end - 1].idx + len(doc[e.end - 1].text)
            yield Claim(
                start, end, e.value, unit, self._modifier(e.start), self._predicate(e, a, b, event, unit),
                " ".join(self.text[s:t].split()),
                speaker=sp.name if sp else None, vague=e.vague, high=e.high,
            )


def find(doc: Any, text: str, paragraphs: Sequence[tuple[int, int]], annotations: Sequence[Annotation] = ()) -> Iterator[Claim]:
    """Every numeric claim of a parsed article, in text order (annotations: its entities and quotes)."""
    yield from _Finder(doc, text, paragraphs, annotations).run()


def find_plain(
    doc: Any, text: str, paragraphs: Sequence[tuple[int, int]], lang: str, annotations: Sequence[Annotation] = ()
) -> Iterator[Claim]:
    """Every numeric claim of an article in ``lang`` (one of resources.LANGS) that has tokens and
    sentences, in text order (annotations: its entities and quotes)."""
    yield from _PlainFinder(doc, text, paragraphs, lang, annotations).run()


# -- what a claim counts, and when: decided here, once per article; corpus/claims.py only compares --
# A claim is comparable across articles when it is one exact count of a known event (killed,
# detained, mobilised, ...) of a category the event allows. Its kind, subject, side, places and
# the days it refers to are written into its attrs (ClaimAttrs.kind, .subject, ...); kind None
# with ``decided`` set means the claim is never one side of a comparison (a vague amount, a
# range, a year, a supposed figure, a rate, an unknown event).

#: How far (characters) from the number a word may be to say what the number counts.
TRIGGER_REACH = 120

_TRIGGERS = sorted(
    ((phrase, kind) for kind, phrases in CLAIM_KINDS.items() for phrase in phrases), key=lambda t: -len(t[0])
)
_TRIGGER_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p, _ in _TRIGGERS) + r")\b", re.I)
_TRIGGER_KIND = {p: k for p, k in _TRIGGERS}
_RANGE_START = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s+(?:and|to|until)\s+", re.I)
_SINCE = re.compile(r"\bsince\b[^.;,]*$", re.I)


def kind_of(
    predicate: str | None, unit: str | None, sentence: str, pos: int, only: frozenset[str] | None = None
) -> str | None:
    """The event a number counts: from its predicate, its unit, else the nearest trigger word in the sentence."""
    for part in (predicate, unit):
        if part:
            for m in _TRIGGER_RE.finditer(part):
                kind = _TRIGGER_KIND[m.group(1).lower()]
                if only is None or kind in only:
                    return kind
    best: tuple[float, str] | None = None
    for m in _TRIGGER_RE.finditer(sentence):
        if only is not None and _TRIGGER_KIND[m.group(1).lower()] not in only:
            continue
        # Words after the number ("55,000 soldiers died") bind tighter than words before it.
        dist = m.start() - pos if m.start() >= pos else (pos - m.end()) * 1.5
        if dist <= TRIGGER_REACH and (best is None or dist < best[0]):
            best = (dist, _TRIGGER_KIND[m.group(1).lower()])
    return best[1] if best else None


def counted_subject(unit: str | None, after: str, kind: str | None) -> str | None:
    """What category is counted: from the unit, else the words after the number, else implied by the kind.

    A unit that names nothing known ("sources", "countries") means the number counts something else: None.
    """
    for t in reversed(words(unit or "")):
        if t in SUBJECTS:
            return SUBJECTS[t]
    if (unit and "%" in unit) or after.lstrip().startswith("%"):
        return "percent"
    if unit and words(unit) and words(unit)[-1] not in NOMINAL_UNITS:
        return None
    for t in words(after)[:4]:
        if t in SUBJECTS:
            return SUBJECTS[t]
    return KIND_SUBJECT.get(kind or "")


def qualifier_of(unit: str | None, after: str, before: str) -> str | None:
    """The side or nationality a number is about ("Russian soldiers"), nearest the number first."""
    for t in words(unit or "") + words(after) + list(reversed(words(before))):
        if t in QUALIFIERS:
            return QUALIFIERS[t]
    return None


def claim_text(article: Article, ann: Annotation) -> str:
    """The words of a claim as written (its value for a claim without offsets)."""
    return ann.span_text(article.text) or str(ann.attrs.get("text") or ClaimAttrs.of(ann).value)


def _sentence_of(
    article: Article, ann: Annotation, sents: Sequence[tuple[int, int]], starts: Sequence[int]
) -> tuple[str, int, int]:
    """The claim's sentence, its offset in the text (-1 if unknown) and the number's position in it."""
    span = ann.span_text(article.text) or ""
    if ann.start is not None:
        k = bisect.bisect_right(starts, ann.start) - 1
        if k >= 0 and sents[k][0] <= ann.start < sents[k][1]:
            s, e = sents[k]
            return article.text[s:e], s, ann.start - s
    sent = ClaimAttrs.of(ann).sentence
    if sent and sent.strip():
        return sent, -1, max(sent.find(span), 0) if span else 0
    return span, -1, 0


def _timing(
    sentence: str, pos: int, end: int, published: date | None, cumulative_kind: bool,
    neighbours: Sequence[int] = (),
) -> tuple[date | None, bool, date | None, bool]:
    """(when, explicit, since, cumulative): the day a figure refers to and whether it is a running count."""
    since: DateMention | None = None
    others: list[DateMention] = []
    mentions = find_dates(sentence, published)
    for d, nxt_d in zip(mentions, mentions[1:]):
        # "between September 21 and September 27": a running count over that span
        if _RANGE_START.search(sentence[max(0, d.start - 10) : d.start]) and _RANGE_JOIN.fullmatch(
            sentence[d.end : nxt_d.start]
        ):
            since = d
            mentions = [m for m in mentions if m is not d]
            break
    for d in mentions:
        if d.text.lower().startswith("since") or _SINCE.search(sentence[max(0, d.start - 100) : d.start]):
            since = since or d
        elif d.precision in ("day", "week"):  # "in February" dates the background, not the figure
            others.append(d)
    low = sentence.lower()
    cumulative = cumulative_kind and (since is not None or any(m in low for m in CUMULATIVE_MARKERS))
    # The date after the number names its day ("8,572 entered on Saturday"), up to the next number;
    # one before it (after the previous number) is second best.
    nxt = min((n for n in neighbours if n >= end), default=len(sentence))
    prv = max((n for n in neighbours if n < pos), default=-1)
    after = [d for d in others if end <= d.start < nxt]
    before = [d for d in others if prv < d.start and d.end <= pos] or [d for d in others if d.end <= pos]
    chosen = after[0] if after else (before[-1] if before else None)
    if chosen is not None and chosen.precision == "day":
        return chosen.first, True, since.first if since else None, cumulative
    when = published
    if chosen is not None and published is not None:
        when = min(chosen.last, published)
    return when, False, since.first if since else None, cumulative


def _value(raw: object) -> float | None:
    try:
        v = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return v if v == v and v not in (float("inf"), float("-inf")) else None


def _sentence_places(article: Article, start: int, end: int) -> frozenset[str]:
    out = set()
    for a in article.annotations:
        if a.layer == "entity" and a.label in SENTENCE_PLACE_LABELS and a.start is not None and start <= a.start < end:
            out.add(" ".join(str(a.attrs.get("canonical") or a.span_text(article.text) or "").split()).lower())
    return frozenset(out - {""})


def _clause_before(sentence: str, pos: int) -> str:
    """The words between the last clause break and the number."""
    head = sentence[:pos]
    cut = max(head.rfind(ch) for ch in ",;:«»\"“”‘’()—–")
    return head[cut + 1 :]


def _kind_in_context(article: Article, offset: int, back: int = 2) -> str | None:
    """The event named in the sentences just before (an elliptical "up to 1 million" takes its verb from there)."""
    if offset < 0:
        return None
    para = next(((s, e) for s, e in article.paragraphs if s <= offset < e), (0, offset))
    prev = [(s, e) for s, e in sentences(article.text, para[0], offset)][-back:]
    for s, e in reversed(prev):
        kind = kind_of(None, None, article.text[s:e], e - s, frozenset(KIND_ALLOWS) - {"approve"})
        if kind is not None:
            return kind
    return None


# A Russian "300 000 человек будут мобилизованы" and an English "300,000 reservists will be
# mobilised" are one quantity: the claim's words map onto the kinds, subjects, sides, places and
# modifiers the English claims are compared by (resources.py COUNTED_*, Lang.modifiers).

#: Modifier as written in any language -> the English modifier whose range it allows.
_PLAIN_MODIFIERS = {m: en for res in LANGS.values() for m, en in res.modifiers.items()}
#: How far (characters) from the number a place named in its sentence may be.
PLACE_REACH = 400
#: Most letters of case ending a place name may carry ("России", "Украине"; not "российских").
_PLACE_ENDING = 2


def plain_kind(predicate: str | None, unit: str | None, sentence: str, pos: int, lang: str) -> str | None:
    """The event a number counts in ``lang``: its predicate, its unit, else the nearest event word
    of the sentence within TRIGGER_REACH (words after the number bind tighter)."""
    for part in (predicate, unit):
        if part and (kind := _stem_of(part, COUNTED_KINDS, lang)) is not None:
            return kind
    best: tuple[float, str] | None = None
    lo = max(0, pos - 2 * TRIGGER_REACH)  # words further off are out of reach: a sentence may be a megabyte line
    for m in re.finditer(r"\w+", sentence[lo : pos + 2 * TRIGGER_REACH]):
        m_start, m_end = m.start() + lo, m.end() + lo
        kind = _stem_of(m.group(0), COUNTED_KINDS, lang)
        if kind is None:
            continue
        dist = m_start - pos if m_start >= pos else (pos - m_end) * 1.5
        if dist <= TRIGGER_REACH and (best is None or dist < best[0]):
            best = (dist, kind)
    return best[1] if best else None


def plain_subject(unit: str | None, kind: str | None, lang: str) -> str | None:
    """What is counted, as the English claims' subject: the unit's category, the kind's group for
    no unit or a unit that names the event ("5937 погибших"), None for a unit that names something else."""
    if unit and (subject := _stem_of(unit, COUNTED_SUBJECTS, lang)) is not None:
        return subject
    if unit and "percent" in unit:
        return "percent"
    if unit and _stem_of(unit, COUNTED_KINDS, lang) is None:
        return None
    return KIND_SUBJECT.get(kind or "")


def plain_qualifier(unit: str | None, around: str) -> str | None:
    """The side a number is about ("российских военных"), from the unit and the words around it."""
    for w in words(unit or "") + words(around):
        for side, stems in COUNTED_QUALIFIERS.items():
            if any(w.startswith(s) for s in stems):
                return side
    return None


def plain_places(sentence: str) -> frozenset[str]:
    """The places a sentence in any language names, by their English names (COUNTED_PLACES)."""
    found = set()
    for w in words(sentence):
        for place, stems in COUNTED_PLACES.items():
            if any(w.startswith(s) and len(w) - len(s) <= _PLACE_ENDING for s in stems):
                found.add(place)
    return frozenset(found)


def compared(article: Article, anns: Sequence[Annotation] | None = None) -> list[ClaimAttrs]:
    """Each claim annotation's attrs with what the corpus layer compares it by decided (``decided``
    set; ``kind`` None for a claim never compared). ``anns``: the article's claims in text order
    (default ``article.layer("claim")``); the article's entities name the places of a sentence."""
    anns = article.layer("claim") if anns is None else list(anns)
    published = reference_date(article)
    lang = article.language if article.language in LANGS else None  # None: English (and any unlisted)
    sents = list(sentences(article.text)) if anns else []
    starts = [s for s, _ in sents]
    out: list[ClaimAttrs] = []
    last: tuple[int | None, str] | None = None  # start and kind of the last comparable claim
    for ann in anns:
        attrs = ClaimAttrs.of(ann)
        no = replace(attrs, decided=True, kind=None, subject=None, qualifier=None, plain_modifier=None, when=None,
                     explicit_when=False, since=None, cumulative=False, part=False, places=(),
                     sentence_start=None, sentence_end=None)
        value = _value(attrs.value)
        if value is None or value < 3 or not attrs.exact:
            out.append(no)  # a vague amount ("thousands") or a range is never one side of a comparison
            continue
        unit = attrs.unit or None
        if not unit and 1900 <= value <= 2100 and value == int(value):
            out.append(no)  # a year, not a count
            continue
        sentence, offset, pos = _sentence_of(article, ann, sents, starts)
        span = claim_text(article, ann)
        clause = _clause_before(sentence, pos)
        if HYPOTHETICAL.search(clause) or BASE_OF.search(sentence[:pos]) or (
            lang is not None and set(words(clause)) & set(LANGS[lang].hypothetical)  # "если призовут 1 млн человек"
        ):
            out.append(no)  # a supposed figure, not a count
            continue
        is_percent = bool(unit and (words(unit)[-1:] in (["percent"], ["cent"]) or "%" in unit))
        only = frozenset({"approve"}) if is_percent else frozenset(KIND_ALLOWS) - {"approve"}
        including = bool(INCLUDING.search(sentence[:pos])) and last is not None and last[0] is not None \
            and offset >= 0 and last[0] >= offset
        if including:
            kind = last[1]  # type: ignore[index]  # a part of the count just before it, counting the same thing
        elif lang is not None:
            kind = None if is_percent else plain_kind(attrs.predicate, unit, sentence, pos, lang)
        else:
            kind = kind_of(attrs.predicate, unit, sentence, pos, only)
        if kind is None and unit is None and lang is None:
            kind = _kind_in_context(article, offset)
        after = sentence[pos + len(span) : pos + len(span) + 60]
        if kind is None or RATE.search(after):
            out.append(no)  # an unknown event, or a rate ("10,000 a day") rather than a count
            continue
        subject = plain_subject(unit, kind, lang) if lang is not None else counted_subject(unit, after, kind)
        if subject is None or subject not in KIND_ALLOWS.get(kind, frozenset()):
            out.append(no)
            continue
        subject = KIND_FORCES_SUBJECT.get(kind, subject)
        # Other counts in the sentence bound which date belongs to this one ("8,572 on Saturday, 6,470 on Sunday").
        neighbours = [
            o.start - offset for o in anns
            if o is not ann and o.start is not None and offset <= o.start < offset + len(sentence)
            and not ((u := ClaimAttrs.of(o).unit) and counted_subject(u, "", None) in ("places", "distance", None))
        ] if offset >= 0 else []
        when, explicit, since, cumulative = _timing(
            sentence, pos, pos + len(span), published, kind in CUMULATIVE_KINDS, neighbours
        )
        low = sentence.lower()
        modifier = str(attrs.modifier or "").strip().lower() or None
        places = _sentence_places(article, offset, offset + len(sentence)) if offset >= 0 else frozenset()
        if lang is not None:
            modifier = _PLAIN_MODIFIERS.get(modifier or "", modifier) or None
            qualifier = plain_qualifier(unit, sentence[max(0, pos - 30) : pos + len(span) + 30])
            places = places | plain_places(sentence[max(0, pos - PLACE_REACH) : pos + PLACE_REACH])
        else:
            qualifier = qualifier_of(unit, after[:30], sentence[max(0, pos - 30) : pos])
        last = (ann.start, kind)
        out.append(replace(
            no, kind=kind, subject=subject, qualifier=qualifier, plain_modifier=modifier,
            when=when.isoformat() if when else None, explicit_when=explicit,
            since=since.isoformat() if since else None, cumulative=cumulative,
            part=including or any(re.search(rf"\b{re.escape(m)}\b", low) for m in PART_MARKERS),
            places=tuple(sorted(places)),
            sentence_start=offset if offset >= 0 else None, sentence_end=offset + len(sentence) if offset >= 0 else None,
        ))
    return out


def plain(value: float) -> int | float:
    """1000000.0 → 1000000: integral values as ints, so JSON shows plain numbers."""
    return int(value) if float(value).is_integer() else value


def to_annotation(c: Claim) -> Annotation:
    attrs = ClaimAttrs(
        value=plain(c.value), unit=c.unit, modifier=c.modifier, predicate=c.predicate, sentence=c.sentence,
        speaker=c.speaker, vague=c.vague, high=None if c.high is None else plain(c.high),
    )
    return Annotation("claim", "number", c.start, c.end, attrs=attrs.to_dict())


@dataclass
class ClaimStage:
    """Writes `claim` annotations, reading the article's entities and quotes for speakers."""

    name: str = "extract.claims.v1"

    def __call__(self, articles: list[Article]) -> None:
        for article in articles:
            known = [a for a in article.annotations if a.layer in ("entity", "quote")]
            if is_english(article):
                found = find(article.doc, article.text, article.paragraphs, known)
            elif can_run(article, ClaimAttrs.layer) and article.language in LANGS:
                found = find_plain(article.doc, article.text, article.paragraphs, str(article.language), known)
            else:
                continue
            anns = sorted((to_annotation(c) for c in found), key=lambda a: (a.start, a.end))  # Article.layer's order
            for ann, attrs in zip(anns, compared(article, anns)):
                article.add(Annotation(ann.layer, ann.label, ann.start, ann.end, attrs=attrs.to_dict()))


def make_stage(options: Options) -> ClaimStage:
    return ClaimStage()
