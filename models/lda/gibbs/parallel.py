"""Collapsed Gibbs sampling on several cores, with no two workers touching the same document or word counts.

Documents are split into P groups and words into P groups, which cuts the tokens into a P x P grid of blocks. A
sweep has P phases; in phase p, worker i samples the block (document group i, word group (i + p) mod P), so within a
phase the workers own disjoint rows of ``ndz`` and of ``nwz`` (the partition scheme of Yan, Xu & Qi 2009, "Parallel
inference for latent Dirichlet allocation on graphics processing units", and tomotopy's ``ParallelScheme.PARTITION``).
Only the topic totals ``n_k`` are shared: each worker samples with its own copy during a phase and the copies'
changes are added up when the phase ends (the one approximation, as in AD-LDA, Newman et al. 2009, but per phase
rather than per sweep; ``n_k`` is a sum over the whole corpus, so a phase's changes move it by little).

Every worker has its own random stream and every block is visited in a fixed order, so a fit is reproducible for a
given seed and number of workers whatever the threads' timing.
"""

from __future__ import annotations

import threading

import numba
import numpy as np

from models.lda.gibbs.phase_barrier import abort, arrive, counters, wait_for_all
from models.lda.gibbs.sampler import LANES, _sample_runs, _sample_runs_prior, doc_block

__all__ = ["PAGE_BYTES", "Partition", "parallel_sweeps", "partition", "per_worker"]

PAGE_BYTES = 4096


class Partition:
    """Tokens in the order the workers visit them, with the runs of each block.

    Attributes
    ----------
    order : ndarray of shape (n_tokens,)
        Token indices in visiting order.
    run_word, run_ptr : ndarray
        Run r shares word ``run_word[r]`` (a *local* word id, see ``word_perm``) and holds reordered tokens
        ``run_ptr[r]:run_ptr[r + 1]``.
    word_perm : ndarray of shape (n_terms,)
        The local id of each word: each word group is a contiguous range of local ids, so the rows of the
        word-topic counts that two workers write never share a cache line (with the groups interleaved, a 2-worker
        sweep ran at half the speed of one worker: every count update bounced a cache line between the cores).
        Count tables indexed by word use local ids while sampling.
    block_runs : ndarray of shape (P * P + 1,)
        Block b = i * P + j (document group i, word group j) holds runs ``block_runs[b]:block_runs[b + 1]``.
    n_workers : int
    """

    def __init__(
        self,
        order: np.ndarray,
        run_word: np.ndarray,
        run_ptr: np.ndarray,
        block_runs: np.ndarray,
        n_workers: int,
        word_perm: np.ndarray,
    ) -> None:
        self.word_perm = word_perm
        self.order = order
        self.run_word = run_word
        self.run_ptr = run_ptr
        self.block_runs = block_runs
        self.n_workers = n_workers


def _word_groups(WS: np.ndarray, n_terms: int, n_groups: int) -> np.ndarray:
    """Each word's group: most frequent words first, each to the group with the fewest tokens so far (LPT)."""
    tf = np.bincount(WS, minlength=n_terms)
    group = np.zeros(n_terms, dtype=np.int64)
    load = np.zeros(n_groups, dtype=np.int64)
    for w in np.argsort(-tf, kind="stable").tolist():
        g = int(np.argmin(load))
        group[w] = g
        load[g] += tf[w]
    return group


def _doc_groups(doc_lengths: np.ndarray, n_groups: int) -> np.ndarray:
    """Each document's group: contiguous ranges of documents holding about equal numbers of tokens."""
    ends = np.cumsum(doc_lengths)
    total = ends[-1] if ends.size else 0
    starts = ends - doc_lengths
    return np.minimum((starts * n_groups) // max(total, 1), n_groups - 1).astype(np.int64)


def partition(WS: np.ndarray, DS: np.ndarray, doc_lengths: np.ndarray, n_terms: int, n_topics: int, n_workers: int):
    """Cut the tokens into the P x P blocks and order each block as the serial engine orders a corpus.

    Within a block, documents go in cache-sized blocks and tokens word by word (see
    :func:`models.lda.gibbs.sampler.visiting_order`).

    Parameters
    ----------
    WS, DS : ndarray of shape (n_tokens,)
        Word and document id of each token.
    doc_lengths : ndarray of shape (n_docs,)
    n_terms, n_topics, n_workers : int

    Returns
    -------
    Partition
    """
    P = n_workers
    word_group = _word_groups(WS, n_terms, P)
    word_perm = np.empty(n_terms, dtype=np.int64)
    word_perm[np.argsort(word_group, kind="stable")] = np.arange(n_terms)
    WS = word_perm[WS]  # local ids from here on
    doc_group = _doc_groups(doc_lengths, P)
    block = (doc_group[DS] * P + np.sort(word_group)[WS]).astype(np.int64)
    # each document group in equal runs of documents, about doc_block's number each (counted from the group's
    # first document, so that no group ends in a sliver of a few documents whose words' runs are short)
    docs_per_block = doc_block(n_topics, WS.size // P, len(doc_lengths) // P)  # a worker's share of the corpus
    in_group = np.bincount(doc_group, minlength=P)
    first = np.concatenate(([0], np.cumsum(in_group)[:-1]))
    pieces = np.maximum(1, -(-in_group // docs_per_block))
    sub_block = (
        (np.arange(len(doc_lengths)) - first[doc_group]) * pieces[doc_group] // np.maximum(in_group, 1)[doc_group]
    )
    n_doc_blocks = int(pieces.max())
    key = (block * n_doc_blocks + sub_block[DS]) * n_terms + WS
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if key.size else np.zeros(0, dtype=np.int64)
    run_ptr = np.r_[starts, key.size].astype(np.int64)
    run_block = key[starts] // (n_doc_blocks * n_terms)
    block_runs = np.searchsorted(run_block, np.arange(P * P + 1)).astype(np.int64)
    return Partition(order, WS[order[starts]].astype(np.uint32), run_ptr, block_runs, P, word_perm)


@numba.njit(cache=True, nogil=True)
def _worker_sweeps(
    i: int,
    n_sweeps: int,
    block_runs: np.ndarray,
    run_word: np.ndarray,
    run_ptr: np.ndarray,
    DS: np.ndarray,
    ZS: np.ndarray,
    nwz: np.ndarray,
    ndz: np.ndarray,
    totals: np.ndarray,
    inv_norm: np.ndarray,
    alpha: float,
    beta: float,
    prior_row: np.ndarray,
    prior: np.ndarray,
    prior_total: np.ndarray,
    coef: np.ndarray,
    wts: np.ndarray,
    cum: np.ndarray,
    rng_state: np.ndarray,
    counter: np.ndarray,
) -> bool:
    """Worker ``i``'s share of ``n_sweeps`` sweeps: in phase p, block (i, (i + p) mod P), then the barrier.

    ``totals[i, 0]`` is the worker's copy of the topic totals as the phase began (every worker keeps the same copy);
    ``totals[i, 1 + g % 2]`` its running totals in the g-th phase of this call (two buffers: the others read the last
    phase's while this one fills the next). After the barrier every worker adds up all workers' changes in the same
    order, so the copies stay equal. With an empty ``prior_row`` the prior is the symmetric β, otherwise the word
    prior of seeded topics (``prior_row`` by local word id). Returns False if another worker aborted.
    """
    P, n_topics = totals.shape[0], totals.shape[2]
    seeded = prior_row.shape[0] > 0
    v_beta = nwz.shape[0] * beta
    base = totals[i, 0]
    g = 0
    for _ in range(n_sweeps):
        for phase in range(P):
            mine = totals[i, 1 + g % 2]
            for k in range(n_topics):
                mine[k] = base[k]
                inv_norm[k] = 1.0 / (base[k] + (prior_total[k] if seeded else v_beta))
            b = i * P + (i + phase) % P
            if seeded:
                _sample_runs_prior(
                    block_runs[b], block_runs[b + 1], run_word, run_ptr, DS, ZS, nwz, ndz, mine, inv_norm, alpha,
                    prior_row, prior, prior_total, coef, wts, cum, rng_state,
                )  # fmt: skip
            else:
                _sample_runs(
                    block_runs[b], block_runs[b + 1], run_word, run_ptr, DS, ZS, nwz, ndz, mine, inv_norm, alpha,
                    beta, coef, wts, cum, rng_state,
                )  # fmt: skip
            g += 1
            arrive(counter, i, g)
            if not wait_for_all(counter, g):
                return False
            done = 1 + (g - 1) % 2
            for k in range(n_topics):  # n_k += every worker's change in the phase
                start = base[k]
                total = start
                for j in range(P):
                    total += totals[j, done, k] - start
                base[k] = total
    return True


def per_worker(n_workers: int, shape: tuple[int, ...], dtype) -> np.ndarray:
    """A zeroed array of shape ``(n_workers, *shape)`` whose workers' parts each start on a page of their own.

    Each part is C-ordered and starts on a ``PAGE_BYTES`` boundary, so no page holds two workers' parts. Padding of
    128 bytes between them was not enough: in some processes two workers ran 14-40% slower than in others (K = 50,
    1 M tokens: ten sweeps in 0.25-0.31 s against 0.22 s), depending on where the heap had put the small arrays
    that each worker writes at every token, and with every part on its own pages the slow cases went away. (The likely
    cause: the L2 streamer prefetches ahead of sequential reads up to the end of a 4 KiB page, so one worker's reads
    of its own rows pulled in the next worker's rows, which that worker was writing.)

    Parameters
    ----------
    n_workers : int
    shape : tuple of int
        One worker's part.
    dtype : numpy dtype

    Returns
    -------
    ndarray of shape (n_workers, *shape)
        A view (of a larger buffer) whose first axis steps a whole number of pages.
    """
    dtype = np.dtype(dtype)
    size = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    stride = max(1, -(-size // PAGE_BYTES)) * PAGE_BYTES
    buffer = np.zeros(stride * n_workers + PAGE_BYTES, dtype=np.uint8)
    start = -buffer.ctypes.data % PAGE_BYTES
    pages = buffer[start : start + stride * n_workers].reshape(n_workers, stride)
    return pages[:, :size].view(dtype).reshape((n_workers, *shape))  # (splits contiguous rows: no copy)


def parallel_sweeps(
    n_sweeps: int,
    n_workers: int,
    block_runs: np.ndarray,
    run_word: np.ndarray,
    run_ptr: np.ndarray,
    DS: np.ndarray,
    ZS: np.ndarray,
    nwz: np.ndarray,
    ndz: np.ndarray,
    nz: np.ndarray,
    alpha: float,
    beta: float,
    rng_states: np.ndarray,
    word_prior: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> None:
    """Run ``n_sweeps`` sweeps in place, ``n_workers`` blocks at a time (``rng_states``: one row per worker, each a
    SplitMix64 state, advanced in place).

    ``word_prior`` is ``(prior_row, prior, prior_total)`` of seeded topics (``prior_row`` by local word id), or None
    for the symmetric β.

    The workers are plain threads, this one and ``n_workers - 1`` more, each running :func:`_worker_sweeps` (numba,
    without the GIL) for all the sweeps; they meet at :mod:`models.lda.gibbs.phase_barrier` after every phase. (No
    OpenMP: a process that has used GNU OpenMP may not fork, and the app starts worker processes.)
    """
    P, n_topics = n_workers, nz.shape[0]
    # everything a worker writes at every token, on pages of its own
    totals = per_worker(P, (3, n_topics), np.int64)
    totals[:, 0] = nz
    inv_norm = per_worker(P, (n_topics,), np.float64)
    rows = per_worker(P, (3, (n_topics + LANES - 1) // LANES * LANES), np.float64)  # coef, wts, cum (see scratch)
    states = per_worker(P, (1,), np.uint64)
    states[:] = rng_states
    counter = counters(P)
    if word_prior is None:
        word_prior = (np.zeros(0, dtype=np.int32), np.zeros((1, n_topics)), np.zeros(n_topics))
    failures: list[BaseException] = []

    def work(i: int) -> None:
        try:
            _worker_sweeps(
                i, n_sweeps, block_runs, run_word, run_ptr, DS, ZS, nwz, ndz, totals, inv_norm[i], alpha, beta,
                *word_prior, rows[i, 0], rows[i, 1], rows[i, 2], states[i], counter,
            )  # fmt: skip
        except BaseException as error:  # reported below, after the others have stopped
            failures.append(error)
            abort(counter)

    threads = [threading.Thread(target=work, args=(i,), name=f"gibbs-worker-{i}", daemon=True) for i in range(1, P)]
    started: list[threading.Thread] = []
    try:
        for thread in threads:
            thread.start()
            started.append(thread)
    except BaseException:  # (no thread could be started): release those waiting, then report
        abort(counter)
        for thread in started:
            thread.join()
        raise
    work(0)  # this thread is worker 0
    for thread in started:
        thread.join()
    if failures:
        raise failures[0]
    nz[:] = totals[0, 0]
    rng_states[:] = states
