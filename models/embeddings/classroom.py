"""A Word2vec classroom: skip-gram or CBOW with negative sampling trained one example at a time, every step
recorded so that a student can watch it and undo it (the lecture's tables, in the spirit of Rong's wevi).

The project's own small NumPy trainer (not gensim): starting weights are small seeded random numbers on both sides
(word2vec itself starts the output vectors at zero, which leaves the input vectors unchanged by the first steps and
makes the first steps dull to watch); the update is plain SGD with the exact gradients of
:func:`models.embeddings.sgns.ns_gradients`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.embeddings.pairs import negative_distribution
from models.embeddings.sgns import NsStep, context_mean, ns_gradients
from models.errors import InputError

__all__ = ["ClassroomConfig", "Example", "StepRecord", "Word2VecClassroom"]

MODES = ("skipgram", "cbow")
MAX_HISTORY = 5000  # steps kept for undo
MAX_WORDS = 2000  # a classroom vocabulary; larger corpora belong to gensim


@dataclass(frozen=True)
class ClassroomConfig:
    """Settings of the classroom trainer.

    Attributes
    ----------
    mode : {"skipgram", "cbow"}
    dim : int
        N, the vector length (1 to 50).
    window : int
        m, context words on each side (1 to 10).
    negative : int
        k, negatives per example (1 to 20).
    learning_rate : float
        SGD step size η in (0, 10].
    seed : int
        Starting weights and negative draws.
    """

    mode: str = "skipgram"
    dim: int = 3
    window: int = 2
    negative: int = 2
    learning_rate: float = 0.1
    seed: int = 0

    def validate(self) -> None:
        """Raise :class:`InputError` for the first setting out of range."""
        checks = (
            ("mode", self.mode, self.mode in MODES, "use skipgram or cbow"),
            ("dim", self.dim, _whole(self.dim) and 1 <= self.dim <= 50, "use 1 to 50"),
            ("window", self.window, _whole(self.window) and 1 <= self.window <= 10, "use 1 to 10"),
            ("negative", self.negative, _whole(self.negative) and 1 <= self.negative <= 20, "use 1 to 20"),
            (
                "learning_rate",
                self.learning_rate,
                isinstance(self.learning_rate, int | float) and 0 < self.learning_rate <= 10,
                "use a number in (0, 10]",
            ),
            ("seed", self.seed, _whole(self.seed) and 0 <= self.seed < 2**32, "use 0 to 2**32 - 1"),
        )
        for option, value, ok, why in checks:
            if not ok:
                raise InputError("bad_option", option=option, value=value, why=why)


def _whole(value: object) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


@dataclass(frozen=True)
class Example:
    """One training example.

    Attributes
    ----------
    sentence, position : int
        Where the centre word stands.
    inputs : tuple of int
        Word ids whose input vectors form ``v``: the centre (skip-gram) or the context words (CBOW).
    output : int
        The true output word ``o``: the context word (skip-gram) or the centre (CBOW).
    """

    sentence: int
    position: int
    inputs: tuple[int, ...]
    output: int


@dataclass(frozen=True, eq=False)
class StepRecord:
    """What one step did.

    Attributes
    ----------
    step : int
        1-based number of this step.
    example : Example
    negatives : tuple of int
        The k negative word ids drawn for it.
    v : ndarray of shape (N,)
        The input vector before the step (``v_c`` or ``v̂``).
    W_before, U_before, W_after, U_after : ndarray of shape (V, N)
        Input and output vectors before and after the update.
    ns : NsStep
        Loss, σ values and gradients before the update.
    loss_after : float
        The same example's loss after the update.
    """

    step: int
    example: Example
    negatives: tuple[int, ...]
    v: np.ndarray
    W_before: np.ndarray
    U_before: np.ndarray
    W_after: np.ndarray
    U_after: np.ndarray
    ns: NsStep
    loss_after: float


class Word2VecClassroom:
    """Skip-gram / CBOW with negative sampling on a few sentences, one example per step, with undo.

    Parameters
    ----------
    sentences : sequence of sequence of str
        Tokenised sentences (case kept).
    config : ClassroomConfig
    """

    def __init__(self, sentences: Sequence[Sequence[str]], config: ClassroomConfig | None = None) -> None:
        self.config = config or ClassroomConfig()
        self.config.validate()
        self.sentences = [list(s) for s in sentences if len(s) > 0]
        counts = Counter(w for s in self.sentences for w in s)
        if len(counts) < 2:
            raise InputError("pairs_no_words")
        if len(counts) > MAX_WORDS:
            raise InputError("bad_option", option="sentences", value=len(counts), why=f"at most {MAX_WORDS} words")
        self.vocab, self.noise = negative_distribution(counts)
        self.counts = np.array([counts[w] for w in self.vocab], dtype=np.int64)
        self.index = {w: i for i, w in enumerate(self.vocab)}
        self.examples = self._examples()
        self.reset()

    # --- set-up -------------------------------------------------------------------------------------------------

    def _examples(self) -> list[Example]:
        m, rows = self.config.window, []
        for s, words in enumerate(self.sentences):
            ids = [self.index[w] for w in words]
            for c in range(len(ids)):
                context = [ids[j] for j in range(max(0, c - m), min(len(ids), c + m + 1)) if j != c]
                if not context:
                    continue
                if self.config.mode == "cbow":
                    rows.append(Example(s, c, tuple(context), ids[c]))
                else:
                    rows.extend(Example(s, c, (ids[c],), o) for o in context)
        if not rows:
            raise InputError("pairs_no_words")
        return rows

    def reset(self) -> None:
        """Back to the seeded starting weights, before the first step."""
        V, N = len(self.vocab), self.config.dim
        rng = np.random.default_rng(self.config.seed)
        self.W = (rng.random((V, N)) - 0.5) / N
        self.U = (rng.random((V, N)) - 0.5) / N
        self.history: list[StepRecord] = []
        self.losses: list[float] = []
        self.steps_done = 0

    # --- stepping -----------------------------------------------------------------------------------------------

    @property
    def next_example(self) -> Example:
        """The example the next step trains on (the examples repeat in text order, epoch after epoch)."""
        return self.examples[self.steps_done % len(self.examples)]

    def negatives_for(self, step: int, output: int) -> tuple[int, ...]:
        """The k negatives of step ``step`` (0-based): seeded by (seed, step), redrawn when equal to ``output``."""
        rng = np.random.default_rng([self.config.seed, step])
        drawn: list[int] = []
        while len(drawn) < self.config.negative:
            w = int(rng.choice(len(self.vocab), p=self.noise))
            if w != output:
                drawn.append(w)
        return tuple(drawn)

    def loss_of(self, example: Example, negatives: Sequence[int], W: np.ndarray, U: np.ndarray) -> float:
        """The example's negative-sampling loss under weights ``W``, ``U``."""
        v = context_mean(W, example.inputs)
        return ns_gradients(v, U[example.output], U[list(negatives)]).loss

    def step(self) -> StepRecord:
        """Train on the next example: one SGD update of the input and output vectors it touches."""
        ex = self.next_example
        negatives = self.negatives_for(self.steps_done, ex.output)
        W0, U0 = self.W.copy(), self.U.copy()
        v = context_mean(self.W, ex.inputs)
        ns = ns_gradients(v, self.U[ex.output], self.U[list(negatives)])
        lr = self.config.learning_rate
        # v̂ is the mean of the inputs: each input vector gets 1/C of ∂L/∂v̂ (C = 1 for skip-gram)
        np.add.at(self.W, list(ex.inputs), -lr * ns.grad_v / len(ex.inputs))
        self.U[ex.output] -= lr * ns.grad_u_o
        np.add.at(self.U, list(negatives), -lr * ns.grad_u_neg)
        self.steps_done += 1
        record = StepRecord(
            step=self.steps_done,
            example=ex,
            negatives=negatives,
            v=v,
            W_before=W0,
            U_before=U0,
            W_after=self.W.copy(),
            U_after=self.U.copy(),
            ns=ns,
            loss_after=self.loss_of(ex, negatives, self.W, self.U),
        )
        self.history.append(record)
        if len(self.history) > MAX_HISTORY:
            del self.history[0]
        self.losses.append(ns.loss)
        return record

    def run(self, n: int) -> list[StepRecord]:
        """``n`` steps; returns their records."""
        return [self.step() for _ in range(int(n))]

    def undo(self) -> StepRecord | None:
        """Take back the last step (weights as before it); None when there is nothing to undo."""
        if not self.history:
            return None
        record = self.history.pop()
        self.W, self.U = record.W_before.copy(), record.U_before.copy()
        self.steps_done -= 1
        self.losses.pop()
        return record

    @property
    def last(self) -> StepRecord | None:
        """The most recent step, if any."""
        return self.history[-1] if self.history else None

    def epoch_loss(self) -> float:
        """Mean loss over one pass of all examples with the current weights (negatives of the first pass)."""
        total = 0.0
        for i, ex in enumerate(self.examples):
            total += self.loss_of(ex, self.negatives_for(i, ex.output), self.W, self.U)
        return total / len(self.examples)

    def projection(self) -> np.ndarray:
        """The input vectors in 2-D by PCA (each axis's sign fixed so its largest loading is positive).

        Returns
        -------
        ndarray of shape (V, 2)
            Zero in the missing axes when N < 2.
        """
        X = self.W - self.W.mean(axis=0)
        _, _, vt = np.linalg.svd(X, full_matrices=False)
        axes = vt[:2]
        signs = np.sign(axes[np.arange(len(axes)), np.argmax(np.abs(axes), axis=1)])
        coords = X @ (axes * np.where(signs == 0, 1.0, signs)[:, None]).T
        if coords.shape[1] < 2:
            coords = np.hstack([coords, np.zeros((coords.shape[0], 2 - coords.shape[1]))])
        return coords

    def nearest(self, word: str, n: int = 5) -> list[tuple[str, float]]:
        """The ``n`` words whose input vectors have the largest cosine with ``word``'s."""
        if word not in self.index:
            raise InputError("bad_option", option="word", value=word, why="not in the sample's vocabulary")
        unit = self.W / np.maximum(np.linalg.norm(self.W, axis=1, keepdims=True), 1e-12)
        cos = unit @ unit[self.index[word]]
        order = [i for i in np.argsort(-cos, kind="stable") if i != self.index[word]][:n]
        return [(self.vocab[i], float(cos[i])) for i in order]
