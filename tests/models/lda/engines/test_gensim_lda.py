"""gensim adapter: planted topics come back, dense = sparse, seeded, progress and cancel, alpha="auto"."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from models.lda.engines import gensim_lda
from models.lda.engines.gensim_lda import fit_gensim
from models.lda.options import FitCancelled, LdaOptions
from models.synthetic import topic_recovery
from tests.models.lda.conftest import as_storage


@pytest.mark.parametrize("kind", ["csr_matrix", "dense"])
def test_recovers_block_diagonal_topics(block, kind):
    model = fit_gensim(as_storage(block.corpus, kind), LdaOptions(engine="gensim", n_topics=5))
    assert topic_recovery(block.phi, model.phi).min() >= 0.9
    assert np.all(model.theta.max(axis=1) > 0.9)
    assert model.engine == "gensim"
    np.testing.assert_array_equal(model.doc_lengths, block.corpus.doc_lengths)
    np.testing.assert_array_equal(model.term_frequency, block.corpus.term_frequency)


def test_recovers_generative_topics(planted):
    model = fit_gensim(as_storage(planted.corpus, "csr_array"), LdaOptions(engine="gensim", n_topics=5, seed=0))
    assert topic_recovery(planted.phi, model.phi).min() >= 0.9
    assert topic_recovery(planted.theta.T, model.theta.T).min() >= 0.9


def test_dense_and_sparse_input_give_the_same_model(block):
    options = LdaOptions(engine="gensim", n_topics=5, passes=4, iterations=50, seed=4)
    a = fit_gensim(block.corpus, options)
    b = fit_gensim(as_storage(block.corpus, "dense"), options)
    np.testing.assert_allclose(a.phi, b.phi, rtol=1e-10)
    np.testing.assert_allclose(a.theta, b.theta, rtol=1e-10)


def test_same_seed_same_model(block):
    options = LdaOptions(engine="gensim", n_topics=5, passes=5, iterations=50, seed=7)
    a, b = fit_gensim(block.corpus, options), fit_gensim(block.corpus, options)
    np.testing.assert_array_equal(a.phi, b.phi)
    np.testing.assert_array_equal(a.theta, b.theta)
    c = fit_gensim(block.corpus, dataclasses.replace(options, seed=8))
    assert not np.array_equal(a.phi, c.phi)


def test_progress_reports_every_pass_and_the_bound(block):
    calls = []
    passes = 6
    model = fit_gensim(
        block.corpus, LdaOptions(engine="gensim", n_topics=5, passes=passes, iterations=50), lambda *a: calls.append(a)
    )
    screen = gensim_lda.SCREEN_PASSES
    total = gensim_lda.N_STARTS * screen + passes
    assert [c[0] for c in calls] == list(range(1, total + 1))
    assert {c[1] for c in calls} == {total}
    final = [c[2] for c in calls[-passes:]]
    assert all(v is not None and np.isfinite(v) for v in final), "the chosen run reports its bound every pass"
    assert [b for _, b in model.log_likelihood] == final
    assert [i for i, _ in model.log_likelihood] == list(range(1, passes + 1))
    assert model.params["passes"] == passes and model.params["iterations"] == 50
    assert model.params["alpha"] == model.params["eta"] == pytest.approx(0.2)  # gensim's symmetric 1/K


def test_fit_cancelled_stops_the_fit(block):
    calls = []

    def progress(step, total, value):
        calls.append(step)
        if step == 2:
            raise FitCancelled

    with pytest.raises(FitCancelled):
        fit_gensim(block.corpus, LdaOptions(engine="gensim", n_topics=5, passes=30), progress)
    assert calls == [1, 2]


def test_auto_alpha_is_learned_per_topic(block):
    model = fit_gensim(block.corpus, LdaOptions(engine="gensim", n_topics=5, alpha="auto", eta=0.05, passes=4))
    alpha = model.params["alpha"]
    assert isinstance(alpha, list) and len(alpha) == 5 and all(a > 0 for a in alpha)
    assert model.params["eta"] == pytest.approx(0.05)
    np.testing.assert_allclose(model.theta.sum(axis=1), 1.0)


def test_one_start_equals_plain_gensim(block, monkeypatch):
    """The progress callback evaluates with its own random state: training is exactly gensim's own."""
    from gensim.models.ldamodel import LdaModel

    monkeypatch.setattr(gensim_lda, "N_STARTS", 1)
    model = fit_gensim(block.corpus, LdaOptions(engine="gensim", n_topics=5, passes=6, iterations=40, seed=3))
    X = block.corpus.dtm
    bow = [list(zip(X[i].indices.tolist(), X[i].data.astype(float).tolist(), strict=True)) for i in range(X.shape[0])]
    reference = LdaModel(
        bow,
        id2word=dict(enumerate(block.corpus.vocab)),
        num_topics=5,
        passes=6,
        iterations=40,
        random_state=3,
        eval_every=0,
        dtype=np.float64,
    )
    np.testing.assert_allclose(model.phi, reference.get_topics(), rtol=1e-12)
    assert len(model.log_likelihood) == 6 and model.params["start_seed"] == 3


def test_few_passes_keep_the_screened_run(block):
    calls = []
    model = fit_gensim(block.corpus, LdaOptions(engine="gensim", n_topics=5, passes=2), lambda *a: calls.append(a))
    assert len(calls) == gensim_lda.N_STARTS * 2
    assert [i for i, _ in model.log_likelihood] == [1, 2]
