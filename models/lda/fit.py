"""Fit LDA with the engine named in the options: collapsed Gibbs, gensim or scikit-learn."""

from __future__ import annotations

import math
from numbers import Integral, Real

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.options import ENGINES, LdaOptions, Partial, Progress
from models.lda.seeds import check_seed_words
from models.lda.topic_model import TopicModel

__all__ = [
    "MAX_ITERATIONS",
    "MAX_MATRIX_CELLS",
    "MAX_PASSES",
    "MAX_PRIOR",
    "MAX_TOPICS",
    "SEED_MAX",
    "fit_lda",
    "format_bytes",
    "validate_lda_options",
]

# Largest K offered: beyond it the views (intertopic map, relevance bars) stop being readable, and fits get slow.
MAX_TOPICS = 500
# Gibbs sweeps / per-document E-step iterations. Collapsed Gibbs reaches its plateau within 100-200 sweeps (the
# default is 200) and the VB engines' E-step defaults are 50 (gensim) and 100 (scikit-learn); 10,000 is 50x the
# largest default, about 10 minutes of sweeps on a 1 M-token corpus, and stops "1e20 sweeps" from running for ever.
MAX_ITERATIONS = 10_000
# gensim passes / scikit-learn EM iterations: defaults 20 and 50, 1,000 is 20-50x those.
MAX_PASSES = 1_000
# Largest Dirichlet prior per engine. scikit-learn's LatentDirichletAllocation accepts priors in [0, 1] only; for
# the others a pseudo-count of 1,000 per topic or term already drowns any corpus's counts (the fit comes out
# uniform), and at 1e308 the Gibbs sampler's V·β overflowed to inf and φ came out as NaN.
MAX_PRIOR: dict[str, float] = {"gibbs": 1000.0, "gensim": 1000.0, "sklearn": 1.0, "spark": 1000.0}
# Largest seed. gensim and scikit-learn seed NumPy's legacy RandomState (0 to 2**32 - 1; 2**32 raised ValueError /
# InvalidParameterError); the Gibbs engine seeds NumPy's SeedSequence, which takes any non-negative integer, but
# the same seed then goes to the intertopic map's MDS / t-SNE layouts (scikit-learn, 0 to 2**32 - 1 again). Every
# engine refused negative seeds with a traceback.
SEED_MAX = 2**32 - 1
# Most cells of the topic-word matrix φ (K × terms) and of the document-topic matrix θ (documents × K): 20 million
# float64 cells are 160 MB, and engines and views hold several such arrays at once (count tables, φ, relevance),
# about 1 GB in all. K = 500 on 555,000 terms (2.2 GB per copy) was killed at a 6 GB memory cap after 157 s.
MAX_MATRIX_CELLS = 20_000_000
_CELL_BYTES = 8


def fit_lda(
    corpus: Corpus, options: LdaOptions, progress: Progress | None = None, partial: Partial | None = None
) -> TopicModel:
    """Fit an LDA topic model.

    Parameters
    ----------
    corpus : Corpus
        The documents; ``dtm`` may be dense or sparse.
    options : LdaOptions
        Engine ("gibbs", "gensim" or "sklearn"), K and hyperparameters; None values mean the engine's measured
        defaults (see ``models.lda.engines.gensim_lda``, ``models.lda.engines.sklearn_lda`` and ``models.lda.gibbs``).
    progress : callable, optional
        ``progress(step, total, value)``, called by the engine as it goes; it may raise
        :class:`~models.lda.options.FitCancelled`, which propagates to the caller.
    partial : callable, optional
        Gibbs engine only: ``partial(sweep, model_now)`` while the chain converges (see
        :func:`models.lda.gibbs.engine.fit_gibbs`); the variational engines ignore it.

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
        from models.lda.engines.gensim_lda import fit_gensim

        return fit_gensim(corpus, options, progress)
    if options.engine == "sklearn":
        from models.lda.engines.sklearn_lda import fit_sklearn

        return fit_sklearn(corpus, options, progress)
    if options.engine == "spark":
        from models.lda.engines.spark_lda import fit_spark

        return fit_spark(corpus, options, progress)
    from models.lda.gibbs.engine import fit_gibbs

    return fit_gibbs(corpus, options, progress, partial)


def validate_lda_options(corpus: Corpus, options: LdaOptions) -> None:
    """Raise :class:`InputError` for the first problem a user could fix in ``options`` for this ``corpus``.

    K must be a whole number with ``1 ≤ K ≤ min(vocabulary size, MAX_TOPICS)`` (K = 1 is a valid if dull model;
    views that need two topics check that themselves), and φ (K × terms) and θ (documents × K) must each fit in
    :data:`MAX_MATRIX_CELLS`; this is checked before anything is allocated. alpha and eta must be finite and in
    ``(0, MAX_PRIOR[engine]]`` (alpha may be "auto" with gensim only); iterations from 1 to
    :data:`MAX_ITERATIONS`, passes from 1 to :data:`MAX_PASSES`; the seed a whole number from 0 to
    :data:`SEED_MAX`; seed words only with the Gibbs engine, at most K seeded topics, every word in the vocabulary
    (:func:`models.lda.seeds.check_seed_words`).
    """
    if options.engine not in ENGINES:
        raise InputError("lda_unknown_engine", engine=options.engine, engines=", ".join(ENGINES))
    if corpus.n_tokens == 0:
        raise InputError("lda_no_tokens")
    k = options.n_topics
    max_k = min(corpus.vocab_size, MAX_TOPICS)
    if not _is_count(k) or not 1 <= k <= max_k:
        raise InputError("lda_bad_k", k=k, max_k=max_k, vocab_size=corpus.vocab_size, limit=MAX_TOPICS)
    n_docs = corpus.dtm.shape[0]
    for code, size in (("lda_phi_too_large", corpus.vocab_size), ("lda_theta_too_large", n_docs)):
        if k * size > MAX_MATRIX_CELLS:
            raise InputError(
                code,
                k=k,
                n_terms=corpus.vocab_size,
                n_docs=n_docs,
                size=format_bytes(k * size * _CELL_BYTES),
                limit=format_bytes(MAX_MATRIX_CELLS * _CELL_BYTES),
                cells=MAX_MATRIX_CELLS,
            )
    max_prior = MAX_PRIOR[options.engine]
    if options.alpha == "auto":
        if options.engine != "gensim":
            raise InputError("lda_auto_alpha_unsupported", engine=options.engine)
    elif options.alpha is not None:
        _check_prior("alpha", options.alpha, options.engine, max_prior)
    if options.eta is not None:
        _check_prior("eta", options.eta, options.engine, max_prior)
    for name, limit in (("iterations", MAX_ITERATIONS), ("passes", MAX_PASSES)):
        value = getattr(options, name)
        if value is not None and (not _is_count(value) or value < 1):
            raise InputError("lda_bad_count", name=name, value=value)
        if value is not None and value > limit:
            raise InputError("lda_count_too_large", name=name, value=value, limit=limit)
    seed = options.seed
    if not _is_count(seed) or not 0 <= seed <= SEED_MAX:
        raise InputError("seed_out_of_range", value=seed, max_seed=SEED_MAX, engine=options.engine)
    check_seed_words(options.seed_words, corpus.vocab, k, options.engine)


def format_bytes(n: float) -> str:
    """``n`` bytes for a message, in decimal units: "160 MB", "2.2 GB", "44.4 GB"."""
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6)):
        if n >= size:
            value = n / size
            return f"{value:.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"
    return f"{n / 1e3:.0f} kB"


def _check_prior(name: str, value: object, engine: str, max_prior: float) -> None:
    if not _is_positive(value):
        raise InputError("lda_bad_prior", name=name, value=value)
    if value > max_prior:  # type: ignore[operator]
        raise InputError("lda_prior_too_large", name=name, value=value, limit=max_prior, engine=engine)


def _is_count(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _is_positive(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value) and value > 0
