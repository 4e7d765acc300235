"""The chain while it converges: partial models equal shorter fits, the stopping rule, and the explorer's cadence."""

from __future__ import annotations

import numpy as np
import pytest

from models.lda import explore
from models.lda.explore import explore_lda
from models.lda.gibbs import fit_gibbs
from models.lda.gibbs.convergence import converged_at
from models.lda.gibbs.counts import count_assignments
from models.lda.options import LdaOptions
from models.synthetic import generative


@pytest.fixture(scope="module")
def planted():
    return generative(n_docs=300, n_topics=5, n_terms=300, seed=0)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_partial_model_is_the_fit_with_that_many_sweeps(planted, workers: int) -> None:
    seen: dict[int, object] = {}
    options = LdaOptions(n_topics=5, iterations=45, seed=4, workers=workers)
    final = fit_gibbs(planted.corpus, options, partial=lambda sweep, model_now: seen.setdefault(sweep, model_now()))
    assert sorted(seen) == [10, 20, 30, 40]  # every PROGRESS_EVERY sweeps, never the last
    plain = fit_gibbs(planted.corpus, options)
    np.testing.assert_array_equal(final.phi, plain.phi)  # taking partial models does not disturb the chain
    for sweep in (10, 30):
        short = fit_gibbs(planted.corpus, LdaOptions(n_topics=5, iterations=sweep, seed=4, workers=workers))
        got = seen[sweep]
        assert got.params["sweeps_done"] == sweep and got.params["iterations"] == 45
        np.testing.assert_array_equal(got.phi, short.phi)
        np.testing.assert_array_equal(got.theta, short.theta)
        for a, b in zip(got.assignments, short.assignments, strict=True):
            np.testing.assert_array_equal(a, b)
        assert got.log_likelihood == short.log_likelihood


def test_partial_counts_agree_with_partial_assignments(planted) -> None:
    seen = []
    fit_gibbs(
        planted.corpus,
        LdaOptions(n_topics=5, iterations=25, seed=1, workers=2),
        partial=lambda sweep, model_now: seen.append(model_now()),
    )
    corpus = planted.corpus
    for model in seen:
        z = np.concatenate(model.assignments).astype(np.int32)
        doc = np.repeat(np.arange(corpus.n_documents), np.diff(corpus.doc_offsets))
        counts = count_assignments(corpus.token_ids, doc, z, n_docs=corpus.n_documents, n_terms=corpus.vocab_size,
                                   n_topics=5)  # fmt: skip
        beta = model.params["eta"]
        phi = (counts.nzw + beta) / (counts.nz[:, None] + corpus.vocab_size * beta)
        np.testing.assert_allclose(model.phi, phi, rtol=1e-12)


def _trace(values: list[float]) -> list[tuple[int, float]]:
    return [(10 * i, v) for i, v in enumerate(values)]


def test_stopping_rule_on_known_traces() -> None:
    rise = [-1000.0 + 900 * (1 - 0.5**i) for i in range(30)]  # gains halve every record
    at = converged_at(_trace(rise))
    # windows of 5 records: the later mean exceeds the earlier by 360 (31/32)^2 2^-(i-9), first below 1% of the
    # gain (about 9) at record i = 15
    assert at == 150
    assert converged_at(_trace([-1000.0 + 10 * i for i in range(40)])) is None  # a steady climb never converges
    assert converged_at(_trace(rise[:10])) is None  # too short to judge
    assert converged_at(_trace([-5.0] * 20)) is None  # no gain at all: nothing to judge by
    assert converged_at(_trace([*rise[:12], float("nan")])) is None


def test_a_long_chain_converges_where_its_gain_has_levelled(planted) -> None:
    model = fit_gibbs(planted.corpus, LdaOptions(n_topics=5, iterations=300, seed=0))
    at = converged_at(model.log_likelihood)
    assert at is not None and 60 <= at < 300
    ll = dict(model.log_likelihood)
    start, end = ll[0], max(ll.values())
    assert (ll[at] - start) / (end - start) > 0.97  # most of the gain is behind it


def test_explorer_partials_come_first_after_ten_sweeps_then_by_time(planted, monkeypatch) -> None:
    got = []
    options = LdaOptions(n_topics=5, iterations=40, seed=0, workers=1)
    done = explore_lda(planted.corpus, options, partial=got.append)
    assert [e.sweeps_done for e in got] == [10]  # the next ones wait PARTIAL_EVERY seconds: this fit is quicker
    assert not got[0].complete and done.complete and done.sweeps_done == 40
    assert got[0].quality.c_v.shape == (5,) and got[0].vis.coordinates.shape == (5, 2)
    monkeypatch.setattr(explore, "PARTIAL_EVERY", 0.0)
    monkeypatch.setattr(explore, "PARTIAL_SHARE", 1e9)
    got.clear()
    explore_lda(planted.corpus, options, partial=got.append)
    assert [e.sweeps_done for e in got] == [10, 20, 30]


def test_variational_engines_never_publish_partials(planted) -> None:
    got = []
    done = explore_lda(planted.corpus, LdaOptions(engine="sklearn", n_topics=5, iterations=5), partial=got.append)
    assert got == [] and done.complete and done.sweeps_done is None and done.converged_at is None
