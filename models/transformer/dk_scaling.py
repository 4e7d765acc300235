"""Why attention divides by √d_k, measured (Vaswani et al. 2017, footnote 4): for q and k with independent
zero-mean, unit-variance components, ``q·k`` has variance ``d_k``, so unscaled scores grow with d_k and the softmax
saturates (its entropy collapses towards 0, its gradients vanish); dividing by ``√d_k`` keeps the variance at 1."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["ScalingPoint", "scaling_experiment", "softmax_entropy"]


def softmax_entropy(scores: np.ndarray) -> np.ndarray:
    """Entropy (nats) of the softmax of each row of ``scores``; its maximum is ``log T``."""
    shifted = scores - scores.max(axis=-1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return -(np.exp(log_p) * log_p).sum(axis=-1)


@dataclass(frozen=True)
class ScalingPoint:
    """Measured at one d_k.

    Attributes
    ----------
    d_k : int
    std_raw, std_scaled : float
        Standard deviation of ``q·k`` and of ``q·k / √d_k``.
    entropy_raw, entropy_scaled : float
        Mean entropy (nats) of the softmax rows without and with the scaling.
    max_weight_raw, max_weight_scaled : float
        Mean largest weight per row.
    """

    d_k: int
    std_raw: float
    std_scaled: float
    entropy_raw: float
    entropy_scaled: float
    max_weight_raw: float
    max_weight_scaled: float


def scaling_experiment(
    d_ks: Sequence[int] = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512), n_tokens: int = 10, n_rows: int = 2000, seed: int = 0
) -> list[ScalingPoint]:
    """Draw ``n_rows`` queries and ``n_tokens`` keys with N(0, 1) components at each d_k and measure the scores.

    Returns
    -------
    list of ScalingPoint
        One per d_k; entropy is at most ``log(n_tokens)``.
    """
    rng = np.random.default_rng(seed)
    points = []
    for d_k in d_ks:
        q = rng.standard_normal((n_rows, d_k))
        k = rng.standard_normal((n_rows, n_tokens, d_k))
        raw = np.einsum("rd,rtd->rt", q, k)
        scaled = raw / np.sqrt(d_k)
        w_raw = np.exp(raw - raw.max(axis=1, keepdims=True))
        w_raw /= w_raw.sum(axis=1, keepdims=True)
        w_scaled = np.exp(scaled - scaled.max(axis=1, keepdims=True))
        w_scaled /= w_scaled.sum(axis=1, keepdims=True)
        points.append(
            ScalingPoint(
                d_k=int(d_k),
                std_raw=float(raw.std()),
                std_scaled=float(scaled.std()),
                entropy_raw=float(softmax_entropy(raw).mean()),
                entropy_scaled=float(softmax_entropy(scaled).mean()),
                max_weight_raw=float(w_raw.max(axis=1).mean()),
                max_weight_scaled=float(w_scaled.max(axis=1).mean()),
            )
        )
    return points
