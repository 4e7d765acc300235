"""The negative-sampling loss of word vectors, measured on a fixed sample of pairs from the corpus.

gensim's running loss (``compute_loss=True``) is unreliable (gensim issues 2617, 2735, 3228): it is a float32 tally
over a whole ``train`` call, not a per-epoch mean, and stops growing at 2**27. So the loss curve is computed here,
from the vectors themselves, on pairs and negatives drawn once with a seed: every epoch is measured on the same
sample.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

__all__ = ["DEFAULT_PAIRS", "NS_EXPONENT", "LossSample", "draw_loss_sample", "ns_loss"]

# Pairs in the sample: the mean's standard error is then about 1% of the loss, and one evaluation of 10,000 pairs
# × (1 + k) dot products takes milliseconds.
DEFAULT_PAIRS = 10_000
# Mikolov et al. (2013): negatives are drawn from the unigram distribution raised to the 3/4 power.
NS_EXPONENT = 0.75
_CHUNK = 4096


@dataclass(frozen=True, eq=False)
class LossSample:
    """A fixed set of training examples on which the loss is measured.

    Attributes
    ----------
    inputs : scipy.sparse.csr_matrix of shape (n_pairs, n_words)
        Row p averages the input vectors of example p: skip-gram, the centre word (one 1); CBOW, the context words
        (1/|context| each, gensim's ``cbow_mean=1``), so ``inputs @ vectors`` is v_c or v̂.
    targets : ndarray of shape (n_pairs,)
        The word whose output vector u_o should score high: skip-gram, a context word; CBOW, the centre word.
    negatives : ndarray of shape (n_pairs, negative)
        The k negative words of each example; -1 where a draw hit the target (gensim skips such a draw).
    """

    inputs: sp.csr_matrix
    targets: np.ndarray
    negatives: np.ndarray

    @property
    def n_pairs(self) -> int:
        """Number of examples."""
        return len(self.targets)


def draw_loss_sample(
    sentences: Sequence[np.ndarray],
    counts: np.ndarray,
    *,
    sg: int,
    window: int,
    negative: int,
    n_pairs: int = DEFAULT_PAIRS,
    seed: int = 0,
) -> LossSample:
    """Draw the examples on which :func:`ns_loss` is measured, as Word2vec's training would meet them.

    A position t is drawn uniformly among the tokens that have a neighbour, then a window width b uniformly from 1
    to ``window`` (gensim's reduced windows); the context is the words within b of t in the same sentence.
    Skip-gram: one context word o, uniformly (the pair (c, o) with c = w_t); CBOW: the whole context predicting w_t.
    Then ``negative`` words drawn from ``counts ** 0.75``. No frequent-word subsampling: the loss is measured on the
    corpus as it is.

    Parameters
    ----------
    sentences : sequence of ndarray of shape (n_tokens_s,)
        Word ids (rows of the vocabulary) of each sentence, out-of-vocabulary words already removed.
    counts : ndarray of shape (n_words,)
        Corpus count of each word.
    sg, window, negative : int
        As in :class:`~models.embeddings.word2vec_options.Word2VecOptions`.
    n_pairs : int
    seed : int

    Returns
    -------
    LossSample
        Empty (no rows) when no sentence has two words.
    """
    rng = np.random.default_rng(seed)
    n_words = len(counts)
    lengths = np.array([len(s) for s in sentences], dtype=np.int64)
    usable = np.flatnonzero(lengths >= 2)
    if len(usable) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return LossSample(sp.csr_matrix((0, n_words), dtype=np.float32), empty, np.zeros((0, negative), dtype=np.int64))
    ids = np.concatenate([np.asarray(sentences[s], dtype=np.int64) for s in usable])
    starts = np.concatenate(([0], np.cumsum(lengths[usable])[:-1]))
    sentence_of = np.repeat(np.arange(len(usable)), lengths[usable])
    t = rng.integers(0, len(ids), size=n_pairs)
    lo_bound = starts[sentence_of[t]]
    hi_bound = lo_bound + lengths[usable][sentence_of[t]]  # exclusive
    width = rng.integers(1, window + 1, size=n_pairs)
    lo = np.maximum(t - width, lo_bound)
    hi = np.minimum(t + width + 1, hi_bound)
    n_context = hi - lo - 1  # ≥ 1: every sentence here has two words and width ≥ 1
    if sg:
        k = rng.integers(0, n_context)  # the k-th context position, skipping t
        o = lo + k + (lo + k >= t)
        rows = np.arange(n_pairs)
        inputs = sp.csr_matrix((np.ones(n_pairs, dtype=np.float32), (rows, ids[t])), shape=(n_pairs, n_words))
        targets = ids[o]
    else:
        offsets = np.concatenate((np.arange(-window, 0), np.arange(1, window + 1)))
        positions = t[:, None] + offsets  # (n_pairs, 2 * window)
        inside = (positions >= lo[:, None]) & (positions < hi[:, None])
        rows = np.nonzero(inside)[0]
        # repeated context words are summed, as gensim's CBOW sums them
        weights = (1.0 / n_context[rows]).astype(np.float32)
        inputs = sp.csr_matrix((weights, (rows, ids[positions[inside]])), shape=(n_pairs, n_words))
        targets = ids[t]
    noise = np.asarray(counts, dtype=np.float64) ** NS_EXPONENT
    negatives = rng.choice(n_words, size=(n_pairs, negative), p=noise / noise.sum())
    negatives[negatives == targets[:, None]] = -1
    return LossSample(inputs.tocsr(), targets, negatives)


def ns_loss(vectors: np.ndarray, output: np.ndarray, sample: LossSample) -> float:
    """Mean negative-sampling loss of the examples in ``sample``.

    Mikolov et al. (2013): ``L = −log σ(u_oᵀ v_c) − Σ_k log σ(−u_kᵀ v_c)``, with v_c the centre word's input vector
    (CBOW: v̂, the mean of the context words' input vectors), u_o the target's output vector and u_k the negatives'.

    Parameters
    ----------
    vectors : ndarray of shape (n_words, dim)
        Input vectors.
    output : ndarray of shape (n_words, dim)
        Output vectors (gensim's ``syn1neg``).
    sample : LossSample

    Returns
    -------
    float
        The mean over examples (nan for an empty sample). Untrained output vectors (all zero, as gensim starts them)
        give ``(1 + k) log 2``, less log 2 for each skipped negative.
    """
    if sample.n_pairs == 0:
        return float("nan")
    total = 0.0
    for a in range(0, sample.n_pairs, _CHUNK):
        rows = slice(a, a + _CHUNK)
        v = sample.inputs[rows] @ vectors  # (chunk, dim): v_c or v̂
        neg = sample.negatives[rows]
        # dot products in the vectors' precision (float32: relative error ~1e-7), sums in float64
        positive = np.einsum("pd,pd->p", v, output[sample.targets[rows]]).astype(np.float64)
        negative = np.einsum("pd,pkd->pk", v, output[np.maximum(neg, 0)]).astype(np.float64)
        # −log σ(x) = log(1 + e^{−x}), computed without overflow
        total += np.logaddexp(0.0, -positive).sum() + np.where(neg >= 0, np.logaddexp(0.0, negative), 0.0).sum()
    return float(total / sample.n_pairs)
