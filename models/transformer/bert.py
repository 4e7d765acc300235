"""A tiny BERT trained here on the corpus with the masked-LM objective, and what a trained one can show.

This is a toy trained on the user's corpus in about a minute, not BERT's weights. Training runs in JAX
(:mod:`models.transformer.mlm_training`, imported lazily); the trained weights are NumPy arrays, and prediction and
attention maps run in NumPy (:mod:`models.transformer.encoder`), so the page never imports JAX.

Defaults (:class:`~models.transformer.bert_options.BertOptions`: 1 layer, 4 heads, d_model 64, FFN 256, sequences
of 27 positions, batches of 64 pairs, 2,400 AdamW steps at a peak rate of 5e-3), measured with ``python
benchmarks/bench_bert.py`` (``--grid`` for the variants) on 2 cores shared with other engineers' work, seed 0, the
JAX import and compilation included; held-out accuracy against the unigram baseline (always "mr": 0.62% of the
2,913 held-out targets of ``lee-news``):

==============================  ========  =======  ===========  ====================
``lee-news`` (26,865 tokens)    accuracy  seconds  steps/s      load average (2 cores)
==============================  ========  =======  ===========  ====================
**1 layer, 2,400 steps**        7.1%      137-149  17.6-19.3    5-13 (under the lock)
1 layer, 2,400 steps, seed 1    8.9%      112      ~22          6-9
1 layer, 1,200 steps            2.6%      26       51           3-4
2 layers, 1,200 steps           3.0%      62-69    19-21        2-6 (under the lock)
2 layers, 600 steps             1.1%      29       22           3-4
2 layers, 1,500 steps           4.2%      82       19           3-4
2 layers, peak rate 3e-3        2.9%      74       16           3-4
2 layers, d_model 32            1.8%      22       65           3-4
2 layers, max_vocab 2,000       4.6%      54       25           3-4 (baseline 0.82%)
==============================  ========  =======  ===========  ====================

In the same ``--grid`` run one layer trained 51 steps/s and two 19, and on this corpus more steps help more than a
second layer: at 51 steps/s the default takes about 50 s, but with the machine this busy (load 5-13, two runs under
the lock) it took 137-149 s: the page should pass a ``time_budget``. With 2 layers, a peak rate of 1e-2 or batches
of 32 at 5e-3 collapsed to the baseline (the same word everywhere). Masking "south" in "new south wales fire" gives
south 0.88; "minister" in "prime minister john howard" gives minister 0.91. ``ko-market`` (2,315 morphemes, 160
training pairs, 120 held-out targets): 28% against 5.8% ("가격"), 154 s at load 8.6-13 (the same shapes as Lee's,
so the same time per step); the training loss falls to 0.15: it memorises its 160 pairs. The Lee chunks are
stop-word-free content words: only 11% of a pair's tokens occur elsewhere in the pair (15% in IsNext pairs); on the
grammar of :func:`models.synthetic.grammar` the model reaches the best possible accuracy
(tests/models/transformer/test_tiny_bert.py).
"""

from __future__ import annotations

import logging
import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.options import Progress
from models.transformer.bert_options import BertOptions, validate_bert_options
from models.transformer.encoder import BertConfig, encode, init_params, masked_lm_logits
from models.transformer.masking import (
    CLS,
    MASK,
    MIN_SENTENCE,
    SEP,
    SPECIALS,
    UNK_ID,
    corpus_sentences,
    make_pairs,
)
from models.transformer.mlm_training import batch_arrays, pair_arrays, train_masked_lm

__all__ = [
    "AttentionMaps",
    "BertOptions",
    "TinyBert",
    "attention_maps",
    "build_vocab",
    "held_out_split",
    "predict_masked",
    "train_tiny_bert",
]

logger = logging.getLogger(__name__)

EVAL_DRAWS = 5  # the held-out pairs are masked this many times (different seeded draws) for the accuracy
EVAL_BATCH = 256
MIN_DOCS_FOR_DOC_SPLIT = 10


@dataclass(frozen=True, eq=False)
class TinyBert:
    """A trained tiny BERT: NumPy weights only (picklable; sent from the worker process to the page).

    Attributes
    ----------
    params : dict of str to ndarray
        float32 weights, named as in :func:`models.transformer.encoder.init_params`.
    vocab : tuple of str
        Token of each id: the special tokens ``[PAD] [UNK] [CLS] [SEP] [MASK]`` then the words, most frequent first.
    config : BertConfig
    options : BertOptions
    loss_steps : ndarray of shape (n_logged,)
        Step of each recorded loss.
    loss : ndarray of shape (n_logged,)
        Mean masked-LM cross-entropy (nats) over the steps since the previous record.
    accuracy : float
        Held-out masked-token accuracy: the share of selected tokens of held-out pairs (all replaced by [MASK])
        whose most likely word is the original.
    baseline_accuracy : float
        The same share for the unigram baseline, which always answers the most frequent training word.
    baseline_word : str
    n_held_out : int
        Held-out targets scored (over ``EVAL_DRAWS`` mask draws).
    steps_done : int
    stopped_early : bool
        The time budget ended training before ``options.steps``.
    seconds : float
        Wall time of the whole fit (pairs, JIT compilation, training, evaluation).
    """

    params: dict[str, np.ndarray]
    vocab: tuple[str, ...]
    config: BertConfig
    options: BertOptions
    loss_steps: np.ndarray
    loss: np.ndarray
    accuracy: float
    baseline_accuracy: float
    baseline_word: str
    n_held_out: int
    steps_done: int
    stopped_early: bool
    seconds: float

    def __post_init__(self) -> None:
        if len(self.vocab) != self.config.n_vocab or self.params["token"].shape != (
            self.config.n_vocab,
            self.config.dim,
        ):
            raise ValueError(f"inconsistent TinyBert: {len(self.vocab)} tokens, config {self.config}")

    @property
    def index(self) -> dict[str, int]:
        """Token → id."""
        return {t: j for j, t in enumerate(self.vocab)}


def build_vocab(sentences: Sequence[Sequence[tuple[str, ...]]], max_vocab: int) -> tuple[str, ...]:
    """The special tokens, then the ``max_vocab`` most frequent words of ``sentences`` (ties: first appearance)."""
    counts = Counter(t for doc in sentences for s in doc for t in s if t not in SPECIALS)
    return SPECIALS + tuple(w for w, _ in counts.most_common(max_vocab))


def held_out_split(
    sentences: Sequence[Sequence[tuple[str, ...]]], share: float, seed: int
) -> tuple[list[list[tuple[str, ...]]], list[list[tuple[str, ...]]]]:
    """Training and held-out documents (as sentence lists).

    With 10 documents or more, ``ceil(share · n)`` documents drawn with the seed are held out (only documents with
    two sentences or more, which give pairs). With fewer, each document's last ``ceil(share · len)`` sentences (at
    least two, when it has four or more) are held out as a document of their own.
    """
    docs = [list(d) for d in sentences if d]
    pairable = [i for i, d in enumerate(docs) if len(d) >= 2]
    if len(docs) >= MIN_DOCS_FOR_DOC_SPLIT and len(pairable) >= 2:
        rng = np.random.default_rng([seed, 1])
        n_held = min(max(1, math.ceil(share * len(docs))), len(pairable) - 1)
        held = set(rng.choice(pairable, size=n_held, replace=False).tolist())
        return [d for i, d in enumerate(docs) if i not in held], [d for i, d in enumerate(docs) if i in held]
    train, held_docs = [], []
    for d in docs:
        n_held = max(2, math.ceil(share * len(d))) if len(d) >= 4 else 0
        train.append(d[: len(d) - n_held])
        if n_held:
            held_docs.append(d[len(d) - n_held :])
    return [d for d in train if d], held_docs


def train_tiny_bert(corpus: Corpus, options: BertOptions | None = None, progress: Progress | None = None) -> TinyBert:
    """Train a tiny BERT on the corpus's sentence pairs with the masked-LM objective (Devlin et al. 2018).

    Sentences are the documents' sentence-like chunks (:func:`models.transformer.masking.corpus_sentences`);
    held-out documents (:func:`held_out_split`) give the accuracy and are never trained on; the vocabulary comes from
    the training documents only. The same corpus, options and seed give the same weights and loss curve.

    Parameters
    ----------
    corpus : Corpus
    options : BertOptions, optional
        The defaults when None.
    progress : callable, optional
        ``progress(step, steps, loss)`` every ``options.log_every`` steps; it may raise
        :class:`~models.lda.options.FitCancelled`, which propagates.

    Returns
    -------
    TinyBert

    Raises
    ------
    InputError
        Options out of range, or a corpus without a document of two sentences (``bert_too_few_sentences``).
    """
    options = options or BertOptions()
    validate_bert_options(options)
    started = time.perf_counter()
    sentences = corpus_sentences(corpus, options.sentence_length)
    train, held = held_out_split(sentences, options.held_out, options.seed)
    if not any(len(d) >= 2 for d in train) or not any(len(d) >= 2 for d in held):
        raise InputError("bert_too_few_sentences", min_tokens=2 * MIN_SENTENCE)
    vocab = build_vocab(train, options.max_vocab)
    index = {t: j for j, t in enumerate(vocab)}
    config = BertConfig(
        n_vocab=len(vocab),
        max_len=options.max_len,
        dim=options.dim,
        n_layers=options.n_layers,
        n_heads=options.n_heads,
        ffn_dim=4 * options.dim,
    )
    rng = np.random.default_rng([options.seed, 0])
    params = init_params(config, seed=options.seed)
    training = train_masked_lm(params, config, train, index, options, rng, progress, started)
    accuracy, baseline, word, n_targets = _held_out_accuracy(training.params, config, vocab, train, held, options.seed)
    seconds = time.perf_counter() - started
    logger.info(
        "tiny BERT: %d steps in %.1f s, held-out accuracy %.3f (baseline %.3f)",
        training.steps_done,
        seconds,
        accuracy,
        baseline,
    )
    return TinyBert(
        params=training.params,
        vocab=vocab,
        config=config,
        options=options,
        loss_steps=training.loss_steps,
        loss=training.loss,
        accuracy=accuracy,
        baseline_accuracy=baseline,
        baseline_word=word,
        n_held_out=n_targets,
        steps_done=training.steps_done,
        stopped_early=training.stopped_early,
        seconds=seconds,
    )


def _held_out_accuracy(
    params: dict[str, np.ndarray],
    config: BertConfig,
    vocab: tuple[str, ...],
    train: Sequence[Sequence[tuple[str, ...]]],
    held: Sequence[Sequence[tuple[str, ...]]],
    seed: int,
) -> tuple[float, float, str, int]:
    """Masked-token accuracy of the model and of the unigram baseline on ``EVAL_DRAWS`` maskings of held-out pairs."""
    index = {t: j for j, t in enumerate(vocab)}
    rng = np.random.default_rng([seed, 2])
    arrays = pair_arrays(make_pairs(held, rng=rng), index, config.max_len)
    counts = Counter(t for doc in train for s in doc for t in s)
    baseline_word = counts.most_common(1)[0][0]
    baseline_id = index[baseline_word]
    hits = baseline_hits = total = 0
    for _ in range(EVAL_DRAWS):
        batch = batch_arrays(arrays, config.n_vocab, rng, all_masked=True)
        for a in range(0, len(batch["ids"]), EVAL_BATCH):
            part = {k: v[a : a + EVAL_BATCH] for k, v in batch.items()}
            predicted = _best_words(params, config, part)
            real = part["weights"] > 0
            hits += int(((predicted == part["targets"]) & real).sum())
            baseline_hits += int(((part["targets"] == baseline_id) & real).sum())
            total += int(real.sum())
    total_or_1 = max(total, 1)
    return hits / total_or_1, baseline_hits / total_or_1, baseline_word, total


def _best_words(params: dict[str, np.ndarray], config: BertConfig, batch: dict[str, np.ndarray]) -> np.ndarray:
    """The most likely word (never a special token) at each of the batch's positions, shape (B, P)."""
    hidden, _ = encode(params, batch["ids"], batch["segments"], batch["pad"], config)
    picked = np.take_along_axis(hidden, batch["positions"][:, :, None], axis=1)
    logits = masked_lm_logits(params, picked)
    logits[..., : len(SPECIALS)] = -np.inf
    return logits.argmax(axis=-1)


def _sentence_input(model: TinyBert, tokens: Sequence[str]) -> tuple[tuple[str, ...], np.ndarray]:
    """``[CLS] tokens [SEP]`` as the model reads it (unknown words as [UNK]) and its ids, shape (1, T)."""
    limit = model.config.max_len - 2
    if not tokens:
        raise InputError("bert_empty_sentence")
    if len(tokens) > limit:
        raise InputError("bert_sentence_too_long", n=len(tokens), limit=limit)
    index = model.index
    ids = [index[CLS], *(index.get(t, UNK_ID) for t in tokens), index[SEP]]
    return tuple(model.vocab[j] for j in ids), np.array([ids], dtype=np.int64)


def predict_masked(model: TinyBert, tokens: Sequence[str], position: int, n: int = 10) -> list[tuple[str, float]]:
    """The model's top words for ``tokens[position]`` once it is replaced by [MASK].

    Parameters
    ----------
    model : TinyBert
    tokens : sequence of str
        A sentence (no special tokens), at most ``max_len − 2`` tokens; words outside the vocabulary read as [UNK].
    position : int
        Index into ``tokens`` of the word to hide.
    n : int
        How many words.

    Returns
    -------
    list of (str, float)
        Words with their probability under the model's softmax over the whole vocabulary, most likely first
        (special tokens are left out of the list, not out of the softmax).
    """
    if not 0 <= position < len(tokens):
        raise InputError("bert_position_out_of_range", position=position, n=len(tokens))
    _, ids = _sentence_input(model, tokens)
    ids[0, position + 1] = model.index[MASK]
    zeros = np.zeros_like(ids)
    hidden, _ = encode(model.params, ids, zeros, zeros.astype(bool), model.config)
    logits = masked_lm_logits(model.params, hidden[0, position + 1]).astype(np.float64)
    probs = np.exp(logits - logits.max())
    probs /= probs.sum()
    order = [j for j in np.argsort(-probs, kind="stable") if j >= len(SPECIALS)][:n]
    return [(model.vocab[j], float(probs[j])) for j in order]


@dataclass(frozen=True)
class AttentionMaps:
    """A trained model's attention on one sentence.

    Attributes
    ----------
    tokens : tuple of str
        ``[CLS] ... [SEP]`` as the model read it (words outside its vocabulary as [UNK]); T tokens.
    weights : ndarray of shape (n_layers, n_heads, T, T)
        softmax(QKᵀ/√d_k) of each layer and head: row i (query i) sums to 1 over the keys.
    """

    tokens: tuple[str, ...]
    weights: np.ndarray


def attention_maps(model: TinyBert, tokens: Sequence[str]) -> AttentionMaps:
    """Every layer's and head's attention weights for ``[CLS] tokens [SEP]`` (a sentence, segment 0)."""
    shown, ids = _sentence_input(model, tokens)
    zeros = np.zeros_like(ids)
    _, maps = encode(model.params, ids, zeros, zeros.astype(bool), model.config)
    return AttentionMaps(shown, np.stack([m[0] for m in maps]).astype(np.float64))
