"""What the explorer shows for a fitted LDA model: the model, its LDAvis data, quality numbers and documents.

One call, :func:`explore_lda`, fits and prepares everything the LDA page and the ``fit`` CLI need, so moving λ or
selecting a topic afterwards only reads arrays.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from models.corpus.corpus import Corpus
from models.lda.options import LdaOptions, Progress
from models.lda.topic_model import TopicModel
from models.ldavis.vis_data import VisData, prepare_vis

logger = logging.getLogger(__name__)

__all__ = ["LdaExploration", "Quality", "document_word_topics", "explore_lda", "top_documents"]


@dataclass(frozen=True, eq=False)
class Quality:
    """Quality numbers of a fit.

    Attributes
    ----------
    perplexity : float
        Held-in perplexity ``exp(-Σ log p(w|d) / N)`` from ``phi`` and ``theta``.
    c_v, u_mass : ndarray of shape (n_topics,)
        Topic coherence per topic, top-10 terms (:mod:`models.lda.coherence`, equal to gensim's ``CoherenceModel``).
    """

    perplexity: float
    c_v: np.ndarray
    u_mass: np.ndarray

    @property
    def c_v_mean(self) -> float:
        """Mean c_v over topics."""
        return float(np.mean(self.c_v))

    @property
    def u_mass_mean(self) -> float:
        """Mean u_mass over topics."""
        return float(np.mean(self.u_mass))


@dataclass(frozen=True, eq=False)
class LdaExploration:
    """A fitted LDA model with everything the explorer shows."""

    model: TopicModel
    vis: VisData
    quality: Quality
    options: LdaOptions
    seconds: float

    @property
    def sweeps_done(self) -> int | None:
        """Gibbs sweeps behind this model (fewer than asked for in a model shown while it converges), else None."""
        done = self.model.params.get("sweeps_done")
        return None if done is None else int(done)

    @property
    def complete(self) -> bool:
        """False for a model taken from a chain that was still sampling (:func:`explore_lda`'s ``partial``)."""
        done = self.sweeps_done
        return done is None or done >= int(self.model.params.get("iterations", done))

    @property
    def converged_at(self) -> int | None:
        """Gibbs: the sweep at which the log-likelihood met the stopping rule (:mod:`models.lda.gibbs.convergence`)."""
        if self.model.engine != "gibbs":
            return None
        from models.lda.gibbs.convergence import converged_at

        return converged_at(self.model.log_likelihood)


def quality_of(model: TopicModel, corpus: Corpus) -> Quality:
    """Perplexity and coherence (c_v, u_mass) of ``model`` on ``corpus``."""
    from models.lda import quality

    perplexity = quality.perplexity(model, corpus)
    c_v = quality.coherence(model, corpus, measure="c_v")
    u_mass = quality.coherence(model, corpus, measure="u_mass")
    return Quality(perplexity=float(perplexity), c_v=np.asarray(c_v.per_topic), u_mass=np.asarray(u_mass.per_topic))


PARTIAL_EVERY = 2.0  # seconds between models shown while the chain converges (at least)
PARTIAL_SHARE = 0.2  # at most this share of the fit's time spent preparing them


def explore_lda(
    corpus: Corpus,
    options: LdaOptions,
    progress: Progress | None = None,
    layout: str = "pcoa",
    partial: Callable[[LdaExploration], None] | None = None,
) -> LdaExploration:
    """Fit LDA on ``corpus`` and prepare the intertopic map, relevance data and quality numbers.

    Parameters
    ----------
    corpus : Corpus
    options : LdaOptions
    progress : callable, optional
        ``progress(iteration, total, value)``; may raise :class:`models.lda.options.FitCancelled`.
    layout : {"pcoa", "mmds", "tsne"}
        Intertopic map layout.
    partial : callable, optional
        Gibbs engine: called with the exploration of the chain as it stands while it converges: after the first
        ``PROGRESS_EVERY`` sweeps, then at most every ``PARTIAL_EVERY`` seconds and so that preparing them takes at
        most ``PARTIAL_SHARE`` of the time (its ``complete`` is False). Other engines never call it.
    """
    from models.lda.fit import fit_lda

    start = time.perf_counter()

    def prepared(model: TopicModel) -> LdaExploration:
        vis = prepare_vis(model, layout=layout, R=30, seed=options.seed)
        quality = quality_of(model, corpus)
        seconds = time.perf_counter() - start
        return LdaExploration(model=model, vis=vis, quality=quality, options=options, seconds=seconds)

    watch = None
    if partial is not None:
        due = [0.0]  # perf_counter time from which the next partial model is wanted

        def watch(sweep: int, model_now: Callable[[], TopicModel]) -> None:
            began = time.perf_counter()
            if began < due[0]:
                return
            partial(prepared(model_now()))
            cost = time.perf_counter() - began
            due[0] = began + max(PARTIAL_EVERY, cost / PARTIAL_SHARE)

    model = fit_lda(corpus, options, progress, partial=watch)
    exploration = prepared(model)
    logger.info("LDA %s K=%d fitted and prepared in %.2f s", options.engine, options.n_topics, exploration.seconds)
    return exploration


def top_documents(model: TopicModel, topic: int, n: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """The ``n`` documents with the largest share of ``topic``.

    Returns
    -------
    indices : ndarray of shape (m,)
        Document rows, largest share first.
    shares : ndarray of shape (m,)
        ``theta[d, topic]`` for those documents.
    """
    shares = model.theta[:, topic]
    order = np.argsort(-shares, kind="stable")[:n]
    return order, shares[order]


def document_word_topics(model: TopicModel, corpus: Corpus, d: int) -> np.ndarray:
    """The topic of each token of document ``d`` (in ``corpus.doc_tokens[d]`` order).

    Gibbs fits return their sampled assignments; variational fits the most likely topic of each word in that
    document, ``argmax_k theta_dk * phi_kw`` (Blei, Ng & Jordan 2003: p(z = k | w, d) ∝ θ_dk φ_kw).
    """
    if model.assignments is not None:
        return np.asarray(model.assignments[d])
    ids = corpus.doc_token_ids(d).astype(np.int64)
    if ids.size == 0:
        return ids
    return np.argmax(model.theta[d][:, None] * model.phi[:, ids], axis=0)
