"""Sequence to sequence on a toy task, and why Sutskever, Vinyals & Le (2014) fed the source in reverse.

Three GRU encoder-decoders (:mod:`models.transformer.seq2seq_rnn`) are trained side by side on the same seeded
batches of random symbol strings (``A``, ``B``, ... of lengths 5-8):

- *forward*: copy the source, the encoder reading it left to right. The decoder sees only the encoder's last
  state, and the first target word was read ``L`` steps before it is needed;
- *reversed*: the same copy task, the encoder reading the source right to left (Sutskever et al. 2014, §3.3). The
  first target words are now the last words read: "many short term dependencies", so the optimiser finds the
  link between source and target at once and the loss falls sooner. Both start from the same weights;
- *attention*: the source read left to right, a Luong-style attention decoder (Luong, Pham & Manning 2015;
  Bahdanau, Cho & Bengio 2015), trained to copy or to reverse. Nothing tells it where to look: the diagonal
  (copy) or anti-diagonal (reverse) of its alignment matrix is learned.

Defaults (:class:`Seq2seqOptions`: 10 symbols, lengths 5-8, E = 16, H = 64, 300 Adam steps of 64 strings at
1e-2): 39-47 s on 2 cores shared with other work (load average 10-12; 16 s of CPU), the JAX import and
compilation included; figures in :func:`train_seq2seq`.

Training runs in JAX and optax, imported inside :func:`train_seq2seq` (the app's fork server and ``python -m
models corpus`` must not import them); the result holds NumPy arrays only.
"""

from __future__ import annotations

import functools
import logging
import string
import time
from dataclasses import dataclass

import numpy as np

from models.errors import InputError
from models.lda.options import Progress

__all__ = ["TASKS", "Seq2seq", "Seq2seqOptions", "make_batch", "read_reversed", "train_seq2seq", "validate_options"]

logger = logging.getLogger(__name__)

TASKS = ("copy", "reverse")
MAX_SYMBOLS = 26
MAX_LENGTH = 16
MAX_STEPS = 5000
GRAD_CLIP = 1.0
EVAL_STRINGS = 512


@dataclass(frozen=True)
class Seq2seqOptions:
    """What to train: the toy task's alphabet and lengths, the networks' sizes, the optimiser and the seed."""

    n_symbols: int = 10
    min_length: int = 5
    max_length: int = 8
    embed_dim: int = 16
    hidden_dim: int = 64
    steps: int = 300
    batch_size: int = 64
    learning_rate: float = 1e-2
    log_every: int = 10
    attention_task: str = "reverse"
    seed: int = 0


@dataclass(frozen=True, eq=False)
class Seq2seq:
    """The three trained models' curves and scores, and one example of the attention model's alignment.

    NumPy arrays and plain values only (picklable: it crosses from the worker process to the page).

    Attributes
    ----------
    options : Seq2seqOptions
    steps : ndarray of shape (n_logged,)
        The step (1-based) at the end of each logged window.
    loss_forward, loss_reversed, loss_attention : ndarray of shape (n_logged,)
        Mean cross-entropy per target symbol (nats) over each window of ``log_every`` steps.
    accuracy_forward, accuracy_reversed, accuracy_attention : float
        Share of 512 held-out strings decoded greedily without a single wrong symbol.
    position_accuracy_forward, position_accuracy_reversed : ndarray of shape (max_length,)
        Share of right symbols at each target position (among held-out strings that long).
    alignment : ndarray of shape (T_target, T_source)
        The attention weights of one held-out string of ``max_length`` symbols; rows sum to 1.
    alignment_source, alignment_target : ndarray of str of shape (T_source,), (T_target,)
        Its source and the symbols the model wrote (greedy decoding).
    anti_diagonal_weight, diagonal_weight : float
        Mean weight on the anti-diagonal / diagonal of the held-out strings' alignments.
    seconds : float
        Wall time of :func:`train_seq2seq`, the JAX import and compilation included.
    """

    options: Seq2seqOptions
    steps: np.ndarray
    loss_forward: np.ndarray
    loss_reversed: np.ndarray
    loss_attention: np.ndarray
    accuracy_forward: float
    accuracy_reversed: float
    accuracy_attention: float
    position_accuracy_forward: np.ndarray
    position_accuracy_reversed: np.ndarray
    alignment: np.ndarray
    alignment_source: np.ndarray
    alignment_target: np.ndarray
    anti_diagonal_weight: float
    diagonal_weight: float
    seconds: float


def validate_options(options: Seq2seqOptions) -> None:
    """Raise :class:`InputError` (``bad_option``) for the first option out of range."""
    for name, lo, hi in (
        ("n_symbols", 2, MAX_SYMBOLS),
        ("min_length", 1, MAX_LENGTH),
        ("max_length", options.min_length, MAX_LENGTH),
        ("embed_dim", 1, 256),
        ("hidden_dim", 1, 512),
        ("steps", 1, MAX_STEPS),
        ("batch_size", 1, 1024),
        ("log_every", 1, MAX_STEPS),
        ("seed", 0, 2**31 - 1),
    ):
        value = getattr(options, name)
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or not lo <= value <= hi:
            raise InputError("bad_option", option=name, value=value, why=f"a whole number from {lo} to {hi:,}")
    if not isinstance(options.learning_rate, float | int) or not 0 < options.learning_rate <= 1:
        raise InputError("bad_option", option="learning_rate", value=options.learning_rate, why="above 0, at most 1")
    if options.attention_task not in TASKS:
        raise InputError("bad_option", option="attention_task", value=options.attention_task, why=" or ".join(TASKS))


def read_reversed(src: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each row's first ``lengths[b]`` symbols in reverse order, the padding left in place.

    Parameters
    ----------
    src : ndarray of int of shape (B, T)
    lengths : ndarray of int of shape (B,)

    Returns
    -------
    ndarray of int of shape (B, T)
    """
    T = src.shape[1]
    positions = np.arange(T)[None, :]
    index = np.where(positions < lengths[:, None], lengths[:, None] - 1 - positions, positions)
    return np.take_along_axis(src, index, axis=1)


def make_batch(rng: np.random.Generator, n: int, options: Seq2seqOptions) -> dict:
    """``n`` random strings over ``n_symbols`` symbols, lengths uniform in [min_length, max_length].

    Returns
    -------
    dict
        ``src`` (n, T) int32 padded with 0, ``mask`` (n, T) bool, ``lengths`` (n,), ``reversed`` (n, T): the source
        read right to left, and ``reverse`` (n, T): the reverse task's target (the same array).
    """
    T = options.max_length
    lengths = rng.integers(options.min_length, options.max_length + 1, size=n)
    mask = np.arange(T)[None, :] < lengths[:, None]
    src = np.where(mask, rng.integers(0, options.n_symbols, size=(n, T)), 0).astype(np.int32)
    backwards = read_reversed(src, lengths).astype(np.int32)
    return {"src": src, "mask": mask, "lengths": lengths, "reversed": backwards, "reverse": backwards}


def symbols(n: int) -> np.ndarray:
    """The task's alphabet: ``A``, ``B``, ... (shape (n,))."""
    return np.array(list(string.ascii_uppercase[:n]))


@functools.lru_cache(maxsize=4)
def _compiled(bos: int, learning_rate: float) -> tuple:
    """The optimizer and the jitted step that trains all three models on one batch, kept for the next run with the
    same symbols and rate (jit then reuses its compilation for the same shapes)."""
    import jax
    import jax.numpy as jnp
    import optax

    from models.transformer import seq2seq_rnn as rnn

    optimizer = optax.chain(optax.clip_by_global_norm(GRAD_CLIP), optax.adam(learning_rate))

    def cross_entropy(logits: jax.Array, target: jax.Array, mask: jax.Array) -> jax.Array:
        nll = -jnp.take_along_axis(jax.nn.log_softmax(logits), target[..., None], axis=-1)[..., 0]
        return jnp.sum(nll * mask) / jnp.sum(mask)

    def plain_loss(p: dict, src: jax.Array, mask: jax.Array, target: jax.Array) -> jax.Array:
        return cross_entropy(rnn.plain_logits(p, src, mask, _shifted_jnp(target)), target, mask)

    def attention_loss(p: dict, src: jax.Array, mask: jax.Array, target: jax.Array) -> jax.Array:
        return cross_entropy(rnn.attention_logits(p, src, mask, _shifted_jnp(target))[0], target, mask)

    def _shifted_jnp(target: jax.Array) -> jax.Array:
        return jnp.concatenate([jnp.full((target.shape[0], 1), bos, target.dtype), target[:, :-1]], axis=1)

    def update(loss_fn, p, state, src, mask, target):
        loss, grads = jax.value_and_grad(loss_fn)(p, src, mask, target)
        updates, state = optimizer.update(grads, state, p)
        return optax.apply_updates(p, updates), state, loss

    def plain_update(p, state, src, mask, target):
        return update(plain_loss, p, state, src, mask, target)

    # forward and reversed share one compiled graph: their weights and Adam states are stacked on a leading axis
    pair_update = jax.vmap(plain_update, in_axes=(0, 0, 0, None, None))

    @jax.jit
    def train_step(models, states, batch):
        src, mask, reversed_src, target_att = batch
        p2, s2, l2 = pair_update(models[0], states[0], jnp.stack([src, reversed_src]), mask, src)  # copy both ways
        a = update(attention_loss, models[1], states[1], src, mask, target_att)
        return (p2, a[0]), (s2, a[1]), jnp.concatenate([l2, a[2][None]])

    return optimizer, train_step


@functools.lru_cache(maxsize=1)
def _decoder() -> object:
    """``seq2seq_rnn.decode_greedy`` jitted (once per process)."""
    import jax

    from models.transformer import seq2seq_rnn as rnn

    return jax.jit(rnn.decode_greedy, static_argnames=("n_steps", "bos", "attention"))


def train_seq2seq(options: Seq2seqOptions | None = None, progress: Progress | None = None) -> Seq2seq:
    """Train the forward, reversed and attention encoder-decoders side by side and score them.

    Every step draws one batch (seeded) that all three models see: forward and reversed read the same strings (one
    of them backwards) from the same initial weights. Adam (Kingma & Ba 2015), gradients clipped to norm 1,
    cross-entropy per target symbol.

    Measured with the defaults (``python -m models.transformer.seq2seq``) on 2 cores shared with other work (load
    average 10-12), seed 0: 39-47 s wall for 15.6 s of CPU time, most of it the JAX import and compilation (about
    13 s of CPU; the 300 steps take about 5 s); idle cores should need about the CPU time (not measured). Loss
    (nats per symbol) forward / reversed / attention (reverse task) at step 100: 0.89 / 0.61 / 0.04; at step 280:
    0.37 / 0.28 / 0.03.
    Held-out strings written without a mistake: forward 51%, reversed 60%, attention 98%; the first target symbol
    is right 94% of the time forward, 100% reversed. Mean anti-diagonal attention weight 0.99 (diagonal 0.08).

    Parameters
    ----------
    options : Seq2seqOptions, optional
    progress : callable, optional
        ``progress(step, steps, loss)`` after each logged window (loss: the forward model's); it may raise
        :class:`~models.lda.options.FitCancelled`, which propagates.

    Returns
    -------
    Seq2seq
    """
    import jax  # imported here: see the module docstring
    import jax.numpy as jnp

    from models.transformer import seq2seq_rnn as rnn

    started = time.perf_counter()
    options = Seq2seqOptions() if options is None else options
    validate_options(options)
    V, bos = options.n_symbols, options.n_symbols
    rng = np.random.default_rng([options.seed, 0])
    init = rnn.init_params(rng, V, options.embed_dim, options.hidden_dim)
    optimizer, train_step = _compiled(bos, float(options.learning_rate))
    plain = {k: jnp.asarray(v) for k, v in init.items() if not k.startswith(("bwd_", "Wa", "Wc"))}
    pair = jax.tree_util.tree_map(lambda x: jnp.stack([x, x]), plain)  # the same initial weights both ways
    attention = {k: jnp.asarray(v) for k, v in init.items()}
    models = (pair, attention)
    states = (jax.vmap(optimizer.init)(pair), optimizer.init(attention))
    pending: list[jax.Array] = []
    logged_steps: list[int] = []
    losses: list[np.ndarray] = []
    for step in range(1, options.steps + 1):
        b = make_batch(rng, options.batch_size, options)
        target_att = b["src"] if options.attention_task == "copy" else b["reverse"]
        models, states, loss = train_step(models, states, (b["src"], b["mask"], b["reversed"], target_att))
        pending.append(loss)
        if step % options.log_every == 0 or step == options.steps:
            losses.append(np.mean(np.asarray(jax.device_get(pending)), axis=0))
            logged_steps.append(step)
            pending = []
            logger.debug("seq2seq step %d/%d: losses %s", step, options.steps, losses[-1])
            if progress is not None:
                progress(step, options.steps, float(losses[-1][0]))
    curves = np.array(losses, dtype=np.float64)
    forward, backward = (jax.tree_util.tree_map(lambda x, i=i: x[i], models[0]) for i in (0, 1))
    scores = _evaluate((forward, backward, models[1]), options)
    return Seq2seq(
        options=options,
        steps=np.array(logged_steps, dtype=np.int64),
        loss_forward=curves[:, 0],
        loss_reversed=curves[:, 1],
        loss_attention=curves[:, 2],
        seconds=time.perf_counter() - started,
        **scores,
    )


def _evaluate(models: tuple, options: Seq2seqOptions) -> dict:
    """Greedy decoding of held-out strings (their own seeded stream): sequence and per-position accuracy, and the
    attention model's alignment on one string of ``max_length`` symbols."""
    V, T = options.n_symbols, options.max_length
    held = make_batch(np.random.default_rng([options.seed, 1]), EVAL_STRINGS, options)
    example = int(np.argmax(held["lengths"] == T))  # the first held-out string of max_length symbols
    decode = _decoder()

    def scored(model: dict, src: np.ndarray, target: np.ndarray, attention: bool) -> tuple[float, np.ndarray, tuple]:
        tokens, weights = decode(model, src, held["mask"], n_steps=T, bos=V, attention=attention)
        tokens = np.asarray(tokens)
        right = (np.asarray(tokens) == target) | ~held["mask"]
        per_position = (right & held["mask"]).sum(axis=0) / np.maximum(held["mask"].sum(axis=0), 1)
        return float(right.all(axis=1).mean()), per_position, (tokens, np.asarray(weights, dtype=np.float64))

    acc_f, pos_f, _ = scored(models[0], held["src"], held["src"], False)
    acc_r, pos_r, _ = scored(models[1], held["reversed"], held["src"], False)
    target_att = held["src"] if options.attention_task == "copy" else held["reverse"]
    acc_a, _, (tokens, weights) = scored(models[2], held["src"], target_att, True)
    anti, diag = _diagonal_weights(weights, held["lengths"])
    alphabet = symbols(V)
    return {
        "accuracy_forward": acc_f,
        "accuracy_reversed": acc_r,
        "accuracy_attention": acc_a,
        "position_accuracy_forward": pos_f,
        "position_accuracy_reversed": pos_r,
        "alignment": weights[example],
        "alignment_source": alphabet[held["src"][example]],
        "alignment_target": alphabet[tokens[example]],
        "anti_diagonal_weight": anti,
        "diagonal_weight": diag,
    }


def _diagonal_weights(weights: np.ndarray, lengths: np.ndarray) -> tuple[float, float]:
    """Mean weight a_t(L−1−t) (anti-diagonal) and a_t(t) (diagonal) over each string's first L target rows.

    ``weights`` (B, T, T), ``lengths`` (B,)."""
    anti, diag = [], []
    for w, L in zip(weights, lengths, strict=True):
        rows = np.arange(L)
        anti.append(w[rows, L - 1 - rows].mean())
        diag.append(w[rows, rows].mean())
    return float(np.mean(anti)), float(np.mean(diag))


if __name__ == "__main__":  # measure the defaults: python -m models.transformer.seq2seq [steps] [seed]
    import sys

    argv = [int(a) for a in sys.argv[1:]]
    chosen = Seq2seqOptions(**dict(zip(("steps", "seed"), argv, strict=False)))
    done = train_seq2seq(chosen)
    for i in range(0, len(done.steps), max(1, len(done.steps) // 10)):
        print(f"step {done.steps[i]:5d}  forward {done.loss_forward[i]:.3f}  reversed {done.loss_reversed[i]:.3f}"
              f"  attention {done.loss_attention[i]:.3f}")  # fmt: skip
    print(f"accuracy forward {done.accuracy_forward:.1%} reversed {done.accuracy_reversed:.1%} "
          f"attention {done.accuracy_attention:.1%}; anti-diagonal {done.anti_diagonal_weight:.2f}, "
          f"diagonal {done.diagonal_weight:.2f}; {done.seconds:.1f} s")  # fmt: skip
    print("position accuracy forward", np.round(done.position_accuracy_forward, 2))
    print("position accuracy reversed", np.round(done.position_accuracy_reversed, 2))
    print(done.alignment_source, done.alignment_target)
    print(np.round(done.alignment, 2))
