"""The sidebar options that reach the models: Korean one-syllable pieces, and the Gibbs engine's cores."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from app import state
from tests.app.conftest import count_fits, metrics


def test_korean_pieces_option_changes_the_vocabulary(fresh_app: AppTest) -> None:
    at = fresh_app
    at.session_state[state.LANG] = "ko"
    at.run()
    at.switch_page("views/corpus.py").run()
    assert at.session_state[state.SAMPLE] == "ko-market"
    cleaned = int(metrics(at)["어휘"].replace(",", ""))
    at.sidebar.checkbox(key=state.OPT_FRAGMENTS).check().run()
    assert not at.exception
    with_pieces = int(metrics(at)["어휘"].replace(",", ""))
    # the pieces (빈, 백, 인, 칸, ...) are terms of their own only when kept
    assert with_pieces > cleaned


def test_cores_reach_the_gibbs_fit(app: AppTest, monkeypatch) -> None:
    fits = count_fits(monkeypatch)
    cores = app.sidebar.number_input(key=state.WORKERS)
    assert cores.value == cores.max  # default: every core available
    cores.set_value(1)
    app.sidebar.button(key=state.FIT_BUTTON).click().run()
    assert not app.exception
    assert fits and fits[-1].workers == 1


def test_k_box_stops_at_the_vocabulary_size(app: AppTest) -> None:
    app.sidebar.selectbox(key=state.SAMPLE).set_value("lecture-lsa").run()
    k = app.sidebar.number_input(key=state.N_TOPICS)
    assert k.max == 5  # pizza, hamburger, cookie, ramen, sushi: a K the fit would refuse is not offered
    app.sidebar.selectbox(key=state.SAMPLE).set_value("lee-news").run()
    assert app.sidebar.number_input(key=state.N_TOPICS).max == 200
