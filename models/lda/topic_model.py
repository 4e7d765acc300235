"""The fitted topic model that every LDA engine returns and every view reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["TopicModel"]


@dataclass(frozen=True, eq=False)
class TopicModel:
    """A fitted LDA model, engine-independent.

    Attributes
    ----------
    phi : ndarray of shape (n_topics, n_terms)
        Topic-term distributions p(w | k); rows sum to 1.
    theta : ndarray of shape (n_docs, n_topics)
        Document-topic distributions p(k | d); rows sum to 1.
    vocab : tuple of str
        Terms in column order of ``phi``.
    doc_lengths : ndarray of shape (n_docs,)
        Tokens per document.
    term_frequency : ndarray of shape (n_terms,)
        Corpus-wide count of each term.
    assignments : tuple of ndarray, optional
        Per document, the topic of each token (in the order of ``Corpus.doc_tokens``), for engines that sample
        them (collapsed Gibbs); None for variational engines.
    engine : str
        "gensim", "sklearn" or "gibbs".
    params : dict
        Hyperparameters used (K, alpha, eta, iterations, seed, ...).
    log_likelihood : list of (int, float)
        Trace of (iteration, log-likelihood or bound) recorded during fitting.
    """

    phi: np.ndarray
    theta: np.ndarray
    vocab: tuple[str, ...]
    doc_lengths: np.ndarray
    term_frequency: np.ndarray
    assignments: tuple[np.ndarray, ...] | None = None
    engine: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    log_likelihood: tuple[tuple[int, float], ...] = ()

    def __post_init__(self) -> None:
        k, v = self.phi.shape
        d, k2 = self.theta.shape
        problems = []
        if k2 != k:
            problems.append(f"theta has {k2} topics, phi has {k}")
        if len(self.vocab) != v:
            problems.append(f"vocab has {len(self.vocab)} terms, phi has {v}")
        if self.doc_lengths.shape != (d,):
            problems.append(f"doc_lengths shape {self.doc_lengths.shape}, expected ({d},)")
        if self.term_frequency.shape != (v,):
            problems.append(f"term_frequency shape {self.term_frequency.shape}, expected ({v},)")
        if not np.allclose(self.phi.sum(axis=1), 1.0, atol=1e-6):
            problems.append("phi rows do not sum to 1")
        if not np.allclose(self.theta.sum(axis=1), 1.0, atol=1e-6):
            problems.append("theta rows do not sum to 1")
        if self.assignments is not None and len(self.assignments) != d:
            problems.append(f"{len(self.assignments)} assignment arrays for {d} documents")
        if problems:
            raise ValueError("invalid TopicModel: " + "; ".join(problems))

    @property
    def n_topics(self) -> int:
        """Number of topics K."""
        return self.phi.shape[0]
