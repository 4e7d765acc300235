"""Masked-LM training of the tiny BERT with JAX and optax (imported inside the functions that use them only).

The app runs fits in processes forked from a fork server whose preloaded modules must not import JAX (it starts
threads; forking after that can deadlock), and ``python -m models corpus`` must stay light: nothing here imports
JAX at module level, and nothing global is changed (no x64, no XLA flags).
"""

from __future__ import annotations

import functools
import logging
import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from models.lda.options import Progress
from models.transformer.bert_options import BertOptions
from models.transformer.encoder import BertConfig, masked_lm_loss
from models.transformer.masking import (
    CLS,
    MASK_ID,
    MASKED,
    PAD,
    SELECT_SHARE,
    SEP,
    SPECIALS,
    UNK_ID,
    SentencePair,
    make_pairs,
    mask_ids,
)

__all__ = ["Training", "batch_arrays", "learning_rate", "max_predictions", "pair_arrays", "train_masked_lm"]

logger = logging.getLogger(__name__)

GRAD_CLIP = 1.0  # global-norm gradient clipping, as BERT's optimizer
WARMUP_SHARE = 0.1  # of the steps: the learning rate rises linearly, then falls as a cosine
END_LR_SHARE = 0.05  # of the peak, at the last step


def learning_rate(step: int, steps: int, peak: float) -> float:
    """The rate at 0-based ``step``: linear warm-up over the first 10% of the steps (as BERT), then a cosine decay
    (Loshchilov & Hutter 2017) to 5% of ``peak`` at the last step."""
    warmup = max(1, round(WARMUP_SHARE * steps))
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(steps - 1 - warmup, 1)
    return peak * (END_LR_SHARE + (1 - END_LR_SHARE) * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0))))


@functools.lru_cache(maxsize=4)
def _compiled_step(config: BertConfig, weight_decay: float, ndims: tuple[tuple[str, int], ...]) -> tuple[Any, Any]:
    """The optimizer and one jitted training step, kept for the next fit with the same shapes (no recompiling).

    AdamW as optax builds it (``scale_by_adam``, ``add_decayed_weights``, then × −rate), with the rate passed to
    each step as a number so that one compiled step serves every schedule; gradients clipped to global norm 1;
    no decay on vectors (biases, LayerNorm gains), as BERT.
    """
    import jax
    import jax.numpy as jnp
    import optax

    decay_mask = {name: ndim >= 2 for name, ndim in ndims}
    optimizer = optax.chain(
        optax.clip_by_global_norm(GRAD_CLIP),
        optax.scale_by_adam(),
        optax.add_decayed_weights(weight_decay, mask=decay_mask),
    )

    def loss_fn(p: dict, batch: dict) -> Any:
        return masked_lm_loss(p, batch, config, jnp)

    @jax.jit
    def step_fn(p: dict, state: Any, batch: dict, rate: Any) -> tuple[dict, Any, Any]:
        loss, grads = jax.value_and_grad(loss_fn)(p, batch)
        updates, state = optimizer.update(grads, state, p)
        return jax.tree.map(lambda w, u: w - rate * u, p, updates), state, loss

    return optimizer, step_fn


def max_predictions(max_len: int) -> int:
    """Most selected positions a sequence of ``max_len`` can have: ⌊0.15 · (max_len − 3)⌋ + 1."""
    return math.floor(SELECT_SHARE * (max_len - 3)) + 1


def pair_arrays(pairs: Sequence[SentencePair], index: Mapping[str, int], max_len: int) -> dict[str, np.ndarray]:
    """Pairs as id arrays of shape (n_pairs, max_len): ``ids``, ``segments``, ``pad`` and ``maskable``.

    Words missing from ``index`` read as [UNK]; ``maskable`` leaves out [CLS], [SEP], padding and [UNK] (an
    [UNK] target teaches nothing). Pairs longer than ``max_len`` are cut at the end.
    """
    n = len(pairs)
    ids = np.zeros((n, max_len), dtype=np.int32)
    segments = np.zeros((n, max_len), dtype=np.int32)
    for r, p in enumerate(pairs):
        row = [index.get(t, UNK_ID) for t in p.tokens[:max_len]]
        ids[r, : len(row)] = row
        segments[r, : len(row)] = p.segment_ids[:max_len]
    special = np.isin(ids, [index[PAD], index[CLS], index[SEP]])
    pad = ids == index[PAD]
    return {"ids": ids, "segments": segments, "pad": pad, "maskable": ~special & (ids != UNK_ID)}


def batch_arrays(
    arrays: Mapping[str, np.ndarray], n_vocab: int, rng: np.random.Generator, all_masked: bool = False
) -> dict[str, np.ndarray]:
    """The masked-LM rule applied to pair arrays: the model's inputs and the selected positions with targets.

    Returns ``ids`` (masked inputs), ``segments``, ``pad`` of shape (n, T) and ``positions``, ``targets``,
    ``weights`` of shape (n, P), P = :func:`max_predictions`. With ``all_masked`` every selected token becomes
    [MASK] (the held-out evaluation: a kept token could otherwise be copied).
    """
    ids = arrays["ids"]
    inputs, fate = mask_ids(ids, arrays["maskable"], len(SPECIALS), n_vocab, rng)
    selected = fate >= MASKED
    if all_masked:
        inputs = np.where(selected, MASK_ID, ids).astype(ids.dtype)
    p = max_predictions(ids.shape[1])
    positions = np.argsort(~selected, axis=1, kind="stable")[:, :p].astype(np.int32)
    return {
        "ids": inputs,
        "segments": arrays["segments"],
        "pad": arrays["pad"],
        "positions": positions,
        "targets": np.take_along_axis(ids, positions, axis=1),
        "weights": np.take_along_axis(selected, positions, axis=1).astype(np.float32),
    }


@dataclass(frozen=True)
class Training:
    """What :func:`train_masked_lm` returns.

    Attributes
    ----------
    params : dict of str to ndarray
        Trained weights as NumPy float32 arrays.
    loss_steps : ndarray of shape (n_logged,)
        The step at which each loss was recorded.
    loss : ndarray of shape (n_logged,)
        Mean masked-LM loss over the steps since the previous record.
    steps_done : int
    stopped_early : bool
        The time budget ran out before ``options.steps``.
    """

    params: dict[str, np.ndarray]
    loss_steps: np.ndarray
    loss: np.ndarray
    steps_done: int
    stopped_early: bool


def train_masked_lm(
    params: dict[str, np.ndarray],
    config: BertConfig,
    sentences: Sequence[Sequence[tuple[str, ...]]],
    index: Mapping[str, int],
    options: BertOptions,
    rng: np.random.Generator,
    progress: Progress | None = None,
    started: float | None = None,
) -> Training:
    """Train on fresh pairs and masks every epoch (dynamic masking, as RoBERTa; BERT drew 10 static masks).

    Each epoch draws new sentence pairs from ``sentences`` (:func:`make_pairs`), masks them and shuffles them;
    steps take consecutive batches of ``min(batch_size, pairs)`` pairs (a last short batch is dropped). AdamW with
    linear warm-up and cosine decay, gradients clipped to norm 1, no decay on biases and LayerNorm gains.

    Parameters
    ----------
    params : dict of str to ndarray
        Initial weights (:func:`models.transformer.encoder.init_params`).
    config : BertConfig
    sentences : sequence of sequences of tuple of str
        The training documents' sentences.
    index : mapping of str to int
        Token → id in the model's vocabulary.
    options : BertOptions
    rng : numpy.random.Generator
        Draws the pairs, masks and batch order.
    progress : callable, optional
        ``progress(step, steps, loss)`` at every recorded loss; it may raise
        :class:`~models.lda.options.FitCancelled`, which propagates.
    started : float, optional
        ``time.perf_counter()`` at which the time budget started (now when None).

    Returns
    -------
    Training
    """
    import jax  # imported here: see the module docstring
    import jax.numpy as jnp

    started = time.perf_counter() if started is None else started
    steps = options.steps
    optimizer, step_fn = _compiled_step(
        config, options.weight_decay, tuple(sorted((k, v.ndim) for k, v in params.items()))
    )
    p = {name: jnp.asarray(value) for name, value in params.items()}
    state = optimizer.init(p)
    epoch: dict[str, np.ndarray] = {}
    cursor, batch_size = 0, 0
    pending: list[jax.Array] = []
    loss_steps: list[int] = []
    losses: list[float] = []
    done, stopped_early = 0, False
    for step in range(1, steps + 1):
        if not epoch or cursor + batch_size > len(epoch["ids"]):
            arrays = pair_arrays(make_pairs(sentences, rng=rng), index, config.max_len)
            order = rng.permutation(len(arrays["ids"]))
            epoch = batch_arrays({k: v[order] for k, v in arrays.items()}, config.n_vocab, rng)
            batch_size, cursor = min(options.batch_size, len(order)), 0
        batch = {k: v[cursor : cursor + batch_size] for k, v in epoch.items()}
        cursor += batch_size
        p, state, loss = step_fn(p, state, batch, np.float32(learning_rate(step - 1, steps, options.learning_rate)))
        pending.append(loss)
        done = step
        out_of_time = options.time_budget is not None and time.perf_counter() - started > options.time_budget
        if step % options.log_every == 0 or step == steps or out_of_time:
            losses.append(float(np.mean(jax.device_get(pending))))
            loss_steps.append(step)
            pending = []
            logger.debug("masked LM step %d/%d: loss %.4f", step, steps, losses[-1])
            if progress is not None:
                progress(step, steps, losses[-1])
        if out_of_time and step < steps:
            stopped_early = True
            break
    trained = {name: np.array(jax.device_get(value), dtype=np.float32) for name, value in p.items()}
    return Training(
        params=trained,
        loss_steps=np.array(loss_steps, dtype=np.int64),
        loss=np.array(losses, dtype=np.float64),
        steps_done=done,
        stopped_early=stopped_early,
    )
