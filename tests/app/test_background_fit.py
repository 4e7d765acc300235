"""A fit asked for while another page is shown runs on in the background: that page stays usable (issue 10, 2)."""

from __future__ import annotations

import time

from streamlit.testing.v1 import AppTest

from app import job_ui, result_cache, state
from tests.app.conftest import ask_for_fit


def test_the_classroom_stays_usable_while_a_fit_runs_and_the_fit_completes(app: AppTest) -> None:
    app.switch_page("views/gibbs.py").run()
    key = ask_for_fit(app, seed=12345, iterations=2000, n_topics=100)  # a few seconds
    app.run()
    assert not app.exception
    assert app.title[0].value == "Gibbs classroom"  # drawn at once, not held behind the fit's progress box
    assert app.button(key="tl_gibbs_step") is not None
    job = job_ui.runner().find(key)
    assert job is not None and job.state in ("waiting", "running")  # the fit runs on behind the classroom
    assert any("background" in c.value for c in app.sidebar.caption)
    app.switch_page("views/lda.py").run()  # its own page shows the model as it converges, then the result
    assert not app.exception
    deadline = time.monotonic() + 120
    while state.PENDING in app.session_state and app.session_state[state.PENDING] is not None:
        assert time.monotonic() < deadline, "the fit did not finish"
        assert not app.exception
        time.sleep(0.3)
        app.run()
    assert app.session_state[state.LDA_KEY].key == key
    assert result_cache.get(key) is not None


def test_cancel_in_the_sidebar_stops_the_background_fit(app: AppTest) -> None:
    app.switch_page("views/corpus.py").run()
    key = ask_for_fit(app, seed=54321, iterations=5000, n_topics=100)  # 6 s: still running at Cancel
    app.run()
    job = job_ui.runner().find(key)
    assert job is not None and job.state in ("waiting", "running")
    app.sidebar.button(key=state.CANCEL_BACKGROUND).click().run()
    assert not app.exception
    assert state.PENDING not in app.session_state or app.session_state[state.PENDING] is None
    assert job_ui.runner().find(key) is None
