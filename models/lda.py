"""Fit LDA with the engine named in the options: collapsed Gibbs, gensim or scikit-learn."""

from __future__ import annotations

import math
from numbers import Integral, Real

from models.corpus import Corpus
from models.errors import InputError
from models.lda_options import ENGINES, LdaOptions, Progress
from models.topic_model import TopicModel

__all__ = ["MAX_TOPICS", "fit_lda", "validate_lda_options"]

# Largest K offered: beyond it the views (intertopic map, relevance bars) stop being readable, and fits get slow.
MAX_TOPICS = 500


def fit_lda(corpus: Corpus, options: LdaOptions, progress: Progress | None = None) -> TopicModel:
    """Fit an LDA topic model.

    Parameters
    ----------
    corpus : Corpus
        The documents; ``dtm`` may be dense or sparse.
    options : LdaOptions
        Engine ("gibbs", "gensim" or "sklearn"), K and hyperparameters; None values mean the engine's measured
        defaults (see ``models.engines.gensim_lda``, ``models.engines.sklearn_lda`` and ``models.gibbs``).
    progress : callable, optional
        ``progress(step, total, value)``, called by the engine as it goes; it may raise
        :class:`~models.lda_options.FitCancelled`, which propagates to the caller.

    Returns
    -------
    TopicModel

    Raises
    ------
    InputError
        Unknown engine, K out of range, a non-positive prior, a count below 1, or a corpus without tokens.
    """
    validate_lda_options(corpus, options)
    if options.engine == "gensim":
        from models.engines.gensim_lda import fit_gensim

        return fit_gensim(corpus, options, progress)
    if options.engine == "sklearn":
        from models.engines.sklearn_lda import fit_sklearn

        return fit_sklearn(corpus, options, progress)
    from models.gibbs.engine import fit_gibbs

    return fit_gibbs(corpus, options, progress)


def validate_lda_options(corpus: Corpus, options: LdaOptions) -> None:
    """Raise :class:`InputError` for the first problem a user could fix in ``options`` for this ``corpus``.

    K must be a whole number with ``1 ≤ K ≤ min(vocabulary size, MAX_TOPICS)`` (K = 1 is a valid if dull model;
    views that need two topics check that themselves). alpha and eta must be positive (alpha may be "auto" with
    gensim only); iterations and passes at least 1.
    """
    if options.engine not in ENGINES:
        raise InputError("lda_unknown_engine", engine=options.engine, engines=", ".join(ENGINES))
    if corpus.n_tokens == 0:
        raise InputError("lda_no_tokens")
    k = options.n_topics
    max_k = min(corpus.vocab_size, MAX_TOPICS)
    if not _is_count(k) or not 1 <= k <= max_k:
        raise InputError("lda_bad_k", k=k, max_k=max_k, vocab_size=corpus.vocab_size, limit=MAX_TOPICS)
    if options.alpha == "auto":
        if options.engine != "gensim":
            raise InputError("lda_auto_alpha_unsupported", engine=options.engine)
    elif options.alpha is not None and not _is_positive(options.alpha):
        raise InputError("lda_bad_prior", name="alpha", value=options.alpha)
    if options.eta is not None and not _is_positive(options.eta):
        raise InputError("lda_bad_prior", name="eta", value=options.eta)
    for name in ("iterations", "passes"):
        value = getattr(options, name)
        if value is not None and (not _is_count(value) or value < 1):
            raise InputError("lda_bad_count", name=name, value=value)


def _is_count(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _is_positive(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value) and value > 0
