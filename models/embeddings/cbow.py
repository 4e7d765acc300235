"""The CBOW forward pass with a full softmax, every intermediate kept (the lecture's CBOW slide; Mikolov et al.
2013, "Efficient estimation of word representations in vector space").

Notation as in the lecture: ``W ∈ R^{V×N}`` (input vectors, one row per word), ``W' ∈ R^{N×V}`` with
``U = W'ᵀ`` (output vectors ``u_j`` as rows), window ``m``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.errors import InputError

__all__ = ["CbowForward", "cbow_forward"]


@dataclass(frozen=True, eq=False)
class CbowForward:
    """Every quantity of one CBOW forward pass.

    Attributes
    ----------
    context : tuple of int
        Word ids of the context words ``x^{c-m}, ..., x^{c+m}`` (the centre left out).
    centre : int
        The centre word's id ``c``.
    one_hots : ndarray of shape (C, V)
        The context words' one-hot vectors.
    v : ndarray of shape (C, N)
        ``v = W x`` for each context word (the rows of ``W``).
    v_hat : ndarray of shape (N,)
        ``v̂ = Σ v / C`` with C the number of context words (``2m`` inside the sentence).
    z : ndarray of shape (V,)
        ``z = U v̂``.
    y_hat : ndarray of shape (V,)
        ``ŷ = softmax(z)``.
    loss : float
        ``H(ŷ, y) = −log ŷ_c = −u_cᵀ v̂ + log Σ_j exp(u_jᵀ v̂)``.
    log_sum_exp : float
        ``log Σ_j exp(u_jᵀ v̂)``.
    """

    context: tuple[int, ...]
    centre: int
    one_hots: np.ndarray
    v: np.ndarray
    v_hat: np.ndarray
    z: np.ndarray
    y_hat: np.ndarray
    loss: float
    log_sum_exp: float


def cbow_forward(W: np.ndarray, U: np.ndarray, context: Sequence[int], centre: int) -> CbowForward:
    """One CBOW forward pass predicting ``centre`` from ``context``.

    Parameters
    ----------
    W : ndarray of shape (V, N)
        Input vectors (rows).
    U : ndarray of shape (V, N)
        Output vectors ``u_j`` (rows), i.e. ``W'ᵀ``.
    context : sequence of int
        Context word ids (at least one).
    centre : int
        The word to predict.
    """
    V = W.shape[0]
    if not context:
        raise InputError("bad_option", option="context", value=list(context), why="need at least one context word")
    ids = np.asarray(context, dtype=np.int64)
    one_hots = np.zeros((len(ids), V), dtype=np.int64)
    one_hots[np.arange(len(ids)), ids] = 1
    v = one_hots @ W
    v_hat = v.sum(axis=0) / len(ids)
    z = U @ v_hat
    shift = z.max()
    log_sum_exp = float(shift + np.log(np.exp(z - shift).sum()))
    y_hat = np.exp(z - log_sum_exp)
    loss = float(-z[centre] + log_sum_exp)
    return CbowForward(tuple(int(i) for i in ids), int(centre), one_hots, v, v_hat, z, y_hat, loss, log_sum_exp)
