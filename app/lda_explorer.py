"""The LDAvis view: map, λ slider, term bars, term view and the topic's documents, as separately redrawn parts.

Every part only reads the precomputed ``VisData``. Each interaction names, in its widget callback, exactly the parts it
changes (``st.rerun(scope=[...])`` with fragment keys), so moving λ redraws the term bars and nothing else.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from app import charts, result_cache, share_view, slide_export, state, topic_names, which_k
from app.i18n import formatter, t
from app.plain_text import plain, plotly_text
from models.corpus.corpus import Corpus
from models.corpus.highlight import token_spans
from models.lda.explore import LdaExploration, document_word_topics, top_documents
from models.ldavis.intertopic import LAYOUTS
from models.ldavis.vis_data import VisData, prepare_vis, salient_terms, top_terms, topic_given_term

SUGGESTED_LAMBDA = 0.6
R = 30


def _ordered_topics(vis: VisData) -> list[int]:
    return [int(k) for k in vis.order]


def model_key(fit_key: str, exploration: LdaExploration) -> str:
    """A cache key for what is computed from this exploration's model: the fit's key, and for a model shown while
    its chain converges (or kept when the user stopped it) the sweep it stands at."""
    return fit_key if exploration.complete else f"{fit_key}|sweeps={exploration.sweeps_done}"


def _vis_for_layout(fit_key: str, exploration: LdaExploration, layout: str) -> VisData:
    """The fit's LDAvis data with circles laid out by ``layout`` (recomputed once per layout, never refitted)."""
    if layout == exploration.vis.layout:
        return exploration.vis
    seed = exploration.options.seed
    key = f"vis|{layout}|{model_key(fit_key, exploration)}"
    return result_cache.get_or_compute(key, lambda: prepare_vis(exploration.model, layout=layout, R=30, seed=seed))


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


# The parts, as keyed fragments. Who redraws what:
#   λ slider -> bars; layout -> map; term from the search box -> map + bars;
#   topic by previous/next/clear or by a click on its circle -> map + bars + documents;
#   λ = 0.6 button, term from a bar click -> the whole page: they set a widget's value (the slider, the term box), and
#   Streamlit 1.67 shows a value set in a callback only after a default or full rerun, not after a named one.
MAP_PANEL = "tl_map_panel"
BARS_PANEL = "tl_bars_panel"
DOCS_PANEL = "tl_docs_panel"
TERM_PANELS = (MAP_PANEL, BARS_PANEL)
TOPIC_PANELS = (MAP_PANEL, BARS_PANEL, DOCS_PANEL)

# AppTest keeps only the named fragments' elements after such a rerun, so the AppTest suite turns this off and gets
# Streamlit's default rerun instead; the browser tests and the latency benchmark run the named reruns.
NAMED_RERUNS = True


def _rerun(panels: tuple[str, ...]) -> None:
    """From a widget callback: redraw exactly the fragments ``panels`` instead of the default rerun."""
    if NAMED_RERUNS:
        st.rerun(scope=list(panels))


def _clickable_chart(fig: object, chart_key: str, on_click: object, **config: object) -> None:
    """A Plotly chart whose point clicks call ``on_click(chart_key)`` (which reads the selection from the state)."""
    st.plotly_chart(
        fig,
        key=chart_key,
        on_select=partial(on_click, chart_key),
        selection_mode="points",
        config={"displaylogo": False, **config},
    )


def _selected_points(chart_key: str) -> list:
    """The points selected in the Plotly chart under ``chart_key`` (empty when none or on a malformed event)."""
    try:
        return list(st.session_state[chart_key]["selection"]["points"])
    except (KeyError, TypeError):
        return []


def _on_topic_click(chart_key: str) -> None:
    """A click on a circle selects its topic; a click on the selected topic's circle (or an empty selection) clears it.

    The map is redrawn either way (its circles are shapes, which Plotly's selection does not restyle); each redraw is
    a new chart (its key has the map's revision), so the browser's own selection always starts empty.
    """
    points = _selected_points(chart_key)
    clicked = int(points[0]["customdata"]) if points else None
    current = st.session_state.get(state.SELECTED_TOPIC)
    st.session_state[state.SELECTED_TOPIC] = None if clicked == current else clicked
    _rerun(TOPIC_PANELS)


def _new_bars() -> None:
    """The next drawing of the term bars is a new chart, so no bar stays highlighted from an earlier click."""
    st.session_state[state.BARS_REVISION] = st.session_state.get(state.BARS_REVISION, 0) + 1


def _on_term_click(chart_key: str) -> None:
    points = _selected_points(chart_key)
    _new_bars()
    if points:
        st.session_state[state.SELECTED_TERM] = str(points[0]["customdata"])
    st.rerun()  # the whole page, so the term box shows the term (see above)


def _on_term_search() -> None:
    _new_bars()
    _rerun(TERM_PANELS)


def _clear_term() -> None:
    st.session_state[state.SELECTED_TERM] = ""
    _new_bars()
    st.rerun()  # the whole page, so the term box shows the change (see above)


def _on_lambda() -> None:
    _rerun((BARS_PANEL,))


def _set_lambda(value: float) -> None:
    st.session_state[state.LAMBDA] = value
    st.rerun()  # the whole page, so the slider shows the value (see above)


def _on_layout() -> None:
    _rerun((MAP_PANEL,))


def _step_topic(order: list[int], step: int) -> None:
    ss = st.session_state
    current = ss.get(state.SELECTED_TOPIC)
    if current is None:
        ss[state.SELECTED_TOPIC] = order[0] if step > 0 else order[-1]
    else:
        ss[state.SELECTED_TOPIC] = order[(order.index(current) + step) % len(order)]
    _rerun(TOPIC_PANELS)


def _clear_topic() -> None:
    st.session_state[state.SELECTED_TOPIC] = None
    _rerun(TOPIC_PANELS)


def _view(fit_key: str, exploration: LdaExploration) -> tuple[VisData, list[str]]:
    """The LDAvis data in the chosen layout and each topic's display label; drops a stale topic or term choice."""
    ss = st.session_state
    vis = _vis_for_layout(fit_key, exploration, ss.get(state.LAYOUT, exploration.vis.layout))
    names = topic_names.names(fit_key, vis)
    labels = [topic_names.label(vis, names, k) for k in range(vis.n_topics)]
    if ss.get(state.SELECTED_TOPIC) is not None and not 0 <= ss[state.SELECTED_TOPIC] < vis.n_topics:
        ss[state.SELECTED_TOPIC] = None
    term = ss.get(state.SELECTED_TERM)
    if term is None or (term and term not in vis.term_lookup):
        ss[state.SELECTED_TERM] = ""
    return vis, labels


def explorer(fit_key: str, exploration: LdaExploration, corpus: Corpus) -> None:
    """Draw the interactive LDAvis view for ``exploration``: map and term bars side by side, documents below."""
    ss = st.session_state
    ss.setdefault(state.LAMBDA, 1.0)
    if ss.get(state.EXPLORED_FIT) != fit_key:  # another fit: its topic ids and terms mean other things
        ss[state.EXPLORED_FIT] = fit_key
        ss[state.SELECTED_TOPIC] = None
        ss[state.SELECTED_TERM] = ""
        ss.pop(state.OPEN_DOCUMENT, None)
    if share_view.pending_view():  # a shared link's topic, λ and term, for the fit it describes
        share_view.apply_view(exploration.model.n_topics, exploration.model.vocab)
    vis, _ = _view(fit_key, exploration)
    left, right = st.columns([1, 1], gap="medium")
    with left:
        _map_controls(_ordered_topics(vis))
        _map_panel(fit_key, exploration)
    with right:
        _lambda_controls(vis)
        _bars_panel(fit_key, exploration)
    _docs_panel(fit_key, exploration, corpus)


def _map_controls(order: list[int]) -> None:
    """Title, layout choice and previous/next/clear (drawn with the page; their callbacks redraw the parts)."""
    title, layout_box = st.columns([1, 1.2])  # room for "PCoA (classical MDS)" at 1280 px
    title.markdown(f"**{t('map_title')}**")
    layout_box.selectbox(
        t("layout"),
        LAYOUTS,
        key=state.LAYOUT,
        on_change=_on_layout,
        format_func=formatter("layout_"),
        label_visibility="collapsed",
    )
    b1, b2, b3 = st.columns(3)
    b1.button(t("previous_topic"), on_click=_step_topic, args=(order, -1), width="stretch", key="tl_prev")
    b2.button(t("next_topic"), on_click=_step_topic, args=(order, 1), width="stretch", key="tl_next")
    b3.button(t("clear_topic"), on_click=_clear_topic, width="stretch", key="tl_clear")


@st.fragment(key=MAP_PANEL)
def _map_panel(fit_key: str, exploration: LdaExploration) -> None:
    ss = st.session_state
    vis, labels = _view(fit_key, exploration)
    term = ss.get(state.SELECTED_TERM)
    ss[state.MAP_REVISION] = ss.get(state.MAP_REVISION, 0) + 1  # a new chart: no click selection left in the browser
    fig = charts.intertopic_map(
        vis.coordinates,
        vis.prevalence,
        vis.ranks,
        labels,
        ss.get(state.SELECTED_TOPIC),
        topic_given_term(vis, term) if term else None,
        axis_titles=(t(f"axis_{vis.layout}", n=1), t(f"axis_{vis.layout}", n=2)),
        guide_title=t("size_guide_term" if term else "size_guide"),
        stability=(marks := which_k.stability_marks(fit_key, vis.n_topics)),  # issue 15: measured stability
        stability_labels=None if marks is None else [t("stability_hover", share=float(s)) for s in marks],
    )
    slide_export.remember("map", fig)
    _clickable_chart(fig, f"tl_map_{fit_key}_{ss[state.MAP_REVISION]}", _on_topic_click, scrollZoom=True)
    st.caption(t("term_view_caption", term=plain(term)) if term else t("map_help"))


def _lambda_controls(vis: VisData) -> None:
    """λ slider with its 0.6 marker and button, the term box and ✕ (drawn with the page; callbacks redraw parts)."""
    st.slider(
        t("lambda"),
        min_value=0.0,
        max_value=1.0,
        step=0.01,
        key=state.LAMBDA,
        on_change=_on_lambda,
        help=t("lambda_help"),
    )
    st.markdown(
        '<div style="position:relative;height:14px;margin:-14px 10px 2px 10px">'
        f'<div style="position:absolute;left:{SUGGESTED_LAMBDA * 100}%;transform:translateX(-50%);'
        'font-size:11px;color:#d62728" title="Sievert &amp; Shirley (2014)">▲ 0.6</div></div>',
        unsafe_allow_html=True,
    )
    c1, c2, c3 = st.columns([1, 2, 0.55])  # ✕ whole at 1280 px
    c1.button(t("lambda_suggested"), on_click=_set_lambda, args=(SUGGESTED_LAMBDA,), key="tl_lam06")
    c3.button("✕", on_click=_clear_term, help=t("clear_term"), key="tl_clear_term", width="stretch")
    c2.selectbox(
        t("term_search"),
        ["", *_term_choices(vis, st.session_state[state.SELECTED_TERM])],
        key=state.SELECTED_TERM,
        on_change=_on_term_search,
        placeholder=t("term_search_hint"),
        format_func=_or_label(t("term_none")),
        label_visibility="collapsed",
    )


@st.fragment(key=BARS_PANEL)
def _bars_panel(fit_key: str, exploration: LdaExploration) -> None:
    ss = st.session_state
    vis, labels = _view(fit_key, exploration)
    selected = ss.get(state.SELECTED_TOPIC)
    if selected is None:
        table = salient_terms(vis, R)
        title = t("salient_title", n=len(table.terms))
        hover = [
            f"{plotly_text(w)}<br>{t('saliency')} {s:.4f}<br>{t('overall')} {f:,.0f}"
            for w, s, f in zip(table.terms, table.saliency, table.frequency, strict=True)
        ]
        in_topic = None
    else:
        table = top_terms(vis, selected, float(ss[state.LAMBDA]), min(R, vis.R))
        title = t(
            "relevant_title",
            n=len(table.terms),
            label=plotly_text(labels[selected]),
            share=100 * float(vis.prevalence[selected]),
        ) + which_k.unstable_note(fit_key, selected)
        hover = [
            f"<b>{plotly_text(w)}</b><br>{t('relevance')} {r:.3f}<br>log p(w|k) {lp:.3f}<br>{t('log_lift')} {ll:.3f}"
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
        in_topic = table.topic_frequency
    fig = charts.term_bars(
        table.terms, table.frequency, in_topic, title, hover, labels=(t("overall_bar"), t("topic_bar"))
    )
    slide_export.remember("bars", fig)
    _clickable_chart(fig, f"tl_bars_{fit_key}_{ss.get(state.BARS_REVISION, 0)}", _on_term_click)
    # Drawn only while open, so λ and topic changes do not redraw a hidden table.
    expander = st.expander(t("relevance_table"), key="tl_relevance_table", on_change="rerun")
    if expander.open:
        with expander:
            st.caption(t("relevance_formula"))
            st.dataframe(table.to_frame(), hide_index=True, height=300)


@st.fragment(key=DOCS_PANEL)
def _docs_panel(fit_key: str, exploration: LdaExploration, corpus: Corpus) -> None:
    _, labels = _view(fit_key, exploration)
    selected = st.session_state.get(state.SELECTED_TOPIC)
    if selected is not None:
        _documents(fit_key, exploration, corpus, selected, labels)


def _documents(fit_key: str, exploration: LdaExploration, corpus: Corpus, topic: int, labels: list[str]) -> None:
    st.subheader(t("top_documents", label=plain(labels[topic])))
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
    spans = token_spans(doc.text, corpus.document_tokens(d))
    st.caption(t("colouring_gibbs") if model.assignments is not None else t("colouring_vb"))
    st.html(charts.coloured_text(doc.text, spans, topics, colours, labels))
