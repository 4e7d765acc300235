"""Options of a Word2vec fit on the user's corpus, and their checks against a corpus."""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Integral

import numpy as np

from models.corpus.corpus import Corpus
from models.errors import InputError

__all__ = [
    "MAX_DIM",
    "MAX_EPOCHS",
    "MAX_NEGATIVE",
    "MAX_WINDOW",
    "SEED_MAX",
    "Word2VecOptions",
    "validate_word2vec_options",
]

# Largest vector size: 300 is the usual ceiling (Mikolov et al. 2013 used up to 1,000 on 6 billion words); a user's
# corpus of a few thousand documents cannot fill more, and V × dim float32 is held three times (input, output, the
# normalised copy for neighbours).
MAX_DIM = 1_000
# Widest context window on each side; the lecture's windows are 1-2, Word2vec's tool used 5-10.
MAX_WINDOW = 50
# Negative samples per pair: Mikolov et al. (2013) recommend 5-20 for small data, 2-5 for large.
MAX_NEGATIVE = 50
# Passes over the corpus: 1,000 passes of the 27,000-token Lee sample take about a minute.
MAX_EPOCHS = 1_000
# gensim seeds NumPy's legacy RandomState with it (0 to 2**32 - 1).
SEED_MAX = 2**32 - 1
# Fewest words a model needs: neighbours and analogies compare a word with others.
MIN_VOCABULARY = 2


@dataclass(frozen=True)
class Word2VecOptions:
    """Hyperparameters of a Word2vec fit (Mikolov et al. 2013, gensim ``Word2Vec``), always with negative sampling.

    Attributes
    ----------
    sg : {0, 1}
        1: skip-gram (predict each context word from the centre word); 0: CBOW (predict the centre word from the
        mean of its context words).
    dim : int
        Vector size N.
    window : int
        Largest distance m between the centre and a context word (gensim draws the actual width from 1 to m for
        each centre word, which weights near words more).
    negative : int
        Negative samples k per positive pair, drawn from the unigram distribution raised to the 3/4 power.
    min_count : int
        Words seen fewer times are left out of the vocabulary (and out of every context window).
    epochs : int
        Passes over the corpus; the learning rate falls linearly from 0.025 to 0.0001 across all of them.
    seed : int
        Random seed: the same seed gives the same vectors (training runs on one worker thread for that).

    Notes
    -----
    The defaults were chosen by measuring on the built-in samples (``python benchmarks/bench_word2vec.py
    --choose-defaults``, seeds 0-2, mean): neighbour quality as the Spearman correlation ρ between cosine and the
    WordSim-353 ratings of the ~120 pairs whose words are in the ``lee-news`` model (27,000 tokens), and the share
    of a category word's 10 nearest neighbours from the same listing category in ``ko-market`` (2,300 tokens; 63
    category words: seen 5+ times, 80% of them in one category):

    ================================  ===============================  ===============================
    options (others at the default)   lee ρ                            ko share
    ================================  ===============================  ===============================
    skip-gram, 5 / 20 / 50 / 100 ep   −0.16 / 0.21 / **0.235** / 0.23  0.06 / 0.29 / **0.37** / 0.30
    CBOW, 5 / 20 / 50 / 100 epochs    0.03 / 0.09 / 0.19 / 0.22        0.06 / 0.10 / 0.37 / 0.43
    window 2 / 10                     0.18 / 0.17                      0.31 / 0.31
    dim 50 / 200                      0.22 / 0.23                      0.33 / 0.43
    negative 10 / 15                  0.24 / 0.24                      0.29 / 0.28
    min_count 1 / 5                   0.235 / 0.21                     (the vocabulary differs)
    ================================  ===============================  ===============================

    Skip-gram beat CBOW on these small corpora at every epoch count on ``lee-news`` and reached its best in half
    the epochs (CBOW needed 100 to match it, and then did better on ``ko-market`` only); more than 50 epochs did
    not help skip-gram. gensim's own defaults (CBOW, 5 epochs) gave neighbours no better than chance. A window of 5
    and 5 negatives did as well as or better than the alternatives; dimension 200 helped ``ko-market`` (0.43) but
    not ``lee-news``, at twice the memory and time, so 100 stays; ``min_count = 2`` drops words seen once (their
    vectors barely leave their random start) at no loss in ρ.

    :func:`validate_word2vec_options` checks the options against a corpus before any fit.
    """

    sg: int = 1
    dim: int = 100
    window: int = 5
    negative: int = 5
    min_count: int = 2
    epochs: int = 50
    seed: int = 0


def validate_word2vec_options(corpus: Corpus, options: Word2VecOptions) -> None:
    """Raise :class:`InputError` for the first problem a user could fix in ``options`` for this ``corpus``.

    ``sg`` is 0 or 1; ``dim`` from 1 to :data:`MAX_DIM`, ``window`` from 1 to :data:`MAX_WINDOW`, ``negative`` from
    1 to :data:`MAX_NEGATIVE` (negative sampling is always on: the loss curve and "fill in the blank" need it),
    ``epochs`` from 1 to :data:`MAX_EPOCHS`, ``seed`` from 0 to :data:`SEED_MAX`, all whole numbers; ``min_count`` a
    whole number from 1 that leaves at least two words in the vocabulary.

    Raises
    ------
    InputError
        ``w2v_too_few_words`` for a corpus with fewer than two different words, ``w2v_min_count_too_high`` when
        ``min_count`` leaves fewer than two, ``bad_option`` (option, value, the allowed range) otherwise.
    """
    highest = highest_min_count(corpus)
    if highest == 0:
        raise InputError("w2v_too_few_words", words=MIN_VOCABULARY)
    if options.sg not in (0, 1) or isinstance(options.sg, bool) or not _is_count(options.sg):
        raise InputError("bad_option", option="sg", value=options.sg, why="0 (CBOW) or 1 (skip-gram)")
    for name, lo, hi in (
        ("dim", 1, MAX_DIM),
        ("window", 1, MAX_WINDOW),
        ("negative", 1, MAX_NEGATIVE),
        ("epochs", 1, MAX_EPOCHS),
        ("seed", 0, SEED_MAX),
    ):
        value = getattr(options, name)
        if not _is_count(value) or not lo <= value <= hi:
            raise InputError("bad_option", option=name, value=value, why=f"a whole number from {lo} to {hi:,}")
    min_count = options.min_count
    if not _is_count(min_count) or min_count < 1:
        raise InputError("bad_option", option="min_count", value=min_count, why="a whole number from 1")
    if min_count > highest:
        raise InputError("w2v_min_count_too_high", value=min_count, highest=highest, words=MIN_VOCABULARY)


def highest_min_count(corpus: Corpus) -> int:
    """The largest ``min_count`` that keeps at least two words (0 when the corpus has fewer than two words)."""
    counts = np.sort(np.bincount(corpus.token_ids, minlength=corpus.vocab_size))[::-1]
    return int(counts[MIN_VOCABULARY - 1]) if len(counts) >= MIN_VOCABULARY else 0


def _is_count(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)
