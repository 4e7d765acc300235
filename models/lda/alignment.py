"""Matching the topics of two models: Jensen-Shannon similarity of φ rows and optimal one-to-one matching.

Similarity is ``1 − JSD(φ_a, φ_b) / ln 2`` (Lin 1991; the distance of the intertopic map, scaled to [0, 1]: 1 for
identical rows, 0 for disjoint support). Topics are matched one to one by the Hungarian method (Kuhn 1955;
``scipy.optimize.linear_sum_assignment``) maximising the total similarity, as TopicCheck (Mantyla et al. 2018) and
tmplot align topics of repeated runs.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment

from models.ldavis.intertopic import js_divergence

__all__ = ["Alignment", "align_topics", "js_similarity", "top_word_ids"]


def js_similarity(phi_a: np.ndarray, phi_b: np.ndarray) -> np.ndarray:
    """``1 − JSD / ln 2`` between every row of ``phi_a`` and every row of ``phi_b``.

    Parameters
    ----------
    phi_a : ndarray of shape (k_a, n_terms)
    phi_b : ndarray of shape (k_b, n_terms)
        Topic-term distributions over the same vocabulary (rows are renormalised).

    Returns
    -------
    ndarray of shape (k_a, k_b)
        Values in [0, 1].
    """
    k_a = phi_a.shape[0]
    both = np.vstack([np.asarray(phi_a, dtype=np.float64), np.asarray(phi_b, dtype=np.float64)])
    jsd = js_divergence(both)[:k_a, k_a:]  # the shared JS kernel of the intertopic map
    return np.clip(1.0 - jsd / np.log(2.0), 0.0, 1.0)


class Alignment(NamedTuple):
    """An optimal one-to-one matching of the topics of a reference model to those of another.

    Attributes
    ----------
    match : ndarray of shape (k_ref,)
        ``match[k]`` is the other model's topic matched to reference topic k (-1 when the other has fewer topics).
    similarity : ndarray of shape (k_ref,)
        JS similarity of each matched pair (0 where unmatched).
    matrix : ndarray of shape (k_ref, k_other)
        Every pair's JS similarity.
    """

    match: np.ndarray
    similarity: np.ndarray
    matrix: np.ndarray


def align_topics(phi_ref: np.ndarray, phi_other: np.ndarray) -> Alignment:
    """Match reference topics to the other model's topics, maximising the summed JS similarity (Hungarian).

    Parameters
    ----------
    phi_ref : ndarray of shape (k_ref, n_terms)
    phi_other : ndarray of shape (k_other, n_terms)

    Returns
    -------
    Alignment
    """
    matrix = js_similarity(phi_ref, phi_other)
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    match = np.full(matrix.shape[0], -1, dtype=np.int64)
    match[rows] = cols
    similarity = np.zeros(matrix.shape[0])
    similarity[rows] = matrix[rows, cols]
    return Alignment(match=match, similarity=similarity, matrix=matrix)


def top_word_ids(phi: np.ndarray, topn: int = 10) -> np.ndarray:
    """The ``topn`` most probable words of each topic, most probable first: (n_topics, topn) ints."""
    topn = min(topn, phi.shape[1])
    part = np.argpartition(-phi, topn - 1, axis=1)[:, :topn]
    order = np.argsort(-np.take_along_axis(phi, part, axis=1), axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1)
