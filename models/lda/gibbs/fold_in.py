"""The numba kernel of Gibbs fold-in: sampling a new document's topics with the topics φ held fixed."""

from __future__ import annotations

import numba
import numpy as np

from models.lda.gibbs.sampler import _uniform

__all__ = ["fold_in_sweeps"]


@numba.njit(cache=True, nogil=True)
def fold_in_sweeps(
    words: np.ndarray,
    z: np.ndarray,
    ndk: np.ndarray,
    phi_wk: np.ndarray,
    alpha: np.ndarray,
    token_topics: np.ndarray,
    burn_in: int,
    samples: int,
    thin: int,
    rng_state: np.ndarray,
) -> np.ndarray:
    """Sample one document's topic assignments with φ fixed; return the averaged θ estimates.

    Each draw is from ``p(z_i = k | z_-i, w) ∝ (n_dk^-i + α_k) φ_kw`` (Heinrich 2009, eq. 84: querying a
    trained model), then after ``burn_in`` sweeps every ``thin``-th sweep's ``θ_k = (n_dk + α_k) / (N + Σα)`` is
    added to the average, ``samples`` times.

    Parameters
    ----------
    words : ndarray of shape (n,)
        The document's vocabulary ids (int64).
    z : ndarray of shape (n,)
        Topics, updated in place (int64).
    ndk : ndarray of shape (n_topics,)
        The document's topic counts for ``z``, updated in place (int64).
    phi_wk : ndarray of shape (n_terms, n_topics)
        φ transposed (C-contiguous, so a word's row is contiguous).
    alpha : ndarray of shape (n_topics,)
    token_topics : ndarray of shape (n, n_topics)
        How often each token had each topic in the kept samples, added to in place (int64).
    burn_in, samples, thin : int
    rng_state : ndarray of shape (1,)
        SplitMix64 state (uint64), updated in place.

    Returns
    -------
    ndarray of shape (n_topics,)
        The mean θ over the samples.
    """
    n, k = words.shape[0], ndk.shape[0]
    weights = np.empty(k)
    theta = np.zeros(k)
    alpha_sum = alpha.sum()
    total = burn_in + samples * thin
    for sweep in range(total):
        for i in range(n):
            w, old = words[i], z[i]
            ndk[old] -= 1
            cumulative = 0.0
            for t in range(k):
                cumulative += (ndk[t] + alpha[t]) * phi_wk[w, t]
                weights[t] = cumulative
            u = _uniform(rng_state) * cumulative
            new = 0
            while new < k - 1 and weights[new] <= u:
                new += 1
            z[i] = new
            ndk[new] += 1
        if sweep >= burn_in and (sweep - burn_in + 1) % thin == 0:
            for t in range(k):
                theta[t] += (ndk[t] + alpha[t]) / (n + alpha_sum)
            for i in range(n):
                token_topics[i, z[i]] += 1
    return theta / samples
