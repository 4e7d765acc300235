"""Attention worked out: a hand computation on three tokens, softmax rows, the causal mask, positional encodings,
and the √d_k argument measured."""

from __future__ import annotations

import math

import numpy as np
import pytest

from models.errors import InputError
from models.transformer.attention import multi_head_attention, scaled_dot_product, seeded_projections
from models.transformer.causal import causal_mask
from models.transformer.dk_scaling import scaling_experiment
from models.transformer.positional import sinusoidal_encoding


def test_three_tokens_by_hand() -> None:
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    identity = np.eye(2)
    W_V = np.array([[1.0, 2.0], [3.0, 4.0]])
    head = scaled_dot_product(X, identity, identity, W_V)
    np.testing.assert_allclose(head.raw, [[1, 0, 1], [0, 1, 1], [1, 1, 2]])
    np.testing.assert_allclose(head.scores, head.raw / math.sqrt(2))
    np.testing.assert_allclose(head.V, [[1, 2], [3, 4], [4, 6]])
    a = math.exp(1 / math.sqrt(2))
    row0 = np.array([a, 1.0, a]) / (2 * a + 1)
    np.testing.assert_allclose(head.weights[0], row0)
    expected = (a * np.array([1, 2]) + np.array([3, 4]) + a * np.array([4, 6])) / (2 * a + 1)
    np.testing.assert_allclose(head.output[0], expected)
    b = math.exp(2 / math.sqrt(2))
    row2 = np.array([a, a, b]) / (2 * a + b)
    np.testing.assert_allclose(head.weights[2], row2)
    np.testing.assert_allclose(head.weights.sum(axis=1), 1.0)


def test_causal_mask_zeroes_the_future() -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5, 8))
    W = [rng.normal(size=(8, 4)) for _ in range(3)]
    head = scaled_dot_product(X, *W, mask=causal_mask(5))
    assert np.all(head.weights[np.triu_indices(5, k=1)] == 0.0)
    np.testing.assert_allclose(head.weights.sum(axis=1), 1.0)
    assert head.weights[0, 0] == 1.0  # the first token sees only itself
    assert np.isneginf(head.scores[0, 1])
    free = scaled_dot_product(X, *W)
    np.testing.assert_allclose(head.weights[-1], free.weights[-1])  # the last row sees everything either way


def test_multi_head_shapes_and_concat() -> None:
    X = np.random.default_rng(1).normal(size=(7, 16))
    mha = multi_head_attention(X, d_k=4, n_heads=3, seed=2)
    assert len(mha.heads) == 3 and mha.concat.shape == (7, 12) and mha.W_O.shape == (12, 16)
    assert mha.output.shape == (7, 16)
    np.testing.assert_allclose(mha.concat[:, 4:8], mha.heads[1].output)
    np.testing.assert_allclose(mha.output, mha.concat @ mha.W_O)
    again = multi_head_attention(X, d_k=4, n_heads=3, seed=2)
    np.testing.assert_array_equal(again.output, mha.output)
    with pytest.raises(InputError):
        seeded_projections(16, 0, 2)
    with pytest.raises(InputError):
        multi_head_attention(X, d_k=4, n_heads=99)


def test_sinusoidal_positional_encoding() -> None:
    pe = sinusoidal_encoding(50, 8)
    assert pe.shape == (50, 8)
    np.testing.assert_allclose(pe[0], [0, 1, 0, 1, 0, 1, 0, 1])
    np.testing.assert_allclose(pe[3, 0], math.sin(3))
    np.testing.assert_allclose(pe[3, 3], math.cos(3 / 10000 ** (2 / 8)))
    assert np.all(np.abs(pe) <= 1)


def test_scaling_keeps_the_spread_at_one_and_the_softmax_soft() -> None:
    points = {p.d_k: p for p in scaling_experiment(d_ks=(1, 16, 256), n_tokens=10, n_rows=3000, seed=0)}
    for d_k, p in points.items():
        assert p.std_raw == pytest.approx(math.sqrt(d_k), rel=0.05)  # var(q·k) = d_k
        assert p.std_scaled == pytest.approx(1.0, rel=0.05)
    assert points[256].entropy_raw < 0.3 < points[256].entropy_scaled  # unscaled: nearly one-hot rows
    assert points[256].max_weight_raw > 0.9
    assert abs(points[256].entropy_scaled - points[1].entropy_scaled) < 0.1  # scaled: the same at every d_k
    assert points[256].entropy_scaled < math.log(10)
