"""Topics of a new document, inferred against a fitted model without changing it (fold-in).

Which inference for which engine:

* Gibbs fits: fold-in sampling with φ fixed (Heinrich 2009, "Parameter estimation for text analysis", §5.5: the
  trained model is queried by sampling only the new document's assignments, ``p(z_i = k) ∝ (n_dk^-i + α) φ_kw``);
  after a burn-in, several samples of θ are averaged. Seeded: the same seed gives the same θ.
* gensim and scikit-learn fits: the app keeps only the :class:`TopicModel` (no engine object), so their own
  ``inference``/``transform`` cannot be called; both are the variational E-step of Blei, Ng & Jordan (2003, eq. 6-7)
  with the topics held fixed, ``φ_nk ∝ β_kw exp(Ψ(γ_k))``, ``γ_k = α_k + Σ_n φ_nk``, which is done here with
  ``β = φ`` (the engines use ``exp(E[log β])``, a small difference for fitted topics). Deterministic: no seed.

The new text is tokenized with the corpus's own options and language; words outside the model's vocabulary are
reported and left out. The nearest training documents are those whose θ is closest in Hellinger distance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import digamma

from models.corpus.corpus import Corpus
from models.corpus.preprocess import iter_document_tokens
from models.errors import InputError
from models.lda.topic_model import TopicModel

__all__ = ["FoldIn", "fold_in", "fold_in_ids", "hellinger", "text_tokens"]

BURN_IN = 50
SAMPLES = 20
THIN = 2
VB_ITERATIONS = 200
VB_TOLERANCE = 1e-6


@dataclass(frozen=True, eq=False)
class FoldIn:
    """A new document's inferred topics.

    Attributes
    ----------
    theta : ndarray of shape (n_topics,)
        Its topic mixture.
    tokens : tuple of str
        Its tokens that are in the vocabulary, in text order.
    word_topics : ndarray of shape (n_tokens,)
        Each of those tokens' topic (Gibbs: the most frequent in the samples; variational: the most likely).
    unknown : tuple of str
        Distinct words not in the model's vocabulary, in order of first appearance.
    nearest : ndarray of shape (n_nearest,)
        Training documents closest by θ, nearest first.
    distances : ndarray of shape (n_nearest,)
        Their Hellinger distances, in [0, 1].
    method : {"gibbs", "variational"}
    """

    theta: np.ndarray
    tokens: tuple[str, ...]
    word_topics: np.ndarray
    unknown: tuple[str, ...]
    nearest: np.ndarray
    distances: np.ndarray
    method: str


def text_tokens(text: str, corpus: Corpus) -> tuple[tuple[str, ...], np.ndarray, tuple[str, ...]]:
    """``text`` tokenized as the corpus was (its options and language).

    Returns
    -------
    tokens : tuple of str
        The tokens in the vocabulary, in text order.
    ids : ndarray of shape (n_tokens,)
        Their vocabulary ids (int64).
    unknown : tuple of str
        Distinct tokens not in the vocabulary.
    """
    raw = next(iter(iter_document_tokens([text], corpus.options, corpus.language)), [])
    index = {term: j for j, term in enumerate(corpus.vocab)}
    kept = [(t, index[t]) for t in raw if t in index]
    unknown = tuple(dict.fromkeys(t for t in raw if t not in index))
    return tuple(t for t, _ in kept), np.asarray([j for _, j in kept], dtype=np.int64), unknown


def _alpha(model: TopicModel) -> np.ndarray:
    k = model.n_topics
    value = model.params.get("alpha")
    if isinstance(value, list | tuple | np.ndarray) and len(value) == k:
        return np.asarray(value, dtype=np.float64)
    if isinstance(value, int | float) and value > 0:
        return np.full(k, float(value))
    return np.full(k, 1.0 / k)


def fold_in_ids(
    model: TopicModel,
    ids: np.ndarray,
    seed: int = 0,
    burn_in: int = BURN_IN,
    samples: int = SAMPLES,
    thin: int = THIN,
) -> tuple[np.ndarray, np.ndarray, str]:
    """θ and each token's topic for a document given as vocabulary ids (see the module's docstring).

    Parameters
    ----------
    model : TopicModel
    ids : ndarray of shape (n_tokens,)
        At least one id.
    seed : int
        Gibbs: the random seed.
    burn_in, samples, thin : int
        Gibbs: sweeps before the first sample, samples averaged, sweeps between samples.

    Returns
    -------
    theta : ndarray of shape (n_topics,)
    word_topics : ndarray of shape (n_tokens,)
    method : {"gibbs", "variational"}
    """
    ids = np.asarray(ids, dtype=np.int64)
    alpha = _alpha(model)
    if model.engine == "gibbs":
        from models.lda.gibbs.fold_in import fold_in_sweeps

        rng = np.random.default_rng(seed)
        k = model.n_topics
        z = rng.integers(0, k, size=ids.size).astype(np.int64)
        ndk = np.bincount(z, minlength=k).astype(np.int64)
        counts = np.zeros((ids.size, k), dtype=np.int64)
        state = np.random.SeedSequence(seed).generate_state(1, dtype=np.uint64)
        phi_wk = np.ascontiguousarray(model.phi.T)
        theta = fold_in_sweeps(ids, z, ndk, phi_wk, alpha, counts, burn_in, samples, thin, state)
        return theta, np.argmax(counts, axis=1), "gibbs"
    theta, responsibility = _variational(model.phi, ids, alpha)
    return theta, np.argmax(responsibility, axis=1), "variational"


def _variational(phi: np.ndarray, ids: np.ndarray, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Blei, Ng & Jordan (2003) eq. 6-7 with β fixed: returns θ = γ / Σγ and each token's φ_n (n × K)."""
    words, position, counts = np.unique(ids, return_inverse=True, return_counts=True)
    beta = phi[:, words].T  # (n_words, K)
    gamma = alpha + len(ids) / len(alpha)
    for _ in range(VB_ITERATIONS):
        # phi_nk ∝ beta_kw exp(digamma(gamma_k)); gamma_k = alpha_k + sum_n phi_nk
        weights = beta * np.exp(digamma(gamma) - digamma(gamma.sum()))
        weights /= weights.sum(axis=1, keepdims=True)
        new = alpha + counts @ weights
        change = np.mean(np.abs(new - gamma))
        gamma = new
        if change < VB_TOLERANCE:
            break
    weights = beta * np.exp(digamma(gamma) - digamma(gamma.sum()))
    weights /= weights.sum(axis=1, keepdims=True)
    return gamma / gamma.sum(), weights[position]


def hellinger(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Hellinger distance ``sqrt(1 - Σ_k sqrt(p_k q_k))`` between ``p`` (K,) and each row of ``q`` (D, K), in [0, 1]."""
    return np.sqrt(np.clip(1.0 - np.sqrt(np.clip(q, 0, None) * np.clip(p, 0, None)[None, :]).sum(axis=1), 0.0, 1.0))


def fold_in(model: TopicModel, corpus: Corpus, text: str, seed: int = 0, n_nearest: int = 5, **sampling: int) -> FoldIn:
    """Infer the topics of ``text`` against ``model`` (fitted on ``corpus``) without changing the model.

    Parameters
    ----------
    model : TopicModel
    corpus : Corpus
        The training corpus (its tokenizing options, language and vocabulary).
    text : str
    seed : int
        Gibbs fits: the seed of the fold-in sampler.
    n_nearest : int
        How many nearest training documents to return.
    **sampling
        ``burn_in``, ``samples``, ``thin`` for :func:`fold_in_ids`.

    Raises
    ------
    InputError
        ``fold_in_no_words`` when no word of ``text`` is in the vocabulary.
    """
    tokens, ids, unknown = text_tokens(text, corpus)
    if not len(ids):
        raise InputError("fold_in_no_words", unknown=len(unknown))
    theta, word_topics, method = fold_in_ids(model, ids, seed=seed, **sampling)
    distances = hellinger(theta, model.theta)
    nearest = np.argsort(distances, kind="stable")[:n_nearest]
    return FoldIn(
        theta=theta,
        tokens=tokens,
        word_topics=word_topics,
        unknown=unknown,
        nearest=nearest,
        distances=distances[nearest],
        method=method,
    )
