"""fit_lda: dispatch on the engine name, and options a user can get wrong (English and Korean messages)."""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from models.corpus import Corpus, PreprocessOptions
from models.documents import RawDocument
from models.engines import gensim_lda, sklearn_lda
from models.errors import InputError
from models.lda import MAX_TOPICS, fit_lda, validate_lda_options
from models.lda_options import LdaOptions
from models.synthetic import block_diagonal, generative, topic_recovery


@pytest.fixture(scope="module")
def block():
    return block_diagonal()


def _recorder(name, calls):
    def fit(corpus, options, progress=None):
        calls.append((name, corpus, options, progress))
        return name

    return fit


@pytest.mark.parametrize("engine", ["gensim", "sklearn", "gibbs"])
def test_dispatches_on_the_engine_name(block, engine, monkeypatch):
    calls = []
    monkeypatch.setattr(gensim_lda, "fit_gensim", _recorder("gensim", calls))
    monkeypatch.setattr(sklearn_lda, "fit_sklearn", _recorder("sklearn", calls))
    # models.gibbs may not exist yet (another engineer writes it): stand in a package and module.
    package = types.ModuleType("models.gibbs")
    package.__path__ = []
    module = types.ModuleType("models.gibbs.engine")
    module.fit_gibbs = _recorder("gibbs", calls)
    package.engine = module
    monkeypatch.setitem(sys.modules, "models.gibbs", package)
    monkeypatch.setitem(sys.modules, "models.gibbs.engine", module)

    options = LdaOptions(engine=engine, n_topics=5)

    def progress(*args):
        return None

    assert fit_lda(block.corpus, options, progress) == engine
    assert calls == [(engine, block.corpus, options, progress)]


def test_real_sklearn_fit_through_fit_lda(block):
    model = fit_lda(block.corpus, LdaOptions(engine="sklearn", n_topics=5, passes=20))
    assert model.engine == "sklearn" and model.n_topics == 5
    assert topic_recovery(block.phi, model.phi).min() >= 0.9


@pytest.mark.parametrize("k", [0, -3, 51, True, 2.5, "5"])
def test_k_out_of_range(block, k):
    with pytest.raises(InputError) as info:
        fit_lda(block.corpus, LdaOptions(engine="sklearn", n_topics=k))
    assert info.value.code == "lda_bad_k"
    assert "1 to 50" in str(info.value) and "50 terms" in str(info.value)
    assert "토픽 수" in info.value.text("ko")


def test_k_is_capped_at_max_topics():
    corpus = generative(n_docs=5, n_topics=2, n_terms=MAX_TOPICS + 20, doc_length=30).corpus
    validate_lda_options(corpus, LdaOptions(engine="gensim", n_topics=MAX_TOPICS))
    with pytest.raises(InputError) as info:
        validate_lda_options(corpus, LdaOptions(engine="gensim", n_topics=MAX_TOPICS + 1))
    assert info.value.params["max_k"] == MAX_TOPICS
    # K = 1 and K > number of documents are valid LDA models
    validate_lda_options(corpus, LdaOptions(engine="gensim", n_topics=1))
    validate_lda_options(corpus, LdaOptions(engine="gensim", n_topics=10))


def test_unknown_engine(block):
    with pytest.raises(InputError) as info:
        fit_lda(block.corpus, LdaOptions(engine="mallet", n_topics=5))
    assert info.value.code == "lda_unknown_engine"
    assert "gibbs, gensim, sklearn" in str(info.value) and "엔진" in info.value.text("ko")


@pytest.mark.parametrize("engine", ["sklearn", "gibbs"])
def test_auto_alpha_only_with_gensim(block, engine):
    with pytest.raises(InputError) as info:
        fit_lda(block.corpus, LdaOptions(engine=engine, n_topics=5, alpha="auto"))
    assert info.value.code == "lda_auto_alpha_unsupported" and engine in str(info.value)
    validate_lda_options(block.corpus, LdaOptions(engine="gensim", n_topics=5, alpha="auto"))


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("alpha", 0.0, "lda_bad_prior"),
        ("alpha", -0.1, "lda_bad_prior"),
        ("alpha", float("nan"), "lda_bad_prior"),
        ("alpha", "symmetric", "lda_bad_prior"),
        ("eta", 0, "lda_bad_prior"),
        ("eta", float("inf"), "lda_bad_prior"),
        ("iterations", 0, "lda_bad_count"),
        ("iterations", 2.5, "lda_bad_count"),
        ("passes", -1, "lda_bad_count"),
    ],
)
def test_bad_hyperparameters(block, field, value, code):
    options = LdaOptions(engine="gensim", n_topics=5, **{field: value})
    with pytest.raises(InputError) as info:
        fit_lda(block.corpus, options)
    assert info.value.code == code
    assert field in str(info.value) and field in info.value.text("ko")


def test_good_hyperparameters_pass(block):
    options = LdaOptions(engine="sklearn", n_topics=5, alpha=0.1, eta=1, iterations=1, passes=3)
    validate_lda_options(block.corpus, options)
    validate_lda_options(block.corpus, LdaOptions(engine="gibbs", n_topics=5, alpha=np.float64(0.5)))


def test_corpus_without_tokens():
    corpus = Corpus.from_tokens(
        ("a", "b", "c"),
        ((), ()),
        (RawDocument("", "x", "d1"), RawDocument("", "x", "d2")),
        language="en",
        options=PreprocessOptions(language="en"),
    )
    with pytest.raises(InputError) as info:
        fit_lda(corpus, LdaOptions(engine="sklearn", n_topics=2))
    assert info.value.code == "lda_no_tokens"
