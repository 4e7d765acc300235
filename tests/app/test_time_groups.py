"""The LDA page's Time & groups tab through AppTest, on the dated Korean sample."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from app import state
from tests.app.conftest import open_lda_tab, plotly_figures


@pytest.fixture
def dated(fresh_app: AppTest) -> AppTest:
    fresh_app.query_params.update({"sample": "ko-market-dated", "lang": "en"})
    fresh_app.run()
    while state.PENDING in fresh_app.session_state and fresh_app.session_state[state.PENDING] is not None:
        fresh_app.run()
    assert not fresh_app.exception, fresh_app.exception
    return open_lda_tab(fresh_app, "time")


def test_dates_are_binned_and_unparsable_values_reported(dated: AppTest) -> None:
    assert dated.selectbox(key=state.TIME_COLUMN).value == "date"
    assert any("'어제'" in w.value.replace("\\", "") and "2 values" in w.value for w in dated.warning)
    area = plotly_figures(dated)[0]
    assert area["data"][0]["x"][0] == "2023 Q1" and len(area["data"][0]["x"]) == 8  # automatic: quarters
    assert len(area["data"]) == 6  # K = 6 topics stacked
    dated.radio(key=state.TIME_BIN).set_value("year").run()
    assert plotly_figures(dated)[0]["data"][0]["x"] == ["2023", "2024"]


def test_a_topic_chosen_here_is_selected_on_the_map_and_its_words_per_group(dated: AppTest) -> None:
    box = dated.selectbox(key=state.TIME_TOPIC)
    box.select_index(1).run()
    topic = dated.session_state[state.SELECTED_TOPIC]
    assert topic is not None
    said = dated.dataframe[0].value
    assert len(said) == 8 and said.iloc[:, 3].str.len().gt(0).all()  # each quarter has the topic's own words
    area = plotly_figures(dated)[0]
    greyed = [tr for tr in area["data"] if tr.get("fillcolor") == "rgba(200,200,200,0.35)"]
    assert len(greyed) == 5  # the other topics fade


def test_category_column_and_group_difference(dated: AppTest) -> None:
    dated.selectbox(key=state.TIME_COLUMN).set_value("category").run()
    assert not dated.exception
    assert plotly_figures(dated)[0]["data"][0]["x"] == [
        "baby",
        "books",
        "clothes",
        "electronics",
        "furniture",
        "kitchen",
    ]
    dated.selectbox(key=state.TIME_GROUP_A).set_value("furniture")
    dated.selectbox(key=state.TIME_GROUP_B).set_value("books").run()
    diff = plotly_figures(dated)[-1]
    assert "furniture minus share in books" in diff["layout"]["title"]["text"]
    assert len(diff["data"][0]["x"]) == 6


def test_a_corpus_without_metadata_says_what_to_do(app: AppTest) -> None:
    open_lda_tab(app, "time")  # the Lee news sample: plain text, no columns
    assert any("no date or category column" in i.value for i in app.info) and not app.exception
