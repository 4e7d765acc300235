"""Scaled dot-product and multi-head attention with every intermediate kept (Vaswani et al. 2017, "Attention is
all you need", eq. 1 and section 3.2.2), in NumPy for the classroom.

``Attention(Q, K, V) = softmax(QKᵀ / √d_k) V``;
``MultiHead(X) = Concat(head_1, ..., head_h) W^O`` with ``head_i = Attention(X W_i^Q, X W_i^K, X W_i^V)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.errors import InputError

__all__ = ["AttentionHead", "MultiHeadAttention", "multi_head_attention", "row_softmax", "scaled_dot_product"]

MAX_TOKENS = 64
MAX_DIM = 512
MAX_HEADS = 16


def row_softmax(scores: np.ndarray) -> np.ndarray:
    """Softmax of each row (``-inf`` entries get weight 0; a row of only ``-inf`` is not allowed)."""
    shifted = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass(frozen=True, eq=False)
class AttentionHead:
    """One head's quantities for a sentence of T tokens.

    Attributes
    ----------
    W_Q, W_K : ndarray of shape (d_model, d_k)
    W_V : ndarray of shape (d_model, d_v)
    Q, K : ndarray of shape (T, d_k)
        ``Q = X W_Q``, ``K = X W_K``.
    V : ndarray of shape (T, d_v)
    raw : ndarray of shape (T, T)
        ``QKᵀ``.
    scores : ndarray of shape (T, T)
        ``QKᵀ / √d_k`` (``-inf`` where a mask forbids).
    weights : ndarray of shape (T, T)
        ``softmax`` of each row of ``scores``; rows sum to 1.
    output : ndarray of shape (T, d_v)
        ``weights V``.
    """

    W_Q: np.ndarray
    W_K: np.ndarray
    W_V: np.ndarray
    Q: np.ndarray
    K: np.ndarray
    V: np.ndarray
    raw: np.ndarray
    scores: np.ndarray
    weights: np.ndarray
    output: np.ndarray


def scaled_dot_product(
    X: np.ndarray, W_Q: np.ndarray, W_K: np.ndarray, W_V: np.ndarray, mask: np.ndarray | None = None
) -> AttentionHead:
    """One attention head over the rows of ``X``.

    Parameters
    ----------
    X : ndarray of shape (T, d_model)
        Token embeddings (one row per token).
    W_Q, W_K : ndarray of shape (d_model, d_k)
    W_V : ndarray of shape (d_model, d_v)
    mask : ndarray of bool, shape (T, T), optional
        True where query i may attend to key j (e.g. :func:`models.transformer.causal.causal_mask`).
    """
    Q, K, V = X @ W_Q, X @ W_K, X @ W_V
    raw = Q @ K.T
    scores = raw / np.sqrt(W_Q.shape[1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = row_softmax(scores)
    return AttentionHead(W_Q, W_K, W_V, Q, K, V, raw, scores, weights, weights @ V)


@dataclass(frozen=True, eq=False)
class MultiHeadAttention:
    """``h`` heads side by side and their combination.

    Attributes
    ----------
    heads : tuple of AttentionHead
    concat : ndarray of shape (T, h·d_v)
        ``Concat(head_1, ..., head_h)``.
    W_O : ndarray of shape (h·d_v, d_model)
    output : ndarray of shape (T, d_model)
        ``concat W_O``.
    """

    heads: tuple[AttentionHead, ...]
    concat: np.ndarray
    W_O: np.ndarray
    output: np.ndarray


def seeded_projections(
    d_model: int, d_k: int, n_heads: int, seed: int = 0
) -> tuple[list[tuple[np.ndarray, np.ndarray, np.ndarray]], np.ndarray]:
    """Seeded ``W_Q, W_K, W_V`` per head (d_v = d_k) and ``W_O``, drawn N(0, 1/d_model) (Glorot-like scale).

    Returns
    -------
    per_head : list of (W_Q, W_K, W_V), each of shape (d_model, d_k)
    W_O : ndarray of shape (n_heads·d_k, d_model)
    """
    _check(d_model=d_model, d_k=d_k, heads=n_heads)
    rng = np.random.default_rng(seed)
    scale = 1.0 / np.sqrt(d_model)
    per_head = [tuple(rng.normal(0.0, scale, (d_model, d_k)) for _ in range(3)) for _ in range(n_heads)]
    W_O = rng.normal(0.0, 1.0 / np.sqrt(n_heads * d_k), (n_heads * d_k, d_model))
    return per_head, W_O  # type: ignore[return-value]


def multi_head_attention(
    X: np.ndarray, d_k: int, n_heads: int, seed: int = 0, mask: np.ndarray | None = None
) -> MultiHeadAttention:
    """``MultiHead(X)`` with seeded projections (:func:`seeded_projections`).

    Parameters
    ----------
    X : ndarray of shape (T, d_model)
    d_k : int
        Key (and value) size per head.
    n_heads : int
    seed : int
    mask : ndarray of bool, shape (T, T), optional
    """
    T, d_model = X.shape
    if not 1 <= T <= MAX_TOKENS:
        raise InputError("bad_option", option="tokens", value=T, why=f"use 1 to {MAX_TOKENS} tokens")
    per_head, W_O = seeded_projections(d_model, d_k, n_heads, seed)
    heads = tuple(scaled_dot_product(X, *w, mask=mask) for w in per_head)
    concat = np.concatenate([h.output for h in heads], axis=1)
    return MultiHeadAttention(heads, concat, W_O, concat @ W_O)


def _check(**values: int) -> None:
    limits = {"d_model": MAX_DIM, "d_k": MAX_DIM, "heads": MAX_HEADS}
    for name, value in values.items():
        ok = isinstance(value, int | np.integer) and not isinstance(value, bool) and 1 <= value <= limits[name]
        if not ok:
            raise InputError("bad_option", option=name, value=value, why=f"use 1 to {limits[name]}")
