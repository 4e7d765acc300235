"""Sinusoidal positional encodings (Vaswani et al. 2017, section 3.5):
``PE(pos, 2i) = sin(pos / 10000^{2i/d_model})``, ``PE(pos, 2i+1) = cos(pos / 10000^{2i/d_model})``."""

from __future__ import annotations

import numpy as np

__all__ = ["sinusoidal_encoding"]


def sinusoidal_encoding(n_positions: int, d_model: int) -> np.ndarray:
    """The encoding of positions ``0 .. n_positions-1``.

    Returns
    -------
    ndarray of shape (n_positions, d_model)
    """
    pos = np.arange(n_positions, dtype=np.float64)[:, None]
    i = np.arange(d_model, dtype=np.float64)[None, :]
    angle = pos / np.power(10000.0, (2 * (i // 2)) / d_model)
    return np.where(i % 2 == 0, np.sin(angle), np.cos(angle))
