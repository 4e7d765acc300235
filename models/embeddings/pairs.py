"""Skip-gram training pairs and negative sampling, as the lecture's tables (입력1, 입력2, 레이블).

Positive pairs: each centre word with every word up to ``window`` positions before and after it (Mikolov et al.
2013a). Negative sampling (Mikolov et al. 2013b, "Distributed representations of words and phrases"): for each
positive pair, ``k`` words drawn from the unigram distribution raised to the 3/4 power, labelled 0.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.errors import InputError

__all__ = [
    "LECTURE_NEGATIVE_TABLE",
    "LECTURE_PAIRS",
    "LECTURE_SENTENCE",
    "Pair",
    "negative_distribution",
    "negative_table",
    "sentence_tokens",
    "skipgram_pairs",
]

LECTURE_SENTENCE = "The fat cat sat on the mat"
# The lecture's first rows for this sentence with window 2 (its table goes on with "...").
LECTURE_PAIRS: tuple[tuple[str, str, int], ...] = (
    ("cat", "The", 1),
    ("cat", "fat", 1),
    ("cat", "sat", 1),
    ("cat", "on", 1),
    ("sat", "fat", 1),
    ("sat", "cat", 1),
    ("sat", "on", 1),
    ("sat", "the", 1),
)
# The lecture's negative-sampling table, as the slide shows it (cute is a positive from another sentence).
LECTURE_NEGATIVE_TABLE: tuple[tuple[str, str, int], ...] = (
    ("cat", "The", 1),
    ("cat", "fat", 1),
    ("cat", "pizza", 0),
    ("cat", "computer", 0),
    ("cat", "sat", 1),
    ("cat", "on", 1),
    ("cat", "cute", 1),
    ("cat", "mighty", 0),
)

POWER = 0.75
MAX_WINDOW = 10
MAX_NEGATIVES = 20
MAX_SENTENCE_WORDS = 200

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Pair:
    """One row of the table: input word, context word, label (1 = seen together, 0 = a negative sample).

    ``probability`` is the negative's sampling probability (None for a positive pair).
    """

    input: str
    context: str
    label: int
    probability: float | None = None


def sentence_tokens(text: str) -> list[str]:
    """The words of a sentence as written (case kept, as in the lecture's table: "The" and "the" differ)."""
    words = _WORD.findall(text)
    if not words:
        raise InputError("pairs_no_words")
    if len(words) > MAX_SENTENCE_WORDS:
        raise InputError("pairs_too_long", words=len(words), limit=MAX_SENTENCE_WORDS)
    return words


def _check_window(window: int) -> None:
    if not (isinstance(window, int | np.integer) and 1 <= window <= MAX_WINDOW):
        raise InputError("bad_option", option="window", value=window, why=f"use 1 to {MAX_WINDOW}")


def skipgram_pairs(tokens: Sequence[str], window: int = 2, centres: Sequence[int] | None = None) -> list[Pair]:
    """The positive (centre, context) pairs of ``tokens``, centre by centre, context in text order.

    Parameters
    ----------
    tokens : sequence of str
    window : int
        m: context words on each side.
    centres : sequence of int, optional
        Positions of the centre words to pair (default: every position).

    Returns
    -------
    list of Pair
        Label 1 for every pair.
    """
    _check_window(window)
    positions = range(len(tokens)) if centres is None else centres
    rows = []
    for c in positions:
        for j in range(max(0, c - window), min(len(tokens), c + window + 1)):
            if j != c:
                rows.append(Pair(tokens[c], tokens[j], 1))
    return rows


def negative_distribution(counts: Counter[str] | dict[str, int], power: float = POWER) -> tuple[list[str], np.ndarray]:
    """The noise distribution ``P_n(w) = count(w)^{3/4} / Σ_v count(v)^{3/4}`` (Mikolov et al. 2013b).

    Returns
    -------
    words : list of str
        In decreasing count order (ties by word).
    probabilities : ndarray of shape (len(words),)
    """
    if not counts:
        raise InputError("pairs_no_words")
    words = sorted(counts, key=lambda w: (-counts[w], w))
    weights = np.array([counts[w] for w in words], dtype=np.float64) ** power
    return words, weights / weights.sum()


def negative_table(
    positives: Sequence[Pair],
    counts: Counter[str] | dict[str, int],
    k: int = 2,
    seed: int = 0,
) -> list[Pair]:
    """The lecture's second table: each positive pair followed by ``k`` negatives for its input word.

    A negative is drawn from :func:`negative_distribution`; a draw equal to one of the pair's own words is drawn
    again (word2vec skips a draw equal to the target word; a row "cat, cat, 0" would only puzzle a class).
    Seeded: the same seed gives the same table.
    """
    if not (isinstance(k, int | np.integer) and 0 <= k <= MAX_NEGATIVES):
        raise InputError("bad_option", option="negative", value=k, why=f"use 0 to {MAX_NEGATIVES}")
    words, p = negative_distribution(counts)
    prob = dict(zip(words, p.tolist(), strict=True))
    rng = np.random.default_rng(seed)
    rows: list[Pair] = []
    for pair in positives:
        rows.append(pair)
        if len(set(words) - {pair.input, pair.context}) == 0:
            continue
        drawn = 0
        while drawn < k:
            w = words[int(rng.choice(len(words), p=p))]
            if w in (pair.context, pair.input):
                continue
            rows.append(Pair(pair.input, w, 0, prob[w]))
            drawn += 1
    return rows
