"""A Gibbs fit that takes a while shows its map while it converges; Stop keeps that model (issue 11)."""

from __future__ import annotations

import dataclasses
import time

from streamlit.testing.v1 import AppTest

from app import fitting, job_ui, result_cache, state
from app.jobs import Status
from tests.app.conftest import ask_for_fit, open_lda_tab, plotly_figures


def _captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def _pending(at: AppTest) -> bool:
    return state.PENDING in at.session_state and at.session_state[state.PENDING] is not None


def test_the_map_shows_while_the_chain_converges_and_stop_keeps_it(app: AppTest) -> None:
    # about 12 s on the Lee sample with two workers (5 s at the sample's K = 10): still running at Stop
    key = ask_for_fit(app, seed=777, iterations=10_000, n_topics=100)
    app.run()
    assert not app.exception
    assert _pending(app)
    assert any("still sampling: sweep" in c for c in _captions(app)), _captions(app)
    assert any("not yet converged" in c or "converged at sweep" in c for c in _captions(app))
    assert plotly_figures(app), "the map is drawn from the model as it stands"
    shown = app.session_state["_tl_live_shown"]
    deadline = time.monotonic() + 8  # the explorer publishes a newer model every 2 s or so
    while app.session_state["_tl_live_shown"] == shown and time.monotonic() < deadline:
        time.sleep(0.5)
        app.run()
    assert app.session_state["_tl_live_shown"] > shown
    job = job_ui.runner().find(key)
    assert job is not None and job.state == "running"
    _, partial = job.partial()
    app.button(key=state.STOP_LIVE).click().run()
    assert not app.exception
    assert not _pending(app) and job_ui.runner().find(key) is None  # the fit is stopped, its worker let go
    kept = app.session_state[state.LDA_KEY]
    assert kept.stopped_at is not None and kept.stopped_at >= partial.sweeps_done
    assert kept.key.endswith(f"|stopped@{kept.stopped_at}") and result_cache.get(kept.key) is not None
    assert any(f"stopped at sweep {kept.stopped_at} of 10000" in c for c in _captions(app)), _captions(app)
    assert any(f"Stopped at sweep {kept.stopped_at}" in i.value for i in app.info)
    app.run()  # not started again by itself
    assert not _pending(app) and app.session_state[state.LDA_KEY].key == kept.key


def test_a_quick_fit_does_not_flash_a_partial_map() -> None:
    # the page waits for the result while a fit is young, so a fit of 2 s or less never shows a partial map
    young, older = Status("running", (10, 200, -1.0), 0, 1.4, partial=1), Status("running", None, 0, 2.2, partial=1)
    assert not fitting._live_now(young) and fitting._live_now(older)
    assert not fitting._live_now(Status("running", None, 0, 5.0, partial=0))  # nothing to show yet


def test_a_stop_click_wins_over_a_newer_model() -> None:
    # the click's own run of the box acts on Stop first: rerunning the page for a newer model lost the click
    newer = Status("running", (4000, 10_000, -1.0), 0, 5.0, partial=3)  # the page drew model 2
    assert fitting.live_action(True, newer, full_run=False, shown=2) == "stop"
    assert fitting.live_action(False, newer, full_run=False, shown=2) == "rerun"  # no click: draw the newer model
    assert fitting.live_action(False, newer, full_run=True, shown=2) == "draw"  # the page's own run draws it now
    assert fitting.live_action(False, dataclasses.replace(newer, partial=2), full_run=False, shown=2) == "draw"
    done = Status("done", (10_000, 10_000, -1.0), 0, 12.0, partial=5)
    assert fitting.live_action(True, done, full_run=False, shown=2) == "rerun"  # finished: the full model instead


def test_quality_tab_marks_convergence(app: AppTest) -> None:
    ask_for_fit(app, seed=5, iterations=400)
    app.run()
    deadline = time.monotonic() + 120
    while _pending(app):
        assert time.monotonic() < deadline and not app.exception
        time.sleep(0.3)
        app.run()
    open_lda_tab(app, "quality")
    marks = [c for c in _captions(app) if "Gibbs log-likelihood" in c]
    assert marks and "converged at sweep" in marks[0], marks
    exploration = result_cache.get(app.session_state[state.LDA_KEY].key)
    assert f"sweep {exploration.converged_at}." in marks[0] and 0 < exploration.converged_at <= 400
