"""Save and reopen in a real browser: merge two topics on the Lee map, download the .topiclens file, reload the page
(a new session), open the file as the corpus source and see the same map (same circles, same ids), with no fit.

The screenshot of the Topic relations tab for the README goes to a temporary folder (to ``docs/`` through
tests/e2e/refresh_screenshots.py or TOPICLENS_SCREENSHOTS).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, screenshot, wait_idle

pytestmark = pytest.mark.browser

SLOW = 90_000

_MAP_DATA_JS = """() => {
  const chart = [...document.querySelectorAll('[data-testid=stPlotlyChart]')].find(c => c.querySelector('.textpoint'));
  if (!chart) return null;
  const d = chart.querySelector('.js-plotly-plot').data[0];
  return {x: Array.from(d.x), y: Array.from(d.y), ids: Array.from(d.customdata), text: Array.from(d.text)};
}"""


def _map_data(page: object) -> dict:
    page.wait_for_function(_MAP_DATA_JS, timeout=SLOW)
    return page.evaluate(_MAP_DATA_JS)


def _open_tab(page: object, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_idle(page)


def test_save_reload_reopen_shows_the_same_view(page: object, tmp_path: Path, readme_shots: Path) -> None:
    fitted = _map_data(page)
    assert len(fitted["ids"]) == 10

    # Topic relations: the heatmap and dendrogram; merge two topics.
    _open_tab(page, "Topic relations")
    expect(page.locator(".js-plotly-plot .heatmaplayer")).to_have_count(1, timeout=SLOW)
    picker = page.get_by_test_id("stMultiSelect")
    for topic in (1, 2):
        picker.locator("input").click()
        page.keyboard.type(f"(id {topic})")
        page.keyboard.press("Enter")
        wait_idle(page)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Merge", exact=True).click()
    wait_idle(page)
    expect(page.get_by_text("Merged topics 1, 2 into topic 1.")).to_be_visible()
    assert_no_errors(page)
    screenshot(page, page.get_by_test_id("stTabs"), readme_shots / "topic-relations.png")

    _open_tab(page, "Explore")
    merged = _map_data(page)
    assert len(merged["ids"]) == 9

    # Save through the download button.
    _open_tab(page, "Downloads")
    with page.expect_download(timeout=SLOW) as download:
        page.get_by_role("button", name="Download .topiclens").click()
    saved = tmp_path / "model.topiclens"
    download.value.save_as(saved)
    assert download.value.suggested_filename.endswith(".topiclens") and saved.stat().st_size > 10_000

    # A new session: reload, choose "Saved model", open the file.
    page.reload()
    wait_idle(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Saved model", exact=True).click()
    wait_idle(page)
    sidebar.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(saved))
    wait_idle(page)
    expect(sidebar.get_by_text("Opened model.topiclens", exact=False)).to_be_visible(timeout=SLOW)
    reopened = _map_data(page)
    assert reopened["ids"] == merged["ids"] and reopened["text"] == merged["text"]
    assert reopened["x"] == pytest.approx(merged["x"], abs=1e-9)
    assert reopened["y"] == pytest.approx(merged["y"], abs=1e-9)
    assert_no_errors(page)
    expect(page.get_by_text("Fitting")).to_have_count(0)  # opened, not fitted
