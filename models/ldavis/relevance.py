"""Term relevance and saliency for the LDAvis bar charts, with λ re-ranking that touches only a few candidates.

Chuang, Manning & Heer (2012), "Termite: Visualization techniques for assessing textual topic models", AVI.
Sievert & Shirley (2014), "LDAvis: A method for visualizing and interpreting topics", ILLVI workshop, ACL.

Definitions follow pyLDAvis 3.4.1 (``pyLDAvis/_prepare.py``) so that results agree with it:

- ``N_k = sum_d theta_dk * len_d``, the expected tokens of topic k, and ``p(k) = N_k / sum_j N_j``;
- the overall term frequency is the model's, ``f_w = sum_k phi_kw * N_k`` (pyLDAvis replaces the supplied
  ``term_frequency`` by this, LDAvis PR #41, so a topic's red bar never outgrows the blue one), and
  ``p_w = f_w / sum_v f_v``;
- the within-topic frequency (red bar) is ``phi_kw * N_k``;
- saliency uses ``p(k|w) = phi_kw / sum_j phi_jw`` (a uniform topic prior), the hover view's ``p(k|w)`` is the
  posterior ``phi_kw N_k / f_w`` (pyLDAvis rounds ``phi_kw N_k`` to whole tokens and drops those below 0.5).

All ``(n_topics, n_terms)`` arrays are indexed by the model's own topic id.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "log_lift",
    "log_phi",
    "model_term_frequency",
    "rank_candidates",
    "relevance",
    "relevance_candidates",
    "saliency",
    "top_salient",
    "topic_given_term",
]


def model_term_frequency(phi: np.ndarray, topic_counts: np.ndarray) -> np.ndarray:
    """The model's overall term frequency ``f_w = sum_k phi_kw * N_k`` (pyLDAvis ``Total``, the blue bars).

    Parameters
    ----------
    phi : ndarray of shape (n_topics, n_terms)
        Topic-term distributions.
    topic_counts : ndarray of shape (n_topics,)
        Expected tokens per topic ``N_k``.

    Returns
    -------
    ndarray of shape (n_terms,)
        Sums to ``sum_k N_k``.
    """
    return np.asarray(topic_counts, dtype=np.float64) @ np.asarray(phi, dtype=np.float64)


def log_phi(phi: np.ndarray) -> np.ndarray:
    """``log phi_kw`` with ``log 0 = -inf``.

    Parameters
    ----------
    phi : ndarray of shape (n_topics, n_terms)

    Returns
    -------
    ndarray of shape (n_topics, n_terms)
    """
    with np.errstate(divide="ignore"):
        return np.log(np.asarray(phi, dtype=np.float64))


def log_lift(phi: np.ndarray, p_w: np.ndarray) -> np.ndarray:
    """``log(phi_kw / p_w)``, the log of a term's lift in a topic (Taddy 2012); ``-inf`` where ``phi_kw = 0``.

    Parameters
    ----------
    phi : ndarray of shape (n_topics, n_terms)
    p_w : ndarray of shape (n_terms,)
        Marginal term probability.

    Returns
    -------
    ndarray of shape (n_topics, n_terms)
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.log(np.asarray(phi, dtype=np.float64) / p_w)
    out[np.isnan(out)] = -np.inf
    return out


def relevance(log_phi: np.ndarray, log_lift: np.ndarray, lam: float) -> np.ndarray:
    """Relevance of terms to topics for one λ.

    Parameters
    ----------
    log_phi, log_lift : ndarray of the same shape
        ``log phi_kw`` and ``log(phi_kw / p_w)``.
    lam : float
        λ in [0, 1]: 1 ranks by probability in the topic, 0 by lift.

    Returns
    -------
    ndarray of the same shape
        ``-inf`` where ``phi_kw = 0``.
    """
    # Sievert & Shirley (2014): r = lam*log(phi_kw) + (1-lam)*log(phi_kw / p_w)
    with np.errstate(invalid="ignore"):
        r = lam * log_phi + (1.0 - lam) * log_lift
    r[np.isnan(r)] = -np.inf
    return r


def saliency(phi: np.ndarray, prevalence: np.ndarray, p_w: np.ndarray) -> np.ndarray:
    """Term saliency, ``p_w * sum_k p(k|w) log(p(k|w) / p(k))``, with pyLDAvis's uniform-prior ``p(k|w)``.

    Chuang et al. (2012) define ``p(k|w)`` by Bayes' rule with the prior ``p(k)``; pyLDAvis (and hence LDAvis in
    Python) uses ``p(k|w) = phi_kw / sum_j phi_jw``, kept here so the default view lists the same terms.

    Parameters
    ----------
    phi : ndarray of shape (n_topics, n_terms)
    prevalence : ndarray of shape (n_topics,)
        ``p(k)``.
    p_w : ndarray of shape (n_terms,)
        Marginal term probability.

    Returns
    -------
    ndarray of shape (n_terms,)
        0 for a term no topic uses.
    """
    phi = np.asarray(phi, dtype=np.float64)
    column = phi.sum(axis=0)
    p_k_w = np.divide(phi, column, out=np.zeros_like(phi), where=column > 0)
    tiny = np.finfo(np.float64).tiny  # 0 * log(tiny) = 0, so p(k|w) = 0 adds nothing
    log_ratio = np.log(np.maximum(p_k_w, tiny)) - np.log(np.maximum(prevalence, tiny))[:, None]
    # Chuang et al. (2012): distinctiveness(w) = sum_k p(k|w) log(p(k|w) / p(k)); saliency(w) = p(w) distinctiveness(w)
    return p_w * np.einsum("kv,kv->v", p_k_w, log_ratio)


def topic_given_term(phi: np.ndarray, topic_counts: np.ndarray) -> np.ndarray:
    """Posterior topic distribution of each term, ``p(k|w) = phi_kw N_k / sum_j phi_jw N_j`` (term-hover view).

    Parameters
    ----------
    phi : ndarray of shape (n_topics, n_terms)
    topic_counts : ndarray of shape (n_topics,)
        Expected tokens per topic ``N_k``.

    Returns
    -------
    ndarray of shape (n_topics, n_terms)
        Columns sum to 1; a term no topic uses gets a zero column.
    """
    joint = np.asarray(phi, dtype=np.float64) * np.asarray(topic_counts, dtype=np.float64)[:, None]
    column = joint.sum(axis=0)
    return np.divide(joint, column, out=np.zeros_like(joint), where=column > 0)


def top_salient(saliency: np.ndarray, R: int = 30) -> np.ndarray:
    """Indices of the ``R`` most salient terms, most salient first (ties: lower index first).

    Parameters
    ----------
    saliency : ndarray of shape (n_terms,)
    R : int

    Returns
    -------
    ndarray of shape (min(R, n_terms),) of int
    """
    return _top(np.asarray(saliency, dtype=np.float64), R)


def relevance_candidates(log_phi: np.ndarray, log_lift: np.ndarray, R: int = 30) -> np.ndarray:
    """Per topic, a small set of terms that provably contains the top-``R`` terms by relevance for every λ in [0, 1].

    Write ``x = log phi_kw`` and ``y = log lift_kw``; relevance ``λx + (1-λ)y`` is a convex combination. Say term
    ``u`` *strictly dominates* ``w`` when ``x_u > x_w`` and ``y_u > y_w``: then ``u`` is strictly more relevant than
    ``w`` at every λ in [0, 1]. A term with ``R`` or more strict dominators is therefore never in any top ``R``,
    whatever the λ and the tie-breaking, and every term left out here has that many:

    1. Box filter: take a set ``S`` of at least ``R`` terms with the largest ``x`` (then with the largest ``y``); a
       term below ``min_S x`` and below ``min_S y`` is strictly dominated by every member of ``S``.
    2. Skyline layers of the survivors: peel the Pareto front (terms with no strict dominator) ``R`` times. A term
       in layer ``L + 1`` has a chain of strict dominators, one in each of layers ``1..L`` (some dominator always
       lies on the front of the layer above, and strict dominance is transitive), so a term left after ``R``
       layers has at least ``R`` strict dominators.

    The top ``R`` by ``x`` together with the top ``R`` by ``y`` is *not* enough: with ``R = 1`` and terms
    ``a = (10, 0)``, ``b = (0, 10)``, ``w = (6, 6)``, only ``w`` is in the top 1 at λ = 0.5. pyLDAvis takes the
    union of the top ``R`` over the grid λ = 0, 0.01, ..., 1, which can miss a term that leads only between two
    grid points; this set cannot.

    Parameters
    ----------
    log_phi, log_lift : ndarray of shape (n_topics, n_terms)
        ``-inf`` (or NaN) where ``phi_kw = 0``.
    R : int
        Number of terms that will be shown.

    Returns
    -------
    ndarray of shape (n_topics, n_candidates) of int
        Term indices, ascending within each row, padded with -1 at the end.
    """
    x, y = _no_nan(log_phi), _no_nan(log_lift)
    k, v = x.shape
    if v <= R:
        return np.tile(np.arange(v), (k, 1))
    keep = np.ones((k, v), dtype=bool)
    for score in (x, y):
        rows, cols = np.nonzero(score >= _lower_bound_of_rth_largest(score, R)[:, None])
        starts = np.searchsorted(rows, np.arange(k))
        min_x = np.minimum.reduceat(x[rows, cols], starts)[:, None]
        min_y = np.minimum.reduceat(y[rows, cols], starts)[:, None]
        keep &= (x >= min_x) | (y >= min_y)
    rows, cols = np.nonzero(keep)
    members = _first_layers(rows, x[rows, cols], y[rows, cols], k, R)
    return _pad_rows(rows[members], cols[members], k)


def _no_nan(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    return np.where(np.isnan(a), -np.inf, a) if np.isnan(a).any() else a


def _lower_bound_of_rth_largest(score: np.ndarray, R: int) -> np.ndarray:
    """Per row, a value with at least ``R`` entries at or above it (at most the row's ``R``-th largest).

    The row is cut into ``8R`` blocks; the ``R``-th largest block maximum is such a value, and one pass of
    ``maximum.reduceat`` is much cheaper than ``argpartition`` on the whole row.
    """
    v = score.shape[1]
    n_blocks = min(v, 8 * R)
    edges = np.linspace(0, v, n_blocks + 1).astype(np.int64)[:-1]
    block_max = np.maximum.reduceat(score, edges, axis=1)
    return np.partition(block_max, n_blocks - R, axis=1)[:, n_blocks - R]


def _first_layers(rows: np.ndarray, x: np.ndarray, y: np.ndarray, k: int, R: int) -> np.ndarray:
    """Mask of the (row, col) entries in the first ``R`` skyline layers of their row, by strict dominance."""
    # Sort within each row by x descending and lay the rows out in a padded (k, width) grid.
    order = np.lexsort((-x, rows))
    rows, x, y = rows[order], x[order], y[order]
    counts = np.bincount(rows, minlength=k)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    pos = np.arange(len(rows)) - starts[rows]
    width = max(int(counts.max(initial=0)), 1)
    gx = np.full((k, width), -np.inf)
    gy = np.full((k, width), -np.inf)
    alive = np.zeros((k, width), dtype=bool)
    gx[rows, pos], gy[rows, pos], alive[rows, pos] = x, y, True
    # A term's possible strict dominators are the cells before the first cell with the same x (its "group").
    new_group = np.ones((k, width), dtype=bool)
    new_group[:, 1:] = gx[:, 1:] != gx[:, :-1]
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(width), 0), axis=1)
    before = np.maximum(group_start - 1, 0)
    has_before = group_start > 0
    member = np.zeros((k, width), dtype=bool)
    for _ in range(R):
        best_y = np.maximum.accumulate(np.where(alive, gy, -np.inf), axis=1)
        dominated_below = np.where(has_before, np.take_along_axis(best_y, before, axis=1), -np.inf)
        front = alive & (gy >= dominated_below)
        member |= front
        alive &= ~front
        if not alive.any():
            break
    out = np.zeros(len(order), dtype=bool)
    out[order] = member[rows, pos]
    return out


def _pad_rows(rows: np.ndarray, cols: np.ndarray, k: int) -> np.ndarray:
    """Group ``cols`` by ``rows`` into a (k, width) array, ascending within rows, padded with -1."""
    order = np.lexsort((cols, rows))
    rows, cols = rows[order], cols[order]
    counts = np.bincount(rows, minlength=k)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    out = np.full((k, max(int(counts.max(initial=0)), 1)), -1, dtype=np.int64)
    out[rows, np.arange(len(rows)) - starts[rows]] = cols
    return out


def rank_candidates(
    candidates: np.ndarray, cand_log_phi: np.ndarray, cand_log_lift: np.ndarray, lam: float, R: int = 30
) -> np.ndarray:
    """Order one topic's candidates by relevance at ``lam`` and keep the top ``R``.

    Parameters
    ----------
    candidates : ndarray of shape (n_candidates,) of int
        Term indices ascending, padded with -1 (one row of :func:`relevance_candidates`).
    cand_log_phi, cand_log_lift : ndarray of shape (n_candidates,)
        ``log phi_kw`` and ``log lift_kw`` of those terms.
    lam : float
        λ in [0, 1].
    R : int

    Returns
    -------
    ndarray of shape (at most R,) of int
        Positions in ``candidates``, most relevant first; ties go to the lower term index (as pandas ``nlargest``
        in pyLDAvis).
    """
    r = relevance(cand_log_phi, cand_log_lift, lam)
    r[candidates < 0] = np.nan
    top = _top(r, R)
    return top[candidates[top] >= 0]


def _top(values: np.ndarray, R: int) -> np.ndarray:
    """Indices of the ``R`` largest values (NaN last), largest first, ties by index; partial sort when large."""
    n = len(values)
    R = min(R, n)
    key = np.where(np.isnan(values), -np.inf, values)
    if n > 4 * R:
        # Everything tied with the R-th value comes along so ties still break by index.
        threshold = np.partition(key, n - R)[n - R]
        idx = np.flatnonzero(key >= threshold)
    else:
        idx = np.arange(n)
    invalid = np.isnan(values[idx])
    order = np.lexsort((idx, -key[idx], invalid))
    return idx[order[:R]]
