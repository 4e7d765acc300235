"""Each embedded word's most likely LDA topic, to colour the embedding map by the topic model of the same corpus."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models.embeddings.embedding_model import EmbeddingModel
from models.lda.topic_model import TopicModel

__all__ = ["topic_shares", "word_topics"]


def topic_shares(topic_model: TopicModel) -> np.ndarray:
    """p(k): each topic's share of the corpus's tokens, ``Σ_d n_d θ_dk / Σ_d n_d``.

    Returns
    -------
    ndarray of shape (n_topics,)
        Sums to 1 (uniform when the model counts no tokens).
    """
    weights = topic_model.doc_lengths.astype(np.float64) @ topic_model.theta
    total = weights.sum()
    return weights / total if total > 0 else np.full(topic_model.n_topics, 1.0 / topic_model.n_topics)


def word_topics(
    model: EmbeddingModel, topic_model: TopicModel, words: Sequence[str] | None = None
) -> list[tuple[int, float] | None]:
    """For each word, the topic k that maximises p(k | w) and that probability.

    Bayes' rule with the topic model's own estimates (Chuang et al. 2012, as in LDAvis's term view):
    ``p(k | w) = φ_kw p(k) / Σ_j φ_jw p(j)``, p(k) from :func:`topic_shares`. Words are matched by their text, so
    the embedding's vocabulary (cut by ``min_count``) and the topic model's (cut by min_df / max_df) may differ.

    Parameters
    ----------
    model : EmbeddingModel
    topic_model : TopicModel
        Fitted on the same corpus.
    words : sequence of str, optional
        Default: the embedding's whole vocabulary, in its order.

    Returns
    -------
    list of (int, float) or None
        (topic id as in ``topic_model.phi``'s rows, p(k | w)) per word; None for a word the topic model does not
        have.
    """
    words = model.vocab if words is None else words
    column = {term: j for j, term in enumerate(topic_model.vocab)}
    found = [column.get(w, -1) for w in words]
    cols = np.array([j for j in found if j >= 0], dtype=np.int64)
    joint = topic_model.phi[:, cols] * topic_shares(topic_model)[:, None]  # (K, found words): φ_kw p(k)
    total = joint.sum(axis=0)
    posterior = joint / np.where(total > 0, total, 1.0)
    best = np.argmax(posterior, axis=0)
    result: list[tuple[int, float] | None] = []
    i = 0
    for j in found:
        if j < 0:
            result.append(None)
            continue
        result.append((int(best[i]), float(posterior[best[i], i])))
        i += 1
    return result
