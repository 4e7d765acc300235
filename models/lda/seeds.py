"""Seed words: topics steered by an asymmetric topic-word prior η (as tomotopy's ``set_word_prior``).

A seed word w of topic k gets the prior ``β_kw = β + s·tf_w`` (s = ``SEED_PRIOR``) in that topic and keeps β elsewhere,
so the collapsed Gibbs full conditional's word factor ``(n_kw + β) / (n_k + Vβ)`` becomes
``(n_kw + β_kw) / (n_k + Σ_w β_kw)`` (Griffiths & Steyvers 2004, eq. 5 with an asymmetric Dirichlet; the
"seeded LDA" of Jagarlamudi, Daumé & Udupa 2012 steers topics the same way). The prior is a pseudo-count: a seed
the data agree with pulls its words into the named topic, a seed the data contradict is outweighed by the counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from models.errors import InputError

__all__ = [
    "MAX_SEED_WORDS",
    "SEED_PRIOR",
    "SeedWords",
    "WordPrior",
    "check_seed_words",
    "format_seed_words",
    "parse_seed_words",
    "seed_topics",
    "word_prior",
]

# A seed word's extra prior in its topic, as a share of the word's count in the corpus (at least 1 pseudo-count).
# Measured on the planted corpora of tests/models/lda/test_seeded_topics.py: strong enough to pull a rare planted
# topic into the named topic, weak enough that a seed the data contradict is overridden (its tokens' documents
# decide: the document factor n_dk + α is small for the seeded topic in documents about another theme).
SEED_PRIOR = 1.0
MAX_SEED_WORDS = 1_000  # words over all seeded topics (a prior table of that many rows)
_LINE = re.compile(r"^\s*([^:]+?)\s*:\s*(.*)$")

SeedWords = tuple[tuple[str, tuple[str, ...]], ...]


def parse_seed_words(text: str) -> SeedWords:
    """Parse one seeded topic per line, ``name: word word ...`` (blank lines and ``#`` comments skipped).

    Words are separated by spaces or commas. Returns ``((name, (word, ...)), ...)`` in line order.

    Raises
    ------
    InputError
        ``bad_option`` for a line without ``name:``, a topic without words, or a name given twice.
    """
    topics: list[tuple[str, tuple[str, ...]]] = []
    for number, raw in enumerate(str(text).splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match is None:
            raise InputError(
                "bad_option", option="seed words", value=line[:80], why=f"line {number}: write name: word word ..."
            )
        name, words = match.group(1).strip(), tuple(dict.fromkeys(w for w in re.split(r"[\s,]+", match.group(2)) if w))
        if not words:
            raise InputError(
                "bad_option", option="seed words", value=line[:80], why=f"line {number}: no words after the colon"
            )
        if any(name == other for other, _ in topics):
            raise InputError(
                "bad_option", option="seed words", value=name, why=f"line {number}: this topic name is given twice"
            )
        topics.append((name, words))
    return tuple(topics)


def format_seed_words(seed_words: SeedWords) -> str:
    """The text form that :func:`parse_seed_words` reads."""
    return "\n".join(f"{name}: {' '.join(words)}" for name, words in seed_words)


def check_seed_words(seed_words: object, vocab: Sequence[str], n_topics: int, engine: str) -> None:
    """Raise :class:`InputError` (``bad_option``) unless ``seed_words`` can seed a fit of ``n_topics`` topics.

    Seeds need the Gibbs engine, at most K seeded topics, at most :data:`MAX_SEED_WORDS` words, and every word in
    the corpus's vocabulary (after preprocessing: stop words and rare words are not there).
    """
    if not seed_words:
        return
    if engine != "gibbs":
        raise InputError(
            "bad_option", option="seed words", value=engine,
            why="only the gibbs engine fits seeded topics (word priors); the variational engines do not support them",
        )  # fmt: skip
    try:
        topics = [(str(name), tuple(str(w) for w in words)) for name, words in seed_words]  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise InputError(
            "bad_option", option="seed words", value=str(seed_words)[:80], why="give (name, words) pairs"
        ) from None
    if len(topics) > n_topics:
        raise InputError(
            "bad_option", option="seed words", value=len(topics), why=f"more seeded topics than K = {n_topics}"
        )
    if sum(len(words) for _, words in topics) > MAX_SEED_WORDS:
        raise InputError(
            "bad_option",
            option="seed words",
            value=sum(len(w) for _, w in topics),
            why=f"at most {MAX_SEED_WORDS} words",
        )
    known = set(vocab)
    missing = [w for _, words in topics for w in words if w not in known]
    if missing:
        shown = ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
        raise InputError(
            "bad_option",
            option="seed words",
            value=shown,
            why="not in the corpus's vocabulary (check spelling, stop words, minimum count)",
        )


class WordPrior(NamedTuple):
    """The asymmetric topic-word prior in a compact form for the sampler.

    Attributes
    ----------
    row : ndarray of shape (n_terms,)
        int32: the row of ``table`` holding word w's prior over topics (0 for every unseeded word).
    table : ndarray of shape (1 + n_seed_words, n_topics)
        ``table[row[w], k] = β_kw``; row 0 is the symmetric β.
    total : ndarray of shape (n_topics,)
        ``Σ_w β_kw`` per topic (V·β plus the seeds' extra mass).
    """

    row: np.ndarray
    table: np.ndarray
    total: np.ndarray

    def dense(self) -> np.ndarray:
        """``β_kw`` as a (n_topics, n_terms) array."""
        return self.table[self.row].T


def word_prior(
    seed_words: SeedWords,
    vocab: Sequence[str],
    n_topics: int,
    beta: float,
    term_frequency: np.ndarray,
    share: float = SEED_PRIOR,
) -> WordPrior:
    """Build the prior ``β_kw``: β everywhere, plus ``share × tf_w`` (at least 1) for seed word w in seeded topic k
    (topic k is the k-th line of ``seed_words``; ``tf_w`` the word's count in the corpus)."""
    index = {w: j for j, w in enumerate(vocab)}
    row = np.zeros(len(vocab), dtype=np.int32)
    rows: list[np.ndarray] = [np.full(n_topics, beta)]
    for k, (_, words) in enumerate(seed_words):
        for word in words:
            j = index[word]
            if row[j] == 0:
                row[j] = len(rows)
                rows.append(np.full(n_topics, beta))
            rows[row[j]][k] += max(1.0, share * float(term_frequency[j]))
    table = np.ascontiguousarray(np.array(rows, dtype=np.float64))
    total = len(vocab) * beta + (table[1:] - beta).sum(axis=0)
    return WordPrior(row=row, table=table, total=np.asarray(total, dtype=np.float64))


def seed_topics(seed_words: SeedWords, vocab: Sequence[str], rng: np.random.Generator) -> np.ndarray:
    """Each term's seeded topic for the sampler's initial state: -1 for unseeded words; a word seeded in several
    topics gets one of them at random (``rng``)."""
    index = {w: j for j, w in enumerate(vocab)}
    topics: dict[int, list[int]] = {}
    for k, (_, words) in enumerate(seed_words):
        for word in words:
            topics.setdefault(index[word], []).append(k)
    out = np.full(len(vocab), -1, dtype=np.int32)
    for j, ks in topics.items():
        out[j] = ks[0] if len(ks) == 1 else ks[int(rng.integers(len(ks)))]
    return out
