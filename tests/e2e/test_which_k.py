"""The Which K? tab in a real browser: a small genealogy on the Lee sample (K = 3..5), the Sankey drawn with a
column per K, and a click on a node opens that K's model on the map with that topic selected (the picker under the
diagram does the same: tests/app/test_which_k.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, screenshot, wait_idle
from tests.e2e.test_explorer_flow import SLOW, _bars, _circles

pytestmark = pytest.mark.browser

# Sankey nodes as drawn: their (K, topic) from the trace's customdata and their centres in page pixels.
_NODES_JS = """() => {
  const chart = [...document.querySelectorAll('[data-testid=stPlotlyChart]')].find(c => c.querySelector('.sankey'));
  if (!chart) return [];
  return [...chart.querySelectorAll('.sankey-node')].map(node => {
    const d = node.__data__;
    const rect = node.querySelector('rect').getBoundingClientRect();
    const data = d.node.customdata || d.customdata;
    return {k: data[0], topic: data[1], x: rect.x + rect.width / 2, y: rect.y + rect.height / 2};
  });
}"""


def _main(page: object) -> object:
    return page.get_by_test_id("stMain")


def _set_number(page: object, label: str, value: int) -> None:
    box = _main(page).get_by_label(label, exact=True)
    box.fill(str(value))
    box.press("Enter")
    wait_idle(page)


def test_genealogy_then_open_a_topic_on_the_map(page: object, readme_shots: Path) -> None:
    expect(_circles(page)).to_have_count(10, timeout=SLOW)
    page.get_by_role("tab", name="Which K?").click()
    wait_idle(page)
    _set_number(page, "K from", 3)
    _set_number(page, "K to", 5)
    _set_number(page, "fits per K (stability)", 2)
    _main(page).get_by_role("button", name="Run the genealogy").click()
    expect(page.locator(".sankey-node")).to_have_count(3 + 4 + 5, timeout=SLOW)
    wait_idle(page)
    assert_no_errors(page)
    nodes = page.evaluate(_NODES_JS)
    assert sorted({n["k"] for n in nodes}) == [3, 4, 5]
    columns = {k: sorted({round(n["x"]) for n in nodes if n["k"] == k}) for k in (3, 4, 5)}
    assert all(len(xs) == 1 for xs in columns.values()) and columns[3][0] < columns[4][0] < columns[5][0]
    screenshot(page, page.locator(".sankey").first, readme_shots / "which-k.png", above=120)
    # click a box of K = 4 (the page scrolled for the screenshot: find it where it is now)
    page.locator(".sankey").first.scroll_into_view_if_needed()
    target = next(n for n in page.evaluate(_NODES_JS) if n["k"] == 4)
    page.mouse.click(target["x"], target["y"])
    wait_idle(page)
    # the map of the K = 4 model, that topic selected (its bars' title), on the Explore tab
    expect(_circles(page)).to_have_count(4, timeout=SLOW)
    expect(_bars(page).locator(".gtitle")).to_contain_text(f"(id {target['topic']})", timeout=SLOW)
    expect(page.get_by_role("tab", name="Explore")).to_have_attribute("aria-selected", "true")
    assert_no_errors(page)
