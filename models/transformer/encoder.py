"""The tiny BERT's encoder and masked-LM head, written once for NumPy and for JAX (``xp`` is either module).

Devlin et al. (2018), after Vaswani et al. (2017): token + position + segment embeddings and a LayerNorm; each
layer is multi-head self-attention ``softmax(QKᵀ/√d_k)V`` then a GELU feed-forward network, each wrapped as
``LayerNorm(x + sublayer(x))`` (post-LN, as BERT); the masked-LM head is a dense layer, GELU and LayerNorm, then the
token embeddings transposed (tied weights) plus a bias. The page and the CLI run it in NumPy (no JAX import); the
trainer runs the same function under ``jax.grad``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["BertConfig", "encode", "init_params", "masked_lm_logits", "masked_lm_loss"]

Params = dict[str, Any]  # name → array (NumPy or JAX); layer l's arrays are named "l{l}.wq", ...

LN_EPS = 1e-12  # BERT's LayerNorm epsilon
INIT_STD = 0.02  # BERT's truncated-normal initializer range (here a plain normal)
NEG_INF = -1e9  # added to the scores of padded keys


@dataclass(frozen=True)
class BertConfig:
    """Shapes of a tiny BERT.

    Attributes
    ----------
    n_vocab : int
        Vocabulary size V, special tokens included.
    max_len : int
        Longest sequence T (position embeddings), special tokens included.
    dim : int
        d_model.
    n_layers : int
    n_heads : int
        h; d_k = d_v = dim / h.
    ffn_dim : int
        Inner size of the feed-forward network (BERT: 4 · d_model).
    """

    n_vocab: int
    max_len: int
    dim: int = 64
    n_layers: int = 2
    n_heads: int = 4
    ffn_dim: int = 256

    @property
    def d_k(self) -> int:
        """Size of one head's queries, keys and values."""
        return self.dim // self.n_heads


def init_params(config: BertConfig, seed: int = 0) -> dict[str, np.ndarray]:
    """Weights drawn N(0, 0.02²) (BERT's initializer range), biases 0, LayerNorm gains 1; float32, seeded."""
    rng = np.random.default_rng(seed)
    d, f = config.dim, config.ffn_dim

    def normal(*shape: int) -> np.ndarray:
        return (INIT_STD * rng.standard_normal(shape)).astype(np.float32)

    def zeros(n: int) -> np.ndarray:
        return np.zeros(n, dtype=np.float32)

    def ones(n: int) -> np.ndarray:
        return np.ones(n, dtype=np.float32)

    p: dict[str, np.ndarray] = {
        "token": normal(config.n_vocab, d),
        "position": normal(config.max_len, d),
        "segment": normal(2, d),
        "emb_ln_g": ones(d),
        "emb_ln_b": zeros(d),
    }
    for layer in range(config.n_layers):
        for name, shape in {"wq": (d, d), "wk": (d, d), "wv": (d, d), "wo": (d, d), "w1": (d, f), "w2": (f, d)}.items():
            p[f"l{layer}.{name}"] = normal(*shape)
        for name, n in (("bq", d), ("bk", d), ("bv", d), ("bo", d), ("b1", f), ("b2", d), ("ln1_b", d), ("ln2_b", d)):
            p[f"l{layer}.{name}"] = zeros(n)
        p[f"l{layer}.ln1_g"] = ones(d)
        p[f"l{layer}.ln2_g"] = ones(d)
    p.update(head_w=normal(d, d), head_b=zeros(d), head_ln_g=ones(d), head_ln_b=zeros(d), out_b=zeros(config.n_vocab))
    return p


def gelu(x: Any, xp: Any = np) -> Any:
    """GELU, tanh form (Hendrycks & Gimpel 2016, as in BERT's code): 0.5x(1 + tanh(√(2/π)(x + 0.044715x³)))."""
    return 0.5 * x * (1.0 + xp.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)))


def layer_norm(x: Any, g: Any, b: Any, xp: Any = np) -> Any:
    """Ba et al. (2016): g · (x − mean) / √(var + ε) + b over the last axis."""
    mean = xp.mean(x, axis=-1, keepdims=True)
    var = xp.mean((x - mean) ** 2, axis=-1, keepdims=True)
    return g * (x - mean) / xp.sqrt(var + LN_EPS) + b


def softmax(x: Any, xp: Any = np) -> Any:
    """Row-wise softmax over the last axis (the maximum subtracted first)."""
    e = xp.exp(x - xp.max(x, axis=-1, keepdims=True))
    return e / xp.sum(e, axis=-1, keepdims=True)


def encode(
    params: Params, ids: Any, segments: Any, pad: Any, config: BertConfig, xp: Any = np
) -> tuple[Any, list[Any]]:
    """The encoder's output and every layer's attention weights.

    Parameters
    ----------
    params : dict
        From :func:`init_params` (NumPy arrays, or the same as JAX arrays).
    ids, segments : array of shape (B, T)
        Token ids and segment ids (0 or 1); T ≤ ``config.max_len``.
    pad : array of shape (B, T)
        bool, True at padding: no query attends to it.
    config : BertConfig
    xp : module
        ``numpy`` or ``jax.numpy``.

    Returns
    -------
    hidden : array of shape (B, T, dim)
    weights : list of arrays of shape (B, n_heads, T, T)
        Per layer, softmax(QKᵀ/√d_k) of each head: row i is query token i's attention over the keys.
    """
    n, t = ids.shape
    h, d_k = config.n_heads, config.d_k
    x = params["token"][ids] + params["position"][:t][None, :, :] + params["segment"][segments]
    x = layer_norm(x, params["emb_ln_g"], params["emb_ln_b"], xp)
    key_bias = xp.where(pad, NEG_INF, 0.0)[:, None, None, :]  # (B, 1, 1, T)
    maps = []
    for layer in range(config.n_layers):
        p = {name.split(".", 1)[1]: v for name, v in params.items() if name.startswith(f"l{layer}.")}

        def heads(y: Any) -> Any:
            return y.reshape(n, t, h, d_k).transpose(0, 2, 1, 3)  # (B, h, T, d_k)

        q, k, v = heads(x @ p["wq"] + p["bq"]), heads(x @ p["wk"] + p["bk"]), heads(x @ p["wv"] + p["bv"])
        # Vaswani et al. (2017), eq. 1: Attention(Q, K, V) = softmax(QKᵀ/√d_k) V
        weights = softmax(q @ k.transpose(0, 1, 3, 2) / math.sqrt(d_k) + key_bias, xp)
        context = (weights @ v).transpose(0, 2, 1, 3).reshape(n, t, h * d_k)
        x = layer_norm(x + context @ p["wo"] + p["bo"], p["ln1_g"], p["ln1_b"], xp)
        ffn = gelu(x @ p["w1"] + p["b1"], xp) @ p["w2"] + p["b2"]
        x = layer_norm(x + ffn, p["ln2_g"], p["ln2_b"], xp)
        maps.append(weights)
    return x, maps


def masked_lm_logits(params: Params, hidden: Any, xp: Any = np) -> Any:
    """Scores over the vocabulary: LayerNorm(GELU(h W + b)) Eᵀ + b_out, E the token embeddings (tied).

    ``hidden`` of shape (..., dim) gives logits of shape (..., n_vocab).
    """
    t = gelu(hidden @ params["head_w"] + params["head_b"], xp)
    t = layer_norm(t, params["head_ln_g"], params["head_ln_b"], xp)
    return t @ params["token"].T + params["out_b"]


def masked_lm_loss(params: Params, batch: dict[str, Any], config: BertConfig, xp: Any = np) -> Any:
    """Mean cross-entropy −log p(original token) over the selected positions of a batch.

    ``batch`` holds ``ids``, ``segments``, ``pad`` (B, T); ``positions``, ``targets``, ``weights`` (B, P): the
    selected positions (padded with position 0 and weight 0), their original tokens, 1.0 for a real target.
    """
    hidden, _ = encode(params, batch["ids"], batch["segments"], batch["pad"], config, xp)
    picked = xp.take_along_axis(hidden, batch["positions"][:, :, None], axis=1)  # (B, P, dim)
    logits = masked_lm_logits(params, picked, xp)
    shifted = logits - xp.max(logits, axis=-1, keepdims=True)
    log_probs = shifted - xp.log(xp.sum(xp.exp(shifted), axis=-1, keepdims=True))
    target_log_probs = xp.take_along_axis(log_probs, batch["targets"][:, :, None], axis=-1)[..., 0]
    weights = batch["weights"]
    return -xp.sum(target_log_probs * weights) / xp.maximum(xp.sum(weights), 1.0)
