"""The explorer's Plotly figures on their own: the map's selection, its axis range and its term view."""

from __future__ import annotations

import json

import numpy as np

from app import charts
from tests.app.conftest import decode_arrays


def _map(selected: int | None = None, weights: np.ndarray | None = None, revision: int = 0) -> dict:
    coordinates = np.array([[0.0, 0.0], [0.3, -0.1], [-0.25, 0.2], [0.05, 0.28]])
    prevalence = np.array([0.5, 0.2, 0.2, 0.1])
    labels = [f"#{r} topic (id {k})" for k, r in enumerate([1, 2, 3, 4])]
    fig = charts.intertopic_map(coordinates, prevalence, np.array([1, 2, 3, 4]), labels, selected, weights, ("x", "y"),
                                revision)  # fmt: skip
    return decode_arrays(json.loads(fig.to_json()))


def test_selected_topic_is_plotlys_own_selection() -> None:
    trace = _map(selected=2, revision=7)["data"][0]
    position = list(trace["customdata"]).index(2)  # circles are drawn biggest first, so positions differ from ids
    assert list(trace["selectedpoints"]) == [position]
    assert trace["selected"]["marker"]["color"] == charts.RED
    assert trace["unselected"]["marker"]["color"] == trace["marker"]["color"] == charts.LIGHT_BLUE
    assert trace["meta"] == 7
    assert _map()["data"][0].get("selectedpoints") is None


def test_every_circle_fits_inside_the_axes() -> None:
    fig = _map()
    trace = fig["data"][0]
    span = fig["layout"]["xaxis"]["range"][1]
    assert fig["layout"]["yaxis"]["range"] == [-span, span]
    per_pixel = 2 * span / charts._PLOT_PX
    for x, y, d in zip(trace["x"], trace["y"], trace["marker"]["size"], strict=True):
        radius = d / 2 * per_pixel
        assert abs(x) + radius <= span and abs(y) + radius <= span, (x, y, d, span)


def test_term_view_resizes_and_keeps_the_axes() -> None:
    plain = _map()
    weights = np.array([0.0, 0.9, 0.1, 0.0])
    term = _map(weights=weights)
    assert term["layout"]["xaxis"]["range"] == plain["layout"]["xaxis"]["range"]
    sizes = dict(zip(term["data"][0]["customdata"], term["data"][0]["marker"]["size"], strict=True))
    assert sizes[1] > 2 * sizes[2] and sizes[0] == sizes[3] == 6.0  # tiny weights keep a clickable minimum
    assert term["data"][0]["marker"]["color"] == charts.BLUE
    assert "p(topic | term) = 0.900" in " ".join(term["data"][0]["hovertext"])
