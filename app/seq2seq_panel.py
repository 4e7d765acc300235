"""Drawing the Attention & BERT page's Seq2seq tab: forward against reversed source reading (Sutskever, Vinyals &
Le 2014) as two loss curves on one chart, the held-out accuracies, and the attention decoder's alignment matrix.
Training runs in a worker process (``app.job_tasks.train_seq2seq``); the result is cached by its options."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from app import job_tasks, job_ui, state
from app.attn_panels import heatmap
from app.i18n import message, t
from models.errors import InputError
from models.transformer.seq2seq import TASKS, Seq2seq, Seq2seqOptions, validate_options

ss = st.session_state
COLOURS = {"forward": "#d62728", "reversed": "#1f77b4", "attention": "#2ca02c"}


def _options() -> Seq2seqOptions:
    d = Seq2seqOptions()
    return Seq2seqOptions(
        steps=int(ss.get(state.S2S_STEPS, d.steps)),
        hidden_dim=int(ss.get(state.S2S_HIDDEN, d.hidden_dim)),
        attention_task=str(ss.get(state.S2S_TASK, d.attention_task)),
        seed=int(ss.get(state.S2S_SEED, d.seed)),
    )


def _train(options: Seq2seqOptions, start: bool) -> Seq2seq | None:
    return job_ui.cached_run(
        f"seq2seq|{options!r}",
        job_tasks.train_seq2seq,
        (options,),
        kind="s2s",
        label=t("s2s_training"),
        cancel_key=state.S2S_CANCEL,
        start=start,
        detail=lambda p: t("bert_step", i=p[0], total=p[1]) + ("" if p[2] is None else f" · {p[2]:.3f}"),
        cancelled_text=t("s2s_cancelled"),
    )


def _losses(model: Seq2seq) -> go.Figure:
    fig = go.Figure()
    for name, loss in (("forward", model.loss_forward), ("reversed", model.loss_reversed),
                       ("attention", model.loss_attention)):  # fmt: skip
        dash = "dot" if name == "attention" else "solid"
        fig.add_trace(go.Scatter(x=model.steps, y=loss, mode="lines", name=t(f"s2s_{name}"),
                                 line={"color": COLOURS[name], "dash": dash}))  # fmt: skip
    fig.update_layout(height=330, title=t("s2s_loss_title"), xaxis_title=t("s2s_step_axis"), plot_bgcolor="white",
                      margin={"l": 10, "r": 10, "t": 40, "b": 10}, legend={"orientation": "h", "y": -0.25})  # fmt: skip
    fig.update_xaxes(tickformat="d")
    return fig


def _positions(model: Seq2seq) -> go.Figure:
    x = list(range(1, len(model.position_accuracy_forward) + 1))
    fig = go.Figure()
    for name, acc in (("forward", model.position_accuracy_forward), ("reversed", model.position_accuracy_reversed)):
        fig.add_trace(go.Bar(x=x, y=100 * acc, name=t(f"s2s_{name}"), marker_color=COLOURS[name]))
    fig.update_layout(height=260, title=t("s2s_position_title"), xaxis_title=t("s2s_position_axis"), barmode="group",
                      yaxis={"range": [0, 100], "ticksuffix": "%"}, plot_bgcolor="white", showlegend=False,
                      margin={"l": 10, "r": 10, "t": 40, "b": 10})  # fmt: skip
    return fig


def seq2seq_tab() -> None:
    """Train the three encoder-decoders, then compare their losses and show the attention model's alignment."""
    st.caption(t("s2s_help"))
    d = Seq2seqOptions()
    with st.form("tl_s2s_form", border=True):
        c = st.columns(4)
        c[0].number_input(t("s2s_steps"), min_value=10, max_value=3000, step=50, value=d.steps, key=state.S2S_STEPS)
        c[1].select_slider(t("s2s_hidden"), options=[16, 32, 64, 128], value=d.hidden_dim, key=state.S2S_HIDDEN)
        c[2].radio(t("s2s_task"), TASKS, index=TASKS.index(d.attention_task), key=state.S2S_TASK, horizontal=True,
                   format_func=lambda task: t(f"s2s_task_{task}"))  # fmt: skip
        c[3].number_input(t("attn_seed"), min_value=0, max_value=1_000_000, value=d.seed, key=state.S2S_SEED)
        pressed = st.form_submit_button(t("s2s_train"), type="primary", help=t("s2s_train_help"))
    options = _options()
    try:
        validate_options(options)
    except InputError as err:
        st.error(message(err))
        return
    model = _train(options, start=pressed)
    if model is None:
        st.info(t("s2s_press_train"))
        return
    st.caption(t("s2s_accuracy", n=512, f=100 * model.accuracy_forward, r=100 * model.accuracy_reversed,
                 a=100 * model.accuracy_attention, seconds=model.seconds))  # fmt: skip
    left, right = st.columns([1.2, 1])
    with left:
        st.plotly_chart(_losses(model), key="tl_s2s_loss")
        st.caption(t("s2s_why"))
        st.plotly_chart(_positions(model), key="tl_s2s_positions")
    with right:
        task = model.options.attention_task
        rows = [f"{i + 1}. {w}" for i, w in enumerate(model.alignment_target.tolist())]
        columns = [f"{j + 1}. {w}" for j, w in enumerate(model.alignment_source.tolist())]
        title = t("s2s_alignment_title", task=t(f"s2s_task_{task}"))
        st.plotly_chart(heatmap(model.alignment, rows, columns, title, zmin=0, zmax=1), key="tl_s2s_alignment")
        shape = t("s2s_diagonal") if task == "copy" else t("s2s_anti_diagonal")
        st.caption(t("s2s_alignment_caption", shape=shape, anti=model.anti_diagonal_weight,
                     diag=model.diagonal_weight))  # fmt: skip


__all__ = ["seq2seq_tab"]
