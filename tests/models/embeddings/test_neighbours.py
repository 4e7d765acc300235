"""Neighbours, analogies and fill-in-the-blank agree with gensim; unknown words; Korean neighbours that make sense."""

from __future__ import annotations

import numpy as np
import pytest

from models.corpus.samples import load_sample
from models.embeddings.neighbours import analogy, fill_in_blank, nearest, word_row
from models.embeddings.word2vec import Word2VecOptions, corpus_sentences, train_word2vec
from models.errors import InputError
from models.synthetic import word_clusters

OPTIONS = Word2VecOptions(dim=30, epochs=5, seed=2)


@pytest.fixture(scope="module")
def trained():
    """Our model and a gensim Word2Vec holding the very same arrays."""
    from gensim.models import Word2Vec

    corpus = word_clusters(n_clusters=5, words_per_cluster=10, n_docs=200, doc_length=30, seed=4).corpus
    ours = train_word2vec(corpus, OPTIONS)
    theirs = Word2Vec(
        vector_size=OPTIONS.dim, window=OPTIONS.window, min_count=OPTIONS.min_count, negative=OPTIONS.negative
    )
    theirs.build_vocab(corpus_sentences(corpus))
    assert tuple(theirs.wv.index_to_key) == ours.vocab
    theirs.wv.vectors[:] = ours.vectors
    theirs.syn1neg[:] = ours.output
    theirs.wv.fill_norms(force=True)
    return ours, theirs


def test_nearest_equals_gensim_most_similar(trained) -> None:
    ours, theirs = trained
    for word in ours.vocab[:10]:
        got = nearest(ours, word, 10)
        want = theirs.wv.most_similar(word, topn=10)
        assert [w for w, _ in got] == [w for w, _ in want]
        np.testing.assert_allclose([c for _, c in got], [c for _, c in want], atol=1e-5)


def test_analogy_equals_gensim_most_similar(trained) -> None:
    ours, theirs = trained
    v = ours.vocab
    for a, b, c in [(v[0], v[1], v[2]), (v[10], v[3], v[25]), (v[7], v[30], v[41])]:
        got = analogy(ours, a, b, c, 10)
        want = theirs.wv.most_similar(positive=[a, c], negative=[b], topn=10)
        assert [w for w, _ in got] == [w for w, _ in want]
        np.testing.assert_allclose([s for _, s in got], [s for _, s in want], atol=1e-5)
        assert not {a, b, c} & {w for w, _ in got}


def test_fill_in_blank_equals_gensim_predict_output_word(trained) -> None:
    ours, theirs = trained
    for context in ([ours.vocab[0], ours.vocab[5]], [ours.vocab[3]], list(ours.vocab[10:14])):
        got = fill_in_blank(ours, context, 10)
        want = theirs.predict_output_word(context, topn=10)
        assert [w for w, _ in got] == [w for w, _ in want]
        np.testing.assert_allclose([p for _, p in got], [p for _, p in want], rtol=1e-4)
    full = fill_in_blank(ours, [ours.vocab[0]], ours.vocab_size)
    assert sum(p for _, p in full) == pytest.approx(1.0)


def test_unknown_words(trained) -> None:
    ours, _ = trained
    with pytest.raises(InputError) as err:
        nearest(ours, "w0000x")
    assert err.value.code == "w2v_unknown_word_close"
    assert "'w0000x' is not in the word vectors' vocabulary (50 words" in str(err.value)
    assert str(err.value).count(",") <= 4  # at most three suggestions, never the vocabulary
    with pytest.raises(InputError) as err:
        analogy(ours, ours.vocab[0], "zebra", ours.vocab[1])
    assert err.value.code == "w2v_unknown_word" and "zebra" in err.value.text("ko")
    with pytest.raises(InputError):
        fill_in_blank(ours, [])
    with pytest.raises(InputError):
        nearest(ours, ours.vocab[0], 0)
    assert word_row(ours, f" {ours.vocab[3].upper()} ") == 3  # as typed, stripped, then lower case


def test_more_neighbours_than_words(trained) -> None:
    ours, _ = trained
    assert len(nearest(ours, ours.vocab[0], 500)) == ours.vocab_size - 1


# Furniture nouns of the ko-market listings (data/ko-market-listings.csv, category "furniture"), as Kiwi cuts them.
FURNITURE = "소파 식탁 의자 침대 옷장 책상 서랍장 책장 선반 가구 수납장 벤치 매트리스 상판 원목".split()


def test_korean_furniture_words_are_neighbours() -> None:
    model = train_word2vec(load_sample("ko-market"), Word2VecOptions(seed=0))
    words = [w for w in FURNITURE if w in model.index]
    assert len(words) == len(FURNITURE)
    share = np.mean([np.mean([n in words for n, _ in nearest(model, w, 10)]) for w in words])
    chance = (len(words) - 1) / (model.vocab_size - 1)
    # measured with the default options, seeds 0-4: 0.24-0.31 (chance 0.052, 15 of 268 words)
    assert share > 0.18 and share > 3 * chance
    assert {"의자", "책상"} & {n for n, _ in nearest(model, "식탁", 5)}
