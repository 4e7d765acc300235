"""The tiny BERT: it learns a grammar's masked words (beats the unigram baseline), is reproducible, and its NumPy
forward pass, JAX gradients, predictions and attention maps agree with what they should be."""

from __future__ import annotations

import itertools
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from models.errors import InputError
from models.lda.options import FitCancelled
from models.synthetic import grammar
from models.transformer.bert import (
    BertOptions,
    TinyBert,
    attention_maps,
    held_out_split,
    predict_masked,
    train_tiny_bert,
)
from models.transformer.encoder import BertConfig, encode, init_params, masked_lm_loss
from models.transformer.mlm_training import learning_rate

ROOT = Path(__file__).resolve().parents[3]

# Learns the default grammar to its ceiling (50%: two words per class and slot) in ~300 steps (~10 s on 2 cores).
GRAMMAR_OPTIONS = BertOptions(
    n_layers=1, n_heads=2, dim=32, steps=300, batch_size=64, learning_rate=1e-2, sentence_length=6, seed=0
)


@pytest.fixture(scope="module")
def planted() -> object:
    return grammar(n_docs=200, sentences_per_doc=4, n_classes=8, slots=6, words_per_slot=2, seed=0)


@pytest.fixture(scope="module")
def model(planted: object) -> TinyBert:
    return train_tiny_bert(planted.corpus, GRAMMAR_OPTIONS)


def test_held_out_masked_words_beat_the_unigram_baseline(model: TinyBert, planted: object) -> None:
    # the baseline answers the most frequent word: right ~1/96 of the time; knowing class and slot gives 1/2
    assert model.baseline_accuracy < 0.05
    assert model.n_held_out > 400
    assert model.accuracy > model.baseline_accuracy + 0.3
    assert model.accuracy <= planted.best_accuracy + 0.08  # no model can beat the grammar's ceiling by much
    assert model.loss[-1] < model.loss[0] - 2.0
    assert model.steps_done == 300 and not model.stopped_early
    assert len(model.loss) == len(model.loss_steps) == 30 and model.loss_steps[-1] == 300


def test_predictions_are_the_words_the_grammar_allows(model: TinyBert, planted: object) -> None:
    vocab = planted.corpus.vocab
    doc = planted.corpus.document_tokens(0)
    sentence = list(doc[:6])
    for position in range(6):
        top = predict_masked(model, sentence, position, n=5)
        assert len(top) == 5
        probs = [p for _, p in top]
        assert probs == sorted(probs, reverse=True) and 0 < sum(probs) <= 1 + 1e-9
        # term (c * slots + s) * 2 + w: the two words of the true word's class and slot
        true = vocab.index(sentence[position])
        allowed = {vocab[true - true % 2], vocab[true - true % 2 + 1]}
        assert {w for w, _ in top[:2]} == allowed
        assert top[0][1] + top[1][1] > 0.8


def test_attention_maps_have_one_row_per_query_summing_to_one(model: TinyBert, planted: object) -> None:
    sentence = [*planted.corpus.document_tokens(1)[:6], "never-seen"]
    maps = attention_maps(model, sentence)
    assert maps.tokens[0] == "[CLS]" and maps.tokens[-1] == "[SEP]" and maps.tokens[-2] == "[UNK]"
    assert maps.weights.shape == (1, 2, 9, 9)
    np.testing.assert_allclose(maps.weights.sum(axis=-1), 1.0, atol=1e-6)
    assert (maps.weights >= 0).all()


def test_bad_sentences_and_positions_are_explained(model: TinyBert) -> None:
    for call, code in (
        (lambda: predict_masked(model, ["w00000"], 1), "bert_position_out_of_range"),
        (lambda: attention_maps(model, []), "bert_empty_sentence"),
        (lambda: attention_maps(model, ["w00000"] * 14), "bert_sentence_too_long"),
    ):
        with pytest.raises(InputError) as err:
            call()
        assert err.value.code == code


def test_the_model_is_numpy_only_and_pickles(model: TinyBert) -> None:
    assert all(type(v) is np.ndarray and v.dtype == np.float32 for v in model.params.values())
    again = pickle.loads(pickle.dumps(model))
    assert again.vocab == model.vocab and again.accuracy == model.accuracy
    assert predict_masked(again, ["w00000", "w00002"], 1) == predict_masked(model, ["w00000", "w00002"], 1)


def test_same_seed_same_loss_curve_and_weights(planted: object) -> None:
    options = replace(GRAMMAR_OPTIONS, steps=20, log_every=5)
    a = train_tiny_bert(planted.corpus, options)
    b = train_tiny_bert(planted.corpus, options)
    np.testing.assert_array_equal(a.loss, b.loss)
    for name, value in a.params.items():
        np.testing.assert_array_equal(value, b.params[name])
    assert a.accuracy == b.accuracy
    c = train_tiny_bert(planted.corpus, replace(options, seed=1))
    assert not np.array_equal(a.loss, c.loss)


def test_progress_reports_and_cancel_propagates(planted: object) -> None:
    seen = []

    def progress(step: int, total: int, loss: float | None) -> None:
        seen.append((step, total))
        if step >= 10:
            raise FitCancelled

    with pytest.raises(FitCancelled):
        train_tiny_bert(planted.corpus, replace(GRAMMAR_OPTIONS, steps=50, log_every=5), progress)
    assert seen == [(5, 50), (10, 50)]


def test_a_time_budget_stops_early(planted: object) -> None:
    fit = train_tiny_bert(planted.corpus, replace(GRAMMAR_OPTIONS, steps=50, time_budget=1e-6))
    assert fit.stopped_early and fit.steps_done == 1 and fit.loss_steps.tolist() == [1]


def test_numpy_and_jax_forward_passes_agree() -> None:
    import jax.numpy as jnp

    config = BertConfig(n_vocab=30, max_len=9, dim=16, n_layers=2, n_heads=4, ffn_dim=64)
    params = init_params(config, seed=3)
    rng = np.random.default_rng(0)
    ids = rng.integers(5, 30, size=(3, 9))
    segments = (np.arange(9)[None, :] >= 5).astype(np.int64).repeat(3, axis=0)
    pad = np.zeros((3, 9), dtype=bool)
    pad[0, 7:] = True
    hidden, maps = encode(params, ids, segments, pad, config)
    j_hidden, j_maps = encode({k: jnp.asarray(v) for k, v in params.items()}, ids, segments, pad, config, jnp)
    np.testing.assert_allclose(np.asarray(j_hidden), hidden, atol=2e-4)
    for m, jm in zip(maps, j_maps, strict=True):
        np.testing.assert_allclose(np.asarray(jm), m, atol=1e-5)
    assert maps[0][0, :, :, 7:].max() < 1e-12  # padded keys get no attention


def test_gradient_matches_finite_differences() -> None:
    import jax
    import jax.numpy as jnp

    config = BertConfig(n_vocab=12, max_len=7, dim=8, n_layers=1, n_heads=2, ffn_dim=16)
    params = {k: v * 10 if v.ndim == 2 else v for k, v in init_params(config, seed=1).items()}  # std 0.2
    rng = np.random.default_rng(2)
    batch = {
        "ids": rng.integers(5, 12, size=(2, 7)),
        "segments": np.zeros((2, 7), dtype=np.int64),
        "pad": np.zeros((2, 7), dtype=bool),
        "positions": np.array([[1, 3], [2, 5]]),
        "targets": np.array([[6, 7], [8, 9]]),
        "weights": np.array([[1.0, 1.0], [1.0, 0.0]]),
    }
    grad = jax.jit(jax.grad(lambda p: masked_lm_loss(p, batch, config, jnp)))
    grads = grad({k: jnp.asarray(v) for k, v in params.items()})
    p64 = {k: v.astype(np.float64) for k, v in params.items()}
    eps = 1e-5
    for name, cell in (("token", (6, 0)), ("token", (int(batch["ids"][0, 0]), 3)), ("l0.wq", (2, 5)), ("out_b", (7,))):
        up, down = {**p64, name: p64[name].copy()}, {**p64, name: p64[name].copy()}
        up[name][cell] += eps
        down[name][cell] -= eps
        numeric = (masked_lm_loss(up, batch, config) - masked_lm_loss(down, batch, config)) / (2 * eps)
        assert abs(float(grads[name][cell]) - numeric) < 1e-4 + 1e-3 * abs(numeric), (name, cell)


def test_held_out_documents_are_not_trained_on() -> None:
    docs = [[(f"d{d}s{s}",) for s in range(3)] for d in range(20)]
    train, held = held_out_split(docs, 0.1, seed=0)
    assert len(held) == 2 and len(train) == 18
    assert not {s for d in train for s in d} & {s for d in held for s in d}
    small_train, small_held = held_out_split([*docs[:3], [("x",), ("y",), ("z",), ("v",), ("u",)]], 0.1, seed=0)
    assert small_held == [[("v",), ("u",)]]  # fewer than 10 documents: the tail of each long-enough one
    assert small_train[-1] == [("x",), ("y",), ("z",)]


def test_bad_options_are_refused(planted: object) -> None:
    for options, code in (
        (BertOptions(dim=30, n_heads=4), "bert_dim_heads"),
        (BertOptions(steps=0), "bad_option"),
        (BertOptions(learning_rate=0.0), "bad_option"),
        (BertOptions(n_layers=True), "bad_option"),
        (BertOptions(time_budget=-1.0), "bad_option"),
    ):
        with pytest.raises(InputError) as err:
            train_tiny_bert(planted.corpus, options)
        assert err.value.code == code
    with pytest.raises(InputError) as err:
        train_tiny_bert(grammar(n_docs=20, sentences_per_doc=1, slots=6).corpus, GRAMMAR_OPTIONS)
    assert err.value.code == "bert_too_few_sentences"


def test_importing_the_bert_modules_does_not_import_jax() -> None:
    probe = (
        "import sys\n"
        "import models.transformer.bert, models.transformer.report, models.transformer.masking\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'jax', 'jaxlib', 'optax'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


@pytest.mark.slow
def test_same_seed_same_loss_curve_in_another_process(planted: object) -> None:
    options = replace(GRAMMAR_OPTIONS, steps=20, log_every=5)
    probe = (
        "from models.synthetic import grammar\n"
        "from models.transformer.bert import BertOptions, train_tiny_bert\n"
        f"options = {options!r}\n"
        "print(train_tiny_bert(grammar(seed=0).corpus, options).loss.tolist())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    here = train_tiny_bert(planted.corpus, options)
    assert done.stdout.strip() == str(here.loss.tolist())


def test_learning_rate_warms_up_then_decays_to_five_percent() -> None:
    rates = [learning_rate(step, 100, 1e-3) for step in range(100)]
    assert rates[:10] == pytest.approx([1e-4 * (s + 1) for s in range(10)])  # linear over the first 10%
    assert rates[9] == pytest.approx(1e-3) and rates[-1] == pytest.approx(5e-5)
    assert all(a >= b for a, b in itertools.pairwise(rates[9:]))
