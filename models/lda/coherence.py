"""Topic coherence computed natively: u_mass, c_v and NPMI from (sliding-window) co-occurrence counts of top terms.

The definitions are gensim's ``CoherenceModel`` pipelines (after Röder, Both & Hinneburg 2015, "Exploring the space
of topic coherence measures"), reproduced to 1e-6 (``tests/models/test_coherence.py``) including two of gensim's
conventions: ``ε = 1e-12`` inside the logarithms, and the way its sliding window forgets a word: when a token leaves
the window at the left edge its word is marked absent even if the word occurs again inside the window, until it
comes back in at the right edge. What changes is the cost: one pass over the corpus's token ids in numba, counting
only the pairs of words that share a topic, instead of every pair of every window in Python.

- **u_mass** (Mimno et al. 2011): documents are the windows; for each topic, the mean over ordered pairs (i > j) of
  ``log((D(w_i, w_j)/N + ε) / (D(w_j)/N))``.
- **c_v**: windows of 110 tokens; ``NPMI(a, b) = log((P(a,b) + ε) / (P(a) P(b))) / −log(P(a,b) + ε)``; each top word's
  vector of NPMI with the topic's words is compared by cosine with the sum of all of them; the topic's score is the
  mean cosine.
- **c_npmi** (Bouma 2009; Aletras & Stevenson 2013): windows of 10 tokens; the mean NPMI over pairs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numba
import numpy as np

from models.corpus.corpus import Corpus

__all__ = ["EPSILON", "MEASURES", "WINDOW_SIZES", "Counts", "coherence_per_topic", "cooccurrence_counts"]

EPSILON = 1e-12  # gensim.topic_coherence.direct_confirmation_measure.EPSILON
MEASURES: tuple[str, ...] = ("c_v", "u_mass", "c_npmi")
# Window of each measure in tokens; 0: the whole document is one window (boolean document).
WINDOW_SIZES: dict[str, int] = {"c_v": 110, "u_mass": 0, "c_npmi": 10}


class Counts:
    """Occurrence counts of a topic set's words in a corpus's windows.

    Attributes
    ----------
    n_windows : int
        Number of windows (documents for u_mass).
    occurrences : ndarray of shape (n_topics, topn)
        Windows holding each topic's i-th word.
    cooccurrences : ndarray of shape (n_topics, topn, topn)
        Windows holding both the i-th and the j-th word (symmetric; the diagonal is ``occurrences``).
    """

    def __init__(self, n_windows: int, occurrences: np.ndarray, cooccurrences: np.ndarray) -> None:
        self.n_windows = n_windows
        self.occurrences = occurrences
        self.cooccurrences = cooccurrences


@numba.njit(cache=True, nogil=True)
def _room(a: np.ndarray, n: int) -> np.ndarray:
    """``a`` if it has a row ``n``, else a copy with twice the rows (a growing buffer)."""
    if n < a.shape[0]:
        return a
    return np.concatenate((a, np.empty_like(a)))


@numba.njit(cache=True, nogil=True)
def _accumulate(
    ids: np.ndarray,
    offsets: np.ndarray,
    relevant: np.ndarray,
    member_ptr: np.ndarray,
    member_topic: np.ndarray,
    member_pos: np.ndarray,
    slot_word: np.ndarray,
    window: int,
) -> tuple[int, np.ndarray, np.ndarray]:
    """Windows, per-word window counts and per-topic pair counts; see :func:`cooccurrence_counts`."""
    n_rel = member_ptr.shape[0] - 1
    n_topics, topn = slot_word.shape
    occ = np.zeros(n_rel, dtype=np.int64)
    co = np.zeros((n_topics, topn, topn), dtype=np.int64)
    present = np.zeros(n_rel, dtype=np.bool_)
    start = np.zeros(n_rel, dtype=np.int64)
    # presence intervals of this document: rows of (word, first window, last window)
    iv = np.empty((16, 3), dtype=np.int64)
    touched = np.empty(16, dtype=np.int64)
    first = np.full(n_rel, -1, dtype=np.int64)  # this document's intervals of word r: sorted[first[r]:last[r]]
    last = np.full(n_rel, -1, dtype=np.int64)
    topic_fill = np.zeros(n_topics, dtype=np.int64)
    topic_pos = np.empty((n_topics, topn), dtype=np.int64)
    topic_list = np.empty(n_topics, dtype=np.int64)
    n_windows = 0
    for d in range(offsets.shape[0] - 1):
        a, b = offsets[d], offsets[d + 1]
        n = b - a
        n_windows_d = 1 if window == 0 or n < window else n - window + 1
        n_windows += n_windows_d
        if n == 0:
            continue
        span = n if window == 0 or n < window else window
        n_iv = 0
        n_touched = 0

        # --- presence intervals, sliding as gensim's WordOccurrenceAccumulator does ---
        for p in range(a, a + span):
            r = relevant[ids[p]]
            if r >= 0 and not present[r]:
                present[r] = True
                start[r] = 0
                touched = _room(touched, n_touched)
                touched[n_touched] = r
                n_touched += 1
        for s in range(1, n_windows_d):
            leaving = relevant[ids[a + s - 1]]
            entering = relevant[ids[a + s + window - 1]]
            if leaving >= 0 and present[leaving]:
                iv = _room(iv, n_iv)
                iv[n_iv, 0], iv[n_iv, 1], iv[n_iv, 2] = leaving, start[leaving], s - 1
                n_iv += 1
                present[leaving] = False
            if entering >= 0 and not present[entering]:
                present[entering] = True
                start[entering] = s
                touched = _room(touched, n_touched)
                touched[n_touched] = entering
                n_touched += 1
        for k in range(n_touched):
            r = touched[k]
            if present[r]:
                iv = _room(iv, n_iv)
                iv[n_iv, 0], iv[n_iv, 1], iv[n_iv, 2] = r, start[r], n_windows_d - 1
                n_iv += 1
                present[r] = False
        if n_iv == 0:
            continue

        # --- group the intervals by word ---
        order = np.argsort(iv[:n_iv, 0], kind="mergesort")
        w_sorted = iv[:n_iv, 0][order]
        lo_sorted = iv[:n_iv, 1][order]
        hi_sorted = iv[:n_iv, 2][order]
        for k in range(n_iv):
            r = w_sorted[k]
            occ[r] += hi_sorted[k] - lo_sorted[k] + 1
            if first[r] < 0:
                first[r] = k
            last[r] = k + 1

        # --- pairs of words that share a topic ---
        n_listed = 0
        k = 0
        while k < n_iv:
            r = w_sorted[k]
            for m in range(member_ptr[r], member_ptr[r + 1]):
                t = member_topic[m]
                if topic_fill[t] == 0:
                    topic_list[n_listed] = t
                    n_listed += 1
                topic_pos[t, topic_fill[t]] = member_pos[m]
                topic_fill[t] += 1
            k = last[r]
        for q in range(n_listed):
            t = topic_list[q]
            f = topic_fill[t]
            for x in range(f):
                i = topic_pos[t, x]
                ri = slot_word[t, i]
                for y in range(x + 1, f):
                    j = topic_pos[t, y]
                    rj = slot_word[t, j]
                    both = 0
                    for u in range(first[ri], last[ri]):
                        for v in range(first[rj], last[rj]):
                            lo = max(lo_sorted[u], lo_sorted[v])
                            hi = min(hi_sorted[u], hi_sorted[v])
                            if hi >= lo:
                                both += hi - lo + 1
                    co[t, i, j] += both
                    co[t, j, i] += both
            topic_fill[t] = 0
        for k in range(n_iv):
            first[w_sorted[k]] = -1
            last[w_sorted[k]] = -1
    return n_windows, occ, co


def cooccurrence_counts(corpus: Corpus, topics: Sequence[Sequence[int]], window: int) -> Counts:
    """Count the windows that hold each topic word and each pair of words of the same topic.

    Parameters
    ----------
    corpus : Corpus
        Its ``token_ids`` in document order are the texts.
    topics : sequence of sequence of int
        Vocabulary ids of each topic's top words (every topic the same length ``topn``).
    window : int
        Sliding-window length in tokens; 0 makes every document one window (boolean document). A document shorter
        than the window is one window.

    Returns
    -------
    Counts
    """
    top = np.asarray(topics, dtype=np.int64).reshape(len(topics), -1)
    n_topics, topn = top.shape
    words, inverse = np.unique(top.ravel(), return_inverse=True)
    relevant = np.full(len(corpus.vocab) + 1, -1, dtype=np.int64)
    relevant[words] = np.arange(len(words))
    # which (topic, position) slots each relevant word fills
    slot_word = inverse.reshape(n_topics, topn)
    order = np.argsort(slot_word.ravel(), kind="stable")
    member_topic = (order // topn).astype(np.int64)
    member_pos = (order % topn).astype(np.int64)
    member_ptr = np.searchsorted(slot_word.ravel()[order], np.arange(len(words) + 1)).astype(np.int64)
    n_windows, occ, co = _accumulate(
        np.ascontiguousarray(corpus.token_ids, dtype=np.int64),
        np.ascontiguousarray(corpus.doc_offsets, dtype=np.int64),
        relevant,
        member_ptr,
        member_topic,
        member_pos,
        np.ascontiguousarray(slot_word, dtype=np.int64),
        int(window),
    )
    occurrences = occ[slot_word]
    for t in range(n_topics):
        np.fill_diagonal(co[t], occurrences[t])
    return Counts(int(n_windows), occurrences, co)


def _npmi(counts: Counts) -> np.ndarray:
    """NPMI of every pair of each topic's words, shape (n_topics, topn, topn); the diagonal pairs a word with itself."""
    n = float(counts.n_windows)
    p_joint = counts.cooccurrences / n
    p = counts.occurrences / n
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((p_joint + EPSILON) / (p[:, :, None] * p[:, None, :]))
        return pmi / -np.log(p_joint + EPSILON)


def coherence_per_topic(corpus: Corpus, topics: Sequence[Sequence[int]], measure: str = "c_v") -> np.ndarray:
    """Coherence of each topic's top words (vocabulary ids) in ``corpus`` by ``measure``.

    Parameters
    ----------
    corpus : Corpus
    topics : sequence of sequence of int
        Each topic's top words as vocabulary ids, most probable first (u_mass depends on the order).
    measure : {"c_v", "u_mass", "c_npmi"}

    Returns
    -------
    ndarray of shape (n_topics,)
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown coherence measure {measure!r}; use one of {MEASURES}")
    counts = cooccurrence_counts(corpus, topics, WINDOW_SIZES[measure])
    n_topics, topn = counts.occurrences.shape
    if measure == "u_mass":
        n = float(counts.n_windows)
        i, j = np.tril_indices(topn, k=-1)  # w_prime = word i, w_star = an earlier word j
        with np.errstate(divide="ignore", invalid="ignore"):
            scores = np.log((counts.cooccurrences[:, i, j] / n + EPSILON) / (counts.occurrences[:, j] / n))
        return scores.mean(axis=1) if i.size else np.zeros(n_topics)
    npmi = _npmi(counts)
    if measure == "c_npmi":
        i, j = np.triu_indices(topn, k=1)
        return npmi[:, i, j].mean(axis=1) if i.size else np.zeros(n_topics)
    # c_v: each word's NPMI vector against the sum of all the topic's vectors, by cosine
    total = npmi.sum(axis=1, keepdims=True)  # (n_topics, 1, topn)
    with np.errstate(divide="ignore", invalid="ignore"):
        cosine = (npmi * total).sum(axis=2) / (np.linalg.norm(npmi, axis=2) * np.linalg.norm(total, axis=2))
    return cosine.mean(axis=1)
