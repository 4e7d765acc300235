"""Options of the tiny BERT trained on the user's corpus, and their checks."""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Integral, Real

from models.errors import InputError

__all__ = ["MAX_DIM", "MAX_HEADS", "MAX_LAYERS", "MAX_STEPS", "SEED_MAX", "BertOptions", "validate_bert_options"]

# Ceilings on what a user may ask for (the defaults take about a minute on the Lee sample on 2 cores).
MAX_LAYERS = 6
MAX_HEADS = 16
MAX_DIM = 512
MAX_STEPS = 100_000
MAX_BATCH = 1_024
MAX_VOCAB = 50_000
MIN_VOCAB = 10
MAX_SENTENCE = 126  # two sentences and three special tokens: 255 positions at most
SEED_MAX = 2**32 - 1


@dataclass(frozen=True)
class BertOptions:
    """Hyperparameters of a tiny BERT trained with the masked-LM objective (Devlin et al. 2018).

    Attributes
    ----------
    n_layers, n_heads, dim : int
        Encoder layers, attention heads h and d_model (a multiple of h); the feed-forward size is 4 · dim.
    steps : int
        Optimizer steps (AdamW; the learning rate rises linearly over the first 10% and falls as a cosine to 5%).
    batch_size : int
        Sentence pairs per step.
    learning_rate : float
        Peak learning rate.
    weight_decay : float
        AdamW's decoupled weight decay (Loshchilov & Hutter 2019); BERT used 0.01.
    max_vocab : int
        The most frequent words of the training documents kept (ties: first appearance); others read as [UNK].
    sentence_length : int
        Longest sentence-like chunk (:func:`models.transformer.masking.split_sentences`); sequences hold
        ``2 · sentence_length + 3`` positions.
    held_out : float
        Share of documents kept out of training for the masked-token accuracy (corpora of fewer than 10 documents:
        the last sentences of each document instead).
    log_every : int
        The loss is recorded (mean over these steps) and ``progress`` called every ``log_every`` steps.
    time_budget : float, optional
        Seconds: training stops after the step that passes it (recorded in ``TinyBert.stopped_early``).
    seed : int
        Seeds the weights, the sentence pairs, the masks and the batches: the same seed gives the same loss curve.

    Notes
    -----
    Defaults measured with ``python benchmarks/bench_bert.py`` on 2 shared cores: on the Lee sample, held-out
    masked-token accuracy 7.1% against the unigram baseline's 0.62%; ~50 s at load 3-4, 137-149 s at load 5-13
    (:mod:`models.transformer.bert` has the figures and the alternatives tried).
    """

    n_layers: int = 1
    n_heads: int = 4
    dim: int = 64
    steps: int = 2_400
    batch_size: int = 64
    learning_rate: float = 5e-3
    weight_decay: float = 0.01
    max_vocab: int = 4_000
    sentence_length: int = 12
    held_out: float = 0.1
    log_every: int = 10
    time_budget: float | None = None
    seed: int = 0

    @property
    def max_len(self) -> int:
        """Positions of a sequence: ``[CLS] A [SEP] B [SEP]``."""
        return 2 * self.sentence_length + 3


def validate_bert_options(options: BertOptions) -> None:
    """Raise :class:`InputError` (``bad_option``: option, value, the allowed range) for the first bad option."""
    for name, lo, hi in (
        ("n_layers", 1, MAX_LAYERS),
        ("n_heads", 1, MAX_HEADS),
        ("dim", 1, MAX_DIM),
        ("steps", 1, MAX_STEPS),
        ("batch_size", 1, MAX_BATCH),
        ("max_vocab", MIN_VOCAB, MAX_VOCAB),
        ("sentence_length", 2, MAX_SENTENCE),
        ("log_every", 1, MAX_STEPS),
        ("seed", 0, SEED_MAX),
    ):
        value = getattr(options, name)
        if not _is_count(value) or not lo <= value <= hi:
            raise InputError("bad_option", option=name, value=value, why=f"a whole number from {lo} to {hi:,}")
    if options.dim % options.n_heads:
        raise InputError("bert_dim_heads", dim=options.dim, heads=options.n_heads)
    for name, lo, hi, open_lo in (
        ("learning_rate", 0.0, 1.0, True),
        ("weight_decay", 0.0, 1.0, False),
        ("held_out", 0.0, 0.5, True),
    ):
        value = getattr(options, name)
        if not _is_real(value) or not (lo < value <= hi if open_lo else lo <= value <= hi):
            bound = "above" if open_lo else "from"
            raise InputError("bad_option", option=name, value=value, why=f"a number {bound} {lo:g} to {hi:g}")
    budget = options.time_budget
    if budget is not None and (not _is_real(budget) or not budget > 0):
        raise InputError("bad_option", option="time_budget", value=budget, why="a number of seconds above 0")


def _is_count(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _is_real(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(float(value))
