"""scikit-learn adapter: planted topics come back, dense = sparse, seeded, progress and cancel, batch = fit()."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from sklearn.decomposition import LatentDirichletAllocation

from models.lda.engines import sklearn_lda
from models.lda.engines.sklearn_lda import fit_sklearn
from models.lda.options import FitCancelled, LdaOptions
from models.synthetic import topic_recovery
from tests.models.lda.conftest import as_storage


@pytest.mark.parametrize("kind", ["csr_matrix", "dense"])
def test_recovers_block_diagonal_topics(block, kind):
    model = fit_sklearn(as_storage(block.corpus, kind), LdaOptions(engine="sklearn", n_topics=5))
    assert topic_recovery(block.phi, model.phi).min() >= 0.9
    # each document is about one block
    assert np.all(model.theta.max(axis=1) > 0.9)
    assert model.engine == "sklearn"
    np.testing.assert_array_equal(model.doc_lengths, block.corpus.doc_lengths)
    np.testing.assert_array_equal(model.term_frequency, block.corpus.term_frequency)


@pytest.mark.parametrize("kind", ["csr_array", "dense"])
def test_recovers_generative_topics(planted, kind):
    model = fit_sklearn(as_storage(planted.corpus, kind), LdaOptions(engine="sklearn", n_topics=5, seed=0))
    assert topic_recovery(planted.phi, model.phi).min() >= 0.9
    assert topic_recovery(planted.theta.T, model.theta.T).min() >= 0.9


def test_dense_and_sparse_input_give_the_same_model(block):
    options = LdaOptions(engine="sklearn", n_topics=5, passes=8, seed=4)
    a = fit_sklearn(block.corpus, options)
    b = fit_sklearn(as_storage(block.corpus, "dense"), options)
    np.testing.assert_allclose(a.phi, b.phi, rtol=1e-10)
    np.testing.assert_allclose(a.theta, b.theta, rtol=1e-10)


def test_same_seed_same_model(block):
    options = LdaOptions(engine="sklearn", n_topics=5, passes=12, seed=7)
    a, b = fit_sklearn(block.corpus, options), fit_sklearn(block.corpus, options)
    np.testing.assert_array_equal(a.phi, b.phi)
    np.testing.assert_array_equal(a.theta, b.theta)
    c = fit_sklearn(block.corpus, dataclasses.replace(options, seed=8))
    assert not np.array_equal(a.phi, c.phi)


def test_params_and_trace(block):
    model = fit_sklearn(block.corpus, LdaOptions(engine="sklearn", n_topics=5, alpha=0.3, eta=0.02, passes=12))
    assert model.params["alpha"] == 0.3 and model.params["eta"] == 0.02
    assert model.params["passes"] == 12 and model.params["starts"] == sklearn_lda.N_STARTS
    iterations = [i for i, _ in model.log_likelihood]
    assert iterations == [5, 10, 12]
    bounds = [b for _, b in model.log_likelihood]
    assert all(np.isfinite(bounds)) and bounds == sorted(bounds), "batch VB never lowers the bound"
    defaults = fit_sklearn(block.corpus, LdaOptions(engine="sklearn", n_topics=5, passes=2))
    assert defaults.params["alpha"] == defaults.params["eta"] == 0.2  # scikit-learn's 1/K


def test_progress_reports_every_step(block):
    calls = []
    fit_sklearn(block.corpus, LdaOptions(engine="sklearn", n_topics=5, passes=12), lambda *a: calls.append(a))
    screen = sklearn_lda.SCREEN_ITER
    total = sklearn_lda.N_STARTS * screen + 12 - screen
    assert [c[0] for c in calls] == list(range(1, total + 1))
    assert {c[1] for c in calls} == {total}
    assert calls[-1][2] is not None and np.isfinite(calls[-1][2])


def test_fit_cancelled_stops_the_fit(block):
    calls = []

    def progress(step, total, value):
        calls.append(step)
        if step == 3:
            raise FitCancelled

    with pytest.raises(FitCancelled):
        fit_sklearn(block.corpus, LdaOptions(engine="sklearn", n_topics=5, passes=50), progress)
    assert calls == [1, 2, 3]


def test_one_start_equals_scikit_learn_batch_fit(block, monkeypatch):
    """The partial_fit loop (batch_size = total_samples = n_docs, learning_decay = 0) is exactly batch VB."""
    monkeypatch.setattr(sklearn_lda, "N_STARTS", 1)
    model = fit_sklearn(block.corpus, LdaOptions(engine="sklearn", n_topics=5, passes=15, iterations=80, seed=3))
    reference = LatentDirichletAllocation(
        n_components=5, learning_method="batch", max_iter=15, max_doc_update_iter=80, random_state=3, n_jobs=1
    ).fit(block.corpus.dtm.astype(float))
    np.testing.assert_allclose(model.phi, reference.components_ / reference.components_.sum(1, keepdims=True))
    np.testing.assert_allclose(model.theta, reference.transform(block.corpus.dtm.astype(float)))
    assert model.params["start_seed"] == 3
