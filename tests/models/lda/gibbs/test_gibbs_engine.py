"""The numba engine: planted topics come back, seeds reproduce, assignments align with the corpus's tokens."""

from __future__ import annotations

import numpy as np
import pytest

from models.errors import InputError
from models.lda.gibbs import fit_gibbs
from models.lda.gibbs.counts import count_assignments
from models.lda.gibbs.likelihood import joint_log_likelihood
from models.lda.options import FitCancelled, LdaOptions
from models.synthetic import block_diagonal, generative, topic_recovery


@pytest.fixture(scope="module")
def planted():
    return generative(n_docs=300, n_topics=5, n_terms=300, seed=0)


def test_recovers_block_diagonal_topics() -> None:
    p = block_diagonal()
    model = fit_gibbs(p.corpus, LdaOptions(n_topics=5, seed=0))
    assert topic_recovery(p.phi, model.phi).min() >= 0.9
    # each document is one block, so its theta should put almost everything on one topic
    assert np.median(model.theta.max(axis=1)) > 0.9


def test_recovers_generative_topics(planted) -> None:
    model = fit_gibbs(planted.corpus, LdaOptions(n_topics=5, seed=0))
    assert topic_recovery(planted.phi, model.phi).min() >= 0.9
    assert model.engine == "gibbs" and model.params["iterations"] == 200 and model.params["eta"] == 0.01


def test_same_seed_same_assignments(planted) -> None:
    options = LdaOptions(n_topics=4, iterations=15, seed=3)
    one, two = fit_gibbs(planted.corpus, options), fit_gibbs(planted.corpus, options)
    for a, b in zip(one.assignments, two.assignments, strict=True):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(one.phi, two.phi)
    other = fit_gibbs(planted.corpus, LdaOptions(n_topics=4, iterations=15, seed=4))
    assert any(not np.array_equal(a, b) for a, b in zip(one.assignments, other.assignments, strict=True))


def test_result_is_consistent_with_its_assignments(planted) -> None:
    corpus = planted.corpus
    alpha, beta = 0.2, 0.05
    model = fit_gibbs(corpus, LdaOptions(n_topics=6, alpha=alpha, eta=beta, iterations=20, seed=1))
    assert [len(a) for a in model.assignments] == [len(d) for d in corpus.doc_tokens]
    index = {t: j for j, t in enumerate(corpus.vocab)}
    WS = np.array([index[t] for d in corpus.doc_tokens for t in d])
    DS = np.repeat(np.arange(corpus.n_documents), [len(d) for d in corpus.doc_tokens])
    nzw, ndz, nz = count_assignments(
        WS, DS, np.concatenate(model.assignments), n_docs=corpus.n_documents, n_terms=corpus.vocab_size, n_topics=6
    )
    v, k = corpus.vocab_size, 6
    np.testing.assert_allclose(model.phi, (nzw + beta) / (nz[:, None] + v * beta), rtol=1e-12)
    np.testing.assert_allclose(model.theta, (ndz + alpha) / (ndz.sum(1, keepdims=True) + k * alpha), rtol=1e-12)
    assert [s for s, _ in model.log_likelihood] == [0, 10, 20]
    assert model.log_likelihood[-1][1] == pytest.approx(joint_log_likelihood(nzw, ndz, alpha, beta), rel=1e-10)
    np.testing.assert_array_equal(model.term_frequency, corpus.term_frequency)
    np.testing.assert_array_equal(model.doc_lengths, corpus.doc_lengths)


def test_progress_and_cancel(planted) -> None:
    calls = []
    fit_gibbs(planted.corpus, LdaOptions(n_topics=3, iterations=25), progress=lambda *a: calls.append(a))
    assert [(i, n) for i, n, _ in calls] == [(0, 25), (10, 25), (20, 25), (25, 25)]
    assert all(isinstance(ll, float) for _, _, ll in calls)

    def cancel(i: int, n: int, ll: float | None) -> None:
        if i >= 10:
            raise FitCancelled

    with pytest.raises(FitCancelled):
        fit_gibbs(planted.corpus, LdaOptions(n_topics=3, iterations=100), progress=cancel)


@pytest.mark.parametrize(
    "options",
    [LdaOptions(n_topics=0), LdaOptions(alpha=-1.0), LdaOptions(alpha="auto"), LdaOptions(eta=0.0)],
)
def test_bad_options_are_input_errors(planted, options: LdaOptions) -> None:
    with pytest.raises(InputError):
        fit_gibbs(planted.corpus, options)
