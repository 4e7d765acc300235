"""End-to-end fixtures: the real Streamlit server on loopback and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start ``streamlit run app/main.py`` on a free loopback port and wait until it is healthy."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app" / "main.py"),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Streamlit did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


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


def wait_idle(page: object, timeout: float = 90_000) -> None:
    """Wait until the script has finished running and no skeleton placeholder is left."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


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
