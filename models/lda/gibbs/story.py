"""LDA's generative story, one word at a time, for display (Blei, Ng & Jordan 2003)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["GeneratedDocument", "generate_document"]


@dataclass(frozen=True, eq=False)
class GeneratedDocument:
    """A document written by LDA's generative story (Blei, Ng & Jordan 2003).

    Attributes
    ----------
    theta : ndarray of shape (n_topics,)
        The document's topic proportions (drawn from Dir(α) or given).
    topics : ndarray of shape (length,)
        The topic drawn for each word (0-based).
    word_ids : ndarray of shape (length,)
        The word drawn from that topic's φ_k.
    words : tuple of str
        The words.
    """

    theta: np.ndarray
    topics: np.ndarray
    word_ids: np.ndarray
    words: tuple[str, ...]

    @property
    def steps(self) -> tuple[tuple[int, str], ...]:
        """(topic, word) of each draw, in order."""
        return tuple(zip((int(k) for k in self.topics), self.words, strict=True))


def generate_document(
    phi: np.ndarray,
    alpha: float,
    length: int,
    *,
    seed: int,
    theta: np.ndarray | None = None,
    vocab: Sequence[str] | None = None,
) -> GeneratedDocument:
    """LDA's generative story for one document: θ ~ Dir(α) (unless given), then per word z ~ θ and w ~ φ_z.

    Parameters
    ----------
    phi : ndarray of shape (n_topics, n_terms)
        Topic-word distributions (rows sum to 1).
    alpha : float
        Symmetric Dirichlet prior of θ.
    length : int
        Number of words.
    seed : int
        Seed: the same seed gives the same document.
    theta : ndarray of shape (n_topics,), optional
        Topic proportions to use instead of drawing them.
    vocab : sequence of str, optional
        Words of ``phi``'s columns; default "w0", "w1", ...
    """
    rng = np.random.default_rng(seed)
    n_topics, n_terms = phi.shape
    theta = rng.dirichlet(np.full(n_topics, alpha)) if theta is None else np.asarray(theta, dtype=np.float64)
    if theta.shape != (n_topics,):
        raise ValueError(f"theta must have {n_topics} entries")
    topics = rng.choice(n_topics, size=length, p=theta / theta.sum())
    word_ids = np.array([rng.choice(n_terms, p=phi[k] / phi[k].sum()) for k in topics], dtype=np.int64)
    names = vocab if vocab is not None else [f"w{j}" for j in range(n_terms)]
    return GeneratedDocument(theta, topics.astype(np.int64), word_ids, tuple(names[j] for j in word_ids))
