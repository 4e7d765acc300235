"""LSA: the lecture's known answer, exact reconstruction, Eckart-Young errors, randomized vs full, signs, tf-idf."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer

from models.corpus.corpus import Corpus, PreprocessOptions
from models.corpus.documents import RawDocument
from models.corpus.samples import load_sample
from models.errors import InputError
from models.lsa import svd as lsa_module
from models.lsa.svd import _error_without_dense, fit_lsa, lecture_rounding, lecture_view
from tests.models.fixtures import wide_corpus


@pytest.fixture(scope="module")
def lecture():
    return fit_lsa(load_sample("lecture-lsa"))


@pytest.fixture(scope="module")
def lee():
    return load_sample("lee-news")


def _corpus(dtm: np.ndarray) -> Corpus:
    n_docs, n_terms = dtm.shape
    vocab = tuple(f"t{j}" for j in range(n_terms))
    tokens = tuple(tuple(vocab[j] for j in range(n_terms) for _ in range(int(dtm[i, j]))) for i in range(n_docs))
    docs = tuple(RawDocument(text=" ".join(t), source="test", name=f"d{i + 1}") for i, t in enumerate(tokens))
    corpus = Corpus.from_tokens(vocab, tokens, docs, language="en", options=PreprocessOptions(language="en"))
    return dataclasses.replace(corpus, dtm=sp.csr_matrix(dtm))


def _random_corpus(n_docs: int = 12, n_terms: int = 9, seed: int = 0) -> Corpus:
    rng = np.random.default_rng(seed)
    dtm = rng.poisson(0.8, size=(n_docs, n_terms))
    dtm[:, 0] += 1  # no empty documents
    return _corpus(dtm)


# --- the lecture's example --------------------------------------------------------------------------------------


def test_lecture_matrix_is_terms_by_documents(lecture):
    assert lecture.terms == ("pizza", "hamburger", "cookie", "ramen", "sushi")
    assert len(lecture.document_names) == 6
    expected = [
        [1, 1, 0, 0, 0, 0],
        [0, 1, 1, 0, 0, 0],
        [0, 1, 0, 0, 0, 0],
        [0, 0, 0, 1, 0, 1],
        [0, 0, 0, 0, 1, 1],
    ]
    np.testing.assert_array_equal(lecture.A.toarray(), expected)


def test_lecture_singular_values(lecture):
    assert lecture.full
    assert lecture.n_components == 5
    np.testing.assert_allclose(lecture.sigma, [1.932, 1.732, 1.0, 1.0, 0.518], atol=5e-4)
    # σ1² = 2 + √3, σ2² = 3, σ5² = 2 − √3 (eigenvalues of A Aᵀ)
    np.testing.assert_allclose(lecture.sigma**2, [2 + 3**0.5, 3, 1, 1, 2 - 3**0.5], atol=1e-12)
    np.testing.assert_allclose(lecture.explained_variance_ratio.sum(), 1.0)
    np.testing.assert_allclose(lecture.explained_variance_ratio[:2], [(2 + 3**0.5) / 9, 3 / 9])


def test_lecture_document_matrix_for_topic(lecture):
    concepts = lecture.document_concepts(2)
    expected = [[0.63, 1.72, 0.63, 0, 0, 0], [0, 0, 0, 0.71, 0.71, 1.41]]
    np.testing.assert_array_equal(np.round(concepts, 2) + 0.0, expected)
    assert np.all(concepts > -1e-12), "the sign rule makes both leading concepts non-negative"


def test_lecture_rounding_view(lecture):
    view = lecture_view(lecture, 2)
    # The lecture multiplies the ROUNDED factors: 1.9 × 0.3 = 0.57, 1.7 × 0.4 = 0.68.
    np.testing.assert_array_equal(view.document_concepts, [[0.57, 1.71, 0.57, 0, 0, 0], [0, 0, 0, 0.68, 0.68, 1.36]])
    np.testing.assert_array_equal(
        view.document_concepts_exact, [[0.63, 1.72, 0.63, 0, 0, 0], [0, 0, 0, 0.71, 0.71, 1.41]]
    )
    assert view.U.shape == (5, 5) and view.Sigma.shape == (5, 6) and view.Vt.shape == (6, 6)
    np.testing.assert_array_equal(view.U[:, 0], [0.6, 0.6, 0.5, 0, 0])
    np.testing.assert_array_equal(view.U[:, 1], [0, 0, 0, 0.7, 0.7])
    np.testing.assert_array_equal(np.diag(view.Sigma), [1.9, 1.7, 1.0, 1.0, 0.5])
    np.testing.assert_array_equal(view.Vt[:2], [[0.3, 0.9, 0.3, 0, 0, 0], [0, 0, 0, 0.4, 0.4, 0.8]])
    # The completing sixth row spans the null space: d4 + d5 − d6 = 0, shown as ±0.6.
    np.testing.assert_array_equal(np.abs(view.Vt[5]), [0, 0, 0, 0.6, 0.6, 0.6])
    assert view.Vt[5, 3] == view.Vt[5, 4] == -view.Vt[5, 5]
    assert not np.signbit(view.U).any() or np.all(view.U[np.signbit(view.U)] < 0), "no negative zeros"


def test_lecture_rounding_rounds_half_away_from_zero():
    rounded = lecture_rounding([0.25, -0.25, 0.05, 1.9 * 0.3, 0.449], 1)
    np.testing.assert_array_equal(rounded, [0.3, -0.3, 0.1, 0.6, 0.4])
    np.testing.assert_array_equal(lecture_rounding([1.9 * 0.3, 1.7 * 0.4, 0.125], 2), [0.57, 0.68, 0.13])
    assert not np.signbit(lecture_rounding(-0.01, 1))


# --- exactness ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("weighting", ["count", "tfidf"])
def test_full_svd_reconstructs_a_exactly(weighting):
    result = fit_lsa(_random_corpus(), weighting=weighting)
    r = result.n_components
    assert result.full and r == 9
    np.testing.assert_allclose((result.U * result.sigma) @ result.Vt, result.A.toarray(), atol=1e-12)
    np.testing.assert_allclose(result.reconstruct(r), result.A.toarray(), atol=1e-12)
    np.testing.assert_allclose(result.U.T @ result.U, np.eye(r), atol=1e-12)
    np.testing.assert_allclose(result.Vt @ result.Vt.T, np.eye(r), atol=1e-12)
    assert result.reconstruction_error(r).absolute < 1e-12


def test_rank_k_error_is_the_dropped_singular_values(lecture):
    for result in (lecture, fit_lsa(_random_corpus(seed=3))):
        norm = np.linalg.norm(result.A.toarray())
        for k in range(1, result.n_components + 1):
            expected = np.sqrt(np.sum(result.sigma[k:] ** 2))
            error = result.reconstruction_error(k)
            assert error.absolute == pytest.approx(expected, abs=1e-12)
            assert error.relative == pytest.approx(expected / norm, abs=1e-12)
            assert np.linalg.norm(result.A.toarray() - result.reconstruct(k)) == pytest.approx(expected, abs=1e-12)


def test_error_without_dense_matches_dense():
    result = fit_lsa(_random_corpus(n_docs=30, n_terms=20, seed=5))
    for k in (1, 4, 19):
        dense = result.reconstruction_error(k).absolute
        fast = _error_without_dense(result.A, result.U[:, :k], result.sigma[:k], result.Vt[:k])
        assert fast == pytest.approx(dense, rel=1e-9)


def test_factors_and_truncate(lecture):
    k = 2
    np.testing.assert_allclose(lecture.term_loadings(k), lecture.U[:, :k] * lecture.sigma[:k])
    assert lecture.document_concepts(k).shape == (2, 6)
    small = lecture.truncate(k)
    assert small.n_components == 2 and small.U.shape == (5, 2) and small.Vt.shape == (2, 6)
    np.testing.assert_allclose(small.reconstruct(2), lecture.reconstruct(2))
    assert small.reconstruction_error(2) == pytest.approx(lecture.reconstruction_error(2))
    np.testing.assert_allclose(fit_lsa(load_sample("lecture-lsa"), 2).reconstruct(2), lecture.reconstruct(2))


def test_dense_and_sparse_input_agree():
    corpus = _random_corpus(seed=2)
    dense = dataclasses.replace(corpus, dtm=corpus.dtm.toarray())
    array = dataclasses.replace(corpus, dtm=sp.csr_array(corpus.dtm))
    for other in (dense, array):
        np.testing.assert_allclose(fit_lsa(other).sigma, fit_lsa(corpus).sigma, atol=1e-12)


# --- randomized SVD on a real corpus -------------------------------------------------------------------------------


def test_randomized_and_full_agree_on_lee_news(lee):
    randomized = fit_lsa(lee, 10)
    full = fit_lsa(lee, 10, algorithm="full")
    assert not randomized.full and full.full
    assert randomized.A.shape == (lee.vocab_size, lee.n_documents)
    np.testing.assert_allclose(randomized.sigma, full.sigma, rtol=1e-3)
    # Same sign rule on both sides: the leading singular vectors agree entry by entry.
    np.testing.assert_allclose(randomized.U[:, :3], full.U[:, :3], atol=2e-3)
    np.testing.assert_allclose(randomized.Vt[:3], full.Vt[:3], atol=2e-3)
    error = full.reconstruction_error(10).absolute
    assert randomized.reconstruction_error(10).absolute == pytest.approx(error, rel=1e-3)


def test_signs_are_deterministic(lee):
    for result in (fit_lsa(lee, 10), fit_lsa(load_sample("lecture-lsa"))):
        for i in range(result.n_components):
            column = result.U[:, i]
            top = np.abs(column).max()
            first_top = np.flatnonzero(np.abs(column) >= top * (1 - 1e-9))[0]
            assert column[first_top] > 0
    a, b = fit_lsa(lee, 10, seed=0), fit_lsa(lee, 10, seed=0)
    np.testing.assert_array_equal(a.U, b.U)
    np.testing.assert_array_equal(a.Vt, b.Vt)
    other_seed = fit_lsa(lee, 10, seed=1)
    np.testing.assert_allclose(other_seed.U[:, :3], a.U[:, :3], atol=2e-3)


# --- tf-idf ----------------------------------------------------------------------------------------------------------


def test_tfidf_weighting_follows_scikit_learn():
    corpus = load_sample("lecture-lsa")
    result = fit_lsa(corpus, weighting="tfidf")
    assert result.weighting == "tfidf"
    expected = TfidfTransformer().fit_transform(corpus.dtm).T.toarray()
    np.testing.assert_allclose(result.A.toarray(), expected, atol=1e-12)
    np.testing.assert_allclose(np.linalg.norm(result.A.toarray(), axis=0), 1.0)  # documents are l2-normalised
    # d2 = pizza hamburger cookie: idf = ln(7/3) + 1, ln(7/3) + 1, ln(7/2) + 1, then l2-normalised
    idf = np.log([7 / 3, 7 / 3, 7 / 2]) + 1
    np.testing.assert_allclose(result.A.toarray()[:3, 1], idf / np.linalg.norm(idf))
    np.testing.assert_allclose((result.U * result.sigma) @ result.Vt, expected, atol=1e-12)
    assert not np.allclose(result.sigma, fit_lsa(corpus).sigma)


# --- errors ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("k", [0, 6, -1, True, 2.0, "2"])
def test_bad_k_is_an_input_error(k):
    with pytest.raises(InputError) as info:
        fit_lsa(load_sample("lecture-lsa"), k)
    assert info.value.code == "lsa_bad_k"
    assert "1" in str(info.value) and "5" in str(info.value)
    assert "LSA 차원" in info.value.text("ko")


def test_randomized_needs_fewer_components_than_the_smaller_side(lee):
    with pytest.raises(InputError) as info:
        fit_lsa(lee, lee.n_documents)
    assert info.value.code == "lsa_bad_k_randomized"
    assert str(lee.n_documents - 1) in str(info.value)


def test_bad_weighting_and_method_calls(lecture):
    with pytest.raises(InputError) as info:
        fit_lsa(load_sample("lecture-lsa"), weighting="bm25")
    assert info.value.code == "lsa_bad_weighting" and "tfidf" in str(info.value)
    assert "가중치" in info.value.text("ko")
    with pytest.raises(InputError):
        fit_lsa(load_sample("lecture-lsa"), algorithm="arpack")
    for method in (lecture.truncate, lecture.document_concepts, lecture.term_loadings, lecture.reconstruct):
        with pytest.raises(InputError):
            method(6)
        with pytest.raises(InputError):
            method(0)


# --- caps: seed, memory of the factors (issue 9) ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", [-1, 2**32, 10**30, True])
def test_seed_out_of_range(lecture, seed):
    with pytest.raises(InputError) as info:
        fit_lsa(load_sample("lecture-lsa"), seed=seed)
    assert info.value.code == "seed_out_of_range"
    assert "from 0 to 4,294,967,295 for the LSA engine" in str(info.value)
    assert "0부터 4,294,967,295까지" in info.value.text("ko")


def test_largest_seed_is_accepted(lee):
    result = fit_lsa(lee, 5, seed=2**32 - 1)
    assert result.n_components == 5 and not result.full


@pytest.fixture
def no_svd(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("the SVD ran")

    monkeypatch.setattr(lsa_module, "_randomized_svd", boom)
    monkeypatch.setattr(lsa_module, "_full_svd", boom)


def test_factors_too_large_are_refused_before_the_svd(no_svd):
    corpus = wide_corpus(n_docs=4_000, n_terms=6_000)
    with pytest.raises(InputError) as info:
        fit_lsa(corpus, 3_000)
    assert info.value.code == "lsa_too_large"
    assert str(info.value).startswith(
        "LSA with k = 3,000 on 6,000 terms × 4,000 documents needs 240 MB for U and Vᵀ; the limit is 160 MB "
        "(k × (terms + documents) up to 20,000,000): lower k (at most 2,000 here)"
    )
    assert "U와 Vᵀ에 240 MB" in info.value.text("ko")


def test_default_k_shrinks_to_the_budget(lee, monkeypatch):
    n_terms, n_docs = lee.vocab_size, lee.n_documents
    monkeypatch.setattr(lsa_module, "MAX_FACTOR_CELLS", 40 * (n_terms + n_docs) + 7)
    assert fit_lsa(lee).n_components == 40
    with pytest.raises(InputError) as info:
        fit_lsa(lee, 41)
    assert info.value.code == "lsa_too_large" and info.value.params["max_k"] == 40
    assert fit_lsa(lee, 40).n_components == 40
