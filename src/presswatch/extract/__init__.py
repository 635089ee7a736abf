"""The extract layer: facts in an article's text.

Three stages, run after nlp on English articles, each a small writer over pure finders:
- ``extract.entities.v1`` (entities.py): `entity` annotations with one canonical name per person
  or body, role mentions ("the minister") tied to their person;
- ``extract.quotes.v1`` (quotes.py, over quotemarks.py and speakers.py): `quote` annotations,
  direct or partial, with the speaker;
- ``extract.claims.v1`` (claims.py, over numbers.py): `claim` annotations, every number stating
  a quantity with value, unit, modifier, predicate and who claims it.

Phrase lists and other heuristics live in resources.py.
"""
