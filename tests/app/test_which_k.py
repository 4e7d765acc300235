"""The LDA page's Which K? tab through AppTest: the genealogy job, the Sankey, opening a K's topic on the map
without a refit, the scores per K, stability marks on the map, and seed words in the sidebar."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from app import state
from models.lda.options import LdaOptions
from tests.app.conftest import count_fits, finish_pending_fit, frame_with, open_lda_tab, plotly_figures


@pytest.fixture
def fit_counter(monkeypatch: pytest.MonkeyPatch) -> list[LdaOptions]:
    return count_fits(monkeypatch)


@pytest.fixture
def market(fresh_app: AppTest, fit_counter: list[LdaOptions]) -> AppTest:
    """The Korean listings sample, fitted automatically (Gibbs, K = 6)."""
    fresh_app.session_state[state.SAMPLE] = "ko-market"
    finish_pending_fit(fresh_app.run())
    assert not fresh_app.exception, fresh_app.exception
    return fresh_app


def _sankey(at: AppTest) -> dict:
    return next(f for f in plotly_figures(at) if f["data"][0].get("type") == "sankey")


def _map(at: AppTest) -> dict:
    return next(f for f in plotly_figures(at) if f["data"][0].get("name") == "topics")


def test_genealogy_sankey_and_open_a_topic_without_refit(market: AppTest, fit_counter: list) -> None:
    open_lda_tab(market, "which_k")
    assert not market.exception, market.exception
    market.number_input(key=state.WHICH_K_FROM).set_value(3).run()
    market.number_input(key=state.WHICH_K_TO).set_value(5).run()
    market.number_input(key=state.WHICH_K_RUNS).set_value(2).run()
    market.button(key="tl_which_k_run").click().run()
    assert not market.exception, market.exception
    sankey = _sankey(market)["data"][0]
    nodes = sankey["node"]["customdata"]
    assert [tuple(n[:2]) for n in nodes if n[0] == 4] and len(nodes) == 3 + 4 + 5
    assert len(sankey["link"]["source"]) >= 4 + 5  # every topic at K = 4 and 5 has a band in
    scores = frame_with(market, "K", "c_v", "stability", "new themes")
    assert list(scores["K"]) == [3, 4, 5] and scores["stability"].between(0, 1).all()
    # the quality tab's choose-K chart gains the stability and new-theme curves
    open_lda_tab(market, "quality")
    market.number_input(key=state.K_FROM).set_value(3).run()
    market.number_input(key=state.K_TO).set_value(5).run()
    market.number_input(key=state.K_STEP).set_value(1).run()
    market.button(key="tl_run_sweep").click().run()
    names = [trace.get("name") for f in plotly_figures(market) for trace in f["data"]]
    assert {"c_v", "stability", "new themes"} <= set(names), names
    open_lda_tab(market, "which_k")
    fits = len(fit_counter)
    # open K = 4, topic 2 with the control: the map of that model, topic 2 selected, nothing fitted
    market.selectbox(key=state.WHICH_K_PICK_K).set_value(4).run()
    market.selectbox(key=state.WHICH_K_PICK_TOPIC).set_value(2).run()
    market.button(key="tl_which_k_open").click().run()
    assert not market.exception, market.exception
    assert market.session_state[state.LDA_TAB_OPEN] == "explore"
    assert market.session_state[state.SELECTED_TOPIC] == 2
    assert market.session_state[state.LDA_KEY].lda.n_topics == 4
    assert market.sidebar.number_input(key=state.N_TOPICS).value == 4
    figure = _map(market)
    assert len(figure["data"][0]["x"]) == 4
    assert len(fit_counter) == fits  # the genealogy's model, not a new fit


def test_stability_table_marks_the_map(market: AppTest) -> None:
    open_lda_tab(market, "which_k")
    market.number_input(key=state.STABILITY_RUNS).set_value(2).run()
    market.button(key="tl_stability_run").click().run()
    assert not market.exception, market.exception
    table = frame_with(market, "stability", "words kept in every run")
    assert len(table) == 6 and table["stability"].between(0, 1).all()
    open_lda_tab(market, "explore")
    hover = _map(market)["data"][0]["hovertext"]
    assert all("stability" in h for h in hover)
    # a run that differs is one click away: it becomes the fit on the map (seed 1), not refitted
    open_lda_tab(market, "which_k")
    market.button(key="tl_stability_open_run").click().run()
    assert not market.exception
    assert market.session_state[state.LDA_KEY].lda.seed == 1


def test_seed_words_in_the_sidebar(market: AppTest, fit_counter: list) -> None:
    market.sidebar.text_area(key=state.SEED_WORDS).set_value("가구: 소파 식탁\n**bold**: 의자").run()
    assert not market.exception
    shown = " ".join(c.value for c in market.sidebar.caption)
    assert "2 seeded topics" in shown and "\\*\\*bold\\*\\*" in shown  # shown as text, not Markdown
    market.sidebar.button(key=state.FIT_BUTTON).click().run()
    assert not market.exception, market.exception
    assert fit_counter[-1].seed_words == (("가구", ("소파", "식탁")), ("**bold**", ("의자",)))
    names = market.session_state[state.TOPIC_NAMES][market.session_state[state.LDA_KEY].key]
    assert names[0] == "가구" and names[1] == "**bold**"
    market.sidebar.text_area(key=state.SEED_WORDS).set_value("no colon").run()
    assert market.sidebar.error and "line 1" in market.sidebar.error[0].value
