"""spaCy's attribute ruler with the same result at a fraction of the cost.

In en_core_web_sm the ``attribute_ruler`` pipe maps every token's fine tag to its coarse POS and
morphology (56 one-token TAG rules) and fixes a hundred-odd exceptions ("were" -> lemma "be").
It runs all 179 rules through spaCy's Matcher at every token: 1.99 s per 100 PTC articles,
more than the parser. Here the same rules run in two steps:

1. the TAG-only rules, folded per tag in rule order, set POS and MORPH of every token at once
   through ``Doc.from_array``;
2. every other rule is indexed by a value it requires (a LOWER/ORTH, TAG or DEP value, or
   IS_SPACE); only the tokens carrying such a value are checked, and a token any of them
   matches gets all its matching rules (TAG-only ones included) applied again in rule order with
   spaCy's own ``set_token_attrs``, which is the order and code the ruler uses.

Rules are read from the model's own ruler, so the result is the ruler's: tests/nlp/test_ruler.py
compares every token attribute on PTC articles. A rule outside what is understood here (another
attribute, an operator, a predicate like ``>=``) raises :class:`Unsupported`, and
:func:`install` then leaves spaCy's ruler in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

NAME = "presswatch_attribute_ruler"

#: token attributes a rule may test: the column of Doc.to_array each is read from
_COLUMNS = {"LOWER": 0, "ORTH": 1, "TEXT": 1, "TAG": 2, "DEP": 3, "IS_SPACE": 4}
_ARRAY_ATTRS = ("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE")
#: attributes the values of which can index a rule, in order of preference (rarest values first)
_ANCHORS = ("LOWER", "ORTH", "TEXT", "TAG", "DEP", "IS_SPACE")
#: what the tag step (1) may set
_BULK_ATTRS = {"POS", "MORPH"}


class Unsupported(ValueError):
    """A ruler rule this module does not reproduce exactly."""


class _Test:
    """One attribute test of a token pattern, on the hash (or flag) Doc.to_array gives for it."""

    def __init__(self, attr: str, kind: str, value: Any, strings: Any) -> None:
        self.attr, self.kind, self.col = attr, kind, _COLUMNS[attr]

        def key(v: Any) -> int:
            return int(v) if isinstance(v, bool) else int(strings.add(v))

        if kind == "eq":
            self.value: Any = key(value)
        elif kind in ("in", "not_in"):
            self.value = frozenset(key(v) for v in value)
        else:  # regex, searched in the string (as spaCy's Matcher does), memoised per hash
            self.value = re.compile(value)
            self.strings = strings
            self.memo: dict[int, bool] = {}

    def __call__(self, got: int) -> bool:
        kind = self.kind
        if kind == "eq":
            return got == self.value
        if kind == "in":
            return got in self.value
        if kind == "not_in":
            return got not in self.value
        hit = self.memo.get(got)
        if hit is None:
            hit = self.memo[got] = self.value.search(self.strings[got]) is not None
        return hit

    def anchor_values(self) -> tuple[int, ...]:
        if self.kind == "eq":
            return (self.value,)
        if self.kind == "in":
            return tuple(self.value)
        return ()


def _compile_token(spec: dict[str, Any], strings: Any) -> tuple[_Test, ...]:
    tests = []
    for key, value in spec.items():
        attr = key.upper()
        if attr not in _COLUMNS:
            raise Unsupported(f"attribute {key!r}")
        if isinstance(value, (str, bool)):
            if (attr == "IS_SPACE") != isinstance(value, bool):
                raise Unsupported(f"{key}: {value!r}")
            tests.append(_Test(attr, "eq", value, strings))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and attr != "IS_SPACE":
                tests.append(_Test(attr, op.lower(), arg, strings))
            elif op == "REGEX" and isinstance(arg, str) and attr != "IS_SPACE":
                tests.append(_Test(attr, "regex", arg, strings))
            else:
                raise Unsupported(f"{key}: {value!r}")
        else:
            raise Unsupported(f"{key}: {value!r}")
    if not tests:
        raise Unsupported("an empty token pattern matches any token")
    return tuple(tests)


@dataclass(frozen=True)
class _Pattern:
    rule: int
    tokens: tuple[tuple[_Test, ...], ...]
    target: int  # index of the token the rule's attributes go to, within the match

    def matches_at(self, rows: list[list[int]], start: int) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        for k, tests in enumerate(self.tokens):
            row = rows[start + k]
            for test in tests:
                if not test(row[test.col]):
                    return False
        return True


class FastAttributeRuler:
    """A pipeline component equal in effect to the attribute ruler it was built from."""

    def __init__(self, ruler: Any) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set_token_attrs = set_token_attrs
        self.vocab = ruler.vocab
        strings = ruler.vocab.strings
        self.rule_attrs = list(ruler.attrs)  # normalised {attr id: value}, as the ruler applies them
        by_tag: dict[int, list[int]] = {}  # tag hash -> TAG-only rules in rule order
        self.index: dict[tuple[int, int], list[_Pattern]] = {}  # (column, value) -> patterns
        self.always: list[_Pattern] = []  # nothing to index them by: tried at every token
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if any("OP" in spec or "op" in spec for spec in pattern):
                    raise Unsupported(f"operator in rule {rule}")
                tokens = tuple(_compile_token(spec, strings) for spec in pattern)
                size = len(tokens)
                index = entry["index"]
                if not -size <= index < size:
                    raise Unsupported(f"rule {rule}: index {index} outside its {size}-token pattern")
                first = tokens[0]
                only_tag = size == 1 and len(first) == 1 and first[0].attr == "TAG" and first[0].kind in ("eq", "in")
                if only_tag and set(entry["attrs"]) <= _BULK_ATTRS:
                    for tag in first[0].anchor_values():
                        by_tag.setdefault(tag, []).append(rule)
                    continue
                self._index(_Pattern(rule, tokens, index % size))
        self.tag_rules = {tag: sorted(set(rules)) for tag, rules in by_tag.items()}
        self.anchors = {col: np.array(sorted({v for c, v in self.index if c == col}), dtype=np.uint64)
                        for col in sorted({c for c, _ in self.index})}
        self._tables: tuple[dict[int, int], dict[int, int]] | None = None

    def _index(self, pattern: _Pattern) -> None:
        for attr in _ANCHORS:
            test = next((t for t in pattern.tokens[0] if t.attr == attr and t.anchor_values()), None)
            if test is not None and not (attr == "IS_SPACE" and test.value == 0):
                for value in test.anchor_values():
                    self.index.setdefault((test.col, value), []).append(pattern)
                return
        self.always.append(pattern)  # a regular expression or NOT_IN only

    # -- the tag step ---------------------------------------------------------------------
    def tables(self) -> tuple[dict[int, int], dict[int, int]]:
        """tag hash -> POS id and tag hash -> MORPH key, after the TAG-only rules in rule order."""
        if self._tables is None:
            from spacy.attrs import MORPH, POS

            pos_of: dict[int, int] = {}
            morph_of: dict[int, int] = {}
            for tag, rules in self.tag_rules.items():
                for rule in rules:
                    attrs = self.rule_attrs[rule]
                    if POS in attrs:
                        pos_of[tag] = int(attrs[POS])
                    if MORPH in attrs:
                        morph_of[tag] = int(attrs[MORPH])  # normalised: already in the morphology table
            self._tables = (pos_of, morph_of)
        return self._tables

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import IDS, MORPH, POS, TAG

        if not len(doc):
            return doc
        pos_of, morph_of = self.tables()
        arr = doc.to_array([TAG, POS, MORPH])
        tags = arr[:, 0].tolist()
        arr[:, 1] = [pos_of.get(t, p) for t, p in zip(tags, arr[:, 1].tolist())]
        arr[:, 2] = [morph_of.get(t, m) for t, m in zip(tags, arr[:, 2].tolist())]
        # matched on the tokens as they came, before any rule sets anything (as the Matcher does)
        found = self.exceptions(doc.to_array([IDS[a] for a in _ARRAY_ATTRS]))
        doc.from_array([POS, MORPH], np.ascontiguousarray(arr[:, 1:]))
        for target, rules in found.items():
            for rule in sorted(rules + self.tag_rules.get(tags[target], [])):
                self._set_token_attrs(doc[target], self.rule_attrs[rule])
        return doc

    def exceptions(self, cols: np.ndarray) -> dict[int, list[int]]:
        """Token index -> the rules (other than TAG-only ones) matching there."""
        candidates = np.zeros(len(cols), dtype=bool)
        for col, values in self.anchors.items():
            candidates |= np.isin(cols[:, col], values)
        unindexed = []  # per pattern tried everywhere: the tokens its first test passes
        for pattern in self.always:
            test = pattern.tokens[0][0]
            values, inverse = np.unique(cols[:, test.col], return_inverse=True)
            passes = np.array([test(v) for v in values.tolist()], dtype=bool)[inverse.reshape(-1)]
            unindexed.append((pattern, passes))
            candidates |= passes
        rows = cols.tolist()
        index = self.index
        found: dict[int, list[int]] = {}
        for i in np.flatnonzero(candidates).tolist():
            row = rows[i]
            patterns = [pattern for pattern, passes in unindexed if passes[i]]
            for col in self.anchors:
                patterns.extend(index.get((col, row[col]), ()))
            for pattern in patterns:
                if pattern.matches_at(rows, i):
                    found.setdefault(i + pattern.target, []).append(pattern.rule)
        return found


def install(nlp: Any) -> bool:
    """Run the model's attribute ruler as a FastAttributeRuler (spaCy's stays, disabled); False
    (nothing changed) when the ruler has a rule this module does not reproduce."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        FastAttributeRuler(nlp.get_pipe("attribute_ruler"))
    except Unsupported:
        return False
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_factory)
    nlp.add_pipe(NAME, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return True


def _factory(nlp: Any, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))
