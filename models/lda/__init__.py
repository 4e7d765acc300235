"""LDA: options, the engine-independent TopicModel, the engines (the project's collapsed Gibbs sampler, gensim,
scikit-learn), quality (perplexity, coherence) and what the explorer needs of a fit."""

from __future__ import annotations

from models.lda.fit import fit_lda, validate_lda_options

__all__ = ["fit_lda", "validate_lda_options"]
