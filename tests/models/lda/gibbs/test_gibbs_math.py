"""Counts, the full conditional (NumPy, numba scalar kernel and the engine's buckets) and the log-likelihood."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import gammaln

from models.lda.gibbs import sampler
from models.lda.gibbs.conditional import conditional, conditional_weight
from models.lda.gibbs.counts import check_counts, count_assignments
from models.lda.gibbs.likelihood import joint_log_likelihood, joint_log_likelihood_counts, log_likelihood_per_token


def random_state(seed: int, n_docs: int = 6, n_terms: int = 9, n_topics: int = 5, n_tokens: int = 60):
    rng = np.random.default_rng(seed)
    WS = rng.integers(0, n_terms, n_tokens)
    DS = np.sort(rng.integers(0, n_docs, n_tokens))
    ZS = rng.integers(0, n_topics, n_tokens)
    return WS, DS, ZS, count_assignments(WS, DS, ZS, n_docs=n_docs, n_terms=n_terms, n_topics=n_topics)


def test_counts_of_the_lecture() -> None:
    WS = np.array([0, 1, 2, 3, 0, 4, 5, 1, 6])
    DS = np.array([0, 0, 1, 1, 1, 1, 2, 2, 2])
    ZS = np.array([0, 1, 0, 0, 1, 1, 2, 1, 2])
    nzw, ndz, nz = count_assignments(WS, DS, ZS, n_docs=3, n_terms=7, n_topics=3)
    np.testing.assert_array_equal(ndz, [[1, 1, 0], [2, 2, 0], [0, 1, 2]])
    np.testing.assert_array_equal(nzw[:, 0], [1, 1, 0])
    np.testing.assert_array_equal(nz, [3, 4, 2])
    ZS[0] = -1  # unassigned tokens are not counted
    assert count_assignments(WS, DS, ZS, n_docs=3, n_terms=7, n_topics=3).nz.tolist() == [2, 4, 2]
    with pytest.raises(ValueError, match="nz"):
        check_counts(WS, DS, ZS, nzw, ndz, nz)


@pytest.mark.parametrize("seed", range(5))
def test_numpy_scalar_and_engine_conditionals_agree(seed: int) -> None:
    WS, DS, ZS, (nzw, ndz, nz) = random_state(seed)
    alpha, beta = 0.3, 0.02
    n_terms = nzw.shape[1]
    i = seed * 7 % len(WS)
    d, w, t = DS[i], WS[i], ZS[i]
    ndz[d, t] -= 1
    nzw[t, w] -= 1
    nz[t] -= 1
    weights, probabilities = conditional(ndz[d], nzw[:, w], nz, alpha, beta, n_terms)
    by_formula = (ndz[d] + alpha) * (nzw[:, w] + beta) / (nz + n_terms * beta)
    np.testing.assert_allclose(weights, by_formula, rtol=1e-14)
    np.testing.assert_allclose(probabilities.sum(), 1.0)
    scalar = [conditional_weight(ndz[d, k], nzw[k, w], nz[k], alpha, beta, n_terms * beta) for k in range(len(nz))]
    np.testing.assert_allclose(scalar, weights, rtol=1e-13)
    bucketed = sampler.token_weights(np.ascontiguousarray(nzw.T), ndz, nz, d, w, alpha, beta)
    np.testing.assert_allclose(bucketed, weights, rtol=1e-13)


def test_engine_draw_follows_the_conditional() -> None:
    """Over a fine grid of uniforms, the engine's lane-wise draw gives each topic its probability's share."""
    WS, DS, ZS, (nzw, ndz, nz) = random_state(11, n_topics=6)
    alpha, beta = 0.5, 0.05
    d, w, t = DS[3], WS[3], ZS[3]
    ndz[d, t] -= 1
    nzw[t, w] -= 1
    nz[t] -= 1
    _, probabilities = conditional(ndz[d], nzw[:, w], nz, alpha, beta, nzw.shape[1])
    nwz = np.ascontiguousarray(nzw.T, dtype=np.int32)
    coef, wts, cum = sampler.scratch(1, len(nz))[0]
    sampler._word_coefficients(nwz, 1.0 / (nz + nwz.shape[0] * beta), w, beta, coef)
    sampler._weights(d, ndz.astype(np.int32), alpha, coef, wts)
    o1, o2, o3, total = sampler._lanes(wts, cum)
    grid = (np.arange(20_000) + 0.5) / 20_000
    picks = [sampler._draw(u, o1, o2, o3, total, cum, len(nz)) for u in grid]
    np.testing.assert_allclose(np.bincount(picks, minlength=len(nz)) / len(grid), probabilities, atol=1e-4)


def plain_sweeps(n_sweeps, run_word, run_ptr, ds, zs, nwz, ndz, nz, alpha, beta, rng_state, prior=None) -> None:
    """The engine's sweep written plainly in Python: remove the token, compute every topic's weight from the
    counts as they are, invert the lanes' cumulative sums, add the token back. ``prior``: ``(prior_row, prior,
    prior_total)`` of seeded topics (β_kw) instead of the symmetric β."""
    v_beta = nwz.shape[0] * beta
    n_topics = nz.shape[0]
    padded = (n_topics + sampler.LANES - 1) // sampler.LANES * sampler.LANES
    for _ in range(n_sweeps):
        for r in range(len(run_word)):
            w = run_word[r]
            for i in range(run_ptr[r], run_ptr[r + 1]):
                d, t = ds[i], zs[i]
                ndz[d, t] -= 1
                nwz[w, t] -= 1
                nz[t] -= 1
                wts = np.zeros(padded)
                if prior is None:
                    wts[:n_topics] = (ndz[d] + alpha) * ((nwz[w] + beta) * (1.0 / (nz + v_beta)))
                else:
                    b = prior[1][prior[0][w]]
                    wts[:n_topics] = (ndz[d] + alpha) * ((nwz[w] + b) * (1.0 / (nz + prior[2])))
                cum = np.zeros(padded)
                lane_totals = []
                for lane in range(4):
                    cum[lane::4] = np.cumsum(wts[lane::4])
                    lane_totals.append(cum[lane::4][-1])
                o1 = lane_totals[0]
                o2 = o1 + lane_totals[1]
                o3 = o2 + lane_totals[2]
                t = sampler._draw(sampler._uniform(rng_state), o1, o2, o3, o3 + lane_totals[3], cum, n_topics)
                ndz[d, t] += 1
                nwz[w, t] += 1
                nz[t] += 1
                zs[i] = t


def kernel_state(DS, ZS, order, nzw, ndz, nz) -> tuple[np.ndarray, ...]:
    """Fresh copies of ``(ds, zs, nwz, ndz, nz)`` in the kernels' visiting order and types."""
    return (
        DS[order].astype(np.uint32),
        ZS[order].astype(np.int32),
        np.ascontiguousarray(nzw.T, dtype=np.int32),
        ndz.astype(np.int32),
        nz.astype(np.int64),
    )


@pytest.mark.parametrize("n_topics", [3, 6, 9])
def test_engine_sweeps_equal_a_plain_sampler_draw_for_draw(n_topics: int) -> None:
    """The kernel's bookkeeping (weights read before the counts they depend on are written, then patched) changes
    nothing: from the same random stream it draws exactly the topics of the plain sampler, token by token."""
    WS, DS, ZS, (nzw, ndz, nz) = random_state(21, n_docs=12, n_terms=15, n_topics=n_topics, n_tokens=400)
    order, run_word, run_ptr = sampler.visiting_order(WS, DS, 15, n_topics)
    states = []
    for sweeps in (sampler.sweeps, plain_sweeps):
        state = kernel_state(DS, ZS, order, nzw, ndz, nz)
        sweeps(3, run_word, run_ptr, *state, 0.1, 0.05, np.array([17], dtype=np.uint64))
        states.append(state)
    engine, plain = states
    assert np.count_nonzero(engine[1] != ZS[order]) > 100  # the topics did move
    for a, b in zip(engine, plain, strict=True):
        np.testing.assert_array_equal(a, b)


def test_seeded_sweeps_equal_a_plain_sampler_draw_for_draw() -> None:
    """The same for the kernel of seeded topics (an asymmetric β_kw): words 0-2 lean to topic 0, 3-4 to topic 1."""
    n_topics, n_terms = 5, 15
    WS, DS, ZS, (nzw, ndz, nz) = random_state(22, n_docs=12, n_terms=n_terms, n_topics=n_topics, n_tokens=400)
    table = np.full((3, n_topics), 0.05)
    table[1, 0] = table[2, 1] = 2.0
    row = np.zeros(n_terms, dtype=np.int64)
    row[:3], row[3:5] = 1, 2
    prior = (row, table, table[row].sum(axis=0))
    order, run_word, run_ptr = sampler.visiting_order(WS, DS, n_terms, n_topics)
    states = []
    for run in (
        lambda *state: sampler.sweeps_prior(3, run_word, run_ptr, *state, 0.1, *prior, np.array([3], np.uint64)),
        lambda *state: plain_sweeps(3, run_word, run_ptr, *state, 0.1, 0.0, np.array([3], np.uint64), prior),
    ):
        state = kernel_state(DS, ZS, order, nzw, ndz, nz)
        run(*state)
        states.append(state)
    assert np.count_nonzero(states[0][1] != ZS[order]) > 100
    for a, b in zip(*states, strict=True):
        np.testing.assert_array_equal(a, b)


def test_log_likelihood_equals_direct_gammaln() -> None:
    WS, _, _, (nzw, ndz, nz) = random_state(3)
    alpha, beta = 0.2, 0.01
    k, v = nzw.shape
    d = ndz.shape[0]
    direct = 0.0
    for z in range(k):  # Griffiths & Steyvers (2004), eq. 2
        direct += gammaln(v * beta) - v * gammaln(beta)
        direct += sum(gammaln(nzw[z, w] + beta) for w in range(v)) - gammaln(nz[z] + v * beta)
    for j in range(d):  # eq. 3
        direct += gammaln(k * alpha) - k * gammaln(alpha)
        direct += sum(gammaln(ndz[j, z] + alpha) for z in range(k)) - gammaln(ndz[j].sum() + k * alpha)
    assert joint_log_likelihood(nzw, ndz, alpha, beta) == pytest.approx(direct, rel=1e-12)
    assert log_likelihood_per_token(nzw, ndz, alpha, beta) == pytest.approx(direct / len(WS), rel=1e-12)
    fast = joint_log_likelihood_counts(np.ascontiguousarray(nzw.T), ndz, nz, alpha, beta)
    assert fast == pytest.approx(direct, rel=1e-10)


def test_log_likelihood_with_counts_beyond_the_table() -> None:
    """Counts at and above ``SMALL_COUNTS`` take lnΓ itself; the sum still equals the direct form."""
    from models.lda.gibbs.likelihood import SMALL_COUNTS

    rng = np.random.default_rng(4)
    nzw = rng.integers(0, 3 * SMALL_COUNTS, size=(4, 7))
    nzw[0, 0], nzw[1, 1] = SMALL_COUNTS, SMALL_COUNTS - 1
    ndz = rng.integers(0, 3 * SMALL_COUNTS, size=(5, 4))
    ndz[:, 0] = SMALL_COUNTS
    alpha, beta = 0.3, 0.02
    fast = joint_log_likelihood_counts(np.ascontiguousarray(nzw.T, dtype=np.int32), ndz.astype(np.int32),
                                       nzw.sum(axis=1), alpha, beta)  # fmt: skip
    assert fast == pytest.approx(joint_log_likelihood(nzw, ndz, alpha, beta), rel=1e-12)
