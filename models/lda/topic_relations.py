"""How alike the topics are: the map's Jensen-Shannon distances ordered by hierarchical clustering."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.spatial.distance import squareform

__all__ = ["TopicClustering", "closest_pairs", "topic_clustering"]


@dataclass(frozen=True, eq=False)
class TopicClustering:
    """Average-linkage clustering of topics.

    Attributes
    ----------
    order : ndarray of shape (n_topics,)
        Topic ids in the dendrogram's leaf order (left to right).
    linkage : ndarray of shape (n_topics - 1, 4)
        SciPy's linkage matrix.
    icoord, dcoord : ndarray of shape (n_topics - 1, 4)
        The dendrogram's U-shaped links: x positions (leaf ``i`` at ``10 i + 5``) and heights (distances).
    """

    order: np.ndarray
    linkage: np.ndarray
    icoord: np.ndarray
    dcoord: np.ndarray


def topic_clustering(distances: np.ndarray) -> TopicClustering:
    """Cluster topics by ``distances`` (UPGMA, Sokal & Michener 1958: a merged cluster's distance to another is the
    mean of its members' distances).

    Parameters
    ----------
    distances : ndarray of shape (n_topics, n_topics)
        Symmetric, zero diagonal (e.g. :attr:`models.ldavis.vis_data.VisData.distances`, Jensen-Shannon), K >= 2.
    """
    d = np.asarray(distances, dtype=np.float64)
    d = (d + d.T) / 2
    np.fill_diagonal(d, 0.0)
    tree = linkage(squareform(np.clip(d, 0.0, None), checks=False), method="average")
    drawn = dendrogram(tree, no_plot=True)
    return TopicClustering(
        order=np.asarray(drawn["leaves"], dtype=np.int64),
        linkage=tree,
        icoord=np.asarray(drawn["icoord"]),
        dcoord=np.asarray(drawn["dcoord"]),
    )


def closest_pairs(distances: np.ndarray, n: int = 5) -> list[tuple[int, int, float]]:
    """The ``n`` closest pairs of topics as (i, j, distance), i < j, closest first."""
    d = np.asarray(distances, dtype=np.float64)
    i, j = np.triu_indices(d.shape[0], k=1)
    order = np.argsort(d[i, j], kind="stable")[:n]
    return [(int(i[o]), int(j[o]), float(d[i[o], j[o]])) for o in order]
