"""Digests: phrase codes label stories exactly as phrase strings do."""

import random

from presswatch.corpus.digest import Vocab, document_frequencies, key_phrase_codes, phrase_codes
from presswatch.corpus.stories import key_phrase, phrases

WORDS = ("partial mobilisation reservists Putin Russia protests border queues Georgia Kazakhstan draft office "
         "Shoigu army soldiers killed wounded Moscow Dagestan police detained rally Sochi Lukashenko gas the of "
         "and in to a for with said").split()


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(1, 6)):
        parts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 12))))
    return ", ".join(parts) + "."


def test_digest_key_phrase_codes_equal_key_phrase():
    rng = random.Random(5)
    for _ in range(40):
        leads = [_text(rng) for _ in range(rng.randrange(1, 8))]
        titles = [_text(rng) for _ in leads]
        others = [(_text(rng), _text(rng)) for _ in range(rng.randrange(0, 10))]
        entities = rng.sample(["Vladimir Putin", "Russia", "Sergei Shoigu", "Georgia", "Moscow"], rng.randrange(0, 3))
        everyone = list(zip(leads, titles)) + others
        doc_freq = {}
        for lead, title in everyone:
            for p in phrases(lead) | phrases(title):
                doc_freq[p] = doc_freq.get(p, 0) + 1
        expected = key_phrase([phrases(x) for x in leads], doc_freq, len(everyone), entities, [phrases(t) for t in titles])

        vocab = Vocab()
        codes = [(phrase_codes(lead, vocab), phrase_codes(title, vocab)) for lead, title in everyone]

        class D:  # what document_frequencies reads of a digest
            def __init__(self, lead, title):
                self.lead, self.title_codes = lead, title

        df_codes, df_counts = document_frequencies([D(a, b) for a, b in codes])
        got = key_phrase_codes([c[0] for c in codes[: len(leads)]], [c[1] for c in codes[: len(leads)]], df_codes,
                               df_counts, len(everyone), entities, vocab)
        assert got == expected
