"""The Gibbs classroom in a real browser: one step of collapsed Gibbs sampling on the lecture's three documents,
checked against the numbers on the lecture's slides, in English and in Korean."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, dataframe_rows, screenshot, table_rows, wait_idle

pytestmark = pytest.mark.browser


def _lecture_tables(page: object) -> list[list[list[str]]]:
    """The classroom's HTML tables in page order (assignments, topic-document, topic-word, ...)."""
    tables = page.get_by_test_id("stHtml").locator("table.tl-g")
    return [table_rows(tables.nth(i)) for i in range(tables.count())]


def _row(table: list[list[str]], label: str) -> list[str]:
    return next(row[1:] for row in table if row and row[0] == label)


def test_first_step_on_the_lecture_example(page: object, app_url: str, readme_shots: Path) -> None:
    page.goto(f"{app_url}/gibbs")
    wait_idle(page)
    expect(page.locator("h1")).to_have_text("Gibbs classroom")
    before = _lecture_tables(page)
    assert _row(before[0], "word (단어)") == [
        "문고리",
        "거래",
        "가방",
        "나눔",
        "문고리",
        "드림",
        "비대면",
        "거래",
        "택배",
    ]
    assert _row(before[0], "topic (주제)")[:2] == ["topic1", "topic2"]  # the slide's initial assignments
    assert _row(before[1], "topic1") == ["1.01", "2.01", "0.01"]

    page.get_by_role("button", name="Next token ▶").click()
    wait_idle(page)
    step = page.get_by_test_id("stHeading").filter(has_text="Step: '문고리' in 1번문서")
    expect(step).to_have_text("Step: '문고리' in 1번문서 (sweep 1, token 1 of 9)")
    assignments, doc_table, word_table = _lecture_tables(page)

    # ① 문고리 is taken out of topic1 and ③ put back in topic2: each changed count shows before→after.
    assert _row(assignments, "topic (주제)")[0] == "topic1 → topic2"
    assert _row(doc_table, "topic1") == ["1.01→0.01", "2.01", "0.01"]
    assert _row(doc_table, "topic2") == ["1.01→2.01", "2.01", "1.01"]
    assert _row(word_table, "topic1")[0] == "1.001→0.001"  # 문고리's column
    assert _row(word_table, "topic2")[0] == "1.001→2.001"
    # ② The full conditional with the numbers plugged in: topic2 gets almost all of the mass.
    probabilities = dataframe_rows(page.get_by_test_id("stDataFrame").first)
    assert [row[0] for row in probabilities[1:]] == ["topic1", "topic2", "topic3"]
    assert [row[-1] for row in probabilities[1:]] == ["0.00002", "0.99996", "0.00002"]
    bars = page.get_by_test_id("stPlotlyChart").filter(has_text="p(topic | rest) for '문고리'")
    assert bars.locator(".bartext").all_text_contents() == ["0.00002", "0.99996", "0.00002"]
    expect(page.get_by_test_id("stCaptionContainer").filter(has_text="topic2 is drawn")).to_be_visible()
    assert_no_errors(page)
    screenshot(page, step, readme_shots / "gibbs-classroom.png")

    # The same step in Korean.
    page.get_by_test_id("stSidebar").get_by_text("한국어", exact=True).click()
    wait_idle(page)
    expect(page.locator("h1")).to_have_text("깁스 샘플링 교실")
    korean_step = page.get_by_test_id("stHeading").filter(has_text="단계:")
    expect(korean_step).to_have_text("단계: 1번문서의 '문고리' (스윕 1, 토큰 9개 중 1번째)")
    assert _row(_lecture_tables(page)[0], "주제")[0] == "topic1 → topic2"
    expect(page.get_by_test_id("stCaptionContainer").filter(has_text="미분류")).to_be_visible()
    assert_no_errors(page)
