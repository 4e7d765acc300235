"""Intertopic map: prevalence, display order, Jensen-Shannon divergence and layouts (known answers)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon, pdist, squareform

from models.errors import InputError
from models.ldavis.intertopic import (
    CIRCLE_PROP,
    LAYOUTS,
    circle_radii,
    display_order,
    display_ranks,
    js_divergence,
    layout_coordinates,
    map_panel_side,
    pcoa,
    topic_prevalence,
    topic_token_counts,
    tsne,
)

LN2 = np.log(2.0)


def test_prevalence_is_token_share() -> None:
    theta = np.array([[1.0, 0.0], [0.5, 0.5], [0.0, 1.0]])
    lengths = np.array([10, 20, 70])
    np.testing.assert_allclose(topic_token_counts(theta, lengths), [20.0, 80.0])
    np.testing.assert_allclose(topic_prevalence(theta, lengths), [0.2, 0.8])


def test_prevalence_without_tokens_is_a_user_error() -> None:
    with pytest.raises(InputError) as err:
        topic_prevalence(np.full((2, 2), 0.5), np.zeros(2))
    assert err.value.code == "vis_no_tokens"
    assert err.value.text("ko")


def test_display_order_is_by_decreasing_prevalence_with_ties_by_id() -> None:
    order = display_order(np.array([0.1, 0.3, 0.3, 0.2, 0.1]))
    assert order.tolist() == [1, 2, 3, 0, 4]
    ranks = display_ranks(order)
    assert ranks.tolist() == [4, 1, 2, 3, 5]
    assert (order[ranks - 1] == np.arange(5)).all()


def test_js_divergence_known_answers() -> None:
    phi = np.array(
        [
            [0.5, 0.5, 0.0, 0.0],
            [0.5, 0.5, 0.0, 0.0],  # identical to topic 0
            [0.0, 0.0, 0.5, 0.5],  # disjoint from topic 0
            [1.0, 0.0, 0.0, 0.0],
        ]
    )
    d = js_divergence(phi)
    assert d[0, 1] == pytest.approx(0.0, abs=1e-15)
    # pyLDAvis uses the divergence itself (natural log), not its square root: disjoint topics are ln 2 apart.
    assert d[0, 2] == pytest.approx(LN2, rel=1e-12)
    # P = (1, 0), Q = (1/2, 1/2): M = (3/4, 1/4), JSD = (log(4/3) + 0.5 log(2/3) + 0.5 log 2) / 2
    expected = 0.5 * (np.log(4 / 3) + 0.5 * np.log(2 / 3) + 0.5 * np.log(2))
    assert d[3, 0] == pytest.approx(expected, rel=1e-12)
    assert d[3, 0] == pytest.approx(jensenshannon(phi[3], phi[0]) ** 2, rel=1e-12)
    np.testing.assert_array_equal(d, d.T)
    np.testing.assert_array_equal(np.diag(d), 0.0)


def test_js_divergence_matches_pyldavis_definition() -> None:
    from pyLDAvis._prepare import _jensen_shannon

    rng = np.random.default_rng(1)
    phi = rng.dirichlet(np.full(300, 0.1), size=7)
    phi[2, :150] = 0.0  # exact zeros must be handled as 0 log 0 = 0
    phi[2] /= phi[2].sum()
    np.testing.assert_allclose(js_divergence(phi), squareform(pdist(phi, metric=_jensen_shannon)), atol=1e-13)


def test_pcoa_matches_pyldavis_up_to_axis_sign() -> None:
    from pyLDAvis._prepare import _pcoa

    rng = np.random.default_rng(2)
    d = js_divergence(rng.dirichlet(np.full(200, 0.2), size=9))
    ours, theirs = pcoa(d), _pcoa(d)
    signs = np.sign(np.sum(ours * theirs, axis=0))
    np.testing.assert_allclose(ours, theirs * signs, atol=1e-10)


def test_pcoa_recovers_euclidean_configuration() -> None:
    points = np.random.default_rng(3).normal(size=(6, 2))
    d = squareform(pdist(points))
    np.testing.assert_allclose(squareform(pdist(pcoa(d))), d, atol=1e-10)
    # centred, and the deterministic sign: each axis's largest-magnitude coordinate is positive
    coords = pcoa(d)
    np.testing.assert_allclose(coords.mean(axis=0), 0.0, atol=1e-12)
    assert (coords[np.abs(coords).argmax(axis=0), [0, 1]] > 0).all()


def _phi(k: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).dirichlet(np.full(50, 0.3), size=k)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_one_topic_sits_at_the_origin(layout: str) -> None:
    coords = layout_coordinates(js_divergence(_phi(1)), layout)
    np.testing.assert_array_equal(coords, [[0.0, 0.0]])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_two_topics_lie_on_the_first_axis_at_their_distance(layout: str) -> None:
    d = js_divergence(_phi(2))
    coords = layout_coordinates(d, layout)
    assert coords.shape == (2, 2)
    np.testing.assert_allclose(coords[:, 1], 0.0, atol=1e-12)
    np.testing.assert_allclose(sorted(coords[:, 0]), [-d[0, 1] / 2, d[0, 1] / 2], rtol=1e-10)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_three_topics_keep_their_distances(layout: str) -> None:
    d = js_divergence(_phi(3))
    coords = layout_coordinates(d, layout)
    assert coords.shape == (3, 2) and np.isfinite(coords).all()
    # three points embed exactly in the plane when the divergences satisfy the triangle inequality (they do here)
    np.testing.assert_allclose(squareform(pdist(coords)), d, rtol=1e-3, atol=1e-6)


def test_metric_mds_and_tsne_are_seeded_and_finite() -> None:
    d = js_divergence(_phi(12, seed=4))
    for layout in ("mmds", "tsne"):
        a, b = layout_coordinates(d, layout, seed=7), layout_coordinates(d, layout, seed=7)
        assert a.shape == (12, 2) and np.isfinite(a).all()
        np.testing.assert_array_equal(a, b)
    # SMACOF starts from the classical solution and only lowers the stress sum (d_ij - |x_i - x_j|)^2
    target = squareform(d, checks=False)

    def stress(coords: np.ndarray) -> float:
        return float(np.sum((pdist(coords) - target) ** 2))

    assert stress(layout_coordinates(d, "mmds")) <= stress(pcoa(d)) + 1e-12


def test_tsne_with_few_topics_falls_back_to_pcoa() -> None:
    d = js_divergence(_phi(3))
    np.testing.assert_array_equal(tsne(d), pcoa(d))


def test_unknown_layout_is_a_user_error() -> None:
    with pytest.raises(InputError) as err:
        layout_coordinates(np.zeros((2, 2)), "umap")
    assert err.value.code == "bad_option"


def test_circle_radii_cover_a_quarter_of_ldavis_panel() -> None:
    coordinates = np.array([[-0.2, 0.1], [0.3, 0.0], [0.0, -0.1]])
    side = map_panel_side(coordinates)
    assert side == pytest.approx(0.5 * 1.1)  # x extent 0.5 > y extent 0.2, plus 5% padding on each side
    radii = circle_radii(np.array([2.0, 1.0, 1.0]), side)  # shares 0.5, 0.25, 0.25
    assert np.pi * (radii**2).sum() == pytest.approx(CIRCLE_PROP * side**2)
    assert radii[0] / radii[1] == pytest.approx(np.sqrt(2))  # area ∝ share
    assert map_panel_side(np.zeros((1, 2))) == 1.0  # one topic: a unit panel
    assert circle_radii(np.zeros(2), 1.0).tolist() == [0.0, 0.0]
