"""The Word2vec page's "Your corpus" tab: gensim Word2Vec trained on the current corpus in a worker process, its
loss per epoch, the embedding map (coloured by the LDA fit's topics when there is one), neighbours, analogies,
fill-in-the-blank and downloads. Computation comes from ``models.embeddings``."""

from __future__ import annotations

import io

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import charts, corpus_source, job_tasks, job_ui, result_cache, state, topic_names
from app.i18n import formatter, message, t
from app.model_controls import FitSpec
from app.plain_text import plain, plotly_text
from app.widgets import csv_download
from models.corpus.corpus import Corpus
from models.embeddings.embedding_model import EmbeddingModel
from models.embeddings.neighbours import analogy, fill_in_blank, nearest
from models.embeddings.projection import Projection, project_words
from models.embeddings.report import write_word2vec_text
from models.embeddings.word2vec_options import Word2VecOptions, validate_word2vec_options
from models.embeddings.word_topics import word_topics
from models.errors import InputError
from models.lda.explore import LdaExploration

ss = st.session_state
AUTO_TRAIN_MAX_TOKENS = 300_000  # larger corpora wait for the Train button
LABELLED = 80  # the most frequent words are written on the map; the rest show on hover
ALL_TOPICS = -1
GREY = "#c7c7c7"


def _defaults() -> None:
    d = Word2VecOptions()
    ss.setdefault(state.W2V_SG, d.sg)
    ss.setdefault(state.W2V_C_DIM, d.dim)
    ss.setdefault(state.W2V_C_WINDOW, d.window)
    ss.setdefault(state.W2V_C_NEGATIVE, d.negative)
    ss.setdefault(state.W2V_MIN_COUNT, d.min_count)
    ss.setdefault(state.W2V_EPOCHS, d.epochs)
    ss.setdefault(state.W2V_C_SEED, d.seed)
    ss.setdefault(state.W2V_PROJECTION, "pca")
    ss.setdefault(state.W2V_MAP_WORDS, 300)
    for key in (state.W2V_PROBE, state.W2V_ANALOGY_A, state.W2V_ANALOGY_B, state.W2V_ANALOGY_C, state.W2V_BLANK):
        ss.setdefault(key, "")


def _options() -> Word2VecOptions:
    return Word2VecOptions(
        sg=int(ss[state.W2V_SG]),
        dim=int(ss[state.W2V_C_DIM]),
        window=int(ss[state.W2V_C_WINDOW]),
        negative=int(ss[state.W2V_C_NEGATIVE]),
        min_count=int(ss[state.W2V_MIN_COUNT]),
        epochs=int(ss[state.W2V_EPOCHS]),
        seed=int(ss[state.W2V_C_SEED]),
    )


def _key(corpus_key: str, options: Word2VecOptions) -> str:
    return f"w2v|{corpus_key}|{options!r}"


def _controls() -> bool:
    """The training options; returns True when Train was pressed."""
    with st.form("tl_w2v_form", border=True):
        c = st.columns(7)
        c[0].radio(t("w2v_mode"), (1, 0), key=state.W2V_SG, format_func=formatter("w2v_sg_"))
        c[1].number_input(t("w2v_dim"), min_value=2, max_value=300, key=state.W2V_C_DIM)
        c[2].number_input(t("w2v_window"), min_value=1, max_value=20, key=state.W2V_C_WINDOW)
        c[3].number_input(t("w2v_k"), min_value=1, max_value=20, key=state.W2V_C_NEGATIVE)
        c[4].number_input(t("w2v_min_count"), min_value=1, max_value=1000, key=state.W2V_MIN_COUNT)
        c[5].number_input(t("w2v_epochs"), min_value=1, max_value=500, key=state.W2V_EPOCHS)
        c[6].number_input(t("seed"), min_value=0, max_value=1_000_000, key=state.W2V_C_SEED)
        pressed = st.form_submit_button(t("w2v_train"), type="primary", help=t("w2v_train_help_corpus"))
    return pressed


def _train(key: str, corpus_key: str, corpus: Corpus, options: Word2VecOptions) -> EmbeddingModel | None:
    """The model for ``key``: cached, or trained now in a worker with progress and Cancel (None if it failed)."""
    model = result_cache.get(key)
    if model is not None:
        return model
    if ss.get(state.W2V_CANCEL):  # the rerun of a Cancel click
        job_ui.release(key)
        ss.setdefault(state.W2V_FAILED, set()).add(key)
        st.info(t("w2v_cancelled"))
        return None
    source = corpus_source.job_source(corpus_key, corpus)
    job = job_ui.submit(key, job_tasks.train_word2vec, (source, options), "word2vec")
    job_ui.wait(
        job,
        label=t("w2v_training"),
        cancel_key=state.W2V_CANCEL,
        detail=lambda p: (
            t("w2v_epoch_progress", i=p[0], total=p[1]) + ("" if p[2] is None else f" · {t('w2v_loss')} {p[2]:.4f}")
        ),
    )
    try:
        model = job_ui.outcome(job, "fit")
    except InputError as err:
        ss.setdefault(state.W2V_FAILED, set()).add(key)
        st.error(message(err))
        return None
    finally:
        job_ui.release(key)
    result_cache.put(key, model)
    return model


def _lda_for(corpus_key: str) -> tuple[str, LdaExploration] | None:
    """This session's LDA fit of the same corpus, if it is at hand (never starts a fit)."""
    spec: FitSpec | None = ss.get(state.LDA_KEY)
    if spec is None or spec.corpus_key != corpus_key:
        return None
    exploration = result_cache.get(spec.key)
    return None if exploration is None else (spec.key, exploration)


def _projection(key: str, model: EmbeddingModel, method: str, n: int, seed: int) -> Projection:
    return result_cache.get_or_compute(
        f"w2v-map|{method}|{n}|{key}", lambda: project_words(model, n=n, method=method, seed=seed)
    )


def _embedding_map(
    key: str, model: EmbeddingModel, proj: Projection, lda: tuple[str, LdaExploration] | None
) -> go.Figure:
    words = list(proj.words)
    near = result_cache.get_or_compute(
        f"w2v-near|{len(words)}|{key}",
        lambda: {w: ", ".join(f"{v} {c:.2f}" for v, c in nearest(model, w, 5)) for w in words},
    )
    hover = [plotly_text(f"{w} — {near[w]}") for w in words]
    fig = go.Figure()
    if lda is None:
        fig.add_trace(
            go.Scatter(
                x=proj.xy[:, 0],
                y=proj.xy[:, 1],
                mode="markers+text",
                text=[plotly_text(w) if i < LABELLED else "" for i, w in enumerate(words)],
                textposition="top center",
                textfont={"size": 10},
                marker={"color": charts.BLUE, "size": 7},
                hovertext=hover,
                hoverinfo="text",
                showlegend=False,
            )
        )
    else:
        fit_key, exploration = lda
        topics = word_topics(model, exploration.model, words)
        colours = charts.topic_colours(exploration.model.n_topics)
        names = topic_names.names(fit_key, exploration.vis)
        chosen = ss.get(state.W2V_MAP_TOPIC)
        chosen = None if chosen == ALL_TOPICS else chosen
        groups: dict[int | None, list[int]] = {}
        for i, found in enumerate(topics):
            groups.setdefault(None if found is None else found[0], []).append(i)
        order = sorted((k for k in groups if k is not None), key=lambda k: int(exploration.vis.ranks[k]))
        for k in [*order, None] if None in groups else order:
            rows = groups[k]
            dim = chosen is not None and k != chosen
            colour = GREY if k is None or dim else colours[k]
            label = t("w2v_no_topic") if k is None else f"#{int(exploration.vis.ranks[k])} {names.get(k, '')}"
            fig.add_trace(
                go.Scatter(
                    x=proj.xy[rows, 0],
                    y=proj.xy[rows, 1],
                    mode="markers+text",
                    text=[plotly_text(words[i]) if i < LABELLED and not dim else "" for i in rows],
                    textposition="top center",
                    textfont={"size": 10},
                    marker={"color": colour, "size": 9 if k == chosen else 7, "opacity": 0.35 if dim else 1.0},
                    hovertext=[
                        hover[i] + ("" if topics[i] is None else plotly_text(f" · p(k|w) = {topics[i][1]:.2f}"))
                        for i in rows
                    ],
                    hoverinfo="text",
                    name=plotly_text(label),
                )
            )
    fig.update_layout(
        height=620,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        title=t("w2v_corpus_map_title", n=len(words), method=t(f"w2v_projection_{proj.method}")),
        plot_bgcolor="white",
        legend={"orientation": "h", "font": {"size": 11}, "y": -0.02, "yanchor": "top"},
        xaxis={"zeroline": False, "showticklabels": False},
        yaxis={"zeroline": False, "showticklabels": False},
    )
    return fig


def _results_table(rows: list[tuple[str, float]], score: str) -> pd.DataFrame:
    return pd.DataFrame({t("w2v_col_word"): [w for w, _ in rows], score: [round(float(c), 4) for _, c in rows]})


def _tools(model: EmbeddingModel) -> None:
    """Nearest neighbours, analogies and fill-in-the-blank."""
    left, mid, right = st.columns(3)
    with left:
        st.markdown(f"**{t('w2v_neighbours')}**")
        st.text_input(t("w2v_probe"), key=state.W2V_PROBE, max_chars=100, placeholder=model.vocab[0])
        word = ss[state.W2V_PROBE].strip() or model.vocab[0]
        try:
            rows = nearest(model, word, 10)
        except InputError as err:
            st.error(message(err))
        else:
            st.dataframe(_results_table(rows, t("w2v_cosine")), hide_index=True)
            csv_download(_results_table(rows, "cosine"), "neighbours.csv", key="tl_w2v_dl_neighbours")
    with mid:
        st.markdown(f"**{t('w2v_analogy')}**")
        a, b, c = st.columns(3)
        a.text_input("a", key=state.W2V_ANALOGY_A, max_chars=100)
        b.text_input("− b", key=state.W2V_ANALOGY_B, max_chars=100)
        c.text_input("+ c", key=state.W2V_ANALOGY_C, max_chars=100)
        terms = [ss[k].strip() for k in (state.W2V_ANALOGY_A, state.W2V_ANALOGY_B, state.W2V_ANALOGY_C)]
        if all(terms):
            try:
                rows = analogy(model, *terms, n=10)
            except InputError as err:
                st.error(message(err))
            else:
                st.dataframe(_results_table(rows, t("w2v_cosine")), hide_index=True)
        else:
            st.caption(t("w2v_analogy_help"))
    with right:
        st.markdown(f"**{t('w2v_blank')}**")
        st.text_input(t("w2v_blank_context"), key=state.W2V_BLANK, max_chars=300)
        context = ss[state.W2V_BLANK].split()
        if context:
            try:
                rows = fill_in_blank(model, context, n=10)
            except InputError as err:
                st.error(message(err))
            else:
                st.dataframe(_results_table(rows, t("w2v_probability")), hide_index=True)
        else:
            st.caption(t("w2v_blank_help"))


def _downloads(model: EmbeddingModel) -> None:
    def vectors() -> pd.DataFrame:
        frame = pd.DataFrame(model.vectors, columns=[f"d{i + 1}" for i in range(model.dim)])
        frame.insert(0, "count", model.counts)
        frame.insert(0, "word", list(model.vocab))
        return frame

    def text_format() -> bytes:
        stream = io.StringIO()
        write_word2vec_text(model, stream)
        return stream.getvalue().encode("utf-8")

    c1, c2 = st.columns(2)
    with c1:
        st.caption(t("w2v_download_csv"))
        csv_download(vectors, "word-vectors.csv", key="tl_w2v_dl_csv")
    with c2:
        st.caption(t("w2v_download_text"))
        st.download_button(
            t("w2v_download_text_button"),
            data=text_format,
            file_name="word-vectors.txt",
            mime="text/plain",
            key="tl_w2v_dl_text",
            on_click="ignore",
        )


def corpus_tab() -> None:
    """Train Word2Vec on the current corpus and explore it."""
    from app.session import current_corpus

    _defaults()
    st.caption(t("w2v_corpus_intro"))
    result = current_corpus()
    if result.request is None or result.corpus is None:
        st.info(t("w2v_need_corpus"))
        return
    corpus, corpus_key = result.corpus, result.request.key
    st.caption(plain(t("w2v_corpus_is", label=result.request.label, tokens=corpus.n_tokens)))
    pressed = _controls()
    options = _options()
    try:
        validate_word2vec_options(corpus, options)
    except InputError as err:
        st.error(message(err))
        return
    key = _key(corpus_key, options)
    trained: str | None = ss.get(state.W2V_TRAINED)
    if pressed:
        ss.get(state.W2V_FAILED, set()).discard(key)
    wanted = pressed or result_cache.get(key) is not None
    if not wanted and key not in ss.get(state.W2V_FAILED, set()) and corpus.n_tokens <= AUTO_TRAIN_MAX_TOKENS:
        wanted = trained is None or not trained.startswith(f"w2v|{corpus_key}|")  # first view of this corpus
    if wanted or job_ui.running(key) is not None:
        model = _train(key, corpus_key, corpus, options)
        if model is None:
            return
        ss[state.W2V_TRAINED] = key
    elif trained is not None and trained.startswith(f"w2v|{corpus_key}|") and result_cache.get(trained) is not None:
        key = trained
        st.info(t("w2v_showing_other"))
    else:
        st.info(t("w2v_press_train"))
        return
    model: EmbeddingModel = result_cache.get(key)
    st.caption(t("w2v_trained", words=model.vocab_size, dim=model.dim, seconds=model.seconds))

    lda = _lda_for(corpus_key)
    c1, c2, c3 = st.columns([1, 1, 2])
    c1.radio(t("w2v_projection"), ("pca", "tsne"), key=state.W2V_PROJECTION, horizontal=True,
             format_func=formatter("w2v_projection_"))  # fmt: skip
    c2.number_input(t("w2v_map_words"), min_value=10, max_value=1000, step=50, key=state.W2V_MAP_WORDS)
    if lda is not None:
        fit_key, exploration = lda
        names = topic_names.names(fit_key, exploration.vis)
        order = [int(k) for k in exploration.vis.order]
        if state.W2V_MAP_TOPIC not in ss:  # the topic selected on the LDA page, if any
            selected = ss.get(state.SELECTED_TOPIC)
            ss[state.W2V_MAP_TOPIC] = ALL_TOPICS if selected is None else selected
        if ss[state.W2V_MAP_TOPIC] not in (ALL_TOPICS, *order):
            ss[state.W2V_MAP_TOPIC] = ALL_TOPICS
        c3.selectbox(
            t("w2v_map_topic"),
            [ALL_TOPICS, *order],
            key=state.W2V_MAP_TOPIC,
            format_func=lambda k: (
                t("w2v_all_topics")
                if k == ALL_TOPICS
                else f"#{int(exploration.vis.ranks[k])} {names.get(k, '')}"  # options are shown as plain text
            ),
        )
        st.caption(t("w2v_coloured_by_topics"))
    else:
        c3.caption(t("w2v_no_lda"))
    proj = _projection(key, model, ss[state.W2V_PROJECTION], int(ss[state.W2V_MAP_WORDS]), model.options.seed)
    left, right = st.columns([2.2, 1])
    with left:
        st.plotly_chart(_embedding_map(key, model, proj, lda), key="tl_w2v_corpus_map")
    with right:
        points = list(enumerate(model.loss))
        chart = charts.trace(points, t("w2v_loss_epochs"), t("w2v_epoch"), height=300)
        chart.update_xaxes(tickformat="d")
        st.plotly_chart(chart, key="tl_w2v_corpus_loss")
        st.caption(t("w2v_loss_help"))
    _tools(model)
    _downloads(model)
