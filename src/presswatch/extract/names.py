"""Name forms: trimming a named-entity span to the name itself and choosing one canonical form.

Pure string and token rules, no world knowledge: "Mr Putin", "Putin's" and "President Vladimir
Putin" are trimmed to "Putin" and "Vladimir Putin"; a surname joins the one full name in scope
that ends with it; the canonical form is the longest full name. Within one article, two spellings
of one name (a transliteration: "Lukashenka"/"Lukashenko", "Lugansk"/"Luhansk") and an acronym of
a name the article spells out ("EU" for "European Union") join one form (`variant_names`); across
the corpus, the spelling variants of a name join its most frequent spelling (`spelling_joins`, used by
the canonical entity table).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import Any, Iterable, Mapping, Sequence

from .resources import HONORIFICS, NAME_TITLES

#: Tokens trimmed from either end of any entity span.
_EDGE_JUNK = frozenset({"'s", "’s", "'", "’", "s", '"', "“", "”", "‘", "(", ")", "[", "]", "-", "—", "–", ",", ".", ":", ";"})
#: The same in any language: quote marks of other languages too.
_EDGE_MARKS = frozenset({"'", "’", '"', "“", "”", "‘", "«", "»", "„", "‚", "‹", "›", "(", ")", "[", "]", "-", "—", "–", ",", ".", ":", ";"})
_ARTICLES = frozenset({"the", "a", "an"})

#: Language -> (articles, honorifics and titles) dropped from the front of a name in that language.
#: English's are the resources' (HONORIFICS, NAME_TITLES); a language missing here trims only marks.
_LEADING: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "fr": (
        frozenset({"le", "la", "les", "l'", "l’", "d'", "d’", "du", "des"}),
        frozenset({"m.", "mm.", "mme", "mmes", "mlle", "me", "dr", "pr", "mgr", "président", "présidente",
                   "ministre", "général", "générale", "premier", "première", "chancelier", "chancelière"}),
    ),
}


def trim_tokens(words: Sequence[str], label: str, language: str = "en") -> tuple[int, int]:
    """Index range of the name inside an entity's tokens: no article, title, possessive or shouting.

    Articles, honorifics and titles are the language's ("the", "Mr", "President" are English's);
    quote marks and brackets are trimmed in any language. Outside English a capitalised article
    before a person's name is part of it ("Le Drian", "La Fontaine") unless elided ("L’"); before
    any other name it is trimmed, as "the" is in English ("La France" is France).
    """
    if language != "en":
        articles, titles = _LEADING.get(language, (frozenset(), frozenset()))

        def article(w: str) -> bool:
            return w in articles or w.lower() in articles and (label != "PERSON" or w.endswith(("'", "’")))

        return _trim(words, label, article, _EDGE_MARKS, lambda w: w.lower() in titles)
    return _trim(words, label, lambda w: w.lower() in _ARTICLES, _EDGE_JUNK,
                 lambda w: w.lower() in HONORIFICS or w.lower() in NAME_TITLES)


def _trim(words: Sequence[str], label: str, article: Any, junk: frozenset[str], title: Any) -> tuple[int, int]:
    i, j = 0, len(words)
    while i < j and (article(words[i]) or words[i] in junk):
        i += 1
    while j > i and (words[j - 1] in junk or words[j - 1].lower() in {"'s", "’s"}):
        j -= 1
    if label == "PERSON":
        while j - i > 1 and title(words[i]):
            i += 1
        # "Sergei Lavrov STORMS": a headline word in capitals glued to a name
        while j - i > 1 and words[j - 1].isupper() and len(words[j - 1]) > 2 and not words[i].isupper():
            j -= 1
    return i, j


def is_full_name(name: str) -> bool:
    """Two or more capitalised words: a name that can be canonical for its surname."""
    parts = name.split()
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts)


def surname(name: str) -> str:
    """The last word of a name."""
    return name.split()[-1] if name.split() else name


def _same_person(a: str, b: str) -> bool:
    """Full names with one surname and similar first names ("Sergei"/"Sergey Shoigu")."""
    pa, pb = a.split(), b.split()
    if pa[-1] != pb[-1] or pa[0][:1] != pb[0][:1]:
        return False
    if pa[0] == pb[0] or set(pa) <= set(pb) or set(pb) <= set(pa):
        return True
    return SequenceMatcher(None, pa[0].lower(), pb[0].lower()).ratio() >= 0.75


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map each person name form to its canonical form (the longest full name of its person)."""
    counts = Counter(n for n in names if n)
    full = sorted((n for n in counts if is_full_name(n)), key=lambda n: (-len(n.split()), -counts[n], n))
    groups: list[list[str]] = []
    for name in full:
        for group in groups:
            if _same_person(group[0], name):
                group.append(name)
                break
        else:
            groups.append([name])
    out: dict[str, str] = {}
    for group in groups:
        best = max(group, key=lambda n: (len(n.split()), counts[n], -full.index(n)))
        for name in group:
            out[name] = best
    by_surname: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for name, canon in out.items():
        by_surname.setdefault(surname(name), set()).add(canon)
        by_first.setdefault(name.split()[0], set()).add(canon)
    for name in counts:
        if name in out:
            continue
        owners = by_surname.get(surname(name), set()) if len(name.split()) == 1 else set()
        if not owners and len(name.split()) == 1:
            owners = by_first.get(name, set())  # "Enrica" ... "Enrica Rosanna", within one article
        out[name] = next(iter(owners)) if len(owners) == 1 else name
    return out


def unique_surnames(full_names: Iterable[str]) -> dict[str, str]:
    """Surname -> full name, for the surnames only one of the given full names ends with.

    A surname two people share ("Carter Page", "Lisa Page") stands for neither.
    """
    owners: dict[str, set[str]] = {}
    for name in set(full_names):
        owners.setdefault(surname(name), set()).add(name)
    return {last: next(iter(names)) for last, names in owners.items() if len(names) == 1}


def merge_surnames(canonicals: Iterable[str]) -> dict[str, str]:
    """Across articles: a one-word canonical joins the unique full canonical ending with it."""
    names = set(canonicals)
    unique = unique_surnames(n for n in names if is_full_name(n))
    return {name: unique[name] for name in names if len(name.split()) == 1 and name in unique}


#: Shortest word two spellings of which may differ in one letter and still be one name.
VARIANT_LETTERS = 7
#: Words an acronym skips ("UN" for "the United Nations", "NATO" for "North Atlantic Treaty Organization").
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "&"})


def _one_letter_apart(a: str, b: str) -> bool:
    """Two words of one length (at least VARIANT_LETTERS) that differ in one letter, not the first two."""
    if len(a) != len(b) or len(a) < VARIANT_LETTERS or a[:2] != b[:2] or a == b:
        return False
    return sum(x != y for x, y in zip(a.lower(), b.lower())) == 1


def spelling_variants(a: str, b: str) -> bool:
    """The same name spelt two ways: the same words but one, and that one a letter apart."""
    pa, pb = a.split(), b.split()
    if len(pa) != len(pb):
        return False
    diff = [(x, y) for x, y in zip(pa, pb) if x != y]
    return len(diff) == 1 and _one_letter_apart(*diff[0])


def acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` is the initials of ``long`` ("EU", "European Union")."""
    words = [w for w in long.split() if w.lower() not in _ACRONYM_SKIPS]
    return (
        2 <= len(short) <= 6 and short.isupper() and short.isalpha() and len(words) == len(short)
        and all(w[:1].isupper() for w in words) and "".join(w[0] for w in words) == short
    )


def spelling_joins(counts: Mapping[str, int]) -> dict[str, str]:
    """Across a corpus's names (name -> mentions): each spelling variant -> the more frequent spelling
    ("Alexander Lukashenka" -> "Alexander Lukashenko" when the corpus says the latter more often; the
    first in sort order on a tie). Linear in the names: only names that agree on every other word, on
    the differing word's first two letters and on its length are compared."""
    buckets: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for name in counts:
        words = name.split()
        for i, w in enumerate(words):
            if len(w) >= VARIANT_LETTERS:
                buckets[(tuple(words[:i]), tuple(words[i + 1 :]), w[:2], len(w))].append(name)
    out: dict[str, str] = {}
    for members in buckets.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda n: (-counts[n], n))
        for k, keep in enumerate(members):
            if keep in out:
                continue
            for drop in members[k + 1 :]:
                if drop not in out and spelling_variants(keep, drop):
                    out[drop] = keep
    for drop, keep in list(out.items()):  # a kept spelling joined elsewhere: follow it to the end
        seen = {drop}
        while keep in out and keep not in seen:
            seen.add(keep)
            keep = out[keep]
        out[drop] = keep
    return out


def variant_names(names: Sequence[str]) -> dict[str, str]:
    """Within one article's names (in text order, repeats counted): each spelling variant or
    acronym -> the form it joins (the more frequent spelling, the first on a tie; the spelt-out
    name for an acronym). Names that join nothing are left out."""
    counts = Counter(names)
    order = list(dict.fromkeys(names))
    out: dict[str, str] = {}
    for k, a in enumerate(order):
        for b in order[k + 1 :]:
            if a in out or b in out:
                continue
            if spelling_variants(a, b):
                keep, drop = (a, b) if counts[a] >= counts[b] else (b, a)
                out[drop] = keep
    for a in order:
        long = [b for b in order if b not in out and acronym_of(a, b)]
        if a not in out and len(long) == 1:
            out[a] = long[0]
    return out
