"""The Attention & BERT page through AppTest: the formula's numbers, d_k, heads, the mask, user text as text."""

from __future__ import annotations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from app import state
from tests.app.conftest import plotly_figures

LABELS = {
    "steps": "Attention step by step",
    "scaling": "Why √d_k",
    "heads": "Multi-head",
    "picture": "The lecture's picture",
    "mask": "Causal mask & positions",
}


def _open(at: AppTest, tab: str) -> AppTest:
    at.session_state[f"{state.ATTN_TAB}|en"] = LABELS[tab]
    return at.run()


@pytest.fixture
def attn(app: AppTest) -> AppTest:
    app.switch_page("views/attention.py").run()
    assert not app.exception, app.exception
    return app


def _heatmaps(at: AppTest) -> list[dict]:
    return [f for f in plotly_figures(at) if f["data"] and f["data"][0].get("type") == "heatmap"]


def test_steps_show_the_lectures_sentence_and_weights_that_sum_to_one(attn: AppTest) -> None:
    assert attn.title[0].value == "Attention & BERT"
    maps = _heatmaps(attn)
    weights = next(m for m in maps if "softmax" in m["layout"]["title"]["text"])
    z = np.array(weights["data"][0]["z"], dtype=float)
    assert z.shape == (7, 7)
    np.testing.assert_allclose(z.sum(axis=1), 1.0, atol=1e-9)
    assert weights["data"][0]["y"][2] == "3. cat"
    latex = " ".join(e.value for e in attn.latex)
    assert "q_{3} K^\\top" in latex and "\\sqrt{4}" in latex  # the default query is "cat", d_k = 4


def test_a_larger_d_k_changes_the_scores(attn: AppTest) -> None:
    before = next(m for m in _heatmaps(attn) if "√d_k" in m["layout"]["title"]["text"])["data"][0]["z"]
    attn.select_slider(key=state.ATTN_D_K).set_value(16).run()
    assert not attn.exception
    after = next(m for m in _heatmaps(attn) if "√d_k" in m["layout"]["title"]["text"])
    assert "√16 = 4.000" in after["layout"]["title"]["text"] and after["data"][0]["z"] != before


def test_heads_mask_scaling_and_picture(attn: AppTest) -> None:
    _open(attn, "heads")
    attn.slider(key=state.ATTN_HEADS).set_value(3).run()
    assert len(_heatmaps(attn)) == 3 and not attn.exception
    assert any("W^O is 12 × 8" in i.value for i in attn.info)
    _open(attn, "mask")
    masked = np.array(_heatmaps(attn)[1]["data"][0]["z"], dtype=float)
    assert np.all(masked[np.triu_indices(7, k=1)] == 0) and np.allclose(masked.sum(axis=1), 1)
    _open(attn, "scaling")
    assert len(plotly_figures(attn)) == 2 and not attn.exception
    _open(attn, "picture")
    assert plotly_figures(attn) and not attn.exception


def test_user_sentences_are_text_and_bad_ones_get_a_message(attn: AppTest) -> None:
    attn.text_input(key=state.ATTN_TEXT).set_value("<img src=x onerror=alert(1)> **bold** cat").run()
    assert not attn.exception
    rows = _heatmaps(attn)[0]["data"][0]["y"]
    assert all("<" not in r for r in rows) and any("cat" in r for r in rows)
    attn.text_input(key=state.ATTN_TEXT).set_value("?!").run()
    assert attn.error and not attn.exception


def test_korean_ui(attn: AppTest) -> None:
    attn.radio(key=state.LANG).set_value("ko").run()
    assert attn.title[0].value == "어텐션과 BERT" and not attn.exception


def test_bert_inputs_follow_the_rule_and_show_each_fate(attn: AppTest) -> None:
    attn.session_state[f"{state.ATTN_TAB}|en"] = "BERT's inputs"
    attn.run()
    assert not attn.exception
    table = " ".join(h.proto.body for h in attn.get("html"))
    assert "[CLS]" in table and "[SEP]" in table and "segment id" in table
    shares = attn.dataframe[0].value
    measured = dict(zip(shares.iloc[:, 0], shares.iloc[:, 1], strict=True))
    assert abs(float(measured["words selected"].rstrip("%")) - 15) < 1.5
    assert abs(float(measured["→ [MASK]"].rstrip("%")) - 80) < 4


def test_tiny_bert_trains_in_a_worker_and_predicts(attn: AppTest) -> None:
    attn.session_state[f"{state.ATTN_TAB}|en"] = "A tiny BERT"
    attn.run()
    assert any("not BERT" in w.value for w in attn.warning)
    attn.number_input(key=state.BERT_STEPS).set_value(50)
    attn.select_slider(key=state.BERT_DIM).set_value(16)
    attn.number_input(key=state.BERT_HEADS).set_value(2)
    attn.button(key="FormSubmitter:tl_bert_form-Train").click().run()
    assert not attn.exception, attn.exception
    assert any("Held-out masked words guessed right" in c.value for c in attn.caption)
    guesses = attn.dataframe[0].value
    assert len(guesses) == 10
    figures = [f for f in plotly_figures(attn) if f["data"] and f["data"][0].get("type") == "heatmap"]
    assert len(figures) == 2  # one heatmap per head of the chosen layer
    z = np.array(figures[0]["data"][0]["z"], dtype=float)
    np.testing.assert_allclose(z.sum(axis=1), 1.0, atol=1e-6)


def test_fine_tuning_figure(attn: AppTest) -> None:
    attn.session_state[f"{state.ATTN_TAB}|en"] = "Fine-tuning"
    attn.run()
    assert plotly_figures(attn) and not attn.exception
