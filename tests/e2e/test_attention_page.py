"""The Attention & BERT page in a real browser: the lecture's sentence worked out, and a larger d_k redraws the
scaled scores (their title shows √d_k, their cells change)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, screenshot, wait_idle

pytestmark = pytest.mark.browser


def _heatmap_cells(page: object, title: str) -> list[str]:
    """The numbers written in the cells of the heatmap whose title starts with ``title``."""
    return page.evaluate(
        """title => {
            const plots = [...document.querySelectorAll('.js-plotly-plot')];
            const plot = plots.find(p => (p.querySelector('.gtitle')?.textContent || '').startsWith(title));
            return plot ? [...plot.querySelectorAll('.textpoint, text')].map(t => t.textContent)
                             .filter(s => /^-?\\d+\\.\\d\\d$|^−∞$/.test(s)) : [];
        }""",
        title,
    )


def test_moving_d_k_changes_the_heatmaps(page: object, app_url: str, readme_shots: Path) -> None:
    page.goto(f"{app_url}/attention")
    wait_idle(page)
    expect(page.locator("h1")).to_have_text("Attention & BERT")
    expect(page.get_by_text("QKᵀ / √d_k  (√4 = 2.000)")).to_be_attached()
    before = _heatmap_cells(page, "QKᵀ / √d_k")
    assert len(before) == 49  # 7 × 7 for "The fat cat sat on the mat"
    slider = page.get_by_test_id("stSlider").filter(has_text="d_k").first
    slider.get_by_role("slider").focus()
    for _ in range(3):  # 4 → 6 → 8 → 16
        page.keyboard.press("ArrowRight")
    wait_idle(page)
    expect(page.get_by_text("QKᵀ / √d_k  (√16 = 4.000)")).to_be_attached()
    after = _heatmap_cells(page, "QKᵀ / √d_k")
    assert len(after) == 49 and after != before
    weights = _heatmap_cells(page, "softmax")
    assert len(weights) == 49
    assert_no_errors(page)
    screenshot(page, page.get_by_text("Q = X W_Q, K = X W_K, V = X W_V"), readme_shots / "attention-steps.png")
