"""BERT's inputs (Devlin et al. 2018): sentence pairs ``[CLS] A [SEP] B [SEP]`` and the masked-LM 80/10/10 rule.

The corpus keeps each document's tokens (content words; Korean morphemes) but not its sentence boundaries, so a
document is cut into *sentence-like chunks*: ``k = ceil(n / length)`` pieces of nearly equal size (sizes differ by
at most one), and at least two when the document has ``2 * MIN_SENTENCE`` tokens or more, so that it can give a
true next sentence. With ``length = 12`` (about the content words of a 20-25 word news sentence once stop words
are gone) a 73-token Lee article becomes 7 chunks of 10-11 tokens and a 12-token Korean listing two of 6.

Pairs: every chunk that has a successor in its document is a sentence A; B is that successor with probability 1/2
(IsNext) and otherwise a chunk drawn uniformly from the other documents (NotNext), as in BERT's
``create_pretraining_data.py``. Masking: of the non-special tokens of a sequence, ``0.15 · n`` are selected
(rounded up or down at random so that the expected share is exactly 15%: on sequences of 10-30 tokens BERT's
``round`` alone would move the share by a point or more), uniformly without replacement; each selected token
becomes ``[MASK]`` with probability 0.8, a word drawn uniformly from the vocabulary with probability 0.1, and stays
as it is with probability 0.1. Every draw comes from one seeded ``numpy.random.Generator``.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.corpus.corpus import Corpus
from models.errors import InputError

__all__ = [
    "CLS",
    "FATES",
    "MASK",
    "PAD",
    "SEP",
    "SPECIALS",
    "UNK",
    "MaskedPair",
    "MaskingShares",
    "SentencePair",
    "corpus_sentences",
    "make_pairs",
    "mask_corpus",
    "mask_ids",
    "mask_pair",
    "mask_pairs",
    "masking_shares",
    "split_sentences",
]

PAD, UNK, CLS, SEP, MASK = "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"
# The model's vocabulary starts with these, in this order (ids 0-4); words follow from id len(SPECIALS).
SPECIALS: tuple[str, ...] = (PAD, UNK, CLS, SEP, MASK)
PAD_ID, UNK_ID, CLS_ID, SEP_ID, MASK_ID = range(len(SPECIALS))

# Devlin et al. (2018), 3.1 Task #1: 15% of the tokens are selected; of those 80% → [MASK], 10% → random, 10% kept.
SELECT_SHARE = 0.15
MASK_SHARE = 0.8
RANDOM_SHARE = 0.1
IS_NEXT_SHARE = 0.5

# A token's fate, in MaskedPair.fate: not selected, or selected and then masked / replaced / kept.
FATES: tuple[str, ...] = ("special", "unselected", "masked", "random", "kept")
SPECIAL, UNSELECTED, MASKED, RANDOM, KEPT = range(len(FATES))

SENTENCE_LENGTH = 12
MIN_SENTENCE = 4


def split_sentences(tokens: Sequence[str], length: int = SENTENCE_LENGTH) -> list[tuple[str, ...]]:
    """Cut one document's tokens into sentence-like chunks of at most ``length`` tokens (sizes differ by ≤ 1).

    ``ceil(n / length)`` chunks, and at least two once the document has ``2 * MIN_SENTENCE`` tokens (so that it
    holds a true next sentence). An empty document gives no chunk.
    """
    n = len(tokens)
    if n == 0:
        return []
    k = max(math.ceil(n / length), 2 if n >= 2 * MIN_SENTENCE else 1)
    bounds = [round(i * n / k) for i in range(k + 1)]
    return [tuple(tokens[a:b]) for a, b in itertools.pairwise(bounds)]


def corpus_sentences(corpus: Corpus, length: int = SENTENCE_LENGTH) -> list[list[tuple[str, ...]]]:
    """Each document of the corpus as its sentence-like chunks (:func:`split_sentences`), in corpus order."""
    return [split_sentences(doc, length) for doc in corpus.doc_tokens]


@dataclass(frozen=True)
class SentencePair:
    """One BERT input: ``[CLS] A [SEP] B [SEP]``.

    Attributes
    ----------
    tokens : tuple of str
        The sequence, special tokens included (length T).
    segment_ids : ndarray of shape (T,)
        0 for [CLS], A and the first [SEP]; 1 for B and the last [SEP].
    position_ids : ndarray of shape (T,)
        0, 1, ..., T - 1.
    is_next : bool
        B is the sentence that follows A in its document (IsNext), else a random one (NotNext).
    doc_a, doc_b : int
        The documents (corpus order) that A and B come from.
    """

    tokens: tuple[str, ...]
    segment_ids: np.ndarray
    position_ids: np.ndarray
    is_next: bool
    doc_a: int
    doc_b: int


def pair_tokens(a: Sequence[str], b: Sequence[str]) -> tuple[tuple[str, ...], np.ndarray]:
    """``[CLS] a [SEP] b [SEP]`` and its segment ids (ndarray of shape (len(a) + len(b) + 3,))."""
    tokens = (CLS, *a, SEP, *b, SEP)
    segments = np.zeros(len(tokens), dtype=np.int32)
    segments[len(a) + 2 :] = 1
    return tokens, segments


def make_pairs(
    sentences: Sequence[Sequence[tuple[str, ...]]], seed: int = 0, rng: np.random.Generator | None = None
) -> list[SentencePair]:
    """BERT's next-sentence pairs: each chunk with a successor is an A; B is its successor half of the time.

    Parameters
    ----------
    sentences : sequence of sequences of tuple of str
        Per document, its sentences in order (:func:`corpus_sentences`).
    seed : int
        Seeds the draws when ``rng`` is None.
    rng : numpy.random.Generator, optional
        Draw from this generator instead (the trainer draws fresh pairs every epoch from one generator).

    Returns
    -------
    list of SentencePair
        In document order, then sentence order. NotNext B comes uniformly from the chunks of the other documents
        (of the same document, except A and its successor, when there is no other document).

    Raises
    ------
    InputError
        ``bert_too_few_sentences`` when no document has two sentences.
    """
    rng = rng if rng is not None else np.random.default_rng(seed)
    flat = [(d, s) for d, doc in enumerate(sentences) for s in doc]
    starts = np.cumsum([0] + [len(doc) for doc in sentences])
    pairs = []
    for d, doc in enumerate(sentences):
        for i in range(len(doc) - 1):
            is_next = bool(rng.random() < IS_NEXT_SHARE)
            b_doc, b = (d, doc[i + 1]) if is_next else _random_sentence(flat, starts, d, i, rng)
            tokens, segments = pair_tokens(doc[i], b)
            positions = np.arange(len(tokens), dtype=np.int32)
            pairs.append(SentencePair(tokens, segments, positions, is_next, d, b_doc))
    if not pairs:
        raise InputError("bert_too_few_sentences", min_tokens=2 * MIN_SENTENCE)
    return pairs


def _random_sentence(
    flat: list[tuple[int, tuple[str, ...]]], starts: np.ndarray, d: int, i: int, rng: np.random.Generator
) -> tuple[int, tuple[str, ...]]:
    """A uniform draw among the chunks of documents other than ``d`` (or of ``d`` except chunks i and i + 1)."""
    own_start, own_end = int(starts[d]), int(starts[d + 1])
    n_other = len(flat) - (own_end - own_start)
    if n_other > 0:
        j = int(rng.integers(n_other))
        j = j if j < own_start else j + (own_end - own_start)
    else:  # one document: any chunk but A and its successor
        j = int(rng.integers(len(flat) - 2))
        j = j if j < own_start + i else j + 2
    return flat[j]


def mask_ids(
    ids: np.ndarray, maskable: np.ndarray, first_word: int, n_vocab: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Apply the masked-LM rule to a batch of token-id rows at once.

    Parameters
    ----------
    ids : ndarray of shape (n_rows, T)
        Token ids.
    maskable : ndarray of shape (n_rows, T)
        bool: the positions that may be selected (not [CLS], [SEP], [PAD]; the trainer also leaves out [UNK]).
    first_word, n_vocab : int
        Random replacements are drawn uniformly from ids ``first_word`` to ``n_vocab - 1`` (the words: no
        special token).
    rng : numpy.random.Generator

    Returns
    -------
    inputs : ndarray of shape (n_rows, T)
        ``ids`` with the selected tokens masked, replaced or kept.
    fate : ndarray of shape (n_rows, T)
        int8 index into :data:`FATES` (``UNSELECTED`` where not maskable as well: the caller marks specials).
    """
    n_rows, width = ids.shape
    m = maskable.sum(axis=1)
    # Devlin et al. (2018): select 15% of the tokens; here floor(0.15·m + u), u ~ U(0, 1), so E[count] = 0.15·m.
    count = np.floor(SELECT_SHARE * m + rng.random(n_rows)).astype(np.int64)
    keys = np.where(maskable, rng.random((n_rows, width)), np.inf)
    rank = np.argsort(np.argsort(keys, axis=1, kind="stable"), axis=1, kind="stable")
    selected = rank < count[:, None]
    u = rng.random((n_rows, width))
    random_words = rng.integers(first_word, n_vocab, size=(n_rows, width))
    fate = np.full((n_rows, width), UNSELECTED, dtype=np.int8)
    fate[selected & (u < MASK_SHARE)] = MASKED
    fate[selected & (u >= MASK_SHARE) & (u < MASK_SHARE + RANDOM_SHARE)] = RANDOM
    fate[selected & (u >= MASK_SHARE + RANDOM_SHARE)] = KEPT
    inputs = np.where(fate == MASKED, MASK_ID, np.where(fate == RANDOM, random_words, ids))
    return inputs.astype(ids.dtype), fate


@dataclass(frozen=True)
class MaskedPair:
    """A sentence pair after the masked-LM rule, with each token's fate (for the page to show).

    Attributes
    ----------
    pair : SentencePair
        The pair before masking (``pair.tokens`` are the originals: the targets of the selected positions).
    tokens : tuple of str
        What the model reads: selected tokens masked, replaced or kept.
    fate : tuple of str
        Per position, one of :data:`FATES`.
    """

    pair: SentencePair
    tokens: tuple[str, ...]
    fate: tuple[str, ...]


def mask_pairs(
    pairs: Sequence[SentencePair], vocab: Sequence[str], seed: int = 0, rng: np.random.Generator | None = None
) -> list[MaskedPair]:
    """The masked-LM rule applied to every pair in one seeded draw (:func:`mask_ids`).

    Parameters
    ----------
    pairs : sequence of SentencePair
    vocab : sequence of str
        The words random replacements are drawn from, uniformly (e.g. ``corpus.vocab``; special tokens in it are
        never drawn).
    seed : int
        Seeds the draw when ``rng`` is None.
    rng : numpy.random.Generator, optional

    Returns
    -------
    list of MaskedPair
        One per pair, in order.
    """
    rng = rng if rng is not None else np.random.default_rng(seed)
    words = [w for w in dict.fromkeys(vocab) if w not in SPECIALS]
    if not words:
        raise InputError("bert_too_few_sentences", min_tokens=2 * MIN_SENTENCE)
    if not pairs:
        return []
    table = list(SPECIALS) + words
    index = {w: j for j, w in enumerate(table)}
    width = max(len(p.tokens) for p in pairs)
    ids = np.full((len(pairs), width), PAD_ID, dtype=np.int64)
    special = np.ones((len(pairs), width), dtype=bool)
    for r, p in enumerate(pairs):
        ids[r, : len(p.tokens)] = [index.get(t, UNK_ID) for t in p.tokens]
        special[r, : len(p.tokens)] = [t in (CLS, SEP, PAD) for t in p.tokens]
    inputs, fate = mask_ids(ids, ~special, len(SPECIALS), len(table), rng)
    masked = []
    for r, p in enumerate(pairs):
        n = len(p.tokens)
        row_fate, row_inputs, row_special = fate[r, :n].tolist(), inputs[r, :n].tolist(), special[r, :n].tolist()
        shown = tuple(
            t if f in (UNSELECTED, KEPT) else table[j] for t, f, j in zip(p.tokens, row_fate, row_inputs, strict=True)
        )
        fates = tuple(FATES[SPECIAL] if s else FATES[f] for s, f in zip(row_special, row_fate, strict=True))
        masked.append(MaskedPair(p, shown, fates))
    return masked


def mask_corpus(corpus: Corpus, seed: int = 0, sentence_length: int = SENTENCE_LENGTH) -> list[MaskedPair]:
    """Every pair of the corpus (:func:`make_pairs` of :func:`corpus_sentences`), masked (:func:`mask_pairs`).

    One generator seeded with ``seed`` draws the pairs, then the masks: ``masking_shares(mask_corpus(corpus))``
    gives the shares over the whole corpus, and the first pairs make examples from the same draw.
    """
    rng = np.random.default_rng(seed)
    pairs = make_pairs(corpus_sentences(corpus, sentence_length), rng=rng)
    return mask_pairs(pairs, corpus.vocab, rng=rng)


def mask_pair(
    pair: SentencePair, vocab: Sequence[str], seed: int = 0, rng: np.random.Generator | None = None
) -> MaskedPair:
    """The masked-LM rule applied to one pair (:func:`mask_pairs`)."""
    return mask_pairs([pair], vocab, seed, rng)[0]


@dataclass(frozen=True)
class MaskingShares:
    """The masked-LM rule measured over masked pairs (e.g. every pair of a corpus).

    Attributes
    ----------
    n_tokens : int
        Non-special tokens in all pairs.
    n_selected : int
    selected_share : float
        ``n_selected / n_tokens`` (expected 0.15).
    masked, random, kept : float
        Shares among the selected (expected 0.8, 0.1, 0.1).
    n_pairs : int
    is_next_share : float
        Share of IsNext pairs (expected 0.5).
    """

    n_tokens: int
    n_selected: int
    selected_share: float
    masked: float
    random: float
    kept: float
    n_pairs: int
    is_next_share: float


def masking_shares(masked: Sequence[MaskedPair]) -> MaskingShares:
    """Count the fates of masked pairs (:func:`mask_pairs`) next to the rule's 15% and 80/10/10."""
    counts = Counter(f for m in masked for f in m.fate)
    n_tokens = sum(counts[f] for f in FATES if f != FATES[SPECIAL])
    n_selected = counts[FATES[MASKED]] + counts[FATES[RANDOM]] + counts[FATES[KEPT]]
    per = max(n_selected, 1)
    return MaskingShares(
        n_tokens=n_tokens,
        n_selected=n_selected,
        selected_share=n_selected / max(n_tokens, 1),
        masked=counts[FATES[MASKED]] / per,
        random=counts[FATES[RANDOM]] / per,
        kept=counts[FATES[KEPT]] / per,
        n_pairs=len(masked),
        is_next_share=sum(m.pair.is_next for m in masked) / max(len(masked), 1),
    )
