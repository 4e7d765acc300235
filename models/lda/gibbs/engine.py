"""Fast collapsed Gibbs sampling for LDA (Griffiths & Steyvers 2004): ``fit_gibbs`` on a Corpus.

Tokens come from ``corpus.token_ids`` (so assignments align with the words the UI shows); the numba sampler in
:mod:`models.lda.gibbs.sampler` draws every token from the exact full conditional (all K weights in one vectorised
loop, summed in four interleaved lanes), tokens grouped by word in cache-friendly blocks; the joint
log-likelihood is recorded every ``PROGRESS_EVERY`` sweeps.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.gibbs.counts import count_assignments
from models.lda.gibbs.likelihood import joint_log_likelihood_counts, joint_log_likelihood_prior
from models.lda.gibbs.parallel import parallel_sweeps, partition
from models.lda.gibbs.sampler import sweeps, sweeps_prior, visiting_order
from models.lda.options import LdaOptions, Partial, Progress
from models.lda.seeds import WordPrior, check_seed_words, seed_topics, word_prior
from models.lda.topic_model import TopicModel

__all__ = [
    "DEFAULT_ETA",
    "DEFAULT_ITERATIONS",
    "MAX_WORKERS",
    "PROGRESS_EVERY",
    "available_cores",
    "default_alpha",
    "fit_gibbs",
]

logger = logging.getLogger(__name__)

DEFAULT_ETA = 0.01
DEFAULT_ITERATIONS = 200
PROGRESS_EVERY = 10  # sweeps between log-likelihood records and progress callbacks
MAX_WORKERS = 64


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def default_alpha(n_topics: int) -> float:
    """The default symmetric α: 1/K.

    Chosen by measured recovery of planted topics (``topic_recovery``, 200 sweeps, 3 seeds each) on
    ``block_diagonal()`` and on ``generative`` corpora with K = 5, 10, 20 and true α = 0.1, 0.5: 1/K was best or
    tied everywhere (mean cosine 0.996 / 0.999 / 0.998 / 0.970 / 0.934), α = 0.1 merged two blocks of
    ``block_diagonal`` for one seed (min 0.71), min(50/K, 1) was close but lower at K = 10-20, and 50/K uncapped was
    the worst. It is also scikit-learn's and gensim's default.
    """
    return 1.0 / n_topics


@dataclass(frozen=True, eq=False)
class _ChainState:
    """The sampler's live arrays (sampled in place), in the visiting order the kernels use.

    ``zs`` holds the topic of token ``order[i]`` (text order position) at ``i``; ``nwz`` has rows in the
    partition's local word order when ``word_perm`` is given (``nwz[word_perm]`` puts them back).
    """

    order: np.ndarray
    zs: np.ndarray
    nwz: np.ndarray
    ndz: np.ndarray
    nz: np.ndarray
    word_perm: np.ndarray | None
    doc_lengths: np.ndarray
    term_frequency: np.ndarray
    prior: WordPrior | None = None


# --- the public fit -------------------------------------------------------------------------------------------------


def _workers(options: LdaOptions) -> int:
    workers = available_cores() if options.workers is None else options.workers
    if not (isinstance(workers, int | np.integer) and not isinstance(workers, bool) and 1 <= workers <= MAX_WORKERS):
        raise InputError("bad_option", option="workers", value=workers, why=f"use 1 to {MAX_WORKERS} cores")
    return int(workers)


def _resolve(options: LdaOptions) -> tuple[int, float, float, int]:
    k, alpha, eta, iterations = options.n_topics, options.alpha, options.eta, options.iterations
    if not (isinstance(k, int | np.integer) and k >= 1):
        raise InputError("bad_option", option="n_topics", value=k, why="need at least 1 topic")
    if isinstance(alpha, str):
        raise InputError(
            "bad_option", option="alpha", value=alpha, why="the Gibbs engine uses a symmetric alpha (a number)"
        )
    alpha = default_alpha(k) if alpha is None else float(alpha)
    eta = DEFAULT_ETA if eta is None else float(eta)
    iterations = DEFAULT_ITERATIONS if iterations is None else int(iterations)
    for option, value, ok, why in (
        ("alpha", alpha, np.isfinite(alpha) and alpha > 0, "must be a positive number"),
        ("eta", eta, np.isfinite(eta) and eta > 0, "must be a positive number"),
        ("iterations", iterations, iterations >= 1, "need at least 1 sweep"),
    ):
        if not ok:
            raise InputError("bad_option", option=option, value=value, why=why)
    return int(k), alpha, eta, iterations


def corpus_tokens(corpus: Corpus) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The corpus's token arrays, document by document, in text order (no per-token Python work).

    Returns
    -------
    WS, DS : ndarray of shape (n_tokens,)
        Word id and document id of each token (int32).
    doc_lengths : ndarray of shape (n_docs,)
        Tokens per document (int64).
    """
    WS = np.ascontiguousarray(corpus.token_ids, dtype=np.int32)
    doc_lengths = np.diff(corpus.doc_offsets).astype(np.int64)
    DS = np.repeat(np.arange(len(doc_lengths), dtype=np.int32), doc_lengths)
    return WS, DS, doc_lengths


def fit_gibbs(
    corpus: Corpus,
    options: LdaOptions | None = None,
    progress: Progress | None = None,
    partial: Partial | None = None,
    tokens: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> TopicModel:
    """Fit LDA by collapsed Gibbs sampling.

    Parameters
    ----------
    corpus : Corpus
        Tokens are taken from ``corpus.token_ids`` (so assignments align with the words shown).
    options : LdaOptions, optional
        ``n_topics``, ``alpha`` (default :func:`default_alpha`), ``eta`` (default 0.01), ``iterations`` (sweeps,
        default 200) and ``seed``; the same seed gives the same result. ``seed_words`` fit seeded topics with the
        asymmetric prior of :func:`models.lda.seeds.word_prior` (topic k is the k-th seeded topic).
    progress : callable, optional
        Called as ``progress(sweep, total, log_likelihood)`` before the first sweep and every ``PROGRESS_EVERY``
        sweeps; it may raise :class:`~models.lda.options.FitCancelled`, which propagates.
    partial : callable, optional
        Called as ``partial(sweep, model_now)`` after every ``PROGRESS_EVERY`` sweeps before the last;
        ``model_now()`` builds the :class:`TopicModel` of the chain's current state (its ``params["sweeps_done"]``
        says how far it got), so a caller that shows the model while it converges pays only when it wants one.
    tokens : tuple of ndarray, optional
        :func:`corpus_tokens` of ``corpus``, when the caller fits the same corpus many times (a sweep over K).

    Returns
    -------
    TopicModel
        ``engine="gibbs"``; ``phi = (nzw + β)`` and ``theta = (ndz + α)`` row-normalised; ``assignments`` per
        document in ``doc_tokens`` order; ``log_likelihood`` the trace of (sweep, log p(w, z)).
    """
    options = options or LdaOptions()
    n_topics, alpha, beta, iterations = _resolve(options)
    WS, DS, doc_lengths = corpus_tokens(corpus) if tokens is None else tokens
    n_docs, n_terms = len(doc_lengths), len(corpus.vocab)
    if WS.size == 0:
        raise InputError("no_terms")
    prior = None
    if options.seed_words:
        check_seed_words(options.seed_words, corpus.vocab, n_topics, "gibbs")
        prior = word_prior(
            options.seed_words, corpus.vocab, n_topics, beta, np.bincount(WS, minlength=len(corpus.vocab))
        )

    # initial topics uniformly at random, in text order (independent of the visiting order); measured: starting
    # from draws of the conditional given the tokens placed before (sequential initialisation) ended at a lower
    # log-likelihood after 200 sweeps on the Lee corpus at K = 50 and 100
    rng = np.random.default_rng(options.seed)
    z_text = rng.integers(0, n_topics, size=WS.size).astype(np.int32)
    if prior is not None:
        # seed words start in their seeded topic (GuidedLDA's initialisation), every other token in an unseeded
        # topic: a seeded topic starts as its seeds alone, so that the words of the seeds' documents gather there
        # (measured: with random starts the named topic often became one of the large themes instead)
        seeded_k = len(options.seed_words)
        if seeded_k < n_topics:
            z_text = rng.integers(seeded_k, n_topics, size=WS.size).astype(np.int32)
        seed_topic = seed_topics(options.seed_words, corpus.vocab, rng)
        z_text = np.where(seed_topic[WS] >= 0, seed_topic[WS], z_text).astype(np.int32)
    rng_state = np.random.SeedSequence(options.seed).generate_state(1, dtype=np.uint64)

    workers = _workers(options)
    if workers > 1:
        part = partition(WS, DS, doc_lengths, n_terms, n_topics, workers)
        order, run_word, run_ptr = part.order, part.run_word, part.run_ptr
        # one SplitMix64 state per worker (parallel_sweeps keeps each on a page of its own while sampling)
        rng_states = np.random.SeedSequence(options.seed).generate_state(workers, dtype=np.uint64).reshape(workers, 1)
    else:
        order, run_word, run_ptr = visiting_order(WS, DS, n_terms, n_topics)
    ds, zs = DS[order].astype(np.uint32), z_text[order]  # unsigned ids: no negative-index checks in numba
    counts = count_assignments(WS, DS, z_text, n_docs=n_docs, n_terms=n_terms, n_topics=n_topics)
    nwz = np.ascontiguousarray(counts.nzw.T, dtype=np.int32)
    if workers > 1:  # rows in the partition's local word order (each group contiguous), put back after sampling
        local = np.empty_like(nwz)
        local[part.word_perm] = nwz
        nwz = local
    ndz = counts.ndz.astype(np.int32)
    nz = counts.nz
    if prior is not None:  # the prior's rows by the sampler's word ids (local ids when partitioned)
        prior_row = prior.row.copy()
        if workers > 1:
            prior_row[part.word_perm] = prior.row
        seeded = (prior_row, prior.table, prior.total)

    def run(n: int) -> None:
        if workers == 1 and prior is None:
            sweeps(n, run_word, run_ptr, ds, zs, nwz, ndz, nz, alpha, beta, rng_state)
        elif workers == 1:
            sweeps_prior(n, run_word, run_ptr, ds, zs, nwz, ndz, nz, alpha, *seeded, rng_state)
        else:
            parallel_sweeps(
                n, workers, part.block_runs, run_word, run_ptr, ds, zs, nwz, ndz, nz, alpha, beta, rng_states,
                None if prior is None else seeded,
            )  # fmt: skip

    def log_likelihood() -> float:
        if prior is None:
            return joint_log_likelihood_counts(nwz, ndz, nz, alpha, beta)
        return joint_log_likelihood_prior(nwz, ndz, nz, alpha, *seeded)

    state = _ChainState(
        order=order,
        zs=zs,
        nwz=nwz,
        ndz=ndz,
        nz=nz,
        word_perm=part.word_perm if workers > 1 else None,
        doc_lengths=doc_lengths,
        term_frequency=np.bincount(WS, minlength=n_terms).astype(np.int64),
        prior=prior,
    )
    params = {
        "n_topics": n_topics,
        "alpha": alpha,
        "eta": beta,
        "iterations": iterations,
        "seed": options.seed,
        "workers": workers,
        "n_tokens": int(WS.size),
    }
    if options.seed_words:
        params["seed_words"] = [[name, list(words)] for name, words in options.seed_words]
        params["topic_names"] = {k: name for k, (name, _) in enumerate(options.seed_words)}
    logger.info(
        "gibbs: %d docs, %d terms, %d tokens, K=%d, %d sweeps, %d workers",
        n_docs, n_terms, WS.size, n_topics, iterations, workers,
    )  # fmt: skip
    started = time.perf_counter()
    ll = log_likelihood()
    trace = [(0, ll)]
    if progress is not None:
        progress(0, iterations, ll)
    done = 0
    while done < iterations:
        chunk = min(PROGRESS_EVERY, iterations - done)
        run(chunk)
        done += chunk
        ll = log_likelihood()
        trace.append((done, ll))
        logger.debug("gibbs: sweep %d/%d, log-likelihood %.6g", done, iterations, ll)
        if progress is not None:
            progress(done, iterations, ll)
        if partial is not None and done < iterations:
            partial(done, lambda done=done: _state_model(corpus, state, done, trace, params))
    elapsed = time.perf_counter() - started
    logger.info("gibbs: %d sweeps in %.2fs (%.3g token-samples/s)", iterations, elapsed, iterations * WS.size / elapsed)
    return _state_model(corpus, state, iterations, trace, params)


def _state_model(
    corpus: Corpus,
    state: _ChainState,
    done: int,
    trace: list[tuple[int, float]],
    params: dict[str, Any],
) -> TopicModel:
    """The :class:`TopicModel` of the chain after ``done`` sweeps (copies: the chain may go on sampling)."""
    n_topics, alpha, beta = params["n_topics"], params["alpha"], params["eta"]
    z_text = np.empty_like(state.zs)
    z_text[state.order] = state.zs
    nwz = state.nwz if state.word_perm is None else state.nwz[state.word_perm]
    nzw = nwz.T.astype(np.float64)
    n_terms = nzw.shape[1]
    if state.prior is None:
        phi = (nzw + beta) / (state.nz[:, None] + n_terms * beta)
    else:  # seeded topics: (n_kw + β_kw) / (n_k + Σ_w β_kw)
        phi = (nzw + state.prior.dense()) / (state.nz[:, None] + state.prior.total[:, None])
    theta = (state.ndz + alpha) / (state.doc_lengths[:, None] + n_topics * alpha)
    bounds = np.cumsum(state.doc_lengths)[:-1]
    return TopicModel(
        phi=phi,
        theta=theta,
        vocab=tuple(corpus.vocab),
        doc_lengths=state.doc_lengths,
        term_frequency=state.term_frequency,
        assignments=tuple(np.split(z_text.astype(np.int64), bounds)),
        engine="gibbs",
        params={**params, "sweeps_done": done},
        log_likelihood=tuple(trace),
    )
