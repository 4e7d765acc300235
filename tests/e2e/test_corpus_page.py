"""The Corpus page in a real browser: the sample shows on start, and an upload updates the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import wait_idle

pytestmark = pytest.mark.browser


def _metric(page: object, label: str) -> str:
    metric = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return metric.locator("[data-testid='stMetricValue']").inner_text().strip()


@pytest.fixture
def corpus_page(page: object, app_url: str) -> object:
    """The Corpus page of a fresh session."""
    page.goto(f"{app_url}/corpus")
    wait_idle(page)
    return page


def test_sample_corpus_is_shown_on_start(corpus_page: object) -> None:
    page = corpus_page
    assert _metric(page, "Documents") == "300"
    assert _metric(page, "Vocabulary") == "3,308"
    assert page.locator("[data-testid='stException']").count() == 0


def test_upload_cp949_file_updates_the_corpus_page(corpus_page: object, tmp_path: Path, readme_shots: Path) -> None:
    page = corpus_page
    listings = [
        "아이가 커서 유모차를 팝니다. 상태 좋아요.",
        "원목 책상과 의자를 직거래로 판매합니다.",
        "노트북 충전기 새상품 택배 거래 가능합니다.",
        "겨울 패딩 사이즈 95 한 번 입었습니다.",
    ]
    upload = tmp_path / "listings.txt"
    upload.write_bytes("\n".join(listings).encode("cp949"))

    page.get_by_text("Upload files").click()
    wait_idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    wait_idle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stMetricValue]')].some(e => e.innerText.trim() === '4')"
    )
    assert _metric(page, "Documents") == "4"
    assert _metric(page, "Language") == "Korean"
    assert _metric(page, "Encoding") == "cp949"
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    readme_shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(readme_shots / "corpus-page.png"), full_page=False)
