"""The lecture's Word2vec examples exactly: the lookup, the skip-gram table, negative sampling, CBOW with numbers."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from scipy.stats import chisquare

from models.corpus.samples import word2vec_sentences
from models.embeddings.cbow import cbow_forward
from models.embeddings.lookup import LECTURE_ONE_HOT, LECTURE_W, lookup, one_hot
from models.embeddings.pairs import (
    LECTURE_NEGATIVE_TABLE,
    LECTURE_PAIRS,
    LECTURE_SENTENCE,
    Pair,
    negative_distribution,
    negative_table,
    sentence_tokens,
    skipgram_pairs,
)
from models.errors import InputError


def test_one_hot_lookup_is_the_fourth_row() -> None:
    assert lookup(LECTURE_ONE_HOT, LECTURE_W).tolist() == [10, 12, 19]
    np.testing.assert_array_equal(one_hot(3, 5), LECTURE_ONE_HOT)
    for i in range(5):
        np.testing.assert_array_equal(lookup(one_hot(i, 5), LECTURE_W), LECTURE_W[i])
    with pytest.raises(InputError):
        one_hot(5, 5)


def test_the_lectures_skipgram_pairs() -> None:
    tokens = sentence_tokens(LECTURE_SENTENCE)
    assert tokens == ["The", "fat", "cat", "sat", "on", "the", "mat"]
    rows = skipgram_pairs(tokens, window=2, centres=[2, 3])  # cat, sat
    assert [(p.input, p.context, p.label) for p in rows] == list(LECTURE_PAIRS)
    all_rows = skipgram_pairs(tokens, window=2)
    assert len(all_rows) == 2 + 3 + 4 + 4 + 4 + 3 + 2  # edges have fewer neighbours
    assert len(skipgram_pairs(tokens, window=1)) == 12
    with pytest.raises(InputError):
        skipgram_pairs(tokens, window=0)
    with pytest.raises(InputError):
        sentence_tokens("!!! ???")


def test_the_sample_holds_the_lectures_negatives_and_its_extra_positive() -> None:
    sentences = word2vec_sentences()
    assert " ".join(sentences[0]) == LECTURE_SENTENCE
    words = Counter(w for s in sentences for w in s)
    table_words = {c for _, c, _ in LECTURE_NEGATIVE_TABLE}
    assert table_words <= set(words)
    assert all(words[w] >= 2 for w in ("pizza", "computer", "mighty", "cute"))
    positives = {(p.input, p.context) for s in sentences for p in skipgram_pairs(s, window=2)}
    assert ("cat", "cute") in positives  # the lecture's row "cat cute 1"
    assert not {("cat", "pizza"), ("cat", "computer"), ("cat", "mighty")} & positives  # its negatives are not


def test_negative_table_follows_each_positive_with_k_draws() -> None:
    counts = Counter(w for s in word2vec_sentences() for w in s)
    positives = skipgram_pairs(sentence_tokens(LECTURE_SENTENCE), 2, centres=[2])
    rows = negative_table(positives, counts, k=2, seed=1)
    assert len(rows) == 4 * 3 and [r.label for r in rows[:3]] == [1, 0, 0]
    words, p = negative_distribution(counts)
    prob = dict(zip(words, p, strict=True))
    for positive, negs in zip(rows[::3], zip(rows[1::3], rows[2::3], strict=True), strict=True):
        for neg in negs:
            assert neg.input == positive.input and neg.context not in (positive.context, positive.input)
            assert neg.probability == pytest.approx(prob[neg.context])
    assert rows == negative_table(positives, counts, k=2, seed=1)  # seeded
    assert rows != negative_table(positives, counts, k=2, seed=2)


def test_negatives_are_drawn_from_the_three_quarter_power_of_counts() -> None:
    counts = {"a": 1, "b": 4, "c": 9, "d": 16, "e": 50}
    words, p = negative_distribution(counts)
    assert words == ["e", "d", "c", "b", "a"]
    expected = np.array([50, 16, 9, 4, 1], dtype=float) ** 0.75
    np.testing.assert_allclose(p, expected / expected.sum())
    positives = [Pair("x", "not-a-word", 1)] * 4000
    drawn = Counter(r.context for r in negative_table(positives, counts, k=5, seed=0) if r.label == 0)
    observed = np.array([drawn[w] for w in words])
    assert observed.sum() == 20000
    assert chisquare(observed, p * observed.sum()).pvalue > 1e-3
    # against plain unigram frequencies the same draws are far off
    raw = np.array([50, 16, 9, 4, 1], dtype=float)
    assert chisquare(observed, raw / raw.sum() * observed.sum()).pvalue < 1e-6


def test_cbow_forward_pass_by_hand() -> None:
    W = np.array([[1.0, 2.0], [0.5, -1.0], [3.0, 0.0]])  # V = 3 words, N = 2
    U = np.array([[0.2, 0.1], [-0.3, 0.4], [0.0, 1.0]])
    f = cbow_forward(W, U, context=[0, 2], centre=1)
    np.testing.assert_array_equal(f.one_hots, [[1, 0, 0], [0, 0, 1]])
    np.testing.assert_allclose(f.v, [[1.0, 2.0], [3.0, 0.0]])
    np.testing.assert_allclose(f.v_hat, [2.0, 1.0])  # (1 + 3) / 2, (2 + 0) / 2
    np.testing.assert_allclose(f.z, [0.5, -0.2, 1.0])  # 0.4 + 0.1, -0.6 + 0.4, 0 + 1
    e = np.exp([0.5, -0.2, 1.0])
    np.testing.assert_allclose(f.y_hat, e / e.sum())
    assert f.log_sum_exp == pytest.approx(np.log(e.sum()))
    assert f.loss == pytest.approx(-np.log(e[1] / e.sum()))
    assert f.loss == pytest.approx(0.2 + np.log(e.sum()))  # -u_c . v_hat + log sum exp
