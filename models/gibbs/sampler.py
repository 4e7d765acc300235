"""The numba kernels of the collapsed Gibbs engine: exact bucketed draws in a cache-friendly visiting order.

The sampler visits tokens grouped by word (word-major order: the word's topic counts stay in cache) and splits the
exact full conditional of :mod:`models.gibbs.conditional` into two buckets, as SparseLDA does (Yao, Mimno &
McCallum 2009) but in word-major order (as F+LDA, Yu et al. 2015)::

    (n_dk + α) c_k = α c_k  +  n_dk c_k,        c_k = (n_kw + β) / (n_k + V β)
                     prior      document bucket: only the topics present in document d

``c_k`` is kept for the current word and updated for the two topics a token leaves and joins, so a token costs
O(K_d) (topics present in its document) plus, with probability (prior mass / total), an O(K) scan of the prior
bucket. Documents are visited in blocks small enough that their counts stay in the per-core cache. Nothing is
approximated: every draw is from the exact full conditional.
"""

from __future__ import annotations

import numba
import numpy as np

from models.gibbs.conditional import word_factor

__all__ = ["DOC_BLOCK_BYTES", "doc_topic_lists", "sweeps", "token_weights", "visiting_order"]

DOC_BLOCK_BYTES = 1_200_000  # document counts visited word by word at a time (about a per-core L2 cache)

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_TO_UNIT = 1.0 / 9007199254740992.0  # 2**-53


# --- random numbers -------------------------------------------------------------------------------------------------


@numba.njit(cache=True, nogil=True, inline="always")
def _uniform(rng_state: np.ndarray) -> float:
    """A uniform draw in [0, 1) from SplitMix64 (Steele, Lea & Flood 2014); ``rng_state`` is a 1-element uint64."""
    s = rng_state[0] + _GOLDEN
    rng_state[0] = s
    z = (s ^ (s >> np.uint64(30))) * _MIX1
    z = (z ^ (z >> np.uint64(27))) * _MIX2
    z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)) * _TO_UNIT


# --- the sampler's pieces -------------------------------------------------------------------------------------------
#
# State during sampling: nwz (n_terms x n_topics, word-major so the current word's row is contiguous), ndz, nz,
# inv_norm[k] = 1 / (n_k + Vβ), and the topics present in each document d: dtopics[d, :dcount[d]], with
# dpos[d, k] the position of topic k in that list (or -1).


@numba.njit(cache=True, nogil=True, inline="always")
def _word_coefficients(nwz: np.ndarray, inv_norm: np.ndarray, w: int, beta: float, coef: np.ndarray) -> float:
    """Fill ``coef[k] = c_k`` for word ``w``; return Σ_k c_k (the prior bucket's mass is α times it)."""
    n_topics = coef.shape[0]
    s0 = s1 = s2 = s3 = 0.0  # four partial sums: the adds need not wait for each other
    k = 0
    while k + 4 <= n_topics:
        c0 = word_factor(nwz[w, k], inv_norm[k], beta)
        c1 = word_factor(nwz[w, k + 1], inv_norm[k + 1], beta)
        c2 = word_factor(nwz[w, k + 2], inv_norm[k + 2], beta)
        c3 = word_factor(nwz[w, k + 3], inv_norm[k + 3], beta)
        coef[k], coef[k + 1], coef[k + 2], coef[k + 3] = c0, c1, c2, c3
        s0 += c0
        s1 += c1
        s2 += c2
        s3 += c3
        k += 4
    while k < n_topics:
        c0 = word_factor(nwz[w, k], inv_norm[k], beta)
        coef[k] = c0
        s0 += c0
        k += 1
    return (s0 + s1) + (s2 + s3)


@numba.njit(cache=True, nogil=True, inline="always")
def _doc_bucket(d: int, ndz: np.ndarray, dtopics: np.ndarray, dcount: np.ndarray, coef: np.ndarray, cum) -> float:
    """Cumulative sums of n_dk c_k over the topics present in document ``d`` into ``cum``; return the total."""
    s = 0.0
    for j in range(dcount[d]):
        k = dtopics[d, j]
        s += ndz[d, k] * coef[k]
        cum[j] = s
    return s


@numba.njit(cache=True, nogil=True, inline="always")
def _pick(u: float, d: int, doc_mass: float, coef_sum: float, alpha: float, dtopics: np.ndarray, coef, cum) -> int:
    """The topic at ``u`` in [0, 1) of the two buckets (document bucket first, then the prior bucket)."""
    x = u * (doc_mass + alpha * coef_sum)
    if x < doc_mass:
        j = 0
        while cum[j] <= x:
            j += 1
        return dtopics[d, j]
    x = (x - doc_mass) / alpha
    acc = 0.0
    last = coef.shape[0] - 1
    for k in range(last):
        acc += coef[k]
        if acc > x:
            return k
    return last


@numba.njit(cache=True, nogil=True, inline="always")
def _doc_drop(d: int, t: int, dtopics: np.ndarray, dpos: np.ndarray, dcount: np.ndarray) -> None:
    """Topic ``t`` left document ``d``: the last topic of the list takes its place."""
    j = dpos[d, t]
    last = dcount[d] - 1
    moved = dtopics[d, last]
    dtopics[d, j] = moved
    dpos[d, moved] = j
    dpos[d, t] = -1
    dcount[d] = last


@numba.njit(cache=True, nogil=True, inline="always")
def _doc_add(d: int, t: int, dtopics: np.ndarray, dpos: np.ndarray, dcount: np.ndarray) -> None:
    """Topic ``t`` is new to document ``d``: append it to the list."""
    j = dcount[d]
    dtopics[d, j] = t
    dpos[d, t] = j
    dcount[d] = j + 1


@numba.njit(cache=True, nogil=True)
def _sample_runs(
    r_lo: int,
    r_hi: int,
    run_word: np.ndarray,
    run_ptr: np.ndarray,
    DS: np.ndarray,
    ZS: np.ndarray,
    nwz: np.ndarray,
    ndz: np.ndarray,
    nz: np.ndarray,
    inv_norm: np.ndarray,
    dtopics: np.ndarray,
    dpos: np.ndarray,
    dcount: np.ndarray,
    alpha: float,
    beta: float,
    coef: np.ndarray,
    cum: np.ndarray,
    rng_state: np.ndarray,
) -> None:
    """Resample the tokens of runs ``r_lo:r_hi`` in place (run r: word ``run_word[r]``, tokens
    ``run_ptr[r]:run_ptr[r + 1]``); ``nz`` and ``inv_norm = 1 / (nz + Vβ)`` are kept up to date."""
    v_beta = nwz.shape[0] * beta
    for r in range(r_lo, r_hi):
        w = run_word[r]
        coef_sum = _word_coefficients(nwz, inv_norm, w, beta, coef)
        for i in range(run_ptr[r], run_ptr[r + 1]):
            d = DS[i]
            t = ZS[i]
            # remove the token from every count
            ndz[d, t] -= 1
            if ndz[d, t] == 0:
                _doc_drop(d, t, dtopics, dpos, dcount)
            nwz[w, t] -= 1
            nz[t] -= 1
            inv_norm[t] = 1.0 / (nz[t] + v_beta)
            c = word_factor(nwz[w, t], inv_norm[t], beta)
            coef_sum += c - coef[t]
            coef[t] = c
            # draw from the exact full conditional, bucket by bucket
            doc_mass = _doc_bucket(d, ndz, dtopics, dcount, coef, cum)
            t = _pick(_uniform(rng_state), d, doc_mass, coef_sum, alpha, dtopics, coef, cum)
            # add it back with its new topic
            if ndz[d, t] == 0:
                _doc_add(d, t, dtopics, dpos, dcount)
            ndz[d, t] += 1
            nwz[w, t] += 1
            nz[t] += 1
            inv_norm[t] = 1.0 / (nz[t] + v_beta)
            c = word_factor(nwz[w, t], inv_norm[t], beta)
            coef_sum += c - coef[t]
            coef[t] = c
            ZS[i] = t


@numba.njit(cache=True, nogil=True)
def sweeps(
    n_sweeps: int,
    run_word: np.ndarray,
    run_ptr: np.ndarray,
    DS: np.ndarray,
    ZS: np.ndarray,
    nwz: np.ndarray,
    ndz: np.ndarray,
    nz: np.ndarray,
    dtopics: np.ndarray,
    dpos: np.ndarray,
    dcount: np.ndarray,
    alpha: float,
    beta: float,
    rng_state: np.ndarray,
) -> None:
    """Run ``n_sweeps`` sweeps in place over runs of tokens sharing a word (run r: word ``run_word[r]``, tokens
    ``run_ptr[r]:run_ptr[r + 1]``)."""
    n_terms, n_topics = nwz.shape
    coef = np.empty(n_topics)
    cum = np.empty(n_topics)
    inv_norm = 1.0 / (nz + n_terms * beta)
    for _ in range(n_sweeps):
        _sample_runs(
            0, run_word.shape[0], run_word, run_ptr, DS, ZS, nwz, ndz, nz, inv_norm,
            dtopics, dpos, dcount, alpha, beta, coef, cum, rng_state,
        )  # fmt: skip


def doc_topic_lists(ndz: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The topics present in each document: ``dtopics[d, :dcount[d]]``, and ``dpos[d, k]`` their places (or -1).

    Topic ids are stored as small unsigned integers (uint16 up to 65,536 topics): less memory traffic, and numba
    skips the negative-index check for unsigned indices (measured 10-18% faster sweeps).
    """
    n_docs, n_topics = ndz.shape
    dtopics = np.zeros((n_docs, n_topics), dtype=np.uint16 if n_topics <= 1 << 16 else np.uint32)
    dpos = np.full((n_docs, n_topics), -1, dtype=np.int16 if n_topics < 1 << 15 else np.int32)
    dcount = np.zeros(n_docs, dtype=np.int32)
    _fill_doc_topic_lists(ndz, dtopics, dpos, dcount)
    return dtopics, dpos, dcount


@numba.njit(cache=True, nogil=True)
def _fill_doc_topic_lists(ndz: np.ndarray, dtopics: np.ndarray, dpos: np.ndarray, dcount: np.ndarray) -> None:
    for d in range(ndz.shape[0]):
        for k in range(ndz.shape[1]):
            if ndz[d, k] > 0:
                _doc_add(d, k, dtopics, dpos, dcount)


def visiting_order(WS: np.ndarray, DS: np.ndarray, n_terms: int, n_topics: int) -> tuple[np.ndarray, ...]:
    """The order in which the engine visits tokens: documents in blocks, and within a block word by word.

    Word-major order keeps one word's counts in cache (Yu et al. 2015); blocks of documents small enough for the
    per-core cache keep the documents' counts there too.

    Returns
    -------
    order : ndarray of shape (n_tokens,)
        Token indices in visiting order.
    run_word, run_ptr : ndarray
        Run r of the reordered tokens, ``order[run_ptr[r]:run_ptr[r + 1]]``, shares word ``run_word[r]``.
    """
    block = max(1, DOC_BLOCK_BYTES // (8 * n_topics))  # ndz int32, dtopics uint16, dpos int16 per doc and topic
    key = (DS // block).astype(np.int64) * n_terms + WS
    order = np.argsort(key, kind="stable")  # within a run, tokens stay in text order
    key = key[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if key.size else np.zeros(0, dtype=np.int64)
    run_ptr = np.r_[starts, key.size].astype(np.int64)
    return order, WS[order[starts]].astype(np.uint32), run_ptr


def token_weights(
    nwz: np.ndarray, ndz: np.ndarray, nz: np.ndarray, d: int, w: int, alpha: float, beta: float
) -> np.ndarray:
    """The unnormalised full conditional of every topic, assembled from the engine's two buckets.

    Counts must already exclude the token being resampled. The tests check that this bucketed form equals
    :func:`models.gibbs.conditional.conditional`.

    Parameters
    ----------
    nwz : ndarray of shape (n_terms, n_topics)
    ndz : ndarray of shape (n_docs, n_topics)
    nz : ndarray of shape (n_topics,)
    d, w : int
        The token's document and word.
    alpha, beta : float

    Returns
    -------
    ndarray of shape (n_topics,)
    """
    n_terms, n_topics = nwz.shape
    ndz = np.ascontiguousarray(ndz, dtype=np.int32)
    dtopics, _, dcount = doc_topic_lists(ndz)
    coef, cum = np.empty(n_topics), np.empty(n_topics)
    _word_coefficients(np.ascontiguousarray(nwz, dtype=np.int32), 1.0 / (nz + n_terms * beta), w, beta, coef)
    _doc_bucket(d, ndz, dtopics, dcount, coef, cum)
    weights = alpha * coef
    n = dcount[d]
    weights[dtopics[d, :n]] += np.diff(cum[:n], prepend=0.0)
    return weights
