"""In a real browser: the Time & groups tab on the dated sample (a topic clicked on the map is highlighted in the
stacked area), and a shared link opened in a fresh browser context showing the same topic, λ and term."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, screenshot, wait_idle
from tests.e2e.test_explorer_flow import RED, _label_points, _topic_circles

pytestmark = pytest.mark.browser

GREY_FILL = "rgb(200, 200, 200)"


def _fitted(page: object) -> None:
    expect(page.get_by_text("fitted and prepared")).to_be_visible(timeout=120_000)
    wait_idle(page)


def _area_fills(page: object) -> list[str]:
    """The stacked area's fill colours as drawn, one per topic."""
    area = page.locator(".js-plotly-plot").first
    return area.locator("path.js-fill").evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)")


def test_time_tab_highlights_the_topic_clicked_on_the_map(page: object, app_url: str, readme_shots: Path) -> None:
    page.goto(f"{app_url}/?sample=ko-market-dated&lang=en")
    _fitted(page)
    points = _label_points(page)
    page.mouse.click(*points["1"])  # select the largest topic on the map
    wait_idle(page)
    selected = [c for c in _topic_circles(page) if c["fill"] == RED]
    assert len(selected) == 1
    page.get_by_role("tab", name="Time & groups").click()
    wait_idle(page)
    expect(page.get_by_text("2 values of this column are not dates")).to_be_visible()
    fills = _area_fills(page)
    coloured = {f for f in fills if f != GREY_FILL}
    assert GREY_FILL in fills and len(coloured) == 1  # only the selected topic keeps its colour
    expect(page.get_by_text(re.compile(r"What #1 .* said in each group"))).to_be_visible()
    assert_no_errors(page)
    screenshot(page, page.get_by_role("tab", name="Time & groups"), readme_shots / "time-groups.png")


def test_a_shared_link_opens_the_same_view_in_a_fresh_browser(browser: object, page: object, app_url: str) -> None:
    page.goto(f"{app_url}/?sample=lecture-lsa&k=2&seed=5&iterations=300&workers=1&lambda=0.6&topic=1&lang=en")
    _fitted(page)
    page.get_by_role("tab", name="Downloads").click()
    wait_idle(page)
    link = page.locator("[data-testid='stCode'] code").first.inner_text().strip()
    assert "sample=lecture-lsa" in link and "topic=1" in link and "lambda=0.60" in link
    fresh = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ko-KR")  # another "machine"
    other = fresh.new_page()
    other.goto(link)
    _fitted(other)
    titles = other.locator(".js-plotly-plot .gtitle").evaluate_all("ts => ts.map(t => t.textContent)")
    assert any(re.search(r"Top-\d+ Most Relevant Terms for Topic #\d+ .*\(id 1\)", t) for t in titles), titles
    assert len([c for c in _topic_circles(other) if c["fill"] == RED]) == 1
    slider = other.get_by_test_id("stMain").get_by_test_id("stSlider").first  # λ
    expect(slider).to_contain_text("0.60")
    assert_no_errors(other)
    fresh.close()
