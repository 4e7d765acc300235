"""Drawing the Attention & BERT page's BERT tabs: BERT's inputs from the corpus (pairs, segments, positions, the
15% / 80-10-10 masking with each token's fate), a tiny BERT trained here on the corpus (loss, held-out accuracy,
masked-word predictions next to CBOW's, attention heatmaps and the lecture's picture), and the fine-tuning figure.
Computation comes from ``models.transformer``; training runs in a worker process."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import charts, corpus_source, job_tasks, job_ui, result_cache, state, w2v_tables
from app.attn_panels import heatmap, picture
from app.i18n import message, t
from app.plain_text import plain, plotly_text
from models.corpus.corpus import Corpus
from models.errors import InputError
from models.transformer.bert_options import BertOptions, validate_bert_options
from models.transformer.masking import FATES, mask_corpus, masking_shares

ss = st.session_state
FATE_COLOURS = {"special": "#eaf1fb", "unselected": "", "masked": "#ffd6d6", "random": "#fff3b0", "kept": "#d4f5d4"}
PAIRS_SHOWN = 200  # pairs offered to look at one by one
TIME_BUDGET = 75.0  # seconds of training a class waits at most (the defaults take about a minute on 2 quiet cores)
AUTO_TRAIN = False  # a minute of training starts only on a click


def _corpus() -> tuple[str, Corpus] | None:
    from app.session import current_corpus

    result = current_corpus()
    if result.request is None or result.corpus is None:
        st.info(t("w2v_need_corpus"))
        return None
    return result.request.key, result.corpus


def _masked(corpus_key: str, corpus: Corpus, seed: int):
    return result_cache.get_or_compute(f"bert-mask|{seed}|{corpus_key}", lambda: mask_corpus(corpus, seed=seed))


# --- BERT's inputs ----------------------------------------------------------------------------------------------
def inputs_tab() -> None:
    """Sentence pairs from the corpus with segment and position ids, each token's fate, and the measured shares."""
    st.caption(t("bert_inputs_help"))
    found = _corpus()
    if found is None:
        return
    corpus_key, corpus = found
    ss.setdefault(state.BERT_MASK_SEED, 0)
    ss.setdefault(state.BERT_PAIR, 0)
    c1, c2 = st.columns([1, 3])
    c1.number_input(t("attn_seed"), min_value=0, max_value=1_000_000, key=state.BERT_MASK_SEED)
    try:
        masked = _masked(corpus_key, corpus, int(ss[state.BERT_MASK_SEED]))
    except InputError as err:
        st.error(message(err))
        return
    if not masked:
        st.info(t("bert_no_pairs"))
        return
    shown = min(len(masked), PAIRS_SHOWN)
    ss[state.BERT_PAIR] = min(int(ss[state.BERT_PAIR]), shown - 1)
    c2.slider(t("bert_pair"), 0, shown - 1, key=state.BERT_PAIR)
    item = masked[int(ss[state.BERT_PAIR])]
    pair = item.pair
    label = t("bert_is_next") if pair.is_next else t("bert_not_next")
    st.markdown(f"**{label}**")
    columns = [str(i) for i in range(len(pair.tokens))]
    cells = np.array([[""] * len(pair.tokens)] * 5, dtype=object)
    cells[3] = [FATE_COLOURS[f] for f in item.fate]
    cells[4] = [FATE_COLOURS[f] for f in item.fate]
    rows = [
        list(pair.tokens),
        [int(s) for s in pair.segment_ids],
        [int(p) for p in pair.position_ids],
        list(item.tokens),
        [t(f"bert_fate_{f}") for f in item.fate],
    ]
    names = [t(f"bert_row_{r}") for r in ("token", "segment", "position", "input", "fate")]
    st.html(w2v_tables.grid(rows, columns, rows=names, cell_colours=cells))
    shares = result_cache.get_or_compute(
        f"bert-shares|{ss[state.BERT_MASK_SEED]}|{corpus_key}", lambda: masking_shares(masked)
    )
    st.markdown(f"**{t('bert_shares_title', pairs=shares.n_pairs, tokens=shares.n_tokens)}**")
    frame = pd.DataFrame(
        {
            t("bert_col_what"): [
                t("bert_selected"),
                t("bert_fate_masked"),
                t("bert_fate_random"),
                t("bert_fate_kept"),
                "IsNext",
            ],
            t("bert_col_measured"): [
                f"{100 * v:.1f}%"
                for v in (shares.selected_share, shares.masked, shares.random, shares.kept, shares.is_next_share)
            ],
            t("bert_col_rule"): ["15%", "80%", "10%", "10%", "50%"],
        }
    )
    st.dataframe(frame, hide_index=True)
    st.caption(t("bert_shares_help"))


# --- the tiny BERT -------------------------------------------------------------------------------------------------
def _options() -> BertOptions:
    d = BertOptions()
    return dataclasses.replace(
        d,
        n_layers=int(ss.get(state.BERT_LAYERS, d.n_layers)),
        n_heads=int(ss.get(state.BERT_HEADS, d.n_heads)),
        dim=int(ss.get(state.BERT_DIM, d.dim)),
        steps=int(ss.get(state.BERT_STEPS, d.steps)),
        seed=int(ss.get(state.BERT_SEED, d.seed)),
        time_budget=TIME_BUDGET,
    )


def _train(corpus_key: str, corpus: Corpus, options: BertOptions, start: bool):
    return job_ui.cached_run(
        f"bert|{corpus_key}|{options!r}",
        job_tasks.train_tiny_bert,
        (corpus_source.job_source(corpus_key, corpus), options),
        kind="bert",
        label=t("bert_training"),
        cancel_key=state.BERT_CANCEL,
        start=start,
        detail=lambda p: t("bert_step", i=p[0], total=p[1]) + ("" if p[2] is None else f" · {p[2]:.3f}"),
        cancelled_text=t("bert_cancelled"),
    )


def _cbow_guess(tokens: list[str], position: int) -> list[tuple[str, float]] | None:
    """The Word2vec page's CBOW fill-in-the-blank for the same hidden word, when a model of this corpus exists."""
    from app.attn_panels import _w2v_model
    from models.embeddings.neighbours import fill_in_blank

    model = _w2v_model()
    if model is None:
        return None
    context = [w for i, w in enumerate(tokens) if i != position]
    try:
        return fill_in_blank(model, context, n=10)
    except InputError:
        return None


def tiny_bert_tab() -> None:
    """Train the tiny BERT on the corpus, then predict a masked word and show its attention."""
    st.warning(t("bert_toy"))
    found = _corpus()
    if found is None:
        return
    corpus_key, corpus = found
    d = BertOptions()
    with st.form("tl_bert_form", border=True):
        c = st.columns(5)
        c[0].number_input(t("bert_layers"), min_value=1, max_value=4, value=d.n_layers, key=state.BERT_LAYERS)
        c[1].number_input(t("attn_heads"), min_value=1, max_value=8, value=d.n_heads, key=state.BERT_HEADS)
        c[2].select_slider("d_model", options=[16, 32, 48, 64, 96, 128], value=d.dim, key=state.BERT_DIM)
        c[3].number_input(t("bert_steps"), min_value=50, max_value=5000, step=100, value=d.steps, key=state.BERT_STEPS)
        c[4].number_input(t("attn_seed"), min_value=0, max_value=1_000_000, value=d.seed, key=state.BERT_SEED)
        pressed = st.form_submit_button(t("bert_train"), type="primary", help=t("bert_train_help"))
    options = _options()
    try:
        validate_bert_options(options)
    except InputError as err:
        st.error(message(err))
        return
    model = _train(corpus_key, corpus, options, start=pressed)
    if model is None:
        st.info(t("bert_press_train"))
        return
    if model.stopped_early:
        st.caption(t("bert_budget", seconds=TIME_BUDGET, steps=model.steps_done, total=model.options.steps))
    st.caption(t("bert_trained", steps=model.steps_done, seconds=model.seconds, acc=100 * model.accuracy,
                 base=100 * model.baseline_accuracy, word=model.baseline_word, n=model.n_held_out))  # fmt: skip
    left, right = st.columns([1, 1.4])
    with left:
        points = list(zip(model.loss_steps.tolist(), model.loss.tolist(), strict=True))
        fig = charts.trace(points, t("bert_loss_title"), t("bert_step_axis"), height=300)
        fig.update_xaxes(tickformat="d")
        st.plotly_chart(fig, key="tl_bert_loss")
    with right:
        _predictions(model, corpus)


def _sentence_choices(corpus: Corpus) -> list[list[str]]:
    out = []
    for d in range(min(corpus.n_documents, 30)):
        tokens = list(corpus.document_tokens(d)[:12])
        if len(tokens) >= 4:
            out.append(tokens)
    return out


def _predictions(model, corpus: Corpus) -> None:
    from models.transformer.bert import attention_maps, predict_masked

    sentences = _sentence_choices(corpus)
    if not sentences:
        return
    ss.setdefault(state.BERT_SENTENCE, 0)
    ss[state.BERT_SENTENCE] = min(int(ss[state.BERT_SENTENCE]), len(sentences) - 1)
    st.selectbox(t("attn_sentence"), list(range(len(sentences))), key=state.BERT_SENTENCE,
                 format_func=lambda i: " ".join(sentences[i]))  # fmt: skip
    tokens = sentences[int(ss[state.BERT_SENTENCE])]
    ss.setdefault(state.BERT_POSITION, 1)
    ss[state.BERT_POSITION] = min(int(ss[state.BERT_POSITION]), len(tokens) - 1)
    st.radio(t("bert_mask_word"), list(range(len(tokens))), key=state.BERT_POSITION, horizontal=True,
             format_func=lambda i: tokens[i])  # fmt: skip
    position = int(ss[state.BERT_POSITION])
    shown = [("[MASK]" if i == position else w) for i, w in enumerate(tokens)]
    st.markdown(plain(" ".join(shown)))
    try:
        guesses = predict_masked(model, tokens, position, n=10)
    except InputError as err:
        st.error(message(err))
        return
    cbow = _cbow_guess(tokens, position)
    frame = pd.DataFrame({t("bert_col_bert"): [f"{w} ({p:.3f})" for w, p in guesses]})
    if cbow is not None:
        frame[t("bert_col_cbow")] = [f"{w} ({p:.3f})" for w, p in cbow] + [""] * (len(frame) - len(cbow))
    st.dataframe(frame, hide_index=True)
    if cbow is None:
        st.caption(t("bert_no_cbow"))
    maps = attention_maps(model, tokens)
    labels = [f"{i}. {w}" for i, w in enumerate(maps.tokens)]
    n_layers, n_heads = maps.weights.shape[:2]
    st.markdown(f"**{t('bert_attention_title')}**")
    layer = st.radio(t("bert_layer"), list(range(n_layers)), horizontal=True, key=state.BERT_LAYER,
                     format_func=lambda i: str(i + 1))  # fmt: skip
    cols = st.columns(min(n_heads, 2))
    for h in range(n_heads):
        cols[h % len(cols)].plotly_chart(
            heatmap(maps.weights[layer, h], labels, labels, t("attn_head", i=h + 1), zmin=0, zmax=1),
            key=f"tl_bert_map_{layer}_{h}",
        )
    query = list(maps.tokens).index("[CLS]") + position + 1 if "[CLS]" in maps.tokens else position
    st.plotly_chart(
        picture(list(maps.tokens), [maps.weights[layer, h] for h in range(n_heads)], query,
                plotly_text(t("bert_picture_title", word=maps.tokens[query], layer=layer + 1))),
        key="tl_bert_picture",
    )  # fmt: skip


# --- fine-tuning ---------------------------------------------------------------------------------------------------
TASKS = (
    ("pair", ["[CLS]", "A₁", "A₂", "[SEP]", "B₁", "B₂", "[SEP]"], "cls"),
    ("single", ["[CLS]", "w₁", "w₂", "w₃", "[SEP]"], "cls"),
    ("qa", ["[CLS]", "q₁", "q₂", "[SEP]", "p₁", "p₂", "p₃", "[SEP]"], "span"),
    ("tagging", ["[CLS]", "w₁", "w₂", "w₃", "[SEP]"], "each"),
)


def fine_tuning_figure() -> go.Figure:
    """Devlin et al. (2018), Fig. 4: what feeds the output layer in each kind of fine-tuning task."""
    fig = go.Figure()
    for row, (task, tokens, head) in enumerate(TASKS):
        y = -row * 3.2
        for i, tok in enumerate(tokens):
            special = tok.startswith("[")
            fig.add_shape(type="rect", x0=i, x1=i + 0.85, y0=y, y1=y + 0.7, line={"color": "#1f3b63"},
                          fillcolor="#eaf1fb" if special else "white")  # fmt: skip
            fig.add_annotation(x=i + 0.425, y=y + 0.35, text=tok, showarrow=False, font={"size": 13})
            fig.add_shape(type="rect", x0=i, x1=i + 0.85, y0=y + 1.1, y1=y + 1.8, line={"color": "#999"},
                          fillcolor="#f4f4f4")  # fmt: skip
            fig.add_annotation(x=i + 0.425, y=y + 1.45, text="C" if i == 0 else f"T{i}", showarrow=False)
        targets = {"cls": [0], "span": list(range(4, len(tokens) - 1)), "each": list(range(1, len(tokens) - 1))}[head]
        for i in targets:
            fig.add_annotation(x=i + 0.425, y=y + 2.45, ax=i + 0.425, ay=y + 1.85, xref="x", yref="y", axref="x",
                               ayref="y", showarrow=True, arrowhead=2, arrowcolor="#d62728", text="")  # fmt: skip
        out = {"cls": t("ft_out_cls"), "span": t("ft_out_span"), "each": t("ft_out_each")}[head]
        fig.add_annotation(x=len(tokens) + 0.3, y=y + 2.45, text=out, showarrow=False, xanchor="left",
                           font={"color": "#d62728"})  # fmt: skip
        fig.add_annotation(x=-0.3, y=y + 0.9, text=f"<b>{t('ft_task_' + task)}</b>", showarrow=False,
                           xanchor="right")  # fmt: skip
    fig.update_layout(height=560, margin={"l": 200, "r": 10, "t": 10, "b": 10}, plot_bgcolor="white",
                      xaxis={"visible": False, "range": [-0.5, 14]}, yaxis={"visible": False})  # fmt: skip
    return fig


def fine_tuning_tab() -> None:
    """The fine-tuning figure: which vectors feed the task's output layer."""
    st.caption(t("ft_help"))
    st.plotly_chart(fine_tuning_figure(), key="tl_bert_ft")


__all__ = ["FATES", "fine_tuning_tab", "inputs_tab", "tiny_bert_tab"]
