"""The LDA page's "Time & groups" tab: topic shares per date bin or category with 90% bootstrap intervals, a
stacked area and small multiples, what a topic said in each bin, and which topics differ between two groups.
Computation comes from ``models.lda.over_time``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from app import charts, result_cache, state, topic_names
from app.i18n import formatter, message, t
from app.lda_explorer import model_key
from app.plain_text import plain, plotly_text
from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.explore import LdaExploration
from models.lda.over_time import (
    BIN_SIZES,
    ColumnKind,
    bin_labels,
    column_kinds,
    group_difference,
    group_shares,
    group_top_terms,
    metadata_values,
)

ss = st.session_state
N_BOOT = 400
SMALL_COLUMNS = 4


def _kinds(fit_key: str, corpus: Corpus) -> list[ColumnKind]:
    return result_cache.get_or_compute(f"meta-kinds|{fit_key}", lambda: column_kinds(corpus))


def _labels(fit_key: str, corpus: Corpus, column: ColumnKind, size: str):
    def compute():
        values = metadata_values(corpus, column.name)
        if column.kind == "date":
            return bin_labels(values, size)
        labels = [v.strip() or None for v in values]
        order = sorted({v for v in labels if v is not None})
        return labels, order, []

    return result_cache.get_or_compute(f"groups|{column.name}|{column.kind}|{size}|{fit_key}", compute)


def _on_topic() -> None:
    choice = ss.get(state.TIME_TOPIC)
    ss[state.SELECTED_TOPIC] = None if choice == -1 else choice


def _topic_label(exploration: LdaExploration, names: dict[int, str], k: int) -> str:
    return f"#{int(exploration.vis.ranks[k])} {names.get(k, '')}"


def _area(shares, exploration: LdaExploration, names: dict[int, str], selected: int | None) -> go.Figure:
    colours = charts.topic_colours(exploration.model.n_topics)
    fig = go.Figure()
    for k in [int(k) for k in exploration.vis.order][::-1]:
        dim = selected is not None and k != selected
        fig.add_trace(
            go.Scatter(
                x=list(shares.groups),
                y=100 * shares.share[:, k],
                mode="lines",
                stackgroup="one",
                name=plotly_text(_topic_label(exploration, names, k)),
                line={"width": 0.5, "color": colours[k]},
                fillcolor=colours[k] if not dim else "rgba(200,200,200,0.35)",
                opacity=1.0,
                hovertemplate="%{x}: %{y:.1f}%<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        title=t("time_area_title"),
        yaxis={"title": t("time_share_axis"), "range": [0, 100]},
        plot_bgcolor="white",
        legend={"traceorder": "reversed", "font": {"size": 11}},
    )
    return fig


def _small_multiples(shares, exploration: LdaExploration, names: dict[int, str], selected: int | None) -> go.Figure:
    order = [int(k) for k in exploration.vis.order]
    rows = (len(order) + SMALL_COLUMNS - 1) // SMALL_COLUMNS
    fig = make_subplots(rows=rows, cols=SMALL_COLUMNS, shared_xaxes=True, shared_yaxes=True,
                        subplot_titles=[plotly_text(_topic_label(exploration, names, k)[:28]) for k in order],
                        vertical_spacing=0.12 / max(rows, 1) + 0.04)  # fmt: skip
    colours = charts.topic_colours(exploration.model.n_topics)
    x = list(shares.groups)
    for i, k in enumerate(order):
        r, c = i // SMALL_COLUMNS + 1, i % SMALL_COLUMNS + 1
        colour = colours[k] if selected is None or k == selected else "#bbbbbb"
        band_x = x + x[::-1]
        band_y = list(100 * shares.high[:, k]) + list(100 * shares.low[:, k])[::-1]
        fig.add_trace(go.Scatter(x=band_x, y=band_y, mode="lines", fill="toself", line={"width": 0}, fillcolor=colour,
                                 opacity=0.2, hoverinfo="skip", showlegend=False), row=r, col=c)  # fmt: skip
        fig.add_trace(
            go.Scatter(x=x, y=100 * shares.share[:, k], mode="lines+markers", line={"color": colour, "width": 2},
                       marker={"size": 4}, showlegend=False,
                       customdata=np.stack([100 * shares.low[:, k], 100 * shares.high[:, k]], axis=1),
                       hovertemplate="%{x}: %{y:.1f}% (90%: %{customdata[0]:.1f}-%{customdata[1]:.1f})<extra></extra>"),
            row=r, col=c,
        )  # fmt: skip
    fig.update_annotations(font_size=11)
    fig.update_layout(height=150 + 170 * rows, margin={"l": 10, "r": 10, "t": 60, "b": 10},
                      title=t("time_small_title"), plot_bgcolor="white")  # fmt: skip
    return fig


def _difference_chart(diff, exploration: LdaExploration, names: dict[int, str], a: str, b: str) -> go.Figure:
    labels = [plotly_text(_topic_label(exploration, names, int(k))) for k in diff.topics]
    colours = charts.topic_colours(exploration.model.n_topics)
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=100 * diff.difference,
            orientation="h",
            marker_color=[colours[int(k)] for k in diff.topics],
            error_x={
                "type": "data",
                "symmetric": False,
                "array": 100 * (diff.high - diff.difference),
                "arrayminus": 100 * (diff.difference - diff.low),
            },
            hovertemplate="%{y}: %{x:+.1f} points<extra></extra>",
        )
    )
    fig.update_layout(
        height=80 + 26 * len(labels),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        title=plotly_text(t("time_diff_title", a=a, b=b)),
        xaxis={"title": t("time_diff_axis"), "zeroline": True},
        yaxis={"autorange": "reversed"},
        plot_bgcolor="white",
    )
    return fig


def time_tab(fit_key: str, exploration: LdaExploration, corpus: Corpus) -> None:
    """Topic shares across the values of a date or category column of the corpus."""
    kinds = _kinds(fit_key, corpus)
    if not kinds:
        st.info(t("time_no_columns"))
        return
    names = topic_names.names(fit_key, exploration.vis)
    by_name = {k.name: k for k in kinds}
    if ss.get(state.TIME_COLUMN) not in by_name:
        ss[state.TIME_COLUMN] = next((k.name for k in kinds if k.kind == "date"), kinds[0].name)
    c1, c2, c3 = st.columns([1.2, 1.6, 1.4])
    c1.selectbox(
        t("time_column"),
        list(by_name),
        key=state.TIME_COLUMN,
        format_func=lambda n: f"{n} ({t('time_kind_' + by_name[n].kind)})",  # options are shown as plain text
    )
    column = by_name[ss[state.TIME_COLUMN]]
    ss.setdefault(state.TIME_BIN, "auto")
    if column.kind == "date":
        c2.radio(t("time_bin"), BIN_SIZES, key=state.TIME_BIN, horizontal=True, format_func=formatter("time_bin_"))
    size = ss[state.TIME_BIN] if column.kind == "date" else "auto"
    order_topics = [int(k) for k in exploration.vis.order]
    ss[state.TIME_TOPIC] = -1 if ss.get(state.SELECTED_TOPIC) is None else int(ss[state.SELECTED_TOPIC])
    c3.selectbox(
        t("time_topic"),
        [-1, *order_topics],
        key=state.TIME_TOPIC,
        format_func=lambda k: t("w2v_all_topics") if k == -1 else _topic_label(exploration, names, k),
        on_change=_on_topic,
    )
    selected = ss.get(state.SELECTED_TOPIC)
    try:
        labels, order, unparsable = _labels(fit_key, corpus, column, size)
    except InputError as err:
        st.error(message(err))
        return
    if unparsable:
        examples = ", ".join(repr(metadata_values(corpus, column.name)[i]) for i in unparsable[:3])
        st.warning(plain(t("time_unparsable", n=len(unparsable), examples=examples)))
    if not order:
        st.info(t("time_no_groups"))
        return
    seed = exploration.options.seed
    key = f"shares|{column.name}|{size}|{model_key(fit_key, exploration)}"
    shares = result_cache.get_or_compute(
        key, lambda: group_shares(exploration.model, labels, order, n_boot=N_BOOT, level=0.9, seed=seed)
    )
    st.caption(t("time_caption", groups=len(order), docs=int(shares.documents.sum()), boot=N_BOOT))
    st.plotly_chart(_area(shares, exploration, names, selected), key="tl_time_area")
    st.plotly_chart(_small_multiples(shares, exploration, names, selected), key="tl_time_small")
    if selected is not None:
        st.markdown(f"**{plain(t('time_said', topic=_topic_label(exploration, names, int(selected))))}**")
        terms = result_cache.get_or_compute(
            f"said|{column.name}|{size}|{selected}|{model_key(fit_key, exploration)}",
            lambda: group_top_terms(exploration.model, corpus, labels, order, int(selected), n=8),
        )
        frame = pd.DataFrame(
            {
                t("time_group"): list(order),
                t("time_docs"): [int(n) for n in shares.documents],
                t("share"): [round(100 * float(s), 1) for s in shares.share[:, int(selected)]],
                t("time_terms"): [" · ".join(w for w, _ in terms.get(g, [])) for g in order],
            }
        )
        st.dataframe(frame, hide_index=True)
    else:
        st.caption(t("time_pick_topic"))
    st.markdown(f"**{t('time_compare')}**")
    present = [g for g, n in zip(order, shares.documents, strict=True) if n > 0]
    if len(present) < 2:
        return
    for key_, default in ((state.TIME_GROUP_A, present[-1]), (state.TIME_GROUP_B, present[0])):
        if ss.get(key_) not in present:
            ss[key_] = default
    g1, g2 = st.columns(2)
    g1.selectbox(t("time_group_a"), present, key=state.TIME_GROUP_A)
    g2.selectbox(t("time_group_b"), present, key=state.TIME_GROUP_B)
    a, b = ss[state.TIME_GROUP_A], ss[state.TIME_GROUP_B]
    if a == b:
        st.caption(t("time_same_group"))
        return
    diff = result_cache.get_or_compute(
        f"diff|{column.name}|{size}|{a}|{b}|{model_key(fit_key, exploration)}",
        lambda: group_difference(exploration.model, labels, a, b, n_boot=N_BOOT, seed=seed),
    )
    st.plotly_chart(_difference_chart(diff, exploration, names, a, b), key="tl_time_diff")
