"""The intertopic distance map: topic prevalence, Jensen-Shannon distances and 2-D layouts.

Sievert & Shirley (2014), "LDAvis: A method for visualizing and interpreting topics", ILLVI workshop, ACL.

Topics are compared by the Jensen-Shannon divergence of their term distributions (natural log, as pyLDAvis: the
divergence itself, not its square root) and laid out in two dimensions by classical multidimensional scaling
(principal coordinate analysis, pyLDAvis's default ``js_PCoA``), by metric MDS (SMACOF) or by t-SNE. Circle areas
are proportional to topic prevalence, the share of corpus tokens assigned to each topic.

Every array here is indexed by the model's own topic id (row of ``phi``); ``display_order`` gives the order in
which LDAvis numbers the circles (most prevalent first).
"""

from __future__ import annotations

import logging

import numpy as np

from models.errors import InputError

__all__ = [
    "CIRCLE_PROP",
    "LAYOUTS",
    "SIZE_GUIDE",
    "circle_radii",
    "display_order",
    "display_ranks",
    "js_divergence",
    "layout_coordinates",
    "map_panel_side",
    "metric_mds",
    "pcoa",
    "topic_prevalence",
    "topic_token_counts",
    "tsne",
]

logger = logging.getLogger(__name__)

LAYOUTS: tuple[str, ...] = ("pcoa", "mmds", "tsne")

# LDAvis (ldavis.v3.0.0.js): the circles of all topics together cover a quarter of the square panel that holds the
# centres with 5% padding on each side; its size guide shows circles for 2%, 5% and 10% of the tokens.
CIRCLE_PROP = 0.25
PANEL_PAD = 0.05
SIZE_GUIDE: tuple[float, ...] = (0.02, 0.05, 0.10)


def map_panel_side(coordinates: np.ndarray) -> float:
    """Side of LDAvis's square panel in layout units: the centres' larger extent plus 5% padding on each side.

    Parameters
    ----------
    coordinates : ndarray of shape (n_topics, 2)

    Returns
    -------
    float
        Positive; 1.0 when all centres coincide (one topic).
    """
    xy = np.asarray(coordinates, dtype=np.float64).reshape(-1, 2)
    extent = float((xy.max(axis=0) - xy.min(axis=0)).max()) if len(xy) else 0.0
    return extent * (1 + 2 * PANEL_PAD) if extent > 0 else 1.0


def circle_radii(weights: np.ndarray, side: float) -> np.ndarray:
    """Circle radii in layout units, area proportional to weight as in LDAvis.

    Sievert & Shirley (2014), LDAvis: ``r = sqrt(w * side² * CIRCLE_PROP / π)`` with ``w`` a share (prevalence, or
    p(topic | term) in the term view), so that shares summing to 1 cover ``CIRCLE_PROP`` of the panel.

    Parameters
    ----------
    weights : ndarray of shape (n_topics,)
        Non-negative shares; normalised to sum to 1 (all zero stays zero).
    side : float
        Panel side in layout units (:func:`map_panel_side`).

    Returns
    -------
    ndarray of shape (n_topics,)
    """
    w = np.clip(np.asarray(weights, dtype=np.float64), 0.0, None)
    total = w.sum()
    w = w / total if total > 0 else w
    return np.sqrt(w * CIRCLE_PROP / np.pi) * side


def topic_token_counts(theta: np.ndarray, doc_lengths: np.ndarray) -> np.ndarray:
    """Expected number of tokens assigned to each topic, ``N_k = sum_d theta_dk * len_d``.

    Parameters
    ----------
    theta : ndarray of shape (n_docs, n_topics)
        Document-topic distributions.
    doc_lengths : ndarray of shape (n_docs,)
        Tokens per document.

    Returns
    -------
    ndarray of shape (n_topics,)
    """
    return np.asarray(doc_lengths, dtype=np.float64) @ np.asarray(theta, dtype=np.float64)


def topic_prevalence(theta: np.ndarray, doc_lengths: np.ndarray) -> np.ndarray:
    """Share of corpus tokens in each topic, ``p(k) = N_k / sum_j N_j`` (LDAvis circle areas; pyLDAvis ``Freq``/100).

    Parameters
    ----------
    theta : ndarray of shape (n_docs, n_topics)
        Document-topic distributions.
    doc_lengths : ndarray of shape (n_docs,)
        Tokens per document.

    Returns
    -------
    ndarray of shape (n_topics,)
        Sums to 1.

    Raises
    ------
    InputError
        If the documents hold no tokens at all.
    """
    counts = topic_token_counts(theta, doc_lengths)
    total = counts.sum()
    if not total > 0:
        raise InputError("vis_no_tokens")
    return counts / total


def display_order(prevalence: np.ndarray) -> np.ndarray:
    """Topic ids sorted by decreasing prevalence (ties: lower id first), the order LDAvis numbers its circles.

    Parameters
    ----------
    prevalence : ndarray of shape (n_topics,)

    Returns
    -------
    ndarray of shape (n_topics,) of int
        ``order[r]`` is the model's topic id shown at display rank ``r + 1``.
    """
    return np.argsort(-np.asarray(prevalence), kind="stable")


def display_ranks(order: np.ndarray) -> np.ndarray:
    """The 1-based display rank of each topic id: the inverse permutation of :func:`display_order`, plus one.

    Parameters
    ----------
    order : ndarray of shape (n_topics,) of int

    Returns
    -------
    ndarray of shape (n_topics,) of int
        ``ranks[k]`` is the number LDAvis shows on the circle of the model's topic ``k``.
    """
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def js_divergence(phi: np.ndarray) -> np.ndarray:
    """Pairwise Jensen-Shannon divergence between topics, in nats.

    ``JSD(P, Q) = H(M) - (H(P) + H(Q)) / 2`` with ``M = (P + Q) / 2`` (Lin 1991), which equals pyLDAvis's
    ``0.5 * (KL(P || M) + KL(Q || M))``. Identical topics are at 0, topics with disjoint support at ``ln 2``.
    Rows are renormalised first (as ``scipy.stats.entropy`` does inside pyLDAvis).

    Parameters
    ----------
    phi : ndarray of shape (n_topics, n_terms)
        Topic-term distributions.

    Returns
    -------
    ndarray of shape (n_topics, n_topics)
        Symmetric, zero diagonal, values in ``[0, ln 2]``.
    """
    p = np.asarray(phi, dtype=np.float64)
    p = p / p.sum(axis=1, keepdims=True)
    k, v = p.shape
    entropy = -_sum_xlogx(p, np.empty_like(p))
    out = np.zeros((k, k))
    mixture = np.empty((max(k - 1, 0), v))
    scratch = np.empty_like(mixture)
    for i in range(k - 1):
        m = mixture[: k - 1 - i]
        np.add(p[i], p[i + 1 :], out=m)
        m *= 0.5
        out[i, i + 1 :] = -_sum_xlogx(m, scratch[: k - 1 - i]) - 0.5 * (entropy[i] + entropy[i + 1 :])
    out += out.T
    return np.clip(out, 0.0, np.log(2.0))


def _sum_xlogx(x: np.ndarray, scratch: np.ndarray) -> np.ndarray:
    """Row sums of ``x * log(x)`` with ``0 log 0 = 0``.

    ``log`` sees ``max(x, tiny)`` (the smallest normal float): zeros then meet a finite log, and the slow path of
    ``log`` on subnormal numbers is avoided; the error is below ``1e-305``.
    """
    np.maximum(x, np.finfo(np.float64).tiny, out=scratch)
    np.log(scratch, out=scratch)
    return np.einsum("ij,ij->i", x, scratch)


def pcoa(distances: np.ndarray, n_components: int = 2) -> np.ndarray:
    """Classical multidimensional scaling (principal coordinate analysis) of a distance matrix.

    Torgerson (1952): ``B = -J D² J / 2`` with the centring matrix ``J = I - 11ᵀ/n``; coordinates are the top
    eigenvectors of ``B`` scaled by the square roots of their eigenvalues. As pyLDAvis's ``_pcoa``, eigenvalues
    close to zero or negative (``D`` need not be Euclidean) give an axis of zeros. Each axis's sign is fixed so
    that its largest-magnitude coordinate is positive (pyLDAvis's signs depend on LAPACK).

    Parameters
    ----------
    distances : ndarray of shape (n_topics, n_topics)
        Symmetric dissimilarities with a zero diagonal.
    n_components : int
        Output dimensions.

    Returns
    -------
    ndarray of shape (n_topics, n_components)
        A single topic sits at the origin; two topics lie on the first axis at ``±d/2``.
    """
    d = np.asarray(distances, dtype=np.float64)
    n = d.shape[0]
    coords = np.zeros((n, n_components))
    if n < 2:
        return coords
    d2 = d**2
    b = -0.5 * (d2 - d2.mean(axis=0) - d2.mean(axis=1)[:, None] + d2.mean())
    eigvals, eigvecs = np.linalg.eigh(b)
    top = np.argsort(eigvals)[::-1][:n_components]
    eigvals, eigvecs = eigvals[top], eigvecs[:, top]
    eigvals[np.isclose(eigvals, 0.0)] = 0.0
    eigvals = np.maximum(eigvals, 0.0)
    coords[:, : len(top)] = np.sqrt(eigvals) * eigvecs
    return _fix_signs(coords)


def metric_mds(distances: np.ndarray, seed: int = 0) -> np.ndarray:
    """Metric MDS (SMACOF stress majorisation) of a distance matrix, started from the classical solution.

    Parameters
    ----------
    distances : ndarray of shape (n_topics, n_topics)
        Symmetric dissimilarities with a zero diagonal.
    seed : int
        Random state passed to scikit-learn.

    Returns
    -------
    ndarray of shape (n_topics, 2)
        Fewer than three topics are placed exactly by :func:`pcoa`.
    """
    d = np.asarray(distances, dtype=np.float64)
    if d.shape[0] < 3:
        return pcoa(d)
    from sklearn.manifold import MDS

    model = MDS(
        n_components=2,
        metric="precomputed",
        metric_mds=True,
        init="classical_mds",
        n_init=1,
        normalized_stress="auto",
        random_state=seed,
    )
    return _fix_signs(model.fit_transform(d))


def tsne(distances: np.ndarray, seed: int = 0) -> np.ndarray:
    """t-SNE of a distance matrix with a perplexity adapted to the number of topics.

    van der Maaten & Hinton (2008). The perplexity (effective number of neighbours) is ``(K - 1) / 3`` clipped to
    ``[1, 30]``: scikit-learn needs it below the number of points, and pyLDAvis's ``min(K - 1, 30)`` makes every
    other topic a neighbour. With fewer than four topics t-SNE has nothing to learn; :func:`pcoa` is used instead.

    Parameters
    ----------
    distances : ndarray of shape (n_topics, n_topics)
        Symmetric dissimilarities with a zero diagonal.
    seed : int
        Random state for the random initialisation.

    Returns
    -------
    ndarray of shape (n_topics, 2)
    """
    d = np.asarray(distances, dtype=np.float64)
    k = d.shape[0]
    if k < 4:
        logger.info("t-SNE needs at least 4 topics; laying out %d topics by PCoA", k)
        return pcoa(d)
    from sklearn.manifold import TSNE

    model = TSNE(
        n_components=2,
        perplexity=float(np.clip((k - 1) / 3, 1.0, 30.0)),
        metric="precomputed",
        init="random",
        random_state=seed,
    )
    return _fix_signs(model.fit_transform(d))


def layout_coordinates(distances: np.ndarray, layout: str = "pcoa", seed: int = 0) -> np.ndarray:
    """2-D topic coordinates by the named layout.

    Parameters
    ----------
    distances : ndarray of shape (n_topics, n_topics)
        Symmetric dissimilarities with a zero diagonal (e.g. :func:`js_divergence`).
    layout : {"pcoa", "mmds", "tsne"}
        Classical MDS (LDAvis's default), metric MDS, or t-SNE.
    seed : int
        Random state for "mmds" and "tsne".

    Returns
    -------
    ndarray of shape (n_topics, 2)

    Raises
    ------
    InputError
        For an unknown layout.
    """
    if layout == "pcoa":
        return pcoa(distances)
    if layout == "mmds":
        return metric_mds(distances, seed)
    if layout == "tsne":
        return tsne(distances, seed)
    raise InputError("bad_option", option="layout", value=layout, why=" / ".join(LAYOUTS))


def _fix_signs(coords: np.ndarray) -> np.ndarray:
    """Flip each axis so that its largest-magnitude entry is positive (deterministic, like sklearn's svd_flip)."""
    if coords.size == 0:
        return coords
    pivot = coords[np.argmax(np.abs(coords), axis=0), np.arange(coords.shape[1])]
    return coords * np.where(pivot < 0, -1.0, 1.0)
