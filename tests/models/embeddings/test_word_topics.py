"""Each word's most likely topic p(k | w) ∝ φ_kw p(k), by hand and on a planted corpus."""

from __future__ import annotations

import numpy as np
import pytest

from models.embeddings.embedding_model import EmbeddingModel
from models.embeddings.word2vec import Word2VecOptions, train_word2vec
from models.embeddings.word_topics import topic_shares, word_topics
from models.lda.fit import fit_lda
from models.lda.options import LdaOptions
from models.lda.topic_model import TopicModel
from models.synthetic import word_clusters


def _embedding(vocab: tuple[str, ...]) -> EmbeddingModel:
    n = len(vocab)
    zeros = np.zeros((n, 2), dtype=np.float32)
    return EmbeddingModel(vocab, np.ones(n, dtype=np.int64), zeros, zeros, (), Word2VecOptions(dim=2))


def test_by_hand() -> None:
    phi = np.array([[0.5, 0.3, 0.2], [0.1, 0.3, 0.6]])
    theta = np.array([[1.0, 0.0], [0.25, 0.75]])
    lengths = np.array([10, 30])  # p(k) = (10 + 7.5, 22.5) / 40 = (0.4375, 0.5625)
    lda = TopicModel(phi, theta, ("a", "b", "c"), lengths, np.array([10, 15, 15]))
    np.testing.assert_allclose(topic_shares(lda), [0.4375, 0.5625])
    got = word_topics(_embedding(("c", "zzz", "a", "b")), lda)
    # c: (0.2·0.4375, 0.6·0.5625) = (0.0875, 0.3375) → topic 1, 0.3375 / 0.425
    # a: (0.21875, 0.05625) → topic 0, 0.21875 / 0.275; b: (0.13125, 0.16875) → topic 1, 0.5625
    assert got[1] is None
    assert [g[0] for g in (got[0], got[2], got[3])] == [1, 0, 1]
    assert got[0][1] == pytest.approx(0.3375 / 0.425)
    assert got[2][1] == pytest.approx(0.21875 / 0.275)
    assert got[3][1] == pytest.approx(0.5625)
    assert word_topics(_embedding(("a",)), lda, words=["b", "q"]) == [(1, pytest.approx(0.5625)), None]


def test_planted_clusters_are_topics() -> None:
    planted = word_clusters(n_clusters=4, words_per_cluster=8, n_docs=200, doc_length=40, noise=0.0, seed=0)
    embedding = train_word2vec(planted.corpus, Word2VecOptions(dim=20, epochs=3))
    lda = fit_lda(planted.corpus, LdaOptions(engine="gibbs", n_topics=4, iterations=200, seed=0, workers=1))
    topics = word_topics(embedding, lda)
    cluster = dict(zip(planted.corpus.vocab, planted.cluster.tolist(), strict=True))
    pairs = {(cluster[w], t[0]) for w, t in zip(embedding.vocab, topics, strict=True)}
    assert len(pairs) == 4 and len({k for _, k in pairs}) == 4  # one topic per cluster
    assert min(t[1] for t in topics) > 0.99  # each word belongs to one block: p(k | w) ≈ 1
