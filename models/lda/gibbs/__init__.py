"""Collapsed Gibbs sampling for LDA (Griffiths & Steyvers 2004): a fast numba engine and a step-by-step sampler.

References
----------
Griffiths, T. L. & Steyvers, M. (2004). Finding scientific topics. PNAS 101 (suppl. 1), 5228-5235.
Yao, L., Mimno, D. & McCallum, A. (2009). Efficient methods for topic model inference on streaming document
collections. KDD '09.
Yu, H.-F., Hsieh, C.-J., Yun, H., Vishwanathan, S. V. N. & Dhillon, I. S. (2015). A scalable asynchronous
distributed algorithm for topic modeling (F+LDA). WWW '15.
"""

from __future__ import annotations

from models.lda.gibbs.classroom import ClassroomSampler
from models.lda.gibbs.conditional import conditional, conditional_factors
from models.lda.gibbs.counts import Counts, check_counts, count_assignments
from models.lda.gibbs.engine import default_alpha, fit_gibbs
from models.lda.gibbs.likelihood import joint_log_likelihood, log_likelihood_per_token
from models.lda.gibbs.steps import StepRecord, TokenConditional, draw_uniform
from models.lda.gibbs.story import GeneratedDocument, generate_document

__all__ = [
    "ClassroomSampler",
    "Counts",
    "GeneratedDocument",
    "StepRecord",
    "TokenConditional",
    "check_counts",
    "conditional",
    "conditional_factors",
    "count_assignments",
    "default_alpha",
    "draw_uniform",
    "fit_gibbs",
    "generate_document",
    "joint_log_likelihood",
    "log_likelihood_per_token",
]
