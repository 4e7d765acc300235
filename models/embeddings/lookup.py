"""The embedding lookup as a matrix product: a one-hot row vector times ``W`` picks one row (the lecture's CBOW
slide; Mikolov et al. 2013, "Efficient estimation of word representations in vector space")."""

from __future__ import annotations

import numpy as np

from models.errors import InputError

__all__ = ["LECTURE_ONE_HOT", "LECTURE_W", "lookup", "one_hot"]

# The lecture's example: [0 0 0 1 0] × W = [10 12 19], the fourth row.
LECTURE_W = np.array(
    [[17, 24, 1], [23, 5, 7], [4, 6, 13], [10, 12, 19], [11, 18, 25]],
    dtype=np.int64,
)
LECTURE_ONE_HOT = np.array([0, 0, 0, 1, 0], dtype=np.int64)


def one_hot(index: int, size: int) -> np.ndarray:
    """The one-hot row vector ``x_k = [0, ..., 0, 1, 0, ..., 0]`` with its 1 at ``index`` (0-based).

    Returns
    -------
    ndarray of shape (size,)
    """
    if not (0 <= index < size):
        raise InputError("bad_option", option="index", value=index, why=f"choose a position from 1 to {size}")
    x = np.zeros(size, dtype=np.int64)
    x[index] = 1
    return x


def lookup(x: np.ndarray, W: np.ndarray) -> np.ndarray:
    """``x × W``: the row of ``W`` where the one-hot ``x`` has its 1.

    Parameters
    ----------
    x : ndarray of shape (V,)
        A one-hot row vector.
    W : ndarray of shape (V, N)
        The embedding matrix (one row per word).

    Returns
    -------
    ndarray of shape (N,)
    """
    return x @ W
