"""Options shared by every LDA engine, and the progress-callback contract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["ENGINES", "FitCancelled", "LdaOptions", "Partial", "Progress", "available_engines"]

# Every engine the library knows. "spark" (models.lda.engines.spark_lda) runs only where pyspark and Java are
# installed (requirements-spark.txt): offer available_engines() to users, not ENGINES.
ENGINES: tuple[str, ...] = ("gibbs", "gensim", "sklearn", "spark")


def available_engines() -> tuple[str, ...]:
    """The engines that can run here: :data:`ENGINES` without "spark" when pyspark or Java is missing.

    Nothing heavy is imported (pyspark is looked up, not imported).
    """
    from models.lda.engines.spark_lda import spark_available

    return ENGINES if spark_available() else tuple(e for e in ENGINES if e != "spark")


# progress(iteration, total, value): value is the latest log-likelihood (Gibbs), bound or perplexity, or None.
# The callback may raise FitCancelled to stop the fit; engines let it propagate.
Progress = Callable[[int, int, float | None], None]

# partial(sweep, model_now): the Gibbs engine's chain while it converges; model_now() builds a TopicModel of it.
Partial = Callable[[int, Callable[[], Any]], None]


class FitCancelled(Exception):
    """Raised by a progress callback to stop a fit (the UI's Cancel button)."""


@dataclass(frozen=True)
class LdaOptions:
    """Hyperparameters of an LDA fit.

    Attributes
    ----------
    engine : {"gibbs", "gensim", "sklearn", "spark"}
        Collapsed Gibbs (numba), gensim variational Bayes, scikit-learn online/batch VB, or Spark MLlib (EM).
    n_topics : int
        Number of topics K.
    alpha : float or "auto", optional
        Symmetric document-topic Dirichlet prior; None means the engine's default chosen by measured recovery;
        "auto" learns an asymmetric prior where the engine supports it (gensim).
    eta : float, optional
        Symmetric topic-term Dirichlet prior (β in Griffiths & Steyvers); None means the engine default.
    iterations : int, optional
        Gibbs sweeps, or gensim/sklearn iterations (None: the engine default).
    passes : int, optional
        gensim passes over the corpus / scikit-learn max_iter (None: the engine default).
    seed : int
        Random seed: the same seed gives the same result (for the Gibbs engine: with the same ``workers``).
    workers : int, optional
        Gibbs engine: cores to sample on (documents and words partitioned, :mod:`models.lda.gibbs.parallel`); None uses
        every core this process may run on. The other engines ignore it.
    seed_words : tuple of (str, tuple of str)
        Seeded topics, ``(("sports", ("goal", "match")), ...)``: topic k is the k-th pair, fitted with an asymmetric
        word prior for its words and named by its name (:mod:`models.lda.seeds`; Gibbs engine only).

    Notes
    -----
    Nothing is checked here; :func:`models.lda.validate_lda_options` checks the options against a corpus before
    any fit: K from 1 to min(vocabulary, 500) with K × terms and K × documents at most 20 million cells, priors
    finite in (0, 1000] (scikit-learn: (0, 1]), iterations 1 to 10,000, passes 1 to 1,000, seed 0 to 2**32 - 1.
    """

    engine: str = "gibbs"
    n_topics: int = 10
    alpha: float | str | None = None
    eta: float | None = None
    iterations: int | None = None
    passes: int | None = None
    seed: int = 0
    workers: int | None = None
    seed_words: tuple[tuple[str, tuple[str, ...]], ...] = ()
