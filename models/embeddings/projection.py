"""The most frequent words of an embedding laid out in two dimensions: PCA or t-SNE."""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Integral

import numpy as np

from models.embeddings.embedding_model import EmbeddingModel
from models.errors import InputError

__all__ = ["METHODS", "Projection", "project_words"]

METHODS: tuple[str, ...] = ("pca", "tsne")
# t-SNE's usual perplexity (van der Maaten & Hinton 2008 suggest 5-50); scikit-learn needs it below the number of
# points, and with fewer than ~3 × perplexity points every point is everyone's neighbour, so it is clamped.
TSNE_PERPLEXITY = 30.0


@dataclass(frozen=True, eq=False)
class Projection:
    """Words placed in the plane.

    Attributes
    ----------
    words : tuple of str
        The words, most frequent first.
    rows : ndarray of shape (n_words,)
        Their rows in the model.
    xy : ndarray of shape (n_words, 2)
        Coordinates (float64).
    method : str
        "pca" or "tsne".
    explained : ndarray of shape (2,)
        PCA: share of the variance along each axis; t-SNE: nan.
    """

    words: tuple[str, ...]
    rows: np.ndarray
    xy: np.ndarray
    method: str
    explained: np.ndarray


def project_words(model: EmbeddingModel, n: int = 300, method: str = "pca", seed: int = 0) -> Projection:
    """The ``n`` most frequent words' unit vectors (so nearness on the map follows cosine) in 2-D.

    PCA (default): the first two principal components, each axis's sign fixed so that its largest loading is
    positive (as scikit-learn's ``svd_flip``): the same vectors always give the same picture. t-SNE (van der Maaten
    & Hinton 2008): scikit-learn's ``TSNE`` on cosine distances, PCA-initialised, seeded, perplexity
    ``min(30, (n − 1) / 3)`` (at least 1).

    Parameters
    ----------
    model : EmbeddingModel
    n : int
        How many words (all of them when the vocabulary is smaller).
    method : {"pca", "tsne"}
    seed : int
        t-SNE's random state.

    Returns
    -------
    Projection
    """
    if method not in METHODS:
        raise InputError("bad_option", option="method", value=method, why=" / ".join(METHODS))
    if not isinstance(n, Integral) or isinstance(n, bool) or n < 1:
        raise InputError("bad_option", option="n", value=n, why="a whole number from 1")
    rows = np.arange(min(int(n), model.vocab_size))  # the vocabulary is ordered by frequency
    x = model.unit_vectors[rows].astype(np.float64)
    if method == "pca":
        xy, explained = pca_2d(x)
    else:
        xy, explained = tsne_2d(x, seed), np.full(2, np.nan)
    return Projection(tuple(model.vocab[j] for j in rows), rows, xy, method, explained)


def pca_2d(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows of ``x`` on its first two principal axes, with deterministic signs.

    Parameters
    ----------
    x : ndarray of shape (n_points, dim)

    Returns
    -------
    xy : ndarray of shape (n_points, 2)
        Zeros along an axis the data does not have (fewer than 3 points, or dim 1).
    explained : ndarray of shape (2,)
        Share of the total variance along each axis (0 when there is none).
    """
    centred = x - x.mean(axis=0)
    u, s, vt = np.linalg.svd(centred, full_matrices=False)
    k = min(2, len(s))
    # svd_flip: the largest |loading| of each axis positive
    signs = np.sign(vt[np.arange(k), np.argmax(np.abs(vt[:k]), axis=1)])
    signs[signs == 0] = 1
    xy = np.zeros((len(x), 2))
    xy[:, :k] = u[:, :k] * s[:k] * signs
    total = float((s**2).sum())
    explained = np.zeros(2)
    if total > 0:
        explained[:k] = s[:k] ** 2 / total
    return xy, explained


def tsne_2d(x: np.ndarray, seed: int = 0) -> np.ndarray:
    """t-SNE of the rows of ``x`` on cosine distance (ndarray of shape (n_points, 2)); one point sits at 0."""
    if len(x) < 2:
        return np.zeros((len(x), 2))
    from sklearn.manifold import TSNE

    perplexity = max(1.0, min(TSNE_PERPLEXITY, (len(x) - 1) / 3))
    tsne = TSNE(n_components=2, perplexity=perplexity, metric="cosine", init="pca", random_state=seed)
    return tsne.fit_transform(x).astype(np.float64)
