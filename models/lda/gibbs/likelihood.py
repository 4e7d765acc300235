"""Joint log-likelihood log p(w, z | α, β) of a collapsed Gibbs state.

Griffiths & Steyvers (2004), eq. 2-3::

    log p(w | z) = K [lnΓ(Vβ) − V lnΓ(β)] + Σ_k [Σ_w lnΓ(n_kw + β) − lnΓ(n_k + Vβ)]
    log p(z)     = D [lnΓ(Kα) − K lnΓ(α)] + Σ_d [Σ_k lnΓ(n_dk + α) − lnΓ(n_d + Kα)]

``joint_log_likelihood`` is the direct NumPy/SciPy form; ``joint_log_likelihood_counts`` is the same sum as a numba
kernel used by the engine: a zero count contributes lnΓ(β) − lnΓ(β) = 0, and the counts below ``SMALL_COUNTS`` (almost
all of them) look up lnΓ(c + β) − lnΓ(β) in a table made once per call (measured on 1 M tokens after 50 sweeps:
8.1 → 1.6 ms at K = 50, 12.4 → 3.3 ms at K = 100, unchanged at K = 500, where reading the tables is the cost).
"""

from __future__ import annotations

import math

import numba
import numpy as np
from scipy.special import gammaln

__all__ = [
    "SMALL_COUNTS",
    "joint_log_likelihood",
    "joint_log_likelihood_counts",
    "joint_log_likelihood_prior",
    "log_likelihood_per_token",
]


SMALL_COUNTS = 1024


def joint_log_likelihood(nzw: np.ndarray, ndz: np.ndarray, alpha: float, beta: float) -> float:
    """log p(w, z | α, β) from the count tables.

    Parameters
    ----------
    nzw : ndarray of shape (n_topics, n_terms)
    ndz : ndarray of shape (n_docs, n_topics)
    alpha, beta : float
        Symmetric Dirichlet priors.
    """
    k, v = nzw.shape
    d = ndz.shape[0]
    nz = nzw.sum(axis=1)
    nd = ndz.sum(axis=1)
    log_p_w_given_z = k * (gammaln(v * beta) - v * gammaln(beta)) + float(
        (gammaln(nzw + beta).sum(axis=1) - gammaln(nz + v * beta)).sum()
    )
    log_p_z = d * (gammaln(k * alpha) - k * gammaln(alpha)) + float(
        (gammaln(ndz + alpha).sum(axis=1) - gammaln(nd + k * alpha)).sum()
    )
    return float(log_p_w_given_z + log_p_z)


def log_likelihood_per_token(nzw: np.ndarray, ndz: np.ndarray, alpha: float, beta: float) -> float:
    """``joint_log_likelihood`` divided by the number of tokens (comparable across corpus sizes)."""
    n = int(nzw.sum())
    return joint_log_likelihood(nzw, ndz, alpha, beta) / max(n, 1)


@numba.njit(cache=True, nogil=True)
def _log_gamma_ratios(prior: float) -> np.ndarray:
    """``table[c] = lnΓ(c + prior) − lnΓ(prior)`` for the counts c below ``SMALL_COUNTS`` (``table[0] = 0``)."""
    table = np.empty(SMALL_COUNTS)
    base = math.lgamma(prior)
    for c in range(SMALL_COUNTS):
        table[c] = math.lgamma(c + prior) - base
    return table


@numba.njit(cache=True, nogil=True, inline="always")
def _sum_log_gamma_ratios(row: np.ndarray, table: np.ndarray, prior: float, base: float) -> float:
    """Σ_c [lnΓ(c + prior) − lnΓ(prior)] over the counts of ``row`` (``base`` = lnΓ(prior))."""
    total = 0.0
    for c in row:
        if c < SMALL_COUNTS:
            total += table[c]
        else:
            total += math.lgamma(c + prior) - base
    return total


@numba.njit(cache=True, nogil=True)
def joint_log_likelihood_counts(nwz: np.ndarray, ndz: np.ndarray, nz: np.ndarray, alpha: float, beta: float) -> float:
    """Numba form of ``joint_log_likelihood`` taking the word-major table ``nwz`` (n_terms x n_topics)."""
    v, k = nwz.shape
    d = ndz.shape[0]
    lg_beta = math.lgamma(beta)
    lg_alpha = math.lgamma(alpha)
    by_beta = _log_gamma_ratios(beta)
    by_alpha = _log_gamma_ratios(alpha)
    total = k * math.lgamma(v * beta) + d * math.lgamma(k * alpha)
    for w in range(v):
        total += _sum_log_gamma_ratios(nwz[w], by_beta, beta, lg_beta)
    for z in range(k):
        total -= math.lgamma(nz[z] + v * beta)
    for i in range(d):
        total += _sum_log_gamma_ratios(ndz[i], by_alpha, alpha, lg_alpha)
        total -= math.lgamma(ndz[i].sum() + k * alpha)
    return total


@numba.njit(cache=True, nogil=True)
def joint_log_likelihood_prior(
    nwz: np.ndarray,
    ndz: np.ndarray,
    nz: np.ndarray,
    alpha: float,
    prior_row: np.ndarray,
    prior: np.ndarray,
    prior_total: np.ndarray,
) -> float:
    """``joint_log_likelihood_counts`` with an asymmetric prior β_kw = ``prior[prior_row[w], k]`` (seeded topics).

    log p(w | z) = Σ_k [lnΓ(Σ_w β_kw) − Σ_w lnΓ(β_kw)] + Σ_k [Σ_w lnΓ(n_kw + β_kw) − lnΓ(n_k + Σ_w β_kw)]; the
    ``Σ_w lnΓ(β_kw)`` term cancels against the zero counts, so only non-zero counts are visited.
    """
    v, k = nwz.shape
    d = ndz.shape[0]
    lg_alpha = math.lgamma(alpha)
    total = d * math.lgamma(k * alpha)
    for w in range(v):
        b = prior[prior_row[w]]
        for z in range(k):
            c = nwz[w, z]
            if c > 0:
                total += math.lgamma(c + b[z]) - math.lgamma(b[z])
    for z in range(k):
        total += math.lgamma(prior_total[z]) - math.lgamma(nz[z] + prior_total[z])
    for i in range(d):
        n_d = 0
        for z in range(k):
            c = ndz[i, z]
            n_d += c
            if c > 0:
                total += math.lgamma(c + alpha) - lg_alpha
        total -= math.lgamma(n_d + k * alpha)
    return total
