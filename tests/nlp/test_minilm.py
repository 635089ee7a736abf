"""The run-time MiniLM (plain torch over the packaged weights) computes what sentence-transformers computes."""

import numpy as np
import pytest

from presswatch.nlp.minilm import MiniLMEncoder, load_minilm

TEXTS = [
    "Putin announced a partial mobilisation of 300,000 reservists on Wednesday.",
    "",
    "Очереди на границе с Грузией растянулись на десятки километров.",
    "Flights out of Moscow sold out within hours. " * 60,  # far past the 256-piece cut
    "Sold out.",
    "Shoigu said 300,000 reservists would be called up; critics put the figure at a million.",
]


def test_minilm_matches_sentence_transformers_in_input_order():
    from presswatch.nlp.models import load_sentence_encoder

    lean = MiniLMEncoder().encode(TEXTS, batch_size=2)  # several batches, sorted by length inside
    reference = load_sentence_encoder().encode(TEXTS, batch_size=2, normalize_embeddings=True, show_progress_bar=False)
    assert lean.shape == (len(TEXTS), 384) and lean.dtype == np.float32
    assert np.min(np.sum(lean * reference, axis=1)) > 0.99999
    assert np.allclose(np.linalg.norm(lean, axis=1), 1.0, atol=1e-5)


def test_minilm_similar_texts_are_closer_than_unrelated_ones():
    vecs = load_minilm().encode(TEXTS)
    assert vecs[0] @ vecs[5] > vecs[0] @ vecs[4]


def test_minilm_refuses_a_model_it_cannot_run(tmp_path):
    (tmp_path / "config.json").write_text('{"hidden_act": "relu", "num_attention_heads": 2}')
    with pytest.raises(ValueError, match="not a BERT model"):
        MiniLMEncoder(tmp_path)
