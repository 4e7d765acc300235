"""The decoder's causal mask (Vaswani et al. 2017, section 3.2.3): position i may attend only to positions ≤ i;
the other scores become −∞ before the softmax, so their weights are exactly 0."""

from __future__ import annotations

import numpy as np

__all__ = ["causal_mask"]


def causal_mask(T: int) -> np.ndarray:
    """True where query i may attend to key j (j ≤ i).

    Returns
    -------
    ndarray of bool, shape (T, T)
        Lower triangle (diagonal included).
    """
    return np.tril(np.ones((T, T), dtype=bool))
