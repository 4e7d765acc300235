"""Adapters from LDA libraries (gensim, scikit-learn) to the common :class:`~models.lda.topic_model.TopicModel`.

Each adapter is ``fit_<engine>(corpus, options, progress) -> TopicModel``; :func:`models.lda.fit_lda` picks one
and validates the options first. The collapsed Gibbs sampler lives in :mod:`models.lda.gibbs`.

Variational Bayes converges to a local optimum that depends on the random start; on planted corpora about half
the starts merged two topics into one (see the measurements in each adapter). Both adapters therefore screen a
few random starts for a few iterations, keep the start with the best variational bound and run it to the end.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp

from models.corpus.corpus import Corpus
from models.lda.options import Progress
from models.lda.topic_model import TopicModel

__all__ = ["Steps", "count_matrix", "normalise_rows", "start_seeds", "topic_model_from"]


def count_matrix(corpus: Corpus) -> sp.csr_matrix:
    """The corpus counts as a float64 CSR matrix, whatever the type of ``corpus.dtm`` (dense or any sparse format).

    Returns
    -------
    scipy.sparse.csr_matrix of shape (n_docs, n_terms)
    """
    X = sp.csr_matrix(corpus.dtm, dtype=np.float64)
    X.sum_duplicates()
    X.sort_indices()
    return X


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to sum to 1 (float64); an all-zero row becomes uniform."""
    m = np.asarray(matrix, dtype=np.float64)
    sums = m.sum(axis=1, keepdims=True)
    uniform = np.full_like(m, 1.0 / m.shape[1]) if m.shape[1] else m
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(sums > 0, m / np.where(sums > 0, sums, 1.0), uniform)


def topic_model_from(
    corpus: Corpus,
    X: sp.csr_matrix,
    phi: np.ndarray,
    theta: np.ndarray,
    engine: str,
    params: dict[str, Any],
    trace: list[tuple[int, float]],
) -> TopicModel:
    """Wrap an engine's topic-term and document-topic matrices (normalised here) as a :class:`TopicModel`."""
    return TopicModel(
        phi=normalise_rows(phi),
        theta=normalise_rows(theta),
        vocab=tuple(corpus.vocab),
        doc_lengths=np.asarray(X.sum(axis=1)).ravel().astype(np.int64),
        term_frequency=np.asarray(X.sum(axis=0)).ravel().astype(np.int64),
        engine=engine,
        params=params,
        log_likelihood=tuple(trace),
    )


def start_seeds(seed: int, n_starts: int) -> list[int]:
    """Random seeds of ``n_starts`` restarts: ``seed`` itself, then seeds derived from it (reproducibly).

    ``seed`` must be in ``0 .. 2**32 - 1`` (NumPy's legacy RandomState, which gensim and scikit-learn use;
    :func:`models.lda.validate_lda_options` checks it); all seeds come back as Python ints, so NumPy integer seeds
    cannot overflow in later arithmetic.
    """
    derived = np.random.SeedSequence(int(seed)).generate_state(max(n_starts - 1, 0)).tolist()
    return [int(seed), *derived]


class Steps:
    """Counts the steps of a fit (restart screening plus the final run) and reports them to ``progress``."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def __call__(self, value: float | None) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, value)
