"""Who says something: the subject of a reporting verb, as a canonical name or a describing phrase.

Shared by quotes and claims. A subject inside an entity mention (a name, or a role the entities
stage tied to a person) gives that entity's canonical name; "he"/"she" gives the person who spoke
last nearby; any other subject keeps its noun phrase ("a wife from Tyumen in Siberia").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from ..attrs import EntityAttrs
from ..model import Annotation
from ..nlp.models import lemma
from .quotemarks import Covered
from .resources import COUNTED_KINDS, LANGS, PEOPLE_NOUNS, REPORTING_VERBS, SPEECH_VERBS

#: Pronouns that point back to one person who spoke before.
PERSON_PRONOUNS = frozenset({"he", "she"})
#: Pronouns that cannot be tied to anyone without guessing.
OPAQUE_PRONOUNS = frozenset({"it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "one", "which"})
#: A pronoun that points back to a group: the plural subject of the sentence before.
GROUP_PRONOUNS = frozenset({"they"})
#: How many sentences back "they" may look for its group.
GROUP_SENTENCES = 2
#: Characters that set off an aside and never sit inside a speaker's phrase.
DASHES = "―—–"
#: Heads of a phrase that speak for the organisation named in them ("OVD-Info group").
ORG_HEADS = frozenset(
    {"group", "organisation", "organization", "agency", "ministry", "office", "monitor", "service", "newspaper",
     "channel", "network", "website", "outlet", "company", "party", "movement", "committee", "council",
     "government", "department", "army", "military", "command", "forces", "authorities", "guard"}
)
#: Dependents of a subject kept in its describing phrase.
_PHRASE_RIGHTS = frozenset({"prep", "pobj", "compound", "amod", "nummod", "poss", "case"})
_MAX_PHRASE = 12


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the name, where it is mentioned, whether it is a known entity, the cue."""

    name: str
    start: int | None
    end: int | None
    named: bool
    cue: str | None = None
    label: str | None = None  # the entity label when named


class EntityIndex:
    """Entity annotations of one article, looked up by character offset, with their canonical names."""

    def __init__(self, annotations: Iterable[Annotation]) -> None:
        names = {
            id(a): name for a in annotations
            if a.layer == EntityAttrs.layer and a.start is not None and (name := EntityAttrs.of(a).canonical)
        }
        self.items = sorted(
            (a for a in annotations if id(a) in names), key=lambda a: (a.start, -(a.end or 0)),
        )
        self._names = names
        self.starts = [a.start for a in self.items]

    def canonical(self, ann: Annotation) -> str:
        """The canonical name of one of the indexed mentions."""
        return str(self._names[id(ann)])

    def at(self, pos: int) -> Annotation | None:
        """The entity mention covering character ``pos``, if any."""
        k = bisect.bisect_right(self.starts, pos)
        for a in reversed(self.items[max(0, k - 4) : k]):
            if a.start <= pos < a.end:  # type: ignore[operator]
                return a
        return None

    def persons(self) -> list[Annotation]:
        """The PERSON mentions, in text order."""
        return [a for a in self.items if a.label == "PERSON"]


def is_speech_verb(tok: Any) -> bool:
    """A verb that reports speech ("said", "told", "added")."""
    return tok.pos_ in ("VERB", "AUX") and lemma(tok).lower() in SPEECH_VERBS


def is_reporting_verb(tok: Any) -> bool:
    """A verb that reports a statement or a finding ("said", "estimated", "found")."""
    return tok.pos_ in ("VERB", "AUX") and lemma(tok).lower() in REPORTING_VERBS


def subject_of(verb: Any) -> Any | None:
    """The subject of a verb, borrowed from the governing verb for `..., adding` or `X said and added`."""
    v = verb
    for _ in range(3):
        # the subject nearest the verb, never a punctuation mark the tagger took for a noun ("public ― Trump boasted")
        subj = next(
            (c for c in sorted(v.children, key=lambda c: abs(c.i - v.i))
             if c.dep_ in ("nsubj", "nsubjpass") and any(ch.isalnum() for ch in c.text)),
            None,
        )
        if subj is not None and v is not verb and verb.dep_ == "conj" and subj.lower_ in OPAQUE_PRONOUNS:
            # "This prompted the President to call for protests and say: ...": object control
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            if obj is not None and any(c.dep_ == "xcomp" for c in v.children):
                return obj
        if subj is not None:
            # "X told Belta that Belarus may join ..., stating": the reporter, not the reported clause
            if v is not verb and v.dep_ == "ccomp" and is_speech_verb(v.head):
                return subject_of(v.head) or subj
            return subj
        # a participle or infinitive ("..., adding", "..., stating") and a conjoined verb ("said and
        # added") share the subject of the verb they hang on; a finite adverbial clause does not
        if v.head is not v and (v.dep_ in ("conj", "xcomp") or v.dep_ == "advcl" and v.tag_ in ("VBG", "VBN", "VB")):
            v = v.head
            continue
        if v.dep_ == "acl" and v.tag_ == "VBG" and (v.head.pos_ == "PROPN" or v.head.lower_ in PEOPLE_NOUNS):
            return v.head  # "Tsikhanouskaya, speaking on Friday, ...", "women ... shouting"
        break
    # "Shoigu, interviewed on Rossiya-24, said": the parser hung the name on the participle
    for c in reversed(list(verb.lefts)):
        if c.dep_ in ("ccomp", "advcl") and c.tag_ in ("VBN", "VBG"):
            # (a pronoun there is the subject of quoted words: "'We are going to win,' said ...")
            return next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i and s.pos_ != "PRON"), None)
    return None


def phrase_span(tok: Any) -> tuple[int, int]:
    """Token range of a subject's describing phrase, without relative clauses or appositions."""
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ not in _PHRASE_RIGHTS:
            break
        right = max(right, c.right_edge.i)
    if right + 1 - left > _MAX_PHRASE:
        left = min([c.i for c in tok.lefts if c.dep_ in ("compound", "amod", "det")] + [tok.i])
        right = tok.i
    return left, right + 1


def _antecedent(tok: Any) -> Any:
    """`Mr Heappey, who noted ...`: a relative pronoun stands for the noun its clause hangs on."""
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def resolve(
    doc: Any,
    tok: Any,
    index: EntityIndex,
    pronoun: Callable[[int], tuple[str, bool] | None],
    cue: str | None = None,
) -> Speaker | None:
    """A speaker from the subject token of a reporting verb, or None when it cannot be told."""
    tok = _antecedent(tok)
    low = tok.lower_
    if low in GROUP_PRONOUNS and (group := _group_before(tok)) is not None:
        return resolve(doc, group, index, pronoun, cue)
    if low in PERSON_PRONOUNS:
        found = pronoun(tok.idx)
        if found is None:
            return None
        who, person = found
        return Speaker(who, tok.idx, tok.idx + len(tok.text), person, cue, "PERSON" if person else None)
    if len(tok.text) == 1 and tok.is_lower:
        return None  # a stray letter, not a word ("waits tob e called up": a typo parsed as a subject)
    if low in OPAQUE_PRONOUNS or tok.pos_ == "PRON" or tok.pos_ in ("VERB", "AUX", "NUM") and not tok.is_title:
        return None  # (a capitalised subject the tagger took for a verb is still a name: "Franken said")
    ent = index.at(tok.idx)
    if ent is None and tok.is_upper and len(tok.text) > 2:
        # "Sergei Lavrov STORMS OUT of ...": a headline verb in capitals parsed as the head of the name
        ent = next((e for c in tok.lefts if c.dep_ == "compound" and (e := index.at(c.idx)) is not None
                    and e.label == "PERSON"), None)
    if ent is None or ent.label != "PERSON":
        # "The governor, Mikhail Degtyarev, wrote": the name in apposition is the speaker
        for c in tok.rights:
            if c.dep_ == "appos" and (e := index.at(c.idx)) is not None and e.label in ("PERSON", "ORG"):
                ent = e
    if ent is None and low in ORG_HEADS and tok.i > 0:
        # "OVD-Info group" is OVD-Info; "the Kazakh interior ministry" stays a phrase
        c = tok.doc[tok.i - 1]
        if c.dep_ == "compound" and (e := index.at(c.idx)) is not None and e.label == "ORG" and e.end == c.idx + len(c.text):
            ent = e
    if ent is not None and ent.label in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
        if ent.label == "NORP" and tok.idx != ent.start:
            ent = None  # "Russian authorities": the nationality only qualifies the speaker
        elif ent.label != "NORP":
            return Speaker(index.canonical(ent), ent.start, ent.end, True, cue, ent.label)
    i, j = _trimmed(doc, tok, *phrase_span(tok))
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    phrase = doc[i:j].text  # the span's own text: Doc.text joins the whole document on every call
    if "\n" in phrase:  # a parse that runs over a paragraph break: keep the subject's own line
        lo = phrase.rfind("\n", 0, tok.idx - start) + 1
        hi = phrase.find("\n", tok.idx - start)
        phrase = phrase[lo : len(phrase) if hi < 0 else hi]
        start, end = start + lo, start + len(phrase) + lo
        phrase = phrase.strip()
    if not any(ch.isalpha() for ch in phrase):
        return None
    return Speaker(phrase, start, end, False, cue)


def _trimmed(doc: Any, tok: Any, i: int, j: int) -> tuple[int, int]:
    """A describing phrase without what cannot belong to it: the far side of a dash, markup or
    punctuation at its edges, a dangling "and" or "of" at its end ("the former secretary of
    state and")."""
    for k in range(i, tok.i):
        if any(d in doc[k].text for d in DASHES):
            i = k + 1
    for k in range(tok.i + 1, j):
        if any(d in doc[k].text for d in DASHES):
            j = k
            break

    def junk(t: Any) -> bool:
        return not any(ch.isalnum() for ch in t.text) or t.dep_ in ("cc", "prep", "punct", "case")

    while i < tok.i and (junk(doc[i]) or is_speech_verb(doc[i])):
        i += 1
    while j - 1 > tok.i and (junk(doc[j - 1]) or doc[j - 1].dep_ == "det"):
        j -= 1
    return i, j


def _group_before(tok: Any) -> Any | None:
    """The group "they" stands for: the plural subject (or organisation) of the nearest clause
    before it in this sentence or the sentences just before ("Forty senators signed a letter. ...
    they wrote")."""
    doc = tok.doc
    sent = tok.sent
    seen = 0
    k = tok.i - 1
    while k >= 0 and seen <= GROUP_SENTENCES:
        t = doc[k]
        if t.sent.start != sent.start:
            sent = t.sent
            if any(not x.is_space for x in sent):
                seen += 1
        if (
            t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS")
            and t.head.pos_ in ("VERB", "AUX") and seen <= GROUP_SENTENCES
        ):
            return t
        k -= 1
    return None


class Pronouns:
    """Who "he" or "she" is at an offset: the nearest person the text has just been talking about.

    Tried in order: a person who is (or owns) a subject earlier in the same line, a person who
    was a subject in the previous line, the last named person who spoke within a few lines, the
    speaker of a quote in the same or previous line.
    """

    def __init__(
        self, doc: Any, index: EntityIndex, line_starts: Sequence[int], window: int = 3,
        quoted: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc, self.index = doc, index
        self.line_starts = list(line_starts) or [0]
        self.window = window
        self.events = speech_events(doc, index)
        self.quotes: list[tuple[int, str]] = []
        self.mentions: list[tuple[int, str, str]] = []  # offset, canonical, dependency of the name
        in_quote = Covered(quoted)
        for ent in index.persons():
            span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is not None and ent.start not in in_quote:
                root = span.root
                # "Putin's own comments were brief": the owner of the subject is what the line is about
                dep = "nsubj" if root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass") else root.dep_
                if dep == "nsubj" and (root.head if root.dep_ != "poss" else root.head.head).dep_ == "ROOT":
                    dep = "main"  # the subject of its sentence's main verb
                self.mentions.append((int(ent.start), index.canonical(ent), dep))  # type: ignore[arg-type]

    def line(self, pos: int) -> int:
        """The index of the line holding offset ``pos``."""
        return max(0, bisect.bisect_right(self.line_starts, pos) - 1)

    def _unlisted_subject(self, start: int, end: int) -> str | None:
        """The proper-noun subject of the last main clause in ``start..end``, if no entity covers it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        roots = [t for t in span if t.dep_ == "ROOT"]
        for root in reversed(roots):
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            if subj.pos_ != "PROPN" or self.index.at(subj.idx) is not None:
                return None
            left = min([c.i for c in subj.lefts if c.dep_ == "compound"] + [subj.i])
            return self.doc[left : subj.i + 1].text
        return None

    def spoke(self, pos: int, name: str) -> None:
        """Record a named person speaking at ``pos`` (a resolved quote)."""
        bisect.insort(self.events, (pos, name))

    def quoted(self, pos: int, name: str) -> None:
        """Record the speaker (named or described) of a quote opening at ``pos``."""
        bisect.insort(self.quotes, (pos, name))

    def __call__(self, pos: int) -> tuple[str, bool] | None:
        """(name, whether it is a named person) for a pronoun at ``pos``, or None."""
        line = self.line(pos)
        here = self.line_starts[line]
        for at, who, dep in reversed(self.mentions):
            if here <= at < pos and dep in ("main", "nsubj", "nsubjpass"):
                return who, True
        prev_line = self.line_starts[max(0, line - 1)]
        for at, name, dep in reversed(self.mentions):
            if prev_line <= at < here and dep == "main":
                return name, True
        if line > 0 and (named := self._unlisted_subject(prev_line, here)) is not None:
            return named, False  # a name the tagger missed: "Police Chief U. Reneé Hall gave ..."
        floor = self.line_starts[max(0, line - self.window)]
        who = nearest_person(self.events, pos, floor)
        if who:
            return who, True
        who = nearest_person(self.quotes, pos, prev_line)
        if who:
            return who, any(name == who for _, name, _ in self.mentions)
        return None


def speech_events(doc: Any, index: EntityIndex) -> list[tuple[int, str]]:
    """(offset, canonical) of every named person who is the subject of a reporting verb, in order."""
    out = []
    for ent in index.persons():
        tok = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if tok is None:
            continue
        root = tok.root
        if root.dep_ in ("nsubj", "nsubjpass") and is_speech_verb(root.head):
            out.append((int(ent.start), index.canonical(ent)))  # type: ignore[arg-type]
    return out


def nearest_person(events: Sequence[tuple[int, str]], pos: int, floor: int) -> str | None:
    """The last speaker named before ``pos`` and at or after ``floor``."""
    for at, who in reversed(events):
        if at < pos:
            return who if at >= floor else None
    return None


# -- languages without a parse -----------------------------------------------------------------
# A blank spaCy pipeline gives tokens and sentences, no tags, dependencies or lemmas: the speaker
# is the name (or describing phrase) written next to a verb of saying, found by its forms.

#: Most tokens a describing phrase after a verb of saying keeps ("un porte-parole du ministère").
_PLAIN_PHRASE = 6
#: Words that join the parts of a name ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
NAME_JOINERS = frozenset({"von", "der", "van", "de", "da", "di", "del", "dos", "du", "le", "la"})
#: Most words of a name beside its verb ("Emmanuel Macron", not "président Emmanuel Macron"; joiners
#: such as "von der" not counted).
NAME_WORDS = 2
#: Words that join a describing phrase's noun to a genitive ("un porte-parole du Kremlin").
PHRASE_JOINERS = frozenset({"der", "des", "du", "de", "la", "l'", "l’", "d'", "d’", "del", "della", "dei", "degli",
                            "di", "do", "da", "dos", "das"})


def speech_form(word: str, lang: str) -> bool:
    """Whether a word is a form of a verb of saying in ``lang`` (its stems and endings as data)."""
    res = LANGS.get(lang)
    if res is None:
        return False
    low = word.lower()
    if low in res.speech_forms:
        return True
    return any(low.startswith(stem) and low[len(stem):] in res.speech_endings for stem in res.speech_stems)


def _capitalised(tok: Any) -> bool:
    return tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text)


def _name_run(tokens: Sequence[Any], k: int, step: int) -> tuple[int, int] | None:
    """The token range (i, j) of the capitalised run starting at ``tokens[k]`` going ``step`` way."""
    if not (0 <= k < len(tokens)) or not _capitalised(tokens[k]):
        return None
    i = j = k
    while 0 <= j + step < len(tokens):
        t = tokens[j + step]
        if _capitalised(t) or (t.text.lower() in NAME_JOINERS and 0 <= j + 2 * step < len(tokens)
                               and _capitalised(tokens[j + 2 * step])):
            j += step
        else:
            break
    return (min(i, j), max(i, j) + 1)


def plain_speaker(
    tokens: Sequence[Any], verb: int, lang: str, index: EntityIndex,
    previous: Callable[[int], tuple[str, bool] | None], subject_first: bool = False,
) -> Speaker | None:
    """The speaker written next to the verb of saying at ``tokens[verb]``: a name or phrase right
    after it ("a déclaré Emmanuel Macron", "— заявил Песков"), else a name right before it
    ("Scholz sagte", "Macron a déclaré"); a pronoun is the named speaker before it (``previous``).
    With ``subject_first`` (a verb that leads into a quote: "Macron a réagi depuis New York :")
    a name right before the verb comes first. A name inside an entity mention (languages with NER)
    gives the entity's canonical name."""
    res = LANGS[lang]
    cue = tokens[verb].text
    after = verb + 1
    while after < len(tokens) and speech_form(tokens[after].text, lang):
        after += 1
    inverted = after < len(tokens) and tokens[after].text.lower() in res.pronouns  # "meinte sie", "сказал он"
    if subject_first and not inverted and (sp := _name_before(tokens, verb, lang, index, previous)) is not None:
        return sp

    def named(i: int, j: int) -> Speaker:
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        ent = index.at(start)
        if ent is not None and ent.label in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
            return Speaker(index.canonical(ent), ent.start, ent.end, True, cue, ent.label)
        return Speaker(" ".join(t.text for t in tokens[i:j]), start, end, False, cue)

    def pronoun(k: int) -> Speaker | None:
        found = previous(tokens[k].idx)
        if found is None:
            return None
        who, person = found
        return Speaker(who, tokens[k].idx, tokens[k].idx + len(tokens[k].text), person, cue, "PERSON" if person else None)

    k = verb + 1
    while k < len(tokens) and speech_form(tokens[k].text, lang):
        k += 1  # "a déclaré", "ha detto": the participle after the auxiliary
    if k < len(tokens) and tokens[k].text.lower() in res.pronouns:
        return pronoun(k)
    phrase: list[int] = []
    while k < len(tokens) and len(phrase) < _PLAIN_PHRASE and tokens[k].text not in res.abbreviations and (
        any(ch.isalnum() for ch in tokens[k].text) or tokens[k].text in "-'’"
    ) and not tokens[k].text.endswith("."):
        phrase.append(k)
        k += 1
    if k < len(tokens) and tokens[k].text.endswith(".") and tokens[k].text[:-1].isalpha() and len(phrase) < _PLAIN_PHRASE:
        phrase.append(k)  # the last word of the sentence, glued to its full stop by a blank tokenizer
    # a phrase opening with a determiner is a description ("der Sprecher des Ministeriums": German
    # capitalises every noun) unless it ends in a full name ("le porte-parole du Kremlin Dmitri Peskov")
    described = bool(phrase) and tokens[phrase[0]].is_stop
    for n, p in enumerate(phrase):
        run = _name_run(tokens, p, 1)
        if run is not None and described and (
            run[1] - run[0] < 2 or any(t.text.lower() in NAME_JOINERS for t in tokens[run[0] : run[1]])
        ):
            continue  # "ein Sprecher der Stadt": German capitalises nouns, this is no name
        if run is not None:
            i, j = run
            j = min(j, phrase[-1] + 1)
            if tokens[j - 1].text.endswith("."):
                # "заявил Песков." as one token: the name without the stop
                start = tokens[i].idx
                ent = index.at(start)
                if ent is not None and ent.label in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
                    return Speaker(index.canonical(ent), ent.start, ent.end, True, cue, ent.label)
                words = " ".join(t.text for t in tokens[i:j])[:-1]
                return Speaker(words, start, start + len(words), False, cue)
            while sum(t.text.lower() not in NAME_JOINERS for t in tokens[i:j]) > NAME_WORDS:
                i += 1  # "Facharzt für Atemwegserkrankungen Peter Wark": the name is its last words
            return named(i, j)
        if n >= 3 and not described:
            break
    if described and k + 1 < len(tokens) and tokens[k].text == ",":
        run = _name_run(tokens, k + 1, 1)  # "o porta-voz do Kremlin, Dmitri Peskov": the name in apposition
        if run is not None and run[1] - run[0] >= 2:
            return named(*run)
    if phrase and not tokens[phrase[0]].is_stop or len(phrase) > 1:
        i, j = phrase[0], phrase[-1] + 1
        # "die Festleitung bei ihrer Pressekonferenz": the phrase ends at a function word after its
        # noun, unless the word joins a genitive ("ein Sprecher der Stadt", "o ministro da Defesa")
        cut = next((x for x in range(i + 1, j) if tokens[x].is_stop and tokens[x].text.lower() not in PHRASE_JOINERS
                    and not tokens[x - 1].is_stop), j)
        j = cut
        while j > i + 1 and tokens[j - 1].is_stop:
            j -= 1
        text = " ".join(t.text for t in tokens[i:j]).rstrip(".")
        if any(ch.isalpha() for ch in text):
            return Speaker(text, tokens[i].idx, tokens[i].idx + len(text), False, cue)
    return _name_before(tokens, verb, lang, index, previous)


def _name_before(
    tokens: Sequence[Any], verb: int, lang: str, index: EntityIndex,
    previous: Callable[[int], tuple[str, bool] | None],
) -> Speaker | None:
    """The name (at most NAME_WORDS words), pronoun or opening phrase right before a verb of saying."""
    res = LANGS[lang]
    cue = tokens[verb].text
    b = verb - 1
    while b >= 0 and tokens[b].text.lower() in res.auxiliaries:
        b -= 1  # "Macron a déclaré", "Scholz hat gesagt"
    if b >= 0 and tokens[b].text.lower() in res.pronouns:
        found = previous(tokens[b].idx)
        if found is None:
            return None
        who, person = found
        return Speaker(who, tokens[b].idx, tokens[b].idx + len(tokens[b].text), person, cue, "PERSON" if person else None)
    run = _name_run(tokens, b, -1)
    if run is not None and not all(t.is_stop for t in tokens[run[0] : run[1]]):  # "Dies sagte", "Il a dit"
        i, j = max(run[0], run[1] - NAME_WORDS), run[1]  # "Пресс-секретарь Кремля Дмитрий Песков": the name
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        ent = index.at(tokens[j - 1].idx)
        if ent is not None and ent.label in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
            return Speaker(index.canonical(ent), ent.start, ent.end, True, cue, ent.label)
        return Speaker(" ".join(t.text for t in tokens[i:j]), start, end, False, cue)
    if 0 <= b < _PLAIN_PHRASE and tokens[0].is_stop and all(any(ch.isalnum() for ch in t.text) for t in tokens[: b + 1]):
        # "Le président a ajouté :", "Il ministro ha aggiunto:": the describing phrase that opens the sentence
        text = " ".join(t.text for t in tokens[: b + 1])
        return Speaker(text, tokens[0].idx, tokens[b].idx + len(tokens[b].text), False, cue)
    return None


def _ends_source(tokens: Sequence[Any], n: int, lang: str) -> bool:
    """Whether ``tokens[n]`` ends the source an "according to" names: punctuation (not the hyphen
    inside "OVD-Info"), a figure, a verb of saying, an auxiliary or the words of a modifier."""
    t, res = tokens[n], LANGS[lang]
    low = t.text.lower()
    if t.text in "-‑" and n > 0 and not tokens[n - 1].whitespace_ and n + 1 < len(tokens):
        return False
    return (
        not any(ch.isalnum() for ch in t.text) or any(ch.isdigit() for ch in t.text) or speech_form(t.text, lang)
        or low in res.auxiliaries or any(m.split()[0] == low for m in res.modifiers)
        or any(low.startswith(stem) for per in COUNTED_KINDS.values() for stem in per.get(lang, ()))
    )


def according_to(tokens: Sequence[Any], text: str, lang: str, index: EntityIndex) -> Speaker | None:
    """The source an "according to" names among ``tokens`` (`selon le Kremlin`, `по словам
    Пескова`, `laut Innenministerium`): the words after it up to the next punctuation mark."""
    low = [t.text.lower() for t in tokens]
    for phrase in LANGS[lang].according:
        words = phrase.split()
        for k in range(len(tokens) - len(words) + 1):
            if low[k : k + len(words)] != words or k + len(words) >= len(tokens):
                continue
            j = k + len(words)
            stop = next((n for n in range(j, len(tokens)) if _ends_source(tokens, n, lang)), len(tokens))
            stop = min(stop, j + _PLAIN_PHRASE)
            if stop > j:
                a, b = tokens[j].idx, tokens[stop - 1].idx + len(tokens[stop - 1].text)
                ent = index.at(a)
                if ent is not None:
                    return Speaker(index.canonical(ent), ent.start, ent.end, True, phrase, ent.label)
                return Speaker(text[a:b].rstrip("."), a, b, False, phrase)
    return None
