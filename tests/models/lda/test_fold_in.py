"""Fold-in: a training document's inferred θ is close to its fitted θ; seeded; the model is not changed."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from models import load_sample
from models.errors import InputError
from models.lda.fit import fit_lda
from models.lda.fold_in import fold_in, hellinger
from models.lda.options import LdaOptions

DOCS = range(0, 300, 25)


@pytest.fixture(scope="module")
def fitted() -> tuple:
    corpus = load_sample("lee-news")
    model = fit_lda(corpus, LdaOptions(engine="gibbs", n_topics=5, seed=1, workers=1))
    return corpus, model


def test_gibbs_fold_in_of_training_documents_is_close_to_their_theta(fitted: tuple) -> None:
    corpus, model = fitted
    phi = model.phi.copy()
    errors = []
    for d in DOCS:
        result = fold_in(model, corpus, corpus.documents[d].text, seed=3)
        assert result.method == "gibbs"
        assert result.tokens == corpus.document_tokens(d)  # the corpus's own tokenizing
        assert result.theta.sum() == pytest.approx(1.0)
        errors.append(np.abs(result.theta - model.theta[d]).sum())
    assert np.mean(errors) < 0.12 and max(errors) < 0.3  # L1 distance; measured 0.06 and 0.15
    np.testing.assert_array_equal(model.phi, phi)  # the model is not changed


def test_variational_fold_in_of_training_documents_is_close_to_their_theta(fitted: tuple) -> None:
    corpus, gibbs = fitted
    model = dataclasses.replace(gibbs, engine="sklearn", assignments=None)
    errors = [np.abs(fold_in(model, corpus, corpus.documents[d].text).theta - model.theta[d]).sum() for d in DOCS]
    assert np.mean(errors) < 0.12 and max(errors) < 0.3
    result = fold_in(model, corpus, corpus.documents[0].text)
    assert result.method == "variational" and len(result.word_topics) == len(result.tokens)


def test_fold_in_is_reproducible_for_a_seed(fitted: tuple) -> None:
    corpus, model = fitted
    text = corpus.documents[7].text
    a, b = fold_in(model, corpus, text, seed=11), fold_in(model, corpus, text, seed=11)
    np.testing.assert_array_equal(a.theta, b.theta)
    np.testing.assert_array_equal(a.word_topics, b.word_topics)
    c = fold_in(model, corpus, text, seed=12)
    assert not np.array_equal(a.theta, c.theta)


def test_nearest_training_document_of_a_training_text_is_itself(fitted: tuple) -> None:
    corpus, model = fitted
    result = fold_in(model, corpus, corpus.documents[285].text, seed=3, n_nearest=5)
    assert result.nearest[0] == 285 and len(result.nearest) == 5
    assert np.all(np.diff(result.distances) >= 0)
    assert result.distances[0] == pytest.approx(hellinger(result.theta, model.theta[285:286])[0])


def test_unknown_words_are_reported_and_no_known_word_is_refused(fitted: tuple) -> None:
    corpus, model = fitted
    result = fold_in(model, corpus, "The government said zorblax qwertyuiop police", seed=0)
    assert "zorblax" in result.unknown and "qwertyuiop" in result.unknown
    assert "government" in result.tokens
    with pytest.raises(InputError) as err:
        fold_in(model, corpus, "zorblax qwertyuiop")
    assert err.value.code == "fold_in_no_words"


def test_hellinger_known_values() -> None:
    p = np.array([0.5, 0.5])
    q = np.array([[0.5, 0.5], [1.0, 0.0], [0.0, 1.0]])
    np.testing.assert_allclose(hellinger(p, q), [0.0, np.sqrt(1 - np.sqrt(0.5)), np.sqrt(1 - np.sqrt(0.5))])
    assert hellinger(np.array([1.0, 0.0]), np.array([[0.0, 1.0]]))[0] == pytest.approx(1.0)
