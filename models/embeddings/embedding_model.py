"""Word vectors trained on a corpus: what every embedding view reads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from models.embeddings.word2vec_options import Word2VecOptions

__all__ = ["EmbeddingModel"]


@dataclass(frozen=True, eq=False)
class EmbeddingModel:
    """A fitted Word2vec model with negative sampling, library-independent.

    Attributes
    ----------
    vocab : tuple of str
        Words, most frequent first (ties in order of first appearance), the row order of ``vectors``.
    counts : ndarray of shape (n_words,)
        Corpus count of each word (int64).
    vectors : ndarray of shape (n_words, dim)
        Input vectors v_w (the rows of the lecture's ``W``; gensim's ``wv.vectors``), float32.
    output : ndarray of shape (n_words, dim)
        Output vectors u_w of negative sampling (the columns of the lecture's ``W'``; gensim's ``syn1neg``),
        float32.
    loss : tuple of float
        Mean negative-sampling loss on a fixed sample of pairs before training (index 0) and after each epoch
        (:mod:`models.embeddings.ns_loss`); ``epochs + 1`` values.
    options : Word2VecOptions
        The options used.
    seconds : float
        Wall time of the fit, loss evaluations included.
    """

    vocab: tuple[str, ...]
    counts: np.ndarray
    vectors: np.ndarray
    output: np.ndarray
    loss: tuple[float, ...]
    options: Word2VecOptions
    seconds: float = 0.0

    def __post_init__(self) -> None:
        v = len(self.vocab)
        problems = []
        if self.counts.shape != (v,):
            problems.append(f"counts shape {self.counts.shape}, expected ({v},)")
        for name in ("vectors", "output"):
            shape = getattr(self, name).shape
            if shape != (v, self.options.dim):
                problems.append(f"{name} shape {shape}, expected ({v}, {self.options.dim})")
        if len(self.index) != v:
            problems.append("vocab has repeated words")
        if problems:
            raise ValueError("invalid EmbeddingModel: " + "; ".join(problems))

    @property
    def dim(self) -> int:
        """Vector size N."""
        return self.vectors.shape[1]

    @property
    def vocab_size(self) -> int:
        """Number of words V."""
        return len(self.vocab)

    @cached_property
    def index(self) -> dict[str, int]:
        """Row of each word in ``vectors``."""
        return {w: i for i, w in enumerate(self.vocab)}

    @cached_property
    def unit_vectors(self) -> np.ndarray:
        """ndarray of shape (n_words, dim): ``vectors`` scaled to length 1 (an all-zero row stays zero), float32."""
        norms = np.linalg.norm(self.vectors, axis=1, keepdims=True)
        return (self.vectors / np.where(norms > 0, norms, 1)).astype(np.float32)
