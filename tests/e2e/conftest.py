"""End-to-end fixtures: the real Streamlit server on loopback and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live_app import running_app, wait_idle


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app running on a free loopback port for the whole test session."""
    with running_app(tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


# The README's screenshots are refreshed on purpose only: tests/e2e/refresh_screenshots.py names docs/ here.
SCREENSHOTS_ENV = "TOPICLENS_SCREENSHOTS"


@pytest.fixture
def readme_shots(tmp_path: Path) -> Path:
    """Where tests save the README's screenshots: a temporary folder, or docs/ when refreshing them on purpose."""
    folder = os.environ.get(SCREENSHOTS_ENV)
    return Path(folder) if folder else tmp_path


@pytest.fixture
def page(browser: object, app_url: str) -> Iterator[object]:
    """A fresh browser page (its own Streamlit session) at the app's front page, English UI."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(app_url)
    wait_idle(page)
    yield page
    context.close()


def assert_no_errors(page: object) -> None:
    """No exception box and no error alert anywhere on the page."""
    exceptions = page.get_by_test_id("stException")
    assert exceptions.count() == 0, exceptions.all_inner_texts()
    errors = page.get_by_test_id("stAlertContentError")
    assert errors.count() == 0, errors.all_inner_texts()


def table_rows(table: object) -> list[list[str]]:
    """The text of an HTML table (an ``st.html`` table, or the accessible table inside a dataframe's grid)."""
    return table.evaluate("t => [...t.querySelectorAll('tr')].map(r => [...r.children].map(c => c.textContent.trim()))")


def dataframe_rows(frame: object) -> list[list[str]]:
    """The cells of an ``st.dataframe`` as drawn, header first (it paints a canvas; this reads its a11y table)."""
    frame.scroll_into_view_if_needed()
    grid = frame.locator("canvas[data-testid='data-grid-canvas'] table[role='grid']")
    grid.wait_for(state="attached")
    return table_rows(grid)


def screenshot(page: object, element: object, path: Path, above: int = 70) -> None:
    """Scroll ``element`` to the top of Streamlit's scrolling main area (under the header) and save the viewport."""
    element.evaluate(
        "(e, above) => { e.scrollIntoView({block: 'start'});"
        " document.querySelector('[data-testid=stMain]')?.scrollBy(0, -above); }",
        above,
    )
    page.wait_for_timeout(400)  # let Plotly finish redrawing what came into view
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
