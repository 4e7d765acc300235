"""The explorer's Plotly figures on their own: the map's selection, its axis range and its term view."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from app import charts
from tests.app.conftest import decode_arrays


def _map(selected: int | None = None, weights: np.ndarray | None = None) -> dict:
    coordinates = np.array([[0.0, 0.0], [0.3, -0.1], [-0.25, 0.2], [0.05, 0.28]])
    prevalence = np.array([0.5, 0.2, 0.2, 0.1])
    labels = [f"#{r} topic (id {k})" for k, r in enumerate([1, 2, 3, 4])]
    fig = charts.intertopic_map(coordinates, prevalence, np.array([1, 2, 3, 4]), labels, selected, weights)
    return decode_arrays(json.loads(fig.to_json()))


def _topic_circles(fig: dict) -> dict[int, tuple[float, float, float, dict]]:
    """Topic id → (x, y, radius, shape) of its circle shape."""
    out = {}
    for shape in fig["layout"]["shapes"]:
        if shape["type"] == "circle" and shape.get("name", "").startswith("topic "):
            r = (shape["x1"] - shape["x0"]) / 2
            assert (shape["y1"] - shape["y0"]) / 2 == pytest.approx(r)
            out[int(shape["name"].split()[1])] = (shape["x0"] + r, shape["y0"] + r, r, shape)
    return out


def test_selected_topic_is_red_and_clicks_name_the_topic() -> None:
    fig = _map(selected=2)
    circles = _topic_circles(fig)
    fills = {k: shape["fillcolor"] for k, (_, _, _, shape) in circles.items()}
    assert fills[2] == charts._FILL[charts.RED]
    assert {fills[k] for k in (0, 1, 3)} == {charts._FILL[charts.LIGHT_BLUE]}
    assert [shape.get("layer") for *_, shape in circles.values()] == ["below"] * 4  # numbers stay on top
    # Clicks go to one small, transparent point per topic at its circle's centre, under its number.
    points = fig["data"][0]
    assert points["customdata"] == [0, 1, 2, 3] and points["text"] == ["1", "2", "3", "4"]
    assert points["marker"]["size"] <= 6  # Plotly's hover distance is then the distance to the centre
    for k, (x, y, _, _) in circles.items():
        assert (points["x"][k], points["y"][k]) == pytest.approx((x, y))
    assert points["selected"]["textfont"]["color"] == charts.RED
    assert fig["layout"]["hoverdistance"] >= max(r for _, _, r, _ in circles.values()) / _per_px(fig)
    assert set(_topic_circles(_map())[k][3]["fillcolor"] for k in range(4)) == {charts._FILL[charts.LIGHT_BLUE]}


def _per_px(fig: dict) -> float:
    x0, x1 = fig["layout"]["xaxis"]["range"]
    y0, y1 = fig["layout"]["yaxis"]["range"]
    return max(x1 - x0, y1 - y0) / charts._PLOT_PX


def _inside(fig: dict) -> None:
    x0, x1 = fig["layout"]["xaxis"]["range"]
    y0, y1 = fig["layout"]["yaxis"]["range"]
    for x, y, r, _ in _topic_circles(fig).values():
        assert x0 <= x - r and x + r <= x1 and y0 <= y - r and y + r <= y1, (x, y, r)
    for shape in fig["layout"]["shapes"]:  # the size guide too
        assert x0 <= min(shape["x0"], shape["x1"]) and max(shape["x0"], shape["x1"]) <= x1, shape
        assert y0 <= min(shape["y0"], shape["y1"]) and max(shape["y0"], shape["y1"]) <= y1, shape


def test_every_circle_fits_inside_the_axes() -> None:
    _inside(_map())


def test_circles_are_sized_as_ldavis_and_no_more_crowded() -> None:
    fig = _map()
    circles = _topic_circles(fig)
    # LDAvis: r = sqrt(share * side² * 0.25 / π), side = the centres' extent plus 5% on each side.
    side = 0.55 * 1.1  # x from -0.25 to 0.3
    for k, share in enumerate([0.5, 0.2, 0.2, 0.1]):
        assert circles[k][2] == pytest.approx(math.sqrt(share * side**2 * 0.25 / math.pi))
    x0, x1 = fig["layout"]["xaxis"]["range"]
    y0, y1 = fig["layout"]["yaxis"]["range"]
    covered = sum(math.pi * r**2 for _, _, r, _ in circles.values())
    assert covered / ((x1 - x0) * (y1 - y0)) <= 0.25  # LDAvis's own share of its panel


def test_size_guide_shows_2_5_and_10_percent_clear_of_the_circles() -> None:
    fig = _map()
    guide = [s for s in fig["layout"]["shapes"] if s["type"] == "circle" and s["name"].startswith("guide")]
    radii = [(s["x1"] - s["x0"]) / 2 for s in guide]
    side = 0.55 * 1.1
    assert radii == pytest.approx([math.sqrt(p * side**2 * 0.25 / math.pi) for p in (0.02, 0.05, 0.10)])
    assert len({s["y0"] for s in guide}) == 1  # sharing a bottom point, as LDAvis draws them
    texts = [a["text"] for a in fig["layout"]["annotations"]]
    assert texts == ["2%", "5%", "10%", "Marginal topic distribution"]
    big = guide[-1]
    box = (big["x0"], big["y0"], big["x1"] + 0.1 * side, big["y1"])
    for x, y, r, _ in _topic_circles(fig).values():
        nearest = (min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3]))
        assert math.dist((x, y), nearest) > r  # no topic circle under the guide


def test_axes_follow_a_layout_that_is_not_centred() -> None:
    coordinates = np.array([[10.0, 20.0], [12.0, 21.0], [11.0, 23.0]])
    fig = charts.intertopic_map(coordinates, np.array([0.5, 0.3, 0.2]), np.array([1, 2, 3]), ["a", "b", "c"])
    fig = decode_arrays(json.loads(fig.to_json()))
    x0, x1 = fig["layout"]["xaxis"]["range"]
    assert x0 < 10 < 12 < x1 and x1 - x0 < 12  # around the circles, not around the origin
    _inside(fig)


@pytest.mark.parametrize("n", [1, 2])
def test_one_or_two_topics_fit(n: int) -> None:
    coordinates = np.array([[-0.2, 0.0], [0.2, 0.0]])[:n]
    fig = charts.intertopic_map(coordinates, np.full(n, 1 / n), np.arange(1, n + 1), ["a", "b"][:n])
    _inside(decode_arrays(json.loads(fig.to_json())))


def test_term_view_resizes_and_contains_the_circles() -> None:
    term = _map(weights=np.array([0.0, 0.9, 0.1, 0.0]))
    radii = {k: r for k, (_, _, r, _) in _topic_circles(term).items()}
    assert radii[1] > radii[2] > radii[0] > 0  # tiny weights keep a dot under the number
    assert radii[0] == pytest.approx(radii[3])
    assert radii[1] / radii[2] == pytest.approx(3.0)  # area ∝ p(topic | term)
    _inside(term)
    assert {s["fillcolor"] for *_, s in _topic_circles(term).values()} == {charts._FILL[charts.BLUE]}
    assert "p(topic | term) = 0.900" in " ".join(term["data"][0]["hovertext"])
