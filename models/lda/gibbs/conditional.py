"""The full conditional of collapsed Gibbs sampling for LDA, in one place for both samplers.

Griffiths & Steyvers (2004), eq. 5, with the current token removed from every count::

    p(z_i = k | z_-i, w) ∝ (n_dk + α) · (n_kw + β) / (n_k + V·β)

``conditional_factors``/``conditional`` are the NumPy form (the classroom sampler shows every factor);
``word_factor`` and ``conditional_weight`` are the same formula as numba scalar kernels for the engine, which
computes ``(n_dk + α)·c_k`` with the word's factor ``c_k = (n_kw + β) / (n_k + V·β)`` for every topic in one
vectorised loop (:mod:`models.lda.gibbs.sampler`).
"""

from __future__ import annotations

import numba
import numpy as np

__all__ = ["conditional", "conditional_factors", "conditional_weight", "word_factor"]


def conditional_factors(
    n_dk: np.ndarray, n_kw: np.ndarray, n_k: np.ndarray, alpha: float, beta: float, n_terms: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The three per-topic factors of the full conditional.

    Parameters
    ----------
    n_dk, n_kw, n_k : ndarray of shape (n_topics,)
        Counts with the current token removed: its document's topic counts, its word's topic counts, and the
        tokens per topic.
    alpha, beta : float
        Symmetric Dirichlet priors.
    n_terms : int
        Vocabulary size V.

    Returns
    -------
    doc_factor, word_factor, norm_factor : ndarray of shape (n_topics,)
        ``n_dk + α``, ``n_kw + β`` and ``n_k + V·β``.
    """
    return (
        np.asarray(n_dk, dtype=np.float64) + alpha,
        np.asarray(n_kw, dtype=np.float64) + beta,
        np.asarray(n_k, dtype=np.float64) + n_terms * beta,
    )


def conditional(
    n_dk: np.ndarray, n_kw: np.ndarray, n_k: np.ndarray, alpha: float, beta: float, n_terms: int
) -> tuple[np.ndarray, np.ndarray]:
    """Unnormalised weights and probabilities of each topic for one token (arguments as ``conditional_factors``).

    Returns
    -------
    weights, probabilities : ndarray of shape (n_topics,)
    """
    doc_factor, word_fac, norm_factor = conditional_factors(n_dk, n_kw, n_k, alpha, beta, n_terms)
    # Griffiths & Steyvers (2004), eq. 5: p(z=k | rest) ∝ (n_dk + α)(n_kw + β) / (n_k + Vβ)
    weights = doc_factor * word_fac / norm_factor
    return weights, weights / weights.sum()


@numba.njit(cache=True, nogil=True, inline="always")
def word_factor(n_kw: float, inv_norm: float, beta: float) -> float:
    """Scalar ``c_k = (n_kw + β) / (n_k + V·β)``, given ``inv_norm = 1 / (n_k + V·β)`` (the engine keeps it)."""
    return (n_kw + beta) * inv_norm


@numba.njit(cache=True, nogil=True, inline="always")
def conditional_weight(n_dk: float, n_kw: float, n_k: float, alpha: float, beta: float, v_beta: float) -> float:
    """Scalar unnormalised ``(n_dk + α)(n_kw + β) / (n_k + V·β)`` for one topic (``v_beta`` is V·β)."""
    return (n_dk + alpha) * word_factor(n_kw, 1.0 / (n_k + v_beta), beta)
