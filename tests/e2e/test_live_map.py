"""The map while the Gibbs chain converges, in a real browser: a long fit on the Lee sample (10,000 sweeps at
K = 100) shows its map before it ends, with the "still sampling" caption and the progress box; the map refreshes as
newer models arrive (the caption's sweep grows); "Stop here" keeps the model as it stood ("stopped at sweep N") and
starts nothing again.

Screenshots go to pytest's temporary folder. ``benchmarks/bench_live_map.py`` times the same on a 1 M-token upload.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, screenshot, wait_idle
from tests.e2e.test_explorer_flow import SLOW, _circles, _map, _sidebar

pytestmark = pytest.mark.browser

ITERATIONS = 10_000
K = 100  # Lee at K = 100: about 12 s of sampling on two workers (5 s at the sample's K = 10), so the live state lasts
SEED = 4242  # a fit no other test asks for, so the shared server's cache does not hold it

# The sweep in the "still sampling" caption that is not stale (Streamlit leaves the previous run's elements faded
# while it redraws), or null when there is none.
_SWEEP_SHOWN_JS = r"""() => {
  for (const c of document.querySelectorAll('[data-testid=stCaptionContainer]')) {
    const box = c.closest('[data-testid=stElementContainer]');
    if (box && box.getAttribute('data-stale') === 'true') continue;
    const m = c.innerText.match(/still sampling: sweep (\d+) of (\d+)/);
    if (m) return [+m[1], +m[2]];
  }
  return null;
}"""


def _sweep_shown(page: object) -> tuple[int, int] | None:
    shown = page.evaluate(_SWEEP_SHOWN_JS)
    return None if shown is None else (shown[0], shown[1])


def _set_number(page: object, label: str, value: int) -> None:
    box = _sidebar(page).get_by_role("spinbutton", name=label)
    box.fill(str(value))
    box.press("Enter")
    wait_idle(page)


def _fitted(page: object) -> object:
    return page.get_by_test_id("stCaptionContainer").filter(has_text="fitted and prepared in")


def test_map_shows_while_the_chain_converges_and_stop_keeps_it(page: object, tmp_path: Path) -> None:
    expect(_circles(page)).to_have_count(10, timeout=SLOW)  # the Lee sample, fitted at K = 10 on start
    _sidebar(page).get_by_text("Priors, iterations and seed", exact=True).click()
    _set_number(page, "Iterations (0 = engine default)", ITERATIONS)
    _set_number(page, "Random seed", SEED)
    _set_number(page, "Number of topics K", K)
    _sidebar(page).get_by_role("button", name="Fit", exact=True).click()

    # Live: the caption, the progress box with Stop, and the map of the model as it stands, before the fit ends.
    deadline = time.monotonic() + 30
    while (first := _sweep_shown(page)) is None:
        assert time.monotonic() < deadline, "no 'still sampling' caption within 30 s of Fit"
        page.wait_for_timeout(100)
    assert first[1] == ITERATIONS and 0 < first[0] < ITERATIONS, first
    stop = page.get_by_role("button", name="Stop here")
    expect(stop).to_be_visible()
    expect(page.get_by_test_id("stProgress").first).to_contain_text(f"of {ITERATIONS}")
    expect(page.get_by_text(re.compile(r"The map shows the model after \d+ sweeps"))).to_be_visible()
    expect(_circles(page)).to_have_count(K)
    expect(_map(page)).to_be_visible()
    assert _fitted(page).count() == 0, "the fit ended before its live state could be seen"
    assert_no_errors(page)

    # The map refreshes: a newer model (a larger sweep) replaces the one shown, and the fit is still running.
    deadline = time.monotonic() + 15
    while (now := _sweep_shown(page)) is None or now[0] <= first[0]:
        assert time.monotonic() < deadline, f"the caption stayed at sweep {first[0]} for 15 s"
        assert _fitted(page).count() == 0, "the fit ended before a second live model was shown"
        page.wait_for_timeout(100)
    expect(_circles(page)).to_have_count(K)
    screenshot(page, page.locator("h1"), tmp_path / "live-map.png", above=300)

    # Stop keeps the model as it stood: the caption says where it stopped, and nothing starts again.
    shown = _sweep_shown(page)
    assert shown is not None
    stop.click()
    wait_idle(page)
    stopped = page.get_by_test_id("stCaptionContainer").filter(has_text=re.compile(r"stopped at sweep \d+ of 10000"))
    expect(stopped).to_be_visible(timeout=SLOW)
    at = int(re.search(r"stopped at sweep (\d+)", stopped.inner_text()).group(1))
    assert shown[0] <= at < ITERATIONS, (shown, at)
    expect(page.get_by_test_id("stAlertContentInfo").filter(has_text=f"Stopped at sweep {at}")).to_be_visible()
    expect(_circles(page)).to_have_count(K)
    expect(stop).to_have_count(0)
    page.wait_for_timeout(2500)  # more than the status polls' second: a fit started again would show by now
    assert _sweep_shown(page) is None and _fitted(page).count() == 0
    expect(stopped).to_be_visible()
    assert_no_errors(page)
    screenshot(page, page.locator("h1"), tmp_path / "stopped.png")
