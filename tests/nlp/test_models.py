"""Loading spaCy: thinc is kept from importing torch when the pipeline has no torch layers."""

from __future__ import annotations

import json
import subprocess
import sys

from presswatch.nlp.models import DEFAULT_SPACY_MODEL, model_needs_torch


def test_models_spacy_loads_without_importing_torch_and_torch_still_imports_later():
    code = (
        "import sys, json\n"
        "from presswatch.nlp.models import load_spacy\n"
        "nlp = load_spacy()\n"
        "doc = nlp('Vladimir Putin announced a partial mobilisation on Wednesday.')\n"
        "before = 'torch' in sys.modules\n"
        "import torch\n"
        "print(json.dumps({'torch_after_spacy': before, 'ents': [e.text for e in doc.ents],\n"
        "                  'torch_works': float(torch.ones(2).sum())}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["torch_after_spacy"] is False
    assert "Vladimir Putin" in res["ents"]
    assert res["torch_works"] == 2.0  # hidden from thinc's import only, not from the process


def test_models_model_needs_torch_reads_the_pipeline_config(tmp_path):
    assert model_needs_torch(DEFAULT_SPACY_MODEL) is False
    trf = tmp_path / "trf" / "trf-1.0"
    trf.mkdir(parents=True)
    (trf / "config.cfg").write_text('[components.transformer.model]\n@architectures = "spacy-transformers.TransformerModel.v3"\n')
    assert model_needs_torch(str(tmp_path / "trf")) is True
    cnn = tmp_path / "cnn"
    cnn.mkdir()
    (cnn / "config.cfg").write_text('[components.tok2vec.model]\n@architectures = "spacy.Tok2Vec.v2"\n')
    assert model_needs_torch(str(cnn)) is False
    # unknown pipelines leave thinc as it is
    assert model_needs_torch("no_such_spacy_pipeline") is True
    assert model_needs_torch(str(tmp_path / "empty")) is True
