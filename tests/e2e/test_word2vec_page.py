"""The Word2vec page in a real browser: the lecture's negative-sampling tables, a training step, the word map, and
Word2Vec trained on the Lee sample coloured by its LDA topics."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, screenshot, table_rows, wait_idle

pytestmark = pytest.mark.browser


def _tab(page: object, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_idle(page)


def _tables(page: object) -> list[list[list[str]]]:
    tables = page.get_by_test_id("stHtml").locator("table.tl-w")
    return [table_rows(tables.nth(i)) for i in range(tables.count())]


def test_negative_sampling_and_a_training_step(page: object, app_url: str, readme_shots: Path) -> None:
    page.goto(f"{app_url}/word2vec")
    wait_idle(page)
    expect(page.locator("h1")).to_have_text("Word2vec")
    assert "10 12 19" in " ".join(page.get_by_text("x × W = row 4 of W").all_inner_texts()).replace("  ", " ")
    _tab(page, "Negative sampling")
    lecture, drawn = _tables(page)[:2]
    assert lecture[1:] == [
        ["cat", "The", "1"], ["cat", "fat", "1"], ["cat", "pizza", "0"], ["cat", "computer", "0"],
        ["cat", "sat", "1"], ["cat", "on", "1"], ["cat", "cute", "1"], ["cat", "mighty", "0"],
    ]  # fmt: skip
    positives = [row for row in drawn[1:] if row[2] == "1"]
    negatives = [row for row in drawn[1:] if row[2] == "0"]
    assert [r[1] for r in positives] == ["The", "fat", "sat", "on"] and len(negatives) == 8
    assert all(0 < float(r[3]) < 1 for r in negatives)
    page.get_by_role("slider").first.focus()
    page.keyboard.press("ArrowRight")  # k = 3
    wait_idle(page)
    assert len([r for r in _tables(page)[1][1:] if r[2] == "0"]) == 12
    _tab(page, "Watch a training step")
    for _ in range(2):
        page.get_by_role("button", name="Next step").click()
        wait_idle(page)
    expect(page.get_by_text("Step 2: centre 'The' → context 'cat'")).to_be_visible()
    maps = page.locator(".js-plotly-plot")
    expect(maps.nth(1)).to_be_visible()  # the loss chart and the word map
    assert maps.nth(1).locator("g.textpoint").count() >= 40  # every word of the sample, labelled
    assert_no_errors(page)
    screenshot(page, page.get_by_text("Step 2: centre"), readme_shots / "word2vec-step.png")


def test_your_corpus_map_is_coloured_by_topic(page: object, app_url: str) -> None:
    expect(page.get_by_text("fitted and prepared")).to_be_visible(timeout=120_000)  # the front page's LDA fit
    page.get_by_role("link", name="Word2vec").click()
    wait_idle(page)
    _tab(page, "Your corpus")
    page.locator(".js-plotly-plot").first.wait_for(timeout=120_000)
    wait_idle(page)
    legend = (
        page.locator(".js-plotly-plot")
        .first.locator("g.legend text.legendtext")
        .evaluate_all("texts => texts.map(t => t.textContent)")
    )
    assert len(legend) >= 10 and legend[0].startswith("#1 ")  # topics by rank, named as on the map
    assert_no_errors(page)
