"""The Attention & BERT page's Seq2seq tab through AppTest: train tiny models in a worker, see the loss curves
(forward against reversed) and the attention decoder's alignment heatmap."""

from __future__ import annotations

import numpy as np
from streamlit.testing.v1 import AppTest

from app import state
from tests.app.conftest import plotly_figures


def test_seq2seq_tab_trains_and_shows_losses_and_alignment(app: AppTest) -> None:
    app.switch_page("views/attention.py").run()
    app.session_state[f"{state.ATTN_TAB}|en"] = "Seq2seq"
    app.run()
    assert not app.exception, app.exception
    assert any("Press Train" in i.value for i in app.info)
    app.number_input(key=state.S2S_STEPS).set_value(20)
    app.select_slider(key=state.S2S_HIDDEN).set_value(16)
    app.button(key="FormSubmitter:tl_s2s_form-Train").click().run()
    assert not app.exception, app.exception
    assert any("Held-out strings written" in c.value for c in app.caption)
    assert any("learned, not built in" in c.value for c in app.caption)
    figures = plotly_figures(app)
    losses = next(f for f in figures if "Training loss" in f["layout"]["title"]["text"])
    names = [trace["name"] for trace in losses["data"]]
    assert names == ["source read forward", "source read reversed", "attention decoder"]
    assert len(losses["data"][0]["x"]) == 2  # logged every 10 of the 20 steps
    heat = next(f for f in figures if f["data"] and f["data"][0].get("type") == "heatmap")
    z = np.array(heat["data"][0]["z"], dtype=float)
    assert z.shape == (8, 8)
    np.testing.assert_allclose(z.sum(axis=1), 1.0, atol=1e-6)
    assert "reverse" in heat["layout"]["title"]["text"]
