"""How stable is each topic: R fits with different seeds, each aligned to a reference fit by optimal matching.

Per topic of the reference: the share of runs in which a matched topic reappears with JS similarity at least
``threshold`` (Greene, O'Callaghan & Cunningham 2014 measure stability by agreement of top terms across runs;
TopicCheck, Mantyla et al. 2018, by matching topics of repeated runs), and the words that stay in its top-10 in
every run. The mean over topics is the model's stability: 1.0 when every run finds every topic again.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.alignment import align_topics, top_word_ids
from models.lda.options import LdaOptions, Progress
from models.lda.topic_model import TopicModel

__all__ = ["MAX_RUNS", "STABLE_SIMILARITY", "Stability", "stability_of", "topic_stability"]

logger = logging.getLogger(__name__)

# JS similarity (1 − JSD/ln 2) from which a matched topic counts as the same topic. Two topics sharing half their
# mass (a planted topic against the union of it and another) score about 0.5-0.7; the same topic refitted with
# another seed scores 0.85-1.0 on the samples and planted corpora.
STABLE_SIMILARITY = 0.7
MAX_RUNS = 20
TOP_N = 10


@dataclass(frozen=True, eq=False)
class Stability:
    """Topic stability of a reference model against R other runs.

    Attributes
    ----------
    per_topic : ndarray of shape (n_topics,)
        Share of runs in which reference topic k reappears (matched similarity ≥ ``threshold``).
    similarity : ndarray of shape (n_runs, n_topics)
        The matched topic's JS similarity in each run.
    match : ndarray of shape (n_runs, n_topics)
        The run's topic matched to reference topic k.
    stable_words : tuple of tuple of str
        Per topic, the words of its top-10 that are in the matched topic's top-10 in every run (reference order).
    seeds : tuple of int
        The runs' seeds.
    threshold : float
    """

    per_topic: np.ndarray
    similarity: np.ndarray
    match: np.ndarray
    stable_words: tuple[tuple[str, ...], ...]
    seeds: tuple[int, ...]
    threshold: float

    @property
    def mean(self) -> float:
        """Mean stability over topics (1.0: every topic in every run)."""
        return float(self.per_topic.mean()) if self.per_topic.size else float("nan")

    def unstable(self, below: float = 0.5) -> np.ndarray:
        """Ids of topics that reappear in fewer than ``below`` of the runs."""
        return np.flatnonzero(self.per_topic < below)


def stability_of(
    reference: TopicModel,
    runs: Sequence[TopicModel],
    threshold: float = STABLE_SIMILARITY,
    seeds: Sequence[int] = (),
    topn: int = TOP_N,
) -> Stability:
    """Align every run to ``reference`` (Hungarian on JS similarity) and measure each topic's stability.

    Parameters
    ----------
    reference : TopicModel
    runs : sequence of TopicModel
        Fits over the same vocabulary (any K; a topic left unmatched counts as not reappearing).
    threshold : float
        Matched JS similarity from which a topic reappears.
    seeds : sequence of int, optional
        The runs' seeds, kept for display.
    topn : int
        Size of the top-word lists compared.

    Returns
    -------
    Stability
    """
    k = reference.n_topics
    similarity = np.zeros((len(runs), k))
    match = np.full((len(runs), k), -1, dtype=np.int64)
    ref_top = top_word_ids(reference.phi, topn)
    kept = [set(row.tolist()) for row in ref_top]
    for r, run in enumerate(runs):
        alignment = align_topics(reference.phi, run.phi)
        similarity[r], match[r] = alignment.similarity, alignment.match
        run_top = top_word_ids(run.phi, topn)
        for t in range(k):
            kept[t] &= set(run_top[match[r, t]].tolist()) if match[r, t] >= 0 else set()
    per_topic = (similarity >= threshold).mean(axis=0) if runs else np.ones(k)
    stable_words = tuple(tuple(reference.vocab[w] for w in ref_top[t] if w in kept[t]) for t in range(k))
    return Stability(per_topic, similarity, match, stable_words, tuple(int(s) for s in seeds), float(threshold))


def topic_stability(
    corpus: Corpus,
    options: LdaOptions,
    n_runs: int = 3,
    reference: TopicModel | None = None,
    threshold: float = STABLE_SIMILARITY,
    progress: Progress | None = None,
) -> tuple[Stability, list[TopicModel]]:
    """Fit ``n_runs`` more models with seeds ``options.seed + 1, ...`` and measure stability against the reference.

    Parameters
    ----------
    corpus : Corpus
    options : LdaOptions
        The reference's options; only the seed changes between runs.
    n_runs : int
        Other runs, 1 to :data:`MAX_RUNS`.
    reference : TopicModel, optional
        The fit with ``options`` when the caller has it (else it is fitted here).
    threshold : float
    progress : callable, optional
        ``progress(done, n_runs, None)`` after each run and during fits (it may raise ``FitCancelled``).

    Returns
    -------
    (Stability, list of TopicModel)
        The stability and the runs (so that a run that differs can be shown).
    """
    from models.lda.fit import fit_lda

    if not (isinstance(n_runs, int) and 1 <= n_runs <= MAX_RUNS):
        raise InputError("bad_option", option="runs", value=n_runs, why=f"use 1 to {MAX_RUNS} runs")
    if reference is None:
        reference = fit_lda(corpus, options)
    seeds = [(options.seed + i) % 2**32 for i in range(1, n_runs + 1)]
    runs = []
    for done, seed in enumerate(seeds):
        inner = None if progress is None else (lambda _i, _n, _v, done=done: progress(done, n_runs, None))
        runs.append(fit_lda(corpus, dataclasses.replace(options, seed=seed), inner))
        if progress is not None:
            progress(done + 1, n_runs, None)
    result = stability_of(reference, runs, threshold, seeds)
    logger.info("stability: mean %.3f over %d runs", result.mean, n_runs)
    return result, runs
