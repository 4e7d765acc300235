"""The classroom trainer: gradients against finite differences, its loss falls, undo is exact, seeds reproduce."""

from __future__ import annotations

import numpy as np
import pytest

from models.corpus.samples import word2vec_sentences
from models.embeddings.classroom import ClassroomConfig, Word2VecClassroom
from models.embeddings.sgns import ns_gradients
from models.errors import InputError


def _numeric_grad(f, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        g[i] = (f(up) - f(down)) / (2 * h)
    return g


def test_negative_sampling_gradients_match_finite_differences() -> None:
    rng = np.random.default_rng(0)
    v, u_o, u_neg = rng.normal(size=4), rng.normal(size=4), rng.normal(size=(3, 4))
    step = ns_gradients(v, u_o, u_neg)
    assert step.loss == pytest.approx(-np.log(step.sigma_pos) - np.log(step.sigma_neg).sum())
    np.testing.assert_allclose(step.grad_v, _numeric_grad(lambda x: ns_gradients(x, u_o, u_neg).loss, v), atol=1e-7)
    np.testing.assert_allclose(step.grad_u_o, _numeric_grad(lambda x: ns_gradients(v, x, u_neg).loss, u_o), atol=1e-7)
    np.testing.assert_allclose(step.grad_u_neg, _numeric_grad(lambda x: ns_gradients(v, u_o, x).loss, u_neg), atol=1e-7)


def test_a_large_score_does_not_overflow() -> None:
    step = ns_gradients(np.array([100.0]), np.array([-100.0]), np.array([[100.0]]))
    assert np.isfinite(step.loss) and step.loss == pytest.approx(2 * 10_000, rel=1e-9)


@pytest.mark.parametrize("mode", ["skipgram", "cbow"])
def test_a_step_moves_the_weights_down_the_exact_gradient(mode: str) -> None:
    room = Word2VecClassroom(word2vec_sentences(), ClassroomConfig(mode=mode, dim=3, negative=2, seed=3))
    room.run(7)  # somewhere in the middle of a sentence
    ex = room.next_example
    negatives = room.negatives_for(room.steps_done, ex.output)
    W0, U0 = room.W.copy(), room.U.copy()
    record = room.step()
    lr = room.config.learning_rate
    rows = sorted(set(ex.inputs))
    loss_w = lambda x: room.loss_of(ex, negatives, _with_rows(W0, rows, x), U0)  # noqa: E731
    np.testing.assert_allclose((W0[rows] - record.W_after[rows]) / lr, _numeric_grad(loss_w, W0[rows]), atol=1e-6)
    touched = sorted({ex.output, *negatives})
    loss_u = lambda x: room.loss_of(ex, negatives, W0, _with_rows(U0, touched, x))  # noqa: E731
    np.testing.assert_allclose((U0[touched] - record.U_after[touched]) / lr, _numeric_grad(loss_u, U0[touched]),
                               atol=1e-6)  # fmt: skip
    untouched = np.setdiff1d(np.arange(len(room.vocab)), touched)
    np.testing.assert_array_equal(record.U_after[untouched], U0[untouched])
    assert record.loss_after < record.ns.loss  # a small step downhill lowers this example's loss


def _with_rows(M: np.ndarray, rows: list[int], values: np.ndarray) -> np.ndarray:
    out = M.copy()
    out[rows] = values
    return out


@pytest.mark.parametrize("mode", ["skipgram", "cbow"])
def test_training_lowers_the_loss_and_brings_context_words_together(mode: str) -> None:
    room = Word2VecClassroom(word2vec_sentences(), ClassroomConfig(mode=mode, dim=5, learning_rate=0.2, seed=0))
    before = room.epoch_loss()
    room.run(40 * len(room.examples))
    after = room.epoch_loss()
    assert before == pytest.approx(3 * np.log(2), abs=0.01)  # small random weights: every σ is about 1/2
    assert after < 0.75 * before, (before, after)
    assert len(room.losses) == 40 * len(room.examples)
    if mode == "skipgram":  # cat and dog share their contexts (sat on the mat, the cute ...)
        assert "dog" in [w for w, _ in room.nearest("cat", 3)]


def test_undo_restores_the_weights_exactly_and_seeds_reproduce() -> None:
    config = ClassroomConfig(seed=5)
    room = Word2VecClassroom(word2vec_sentences(), config)
    room.run(10)
    W, U, losses = room.W.copy(), room.U.copy(), list(room.losses)
    room.step()
    room.undo()
    np.testing.assert_array_equal(room.W, W)
    np.testing.assert_array_equal(room.U, U)
    assert room.losses == losses and room.steps_done == 10
    again = Word2VecClassroom(word2vec_sentences(), config)
    again.run(10)
    np.testing.assert_array_equal(again.W, W)
    room.reset()
    assert room.steps_done == 0 and room.undo() is None


def test_the_first_examples_are_the_lectures_pairs_in_order() -> None:
    room = Word2VecClassroom(word2vec_sentences(), ClassroomConfig(window=2))
    first = [(room.vocab[e.inputs[0]], room.vocab[e.output]) for e in room.examples[:9]]
    assert first[:2] == [("The", "fat"), ("The", "cat")]
    assert first[5:9] == [("cat", "The"), ("cat", "fat"), ("cat", "sat"), ("cat", "on")]


@pytest.mark.parametrize(
    "field, value", [("mode", "glove"), ("dim", 0), ("window", 11), ("negative", 0), ("learning_rate", -1.0)]
)
def test_bad_settings_are_refused(field: str, value: object) -> None:
    with pytest.raises(InputError):
        Word2VecClassroom(word2vec_sentences(), ClassroomConfig(**{field: value}))
