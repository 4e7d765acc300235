"""Count tables of collapsed Gibbs sampling, built from token assignments, and their consistency check.

Names as in Griffiths & Steyvers (2004) and the ``lda`` package: tokens ``WS`` (word ids), ``DS`` (document ids),
``ZS`` (topics); counts ``nzw`` (topics x terms), ``ndz`` (documents x topics), ``nz`` (tokens per topic).
A topic of -1 marks a token that is currently unassigned (removed for resampling) and is not counted.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

__all__ = ["Counts", "check_counts", "count_assignments"]


class Counts(NamedTuple):
    """The three count tables.

    Attributes
    ----------
    nzw : ndarray of shape (n_topics, n_terms)
        Tokens of term w assigned to topic z.
    ndz : ndarray of shape (n_docs, n_topics)
        Tokens of document d assigned to topic z.
    nz : ndarray of shape (n_topics,)
        Tokens assigned to topic z.
    """

    nzw: np.ndarray
    ndz: np.ndarray
    nz: np.ndarray


def count_assignments(
    WS: np.ndarray, DS: np.ndarray, ZS: np.ndarray, *, n_docs: int, n_terms: int, n_topics: int
) -> Counts:
    """Count tables from token assignments; tokens with topic -1 (unassigned) are skipped.

    Parameters
    ----------
    WS, DS, ZS : ndarray of shape (n_tokens,)
        Word id, document id and topic (0-based, or -1) of each token.
    n_docs, n_terms, n_topics : int
        Table sizes (documents, vocabulary, topics).

    Returns
    -------
    Counts
        ``nzw``, ``ndz`` and ``nz`` as int64 arrays.
    """
    WS, DS, ZS = (np.asarray(a, dtype=np.int64) for a in (WS, DS, ZS))
    if not WS.shape == DS.shape == ZS.shape or WS.ndim != 1:
        raise ValueError(f"WS, DS, ZS must be 1-D of one length, got {WS.shape}, {DS.shape}, {ZS.shape}")
    keep = ZS >= 0
    w, d, z = WS[keep], DS[keep], ZS[keep]
    if z.size and (z.max() >= n_topics or w.max() >= n_terms or d.max() >= n_docs or w.min() < 0 or d.min() < 0):
        raise ValueError("a word id, document id or topic is out of range")
    nzw = np.bincount(z * n_terms + w, minlength=n_topics * n_terms).reshape(n_topics, n_terms)
    ndz = np.bincount(d * n_topics + z, minlength=n_docs * n_topics).reshape(n_docs, n_topics)
    nz = np.bincount(z, minlength=n_topics)
    return Counts(nzw, ndz, nz)


def check_counts(
    WS: np.ndarray, DS: np.ndarray, ZS: np.ndarray, nzw: np.ndarray, ndz: np.ndarray, nz: np.ndarray
) -> None:
    """Raise ValueError listing every table that differs from the counts recomputed from the assignments."""
    n_topics, n_terms = nzw.shape
    expected = count_assignments(WS, DS, ZS, n_docs=ndz.shape[0], n_terms=n_terms, n_topics=n_topics)
    problems = [
        name
        for name, got, want in zip(("nzw", "ndz", "nz"), (nzw, ndz, nz), expected, strict=True)
        if got.shape != want.shape or not np.array_equal(got, want)
    ]
    if problems:
        raise ValueError("count tables disagree with the assignments: " + ", ".join(problems))
