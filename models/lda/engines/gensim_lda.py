"""LDA by gensim's online variational Bayes (Hoffman, Blei & Bach 2010), as a :class:`TopicModel`."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from gensim.models.callbacks import Metric
from gensim.models.ldamodel import LdaModel

from models.corpus.corpus import Corpus
from models.lda.engines import Steps, count_matrix, normalise_rows, start_seeds, topic_model_from
from models.lda.options import LdaOptions, Progress
from models.lda.topic_model import TopicModel

__all__ = ["DEFAULT_ALPHA", "DEFAULT_ETA", "DEFAULT_ITERATIONS", "DEFAULT_PASSES", "fit_gensim"]

logger = logging.getLogger(__name__)

# Defaults chosen by measured topic recovery (gensim's own defaults: passes=1, iterations=50, priors 1/K). Score and
# corpora as in models.lda.engines.sklearn_lda: worst planted topic's best cosine, "fail" below 0.9, seeds s = 0..5 on
# block_diagonal (block), generative 300 docs x 5 topics x 300 terms (gen5) and 500 x 10 x 500 (gen10).
# Failed fits of 6, ONE random start each:
#                                                   block  gen5  gen10
#   passes 1,  iterations 50                         6      6     6
#   passes 10, iterations 50                         3      3     6
#   passes 20, iterations 50                         3      1     6
#   passes 20, iterations 200                        3      4     6
#   passes 50, iterations 200                        3      2     6
#   passes 20, iterations 200, alpha "auto"          3      4     6
#   passes 20, iterations 200, alpha 0.1, eta 0.01   3      4     6
# More iterations did not help (over 8 starts per corpus, one start failed 48% of the time on gen5 at iterations 200
# and 31% at 50); failures are starts that merge two topics early. Keeping, of R starts, the one with the best
# bound after S passes, then 20 passes (fails / disjoint groups of R; iterations 50):
#   R=1                28/48  15/48  39/48
#   R=2, S=5            8/24   4/24  17/24
#   R=4, S=5            0/12   0/12   6/12     <- default: 4*5 + 20 = 40 passes, 3.0 s on gen5 (2 cores)
#   R=8, S=5            0/6    0/6    2/6
# Ten topics stay hard for variational Bayes; the Gibbs engine is the better choice there.
DEFAULT_PASSES = 20
DEFAULT_ITERATIONS = 50
DEFAULT_ALPHA: float | str = "symmetric"  # gensim's 1/K
DEFAULT_ETA: float | None = None  # gensim's 1/K
N_STARTS = 4
SCREEN_PASSES = 5
# The per-pass bound is estimated on at most this many documents (evenly spaced), scaled to the whole corpus.
EVAL_MAX_DOCS = 2000


def fit_gensim(corpus: Corpus, options: LdaOptions, progress: Progress | None = None) -> TopicModel:
    """Fit LDA with gensim's ``LdaModel``.

    Parameters
    ----------
    corpus : Corpus
        ``dtm`` may be dense or any SciPy sparse format.
    options : LdaOptions
        ``n_topics``; ``alpha`` (float or "auto", a learned asymmetric prior); ``eta``; ``passes`` over the
        corpus; ``iterations`` (per-document E-step iterations); ``seed``. None means this module's defaults.
    progress : callable, optional
        Called after each pass as ``progress(step, total, value)``; ``total`` counts the screening passes of
        every start plus the passes of the chosen run, ``value`` is the per-word bound where computed (every
        pass of the chosen run), else None. May raise ``FitCancelled``.

    Returns
    -------
    TopicModel
        ``phi`` from ``get_topics()``, ``theta`` from the variational ``gamma`` of each document, normalised;
        ``log_likelihood`` holds (pass, per-word bound in nats).

    Notes
    -----
    :data:`N_STARTS` random starts (``seed`` first) train for :data:`SCREEN_PASSES` passes; the start with the
    highest bound is trained again from scratch for all ``passes`` (its first passes are the same as in the
    screening). The model is trained by one ``update()`` call: calling ``update()`` once per pass would add the
    corpus size to ``state.numdocs`` each time, as if new documents had arrived, and weaken the prior eta. A
    gensim metric callback reports each pass instead.
    """
    X = count_matrix(corpus)
    passes = options.passes or DEFAULT_PASSES
    settings = _Settings(
        id2word=dict(enumerate(corpus.vocab)),
        n_topics=options.n_topics,
        alpha=DEFAULT_ALPHA if options.alpha is None else options.alpha,
        eta=DEFAULT_ETA if options.eta is None else options.eta,
        iterations=options.iterations or DEFAULT_ITERATIONS,
    )
    bow = _bag_of_words(X)
    seeds = start_seeds(options.seed, N_STARTS)
    screen = min(SCREEN_PASSES, passes) if len(seeds) > 1 else 0
    rerun = screen < passes
    steps = Steps(progress, len(seeds) * screen + (passes if rerun else 0))

    seed = seeds[0]
    if not screen:
        lda, metric = _train(bow, settings, seed, passes, steps, every_pass=True)
    else:
        screened = {s: _train(bow, settings, s, screen, steps, every_pass=not rerun) for s in seeds}
        bounds = {s: metric.trace[-1][1] for s, (_, metric) in screened.items()}
        seed = max(seeds, key=bounds.__getitem__)
        logger.info("gensim LDA: start %d has the best bound after %d passes (%s)", seed, screen, bounds)
        if rerun:
            lda, metric = _train(bow, settings, seed, passes, steps, every_pass=True)
        else:
            lda, metric = screened[seed]

    phi = lda.get_topics()
    with _own_random_state(lda, options.seed):
        gamma, _ = lda.inference(bow)
    params: dict[str, Any] = {
        "n_topics": options.n_topics,
        "alpha": _prior_value(lda.alpha, settings.alpha),
        "eta": _prior_value(lda.eta, settings.eta),
        "passes": passes,
        "iterations": settings.iterations,
        "seed": options.seed,
        "chunksize": min(X.shape[0], lda.chunksize),
        "starts": len(seeds),
        "start_seed": seed,
    }
    logger.info(
        "gensim LDA: K=%d, %d passes, %d iterations, bound %s",
        options.n_topics,
        passes,
        settings.iterations,
        metric.trace[-1][1] if metric.trace else None,
    )
    return topic_model_from(corpus, X, phi, normalise_rows(gamma), "gensim", params, metric.trace)


@dataclass(frozen=True)
class _Settings:
    id2word: dict[int, str]
    n_topics: int
    alpha: float | str | None
    eta: float | None
    iterations: int


def _train(
    bow: list[list[tuple[int, float]]], settings: _Settings, seed: int, passes: int, steps: Steps, every_pass: bool
) -> tuple[LdaModel, _ProgressMetric]:
    metric = _ProgressMetric(bow, passes, seed, steps, every_pass)
    lda = LdaModel(
        id2word=settings.id2word,
        num_topics=settings.n_topics,
        alpha=settings.alpha,
        eta=settings.eta,
        passes=passes,
        iterations=settings.iterations,
        eval_every=0,  # gensim's own perplexity logging would repeat the E-step of every pass
        random_state=seed,
        callbacks=[metric],
        dtype=np.float64,
    )
    lda.update(bow)
    return lda, metric


def _bag_of_words(X: sp.csr_matrix) -> list[list[tuple[int, float]]]:
    """gensim's corpus format: per document a list of (term id, count)."""
    return [
        list(zip(X.indices[start:end].tolist(), X.data[start:end].tolist(), strict=True))
        for start, end in zip(X.indptr[:-1], X.indptr[1:], strict=True)
    ]


def _prior_value(learned: np.ndarray, asked: float | str | None) -> float | list[float] | str:
    values = np.asarray(learned, dtype=np.float64).ravel()
    if asked == "auto" or not np.allclose(values, values[0]):
        return [float(v) for v in values]
    return float(values[0])


@contextmanager
def _own_random_state(lda: LdaModel, seed: int) -> Iterator[None]:
    """Run gensim inference with its own RandomState so evaluation never shifts the training's random stream."""
    saved = lda.random_state
    lda.random_state = np.random.RandomState(int(seed) % 2**32)  # int(): np.uint32(2**32 - 1) % 2**32 overflows
    try:
        yield
    finally:
        lda.random_state = saved


class _ProgressMetric(Metric):
    """A gensim callback metric: counts passes for ``steps`` and records the per-word bound.

    The bound is computed after every pass when ``every_pass``, else only after the last one.
    """

    logger = None  # read by gensim's Callback (None: no shell/visdom output)
    title = "per-word bound"

    def __init__(
        self, bow: list[list[tuple[int, float]]], passes: int, seed: int, steps: Steps, every_pass: bool
    ) -> None:
        stride = max(1, len(bow) // EVAL_MAX_DOCS)
        self.sample = bow[::stride]
        self.total_docs = len(bow)
        self.passes = passes
        self.seed = seed
        self.steps = steps
        self.every_pass = every_pass
        self.done = 0
        self.trace: list[tuple[int, float]] = []

    def get_value(self, **kwargs: Any) -> float | None:
        self.done += 1
        bound = None
        if self.every_pass or self.done == self.passes:
            model = kwargs["model"]
            with _own_random_state(model, self.seed):
                bound = float(model.log_perplexity(self.sample, total_docs=self.total_docs))
            self.trace.append((self.done, bound))
        self.steps(bound)
        return bound
