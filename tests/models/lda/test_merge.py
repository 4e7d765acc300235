"""Merging topics: exact counts for Gibbs, mass-weighted φ and summed θ for variational fits, undo, id history."""

from __future__ import annotations

import numpy as np
import pytest

from models.errors import InputError
from models.lda.fit import fit_lda
from models.lda.merge import apply_merges, merge_topics, original_ids, undo_last
from models.lda.options import LdaOptions
from models.lda.topic_model import TopicModel
from models.synthetic import generative


@pytest.fixture(scope="module")
def fitted() -> tuple:
    planted = generative(n_docs=60, n_topics=4, n_terms=80, doc_length=40, seed=3)
    model = fit_lda(planted.corpus, LdaOptions(engine="gibbs", n_topics=5, iterations=30, seed=1, workers=1))
    return planted.corpus, model


def _counts(model: TopicModel, token_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    z = np.concatenate(model.assignments)
    docs = np.repeat(np.arange(len(model.doc_lengths)), model.doc_lengths)
    ndz = np.zeros((len(model.doc_lengths), model.n_topics), dtype=np.int64)
    np.add.at(ndz, (docs, z), 1)
    nzw = np.zeros((model.n_topics, model.phi.shape[1]), dtype=np.int64)
    np.add.at(nzw, (z, token_ids), 1)
    return ndz, nzw


def test_gibbs_merge_sums_the_counts_exactly(fitted: tuple) -> None:
    corpus, model = fitted
    merged, step = merge_topics(model, [3, 1], corpus.token_ids)
    assert step.merged == (1, 3) and step.new_ids == (0, 1, 2, 1, 3) and step.into == 1
    assert merged.n_topics == 4 and merged.params["n_topics"] == 4
    ndz, nzw = _counts(model, corpus.token_ids)
    ndz2, nzw2 = _counts(merged, corpus.token_ids)
    np.testing.assert_array_equal(ndz2[:, 1], ndz[:, 1] + ndz[:, 3])
    np.testing.assert_array_equal(nzw2[1], nzw[1] + nzw[3])
    np.testing.assert_array_equal(nzw2[[0, 2, 3]], nzw[[0, 2, 4]])
    alpha, beta, v = model.params["alpha"], model.params["eta"], model.phi.shape[1]
    np.testing.assert_allclose(merged.phi[1], (nzw2[1] + beta) / (nzw2[1].sum() + v * beta))
    np.testing.assert_allclose(merged.theta, (ndz2 + alpha) / (model.doc_lengths[:, None] + 4 * alpha))
    np.testing.assert_allclose(merged.theta.sum(axis=1), 1.0)
    np.testing.assert_allclose(merged.phi.sum(axis=1), 1.0)
    # unchanged topics keep φ exactly
    np.testing.assert_allclose(merged.phi[3], model.phi[4])


def test_gibbs_counts_recovered_from_phi_without_tokens(fitted: tuple) -> None:
    corpus, model = fitted
    exact, _ = merge_topics(model, [0, 2, 4], corpus.token_ids)
    recovered, _ = merge_topics(model, [0, 2, 4])
    np.testing.assert_allclose(recovered.phi, exact.phi, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(recovered.theta, exact.theta)


def test_variational_merge_weights_phi_by_token_mass() -> None:
    phi = np.array([[0.5, 0.5, 0.0], [0.0, 0.5, 0.5], [0.2, 0.3, 0.5]])
    theta = np.array([[0.6, 0.3, 0.1], [0.1, 0.1, 0.8]])
    lengths = np.array([10, 30])
    model = TopicModel(phi, theta, ("a", "b", "c"), lengths, np.array([10, 15, 15]), engine="gensim",
                       params={"alpha": [0.1, 0.2, 0.3], "n_topics": 3})  # fmt: skip
    merged, step = merge_topics(model, [0, 1])
    n = theta.T @ lengths  # N_k = (9, 6, 25)
    np.testing.assert_allclose(merged.phi[0], (n[0] * phi[0] + n[1] * phi[1]) / (n[0] + n[1]))
    np.testing.assert_allclose(merged.theta, [[0.9, 0.1], [0.2, 0.8]])
    np.testing.assert_allclose(merged.phi[1], phi[2])
    assert merged.params["alpha"] == pytest.approx([0.3, 0.3])
    assert merged.assignments is None and step.new_ids == (0, 0, 1)


def test_undo_restores_the_original_exactly(fitted: tuple) -> None:
    corpus, model = fitted
    history = [(1, 3), (0, 2)]
    twice, steps = apply_merges(model, history, corpus.token_ids)
    assert twice.n_topics == 3
    assert original_ids(steps, 5) == [(0, 2), (1, 3), (4,)]
    once, shorter = undo_last(model, history, corpus.token_ids)
    assert shorter == ((1, 3),)
    again, _ = merge_topics(model, (1, 3), corpus.token_ids)
    np.testing.assert_array_equal(once.phi, again.phi)
    none, empty = undo_last(model, shorter, corpus.token_ids)
    assert empty == ()
    np.testing.assert_array_equal(none.phi, model.phi)
    np.testing.assert_array_equal(none.theta, model.theta)
    for a, b in zip(none.assignments, model.assignments, strict=True):
        np.testing.assert_array_equal(a, b)


def test_id_history_after_two_merges() -> None:
    from models.lda.merge import Merge

    steps = (Merge((1, 3), (0, 1, 2, 1, 3)), Merge((0, 2), (0, 1, 0, 2)))
    assert original_ids(steps, 5) == [(0, 2), (1, 3), (4,)]


@pytest.mark.parametrize("topics", [[1], [1, 1], [0, 9], list(range(5))])
def test_bad_merges_are_refused(fitted: tuple, topics: list[int]) -> None:
    _, model = fitted
    with pytest.raises(InputError):
        merge_topics(model, topics)


def test_steps_of_a_history_match_the_merges(fitted: tuple) -> None:
    from models.lda.merge import steps_of

    corpus, model = fitted
    _, steps = apply_merges(model, [(1, 3), (0, 2)], corpus.token_ids)
    assert steps_of([(1, 3), (0, 2)], 5) == steps


def test_topic_clustering_puts_close_topics_together() -> None:
    from models.lda.topic_relations import closest_pairs, topic_clustering

    d = np.array([[0, 0.6, 0.1, 0.6], [0.6, 0, 0.6, 0.2], [0.1, 0.6, 0, 0.6], [0.6, 0.2, 0.6, 0]])
    clustering = topic_clustering(d)
    order = list(clustering.order)
    assert abs(order.index(0) - order.index(2)) == 1 and abs(order.index(1) - order.index(3)) == 1
    assert clustering.dcoord.max() == pytest.approx(0.6) and len(clustering.icoord) == 3
    assert closest_pairs(d, 2) == [(0, 2, 0.1), (1, 3, 0.2)]
