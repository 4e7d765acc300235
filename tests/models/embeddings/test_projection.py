"""The embedding map: PCA as scikit-learn's with fixed signs, t-SNE on few words, bad options."""

from __future__ import annotations

import numpy as np
import pytest

from models.embeddings.embedding_model import EmbeddingModel
from models.embeddings.projection import pca_2d, project_words
from models.embeddings.word2vec_options import Word2VecOptions
from models.errors import InputError


def _model(n_words: int, dim: int = 6, seed: int = 0) -> EmbeddingModel:
    rng = np.random.default_rng(seed)
    return EmbeddingModel(
        vocab=tuple(f"w{i}" for i in range(n_words)),
        counts=np.arange(n_words, 0, -1, dtype=np.int64),
        vectors=rng.normal(size=(n_words, dim)).astype(np.float32),
        output=np.zeros((n_words, dim), dtype=np.float32),
        loss=(),
        options=Word2VecOptions(dim=dim),
    )


def test_pca_equals_sklearn_up_to_sign_and_signs_are_fixed() -> None:
    from sklearn.decomposition import PCA

    x = np.random.default_rng(1).normal(size=(40, 5))
    xy, explained = pca_2d(x)
    ref = PCA(n_components=2).fit(x)
    theirs = ref.transform(x)
    for k in range(2):
        assert np.allclose(xy[:, k], theirs[:, k], atol=1e-9) or np.allclose(xy[:, k], -theirs[:, k], atol=1e-9)
    np.testing.assert_allclose(explained, ref.explained_variance_ratio_, rtol=1e-9)
    flipped, _ = pca_2d(-x)  # the same cloud mirrored: the signs rule gives the mirrored picture, not a flip of it
    loadings = np.linalg.svd(x - x.mean(axis=0), full_matrices=False)[2][:2]
    assert np.all(loadings[np.arange(2), np.argmax(np.abs(loadings), axis=1)] != 0)
    np.testing.assert_allclose(np.abs(flipped), np.abs(xy), atol=1e-9)


def test_project_most_frequent_unit_vectors() -> None:
    model = _model(50)
    p = project_words(model, 20)
    assert p.words == model.vocab[:20] and p.xy.shape == (20, 2) and p.method == "pca"
    again = project_words(model, 20)
    np.testing.assert_array_equal(p.xy, again.xy)
    scaled = EmbeddingModel(
        model.vocab, model.counts, model.vectors * 3, model.output, (), model.options
    )  # lengths do not matter: unit vectors
    np.testing.assert_allclose(project_words(scaled, 20).xy, p.xy, atol=1e-5)
    assert project_words(model, 500).xy.shape == (50, 2)


@pytest.mark.parametrize("n", [1, 2, 3, 12])
def test_tsne_on_few_words(n: int) -> None:
    model = _model(n)
    a = project_words(model, n, "tsne", seed=3)
    b = project_words(model, n, "tsne", seed=3)
    assert a.xy.shape == (n, 2) and np.isfinite(a.xy).all()
    np.testing.assert_array_equal(a.xy, b.xy)


def test_pca_on_one_or_two_words() -> None:
    assert project_words(_model(1), 10).xy.tolist() == [[0.0, 0.0]]
    two = project_words(_model(2), 10)
    assert np.allclose(two.xy[:, 1], 0, atol=1e-9) and two.xy[0, 0] == pytest.approx(-two.xy[1, 0])


def test_bad_options() -> None:
    with pytest.raises(InputError):
        project_words(_model(5), 5, "umap")
    with pytest.raises(InputError):
        project_words(_model(5), 0)
