"""Drawing the Word2vec page's lecture tabs: lookup, CBOW with numbers, skip-gram pairs, negative sampling, the
classroom trainer's step, and the paper's table. Computation comes from ``models.embeddings``."""

from __future__ import annotations

import time
from collections import Counter

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import charts, state, w2v_tables
from app.i18n import formatter, message, t
from app.plain_text import plain, plotly_text
from models.corpus.samples import word2vec_sentences
from models.embeddings.cbow import cbow_forward
from models.embeddings.classroom import ClassroomConfig, StepRecord, Word2VecClassroom
from models.embeddings.lookup import LECTURE_W, lookup, one_hot
from models.embeddings.mikolov_table import MIKOLOV_TABLE_3
from models.embeddings.pairs import (
    LECTURE_NEGATIVE_TABLE,
    LECTURE_PAIRS,
    LECTURE_SENTENCE,
    Pair,
    negative_distribution,
    negative_table,
    sentence_tokens,
    skipgram_pairs,
)
from models.errors import InputError

ss = st.session_state
TOP_SCORES = 8  # rows of the CBOW score table (the most likely words, plus the centre word)
MAP_WIDTH = 560


def _sentences() -> list[list[str]]:
    return word2vec_sentences()


def _counts() -> Counter[str]:
    return Counter(w for s in _sentences() for w in s)


# --- the classroom trainer ------------------------------------------------------------------------------------------
def _config() -> ClassroomConfig:
    return ClassroomConfig(
        mode=ss[state.W2V_MODE],
        dim=int(ss[state.W2V_DIM]),
        window=int(ss[state.W2V_TRAIN_WINDOW]),
        negative=int(ss[state.W2V_TRAIN_K]),
        learning_rate=float(ss[state.W2V_LR]),
        seed=int(ss[state.W2V_SEED]),
    )


def defaults() -> None:
    """Initial values of the page's widgets (kept across pages by ``state.PERSISTENT``)."""
    ss.setdefault(state.W2V_ONE_POS, 4)
    ss.setdefault(state.W2V_CBOW_SENTENCE, 0)
    ss.setdefault(state.W2V_CBOW_CENTRE, 2)  # "cat"
    ss.setdefault(state.W2V_CBOW_WINDOW, 2)
    ss.setdefault(state.W2V_PAIRS_TEXT, LECTURE_SENTENCE)
    ss.setdefault(state.W2V_PAIRS_WINDOW, 2)
    ss.setdefault(state.W2V_NEG_K, 2)
    ss.setdefault(state.W2V_NEG_SEED, 0)
    ss.setdefault(state.W2V_MODE, "skipgram")
    ss.setdefault(state.W2V_DIM, 3)
    ss.setdefault(state.W2V_TRAIN_WINDOW, 2)
    ss.setdefault(state.W2V_TRAIN_K, 2)
    ss.setdefault(state.W2V_LR, 0.1)
    ss.setdefault(state.W2V_SEED, 0)
    ss.setdefault(state.W2V_STEPS, 20)
    ss.setdefault(state.W2V_SPEED, 0.1)


def classroom() -> Word2VecClassroom:
    """This session's trainer, built on first use with the settings."""
    room = ss.get(state.W2V_ROOM)
    if room is None:
        room = ss[state.W2V_ROOM] = Word2VecClassroom(_sentences(), _config())
    return room


def _rebuild() -> None:
    ss[state.W2V_ROOM] = Word2VecClassroom(_sentences(), _config())


def _act(action: str) -> None:
    room = classroom()
    if action == "step":
        room.step()
    elif action == "undo":
        room.undo()
    elif action == "reset":
        room.reset()


# --- tabs ---------------------------------------------------------------------------------------------------------
def lookup_tab() -> None:
    """The lecture's one-hot × W = row of W, with the position of the 1 chosen by the student."""
    st.caption(t("w2v_lookup_help"))
    V = LECTURE_W.shape[0]
    st.radio(t("w2v_one_position"), list(range(1, V + 1)), key=state.W2V_ONE_POS, horizontal=True)
    i = int(ss[state.W2V_ONE_POS]) - 1
    x = one_hot(i, V)
    result = lookup(x, LECTURE_W)
    left, mid, right = st.columns([1.2, 1.4, 1.0])
    with left:
        st.markdown("**x**")
        cells = np.full((1, V), "", dtype=object)
        cells[0, i] = w2v_tables.HIGHLIGHT
        st.html(w2v_tables.grid([x.tolist()], [str(j + 1) for j in range(V)], cell_colours=cells))
    with mid:
        st.markdown("**W** (5 × 3)")
        st.html(
            w2v_tables.grid(
                LECTURE_W.tolist(),
                ["1", "2", "3"],
                rows=[str(r + 1) for r in range(V)],
                row_colours={i: w2v_tables.HIGHLIGHT},
            )
        )
    with right:
        st.markdown("**x × W**")
        st.html(w2v_tables.grid([result.tolist()], ["1", "2", "3"], row_colours={0: w2v_tables.HIGHLIGHT}))
    st.markdown(t("w2v_lookup_result", row=i + 1, values="  ".join(str(int(v)) for v in result)))


def cbow_tab() -> None:
    """One CBOW forward pass with the classroom's current weights: one-hots, v, v̂, z, ŷ and the loss."""
    st.caption(t("w2v_cbow_help"))
    room = classroom()
    sentences = room.sentences
    c1, c2, c3 = st.columns([2.2, 1.2, 1.0])
    c1.selectbox(
        t("w2v_sentence"),
        list(range(len(sentences))),
        key=state.W2V_CBOW_SENTENCE,
        format_func=lambda s: " ".join(sentences[s]),
    )
    words = sentences[int(ss[state.W2V_CBOW_SENTENCE])]
    ss[state.W2V_CBOW_CENTRE] = min(int(ss[state.W2V_CBOW_CENTRE]), len(words) - 1)
    c2.selectbox(t("w2v_centre"), list(range(len(words))), key=state.W2V_CBOW_CENTRE, format_func=lambda p: words[p])
    c3.slider(t("w2v_window"), 1, 4, key=state.W2V_CBOW_WINDOW)
    c, m = int(ss[state.W2V_CBOW_CENTRE]), int(ss[state.W2V_CBOW_WINDOW])
    positions = [j for j in range(max(0, c - m), min(len(words), c + m + 1)) if j != c]
    ids = [room.index[words[j]] for j in positions]
    centre = room.index[words[c]]
    f = cbow_forward(room.W, room.U, ids, centre)
    V, N = room.W.shape
    dims = [f"{d + 1}" for d in range(N)]
    st.markdown(t("w2v_context_vectors", V=V, N=N))
    st.html(
        w2v_tables.grid(
            [[t("w2v_one_at", i=i + 1, V=V), *f.v[r].tolist()] for r, i in enumerate(ids)],
            ["x", *[f"v[{d}]" for d in dims]],
            rows=[words[j] for j in positions],
            digits=4,
        )
    )
    st.markdown(t("w2v_v_hat", C=len(ids), two_m=2 * m))
    st.html(w2v_tables.grid([f.v_hat.tolist()], [f"v̂[{d}]" for d in dims], digits=4))
    top = [int(j) for j in np.argsort(-f.y_hat, kind="stable")[:TOP_SCORES]]
    if centre not in top:
        top.append(centre)
    st.markdown(t("w2v_scores", V=V, n=TOP_SCORES))
    rank = {int(j): r + 1 for r, j in enumerate(np.argsort(-f.y_hat, kind="stable"))}
    st.html(
        w2v_tables.grid(
            [[rank[j], float(f.z[j]), float(f.y_hat[j])] for j in top],
            [t("w2v_col_rank"), "z = uᵀv̂", "ŷ = softmax(z)"],
            rows=[room.vocab[j] for j in top],
            digits=4,
            row_colours={top.index(centre): w2v_tables.HIGHLIGHT},
        )
    )
    st.markdown(t("w2v_cbow_loss", word=plain(room.vocab[centre])))
    st.latex(
        rf"H(\hat y, y) = -\log \hat y_c = -u_c^\top \hat v + \log \sum_{{j=1}}^{{{V}}} \exp(u_j^\top \hat v)"
        rf" = -({f.z[centre]:.4f}) + {f.log_sum_exp:.4f} = {f.loss:.4f}"
    )


def _pairs_table(rows: list[Pair], with_probability: bool, highlight: tuple[int, ...] = ()) -> str:
    columns = [t("w2v_col_input1"), t("w2v_col_input2"), t("w2v_col_label")]
    if with_probability:
        columns.append(t("w2v_col_probability"))
    values = []
    for p in rows:
        row: list[object] = [p.input, p.context, p.label]
        if with_probability:
            row.append("" if p.probability is None else f"{p.probability:.4f}")
        values.append(row)
    colours = {i: w2v_tables.NEGATIVE for i, p in enumerate(rows) if p.label == 0}
    colours.update({i: w2v_tables.HIGHLIGHT for i in highlight})
    return w2v_tables.grid(values, columns, row_colours=colours)


def pairs_tab() -> None:
    """Skip-gram pairs of a sentence (the lecture's by default) in the lecture's columns."""
    st.caption(t("w2v_pairs_help"))
    c1, c2 = st.columns([3, 1])
    c1.text_input(t("w2v_sentence"), key=state.W2V_PAIRS_TEXT, max_chars=1000)
    c2.slider(t("w2v_window"), 1, 5, key=state.W2V_PAIRS_WINDOW)
    try:
        tokens = sentence_tokens(ss[state.W2V_PAIRS_TEXT])
        rows = skipgram_pairs(tokens, window=int(ss[state.W2V_PAIRS_WINDOW]))
    except InputError as err:
        st.error(message(err))
        return
    st.caption(t("w2v_pairs_count", n=len(rows), words=len(tokens), m=int(ss[state.W2V_PAIRS_WINDOW])))
    highlight: tuple[int, ...] = ()
    if tokens == sentence_tokens(LECTURE_SENTENCE):
        first = skipgram_pairs(tokens, int(ss[state.W2V_PAIRS_WINDOW]), centres=[2, 3])
        same = [(p.input, p.context, p.label) for p in first] == list(LECTURE_PAIRS)
        st.info(t("w2v_lecture_rows", match=t("w2v_match_yes" if same else "w2v_match_no")))
        start = len(skipgram_pairs(tokens, int(ss[state.W2V_PAIRS_WINDOW]), centres=[0, 1]))
        highlight = tuple(range(start, start + len(first)))
    st.html(_pairs_table(rows, with_probability=False, highlight=highlight))


def negative_tab() -> None:
    """The lecture's negative-sampling table, the same drawn here from count^¾, and the noise distribution."""
    st.caption(t("w2v_negative_help"))
    c1, c2 = st.columns(2)
    c1.slider(t("w2v_k"), 1, 5, key=state.W2V_NEG_K)
    c2.number_input(t("w2v_draw_seed"), min_value=0, max_value=1_000_000, key=state.W2V_NEG_SEED)
    counts = _counts()
    positives = skipgram_pairs(sentence_tokens(LECTURE_SENTENCE), 2, centres=[2])  # cat's pairs, as the slide
    drawn = negative_table(positives, counts, k=int(ss[state.W2V_NEG_K]), seed=int(ss[state.W2V_NEG_SEED]))
    left, right = st.columns([1, 1.25])
    with left:
        st.markdown(f"**{t('w2v_the_lecture_table')}**")
        st.html(_pairs_table([Pair(*row) for row in LECTURE_NEGATIVE_TABLE], with_probability=False))
        st.caption(t("w2v_lecture_table_note"))
    with right:
        st.markdown(f"**{t('w2v_our_draw')}**")
        st.html(_pairs_table(drawn, with_probability=True))
    words, power = negative_distribution(counts)
    raw = np.array([counts[w] for w in words], dtype=float)
    fig = go.Figure()
    fig.add_trace(go.Bar(x=[plotly_text(w) for w in words], y=raw / raw.sum(), name=t("w2v_share_raw")))
    fig.add_trace(go.Bar(x=[plotly_text(w) for w in words], y=power, name=t("w2v_share_power")))
    fig.update_layout(
        barmode="group",
        height=300,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        title=t("w2v_noise_title"),
        legend={"orientation": "h", "y": -0.35},
        plot_bgcolor="white",
    )
    st.plotly_chart(fig, key="tl_w2v_noise")


def _vector_rows(room: Word2VecClassroom, record: StepRecord, W: np.ndarray, U: np.ndarray):
    """Rows (label, role, vector) of the vectors a step touches, in the weights ``W``, ``U``."""
    ex = record.example
    rows = []
    for i in dict.fromkeys(ex.inputs):
        rows.append((f"v[{room.vocab[i]}]", t("w2v_role_input"), W[i]))
    rows.append((f"u[{room.vocab[ex.output]}]", t("w2v_role_output"), U[ex.output]))
    for k in dict.fromkeys(record.negatives):
        rows.append((f"u[{room.vocab[k]}]", t("w2v_role_negative"), U[k]))
    return rows


def _step_panels(room: Word2VecClassroom, record: StepRecord) -> None:
    ex, ns = record.example, record.ns
    vocab = room.vocab
    negatives = ", ".join(vocab[k] for k in record.negatives)
    if room.config.mode == "cbow":
        context = "(" + ", ".join(vocab[i] for i in ex.inputs) + ")"
        text = t("w2v_example_cbow", step=record.step, context=context, output=vocab[ex.output],
                 sentence=ex.sentence + 1, negatives=negatives)  # fmt: skip
    else:
        text = t("w2v_example_skipgram", step=record.step, centre=vocab[ex.inputs[0]], output=vocab[ex.output],
                 sentence=ex.sentence + 1, negatives=negatives)  # fmt: skip
    st.markdown(f"**{plain(text)}**")
    dims = [str(d + 1) for d in range(room.config.dim)]
    before = _vector_rows(room, record, record.W_before, record.U_before)
    after = _vector_rows(room, record, record.W_after, record.U_after)
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('w2v_before')}**")
        st.html(w2v_tables.grid([[role, *vec.tolist()] for _, role, vec in before], [t("w2v_row_role"), *dims],
                                rows=[label for label, _, _ in before], digits=4))  # fmt: skip
        st.markdown(f"**{t('w2v_scores_sigma')}**")
        v = record.v
        u_o = record.U_before[ex.output]
        score_rows = [[float(u_o @ v), ns.sigma_pos]]
        labels = [f"u_o = u[{vocab[ex.output]}]: σ(uᵀv)"]
        for k, s_neg in zip(record.negatives, ns.sigma_neg, strict=True):
            score_rows.append([float(record.U_before[k] @ v), float(s_neg)])
            labels.append(f"u_k = u[{vocab[k]}]: σ(−uᵀv)")
        st.html(w2v_tables.grid(score_rows, [t("w2v_score"), "σ"], rows=labels, digits=4))
    with right:
        st.markdown(f"**{t('w2v_after')}**")
        vals_before = np.array([vec for _, _, vec in before])
        vals_after = np.array([vec for _, _, vec in after])
        cells = w2v_tables.changed_cells(vals_before, vals_after)
        cells = np.hstack([np.full((len(after), 1), "", dtype=object), cells])
        st.html(w2v_tables.grid([[role, *vec.tolist()] for _, role, vec in after], [t("w2v_row_role"), *dims],
                                rows=[label for label, _, _ in after], digits=4, cell_colours=cells))  # fmt: skip
        st.markdown(f"**{t('w2v_gradients')}**")
        grad_rows = [["∂L/∂v", *ns.grad_v.tolist()], ["∂L/∂u_o", *ns.grad_u_o.tolist()]]
        for k, g in zip(record.negatives, ns.grad_u_neg, strict=True):
            grad_rows.append([f"∂L/∂u[{vocab[k]}]", *g.tolist()])
        st.html(w2v_tables.grid(grad_rows, ["", *dims], digits=4))
    st.markdown(f"**{t('w2v_loss_numbers')}**")
    terms = [rf"\log \sigma({float(u_o @ record.v):.4f})"]
    terms += [rf"\log \sigma({-float(record.U_before[k] @ record.v):.4f})" for k in record.negatives]
    st.latex(
        r"\begin{aligned} L &= -\log \sigma(u_o^\top v) - \sum_k \log \sigma(-u_k^\top v) \\ &= -"
        + " - ".join(terms)
        + rf" = {ns.loss:.4f} \end{{aligned}}"
    )
    st.caption(t("w2v_loss_after", before=ns.loss, after=record.loss_after))


def _word_map(room: Word2VecClassroom, record: StepRecord | None) -> go.Figure:
    xy = room.projection()
    touched: set[int] = set()
    if record is not None:
        touched = {*record.example.inputs, record.example.output, *record.negatives}
    colours = [charts.RED if i in touched else charts.BLUE for i in range(len(room.vocab))]
    fig = go.Figure(
        go.Scatter(
            x=xy[:, 0],
            y=xy[:, 1],
            mode="markers+text",
            text=[plotly_text(w) for w in room.vocab],
            textposition="top center",
            marker={"color": colours, "size": 9},
            hoverinfo="text",
        )
    )
    fig.update_layout(
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        title=t("w2v_map_title"),
        plot_bgcolor="white",
        xaxis={"zeroline": False},
        yaxis={"zeroline": False},
    )
    return fig


def train_tab() -> None:
    """The classroom trainer: settings, step / undo / run / reset, the step's numbers, loss chart, the word map."""
    st.caption(t("w2v_train_help"))
    with st.expander(t("w2v_setup"), expanded=False):
        c = st.columns(6)
        c[0].radio(t("w2v_mode"), ("skipgram", "cbow"), key=state.W2V_MODE, format_func=formatter("w2v_mode_"))
        c[1].number_input(t("w2v_dim"), min_value=1, max_value=10, key=state.W2V_DIM)
        c[2].number_input(t("w2v_window"), min_value=1, max_value=5, key=state.W2V_TRAIN_WINDOW)
        c[3].number_input(t("w2v_k"), min_value=1, max_value=5, key=state.W2V_TRAIN_K)
        c[4].number_input(t("w2v_lr"), min_value=0.001, max_value=2.0, step=0.05, format="%.3f", key=state.W2V_LR)
        c[5].number_input(t("seed"), min_value=0, max_value=1_000_000, key=state.W2V_SEED)
        st.button(t("w2v_apply"), key="tl_w2v_apply", on_click=_rebuild, type="primary")
    room = classroom()
    m = st.columns([1, 2.4, 1.2])
    m[0].metric(t("w2v_steps_done"), room.steps_done)
    nxt = room.next_example
    m[1].metric(
        t("w2v_next_example"),
        " ".join(room.vocab[i] for i in nxt.inputs) + " → " + room.vocab[nxt.output],
    )
    m[2].metric(t("w2v_epoch_loss"), f"{room.epoch_loss():.4f}")
    b = st.columns([1.1, 1.4, 0.8, 1.1, 0.9])
    b[0].button(t("w2v_step"), key="tl_w2v_step", on_click=_act, args=("step",), type="primary", width="stretch")
    b[1].button(t("w2v_undo"), key="tl_w2v_undo", on_click=_act, args=("undo",), disabled=room.last is None,
                width="stretch")  # fmt: skip
    b[2].number_input(t("w2v_n"), min_value=1, max_value=2000, key=state.W2V_STEPS, label_visibility="collapsed")
    run = b[3].button(t("w2v_run"), key="tl_w2v_run", width="stretch")
    b[4].button(t("w2v_reset"), key="tl_w2v_reset", on_click=_act, args=("reset",), width="stretch")
    st.slider(t("w2v_speed"), min_value=0.0, max_value=0.5, step=0.05, key=state.W2V_SPEED)
    if run:
        n = int(ss[state.W2V_STEPS])
        bar = st.progress(0.0)
        live = st.empty()
        frames = max(1, n // 40)  # redraw the map at most ~40 times
        for i in range(n):
            record = room.step()
            if (i + 1) % frames == 0 or i == n - 1:
                bar.progress((i + 1) / n, text=t("w2v_running", i=i + 1, n=n, loss=record.ns.loss))
                live.plotly_chart(_word_map(room, record), key=f"tl_w2v_live_{i}", width=MAP_WIDTH)
                if ss[state.W2V_SPEED] > 0:
                    time.sleep(float(ss[state.W2V_SPEED]))
        st.rerun()
    record = room.last
    if record is None:
        st.info(t("w2v_no_step"))
    else:
        _step_panels(room, record)
    left, right = st.columns(2)
    with left:
        if room.losses:
            points = list(enumerate(room.losses, start=1))
            chart = charts.trace(points, t("w2v_loss_chart"), t("w2v_step_axis"), height=420)
            chart.update_xaxes(tickformat="d")
            st.plotly_chart(chart, key="tl_w2v_loss")
    with right:
        st.plotly_chart(_word_map(room, record), key="tl_w2v_map")
    if record is not None:
        centre = room.vocab[record.example.inputs[0]]
        near = ", ".join(f"{w} ({c:.2f})" for w, c in room.nearest(centre, 5))
        st.caption(plain(f"{t('w2v_nearest')} — {centre}: {near}"))


def paper_tab() -> None:
    """Mikolov et al. (2013) Table 3 as the lecture shows it, with its source."""
    frame = pd.DataFrame(
        MIKOLOV_TABLE_3,
        columns=[t("w2v_col_model"), t("w2v_col_semantic"), t("w2v_col_syntactic"), t("w2v_col_msr")],
    )
    st.dataframe(frame, hide_index=True)
    st.caption(t("w2v_paper_caption"))


def corpus_tab() -> None:
    """gensim Word2Vec on the user's corpus (``app.w2v_corpus``)."""
    from app.w2v_corpus import corpus_tab as draw

    draw()


TABS = {
    "lookup": lookup_tab,
    "cbow": cbow_tab,
    "pairs": pairs_tab,
    "negative": negative_tab,
    "train": train_tab,
    "paper": paper_tab,
    "corpus": corpus_tab,
}
