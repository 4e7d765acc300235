"""Selecting topics on the map in a real browser: a click on a circle's number highlights that circle, the
previous/next/clear buttons move or drop the highlight, a click on the selected circle clears the topic, and the
partial redraws leave the rest of the session alone (sidebar options, the fit, the open tab)."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, dataframe_rows, wait_idle
from tests.e2e.test_explorer_flow import (
    _MAP_JS,
    RED,
    SLOW,
    _bar_labels,
    _bars,
    _choose,
    _circles,
    _go_to_page,
    _label_points,
    _lambda_slider,
    _sidebar,
    _topic_circles,
    _wait_for_other_labels,
)

pytestmark = pytest.mark.browser

SALIENT = "Top-30 Most Salient Terms"


def _fills(page: object) -> dict[str, str]:
    """Each circle's fill colour as drawn, by its label (the topic's rank)."""
    return {circle["rank"]: circle["fill"] for circle in _topic_circles(page)}


def _red(page: object) -> list[str]:
    return sorted(rank for rank, fill in _fills(page).items() if fill == RED)


def _expect_red(page: object, ranks: list[str], timeout: float = 10.0) -> None:
    """Wait until exactly the circles ``ranks`` are red (Plotly restyles after the figure arrives)."""
    deadline = time.monotonic() + timeout
    while (red := _red(page)) != ranks:
        assert time.monotonic() < deadline, f"red circles {red}, expected {ranks}"
        page.wait_for_timeout(50)


def _clickable(page: object) -> dict[str, tuple[float, float]]:
    """Rank → where to click to select that topic: the number on its circle."""
    return _label_points(page)


def _click(page: object, point: tuple[float, float]) -> None:
    page.mouse.click(*point)
    wait_idle(page)


def _title(page: object) -> object:
    return _bars(page).locator(".gtitle")


def _shows(page: object, rank: str | None) -> None:
    """The bars are topic ``rank``'s and only its circle is red; or, for None, the salient terms and no red circle."""
    if rank is None:
        expect(_title(page)).to_have_text(SALIENT)
        _expect_red(page, [])
    else:
        expect(_title(page)).to_contain_text(f"Topic #{rank} ")
        _expect_red(page, [rank])


def test_topic_selection_on_the_map(page: object) -> None:
    expect(_circles(page)).to_have_count(10, timeout=SLOW)
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text="fitted and prepared").first
    fitted = caption.inner_text()
    points = _clickable(page)
    ranks = sorted(points, key=int)
    assert len(ranks) == 10, points
    _expect_red(page, [])

    # A click selects the topic: its bars, and its circle (only) turns red.
    first = ranks[0]
    _click(page, points[first])
    _shows(page, first)

    # Next moves the highlight to the next rank (the map is redrawn with the new selection).
    page.get_by_role("button", name="Next topic ▶").click()
    wait_idle(page)
    following = str(int(first) % 10 + 1)
    _shows(page, following)

    # A click on the selected circle (however it was selected) clears it; another click selects it again.
    _click(page, points[following])
    _shows(page, None)
    _click(page, points[following])
    _shows(page, following)
    _click(page, points[following])
    _shows(page, None)
    page.get_by_role("button", name="Next topic ▶").click()  # with no topic, Next starts at rank 1
    wait_idle(page)
    following = "1"
    _shows(page, "1")

    # λ reruns only the bars: the topic and its highlight stay.
    _lambda_slider(page).locator("input[type='range']").focus()
    page.keyboard.press("Home")
    wait_idle(page)
    expect(_lambda_slider(page).get_by_test_id("stSliderThumbValue")).to_have_text("0.00")
    _shows(page, following)

    # Another circle, then a click on that selected circle again: the topic is cleared.
    other = next(rank for rank in ranks if rank != following)
    _click(page, points[other])
    _shows(page, other)
    _click(page, points[other])
    _shows(page, None)

    # Clear after a click drops the highlight as well.
    _click(page, points[ranks[1]])
    expect(_title(page)).to_contain_text(f"Topic #{ranks[1]} ")
    page.get_by_role("button", name="Clear topic").click()
    wait_idle(page)
    _shows(page, None)
    assert_no_errors(page)

    # The partial redraws kept the session: the sidebar's K, and the same fit after a trip to another page.
    assert _sidebar(page).get_by_label("Number of topics K").input_value() == "10"
    _click(page, points[ranks[2]])
    _go_to_page(page, "Corpus")
    _go_to_page(page, "Topic map (LDA)")
    expect(_circles(page)).to_have_count(10)
    assert caption.inner_text() == fitted  # not refitted
    _shows(page, ranks[2])
    assert _sidebar(page).get_by_label("Number of topics K").input_value() == "10"
    assert_no_errors(page)


def test_lambda_button_relevance_table_bar_click_and_layout(page: object) -> None:
    expect(_circles(page)).to_have_count(10, timeout=SLOW)
    page.get_by_role("button", name="Next topic ▶").click()
    wait_idle(page)
    expect(_title(page)).to_contain_text("Topic #1 ")

    # The λ = 0.6 button moves the slider (the λ controls are redrawn with the bars).
    thumb = _lambda_slider(page).get_by_test_id("stSliderThumbValue")
    expect(thumb).to_have_text("1.00")
    before = _bar_labels(page)
    page.get_by_role("button", name="λ = 0.6", exact=True).click()
    wait_idle(page)
    expect(thumb).to_have_text("0.60")
    _wait_for_other_labels(page, before)

    # The relevance table is drawn when opened, and follows λ.
    page.get_by_text("The two parts of relevance, as a table").click()
    wait_idle(page)
    table = page.get_by_test_id("stExpander").get_by_test_id("stDataFrame")
    rows = dataframe_rows(table)
    assert rows[0][:4] == ["term", "relevance", "log_phi", "log_lift"], rows[0]
    shown = [row[0] for row in rows[1:]]  # the grid draws only the rows in view
    assert len(shown) >= 5 and set(shown) <= set(_bar_labels(page)), shown
    labels = _bar_labels(page)
    _lambda_slider(page).locator("input[type='range']").focus()
    page.keyboard.press("Home")
    wait_idle(page)
    _wait_for_other_labels(page, labels)
    expect(thumb).to_have_text("0.00")
    page.wait_for_function(
        "before => [...document.querySelectorAll('[data-testid=stExpander] table[role=grid] tr')]"
        ".map(r => r.firstElementChild?.textContent.trim()).join('|') !== before",
        arg="|".join(["term", *shown]),
    )
    shown = [row[0] for row in dataframe_rows(table)[1:]]
    assert len(shown) >= 5 and set(shown) <= set(_bar_labels(page)), shown

    # A click on a bar chooses its term: the term box shows it and the map switches to the term view.
    bar = _bars(page).locator(".barlayer .trace").first.locator(".point path").last
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    middle = box["y"] + box["height"] / 2
    ticks = {label.text_content(): label.bounding_box() for label in _bars(page).locator(".ytick text").all()}
    term = min(ticks, key=lambda t: abs(ticks[t]["y"] + ticks[t]["height"] / 2 - middle))  # the bar's own label
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_idle(page)
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text="Term view: circles are sized by")
    expect(caption).to_contain_text(f"p(topic | '{term}')")
    expect(page.get_by_role("combobox", name="Term", exact=True)).to_have_value(term)

    # ✕ leaves the term view; the same bar can be clicked again at once (no highlight is left on the bars).
    page.get_by_role("button", name="✕").click()
    wait_idle(page)
    expect(caption).to_have_count(0)
    expect(page.get_by_role("combobox", name="Term", exact=True)).to_have_value("Term view: choose a term")
    assert _bars(page).locator(".barlayer .point path[style*='opacity: 0.2']").count() == 0
    bar = _bars(page).locator(".barlayer .trace").first.locator(".point path").last
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_idle(page)
    expect(caption).to_contain_text(f"p(topic | '{term}')")

    # Another layout moves the circles without refitting.
    centres = _circle_centres(page)
    _choose(page, page.get_by_role("combobox", name="Layout"), "metric MDS")
    page.wait_for_function(
        f"before => [...{_MAP_JS}.querySelectorAll('.layer-subplot .shapelayer path')]"
        ".map(p => { const b = p.getBoundingClientRect(); return (b.x + b.width / 2).toFixed(0); })"
        ".join('|') !== before",
        arg="|".join(f"{x:.0f}" for x, _ in centres),
    )
    expect(_circles(page)).to_have_count(10)
    assert_no_errors(page)


def _circle_centres(page: object) -> list[tuple[float, float]]:
    boxes = [path.bounding_box() for path in _circles(page).all()]
    return [(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2) for b in boxes]
