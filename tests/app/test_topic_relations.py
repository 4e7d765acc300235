"""The LDA page's Topic relations tab through AppTest: the heatmap and dendrogram, merging topics and undo."""

from __future__ import annotations

import numpy as np
from streamlit.testing.v1 import AppTest

from app import merges, result_cache, state
from tests.app.conftest import open_lda_tab, plotly_figures


def _map(at: AppTest) -> dict:
    return next(f for f in plotly_figures(at) if f["data"][0].get("name") == "topics")


def test_heatmap_and_dendrogram_follow_the_clustering(app: AppTest) -> None:
    open_lda_tab(app, "relations")
    assert not app.exception, app.exception
    figures = plotly_figures(app)
    heatmap = next(f for f in figures if f["data"][0].get("type") == "heatmap")
    z = np.array(heatmap["data"][0]["z"])
    assert z.shape == (10, 10) and np.allclose(np.diag(z), 0) and np.allclose(z, z.T)
    links = [trace for trace in heatmap["data"] if trace.get("mode") == "lines"]
    assert len(links) == 9  # the dendrogram above it: K - 1 links
    spec = app.session_state[state.LDA_KEY]
    vis = result_cache.get(spec.key).vis
    from models.lda.topic_relations import topic_clustering

    order = topic_clustering(vis.distances).order
    np.testing.assert_allclose(z, np.round(vis.distances[np.ix_(order, order)], 4))
    assert heatmap["data"][0]["y"][0].endswith(f"(id {order[0]})")
    assert heatmap["layout"]["xaxis2"]["ticktext"] == heatmap["data"][0]["y"]  # columns in the dendrogram's order


def test_merge_then_undo(app: AppTest) -> None:
    spec = app.session_state[state.LDA_KEY]
    fitted = result_cache.get(spec.key)
    before = _map(app)["data"][0]["x"]
    open_lda_tab(app, "relations")
    app.multiselect(key=state.MERGE_PICK).set_value([2, 5]).run()
    app.button(key="tl_merge_button").click().run()
    assert not app.exception, app.exception
    assert app.session_state[state.MERGES][spec.key] == ((2, 5),)
    assert any("Merged topics 2, 5 into topic 2" in i.value for i in app.info)
    view_key = merges.view_key(spec.key, ((2, 5),))
    merged = result_cache.get(view_key)
    assert merged.model.n_topics == 9
    np.testing.assert_allclose(merged.model.theta.sum(axis=1), 1.0)
    assert app.session_state[state.MERGE_VIEW] == (view_key, spec.key, ((2, 5),))  # what the page shows
    heatmap = next(f for f in plotly_figures(app) if f["data"][0].get("type") == "heatmap")
    assert len(heatmap["data"][0]["z"]) == 9
    open_lda_tab(app, "explore")
    assert len(_map(app)["data"][0]["x"]) == 9  # the map follows the merged model
    open_lda_tab(app, "downloads")
    assert not app.exception
    open_lda_tab(app, "relations")
    app.button(key="tl_merge_undo").click().run()
    assert app.session_state[state.MERGES][spec.key] == ()
    open_lda_tab(app, "explore")
    assert _map(app)["data"][0]["x"] == before and result_cache.get(spec.key) is fitted
