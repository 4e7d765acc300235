"""The LDA page through AppTest: first-start fit, λ and topic selection without refitting, term view, documents,
names, engines, errors and the Korean UI."""

from __future__ import annotations

import dataclasses

import pytest
from streamlit.testing.v1 import AppTest

from app import state
from models import load_sample
from models.lda.explore import explore_lda
from models.lda.options import LdaOptions
from models.ldavis.vis_data import top_terms
from tests.app.conftest import count_fits, finish_pending_fit, frame_with, metrics, open_lda_tab, plotly_figures


@pytest.fixture
def fit_counter(monkeypatch: pytest.MonkeyPatch) -> list[LdaOptions]:
    """Records every LDA fit the app starts (fits run in worker processes: counted where they are handed over)."""
    return count_fits(monkeypatch)


@pytest.fixture
def market(fresh_app: AppTest, fit_counter: list[LdaOptions]) -> AppTest:
    """The Korean listings sample, fitted automatically on first view (Gibbs, K = 6)."""
    fresh_app.session_state[state.SAMPLE] = "ko-market"
    finish_pending_fit(fresh_app.run())
    assert not fresh_app.exception, fresh_app.exception
    assert len(fit_counter) == 1
    return fresh_app


def _map(at: AppTest) -> dict:
    return next(f for f in plotly_figures(at) if f["data"][0].get("name") == "topics")


def _bars(at: AppTest) -> dict:
    return next(f for f in plotly_figures(at) if f["data"][0].get("type") == "bar" and "title" in f["layout"])


def test_first_start_fits_the_sample_and_shows_the_map(fresh_app: AppTest, fit_counter: list) -> None:
    finish_pending_fit(fresh_app.run())
    assert not fresh_app.exception
    assert len(fit_counter) == 1 and fit_counter[0].engine == "gibbs" and fit_counter[0].n_topics == 10
    assert fresh_app.title[0].value == "Topic map (LDA)"
    figure = _map(fresh_app)
    assert len(figure["data"][0]["x"]) == 10
    assert sorted(figure["data"][0]["customdata"]) == list(range(10))
    assert sorted(int(r) for r in figure["data"][0]["text"]) == list(range(1, 11))
    bars = _bars(fresh_app)
    assert bars["layout"]["title"]["text"] == "Top-30 Most Salient Terms"
    assert len(bars["data"]) == 1 and len(bars["data"][0]["y"]) == 30


def test_lambda_and_topic_selection_do_not_refit(market: AppTest, fit_counter: list) -> None:
    corpus = load_sample("ko-market")
    reference = explore_lda(corpus, fit_counter[0])  # the same seed gives the same model
    fits = len(fit_counter)
    first = int(reference.vis.order[0])
    market.button(key="tl_next").click().run()
    assert market.session_state[state.SELECTED_TOPIC] == first
    bars = _bars(market)
    assert "Topic #1" in bars["layout"]["title"]["text"] and f"(id {first})" in bars["layout"]["title"]["text"]
    assert list(bars["data"][0]["y"]) == list(top_terms(reference.vis, first, 1.0).terms)
    for lam in (0.6, 0.0, 0.3):
        market.slider(key=state.LAMBDA).set_value(lam).run()
        assert list(_bars(market)["data"][1]["y"]) == list(top_terms(reference.vis, first, lam).terms)
    market.button(key="tl_next").click().run()
    assert market.session_state[state.SELECTED_TOPIC] == int(reference.vis.order[1])
    market.switch_page("views/corpus.py").run()
    market.switch_page("views/lda.py").run()
    assert market.session_state[state.SELECTED_TOPIC] == int(reference.vis.order[1])
    assert len(fit_counter) == fits  # nothing was refitted
    market.button(key="tl_clear").click().run()
    assert "Salient" in _bars(market)["layout"]["title"]["text"]


def test_term_view_resizes_circles(market: AppTest) -> None:
    market.selectbox(key=state.SELECTED_TERM).set_value("유모차").run()
    figure = _map(market)
    assert "p(topic | term)" in figure["data"][0]["hovertext"][0]
    sizes = {s["name"]: s["x1"] - s["x0"] for s in figure["layout"]["shapes"] if s["name"].startswith("topic ")}
    assert len(sizes) == 6 and max(sizes.values()) > 3 * sorted(sizes.values())[len(sizes) // 2]  # one owns 유모차
    assert any(a["text"] == "Circle area: p(topic | term)" for a in figure["layout"]["annotations"])
    assert any("유모차" in c.value for c in market.caption)


def test_selected_topic_lists_and_opens_documents(market: AppTest) -> None:
    market.button(key="tl_next").click().run()
    docs = frame_with(market, "name", "share")
    shares = list(docs["share"])
    assert shares == sorted(shares, reverse=True) and shares[0] > 50
    html = " ".join(h.proto.body for h in market.get("html"))
    assert "<span title=" in html and "border-bottom:3px solid" in html
    assert any("Gibbs sampler assigned" in c.value for c in market.caption)


def test_topic_names_show_on_the_map(market: AppTest) -> None:
    fit_key = market.session_state[state.LDA_KEY].key
    market.session_state[state.TOPIC_NAMES][fit_key][0] = "유아용품"
    market.run()
    assert any("유아용품 (id 0)" in h for h in _map(market)["data"][0]["hovertext"])


def test_quality_numbers(market: AppTest) -> None:
    shown = metrics(open_lda_tab(market, "quality"))
    assert 0.0 < float(shown["c_v"]) < 1.0
    assert float(shown["u_mass"]) < 0.0
    assert float(shown["Perplexity"].replace(",", "")) > 1.0


def test_other_engine_and_k(market: AppTest, fit_counter: list) -> None:
    market.sidebar.selectbox(key=state.ENGINE).set_value("sklearn").run()
    market.sidebar.number_input(key=state.N_TOPICS).set_value(4).run()
    market.sidebar.button(key=state.FIT_BUTTON).click().run()
    assert not market.exception
    assert fit_counter[-1].engine == "sklearn" and fit_counter[-1].n_topics == 4
    assert len(_map(market)["data"][0]["x"]) == 4
    market.button(key="tl_next").click().run()
    assert any("most likely topic" in c.value for c in market.caption)


def test_k_too_large_is_a_message(fresh_app: AppTest) -> None:
    fresh_app.session_state[state.SAMPLE] = "lecture-lsa"
    fresh_app.run()
    assert fresh_app.sidebar.number_input(key=state.N_TOPICS).max == 5  # the box offers no K the fit refuses
    spec = fresh_app.session_state["_tl_fit_spec_now"]  # a fit asked for by other means still gets a message
    fresh_app.session_state[state.PENDING] = dataclasses.replace(spec, lda=dataclasses.replace(spec.lda, n_topics=50))
    fresh_app.run()
    assert not fresh_app.exception
    assert fresh_app.error and "5" in fresh_app.error[0].value


def test_korean_ui(market: AppTest) -> None:
    market.sidebar.radio(key=state.LANG).set_value("ko").run()
    assert market.title[0].value == "토픽 지도 (LDA)"
    assert "두드러진" in _bars(market)["layout"]["title"]["text"]


def test_layout_switch_recomputes_the_map_only(market: AppTest, fit_counter: list) -> None:
    before = _map(market)["data"][0]
    market.selectbox(key=state.LAYOUT).set_value("mmds").run()
    after = _map(market)["data"][0]
    assert not market.exception
    assert sorted(after["customdata"]) == sorted(before["customdata"])
    assert after["x"] != before["x"]
    assert len(fit_counter) == 1


def test_only_the_open_tab_is_drawn(market: AppTest) -> None:
    assert _map(market) and not market.metric  # Explore is open; Model quality is not drawn
    open_lda_tab(market, "quality")
    assert not market.exception
    assert "c_v" in metrics(market)
    assert not any(f["data"][0].get("name") == "topics" for f in plotly_figures(market))
    market.sidebar.radio(key=state.LANG).set_value("ko").run()  # the tab stays open in the other language
    assert {"c_v", "혼잡도(perplexity)"} <= set(metrics(market))
    open_lda_tab(market, "downloads")
    keys = {button.key for button in market.get("download_button")}
    assert {"tl_dl_phi", "tl_dl_theta", "tl_dl_names", "tl_dl_json", "tl_dl_html"} <= keys, keys
    open_lda_tab(market, "explore")
    assert _map(market) and not market.metric


def test_choose_k_range_survives_closing_the_tab(market: AppTest) -> None:
    open_lda_tab(market, "quality")
    market.number_input(key=state.K_TO).set_value(6).run()
    market.number_input(key=state.K_STEP).set_value(1).run()
    open_lda_tab(market, "explore")
    assert not market.main.number_input  # the quality tab is not drawn
    open_lda_tab(market, "quality")
    assert market.number_input(key=state.K_TO).value == 6 and market.number_input(key=state.K_STEP).value == 1
    market.button(key="tl_run_sweep").click().run()
    assert not market.exception
    sweep = frame_with(market, "k", "c_v")
    assert list(sweep["k"]) == [2, 3, 4, 5, 6]


def test_classic_tab_shows_the_ldavis_page_and_keeps_its_toggle(market: AppTest) -> None:
    open_lda_tab(market, "classic")
    assert not market.get("iframe")
    market.toggle(key=state.CLASSIC_SHOW).set_value(True).run()
    assert not market.exception
    page = market.get("iframe")[0].proto.srcdoc
    assert "topiclens-ldavis" in page, page[:300]
    assert "유모차" in page or "유모차".encode("unicode_escape").decode() in page  # the fit's terms, maybe JSON-escaped
    open_lda_tab(market, "explore")
    open_lda_tab(market, "classic")
    assert market.toggle(key=state.CLASSIC_SHOW).value is True and market.get("iframe")


def test_a_new_fit_starts_with_no_topic_or_term(market: AppTest) -> None:
    market.button(key="tl_next").click().run()
    market.selectbox(key=state.SELECTED_TERM).set_value("유모차").run()
    assert market.session_state[state.SELECTED_TOPIC] is not None
    market.sidebar.number_input(key=state.N_TOPICS).set_value(4).run()
    market.sidebar.button(key=state.FIT_BUTTON).click().run()
    assert not market.exception
    assert market.session_state[state.SELECTED_TOPIC] is None and market.session_state[state.SELECTED_TERM] == ""
    assert "Salient" in _bars(market)["layout"]["title"]["text"]
