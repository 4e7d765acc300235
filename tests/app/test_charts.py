"""The explorer's Plotly figures on their own: the map's selection, its axis range and its term view."""

from __future__ import annotations

import json

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


def test_selected_topic_is_red_and_a_click_turns_red_in_the_browser() -> None:
    trace = _map(selected=2)["data"][0]
    colours = dict(zip(trace["customdata"], trace["marker"]["color"], strict=True))  # drawn biggest first
    assert colours == {0: charts.LIGHT_BLUE, 1: charts.LIGHT_BLUE, 2: charts.RED, 3: charts.LIGHT_BLUE}
    assert trace["selected"]["marker"]["color"] == charts.RED  # the circle the user clicks
    assert trace["unselected"]["marker"]["color"] == charts.LIGHT_BLUE  # the others, the old red one included
    assert trace.get("selectedpoints") is None
    assert set(_map()["data"][0]["marker"]["color"]) == {charts.LIGHT_BLUE}


def _inside(fig: dict) -> None:
    trace = fig["data"][0]
    x0, x1 = fig["layout"]["xaxis"]["range"]
    y0, y1 = fig["layout"]["yaxis"]["range"]
    assert x1 - x0 == pytest.approx(y1 - y0)
    per_pixel = (x1 - x0) / charts._PLOT_PX
    for x, y, d in zip(trace["x"], trace["y"], trace["marker"]["size"], strict=True):
        radius = d / 2 * per_pixel
        assert x0 <= x - radius and x + radius <= x1 and y0 <= y - radius and y + radius <= y1, (x, y, d)


def test_every_circle_fits_inside_the_axes() -> None:
    _inside(_map())


def test_axes_follow_a_layout_that_is_not_centred() -> None:
    coordinates = np.array([[10.0, 20.0], [12.0, 21.0], [11.0, 23.0]])
    fig = charts.intertopic_map(coordinates, np.array([0.5, 0.3, 0.2]), np.array([1, 2, 3]), ["a", "b", "c"])
    fig = decode_arrays(json.loads(fig.to_json()))
    x0, x1 = fig["layout"]["xaxis"]["range"]
    assert x0 < 10 < 12 < x1 and x1 - x0 < 12  # around the circles, not around the origin
    _inside(fig)


def test_term_view_resizes_and_keeps_the_axes() -> None:
    plain = _map()
    term = _map(weights=np.array([0.0, 0.9, 0.1, 0.0]))
    assert term["layout"]["xaxis"]["range"] == plain["layout"]["xaxis"]["range"]
    sizes = dict(zip(term["data"][0]["customdata"], term["data"][0]["marker"]["size"], strict=True))
    assert sizes[1] == 0.45 * charts._PLOT_PX > sizes[2]  # at most 45% of the panel, so it is never cut off
    assert sizes[0] == sizes[3] == 6.0  # tiny weights keep a clickable minimum
    assert set(term["data"][0]["marker"]["color"]) == {charts.BLUE}
    assert "p(topic | term) = 0.900" in " ".join(term["data"][0]["hovertext"])
