"""fit_lda: dispatch on the engine name, and options a user can get wrong (English and Korean messages)."""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from models.corpus.corpus import Corpus, PreprocessOptions
from models.corpus.documents import RawDocument
from models.errors import InputError
from models.lda import fit as lda_module
from models.lda.engines import gensim_lda, sklearn_lda
from models.lda.fit import (
    MAX_ITERATIONS,
    MAX_MATRIX_CELLS,
    MAX_PASSES,
    MAX_PRIOR,
    MAX_TOPICS,
    SEED_MAX,
    fit_lda,
    format_bytes,
    validate_lda_options,
)
from models.lda.options import LdaOptions
from models.lda.quality import MAX_SWEEP_FITS, MAX_SWEEP_K, choose_k
from models.synthetic import block_diagonal, generative, topic_recovery
from tests.models.fixtures import wide_corpus


def _recorder(name, calls):
    def fit(corpus, options, progress=None, partial=None):
        calls.append((name, corpus, options, progress))
        return name

    return fit


@pytest.mark.parametrize("engine", ["gensim", "sklearn", "gibbs"])
def test_dispatches_on_the_engine_name(block, engine, monkeypatch):
    calls = []
    monkeypatch.setattr(gensim_lda, "fit_gensim", _recorder("gensim", calls))
    monkeypatch.setattr(sklearn_lda, "fit_sklearn", _recorder("sklearn", calls))
    # models.lda.gibbs may not exist yet (another engineer writes it): stand in a package and module.
    package = types.ModuleType("models.lda.gibbs")
    package.__path__ = []
    module = types.ModuleType("models.lda.gibbs.engine")
    module.fit_gibbs = _recorder("gibbs", calls)
    package.engine = module
    monkeypatch.setitem(sys.modules, "models.lda.gibbs", package)
    monkeypatch.setitem(sys.modules, "models.lda.gibbs.engine", module)

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


# --- caps: seeds, priors, run length, memory of φ and θ, K sweeps (issue 9) ------------------------------------------


@pytest.fixture
def no_engines(monkeypatch):
    """Engines that fail if called: a refused option must be refused before any fit starts."""

    def boom(*args, **kwargs):
        raise AssertionError("an engine was called")

    monkeypatch.setattr(gensim_lda, "fit_gensim", boom)
    monkeypatch.setattr(sklearn_lda, "fit_sklearn", boom)
    package = types.ModuleType("models.lda.gibbs")
    package.__path__ = []
    module = types.ModuleType("models.lda.gibbs.engine")
    module.fit_gibbs = boom
    package.engine = module
    monkeypatch.setitem(sys.modules, "models.lda.gibbs", package)
    monkeypatch.setitem(sys.modules, "models.lda.gibbs.engine", module)


@pytest.mark.parametrize("engine", ["gibbs", "gensim", "sklearn"])
@pytest.mark.parametrize("seed", [-5, -1, SEED_MAX + 1, 2**64, True, 1.5])
def test_seed_out_of_range(block, engine, seed, no_engines):
    with pytest.raises(InputError) as info:
        fit_lda(block.corpus, LdaOptions(engine=engine, n_topics=5, seed=seed))
    assert info.value.code == "seed_out_of_range"
    assert "from 0 to 4,294,967,295" in str(info.value) and engine in str(info.value)
    assert "0부터 4,294,967,295까지" in info.value.text("ko")


@pytest.mark.parametrize("engine", ["gibbs", "gensim", "sklearn"])
def test_seed_range_ends_are_accepted_by_every_engine(engine):
    corpus = block_diagonal(n_topics=2, terms_per_topic=3, docs_per_topic=2, doc_length=6).corpus
    for seed in (0, SEED_MAX, np.uint32(SEED_MAX)):
        model = fit_lda(corpus, LdaOptions(engine=engine, n_topics=2, seed=seed, iterations=2, passes=1))
        assert model.phi.shape == (2, 6)


@pytest.mark.parametrize(
    ("engine", "field", "value", "limit"),
    [
        ("gibbs", "eta", 1e308, "1000"),
        ("gibbs", "alpha", 1000.5, "1000"),
        ("gensim", "eta", 5000.0, "1000"),
        ("sklearn", "alpha", 1.5, "1"),
        ("sklearn", "eta", 2, "1"),
    ],
)
def test_prior_too_large(block, engine, field, value, limit, no_engines):
    with pytest.raises(InputError) as info:
        fit_lda(block.corpus, LdaOptions(engine=engine, n_topics=5, **{field: value}))
    assert info.value.code == "lda_prior_too_large"
    assert f"at most {limit} for the {engine} engine" in str(info.value)
    assert f"{limit} 이하" in info.value.text("ko")


def test_prior_limits_are_accepted(block):
    validate_lda_options(block.corpus, LdaOptions(engine="sklearn", n_topics=5, alpha=1.0, eta=1.0))
    validate_lda_options(block.corpus, LdaOptions(engine="gibbs", n_topics=5, alpha=MAX_PRIOR["gibbs"], eta=1e-300))


@pytest.mark.parametrize(
    ("field", "value", "limit"),
    [
        ("iterations", 10**20, MAX_ITERATIONS),
        ("iterations", MAX_ITERATIONS + 1, MAX_ITERATIONS),
        ("passes", 10**20, MAX_PASSES),
    ],
)
def test_run_length_is_capped(block, field, value, limit, no_engines):
    with pytest.raises(InputError) as info:
        fit_lda(block.corpus, LdaOptions(engine="gensim", n_topics=5, **{field: value}))
    assert info.value.code == "lda_count_too_large"
    assert str(info.value).startswith(f"{field} must be at most {limit:,}; got {value:,}.")
    validate_lda_options(block.corpus, LdaOptions(engine="gensim", n_topics=5, **{field: limit}))


def test_topic_word_matrix_is_capped_before_any_allocation(no_engines):
    corpus = wide_corpus(n_docs=4, n_terms=45_000)
    assert MAX_TOPICS * 45_000 > MAX_MATRIX_CELLS
    with pytest.raises(InputError) as info:
        fit_lda(corpus, LdaOptions(engine="gibbs", n_topics=500))
    assert info.value.code == "lda_phi_too_large"
    assert str(info.value).startswith(
        "K = 500 × 45,000 terms needs 180 MB for the topic-word matrix; the limit is 160 MB (K × terms up to "
        "20,000,000): lower K, or keep fewer terms (--max-features"
    )
    assert "토픽-단어 행렬에 180 MB" in info.value.text("ko")
    validate_lda_options(corpus, LdaOptions(engine="gibbs", n_topics=MAX_MATRIX_CELLS // 45_000))


def test_document_topic_matrix_is_capped(no_engines, monkeypatch):
    corpus = wide_corpus(n_docs=300, n_terms=200)
    monkeypatch.setattr(lda_module, "MAX_MATRIX_CELLS", 30_000)
    with pytest.raises(InputError) as info:
        fit_lda(corpus, LdaOptions(engine="sklearn", n_topics=101))
    assert info.value.code == "lda_theta_too_large"
    assert "K = 101 × 300 documents needs 242 kB for the document-topic matrix; the limit is 240 kB" in str(info.value)
    validate_lda_options(corpus, LdaOptions(engine="sklearn", n_topics=100))


@pytest.mark.parametrize(("n", "text"), [(5e5, "500 kB"), (160e6, "160 MB"), (2.22e9, "2.2 GB"), (44.4e9, "44.4 GB")])
def test_format_bytes(n, text):
    assert format_bytes(n) == text


def test_choose_k_sweep_is_capped(block, no_engines):
    with pytest.raises(InputError) as info:
        choose_k(block.corpus, LdaOptions(engine="sklearn"), range(2, 2 + MAX_SWEEP_FITS + 1))
    assert info.value.code == "choose_k_too_many"
    assert "would fit 51 models; the limit is 50" in str(info.value)
    corpus = wide_corpus(n_docs=4, n_terms=200)
    with pytest.raises(InputError) as info:
        choose_k(corpus, LdaOptions(engine="sklearn"), [2, MAX_SWEEP_K + 1])
    assert info.value.code == "choose_k_too_large" and "K = 101" in str(info.value)
    assert "K 비교" in info.value.text("ko")
