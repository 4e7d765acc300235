"""Perplexity, coherence (c_v, u_mass) and the K sweep."""

from __future__ import annotations

import numpy as np
import pytest

from models.corpus.corpus import Corpus, PreprocessOptions
from models.corpus.documents import RawDocument
from models.errors import InputError
from models.lda.options import FitCancelled, LdaOptions
from models.lda.quality import KScore, choose_k, coherence, perplexity, top_terms
from models.lda.topic_model import TopicModel


def _model(corpus, phi, theta):
    return TopicModel(
        phi=phi,
        theta=theta,
        vocab=corpus.vocab,
        doc_lengths=corpus.doc_lengths,
        term_frequency=corpus.term_frequency,
    )


def _uniform(corpus, k):
    n_docs, n_terms = corpus.dtm.shape
    return _model(corpus, np.full((k, n_terms), 1 / n_terms), np.full((n_docs, k), 1 / k))


def _random_phi(corpus, theta, seed=0):
    rng = np.random.default_rng(seed)
    return _model(corpus, rng.dirichlet(np.ones(corpus.vocab_size), size=theta.shape[1]), theta)


# --- perplexity -------------------------------------------------------------------------------------------------


def test_perplexity_known_answer():
    # two documents: "a a b" and "c"; one topic p(a, b, c) = (1/2, 1/4, 1/4)
    corpus = Corpus.from_tokens(
        ("a", "b", "c"),
        (("a", "a", "b"), ("c",)),
        (RawDocument("a a b", "x", "d1"), RawDocument("c", "x", "d2")),
        language="en",
        options=PreprocessOptions(language="en"),
    )
    assert corpus.dtm.toarray().tolist() == [[2, 1, 0], [0, 0, 1]]
    model = _model(corpus, np.array([[0.5, 0.25, 0.25]]), np.ones((2, 1)))
    expected = np.exp(-(2 * np.log(0.5) + np.log(0.25) + np.log(0.25)) / 4)
    assert perplexity(model, corpus) == pytest.approx(expected)  # = 2^1.5
    assert perplexity(_uniform(corpus, 1), corpus) == pytest.approx(3.0)


def test_uniform_model_scores_the_vocabulary_size(planted):
    assert perplexity(_uniform(planted.corpus, 5), planted.corpus) == pytest.approx(planted.corpus.vocab_size)


def test_fitted_model_beats_uniform(block):
    from models.lda.engines.sklearn_lda import fit_sklearn

    corpus = block.corpus
    fitted = fit_sklearn(corpus, LdaOptions(engine="sklearn", n_topics=5, passes=15))
    # 50 terms uniformly; the planted model knows each document uses only its block's 10 terms
    assert perplexity(_uniform(corpus, 5), corpus) == pytest.approx(50)
    assert perplexity(fitted, corpus) == pytest.approx(10, rel=0.05)


def test_planted_model_beats_uniform_and_random(planted):
    corpus = planted.corpus
    uniform = perplexity(_uniform(corpus, 5), corpus)
    assert perplexity(_model(corpus, planted.phi, planted.theta), corpus) < 0.2 * uniform
    assert perplexity(_random_phi(corpus, planted.theta), corpus) > uniform


def test_perplexity_accepts_dense_input(planted):
    import dataclasses

    corpus = planted.corpus
    model = _model(corpus, planted.phi, planted.theta)
    dense = dataclasses.replace(corpus, dtm=corpus.dtm.toarray())
    assert perplexity(model, dense) == pytest.approx(perplexity(model, corpus), rel=1e-12)


def test_model_of_another_corpus_is_rejected(planted, block):
    with pytest.raises(ValueError, match="not fitted on this corpus"):
        perplexity(_uniform(block.corpus, 5), planted.corpus)


# --- coherence -------------------------------------------------------------------------------------------------


def test_top_terms(block):
    model = _model(block.corpus, block.phi, block.theta)
    terms = top_terms(model, 3)
    assert terms[0] == ["w00000", "w00001", "w00002"]  # ties broken by vocabulary order
    assert terms[4] == ["w00040", "w00041", "w00042"]
    assert len(top_terms(model, 100)[0]) == 50


@pytest.mark.parametrize("measure", ["c_v", "u_mass"])
def test_planted_topics_are_more_coherent_than_random_ones(planted, measure):
    corpus = planted.corpus
    good = coherence(_model(corpus, planted.phi, planted.theta), corpus, measure)
    bad = coherence(_random_phi(corpus, planted.theta), corpus, measure)
    uniform = coherence(_uniform(corpus, 5), corpus, measure)
    for result in (good, bad, uniform):
        assert result.measure == measure and result.topn == 10
        assert result.per_topic.shape == (5,)
        assert np.all(np.isfinite(result.per_topic)) and np.isfinite(result.mean)
        assert result.mean == pytest.approx(result.per_topic.mean())
    assert good.mean > bad.mean + 0.2
    assert good.per_topic.min() > bad.per_topic.max()
    if measure == "c_v":
        assert 0.7 < good.mean <= 1.0
    else:
        assert good.mean <= 0


def test_unknown_measure(planted):
    with pytest.raises(InputError):
        coherence(_uniform(planted.corpus, 5), planted.corpus, "c_npmi_typo")


# --- choosing K --------------------------------------------------------------------------------------------------


def test_choose_k_sweeps_and_reports(block):
    calls = []
    options = LdaOptions(engine="sklearn", n_topics=99, passes=15)
    scores = choose_k(block.corpus, options, [2, 5], lambda *a: calls.append(a))
    assert [s.k for s in scores] == [2, 5]
    assert all(isinstance(s, KScore) for s in scores)
    assert all(np.isfinite([s.c_v, s.u_mass, s.perplexity]).all() for s in scores)
    two, five = scores
    assert five.perplexity < two.perplexity
    assert five.c_v > two.c_v, "five planted blocks: K = 5 is more coherent than K = 2"
    after_each = [c for c in calls if c[2] is not None]
    assert [(c[0], c[1]) for c in after_each] == [(1, 2), (2, 2)]
    assert after_each[-1][2] == five.c_v
    assert {c[0] for c in calls if c[2] is None} == {0, 1}, "fits report progress so a cancel can stop them"


def test_choose_k_validates_every_k_first(block):
    calls = []
    with pytest.raises(InputError) as info:
        choose_k(block.corpus, LdaOptions(engine="sklearn"), [2, 5, 51], lambda *a: calls.append(a))
    assert info.value.code == "lda_bad_k" and calls == []
    with pytest.raises(InputError) as info:
        choose_k(block.corpus, LdaOptions(engine="sklearn"), [])
    assert info.value.code == "choose_k_empty"


def test_choose_k_can_be_cancelled(block):
    def progress(done, total, value):
        if done == 1:
            raise FitCancelled

    with pytest.raises(FitCancelled):
        choose_k(block.corpus, LdaOptions(engine="sklearn", passes=15), [2, 3, 4], progress)
