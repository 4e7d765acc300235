"""What one step of the classroom sampler shows: the token taken out, its full conditional, and the draw."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["StepRecord", "TokenConditional", "draw_uniform", "frozen"]

_MASK = (1 << 64) - 1


def _splitmix64(x: int) -> int:
    # SplitMix64 (Steele, Lea & Flood 2014): a well-mixed 64-bit hash of x
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


def draw_uniform(seed: int, sweep: int, position: int) -> float:
    """The uniform number in [0, 1) used for the token at ``position`` in sweep ``sweep`` (0-based)."""
    h = _splitmix64(_splitmix64(_splitmix64(seed & _MASK) ^ sweep) ^ position)
    return (h >> 11) * 2.0**-53


def frozen(a: np.ndarray) -> np.ndarray:
    """``a``, made read-only (snapshots must not change)."""
    a.flags.writeable = False
    return a


@dataclass(frozen=True, eq=False)
class TokenConditional:
    """The current token taken out of the counts, and its full conditional.

    Attributes
    ----------
    sweep : int
        Completed sweeps before this token (0 during the first sweep).
    position : int
        The token's index in the sweep, 0 .. n_tokens - 1 (document by document, token by token).
    doc : int
        Its document (0-based).
    index : int
        Its place in the document (0-based).
    word_id : int
        Its column in ``vocab``.
    word : str
        The word itself.
    old_topic : int
        Its topic before it was taken out (0-based).
    ndz : ndarray of shape (n_docs, n_topics)
        Document-topic counts without the token.
    nzw : ndarray of shape (n_topics, n_terms)
        Topic-word counts without the token.
    nz : ndarray of shape (n_topics,)
        Tokens per topic without the token.
    doc_factor : ndarray of shape (n_topics,)
        ``n_dk + α`` for the token's document.
    word_factor : ndarray of shape (n_topics,)
        ``n_kw + β`` for the token's word.
    norm_factor : ndarray of shape (n_topics,)
        ``n_k + V·β``.
    weights : ndarray of shape (n_topics,)
        Unnormalised ``doc_factor * word_factor / norm_factor``.
    probabilities : ndarray of shape (n_topics,)
        ``weights`` normalised to sum to 1.
    alpha, beta : float
        The priors (for ``topic_document_table`` and ``topic_word_table``).
    """

    sweep: int
    position: int
    doc: int
    index: int
    word_id: int
    word: str
    old_topic: int
    ndz: np.ndarray
    nzw: np.ndarray
    nz: np.ndarray
    doc_factor: np.ndarray
    word_factor: np.ndarray
    norm_factor: np.ndarray
    weights: np.ndarray
    probabilities: np.ndarray
    alpha: float
    beta: float

    @property
    def topic_document_table(self) -> np.ndarray:
        """ndarray of shape (n_topics, n_docs): ``ndz.T + α`` without the token, as in the lecture."""
        return self.ndz.T + self.alpha

    @property
    def topic_word_table(self) -> np.ndarray:
        """ndarray of shape (n_topics, n_terms): ``nzw + β`` without the token, as in the lecture."""
        return self.nzw + self.beta


@dataclass(frozen=True, eq=False)
class StepRecord(TokenConditional):
    """One step: the token's conditional (all of :class:`TokenConditional`) and what happened next.

    Attributes
    ----------
    new_topic : int
        The topic the token was given (0-based).
    chosen_by : {"sampler", "user"}
        Drawn with the seeded uniform ``u``, or the user's ``choice``.
    u : float or None
        The uniform number in [0, 1) of the draw: the new topic is the first whose cumulative probability
        exceeds it. None when the user chose.
    ndz_after, nzw_after, nz_after : ndarray
        The counts after the token was put back with ``new_topic`` (shapes as ``ndz``, ``nzw``, ``nz``).
    """

    new_topic: int
    chosen_by: str
    u: float | None
    ndz_after: np.ndarray
    nzw_after: np.ndarray
    nz_after: np.ndarray
