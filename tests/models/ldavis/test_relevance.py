"""Relevance, saliency, p(topic | term) and the λ-candidate sets: known answers and exhaustive checks."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import InputError
from models.lda.topic_model import TopicModel
from models.ldavis.relevance import (
    log_lift,
    log_phi,
    rank_candidates,
    relevance,
    relevance_candidates,
    saliency,
    topic_given_term,
)
from models.ldavis.vis_data import prepare_vis, salient_terms, top_terms
from models.ldavis.vis_data import topic_given_term as term_topics


def dirichlet_model(k: int, v: int, d: int, seed: int = 0, beta: float = 0.1) -> TopicModel:
    """A random model: phi and theta drawn from symmetric Dirichlets, term counts from the model."""
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(v, beta), size=k)
    theta = rng.dirichlet(np.full(k, 0.3), size=d)
    lengths = rng.integers(20, 200, size=d).astype(np.float64)
    return TopicModel(
        phi=phi,
        theta=theta,
        vocab=tuple(f"w{i}" for i in range(v)),
        doc_lengths=lengths,
        term_frequency=(lengths @ theta) @ phi,
    )


def full_ranking(x: np.ndarray, y: np.ndarray, lam: float, R: int) -> np.ndarray:
    """Top R of all terms by relevance, ties to the lower index (the brute-force reference)."""
    r = relevance(x, y, lam)
    return np.lexsort((np.arange(len(r)), -r))[:R]


# --- formulas ------------------------------------------------------------------------------------------------------


def test_relevance_is_the_convex_combination() -> None:
    phi = np.array([[0.5, 0.25, 0.25], [0.1, 0.1, 0.8]])
    p_w = np.array([0.3, 0.2, 0.5])
    lp, ll = log_phi(phi), log_lift(phi, p_w)
    np.testing.assert_allclose(ll, np.log(phi / p_w))
    r = relevance(lp, ll, 0.6)
    assert r[0, 1] == pytest.approx(0.6 * np.log(0.25) + 0.4 * np.log(0.25 / 0.2))
    np.testing.assert_allclose(relevance(lp, ll, 1.0), lp)
    np.testing.assert_allclose(relevance(lp, ll, 0.0), ll)


def test_zero_probability_is_never_relevant() -> None:
    phi = np.array([[0.0, 1.0], [0.5, 0.5]])
    p_w = np.array([0.25, 0.75])
    r0 = relevance(log_phi(phi), log_lift(phi, p_w), 0.0)
    assert r0[0, 0] == -np.inf and np.isfinite(r0[1]).all()


def test_saliency_known_answers() -> None:
    prevalence = np.array([0.5, 0.5])
    # a term spread evenly over equally common topics says nothing: saliency 0;
    # a term in one topic only has distinctiveness log(1 / 0.5) = ln 2
    phi = np.array([[0.5, 0.5, 0.0], [0.5, 0.0, 0.5]])
    p_w = np.array([0.5, 0.25, 0.25])
    np.testing.assert_allclose(saliency(phi, prevalence, p_w), [0.0, 0.25 * np.log(2), 0.25 * np.log(2)], atol=1e-15)
    # pyLDAvis's uniform-prior p(k|w) = phi_kw / sum_j phi_jw, with p(k) from prevalence
    phi = np.array([[0.6, 0.4], [0.2, 0.8]])
    prevalence = np.array([0.25, 0.75])
    p_w = prevalence @ phi
    pkw = phi / phi.sum(axis=0)
    expected = p_w * (pkw * np.log(pkw / prevalence[:, None])).sum(axis=0)
    np.testing.assert_allclose(saliency(phi, prevalence, p_w), expected)


def test_topic_given_term_is_bayes_with_topic_sizes() -> None:
    phi = np.array([[0.6, 0.4, 0.0], [0.2, 0.8, 0.0]])
    phi[:, 2] = 0.0
    counts = np.array([100.0, 300.0])
    p = topic_given_term(phi, counts)
    assert p[0, 0] == pytest.approx(60 / (60 + 60))
    assert p[1, 1] == pytest.approx(240 / (40 + 240))
    np.testing.assert_array_equal(p[:, 2], 0.0)


# --- candidate sets ------------------------------------------------------------------------------------------------


def test_top_r_by_phi_and_by_lift_is_not_enough_but_candidates_are() -> None:
    # R = 1: a leads at λ = 1, b at λ = 0, and only w at λ = 0.5
    x = np.array([[10.0, 0.0, 6.0]])
    y = np.array([[0.0, 10.0, 6.0]])
    assert full_ranking(x[0], y[0], 0.5, 1).tolist() == [2]
    cand = relevance_candidates(x, y, R=1)
    assert sorted(cand[0][cand[0] >= 0].tolist()) == [0, 1, 2]


def strict_dominators(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return ((x[None, :] > x[:, None]) & (y[None, :] > y[:, None])).sum(axis=1)


def crossing_lams(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Every λ where two terms tie, the midpoints between them, and the ends: the top R is constant in between."""
    lams = [0.0, 1.0]
    for i, j in itertools.combinations(range(len(x)), 2):
        # λ x_i + (1-λ) y_i = λ x_j + (1-λ) y_j  <=>  λ ((x_i - y_i) - (x_j - y_j)) = y_j - y_i
        slope = (x[i] - y[i]) - (x[j] - y[j])
        if slope != 0:
            lam = (y[j] - y[i]) / slope
            if 0 < lam < 1:
                lams.append(lam)
    lams = np.unique(lams)
    return np.unique(np.concatenate([lams, (lams[:-1] + lams[1:]) / 2]))


@settings(max_examples=150, deadline=None)
@given(
    points=st.lists(
        st.tuples(st.integers(-6, 6), st.integers(-6, 6)),  # small integers: many exact ties
        min_size=2,
        max_size=14,
    ),
    R=st.integers(1, 5),
)
def test_candidates_contain_every_top_r_for_every_lambda(points: list[tuple[int, int]], R: int) -> None:
    x = np.array([p[0] for p in points], dtype=np.float64)
    y = np.array([p[1] for p in points], dtype=np.float64)
    cand = relevance_candidates(x[None, :], y[None, :], R)[0]
    kept = set(cand[cand >= 0].tolist())
    # the guarantee: every term with fewer than R strict dominators (any tie-breaking) is a candidate
    assert set(np.flatnonzero(strict_dominators(x, y) < R).tolist()) <= kept
    # and so every top R, at every λ where the ranking can change and in between
    for lam in crossing_lams(x, y):
        assert set(full_ranking(x, y, lam, R).tolist()) <= kept
        top = rank_candidates(cand, x[np.maximum(cand, 0)], y[np.maximum(cand, 0)], lam, R)
        assert cand[top].tolist() == full_ranking(x, y, lam, R).tolist()


def test_reranking_candidates_equals_ranking_every_term() -> None:
    vis = prepare_vis(dirichlet_model(k=6, v=3000, d=200, seed=5), R=30)
    for topic, lam in itertools.product(range(6), np.linspace(0, 1, 21)):
        expected = full_ranking(vis.log_phi[topic], vis.log_lift[topic], lam, 30)
        assert top_terms(vis, topic, lam).term_index.tolist() == expected.tolist()


def test_candidate_sets_stay_small() -> None:
    vis = prepare_vis(dirichlet_model(k=10, v=20_000, d=300, seed=6), R=30)
    per_topic = (vis.candidates >= 0).sum(axis=1)
    assert per_topic.min() >= 30
    assert per_topic.max() < 1000  # out of 20,000 terms


# --- views ---------------------------------------------------------------------------------------------------------


def test_lambda_one_ranks_by_phi_and_zero_by_lift() -> None:
    model = dirichlet_model(k=4, v=500, d=100, seed=7)
    vis = prepare_vis(model, R=20)
    for topic in range(4):
        by_phi = top_terms(vis, topic, 1.0, R=20)
        assert by_phi.term_index.tolist() == np.argsort(-model.phi[topic], kind="stable")[:20].tolist()
        by_lift = top_terms(vis, topic, 0.0, R=20)
        lift = model.phi[topic] / (vis.term_frequency / vis.term_frequency.sum())
        assert by_lift.term_index.tolist() == np.argsort(-lift, kind="stable")[:20].tolist()


def test_term_table_columns() -> None:
    model = dirichlet_model(k=3, v=200, d=50, seed=8)
    vis = prepare_vis(model, R=10)
    table = top_terms(vis, 2, 0.6, R=10)
    idx = table.term_index
    assert table.terms == tuple(model.vocab[i] for i in idx)
    np.testing.assert_allclose(table.log_phi, np.log(model.phi[2, idx]))
    np.testing.assert_allclose(table.relevance, 0.6 * table.log_phi + 0.4 * table.log_lift)
    assert (np.diff(table.relevance) <= 0).all()
    np.testing.assert_allclose(table.topic_frequency, model.phi[2, idx] * vis.topic_counts[2])
    assert (table.topic_frequency <= table.frequency + 1e-9).all()  # red bar within the blue bar
    assert list(table.to_frame().columns) == [
        "term",
        "relevance",
        "log_phi",
        "log_lift",
        "frequency",
        "topic_frequency",
    ]


def test_salient_terms_and_term_hover() -> None:
    vis = prepare_vis(dirichlet_model(k=5, v=400, d=80, seed=9), R=15)
    salient = salient_terms(vis, R=15)
    assert len(salient.terms) == 15
    assert salient.saliency[0] == vis.saliency.max()
    assert (np.diff(salient.saliency) <= 0).all()
    p = term_topics(vis, salient.terms[0])
    assert p.shape == (5,) and p.sum() == pytest.approx(1.0)
    np.testing.assert_array_equal(p, term_topics(vis, int(salient.term_index[0])))
    with pytest.raises(KeyError):
        term_topics(vis, "not-a-term")


def test_bad_requests_are_user_errors() -> None:
    vis = prepare_vis(dirichlet_model(k=3, v=100, d=20), R=10)
    for kwargs in ({"topic": 3, "lam": 0.5}, {"topic": 0, "lam": 1.5}, {"topic": 0, "lam": 0.5, "R": 11}):
        with pytest.raises(InputError):
            top_terms(vis, **kwargs)


def test_lambda_rerank_is_fast_at_k50_v50000() -> None:
    vis = prepare_vis(dirichlet_model(k=50, v=50_000, d=500, seed=10), R=30)
    times = []
    for lam in np.linspace(0, 1, 100):
        start = time.perf_counter()
        top_terms(vis, 17, lam)
        times.append(time.perf_counter() - start)
    assert np.percentile(times, 95) < 0.020


@pytest.mark.parametrize("layout", ["pcoa", "mmds", "tsne"])
def test_single_topic_model_is_prepared(layout: str) -> None:
    vis = prepare_vis(dirichlet_model(k=1, v=60, d=10), layout=layout, R=10)
    np.testing.assert_array_equal(vis.coordinates, [[0.0, 0.0]])
    assert vis.prevalence.tolist() == [1.0] and vis.order.tolist() == [0] and vis.ranks.tolist() == [1]
    np.testing.assert_array_equal(vis.saliency, 0.0)  # one topic: no term distinguishes anything
    assert len(top_terms(vis, 0, 0.6, R=10).terms) == 10
    np.testing.assert_array_equal(term_topics(vis, "w0"), [1.0])
