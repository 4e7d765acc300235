"""One step of skip-gram or CBOW with negative sampling, with its gradients (Mikolov et al. 2013b,
"Distributed representations of words and phrases and their compositionality", eq. 4).

Loss for an input vector ``v`` (skip-gram: the centre word's ``v_c``; CBOW: ``v̂``, the mean of the context
vectors), the true output word ``o`` and negatives ``k``:

``L = −log σ(u_oᵀ v) − Σ_k log σ(−u_kᵀ v)``

``∂L/∂v = (σ(u_oᵀv) − 1) u_o + Σ_k σ(u_kᵀv) u_k``, ``∂L/∂u_o = (σ(u_oᵀv) − 1) v``, ``∂L/∂u_k = σ(u_kᵀv) v``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["NsStep", "context_mean", "ns_gradients", "sigmoid"]


def sigmoid(x: np.ndarray | float) -> np.ndarray:
    """``σ(x) = 1 / (1 + e^{−x})``, computed without overflow."""
    x = np.asarray(x, dtype=np.float64)
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    out[~pos] = e / (1.0 + e)
    return out


@dataclass(frozen=True, eq=False)
class NsStep:
    """The loss and gradients of one negative-sampling example.

    Attributes
    ----------
    sigma_pos : float
        ``σ(u_oᵀ v)``: how sure the model is that ``o`` is a true context.
    sigma_neg : ndarray of shape (k,)
        ``σ(−u_kᵀ v)`` for each negative: how sure it is that each is not.
    loss : float
    grad_v : ndarray of shape (N,)
    grad_u_o : ndarray of shape (N,)
    grad_u_neg : ndarray of shape (k, N)
        One row per negative draw (a word drawn twice has two rows; their sum is its gradient).
    """

    sigma_pos: float
    sigma_neg: np.ndarray
    loss: float
    grad_v: np.ndarray
    grad_u_o: np.ndarray
    grad_u_neg: np.ndarray


def ns_gradients(v: np.ndarray, u_o: np.ndarray, u_neg: np.ndarray) -> NsStep:
    """Loss and gradients of ``−log σ(u_oᵀv) − Σ_k log σ(−u_kᵀv)``.

    Parameters
    ----------
    v : ndarray of shape (N,)
    u_o : ndarray of shape (N,)
    u_neg : ndarray of shape (k, N)
    """
    v = np.asarray(v, dtype=np.float64)
    u_o = np.asarray(u_o, dtype=np.float64)
    u_neg = np.asarray(u_neg, dtype=np.float64).reshape(-1, v.shape[0])
    s_pos = float(sigmoid(u_o @ v))
    s_k = sigmoid(u_neg @ v)  # σ(u_kᵀ v)
    # -log σ(x) = log(1 + e^{-x}), evaluated stably with logaddexp
    loss = float(np.logaddexp(0.0, -(u_o @ v)) + np.logaddexp(0.0, u_neg @ v).sum())
    grad_v = (s_pos - 1.0) * u_o + s_k @ u_neg
    return NsStep(
        sigma_pos=s_pos,
        sigma_neg=1.0 - s_k,
        loss=loss,
        grad_v=grad_v,
        grad_u_o=(s_pos - 1.0) * v,
        grad_u_neg=s_k[:, None] * v[None, :],
    )


def context_mean(W: np.ndarray, context: Sequence[int]) -> np.ndarray:
    """``v̂``: the mean of the context words' input vectors (CBOW)."""
    return W[np.asarray(context, dtype=np.int64)].mean(axis=0)
