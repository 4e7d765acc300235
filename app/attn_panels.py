"""Drawing the Attention & BERT page's attention tabs: the formula step by step with numbers, why √d_k, multi-head,
the lecture's line picture, the causal mask and positional encodings. Computation comes from
``models.transformer``."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from app import charts, result_cache, state, w2v_tables
from app.i18n import formatter, message, t
from app.plain_text import plain, plotly_text
from models.embeddings.pairs import LECTURE_SENTENCE, sentence_tokens
from models.errors import InputError
from models.transformer.attention import MultiHeadAttention, multi_head_attention
from models.transformer.causal import causal_mask
from models.transformer.dk_scaling import scaling_experiment
from models.transformer.positional import sinusoidal_encoding

ss = st.session_state
MAX_SENTENCE = 16  # tokens of a sentence shown (tables and heatmaps stay readable)
CORPUS_CHOICES = 30  # documents offered as sentences
TYPED = -1
HEAD_COLOURS = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def defaults() -> None:
    """Initial values of the page's widgets."""
    ss.setdefault(state.ATTN_TEXT, LECTURE_SENTENCE)
    ss.setdefault(state.ATTN_CORPUS_SENTENCE, TYPED)
    ss.setdefault(state.ATTN_SOURCE, "seeded")
    ss.setdefault(state.ATTN_D_MODEL, 8)
    ss.setdefault(state.ATTN_D_K, 4)
    ss.setdefault(state.ATTN_HEADS, 2)
    ss.setdefault(state.ATTN_SEED, 0)
    ss.setdefault(state.ATTN_QUERY, 2)  # "cat"


# --- the sentence and its vectors -------------------------------------------------------------------------------
def _corpus_sentences() -> list[list[str]]:
    from app.session import current_corpus

    corpus = current_corpus().corpus
    if corpus is None:
        return []
    out = []
    for d in range(min(corpus.n_documents, CORPUS_CHOICES)):
        tokens = list(corpus.document_tokens(d)[:MAX_SENTENCE])
        if len(tokens) >= 2:
            out.append(tokens)
    return out


def _w2v_model():
    """This session's Word2vec model of the current corpus, if one is at hand."""
    from app.session import current_corpus

    key = ss.get(state.W2V_TRAINED)
    result = current_corpus()
    if key is None or result.request is None or not key.startswith(f"w2v|{result.request.key}|"):
        return None
    return result_cache.get(key)


def _sentence_controls() -> list[str] | None:
    sentences = _corpus_sentences()
    c1, c2 = st.columns([1.4, 1])
    c1.text_input(t("attn_sentence"), key=state.ATTN_TEXT, max_chars=300)
    choices = [TYPED, *range(len(sentences))]
    if ss[state.ATTN_CORPUS_SENTENCE] not in choices:
        ss[state.ATTN_CORPUS_SENTENCE] = TYPED
    c2.selectbox(
        t("attn_corpus_sentence"),
        choices,
        key=state.ATTN_CORPUS_SENTENCE,
        format_func=lambda i: t("attn_typed") if i == TYPED else " ".join(sentences[i]),
    )
    if ss[state.ATTN_CORPUS_SENTENCE] != TYPED:
        return sentences[int(ss[state.ATTN_CORPUS_SENTENCE])]
    try:
        return sentence_tokens(ss[state.ATTN_TEXT])[:MAX_SENTENCE]
    except InputError as err:
        st.error(message(err))
        return None


def _vectors(tokens: list[str]) -> tuple[np.ndarray, str]:
    """X for ``tokens``: the corpus's Word2vec rows when asked for and available, else seeded vectors."""
    if ss[state.ATTN_SOURCE] == "w2v":
        model = _w2v_model()
        if model is None:
            st.info(t("attn_no_w2v"))
        else:
            from models.embeddings.neighbours import word_row

            rows, missing = [], []
            for w in tokens:
                try:
                    rows.append(word_row(model, w))
                except InputError:
                    missing.append(w)
            if not missing:
                return np.asarray(model.vectors[rows], dtype=np.float64), "w2v"
            st.info(plain(t("attn_w2v_missing", words=", ".join(missing[:10]))))
    rng = np.random.default_rng([int(ss[state.ATTN_SEED]), 7])
    return rng.normal(0.0, 1.0, (len(tokens), int(ss[state.ATTN_D_MODEL]))), "seeded"


def _settings(with_heads: bool) -> None:
    c = st.columns(5 if with_heads else 4)
    c[0].radio(t("attn_source"), ("seeded", "w2v"), key=state.ATTN_SOURCE, format_func=formatter("attn_source_"))
    c[1].slider(t("attn_d_model"), 2, 16, key=state.ATTN_D_MODEL, disabled=ss[state.ATTN_SOURCE] == "w2v")
    c[2].select_slider(t("attn_d_k"), options=[1, 2, 3, 4, 6, 8, 16, 32, 64], key=state.ATTN_D_K)
    c[3].number_input(t("attn_seed"), min_value=0, max_value=1_000_000, key=state.ATTN_SEED)
    if with_heads:
        c[4].slider(t("attn_heads"), 1, 8, key=state.ATTN_HEADS)


def _attention(tokens: list[str], X: np.ndarray, heads: int, mask: np.ndarray | None = None) -> MultiHeadAttention:
    return multi_head_attention(X, d_k=int(ss[state.ATTN_D_K]), n_heads=heads, seed=int(ss[state.ATTN_SEED]),
                                mask=mask)  # fmt: skip


# --- drawing helpers ---------------------------------------------------------------------------------------------
def heatmap(values: np.ndarray, rows: list[str], columns: list[str], title: str, *, zmin=None, zmax=None) -> go.Figure:
    """A labelled heatmap with the value in each cell (−∞ shown as such)."""
    shown = np.where(np.isneginf(values), np.nan, values)
    text = [["−∞" if np.isneginf(v) else f"{v:.2f}" for v in row] for row in values]
    fig = go.Figure(
        go.Heatmap(
            z=shown,
            x=[plotly_text(c) for c in columns],
            y=[plotly_text(r) for r in rows],
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=zmin,
            zmax=zmax,
            hovertemplate="%{y} → %{x}: %{text}<extra></extra>",
            showscale=False,
        )
    )
    fig.update_layout(
        height=110 + 28 * len(rows),
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        title={"text": title, "y": 0.99, "yanchor": "top"},
        yaxis={"autorange": "reversed"},
        xaxis={"side": "top"},
    )
    return fig


def _labels(tokens: list[str]) -> list[str]:
    """Row labels that stay distinct when a word repeats ("the" twice)."""
    return [f"{i + 1}. {w}" for i, w in enumerate(tokens)]


def _table(values: np.ndarray, rows: list[str], prefix: str, digits: int = 3) -> str:
    return w2v_tables.grid(values.tolist(), [f"{prefix}{j + 1}" for j in range(values.shape[1])], rows=rows,
                           digits=digits)  # fmt: skip


# --- tabs ---------------------------------------------------------------------------------------------------------
def steps_tab() -> None:
    """X, the projections, Q K V, QKᵀ, the scaling, the softmax and the output, with one query worked out."""
    tokens = _sentence_controls()
    _settings(with_heads=False)
    if not tokens:
        return
    X, source = _vectors(tokens)
    labels = _labels(tokens)
    head = _attention(tokens, X, 1).heads[0]
    d_model, d_k = X.shape[1], head.W_Q.shape[1]
    if source == "w2v":
        st.caption(t("attn_x_w2v", d=d_model))
        st.plotly_chart(heatmap(X, labels, [str(j + 1) for j in range(d_model)], "X"), key="tl_attn_x")
    else:
        st.caption(t("attn_x_seeded", d=d_model))
        st.html(_table(X, labels, "x"))
    with st.expander(t("attn_projections", d_model=d_model, d_k=d_k), expanded=False):
        cols = st.columns(3)
        for col, name, W in zip(cols, ("W_Q", "W_K", "W_V"), (head.W_Q, head.W_K, head.W_V), strict=True):
            with col:
                st.markdown(f"**{name}**")
                st.html(_table(W, [str(i + 1) for i in range(d_model)], ""))
    st.markdown(f"**{t('attn_qkv')}**")
    cols = st.columns(3)
    for col, name, M in zip(cols, ("Q", "K", "V"), (head.Q, head.K, head.V), strict=True):
        with col:
            st.markdown(f"**{name}**")
            st.html(_table(M, labels, name.lower()))
    keys = [f"{i + 1}. {w}" for i, w in enumerate(tokens)]
    left, right = st.columns(2)
    left.plotly_chart(heatmap(head.raw, labels, keys, t("attn_raw")), key="tl_attn_raw")
    right.plotly_chart(
        heatmap(head.scores, labels, keys, t("attn_scaled", d_k=d_k, root=np.sqrt(d_k))), key="tl_attn_scaled"
    )
    left, right = st.columns(2)
    left.plotly_chart(heatmap(head.weights, labels, keys, t("attn_weights"), zmin=0, zmax=1), key="tl_attn_weights")
    with right:
        st.markdown(f"**{t('attn_output')}**")
        st.html(_table(head.output, labels, "z"))
    ss[state.ATTN_QUERY] = min(int(ss[state.ATTN_QUERY]), len(tokens) - 1)
    st.selectbox(t("attn_query"), list(range(len(tokens))), key=state.ATTN_QUERY, format_func=lambda i: labels[i])
    q = int(ss[state.ATTN_QUERY])
    st.markdown(f"**{plain(t('attn_for_query', word=tokens[q]))}**")
    dots = " ,\\ ".join(f"{head.raw[q, j]:.3f}" for j in range(len(tokens)))
    scaled = " ,\\ ".join(f"{head.scores[q, j]:.3f}" for j in range(len(tokens)))
    weights = " ,\\ ".join(f"{head.weights[q, j]:.3f}" for j in range(len(tokens)))
    st.latex(rf"q_{{{q + 1}}} K^\top = [{dots}]")
    st.latex(rf"\frac{{q_{{{q + 1}}} K^\top}}{{\sqrt{{{d_k}}}}} = [{scaled}]")
    st.latex(rf"\mathrm{{softmax}} = [{weights}] \quad (\Sigma = {head.weights[q].sum():.3f})")
    terms = " + ".join(f"{head.weights[q, j]:.2f}\\,v_{{{j + 1}}}" for j in range(len(tokens)))
    out = " ,\\ ".join(f"{v:.3f}" for v in head.output[q])
    st.latex(rf"\begin{{aligned}} z_{{{q + 1}}} &= {terms} \\ &= [{out}] \end{{aligned}}")


def scaling_tab() -> None:
    """Spread and softmax entropy of q·k against d_k, with and without dividing by √d_k (measured here)."""
    st.caption(t("attn_scaling_help"))
    n = 10
    points = result_cache.get_or_compute("attn-scaling", lambda: scaling_experiment(n_tokens=n, seed=0))
    d_ks = [p.d_k for p in points]
    left, right = st.columns(2)
    spread = go.Figure()
    entropy = go.Figure()
    for fig, raw, scaled in (
        (spread, [p.std_raw for p in points], [p.std_scaled for p in points]),
        (entropy, [p.entropy_raw for p in points], [p.entropy_scaled for p in points]),
    ):
        fig.add_trace(go.Scatter(x=d_ks, y=raw, name=t("attn_unscaled"), mode="lines+markers",
                                 line={"color": charts.RED}))  # fmt: skip
        fig.add_trace(go.Scatter(x=d_ks, y=scaled, name=t("attn_scaled_series"), mode="lines+markers",
                                 line={"color": charts.BLUE}))  # fmt: skip
    for fig, title in (
        (spread, t("attn_spread_title")),
        (entropy, t("attn_entropy_title", n=n, max=np.log(n))),
    ):
        fig.update_layout(height=340, margin={"l": 10, "r": 10, "t": 40, "b": 10}, title=title, plot_bgcolor="white",
                          xaxis={"type": "log", "title": "d_k"}, legend={"orientation": "h", "y": -0.25})  # fmt: skip
    left.plotly_chart(spread, key="tl_attn_spread")
    right.plotly_chart(entropy, key="tl_attn_entropy")


def heads_tab() -> None:
    """h heads' weights side by side, and every shape of MultiHead(X) with the current numbers."""
    st.caption(t("attn_heads_help"))
    tokens = _sentence_controls()
    _settings(with_heads=True)
    if not tokens:
        return
    X, _ = _vectors(tokens)
    h = int(ss[state.ATTN_HEADS])
    mha = _attention(tokens, X, h)
    labels = _labels(tokens)
    T, d_model, d_k = X.shape[0], X.shape[1], int(ss[state.ATTN_D_K])
    st.info(t("attn_shapes", T=T, d_model=d_model, d_k=d_k, h=h, hd=h * d_k))
    per_row = 2 if h > 1 else 1
    for start in range(0, h, per_row):
        cols = st.columns(per_row)
        for col, i in zip(cols, range(start, min(h, start + per_row)), strict=False):
            col.plotly_chart(
                heatmap(mha.heads[i].weights, labels, labels, t("attn_head", i=i + 1), zmin=0, zmax=1),
                key=f"tl_attn_head_{i}",
            )


def picture(tokens: list[str], weights: list[np.ndarray], query: int, title: str) -> go.Figure:
    """The lecture's attention picture: lines from one word (left) to every word (right), width = weight."""
    T = len(tokens)
    fig = go.Figure()
    for h, W in enumerate(weights):
        colour = HEAD_COLOURS[h % len(HEAD_COLOURS)]
        for j in range(T):
            w = float(W[query, j])
            if w < 0.01:
                continue
            offset = (h - (len(weights) - 1) / 2) * 0.08
            fig.add_trace(
                go.Scatter(
                    x=[0, 1],
                    y=[query + offset, j + offset],
                    mode="lines",
                    line={"color": colour, "width": 1 + 14 * w},
                    opacity=0.35 + 0.6 * w,
                    hovertext=plotly_text(f"{t('attn_head', i=h + 1)}: {tokens[query]} → {tokens[j]} {w:.2f}"),
                    hoverinfo="text",
                    showlegend=False,
                )
            )
    for side in (0, 1):
        fig.add_trace(
            go.Scatter(
                x=[side] * T,
                y=list(range(T)),
                mode="text",
                text=[plotly_text(w) for w in tokens],
                textposition="middle left" if side == 0 else "middle right",
                textfont={"size": 15, "color": ["#000" if (side or i == query) else "#999" for i in range(T)]},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    for h in range(len(weights)):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=t("attn_head", i=h + 1),
                                 line={"color": HEAD_COLOURS[h % len(HEAD_COLOURS)], "width": 4}))  # fmt: skip
    fig.update_layout(
        height=70 + 34 * T,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        title=title,
        plot_bgcolor="white",
        xaxis={"visible": False, "range": [-0.6, 1.6]},
        yaxis={"visible": False, "autorange": "reversed"},
        legend={"orientation": "h"},
    )
    return fig


def picture_tab() -> None:
    """For one word, lines to every word, thickness = weight, one colour per head."""
    st.caption(t("attn_picture_help"))
    tokens = _sentence_controls()
    _settings(with_heads=True)
    if not tokens:
        return
    X, _ = _vectors(tokens)
    mha = _attention(tokens, X, int(ss[state.ATTN_HEADS]))
    ss[state.ATTN_QUERY] = min(int(ss[state.ATTN_QUERY]), len(tokens) - 1)
    labels = _labels(tokens)
    st.selectbox(t("attn_query"), list(range(len(tokens))), key=state.ATTN_QUERY, format_func=lambda i: labels[i])
    q = int(ss[state.ATTN_QUERY])
    fig = picture(tokens, [h.weights for h in mha.heads], q, plotly_text(tokens[q]))
    st.plotly_chart(fig, key="tl_attn_picture")


def mask_tab() -> None:
    """The causal mask's −∞ cells and zero weights, and the sinusoidal positional encodings."""
    st.caption(t("attn_mask_help"))
    tokens = _sentence_controls()
    _settings(with_heads=False)
    if not tokens:
        return
    X, _ = _vectors(tokens)
    labels = _labels(tokens)
    head = _attention(tokens, X, 1, mask=causal_mask(len(tokens))).heads[0]
    left, right = st.columns(2)
    left.plotly_chart(heatmap(head.scores, labels, labels, t("attn_masked_scores")), key="tl_attn_mask_scores")
    right.plotly_chart(heatmap(head.weights, labels, labels, t("attn_masked_weights"), zmin=0, zmax=1),
                       key="tl_attn_mask_weights")  # fmt: skip
    st.markdown(f"**{t('attn_positions')}**")
    pe = sinusoidal_encoding(50, 64)
    fig = go.Figure(go.Heatmap(z=pe, colorscale="RdBu", zmid=0, colorbar={"thickness": 10}))
    fig.update_layout(height=360, margin={"l": 10, "r": 10, "t": 10, "b": 10}, xaxis_title=t("attn_dimension"),
                      yaxis_title=t("attn_position"), plot_bgcolor="white")  # fmt: skip
    st.plotly_chart(fig, key="tl_attn_pe")


def _bert(name: str):
    def draw() -> None:
        from app import bert_panels

        getattr(bert_panels, name)()

    return draw


def _seq2seq() -> None:
    from app.seq2seq_panel import seq2seq_tab  # imported when drawn (it imports this module)

    seq2seq_tab()


TABS = {
    "steps": steps_tab,
    "scaling": scaling_tab,
    "heads": heads_tab,
    "picture": picture_tab,
    "mask": mask_tab,
    "inputs": _bert("inputs_tab"),
    "bert": _bert("tiny_bert_tab"),
    "finetune": _bert("fine_tuning_tab"),
    "seq2seq": _seq2seq,
}

__all__ = ["TABS", "defaults", "heatmap", "picture"]
