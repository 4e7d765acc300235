"""Everything the LDAvis-style explorer shows, computed once from a fitted :class:`TopicModel`.

Sievert & Shirley (2014), "LDAvis: A method for visualizing and interpreting topics", ILLVI workshop, ACL.

:func:`prepare_vis` does the heavy work (distances, layout, saliency, relevance candidates); :func:`top_terms`,
:func:`salient_terms` and :func:`topic_given_term` then answer each interaction (λ slider, topic click, term
hover) from the stored arrays without recomputing anything. Topics are always addressed by the model's own id
(row of ``phi``, 0-based); ``VisData.ranks`` gives the number LDAvis would print on each circle.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from models.errors import InputError
from models.lda.topic_model import TopicModel
from models.ldavis import intertopic, relevance

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SalientTerms", "TermTable", "VisData", "prepare_vis", "salient_terms", "top_terms", "topic_given_term"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, eq=False)
class VisData:
    """Precomputed data for the intertopic map and the term bar charts.

    Attributes
    ----------
    vocab : tuple of str
        Terms, in column order.
    prevalence : ndarray of shape (n_topics,)
        Share of tokens per topic ``p(k)`` (circle areas).
    topic_counts : ndarray of shape (n_topics,)
        Expected tokens per topic ``N_k = sum_d theta_dk len_d``.
    order : ndarray of shape (n_topics,) of int
        Topic ids by decreasing prevalence: ``order[r]`` is shown as LDAvis topic ``r + 1``.
    ranks : ndarray of shape (n_topics,) of int
        1-based display rank of each topic id (inverse of ``order``).
    distances : ndarray of shape (n_topics, n_topics)
        Jensen-Shannon divergences between topics (nats).
    coordinates : ndarray of shape (n_topics, 2)
        Circle centres from ``layout``.
    layout : str
        "pcoa", "mmds" or "tsne".
    term_frequency : ndarray of shape (n_terms,)
        The model's overall term frequency ``sum_k phi_kw N_k`` (blue bars; pyLDAvis ``Total``).
    saliency : ndarray of shape (n_terms,)
        Term saliency (Chuang et al. 2012), pyLDAvis's definition.
    p_topic_given_term : ndarray of shape (n_topics, n_terms)
        Posterior ``p(k|w)`` for the term-hover view; columns sum to 1.
    log_phi : ndarray of shape (n_topics, n_terms)
        ``log phi_kw``.
    log_lift : ndarray of shape (n_topics, n_terms)
        ``log(phi_kw / p_w)``.
    candidates : ndarray of shape (n_topics, n_candidates) of int
        Per topic, term indices that contain the top ``R`` for every λ (padded with -1).
    cand_log_phi, cand_log_lift : ndarray of shape (n_topics, n_candidates)
        ``log_phi`` and ``log_lift`` at ``candidates`` (``-inf`` in padding).
    R : int
        Largest number of terms :func:`top_terms` can rank exactly.
    """

    vocab: tuple[str, ...]
    prevalence: np.ndarray
    topic_counts: np.ndarray
    order: np.ndarray
    ranks: np.ndarray
    distances: np.ndarray
    coordinates: np.ndarray
    layout: str
    term_frequency: np.ndarray
    saliency: np.ndarray
    p_topic_given_term: np.ndarray
    log_phi: np.ndarray
    log_lift: np.ndarray
    candidates: np.ndarray
    cand_log_phi: np.ndarray
    cand_log_lift: np.ndarray
    R: int

    @property
    def n_topics(self) -> int:
        """Number of topics K."""
        return len(self.prevalence)

    @cached_property
    def term_lookup(self) -> dict[str, int]:
        """Column of each term in the vocabulary (built on first use)."""
        return {t: i for i, t in enumerate(self.vocab)}


@dataclass(frozen=True, eq=False)
class TermTable:
    """The top terms of one topic for one λ, most relevant first.

    Attributes
    ----------
    topic : int
        The model's topic id.
    lam : float
        λ used for ranking.
    terms : tuple of str
    term_index : ndarray of shape (n,) of int
    relevance : ndarray of shape (n,)
        ``lam * log_phi + (1 - lam) * log_lift``.
    log_phi : ndarray of shape (n,)
        ``log p(w|k)``.
    log_lift : ndarray of shape (n,)
        ``log(p(w|k) / p(w))``.
    frequency : ndarray of shape (n,)
        Overall term frequency in the model (blue bar).
    topic_frequency : ndarray of shape (n,)
        Estimated tokens of the term in the topic, ``phi_kw N_k`` (red bar).
    """

    topic: int
    lam: float
    terms: tuple[str, ...]
    term_index: np.ndarray
    relevance: np.ndarray
    log_phi: np.ndarray
    log_lift: np.ndarray
    frequency: np.ndarray
    topic_frequency: np.ndarray

    def to_frame(self) -> pd.DataFrame:
        """The table as a pandas DataFrame (for display or export)."""
        import pandas as pd

        return pd.DataFrame(
            {
                "term": self.terms,
                "relevance": self.relevance,
                "log_phi": self.log_phi,
                "log_lift": self.log_lift,
                "frequency": self.frequency,
                "topic_frequency": self.topic_frequency,
            }
        )


@dataclass(frozen=True, eq=False)
class SalientTerms:
    """The most salient terms of the corpus (the view with no topic selected), most salient first.

    Attributes
    ----------
    terms : tuple of str
    term_index : ndarray of shape (n,) of int
    saliency : ndarray of shape (n,)
    frequency : ndarray of shape (n,)
        Overall term frequency in the model.
    """

    terms: tuple[str, ...]
    term_index: np.ndarray
    saliency: np.ndarray
    frequency: np.ndarray

    def to_frame(self) -> pd.DataFrame:
        """The table as a pandas DataFrame (for display or export)."""
        import pandas as pd

        return pd.DataFrame({"term": self.terms, "saliency": self.saliency, "frequency": self.frequency})


def prepare_vis(model: TopicModel, layout: str = "pcoa", R: int = 30, seed: int = 0) -> VisData:
    """Compute everything the intertopic map and bar charts need, once.

    Parameters
    ----------
    model : TopicModel
        Fitted model with ``phi`` of shape (n_topics, n_terms) and ``theta`` of shape (n_docs, n_topics).
    layout : {"pcoa", "mmds", "tsne"}
        Layout of the topic circles; "pcoa" is LDAvis's classical MDS.
    R : int
        Largest number of terms per bar chart (LDAvis shows 30).
    seed : int
        Random state for the "mmds" and "tsne" layouts.

    Returns
    -------
    VisData

    Raises
    ------
    InputError
        If the documents hold no tokens, ``R`` is not positive or ``layout`` is unknown.
    """
    if R < 1:
        raise InputError("bad_option", option="R", value=R, why="R >= 1")
    if layout not in intertopic.LAYOUTS:
        raise InputError("bad_option", option="layout", value=layout, why=" / ".join(intertopic.LAYOUTS))
    phi = np.asarray(model.phi, dtype=np.float64)
    theta = np.asarray(model.theta, dtype=np.float64)
    R = min(R, phi.shape[1])

    prevalence = intertopic.topic_prevalence(theta, model.doc_lengths)
    topic_counts = intertopic.topic_token_counts(theta, model.doc_lengths)
    order = intertopic.display_order(prevalence)
    distances = intertopic.js_divergence(phi)
    coordinates = intertopic.layout_coordinates(distances, layout, seed)

    term_frequency = relevance.model_term_frequency(phi, topic_counts)
    p_w = term_frequency / term_frequency.sum()
    log_phi = relevance.log_phi(phi)
    log_lift = relevance.log_lift(phi, p_w)
    candidates = relevance.relevance_candidates(log_phi, log_lift, R)
    safe = np.maximum(candidates, 0)
    pad = candidates < 0
    cand_log_phi = np.where(pad, -np.inf, np.take_along_axis(log_phi, safe, axis=1))
    cand_log_lift = np.where(pad, -np.inf, np.take_along_axis(log_lift, safe, axis=1))
    logger.debug("relevance candidates per topic: max %d for R=%d", candidates.shape[1], R)

    return VisData(
        vocab=tuple(model.vocab),
        prevalence=prevalence,
        topic_counts=topic_counts,
        order=order,
        ranks=intertopic.display_ranks(order),
        distances=distances,
        coordinates=coordinates,
        layout=layout,
        term_frequency=term_frequency,
        saliency=relevance.saliency(phi, prevalence, p_w),
        p_topic_given_term=relevance.topic_given_term(phi, topic_counts),
        log_phi=log_phi,
        log_lift=log_lift,
        candidates=candidates,
        cand_log_phi=cand_log_phi,
        cand_log_lift=cand_log_lift,
        R=R,
    )


def top_terms(vis: VisData, topic: int, lam: float, R: int = 30) -> TermTable:
    """The ``R`` most relevant terms of ``topic`` at ``lam``, re-ranked from the precomputed candidates only.

    Parameters
    ----------
    vis : VisData
    topic : int
        The model's topic id (not the display rank).
    lam : float
        λ in [0, 1] (LDAvis's default is 1; Sievert & Shirley's user study suggests about 0.6).
    R : int
        At most ``vis.R``.

    Returns
    -------
    TermTable
        ``min(R, n_terms)`` rows, most relevant first.

    Raises
    ------
    InputError
        If ``topic``, ``lam`` or ``R`` is out of range.
    """
    if not 0 <= topic < vis.n_topics:
        raise InputError("bad_option", option="topic", value=topic, why=f"0 <= topic < {vis.n_topics}")
    if not 0.0 <= lam <= 1.0:
        raise InputError("bad_option", option="lam", value=lam, why="0 <= lam <= 1")
    if not 1 <= R <= vis.R:
        raise InputError("bad_option", option="R", value=R, why=f"1 <= R <= {vis.R} (the R given to prepare_vis)")
    candidates = vis.candidates[topic]
    top = relevance.rank_candidates(candidates, vis.cand_log_phi[topic], vis.cand_log_lift[topic], lam, R)
    idx = candidates[top]
    lp, ll = vis.cand_log_phi[topic, top], vis.cand_log_lift[topic, top]
    return TermTable(
        topic=int(topic),
        lam=float(lam),
        terms=tuple(vis.vocab[i] for i in idx),
        term_index=idx,
        relevance=relevance.relevance(lp, ll, lam),
        log_phi=lp,
        log_lift=ll,
        frequency=vis.term_frequency[idx],
        topic_frequency=np.exp(lp) * vis.topic_counts[topic],
    )


def salient_terms(vis: VisData, R: int = 30) -> SalientTerms:
    """The ``R`` most salient terms (LDAvis's view when no topic is selected).

    Parameters
    ----------
    vis : VisData
    R : int

    Returns
    -------
    SalientTerms
        ``min(R, n_terms)`` rows, most salient first.
    """
    idx = relevance.top_salient(vis.saliency, R)
    return SalientTerms(
        terms=tuple(vis.vocab[i] for i in idx),
        term_index=idx,
        saliency=vis.saliency[idx],
        frequency=vis.term_frequency[idx],
    )


def topic_given_term(vis: VisData, term: str | int) -> np.ndarray:
    """``p(k | w)`` for one term, by the model's topic id (circle sizes when hovering a term).

    Parameters
    ----------
    vis : VisData
    term : str or int
        The term, or its column index.

    Returns
    -------
    ndarray of shape (n_topics,)
        Sums to 1 (all zeros for a term no topic uses).

    Raises
    ------
    KeyError
        If the term is not in the vocabulary.
    """
    index = term if isinstance(term, int | np.integer) else vis.term_lookup[term]
    return vis.p_topic_given_term[:, index]
