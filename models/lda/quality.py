"""How good is a topic model: held-in perplexity, topic coherence (c_v, u_mass) and a sweep over K."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Integral
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.options import LdaOptions, Progress
from models.lda.topic_model import TopicModel

__all__ = [
    "COHERENCE_MEASURES",
    "MAX_SWEEP_FITS",
    "MAX_SWEEP_K",
    "Coherence",
    "KScore",
    "choose_k",
    "coherence",
    "coherence_gensim",
    "perplexity",
    "top_term_ids",
    "top_terms",
]

logger = logging.getLogger(__name__)

COHERENCE_MEASURES: tuple[str, ...] = ("c_v", "u_mass", "c_npmi")
# Nonzero document-term cells handled at once by perplexity(), times K (bounds the temporary arrays).
_CHUNK_CELLS = 2_000_000
# A K sweep fits one full model per K, so its cost is the sum of the fits: at most this many fits and K up to
# this value (the sweep is for telling 5 from 15 topics, not for K in the hundreds; a single fit takes up to
# models.lda.MAX_TOPICS). 50 fits of K ≤ 100 at the default 200 sweeps are about 10^4 sweeps at K ≤ 100.
MAX_SWEEP_FITS = 50
MAX_SWEEP_K = 100


def perplexity(model: TopicModel, corpus: Corpus) -> float:
    """Held-in perplexity of ``corpus`` under the model's ``phi`` and ``theta``.

    ``exp(−Σ_d Σ_w n_dw log p(w | d) / N)`` with ``p(w | d) = Σ_k θ_dk φ_kw`` and N the number of tokens
    (Blei, Ng & Jordan 2003, eq. 12, evaluated on the training documents). A uniform model scores the
    vocabulary size; lower is better. It keeps falling as K grows, so do not pick K by it alone.

    Parameters
    ----------
    model : TopicModel
        Fitted on ``corpus`` (same documents and vocabulary).
    corpus : Corpus

    Returns
    -------
    float
    """
    X = sp.coo_matrix(corpus.dtm)
    X.sum_duplicates()
    _check_matches(model, corpus)
    n_tokens = float(X.data.sum())
    if n_tokens <= 0:
        raise InputError("lda_no_tokens")
    rows, cols, counts = X.row, X.col, X.data.astype(np.float64)
    step = max(1, _CHUNK_CELLS // max(model.n_topics, 1))
    log_lik = 0.0
    with np.errstate(divide="ignore"):
        for start in range(0, counts.size, step):
            sl = slice(start, start + step)
            p = np.einsum("ik,ki->i", model.theta[rows[sl]], model.phi[:, cols[sl]])
            log_lik += float(counts[sl] @ np.log(p))
    return float(np.exp(-log_lik / n_tokens))


def top_term_ids(model: TopicModel, topn: int = 10, among: np.ndarray | None = None) -> np.ndarray:
    """ndarray of shape (n_topics, topn): vocabulary ids of each topic's most probable terms (ties by vocabulary order).

    Parameters
    ----------
    model : TopicModel
    topn : int
    among : ndarray of bool of shape (n_terms,), optional
        Only terms where this is True are candidates.
    """
    keep = np.arange(len(model.vocab)) if among is None else np.flatnonzero(among)
    topn = min(topn, keep.size)
    return keep[np.argsort(-model.phi[:, keep], axis=1, kind="stable")[:, :topn]]


def top_terms(model: TopicModel, topn: int = 10, among: np.ndarray | None = None) -> list[list[str]]:
    """The ``topn`` most probable terms of each topic (ties by vocabulary order); see :func:`top_term_ids`."""
    return [[model.vocab[j] for j in row] for row in top_term_ids(model, topn, among)]


@dataclass(frozen=True, eq=False)
class Coherence:
    """Topic coherence from gensim's ``CoherenceModel``.

    Attributes
    ----------
    measure : {"c_v", "u_mass"}
    per_topic : ndarray of shape (n_topics,)
    mean : float
    topn : int
        Top terms per topic that were scored.
    """

    measure: str
    per_topic: np.ndarray
    mean: float
    topn: int


def coherence(model: TopicModel, corpus: Corpus, measure: str = "c_v", topn: int = 10) -> Coherence:
    """Coherence of each topic's top terms in the corpus's own texts.

    c_v (Röder, Both & Hinneburg 2015): NPMI of the top terms in a 110-token sliding window, compared by cosine
    similarity; roughly 0..1, higher is better. u_mass (Mimno et al. 2011): ``log((D(w_i, w_j)/N + ε) / (D(w_j)/N))``
    over document co-occurrence; ≤ 0, closer to 0 is better. c_npmi: mean NPMI in 10-token windows, −1..1.
    Computed natively (:mod:`models.lda.coherence`), equal to gensim's ``CoherenceModel`` (:func:`coherence_gensim`).

    Parameters
    ----------
    model : TopicModel
    corpus : Corpus
        Its tokens are the texts. Terms that never occur in the corpus are left out of the top terms (c_v is
        undefined for them).
    measure : {"c_v", "u_mass", "c_npmi"}
    topn : int
        Top terms per topic (fewer if the vocabulary is smaller).

    Returns
    -------
    Coherence
    """
    from models.lda.coherence import coherence_per_topic

    if measure not in COHERENCE_MEASURES:
        raise InputError("bad_option", option="measure", value=measure, why=" / ".join(COHERENCE_MEASURES))
    _check_matches(model, corpus)
    ids = top_term_ids(model, topn, among=corpus.term_frequency > 0)
    per_topic = coherence_per_topic(corpus, ids, measure)
    mean = float(np.nanmean(per_topic)) if np.isfinite(per_topic).any() else float("nan")
    return Coherence(measure=measure, per_topic=per_topic, mean=mean, topn=ids.shape[1])


def coherence_gensim(model: TopicModel, corpus: Corpus, measure: str = "c_v", topn: int = 10) -> Coherence:
    """The same as :func:`coherence` through gensim's ``CoherenceModel`` (the reference the tests and benchmarks
    compare the native computation with)."""
    from gensim.corpora import Dictionary
    from gensim.models.coherencemodel import CoherenceModel

    _check_matches(model, corpus)
    texts = [list(tokens) for tokens in corpus.doc_tokens]
    X = sp.csr_matrix(corpus.dtm)
    bow = [
        list(zip(X.indices[a:b].tolist(), X.data[a:b].tolist(), strict=True))
        for a, b in zip(X.indptr[:-1], X.indptr[1:], strict=True)
    ]
    dictionary = Dictionary.from_corpus(bow, id2word=dict(enumerate(corpus.vocab)))
    topics = top_terms(model, topn, among=corpus.term_frequency > 0)
    cm = CoherenceModel(
        topics=topics,
        texts=texts,
        corpus=bow if measure == "u_mass" else None,
        dictionary=dictionary,
        coherence=measure,
        topn=len(topics[0]),
        processes=1,
    )
    per_topic = np.asarray(cm.get_coherence_per_topic(), dtype=np.float64)
    mean = float(np.nanmean(per_topic)) if np.isfinite(per_topic).any() else float("nan")
    return Coherence(measure=measure, per_topic=per_topic, mean=mean, topn=len(topics[0]))


class KScore(NamedTuple):
    """One row of :func:`choose_k`: K and the model's mean c_v, mean u_mass and held-in perplexity."""

    k: int
    c_v: float
    u_mass: float
    perplexity: float


def choose_k(
    corpus: Corpus, options: LdaOptions, k_values: Sequence[int], progress: Progress | None = None
) -> list[KScore]:
    """Fit one model per K in ``k_values`` (other options unchanged) and score each.

    Parameters
    ----------
    corpus : Corpus
    options : LdaOptions
        Engine and hyperparameters; ``n_topics`` is replaced by each K.
    k_values : sequence of int
        Checked all together before the first fit: at most :data:`MAX_SWEEP_FITS` values, each K at most
        :data:`MAX_SWEEP_K`, and each valid for :func:`~models.lda.validate_lda_options`.
    progress : callable, optional
        ``progress(done, len(k_values), mean c_v)`` after each K; during a fit it is called as
        ``progress(done, len(k_values), None)`` so that raising ``FitCancelled`` stops the sweep quickly.

    Returns
    -------
    list of KScore
        In the order of ``k_values``.
    """
    from models.lda.fit import fit_lda, validate_lda_options

    ks = list(k_values)
    if not ks:
        raise InputError("choose_k_empty")
    if len(ks) > MAX_SWEEP_FITS:
        raise InputError("choose_k_too_many", count=len(ks), limit=MAX_SWEEP_FITS)
    for k in ks:
        if isinstance(k, Integral) and k > MAX_SWEEP_K:
            raise InputError("choose_k_too_large", k=k, limit=MAX_SWEEP_K)
    for k in ks:
        validate_lda_options(corpus, dataclasses.replace(options, n_topics=k))
    total = len(ks)
    scores = []
    for done, k in enumerate(ks):
        inner = None if progress is None else (lambda _i, _n, _v, done=done: progress(done, total, None))
        model = fit_lda(corpus, dataclasses.replace(options, n_topics=k), inner)
        score = KScore(
            k=k,
            c_v=coherence(model, corpus, "c_v").mean,
            u_mass=coherence(model, corpus, "u_mass").mean,
            perplexity=perplexity(model, corpus),
        )
        logger.info("choose_k: %s", score)
        scores.append(score)
        if progress is not None:
            progress(done + 1, total, score.c_v)
    return scores


def _check_matches(model: TopicModel, corpus: Corpus) -> None:
    n_docs, n_terms = corpus.dtm.shape
    if model.theta.shape[0] != n_docs or model.phi.shape[1] != n_terms:
        raise ValueError(
            f"model ({model.theta.shape[0]} documents, {model.phi.shape[1]} terms) was not fitted on this corpus "
            f"({n_docs} documents, {n_terms} terms)"
        )
