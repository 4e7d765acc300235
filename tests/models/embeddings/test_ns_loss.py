"""The negative-sampling loss: a hand-computed case, CBOW's mean, skipped negatives, and how the sample is drawn."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.stats import chisquare

from models.embeddings.ns_loss import LossSample, draw_loss_sample, ns_loss


def _sample(inputs: list[list[float]], targets: list[int], negatives: list[list[int]]) -> LossSample:
    return LossSample(
        sp.csr_matrix(np.array(inputs, dtype=np.float32)), np.array(targets), np.array(negatives, dtype=np.int64)
    )


VECTORS = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], dtype=np.float32)  # v_w, rows of W
OUTPUT = np.array([[0.5, 0.0], [0.0, 2.0], [1.0, -1.0]], dtype=np.float32)  # u_w, gensim's syn1neg


def test_skip_gram_pair_by_hand() -> None:
    # centre 0, context 1, negative 2: u_1·v_0 = 0, u_2·v_0 = 1
    # L = −log σ(0) − log σ(−1) = log 2 + log(1 + e)
    sample = _sample([[1, 0, 0]], [1], [[2]])
    assert ns_loss(VECTORS, OUTPUT, sample) == pytest.approx(math.log(2) + math.log(1 + math.e), rel=1e-6)


def test_cbow_mean_of_context_by_hand() -> None:
    # v̂ = (v_0 + v_1) / 2 = (0.5, 0.5); target 2: u_2·v̂ = 0; negatives 0 and 1: u_0·v̂ = 0.25, u_1·v̂ = 1
    sample = _sample([[0.5, 0.5, 0]], [2], [[0, 1]])
    expected = math.log(2) + math.log(1 + math.exp(0.25)) + math.log(1 + math.e)
    assert ns_loss(VECTORS, OUTPUT, sample) == pytest.approx(expected, rel=1e-6)


def test_mean_over_pairs_and_skipped_negatives() -> None:
    # a negative equal to the target is marked -1 and adds nothing (gensim skips that draw)
    one = _sample([[1, 0, 0]], [1], [[2]])
    two = _sample([[1, 0, 0], [0, 0, 1]], [1, 0], [[2], [-1]])
    # second pair: v_2 = (1, 1), u_0·v_2 = 0.5: −log σ(0.5)
    second = math.log(1 + math.exp(-0.5))
    assert ns_loss(VECTORS, OUTPUT, two) == pytest.approx((ns_loss(VECTORS, OUTPUT, one) + second) / 2, rel=1e-6)


def test_untrained_output_gives_one_plus_k_log_2() -> None:
    sample = _sample([[1, 0, 0], [0, 1, 0]], [1, 2], [[0, 2, 1], [0, 1, 1]])
    assert ns_loss(VECTORS, np.zeros_like(OUTPUT), sample) == pytest.approx(4 * math.log(2), rel=1e-6)


def test_large_scores_do_not_overflow() -> None:
    sample = _sample([[1, 0, 0]], [1], [[2]])
    huge = np.array([[0, 0], [-1e4, 0], [1e4, 0]], dtype=np.float32)  # u_o·v = −1e4, u_k·v = 1e4
    assert ns_loss(VECTORS, huge, sample) == pytest.approx(2e4, rel=1e-6)


def test_skip_gram_pairs_lie_within_the_window() -> None:
    sentences = [np.arange(10), np.arange(10, 13)]
    counts = np.ones(13)
    sample = draw_loss_sample(sentences, counts, sg=1, window=2, negative=3, n_pairs=2000, seed=1)
    centre = sample.inputs.indices  # one word per row
    assert sample.inputs.nnz == 2000 and np.all(np.diff(sample.inputs.indptr) == 1)
    same_sentence = (centre < 10) == (sample.targets < 10)
    assert same_sentence.all()
    distance = np.abs(centre - sample.targets)
    assert set(np.unique(distance)) == {1, 2}
    # reduced windows: distance 1 is drawn about three times as often as 2 away from the ends
    assert 2.0 < np.mean(distance == 1) / np.mean(distance == 2) < 4.5


def test_cbow_rows_average_the_context() -> None:
    sentences = [np.array([0, 1, 2, 3, 4])]
    sample = draw_loss_sample(sentences, np.ones(5), sg=0, window=1, negative=1, n_pairs=500, seed=0)
    dense = sample.inputs.toarray()
    np.testing.assert_allclose(dense.sum(axis=1), 1.0, rtol=1e-6)
    for row, target in zip(dense, sample.targets, strict=True):
        expected = [w for w in (target - 1, target + 1) if 0 <= w < 5]
        assert set(np.flatnonzero(row)) == set(expected)


def test_negatives_follow_count_to_the_three_quarters() -> None:
    counts = np.array([1000, 300, 100, 30, 10])
    sentences = [np.repeat(np.arange(5), 2)]
    sample = draw_loss_sample(sentences, counts, sg=1, window=1, negative=5, n_pairs=20_000, seed=3)
    drawn = sample.negatives[sample.negatives >= 0]
    # each draw that hit its pair's target was removed: compare with the expected counts given the targets
    p = counts**0.75 / (counts**0.75).sum()
    expected = np.zeros(5)
    for w in range(5):
        hit = sample.targets == w
        expected += 5 * hit.sum() * np.where(np.arange(5) == w, 0, p)
    observed = np.bincount(drawn, minlength=5)
    assert observed.sum() == pytest.approx(expected.sum(), rel=0.02)
    assert chisquare(observed, expected * observed.sum() / expected.sum()).pvalue > 0.001


def test_same_seed_same_sample_and_empty_corpus() -> None:
    sentences = [np.arange(6)]
    a = draw_loss_sample(sentences, np.ones(6), sg=1, window=2, negative=2, n_pairs=50, seed=7)
    b = draw_loss_sample(sentences, np.ones(6), sg=1, window=2, negative=2, n_pairs=50, seed=7)
    assert (a.inputs != b.inputs).nnz == 0 and np.array_equal(a.negatives, b.negatives)
    empty = draw_loss_sample([np.array([3])], np.ones(6), sg=0, window=2, negative=2, seed=0)
    assert empty.n_pairs == 0 and math.isnan(ns_loss(np.zeros((6, 2)), np.zeros((6, 2)), empty))
