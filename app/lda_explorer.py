"""The LDAvis view as one Streamlit fragment: map, λ slider, term bars, term view and the topic's documents.

Moving λ, clicking a circle or a bar reruns only this fragment, and only reads the precomputed ``VisData``.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import streamlit as st

from app import charts, result_cache, state, topic_names
from app.i18n import formatter, t
from models.corpus import Corpus
from models.explore import LdaExploration, document_word_topics, top_documents
from models.highlight import token_spans
from models.intertopic import LAYOUTS
from models.vis_data import VisData, prepare_vis, salient_terms, top_terms, topic_given_term

SUGGESTED_LAMBDA = 0.6
R = 30


def _ordered_topics(vis: VisData) -> list[int]:
    return [int(k) for k in vis.order]


def _vis_for_layout(fit_key: str, exploration: LdaExploration, layout: str) -> VisData:
    """The fit's LDAvis data with circles laid out by ``layout`` (recomputed once per layout, never refitted)."""
    if layout == exploration.vis.layout:
        return exploration.vis
    seed = exploration.options.seed
    return result_cache.get_or_compute(
        f"vis|{layout}|{fit_key}", lambda: prepare_vis(exploration.model, layout=layout, R=30, seed=seed)
    )


def _step_topic(order: list[int], step: int) -> None:
    ss = st.session_state
    current = ss.get(state.SELECTED_TOPIC)
    if current is None:
        ss[state.SELECTED_TOPIC] = order[0] if step > 0 else order[-1]
    else:
        ss[state.SELECTED_TOPIC] = order[(order.index(current) + step) % len(order)]


def _clear_topic() -> None:
    st.session_state[state.SELECTED_TOPIC] = None


def _set_lambda(value: float) -> None:
    st.session_state[state.LAMBDA] = value


def _new_selection(event: object, memory_key: str) -> list | None:
    """The points of a Plotly selection event if they changed since last time (else None)."""
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    marker = tuple(str(p.get("customdata")) for p in points)
    if st.session_state.get(memory_key) == marker:
        return None
    st.session_state[memory_key] = marker
    return points


MAX_TERM_CHOICES = 5000


def _or_label(empty: str):
    return lambda value: value or empty


def _term_choices(vis: object, current: str) -> list[str]:
    """Terms offered in the search box: all of them, or the most frequent few thousand for a large vocabulary."""
    vocab = vis.vocab
    if len(vocab) <= MAX_TERM_CHOICES:
        return sorted(vocab)
    top = np.argsort(-vis.term_frequency, kind="stable")[:MAX_TERM_CHOICES]
    chosen = {vocab[i] for i in top}
    if current:
        chosen.add(current)
    return sorted(chosen)


@st.fragment
def explorer(fit_key: str, exploration: LdaExploration, corpus: Corpus) -> None:
    """Draw the interactive LDAvis view for ``exploration``."""
    ss = st.session_state
    vis = _vis_for_layout(fit_key, exploration, ss.get(state.LAYOUT, exploration.vis.layout))
    names = topic_names.names(fit_key, vis)
    labels = [topic_names.label(vis, names, k) for k in range(vis.n_topics)]
    order = _ordered_topics(vis)
    if ss.get(state.SELECTED_TOPIC) is not None and not 0 <= ss[state.SELECTED_TOPIC] < vis.n_topics:
        ss[state.SELECTED_TOPIC] = None
    ss.setdefault(state.LAMBDA, 1.0)
    vocab_index = vis.term_lookup
    if ss.get(state.SELECTED_TERM) and ss[state.SELECTED_TERM] not in vocab_index:
        ss[state.SELECTED_TERM] = None

    left, right = st.columns([1, 1], gap="medium")
    with left:
        title, layout_box = st.columns([3, 1.3])
        title.markdown(f"**{t('map_title')}**")
        layout_box.selectbox(
            t("layout"), LAYOUTS, key=state.LAYOUT, format_func=formatter("layout_"), label_visibility="collapsed"
        )
        b1, b2, b3 = st.columns(3)
        b1.button(t("previous_topic"), on_click=_step_topic, args=(order, -1), width="stretch", key="tl_prev")
        b2.button(t("next_topic"), on_click=_step_topic, args=(order, 1), width="stretch", key="tl_next")
        b3.button(t("clear_topic"), on_click=_clear_topic, width="stretch", key="tl_clear")
        selected = ss.get(state.SELECTED_TOPIC)
        term = ss.get(state.SELECTED_TERM)
        weights = topic_given_term(vis, term) if term else None
        fig = charts.intertopic_map(
            vis.coordinates,
            vis.prevalence,
            vis.ranks,
            labels,
            selected,
            weights,
            axis_titles=(t("axis_pc1"), t("axis_pc2")),
        )
        event = st.plotly_chart(
            fig,
            key=f"tl_map_{fit_key}",
            on_select="rerun",
            selection_mode="points",
            config={"displaylogo": False, "scrollZoom": True},
        )
        points = _new_selection(event, f"tl_map_seen_{fit_key}")
        if points:
            ss[state.SELECTED_TOPIC] = int(points[0]["customdata"])
            st.rerun(scope="fragment")
        st.caption(t("term_view_caption", term=term) if term else t("map_help"))

    with right:
        lam = st.slider(t("lambda"), min_value=0.0, max_value=1.0, step=0.01, key=state.LAMBDA, help=t("lambda_help"))
        st.markdown(
            '<div style="position:relative;height:14px;margin:-14px 10px 2px 10px">'
            f'<div style="position:absolute;left:{SUGGESTED_LAMBDA * 100}%;transform:translateX(-50%);'
            'font-size:11px;color:#d62728" title="Sievert &amp; Shirley (2014)">▲ 0.6</div></div>',
            unsafe_allow_html=True,
        )
        c1, c2 = st.columns([1, 2])
        c1.button(t("lambda_suggested"), on_click=_set_lambda, args=(SUGGESTED_LAMBDA,), key="tl_lam06")
        vocab_choices = ["", *_term_choices(vis, ss.get(state.SELECTED_TERM) or "")]
        if ss.get(state.SELECTED_TERM) is None:
            ss[state.SELECTED_TERM] = ""
        c2.selectbox(
            t("term_search"),
            vocab_choices,
            key=state.SELECTED_TERM,
            placeholder=t("term_search_hint"),
            format_func=_or_label(t("term_none")),
            label_visibility="collapsed",
        )
        selected = ss.get(state.SELECTED_TOPIC)
        if selected is None:
            table = salient_terms(vis, R)
            title = t("salient_title", n=len(table.terms))
            hover = [
                f"{w}<br>{t('saliency')} {s:.4f}<br>{t('overall')} {f:,.0f}"
                for w, s, f in zip(table.terms, table.saliency, table.frequency, strict=True)
            ]
            fig = charts.term_bars(
                table.terms, table.frequency, None, title, hover, labels=(t("overall_bar"), t("topic_bar"))
            )
            frame = table.to_frame()
        else:
            table = top_terms(vis, selected, float(lam), min(R, vis.R))
            title = t(
                "relevant_title",
                n=len(table.terms),
                label=html.escape(labels[selected]),
                share=100 * float(vis.prevalence[selected]),
            )
            hover = [
                f"<b>{w}</b><br>{t('relevance')} {r:.3f}<br>log p(w|k) {lp:.3f}<br>{t('log_lift')} {ll:.3f}"
                f"<br>{t('overall')} {f:,.0f} · {t('in_topic')} {tf:,.1f}"
                for w, r, lp, ll, f, tf in zip(
                    table.terms,
                    table.relevance,
                    table.log_phi,
                    table.log_lift,
                    table.frequency,
                    table.topic_frequency,
                    strict=True,
                )
            ]
            fig = charts.term_bars(
                table.terms,
                table.frequency,
                table.topic_frequency,
                title,
                hover,
                labels=(t("overall_bar"), t("topic_bar")),
            )
            frame = table.to_frame()
        bar_event = st.plotly_chart(
            fig, key=f"tl_bars_{fit_key}", on_select="rerun", selection_mode="points", config={"displaylogo": False}
        )
        bar_points = _new_selection(bar_event, f"tl_bars_seen_{fit_key}")
        if bar_points:
            ss[state.SELECTED_TERM] = str(bar_points[0]["customdata"])
            st.rerun(scope="fragment")
        with st.expander(t("relevance_table")):
            st.caption(t("relevance_formula"))
            st.dataframe(frame, hide_index=True, height=300)

    selected = ss.get(state.SELECTED_TOPIC)
    if selected is not None:
        _documents(fit_key, exploration, corpus, selected, labels)


def _documents(fit_key: str, exploration: LdaExploration, corpus: Corpus, topic: int, labels: list[str]) -> None:
    st.subheader(t("top_documents", label=labels[topic]))
    rows, shares = top_documents(exploration.model, topic, n=15)
    table = pd.DataFrame(
        {
            t("col_name"): [corpus.documents[d].name for d in rows],
            t("share"): np.round(100 * shares, 1),
            t("col_text"): [corpus.documents[d].text[:160] for d in rows],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            t("share"): st.column_config.ProgressColumn(t("share"), format="%.1f%%", min_value=0, max_value=100)
        },
        height=min(420, 35 * (len(rows) + 1) + 3),
    )
    choices = [int(d) for d in rows]
    if st.session_state.get(state.OPEN_DOCUMENT) not in choices:
        st.session_state[state.OPEN_DOCUMENT] = choices[0]
    d = st.selectbox(
        t("open_document"), choices, key=state.OPEN_DOCUMENT, format_func=lambda i: corpus.documents[i].name
    )
    show_document(exploration, corpus, int(d), labels)


def show_document(exploration: LdaExploration, corpus: Corpus, d: int, labels: list[str]) -> None:
    """A document's topic mixture and its text with each kept word coloured by its topic."""
    model = exploration.model
    colours = charts.topic_colours(model.n_topics)
    st.plotly_chart(
        charts.mixture_bar(model.theta[d], labels, colours), key="tl_mixture", config={"displaylogo": False}
    )
    doc = corpus.documents[d]
    topics = document_word_topics(model, corpus, d)
    spans = token_spans(doc.text, corpus.doc_tokens[d])
    st.caption(t("colouring_gibbs") if model.assignments is not None else t("colouring_vb"))
    st.html(charts.coloured_text(doc.text, spans, topics, colours, labels))
