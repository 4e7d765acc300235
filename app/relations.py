"""The LDA page's "Topic relations" tab: a topic-similarity heatmap ordered by clustering, its dendrogram, and
merging topics (with undo)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from app import merges, result_cache, state, topic_names
from app.i18n import message, t
from app.model_controls import FitSpec
from app.plain_text import plain, plotly_text
from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.explore import LdaExploration
from models.lda.merge import original_ids, steps_of
from models.lda.topic_relations import TopicClustering, closest_pairs, topic_clustering


def relations_figure(distances: np.ndarray, clustering: TopicClustering, labels: list[str]) -> go.Figure:
    """The dendrogram above the distance heatmap, both in the clustering's leaf order on one shared x axis.

    ``labels`` are in leaf order. The colour scale spans the off-diagonal distances (topics of one model are often
    all between 0.5 and ln 2, which a 0 to ln 2 scale would paint alike).
    """
    order = clustering.order
    d = distances[np.ix_(order, order)]
    ticks = [10 * i + 5 for i in range(len(order))]
    off = d[~np.eye(len(order), dtype=bool)]
    low, high = float(off.min()), float(off.max())
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.28, 0.72], vertical_spacing=0.02)
    fig.add_trace(
        go.Heatmap(
            z=np.round(d, 4),
            x=ticks,
            y=labels,
            customdata=np.array([[labels[j] for j in range(len(order))] for _ in range(len(order))]),
            colorscale="Blues_r",
            zmin=max(0.0, low - 0.05 * (high - low)),
            zmax=high,
            colorbar={"title": t("relations_distance"), "len": 0.7, "y": 0.35},
            hovertemplate="%{y} · %{customdata}<br>JS = %{z:.3f}<extra></extra>",
        ),
        row=2,
        col=1,
    )
    for xs, ys in zip(clustering.icoord, clustering.dcoord, strict=True):
        fig.add_trace(
            go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#4b6584", "width": 2}, hoverinfo="skip"), row=1, col=1
        )
    heights = clustering.dcoord[clustering.dcoord > 0]
    floor = float(heights.min()) if heights.size else 0.0
    fig.update_yaxes(range=[floor - 0.1 * (high - floor + 1e-9), high * 1.02], title=t("relations_distance"), row=1)
    fig.update_yaxes(autorange="reversed", row=2)
    fig.update_xaxes(tickvals=ticks, ticktext=labels, tickangle=-45, range=[0, 10 * len(order)], row=2)
    fig.update_layout(
        height=max(460, 30 * len(labels) + 320),
        showlegend=False,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        title={"text": t("relations_heatmap") + " · " + t("relations_dendrogram"), "font": {"size": 14}},
        plot_bgcolor="white",
    )
    return fig


def relations_tab(spec: FitSpec | merges.ViewSpec, exploration: LdaExploration, corpus: Corpus) -> None:
    """The heatmap, the dendrogram and the merge controls for the model the page shows."""
    vis = exploration.vis
    names = topic_names.names(spec.key, vis)
    labels = [topic_names.label(vis, names, k) for k in range(vis.n_topics)]
    st.caption(t("relations_help"))
    if vis.n_topics >= 2:
        clustering = result_cache.get_or_compute(f"relations|{spec.key}", lambda: topic_clustering(vis.distances))
        ordered = [plotly_text(labels[k]) for k in clustering.order]
        st.plotly_chart(relations_figure(vis.distances, clustering, ordered), key="tl_relations")
        pairs = closest_pairs(vis.distances, n=min(5, vis.n_topics * (vis.n_topics - 1) // 2))
        st.markdown(f"**{t('relations_closest')}**")
        st.markdown("\n".join(f"- {plain(labels[i])} · {plain(labels[j])}: {d:.3f}" for i, j, d in pairs))
    else:
        st.info(t("relations_one_topic"))
    _merge_controls(spec, exploration, corpus, labels)


def _merge_controls(
    spec: FitSpec | merges.ViewSpec, exploration: LdaExploration, corpus: Corpus, labels: list[str]
) -> None:
    st.subheader(t("merge_title"))
    if not exploration.complete:
        st.info(t("merge_live"))
        return
    st.caption(t("merge_help"))
    fit_key = getattr(spec, "fit_key", spec.key)
    steps = merges.history(fit_key)
    if steps:
        fitted_k = exploration.model.n_topics + sum(len(s) - 1 for s in steps)
        groups = original_ids(steps_of(steps, fitted_k), fitted_k)
        st.caption(t("merged_caption", n=len(steps), k=exploration.model.n_topics))
        shown = ", ".join("+".join(str(k) for k in group) for group in groups if len(group) > 1)
        st.caption(t("merge_history", steps=shown))
    options = [int(k) for k in exploration.vis.order]
    pick = st.multiselect(
        t("merge_pick"), options, key=state.MERGE_PICK, format_func=lambda k: labels[k] if k < len(labels) else str(k)
    )
    a, b = st.columns(2)
    a.button(
        t("merge_button"),
        key="tl_merge_button",
        disabled=len(pick) < 2,
        type="primary",
        on_click=_on_merge,
        args=(fit_key, exploration, corpus),
    )
    b.button(t("merge_undo"), key="tl_merge_undo", disabled=not steps, on_click=_on_undo, args=(fit_key,))


def _on_merge(fit_key: str, exploration: LdaExploration, corpus: Corpus) -> None:
    """The Merge button (a callback: the page then draws the merged model, its note at the top)."""
    ss = st.session_state
    pick = sorted(int(k) for k in ss.get(state.MERGE_PICK, []))
    try:
        into = merges.merge(fit_key, exploration, pick, corpus)
    except InputError as err:
        ss[state.FIT_MESSAGE] = ("error", message(err))
        return
    ss[state.MERGE_PICK] = []
    ss[state.FIT_MESSAGE] = ("info", t("merge_done", ids=", ".join(map(str, pick)), into=into))


def _on_undo(fit_key: str) -> None:
    merges.undo(fit_key)
    st.session_state[state.MERGE_PICK] = []
