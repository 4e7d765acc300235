"""Fast collapsed Gibbs sampling for LDA (Griffiths & Steyvers 2004), compiled with numba.

The sampler visits tokens grouped by word (word-major order: the word's topic counts stay in cache) and splits the
exact full conditional of :mod:`models.gibbs.conditional` into two buckets, as SparseLDA does (Yao, Mimno &
McCallum 2009) but in word-major order (as F+LDA, Yu et al. 2015)::

    (n_dk + α) c_k = α c_k  +  n_dk c_k,        c_k = (n_kw + β) / (n_k + V β)
                     prior      document bucket: only the topics present in document d

``c_k`` is kept for the current word and updated for the two topics a token leaves and joins, so a token costs
O(K_d) (topics present in its document) plus, with probability (prior mass / total), an O(K) scan of the prior
bucket. Nothing is approximated: every draw is from the exact full conditional.
"""

from __future__ import annotations

import logging
import time

import numba
import numpy as np

from models.corpus import Corpus
from models.errors import InputError
from models.gibbs.conditional import word_factor
from models.gibbs.likelihood import joint_log_likelihood_counts
from models.lda_options import LdaOptions, Progress
from models.topic_model import TopicModel

__all__ = ["DEFAULT_ETA", "DEFAULT_ITERATIONS", "PROGRESS_EVERY", "default_alpha", "fit_gibbs"]

logger = logging.getLogger(__name__)

DEFAULT_ETA = 0.01
DEFAULT_ITERATIONS = 200
PROGRESS_EVERY = 10  # sweeps between log-likelihood records and progress callbacks

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_TO_UNIT = 1.0 / 9007199254740992.0  # 2**-53


def default_alpha(n_topics: int) -> float:
    """The default symmetric α for ``n_topics`` topics (chosen by measured topic recovery, see the README)."""
    return 0.1


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


@numba.njit(cache=True, nogil=True, inline="always")
def _word_coefficients(nwz: np.ndarray, nz: np.ndarray, w: int, beta: float, v_beta: float, coef: np.ndarray) -> float:
    """Fill ``coef[k] = c_k`` for word ``w``; return Σ_k c_k (the prior bucket's mass is α times it)."""
    total = 0.0
    for k in range(coef.shape[0]):
        c = word_factor(nwz[w, k], nz[k], beta, v_beta)
        coef[k] = c
        total += c
    return total


@numba.njit(cache=True, nogil=True, inline="always")
def _doc_bucket(d: int, ndz: np.ndarray, dtopics: np.ndarray, dcount: np.ndarray, coef: np.ndarray, cum: np.ndarray):
    """Cumulative sums of n_dk c_k over the topics present in document ``d`` into ``cum``; return the total."""
    s = 0.0
    for j in range(dcount[d]):
        k = dtopics[d, j]
        s += ndz[d, k] * coef[k]
        cum[j] = s
    return s


@numba.njit(cache=True, nogil=True, inline="always")
def _pick(
    u: float, d: int, doc_mass: float, coef_sum: float, alpha: float, dtopics: np.ndarray, coef: np.ndarray, cum
) -> int:
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
    j = dpos[d, t]
    last = dcount[d] - 1
    moved = dtopics[d, last]
    dtopics[d, j] = moved
    dpos[d, moved] = j
    dpos[d, t] = -1
    dcount[d] = last


@numba.njit(cache=True, nogil=True, inline="always")
def _doc_add(d: int, t: int, dtopics: np.ndarray, dpos: np.ndarray, dcount: np.ndarray) -> None:
    j = dcount[d]
    dtopics[d, j] = t
    dpos[d, t] = j
    dcount[d] = j + 1


@numba.njit(cache=True, nogil=True)
def _sweeps(
    n_sweeps: int,
    word_ptr: np.ndarray,
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
    """Run ``n_sweeps`` word-major sweeps in place (tokens sorted by word; ``word_ptr`` delimits each word's run)."""
    n_terms, n_topics = nwz.shape
    v_beta = n_terms * beta
    coef = np.empty(n_topics)
    cum = np.empty(n_topics)
    for _ in range(n_sweeps):
        for w in range(n_terms):
            start, end = word_ptr[w], word_ptr[w + 1]
            if start == end:
                continue
            coef_sum = _word_coefficients(nwz, nz, w, beta, v_beta, coef)
            for i in range(start, end):
                d = DS[i]
                t = ZS[i]
                # remove the token from every count
                ndz[d, t] -= 1
                nwz[w, t] -= 1
                nz[t] -= 1
                if ndz[d, t] == 0:
                    _doc_drop(d, t, dtopics, dpos, dcount)
                c = word_factor(nwz[w, t], nz[t], beta, v_beta)
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
                c = word_factor(nwz[w, t], nz[t], beta, v_beta)
                coef_sum += c - coef[t]
                coef[t] = c
                ZS[i] = t


@numba.njit(cache=True, nogil=True)
def _doc_topic_lists(ndz: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The topics present in each document: ``dtopics[d, :dcount[d]]``, and ``dpos[d, k]`` their slots (or -1)."""
    n_docs, n_topics = ndz.shape
    dtopics = np.zeros((n_docs, n_topics), dtype=np.int32)
    dpos = np.full((n_docs, n_topics), -1, dtype=np.int32)
    dcount = np.zeros(n_docs, dtype=np.int32)
    for d in range(n_docs):
        for k in range(n_topics):
            if ndz[d, k] > 0:
                _doc_add(d, k, dtopics, dpos, dcount)
    return dtopics, dpos, dcount


def token_weights(
    nwz: np.ndarray, ndz: np.ndarray, nz: np.ndarray, d: int, w: int, alpha: float, beta: float
) -> np.ndarray:
    """The unnormalised full conditional of every topic, assembled from the engine's two buckets.

    Counts must already exclude the token being resampled. Used by the tests to check that the engine's
    bucketed form equals :func:`models.gibbs.conditional.conditional`.

    Returns
    -------
    ndarray of shape (n_topics,)
    """
    n_terms, n_topics = nwz.shape
    coef = np.empty(n_topics)
    _word_coefficients(nwz, nz, w, beta, n_terms * beta, coef)
    weights = alpha * coef
    present = ndz[d] > 0
    weights[present] += ndz[d, present] * coef[present]
    return weights


# --- the public fit -------------------------------------------------------------------------------------------------


def _resolve(options: LdaOptions) -> tuple[int, float, float, int]:
    k, alpha, eta, iterations = options.n_topics, options.alpha, options.eta, options.iterations
    if isinstance(alpha, str):
        raise InputError(
            "bad_option", option="alpha", value=alpha, why="the Gibbs engine uses a symmetric alpha (a number)"
        )
    alpha = default_alpha(k) if alpha is None else float(alpha)
    eta = DEFAULT_ETA if eta is None else float(eta)
    iterations = DEFAULT_ITERATIONS if iterations is None else int(iterations)
    for option, value, ok, why in (
        ("n_topics", k, isinstance(k, int | np.integer) and k >= 1, "need at least 1 topic"),
        ("alpha", alpha, np.isfinite(alpha) and alpha > 0, "must be a positive number"),
        ("eta", eta, np.isfinite(eta) and eta > 0, "must be a positive number"),
        ("iterations", iterations, iterations >= 1, "need at least 1 sweep"),
    ):
        if not ok:
            raise InputError("bad_option", option=option, value=value, why=why)
    return int(k), alpha, eta, iterations


def corpus_tokens(corpus: Corpus) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token arrays from ``corpus.doc_tokens`` mapped to vocabulary ids, document by document, in text order.

    Returns
    -------
    WS, DS : ndarray of shape (n_tokens,)
        Word id and document id of each token (int32).
    doc_lengths : ndarray of shape (n_docs,)
        Tokens per document (int64).
    """
    index = {term: j for j, term in enumerate(corpus.vocab)}
    try:
        WS = np.fromiter((index[t] for doc in corpus.doc_tokens for t in doc), dtype=np.int32)
    except KeyError as err:
        raise ValueError(f"token {err.args[0]!r} of doc_tokens is not in the vocabulary") from None
    doc_lengths = np.fromiter((len(doc) for doc in corpus.doc_tokens), dtype=np.int64, count=len(corpus.doc_tokens))
    DS = np.repeat(np.arange(len(doc_lengths), dtype=np.int32), doc_lengths)
    return WS, DS, doc_lengths


def fit_gibbs(corpus: Corpus, options: LdaOptions | None = None, progress: Progress | None = None) -> TopicModel:
    """Fit LDA by collapsed Gibbs sampling.

    Parameters
    ----------
    corpus : Corpus
        Tokens are taken from ``corpus.doc_tokens`` (so assignments align with the words shown).
    options : LdaOptions, optional
        ``n_topics``, ``alpha`` (default :func:`default_alpha`), ``eta`` (default 0.01), ``iterations`` (sweeps,
        default 200) and ``seed``; the same seed gives the same result.
    progress : callable, optional
        Called as ``progress(sweep, total, log_likelihood)`` before the first sweep and every ``PROGRESS_EVERY``
        sweeps; it may raise :class:`~models.lda_options.FitCancelled`, which propagates.

    Returns
    -------
    TopicModel
        ``engine="gibbs"``; ``phi = (nzw + β)`` and ``theta = (ndz + α)`` row-normalised; ``assignments`` per
        document in ``doc_tokens`` order; ``log_likelihood`` the trace of (sweep, log p(w, z)).
    """
    options = options or LdaOptions()
    n_topics, alpha, beta, iterations = _resolve(options)
    WS, DS, doc_lengths = corpus_tokens(corpus)
    n_docs, n_terms = len(doc_lengths), len(corpus.vocab)
    if WS.size == 0:
        raise InputError("no_terms")

    # initial topics uniformly at random, in text order (independent of the visiting order)
    rng = np.random.default_rng(options.seed)
    z_text = rng.integers(0, n_topics, size=WS.size).astype(np.int32)
    rng_state = np.random.SeedSequence(options.seed).generate_state(1, dtype=np.uint64)

    order = np.argsort(WS, kind="stable")  # word-major visiting order; tokens of a word stay in text order
    ws, ds, zs = WS[order], DS[order], z_text[order]
    word_ptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(np.bincount(ws, minlength=n_terms), out=word_ptr[1:])
    nwz = np.zeros((n_terms, n_topics), dtype=np.int32)
    np.add.at(nwz, (ws, zs), 1)
    ndz = np.zeros((n_docs, n_topics), dtype=np.int32)
    np.add.at(ndz, (ds, zs), 1)
    nz = nwz.sum(axis=0).astype(np.int64)
    dtopics, dpos, dcount = _doc_topic_lists(ndz)

    logger.info("gibbs: %d docs, %d terms, %d tokens, K=%d, %d sweeps", n_docs, n_terms, WS.size, n_topics, iterations)
    started = time.perf_counter()
    ll = joint_log_likelihood_counts(nwz, ndz, nz, alpha, beta)
    trace = [(0, ll)]
    if progress is not None:
        progress(0, iterations, ll)
    done = 0
    while done < iterations:
        chunk = min(PROGRESS_EVERY, iterations - done)
        _sweeps(chunk, word_ptr, ds, zs, nwz, ndz, nz, dtopics, dpos, dcount, alpha, beta, rng_state)
        done += chunk
        ll = joint_log_likelihood_counts(nwz, ndz, nz, alpha, beta)
        trace.append((done, ll))
        logger.debug("gibbs: sweep %d/%d, log-likelihood %.6g", done, iterations, ll)
        if progress is not None:
            progress(done, iterations, ll)
    elapsed = time.perf_counter() - started
    logger.info("gibbs: %d sweeps in %.2fs (%.3g token-samples/s)", iterations, elapsed, iterations * WS.size / elapsed)

    z_text[order] = zs
    nzw = nwz.T.astype(np.float64)
    phi = (nzw + beta) / (nz[:, None] + n_terms * beta)
    theta = (ndz + alpha) / (doc_lengths[:, None] + n_topics * alpha)
    bounds = np.cumsum(doc_lengths)[:-1]
    return TopicModel(
        phi=phi,
        theta=theta,
        vocab=tuple(corpus.vocab),
        doc_lengths=doc_lengths,
        term_frequency=np.bincount(WS, minlength=n_terms).astype(np.int64),
        assignments=tuple(np.split(z_text.astype(np.int64), bounds)),
        engine="gibbs",
        params={
            "n_topics": n_topics,
            "alpha": alpha,
            "eta": beta,
            "iterations": iterations,
            "seed": options.seed,
            "n_tokens": int(WS.size),
        },
        log_likelihood=tuple(trace),
    )
