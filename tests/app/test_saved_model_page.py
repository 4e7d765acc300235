"""Saving and reopening through AppTest: the .topiclens file of a merged, renamed fit reopens as the same view, with
no fit; a bad file is a message; the New document tab infers a text's topics."""

from __future__ import annotations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from app import merges, result_cache, state
from models.lda.saved_exploration import saved_from
from models.lda.saved_model import open_saved, save_model
from tests.app.conftest import count_fits, open_lda_tab, plotly_figures


def _map(at: AppTest) -> dict:
    return next(f for f in plotly_figures(at) if f["data"][0].get("name") == "topics")


def _saved_bytes(at: AppTest) -> bytes:
    """The file the downloads tab's button gives (built from the same pieces as app.saved_models)."""
    view_key, fit_key, steps = at.session_state[state.MERGE_VIEW]
    names = at.session_state[state.TOPIC_NAMES]
    corpus = at.session_state["_tl_corpus_result"].corpus
    base = result_cache.get(fit_key)
    return save_model(saved_from(base, corpus, steps, names=names.get(view_key, {}), base_names=names.get(fit_key, {})))


def test_save_then_open_gives_the_same_view(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = app.session_state[state.LDA_KEY]
    open_lda_tab(app, "relations")
    app.multiselect(key=state.MERGE_PICK).set_value([0, 3]).run()
    app.button(key="tl_merge_button").click().run()
    view_key = merges.view_key(spec.key, ((0, 3),))
    app.session_state[state.TOPIC_NAMES] = {**app.session_state[state.TOPIC_NAMES], view_key: {1: "my topic"}}
    open_lda_tab(app, "downloads")
    assert not app.exception, app.exception
    assert any(b.label == "Download .topiclens" for b in app.get("download_button"))
    open_lda_tab(app, "explore")
    shown = _map(app)["data"][0]
    data = _saved_bytes(app)
    assert open_saved(data).merges == ((0, 3),)

    result_cache.clear()  # another session, another day: nothing cached
    fits = count_fits(monkeypatch)
    fresh = AppTest.from_file(app._script_path, default_timeout=300)
    fresh.session_state[state.SOURCE] = "saved"
    fresh.session_state[state.SAVED_FILE] = ("lee.topiclens", data)
    fresh.run()
    assert not fresh.exception, fresh.exception
    assert fits == []  # reopened, not refitted
    again = _map(fresh)["data"][0]
    assert len(again["x"]) == 9
    np.testing.assert_allclose(again["x"], shown["x"])
    np.testing.assert_allclose(again["y"], shown["y"])
    assert again["customdata"] == shown["customdata"]
    assert {1: "my topic"} in fresh.session_state[state.TOPIC_NAMES].values()
    assert "my topic" in str(_map(fresh))  # the name is on the map
    assert any(c.value.startswith("Opened lee") for c in fresh.sidebar.caption)
    open_lda_tab(fresh, "relations")
    fresh.button(key="tl_merge_undo").click().run()  # the merges travelled with the file: undo works
    open_lda_tab(fresh, "explore")
    assert len(_map(fresh)["data"][0]["x"]) == 10


def test_a_bad_file_is_a_message(fresh_app: AppTest) -> None:
    fresh_app.session_state[state.SOURCE] = "saved"
    fresh_app.session_state[state.SAVED_FILE] = ("evil.topiclens", b"PK\x03\x04 junk")
    fresh_app.run()
    assert not fresh_app.exception
    assert any(e.value.startswith("evil") and "not a TopicLens model file" in e.value for e in fresh_app.error)


def test_new_document_tab(app: AppTest) -> None:
    open_lda_tab(app, "new_document")
    app.text_area(key=state.NEWDOC_TEXT).set_value("The police said the fire near Sydney was contained. Zorblax.").run()
    assert not app.exception, app.exception
    bars = [f for f in plotly_figures(app) if f["layout"].get("barmode") == "stack"]
    assert len(bars) == 1 and abs(sum(d["x"][0] for d in bars[0]["data"]) - 100) < 1.5
    assert any("zorblax" in c.value for c in app.caption)
    assert len(app.dataframe[-1].value) == 5
