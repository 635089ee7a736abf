"""Entities with one canonical name per person or body, and role mentions tied to their person.

`find(doc)` yields `Mention`s: spaCy's named entities trimmed to the name ("Mr Putin's" →
"Putin"), relabelled when the article shows a one-word ORG is a person's surname, plus surname
mentions the tagger missed, plus role mentions ("the minister", "the Belarusian president")
resolved to the person the article gives that title. `EntityStage` writes them as `entity`
annotations; within a batch a surname-only canonical joins the batch's one full name for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Collection, Iterator, Sequence

from ..attrs import EntityAttrs
from ..model import Annotation, Article
from ..nlp.models import lemma
from ..nlp.stage import can_run
from ..options import Options
from . import quotemarks
from .names import canonical_names, merge_surnames, trim_tokens, unique_surnames, variant_names
from .speakers import ORG_HEADS
from .resources import NAME_LABELS, NAME_TITLES, PERSON, ROLE_NOUNS, SPEECH_VERBS, TITLE_QUALIFIERS

#: Labels kept outside English: ours, and MISC (French WikiNER's events, works, products: nlp/languages.py).
_OTHER_LABELS = NAME_LABELS | {"MISC"}
_RELABEL_FROM = frozenset({"ORG", "PRODUCT", "NORP", "GPE", "FAC", "LOC", "WORK_OF_ART", "MISC"})
_POSSESSIVES = frozenset({"his", "her", "its", "their"})
_TITLE_STOP_POS = frozenset({"DET", "PRON", "VERB", "AUX", "ADP", "CCONJ", "SCONJ", "NUM", "PART", "PUNCT", "SPACE"})


@dataclass(frozen=True)
class Title:
    """A role the article gives a person: its head noun and the words that qualify it."""

    head: str
    mods: frozenset[str]
    text: str


@dataclass(frozen=True)
class Mention:
    """One mention of an entity: its span, label, canonical name, and whether it is a role."""

    start: int
    end: int
    label: str
    text: str
    canonical: str
    role: bool = False
    title: str | None = None
    tokens: tuple[int, int] = field(default=(0, 0), compare=False)


def _char_span(doc: Any, i: int, j: int) -> tuple[int, int]:
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def _raw_mentions(doc: Any, language: str = "en") -> list[tuple[int, int, str]]:
    """(token start, token end, label) of each named entity, trimmed to the name.

    Outside English a name may start lower-case when a capitalised word is in it (French
    "ministère de la Défense"), and a reporting verb is not looked for (the verbs are English).
    """
    english = language == "en"
    labels = NAME_LABELS if english else _OTHER_LABELS
    out = []
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        toks = [t for t in ent]
        for k, t in enumerate(toks):
            if "\n" in t.text_with_ws[:-1] or t.is_space:  # never let a name run over a line break
                toks = toks[:k] if k else toks[k + 1 :]
                break
        if not toks:
            continue
        i, j = trim_tokens([t.text for t in toks], ent.label_, language)
        if i >= j:
            continue
        a, b = toks[i].i, toks[j - 1].i + 1
        while english and a < b - 1 and doc[a].pos_ == "VERB" and lemma(doc[a]).lower() in SPEECH_VERBS:
            a += 1  # "Said Ellis: ...": the reporting verb the tagger folded into the name
        text = doc[a:b].text
        if ent.label_ != "NORP" and not any(t.pos_ == "PROPN" or not english and _capital_inside(t) for t in doc[a:b]):
            # "Exiled", "Whichever": a capitalised word the tagger took for a name. Outside English the
            # small taggers miss proper nouns ("Géorgie" a NOUN): a capital inside a sentence counts too.
            continue
        capital = text[:1].isupper() or text[:1].isdigit()
        if not english and not capital:
            capital = ent.label_ != PERSON and any(t.text[:1].isupper() for t in doc[a:b])
        if not capital or any(c in text for c in "‚Ä¬\n"):
            continue
        out.append((a, b, ent.label_))
    return out


def _capital_inside(t: Any) -> bool:
    """A capitalised word that does not start its sentence or line (so is capitalised as a name)."""
    return t.text[:1].isupper() and not t.is_sent_start and t.i > 0 and "\n" not in t.nbor(-1).text_with_ws


def title_of(doc: Any, i: int, j: int) -> Title | None:
    """The role written before a name ("Armed Forces minister James Heappey") or in apposition to it."""
    words = []
    k = i - 1
    sent_start = doc[i].sent.start
    while k >= sent_start and len(words) < 6:
        t = doc[k]
        if "\n" in t.text_with_ws or (t.pos_ in _TITLE_STOP_POS and t.text.lower() not in NAME_TITLES):
            break
        if t.ent_type_ == PERSON and t.text.lower() not in NAME_TITLES:
            break  # another person's name
        words.insert(0, t)
        k -= 1
    heads = [t for t in words if t.text.lower() in ROLE_NOUNS]
    if heads:
        head = heads[-1]
        mods = frozenset(t.text.lower() for t in words if t is not head)
        return Title(head.text.lower(), mods, doc[words[0].i : words[-1].i + 1].text)
    root = doc[i:j].root
    for c in root.rights:
        if c.dep_ == "appos" and lemma(c).lower() in ROLE_NOUNS:
            return _title_from_noun(c)
    if root.dep_ == "appos" and lemma(root.head).lower() in ROLE_NOUNS and root.head.i < i:
        return _title_from_noun(root.head)
    return None


def _title_from_noun(noun: Any) -> Title:
    mods = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod") and t.is_alpha]
    return Title(lemma(noun).lower(), frozenset(t.text.lower() for t in mods), " ".join(t.text for t in [*mods, noun]))


def role_phrases(doc: Any, covered: set[int]) -> Iterator[tuple[int, int, Title]]:
    """Definite role noun phrases ("the Belarusian president") that stand for a person."""
    for t in doc:
        low = t.text.lower()
        if low not in ROLE_NOUNS or t.i in covered or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.dep_ in ("compound", "appos") or t.head.ent_type_ == PERSON and t.head.i != t.i:
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].ent_type_ == PERSON:
            continue
        if any(c.dep_ == "appos" and c.ent_type_ == PERSON for c in t.rights):
            continue
        lefts = [c for c in t.lefts]
        # definite: "the minister", or owned: "his defence minister" (not "a minister")
        if not any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in lefts):
            continue
        start = min(c.i for c in lefts)
        if any("\n" in doc[x].text_with_ws for x in range(start, t.i)):
            continue
        mods = frozenset(
            c.text.lower() for c in lefts
            if c.dep_ in ("amod", "compound", "nmod") and c.is_alpha and c.lower_ not in TITLE_QUALIFIERS
        )
        yield start, t.i + 1, Title(low, mods, doc[start : t.i + 1].text)


def _speaks(doc: Any, i: int, j: int) -> bool:
    root = doc[i:j].root
    return root.dep_ in ("nsubj", "nsubjpass") and lemma(root.head).lower() in SPEECH_VERBS


def resolve_role(
    role: Title, at: int, titles: dict[str, list[Title]], spoke: Sequence[tuple[int, str]], seen: Sequence[tuple[int, str]]
) -> str | None:
    """The person a role phrase at char ``at`` stands for, or None when the article does not say."""
    cands = {c for c, ts in titles.items() if any(t.head == role.head for t in ts)}
    if role.mods:
        cands = {c for c in cands if any(role.mods <= t.mods for t in titles[c] if t.head == role.head)}
    if not cands:
        return None
    for pos, who in reversed(spoke):
        if pos < at and who in cands:
            return who
    for pos, who in reversed(seen):
        if pos < at and who in cands:
            return who
    return next(iter(cands)) if len(cands) == 1 else None


def _typed_by_context(
    doc: Any, mentions: list[tuple[int, int, str, str]], people: Collection[str] = (),
) -> list[tuple[int, int, str, str]]:
    """A name the tagger called a person where its own sentence says otherwise: a plural name
    ("as Slavs") is a people (NORP); a name set after a body noun ("newspaper Novaya Gazeta") is
    that body (ORG); a name listed with places and no person ("the Luhansk, Kherson and Donetsk
    regions", two places at least, and not a name of ``people``, the article's known persons) is a
    place (GPE)."""
    label_at = {i: label for a, b, label, _ in mentions for i in range(a, b)}
    out = []
    for a, b, label, c in mentions:
        if label == PERSON:
            root = doc[b - 1]
            before = doc[a - 1] if a > 0 else None
            top = root
            while top.dep_ == "conj" and top.head.i != top.i:
                top = top.head
            listed = [t for t in [top, *top.subtree] if (t is top or t.dep_ == "conj") and not a <= t.i < b]
            kinds = {label_at.get(t.i) for t in listed}
            places = sum(label_at.get(t.i) == "GPE" for t in listed)
            if PERSON in kinds and b - a == 1 and all(
                label_at.get(t.i) != PERSON or t.i - 1 not in label_at and t.i + 1 not in label_at for t in listed
            ):
                kinds.discard(PERSON)  # one-word "persons" in a list with places are places too
            if b - a == 1 and root.tag_ == "NNPS":
                label = "NORP"
            elif before is not None and before.pos_ == "NOUN" and before.lower_ in ORG_HEADS:
                label = "ORG"
            elif places >= 2 and PERSON not in kinds and c not in people:
                label = "GPE"
        out.append((a, b, label, c))
    return out


def find(
    doc: Any, text: str | None = None, paragraphs: Sequence[tuple[int, int]] | None = None, language: str = "en",
) -> Iterator[Mention]:
    """Every entity and resolved role mention of a parsed article, in text order.

    In another language (its pipeline's entities, labels already renamed to ours by the nlp stage)
    the language-neutral rules apply: trimming to the name, one canonical per person (a surname
    joins the article's one full name ending with it), spellings and acronyms joined. The English
    rules (a name's type from its sentence, titles, role mentions such as "the minister") do not.
    """
    text = doc.text if text is None else text
    english = language == "en"
    raw = _raw_mentions(doc, language)
    names = {(a, b): doc[a:b].text for a, b, _ in raw}
    canon = canonical_names(names[(a, b)] for a, b, label in raw if label == PERSON)
    full_by_surname = unique_surnames(c for c in canon.values() if len(c.split()) > 1)
    mentions: list[tuple[int, int, str, str]] = []  # token start, end, label, canonical
    for a, b, label in raw:
        name = names[(a, b)]
        if label == PERSON:
            mentions.append((a, b, label, canon.get(name, name)))
        elif label in _RELABEL_FROM and b - a == 1 and name in full_by_surname:
            mentions.append((a, b, PERSON, full_by_surname[name]))
        else:
            mentions.append((a, b, label, name))
    if english:
        mentions = _typed_by_context(doc, mentions, set(full_by_surname) | set(full_by_surname.values()))
    # one name spelt two ways in the article, an acronym of a name it spells out: one canonical
    for group in (frozenset({PERSON}), _RELABEL_FROM):
        joined = variant_names([c for _, _, label, c in mentions if label in group])
        mentions = [(a, b, label, joined.get(c, c) if label in group else c) for a, b, label, c in mentions]
    covered = {x for a, b, _, _ in mentions for x in range(a, b)}
    for t in doc:  # surnames the tagger missed ("09:35 AM Putin")
        if t.i not in covered and t.text in full_by_surname and t.is_title:
            mentions.append((t.i, t.i + 1, PERSON, full_by_surname[t.text]))
            covered.add(t.i)
    mentions.sort()
    if not english:
        for a, b, label, c in mentions:
            s, e = _char_span(doc, a, b)
            yield Mention(s, e, label, doc[a:b].text, c, tokens=(a, b))
        return
    titles: dict[str, list[Title]] = {}
    mention_titles: dict[tuple[int, int], Title] = {}
    for a, b, label, c in mentions:
        if label == PERSON and (tt := title_of(doc, a, b)) is not None:
            titles.setdefault(c, []).append(tt)
            mention_titles[(a, b)] = tt
    quoted = quotemarks.Covered((q.start, q.end) for q in quotemarks.find(text, paragraphs))
    roles = {(a, b): role for a, b, role in role_phrases(doc, covered)}
    # names and roles in text order: a role resolves to who was named (or spoke) before it
    events = sorted([(a, b, label, c, False) for a, b, label, c in mentions] + [(a, b, "", "", True) for a, b in roles])
    spoke: list[tuple[int, str]] = []
    seen: list[tuple[int, str]] = []
    for a, b, label, c, is_role in events:
        s, e = _char_span(doc, a, b)
        if is_role:
            if s in quoted:
                continue  # a role inside someone's words may mean anyone; do not guess
            who = resolve_role(roles[(a, b)], s, titles, spoke, seen)
            if who is None:
                continue
            if _speaks(doc, a, b):
                spoke.append((s, who))
            seen.append((s, who))
            yield Mention(s, e, PERSON, doc[a:b].text, who, role=True, title=roles[(a, b)].text, tokens=(a, b))
            continue
        if label == PERSON:
            if _speaks(doc, a, b):
                spoke.append((s, c))
            seen.append((s, c))
        tt = mention_titles.get((a, b))
        yield Mention(s, e, label, doc[a:b].text, c, title=tt.text if tt else None, tokens=(a, b))


def to_annotation(m: Mention) -> Annotation:
    """The `entity` annotation of a mention."""
    attrs = EntityAttrs(canonical=m.canonical, role=m.role, title=m.title or None)
    return Annotation(EntityAttrs.layer, m.label, m.start, m.end, attrs=attrs.to_dict())


@dataclass
class EntityStage:
    """Writes `entity` annotations; one-word person canonicals join the batch's unique full name."""

    name: str = "extract.entities.v1"

    def __call__(self, articles: list[Article]) -> None:
        found: list[tuple[Article, list[Mention]]] = []
        for article in articles:
            if can_run(article, EntityAttrs.layer):  # records why not on the article
                found.append((article, list(find(article.doc, article.text, article.paragraphs, article.language or "en"))))
        merged = merge_surnames(m.canonical for _, ms in found for m in ms if m.label == PERSON)
        for article, ms in found:
            for m in ms:
                if m.label == PERSON and m.canonical in merged:
                    m = replace(m, canonical=merged[m.canonical])
                article.add(to_annotation(m))


def make_stage(options: Options) -> EntityStage:
    """The entity stage (no model of its own: it reads the parse)."""
    return EntityStage()
