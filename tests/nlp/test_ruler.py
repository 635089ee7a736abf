"""The fast attribute ruler sets exactly what spaCy's attribute ruler sets."""

import pytest
import spacy

from presswatch.nlp.models import DEFAULT_SPACY_MODEL, PARAGRAPH_BREAKS
from presswatch.nlp.ruler import NAME, FastAttributeRuler, install

from ..conftest import DATASETS, EXAMPLES, SEEDS


def _token_attrs(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS.glob("*")) if p.is_file()]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.rglob("*.txt"))]
    ptc = DATASETS / "ptc-semeval2020-task11-train/shared-task/datasets/train-articles"
    texts += [p.read_text(encoding="utf-8") for p in sorted(ptc.glob("*.txt"))[:25]]
    return [t for t in texts if t.strip()]


def test_ruler_model_pipeline_sets_every_token_attribute_as_spacy_does(nlp):
    assert NAME in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    reference = spacy.load(DEFAULT_SPACY_MODEL, exclude=["lemmatizer"])
    reference.add_pipe(PARAGRAPH_BREAKS, before="parser")  # as load_spacy does (registered by it)
    texts = _texts()
    assert len(texts) >= 30
    tokens = 0
    for text in texts:
        ours, theirs = _token_attrs(nlp(text)), _token_attrs(reference(text))
        assert ours == theirs
        tokens += len(ours)
    assert tokens > 20_000


def _custom_pipeline(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp


CUSTOM = [
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'?$"}}]], "attrs": {"LEMMA": "nothing", "POS": "PRON"}},
    {"patterns": [[{"ORTH": {"IN": ["Kyiv", "Kiev"]}}]], "attrs": {"POS": "PROPN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}, "ORTH": {"REGEX": "^[A-Z]"}}]], "attrs": {"MORPH": "Case=Cap"}},
    {"patterns": [[{"LOWER": "kiev"}]], "attrs": {"MORPH": "Spelling=Old"}},  # a later rule wins
]


def test_ruler_custom_rules_multi_token_regex_and_order_match_spacy():
    text = "Kiev? We gon na see nothin' in Kyiv.\n\nNuthin The end, a Kiev gon"
    reference = _custom_pipeline(CUSTOM)
    fast = _custom_pipeline(CUSTOM)
    assert install(fast) and fast.pipe_names == [NAME]
    ours, theirs = _token_attrs(fast(text)), _token_attrs(reference(text))
    assert ours == theirs
    assert {t[1] for t in ours} >= {"PROPN", "PRON", "SPACE"}  # the rules did fire


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "very", "OP": "+"}],
    [{"LENGTH": {">=": 3}}],
    [{"LEMMA": "be"}],
])
def test_ruler_rule_it_cannot_reproduce_leaves_spacy_ruler_in_place(pattern):
    nlp = _custom_pipeline([{"patterns": [pattern], "attrs": {"POS": "ADV"}}])
    assert install(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]
    with pytest.raises(ValueError):
        FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


def test_ruler_empty_doc_passes_through(nlp):
    doc = nlp.make_doc("")
    assert nlp.get_pipe(NAME)(doc) is doc and len(doc) == 0
