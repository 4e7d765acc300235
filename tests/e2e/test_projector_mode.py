"""Projector mode in a real browser at 1280 × 720: the text grows and the sidebar's option panels fold away."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, wait_idle

pytestmark = pytest.mark.browser


def _font_px(page: object) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_projector_mode_enlarges_text_and_simplifies_the_sidebar(browser: object, app_url: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(app_url)
    wait_idle(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Reading and preprocessing")).to_be_visible()
    before = _font_px(page)
    sidebar.get_by_text("Projector mode").click()
    wait_idle(page)
    assert _font_px(page) >= before * 1.2
    expect(sidebar.get_by_text("Reading and preprocessing")).to_be_hidden()
    expect(sidebar.get_by_text("Number of topics K")).to_be_visible()  # K and Fit stay
    page.get_by_role("link", name="Gibbs classroom").click()  # it stays on from page to page
    wait_idle(page)
    assert _font_px(page) >= before * 1.2
    assert_no_errors(page)
    page.screenshot(path=str(tmp_path / "projector.png"))
    context.close()
