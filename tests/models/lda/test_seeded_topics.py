"""Seeded topics: word priors in the Gibbs engine (asymmetric η), measured on planted corpora."""

from __future__ import annotations

import numpy as np
import pytest

from models.errors import InputError
from models.lda.alignment import js_similarity, top_word_ids
from models.lda.fit import fit_lda
from models.lda.gibbs.conditional import conditional
from models.lda.gibbs.likelihood import joint_log_likelihood_counts, joint_log_likelihood_prior
from models.lda.gibbs.sampler import _sample_runs, _sample_runs_prior
from models.lda.options import LdaOptions
from models.lda.seeds import format_seed_words, parse_seed_words, word_prior
from models.synthetic import block_diagonal, rare_topic

RARE = 4  # the rare planted topic of rare_topic()


def _seeds(planted, topic: int, n: int = 3, name: str = "rare") -> tuple:
    words = top_word_ids(planted.phi, 10)[topic][:n]
    return ((name, tuple(planted.corpus.vocab[w] for w in words)),)


def test_seeded_topic_recovers_its_planted_words_better() -> None:
    unseeded, seeded = [], []
    for seed in range(4):
        planted = rare_topic(seed=seed)
        plain = fit_lda(planted.corpus, LdaOptions(n_topics=5, seed=seed, workers=1))
        steered = fit_lda(
            planted.corpus, LdaOptions(n_topics=5, seed=seed, workers=1, seed_words=_seeds(planted, RARE))
        )
        unseeded.append(js_similarity(planted.phi[RARE : RARE + 1], plain.phi).max())  # the best topic of any
        seeded.append(js_similarity(planted.phi[RARE : RARE + 1], steered.phi)[0, 0])  # the topic named "rare"
        assert steered.params["topic_names"] == {0: "rare"}
    # measured (seeds 0-3): unseeded 0.97 0.51 0.49 0.98 (mean 0.74), seeded 0.96 0.97 0.96 0.96 (mean 0.96)
    assert min(seeded) > 0.9
    assert np.mean(seeded) - np.mean(unseeded) > 0.15


def test_seeds_that_contradict_the_data_are_overridden() -> None:
    planted = block_diagonal(n_topics=5, docs_per_topic=20, terms_per_topic=10, doc_length=50, seed=0)
    vocab = planted.corpus.vocab
    # topic "clash" is seeded with three words of block 0 and one word of block 3
    clash = (("clash", (vocab[0], vocab[1], vocab[2], vocab[30])),)
    model = fit_lda(planted.corpus, LdaOptions(n_topics=5, seed=0, workers=1, seed_words=clash))
    sim = js_similarity(planted.phi, model.phi)
    block3 = int(np.argmax(sim[3]))
    assert block3 != 0 and sim[3, block3] > 0.95  # block 3 kept its own topic, not the named one
    z, words = np.concatenate(model.assignments), planted.corpus.token_ids
    # the named topic holds block 0's tokens (as most of its seeds say) and none of block 3's
    assert np.mean(z[words < 10] == 0) > 0.95 and np.mean(words[z == 0] < 10) > 0.99
    # the contradicting seed word's tokens went back to block 3's topic: the data outweigh the prior
    assert np.mean(z[words == 30] == block3) > 0.95
    # (φ includes the prior β_kw, so its pseudo-counts still show: measured φ[0, w30] = 0.08 against 0.11 in block 3)
    assert model.phi[block3, 30] > model.phi[0, 30]


def test_no_seeds_gives_the_same_fit_as_before() -> None:
    corpus = block_diagonal().corpus
    a = fit_lda(corpus, LdaOptions(n_topics=5, seed=3, workers=1, iterations=30))
    b = fit_lda(corpus, LdaOptions(n_topics=5, seed=3, workers=1, iterations=30, seed_words=()))
    np.testing.assert_array_equal(np.concatenate(a.assignments), np.concatenate(b.assignments))
    assert "topic_names" not in a.params


def test_seeded_fit_is_reproducible_on_two_workers() -> None:
    planted = rare_topic(seed=1)
    options = LdaOptions(n_topics=5, seed=1, workers=2, seed_words=_seeds(planted, RARE))
    a, b = fit_lda(planted.corpus, options), fit_lda(planted.corpus, options)
    np.testing.assert_array_equal(a.phi, b.phi)
    assert js_similarity(planted.phi[RARE : RARE + 1], a.phi)[0, 0] > 0.9


def test_prior_kernel_equals_the_full_conditional_with_beta_kw() -> None:
    rng = np.random.default_rng(0)
    n_terms, n_topics, n_docs = 6, 4, 3
    vocab = [f"w{i}" for i in range(n_terms)]
    tf = np.array([5, 1, 1, 1, 1, 1])
    prior = word_prior((("a", ("w0",)), ("b", ("w0", "w2"))), vocab, n_topics, 0.1, tf)
    dense = prior.dense()
    assert dense.shape == (n_topics, n_terms)
    assert dense[0, 0] == pytest.approx(5.1) and dense[1, 0] == pytest.approx(5.1) and dense[1, 2] == pytest.approx(1.1)
    np.testing.assert_allclose(prior.total, dense.sum(axis=1))
    # one token of word 0 in document 1, resampled by both kernels with the same uniform draw
    nwz = rng.integers(1, 5, size=(n_terms, n_topics)).astype(np.int32)
    ndz = rng.integers(1, 5, size=(n_docs, n_topics)).astype(np.int32)
    nwz[0, 2] += 1
    ndz[1, 2] += 1
    nz = nwz.sum(axis=0).astype(np.int64)
    args = (np.array([0], dtype=np.uint32), np.array([0, 1]), np.array([1], dtype=np.uint32))
    zs = np.array([2], dtype=np.int32)
    coef, wts, cum = np.zeros(4), np.zeros(4), np.zeros(4)
    n_kw, n_dk, n_k = nwz[0].astype(float), ndz[1].astype(float), nz.astype(float)
    n_kw[2] -= 1
    n_dk[2] -= 1
    n_k[2] -= 1
    expected = (n_dk + 0.5) * (n_kw + dense[:, 0]) / (n_k + prior.total)
    inv_norm = 1.0 / (nz + prior.total)
    _sample_runs_prior(
        0, 1, *args[:2], args[2], zs, nwz.copy(), ndz.copy(), nz.copy(), inv_norm, 0.5, prior.row, prior.table,
        prior.total, coef, wts, cum, np.array([7], dtype=np.uint64),
    )  # fmt: skip
    np.testing.assert_allclose(wts[:n_topics], expected)
    # with row 0 everywhere (no seeds) the prior kernel is the symmetric sampler: same weights and draw
    flat = word_prior((), vocab, n_topics, 0.1, tf)
    sym_wts = np.zeros(4)
    z_prior, z_plain = np.array([2], dtype=np.int32), np.array([2], dtype=np.int32)  # (zs was resampled)
    _sample_runs_prior(
        0, 1, *args[:2], args[2], z_prior, nwz.copy(), ndz.copy(), nz.copy(), 1.0 / (nz + flat.total), 0.5, flat.row,
        flat.table, flat.total, np.zeros(4), wts, np.zeros(4), np.array([7], dtype=np.uint64),
    )  # fmt: skip
    _sample_runs(
        0, 1, *args[:2], args[2], z_plain, nwz.copy(), ndz.copy(), nz.copy(), 1.0 / (nz + n_terms * 0.1), 0.5, 0.1,
        np.zeros(4), sym_wts, np.zeros(4), np.array([7], dtype=np.uint64),
    )  # fmt: skip
    np.testing.assert_allclose(wts[:n_topics], sym_wts[:n_topics])
    np.testing.assert_allclose(sym_wts[:n_topics], conditional(n_dk, n_kw, n_k, 0.5, 0.1, n_terms)[0])
    assert z_prior[0] == z_plain[0]
    assert joint_log_likelihood_prior(nwz, ndz, nz, 0.5, flat.row, flat.table, flat.total) == pytest.approx(
        joint_log_likelihood_counts(nwz, ndz, nz, 0.5, 0.1)
    )


def test_seed_word_text_and_validation() -> None:
    text = "sports: goal, match team\n# a comment\n\n가구: 소파 식탁 의자"
    seeds = parse_seed_words(text)
    assert seeds == (("sports", ("goal", "match", "team")), ("가구", ("소파", "식탁", "의자")))
    assert parse_seed_words(format_seed_words(seeds)) == seeds
    for bad in ("no colon here", "sports:", "a: x\na: y"):
        with pytest.raises(InputError):
            parse_seed_words(bad)
    corpus = block_diagonal().corpus
    with pytest.raises(InputError, match="only the gibbs engine"):
        fit_lda(corpus, LdaOptions(engine="sklearn", n_topics=5, seed_words=(("a", ("w00000",)),)))
    with pytest.raises(InputError, match="not in the corpus"):
        fit_lda(corpus, LdaOptions(n_topics=5, seed_words=(("a", ("nope",)),)))
    with pytest.raises(InputError, match="more seeded topics"):
        fit_lda(corpus, LdaOptions(n_topics=1, seed_words=(("a", ("w00000",)), ("b", ("w00001",)))))
