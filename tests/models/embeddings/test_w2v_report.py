"""The CLI's JSON summary and the word2vec text file (loaded back by gensim)."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from models.embeddings.embedding_model import EmbeddingModel
from models.embeddings.report import word2vec_report, write_word2vec_text
from models.embeddings.word2vec import Word2VecOptions, train_word2vec
from models.errors import InputError
from models.synthetic import word_clusters


@pytest.fixture(scope="module")
def model() -> EmbeddingModel:
    corpus = word_clusters(n_clusters=3, words_per_cluster=6, n_docs=60, doc_length=20, seed=0).corpus
    return train_word2vec(corpus, Word2VecOptions(dim=12, epochs=3, seed=1))


def test_report_fields(model: EmbeddingModel) -> None:
    report = json.loads(json.dumps(word2vec_report(model, ["w00000", "w00007"])))
    assert report["vocabulary_size"] == 18 and report["dim"] == 12
    assert len(report["loss"]) == 4 and report["loss"] == pytest.approx(list(model.loss))
    assert set(report["neighbours"]) == {"w00000", "w00007"}
    first = report["neighbours"]["w00000"]
    assert len(first) == 10 and set(first[0]) == {"word", "cosine"}
    assert [n["cosine"] for n in first] == sorted((n["cosine"] for n in first), reverse=True)
    assert report["options"] == {
        "sg": 1,
        "dim": 12,
        "window": 5,
        "negative": 5,
        "min_count": 2,
        "epochs": 3,
        "seed": 1,
    }
    with pytest.raises(InputError):
        word2vec_report(model, ["nope"])


def test_text_format_loads_in_gensim(model: EmbeddingModel, tmp_path) -> None:
    from gensim.models import KeyedVectors

    path = tmp_path / "vectors.txt"
    write_word2vec_text(model, path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "18 12"
    kv = KeyedVectors.load_word2vec_format(str(path), binary=False)
    assert tuple(kv.index_to_key) == model.vocab
    np.testing.assert_array_equal(kv.vectors, model.vectors)  # %.9g brings float32 back exactly


def test_text_format_korean_and_spaces(tmp_path) -> None:
    from gensim.models import KeyedVectors

    vectors = np.array([[0.5, -1.25], [1e-8, 3.0]], dtype=np.float32)
    model = EmbeddingModel(
        ("식탁", "new york"), np.array([3, 2]), vectors, np.zeros_like(vectors), (), Word2VecOptions(dim=2)
    )
    stream = io.StringIO()
    write_word2vec_text(model, stream)
    assert stream.getvalue().splitlines() == ["2 2", "식탁 0.5 -1.25", "new_york 9.99999994e-09 3"]
    path = tmp_path / "ko.txt"
    write_word2vec_text(model, str(path))
    kv = KeyedVectors.load_word2vec_format(str(path))
    assert kv.index_to_key == ["식탁", "new_york"]
    np.testing.assert_array_equal(kv.vectors, vectors)
