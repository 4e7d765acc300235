"""Merging topics of a fitted model, and undoing merges by replaying a shorter history.

A merge of topics ``S`` gives a model with ``K - |S| + 1`` topics: the merged topic takes the smallest id in ``S``
and the other topics keep their order, renumbered to close the gaps (:attr:`Merge.new_ids` says where each old id
went). The fitted model is never changed: a merge returns a new :class:`TopicModel`, and undo is
:func:`apply_merges` of the original with the history minus its last step, so it restores the original exactly.

* Collapsed Gibbs: exact. The assignments are relabelled, the counts of the merged topics summed
  (``n_dk' = Σ_{k∈S} n_dk``, ``n_kw' = Σ_{k∈S} n_kw``) and φ, θ recomputed from the counts with the fit's α and β
  (Griffiths & Steyvers 2004: φ_kw = (n_kw + β) / (n_k + Vβ), θ_dk = (n_dk + α) / (N_d + Kα)).
* Variational engines (gensim, scikit-learn): no counts, so φ rows are combined weighted by each topic's token mass
  ``N_k = Σ_d θ_dk N_d`` (φ' = Σ_{k∈S} N_k φ_k / Σ_{k∈S} N_k) and θ columns summed (the Dirichlet's aggregation
  property: merging components of a Dirichlet sums their parameters, so an asymmetric α is summed the same way).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from models.errors import InputError
from models.lda.topic_model import TopicModel

if TYPE_CHECKING:
    from models.corpus.corpus import Corpus
    from models.lda.explore import LdaExploration

__all__ = ["Merge", "apply_merges", "explore_merged", "merge_topics", "original_ids", "steps_of", "undo_last"]


@dataclass(frozen=True)
class Merge:
    """One merge step.

    Attributes
    ----------
    merged : tuple of int
        The ids merged, in the model before this step (ascending).
    new_ids : tuple of int
        ``new_ids[k]`` is the id in the merged model of topic ``k`` of the model before this step.
    """

    merged: tuple[int, ...]
    new_ids: tuple[int, ...]

    @property
    def into(self) -> int:
        """The merged topic's id in the new model (the smallest id merged)."""
        return self.new_ids[self.merged[0]]


def _checked(topics: Sequence[int], n_topics: int) -> tuple[int, ...]:
    chosen = tuple(sorted({int(k) for k in topics}))
    if len(chosen) < 2 or chosen[0] < 0 or chosen[-1] >= n_topics:
        raise InputError("merge_needs_two", k=n_topics, topics=", ".join(str(k) for k in topics))
    if len(chosen) == n_topics:
        raise InputError("merge_all_topics", k=n_topics)
    return chosen


def _new_ids(merged: tuple[int, ...], n_topics: int) -> np.ndarray:
    """ndarray of shape (n_topics,): each old id's new id."""
    keep = np.ones(n_topics, dtype=bool)
    keep[list(merged[1:])] = False
    new = np.cumsum(keep) - 1
    new[list(merged)] = new[merged[0]]
    return new.astype(np.int64)


def merge_topics(
    model: TopicModel, topics: Sequence[int], token_ids: np.ndarray | None = None
) -> tuple[TopicModel, Merge]:
    """Merge ``topics`` of ``model`` into one.

    Parameters
    ----------
    model : TopicModel
        The model before the merge (not changed).
    topics : sequence of int
        At least two ids of ``model``, not all of them.
    token_ids : ndarray of shape (n_tokens,), optional
        Gibbs models: the corpus's ``token_ids`` (aligned with ``model.assignments``), to count ``n_kw`` exactly.
        Without it the counts are recovered from φ (``n_kw = φ_kw (n_k + Vβ) − β``, rounded), equal for any
        corpus small enough for float64 to hold its counts exactly.

    Returns
    -------
    merged_model : TopicModel
        ``n_topics - len(topics) + 1`` topics; ``params["n_topics"]`` updated, the trace kept.
    merge : Merge
        The step, to keep the model's id history.

    Raises
    ------
    InputError
        ``merge_needs_two`` (fewer than two valid ids) or ``merge_all_topics``.
    """
    n_topics = model.n_topics
    merged = _checked(topics, n_topics)
    new = _new_ids(merged, n_topics)
    k_new = n_topics - len(merged) + 1
    if model.engine == "gibbs" and model.assignments is not None:
        phi, theta, assignments, alpha = _merge_gibbs(model, new, k_new, token_ids)
    else:
        phi, theta, alpha = _merge_variational(model, merged, new, k_new)
        assignments = None
    params = {**model.params, "n_topics": k_new, "alpha": alpha}
    result = dataclasses.replace(model, phi=phi, theta=theta, assignments=assignments, params=params)
    return result, Merge(merged=merged, new_ids=tuple(int(k) for k in new))


def _merge_gibbs(
    model: TopicModel, new: np.ndarray, k_new: int, token_ids: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, ...], float]:
    alpha, beta = float(model.params["alpha"]), float(model.params["eta"])
    n_terms = model.phi.shape[1]
    assert model.assignments is not None
    relabelled = tuple(new[np.asarray(z, dtype=np.int64)] for z in model.assignments)
    lengths = np.asarray(model.doc_lengths, dtype=np.int64)
    z = np.concatenate(relabelled) if relabelled else np.zeros(0, dtype=np.int64)
    docs = np.repeat(np.arange(len(lengths)), lengths)
    ndz = np.zeros((len(lengths), k_new), dtype=np.int64)
    np.add.at(ndz, (docs, z), 1)
    if token_ids is not None:
        nzw = np.zeros((k_new, n_terms), dtype=np.int64)
        np.add.at(nzw, (z, np.asarray(token_ids, dtype=np.int64)), 1)
    else:
        n_k_old = np.bincount(np.concatenate(model.assignments).astype(np.int64), minlength=model.n_topics)
        old = np.rint(model.phi * (n_k_old[:, None] + n_terms * beta) - beta).astype(np.int64)
        nzw = np.zeros((k_new, n_terms), dtype=np.int64)
        np.add.at(nzw, new, old)
    nz = nzw.sum(axis=1)
    # Griffiths & Steyvers (2004): phi_kw = (n_kw + beta) / (n_k + V beta); theta_dk = (n_dk + alpha) / (N_d + K alpha)
    phi = (nzw + beta) / (nz[:, None] + n_terms * beta)
    theta = (ndz + alpha) / (lengths[:, None] + k_new * alpha)
    return phi, theta, relabelled, alpha


def _merge_variational(
    model: TopicModel, merged: tuple[int, ...], new: np.ndarray, k_new: int
) -> tuple[np.ndarray, np.ndarray, object]:
    # N_k = sum_d theta_dk N_d: the topic's token mass (as LDAvis sizes its circles)
    mass = model.theta.T @ np.asarray(model.doc_lengths, dtype=np.float64)
    weights = mass[list(merged)]
    weights = weights / weights.sum() if weights.sum() > 0 else np.full(len(merged), 1.0 / len(merged))
    phi = np.zeros((k_new, model.phi.shape[1]))
    theta = np.zeros((model.theta.shape[0], k_new))
    for k in range(model.n_topics):
        if k not in merged:
            phi[new[k]] = model.phi[k]
        theta[:, new[k]] += model.theta[:, k]
    into = new[merged[0]]
    phi[into] = weights @ model.phi[list(merged)]
    phi /= phi.sum(axis=1, keepdims=True)
    theta /= theta.sum(axis=1, keepdims=True)
    alpha = model.params.get("alpha")
    if isinstance(alpha, list | tuple | np.ndarray) and len(alpha) == model.n_topics:
        summed = np.zeros(k_new)
        np.add.at(summed, new, np.asarray(alpha, dtype=np.float64))
        alpha = [float(a) for a in summed]
    return phi, theta, alpha


def apply_merges(
    model: TopicModel, history: Sequence[Sequence[int]], token_ids: np.ndarray | None = None
) -> tuple[TopicModel, tuple[Merge, ...]]:
    """Replay a merge history on the fitted ``model``.

    Parameters
    ----------
    model : TopicModel
        The fitted model (no merges).
    history : sequence of sequences of int
        Each step's ids, in the model as it stands before that step.
    token_ids : ndarray, optional
        As in :func:`merge_topics`.

    Returns
    -------
    TopicModel, tuple of Merge
        The model after every step, and the steps.
    """
    steps: list[Merge] = []
    for topics in history:
        model, step = merge_topics(model, topics, token_ids)
        steps.append(step)
    return model, tuple(steps)


def undo_last(
    original: TopicModel, history: Sequence[Sequence[int]], token_ids: np.ndarray | None = None
) -> tuple[TopicModel, tuple[tuple[int, ...], ...]]:
    """Undo the last merge: the original with every step but the last replayed (the original itself when one)."""
    shorter = tuple(tuple(int(k) for k in step) for step in history[:-1])
    model, _ = apply_merges(original, shorter, token_ids)
    return model, shorter


def original_ids(steps: Sequence[Merge], n_topics: int) -> list[tuple[int, ...]]:
    """For each topic of the merged model, the ids of the fitted model it is made of (the id history).

    Parameters
    ----------
    steps : sequence of Merge
        The merges applied, in order.
    n_topics : int
        Topics of the fitted model.

    Returns
    -------
    list of tuple of int
        Indexed by the merged model's ids.
    """
    groups: list[tuple[int, ...]] = [(k,) for k in range(n_topics)]
    for step in steps:
        k_new = max(step.new_ids) + 1
        merged: list[list[int]] = [[] for _ in range(k_new)]
        for old, new in enumerate(step.new_ids):
            merged[new].extend(groups[old])
        groups = [tuple(sorted(g)) for g in merged]
    return groups


def explore_merged(exploration: LdaExploration, corpus: Corpus, history: Sequence[Sequence[int]]) -> LdaExploration:
    """The exploration of the fitted model after ``history``: the merged model with its own map and quality.

    The map is laid out again (:func:`models.ldavis.vis_data.prepare_vis`, same layout and seed) and the quality
    recomputed (:func:`models.lda.explore.quality_of`); with an empty history, ``exploration`` itself.
    """
    if not history:
        return exploration
    from models.lda.explore import LdaExploration, quality_of
    from models.ldavis.vis_data import prepare_vis

    model, _ = apply_merges(exploration.model, history, corpus.token_ids)
    vis = prepare_vis(model, layout=exploration.vis.layout, R=exploration.vis.R, seed=exploration.options.seed)
    return LdaExploration(
        model=model,
        vis=vis,
        quality=quality_of(model, corpus),
        options=exploration.options,
        seconds=exploration.seconds,
    )


def steps_of(history: Sequence[Sequence[int]], n_topics: int) -> tuple[Merge, ...]:
    """The :class:`Merge` records of ``history`` on a model of ``n_topics`` topics, without the model."""
    steps = []
    for topics in history:
        merged = _checked(topics, n_topics)
        new = _new_ids(merged, n_topics)
        steps.append(Merge(merged=merged, new_ids=tuple(int(k) for k in new)))
        n_topics = n_topics - len(merged) + 1
    return tuple(steps)
