"""The LDA page's other tabs: topic names, model quality (and choosing K), the classic LDAvis page, downloads."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import (
    charts,
    fitting,
    lda_explorer,
    result_cache,
    saved_models,
    share_view,
    slide_export,
    state,
    topic_names,
    which_k,
)
from app.document_tables import with_identity
from app.i18n import message, t
from app.model_controls import FitSpec
from app.widgets import csv_download
from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.explore import LdaExploration
from models.lda.quality import MAX_SWEEP_FITS, MAX_SWEEP_K


def topics_tab(fit_key: str, exploration: LdaExploration) -> None:
    """A table of topics (display rank, model id, share, top terms) whose names the user can edit."""
    vis = exploration.vis
    names = topic_names.names(fit_key, vis)
    order = [int(k) for k in vis.order]
    defaults = topic_names.default_names(vis, n_terms=8)
    frame = pd.DataFrame(
        {
            t("col_rank"): [int(vis.ranks[k]) for k in order],
            t("col_topic_id"): order,
            t("col_topic_name"): [names.get(k, "") for k in order],
            t("share"): [round(100 * float(vis.prevalence[k]), 1) for k in order],
            t("col_top_terms"): [defaults[k] for k in order],
        }
    )
    st.caption(t("rename_help"))
    edited = st.data_editor(
        frame,
        hide_index=True,
        disabled=[c for c in frame.columns if c != t("col_topic_name")],
        key=f"tl_names_editor_{fit_key}",
        column_config={t("share"): st.column_config.NumberColumn(format="%.1f%%")},
    )
    changed = False
    for k, name in zip(edited[t("col_topic_id")], edited[t("col_topic_name")], strict=True):
        name = str(name or "").strip()
        if name and name != names.get(int(k)):
            topic_names.rename(fit_key, int(k), name)
            changed = True
    if changed:
        st.rerun()


def quality_tab(spec: FitSpec, exploration: LdaExploration, corpus: Corpus) -> None:
    """Perplexity and coherence of the fit, per-topic coherence, and the choose-K sweep."""
    q = exploration.quality
    vis = exploration.vis
    names = topic_names.names(spec.key, vis)
    c = st.columns(4)
    c[0].metric("c_v", f"{q.c_v_mean:.3f}", help=t("c_v_help"))
    c[1].metric("u_mass", f"{q.u_mass_mean:.3f}", help=t("u_mass_help"))
    c[2].metric(t("perplexity"), f"{q.perplexity:,.1f}", help=t("perplexity_help"))
    c[3].metric(t("fit_time"), f"{exploration.seconds:.2f} s")
    per_topic = pd.DataFrame(
        {
            t("col_rank"): [int(vis.ranks[k]) for k in range(vis.n_topics)],
            t("col_topic_id"): list(range(vis.n_topics)),
            t("col_topic_name"): [names.get(k, "") for k in range(vis.n_topics)],
            "c_v": np.round(q.c_v, 4),
            "u_mass": np.round(q.u_mass, 4),
        }
    ).sort_values(t("col_rank"))
    st.dataframe(per_topic, hide_index=True)
    if exploration.model.log_likelihood:
        at = exploration.converged_at
        mark = None if at is None else (at, t("converged_short"))
        chart = charts.trace(exploration.model.log_likelihood, t("trace_title"), t("iteration"), height=260, mark=mark)
        st.plotly_chart(chart, key="tl_trace")
        if exploration.model.engine == "gibbs":
            done = exploration.sweeps_done
            st.caption(t("converged_mark", at=at) if at is not None else t("not_converged_mark", done=done))

    st.subheader(t("choose_k"))
    st.caption(t("choose_k_help"))
    k_max_allowed = max(2, min(MAX_SWEEP_K, corpus.n_documents))
    # Values live in session state (kept while the tab is closed), clamped to what this corpus allows.
    ss = st.session_state
    ss[state.K_FROM] = min(int(ss.get(state.K_FROM, 2)), k_max_allowed)
    ss[state.K_TO] = min(int(ss.get(state.K_TO, min(12, k_max_allowed))), k_max_allowed)
    ss.setdefault(state.K_STEP, 2)
    a, b, c_, d = st.columns(4)
    k_min = a.number_input(t("k_from"), min_value=2, max_value=k_max_allowed, key=state.K_FROM)
    k_max = b.number_input(t("k_to"), min_value=2, max_value=k_max_allowed, key=state.K_TO)
    k_step = c_.number_input(t("k_step"), min_value=1, max_value=20, key=state.K_STEP)
    k_values = tuple(range(int(k_min), int(k_max) + 1, int(k_step)))
    too_many = len(k_values) > MAX_SWEEP_FITS  # the models refuse it too; say so before the click
    run = d.button(t("run_sweep"), key="tl_run_sweep", disabled=too_many)
    if too_many:
        st.warning(message(InputError("choose_k_too_many", count=len(k_values), limit=MAX_SWEEP_FITS)))
    sweep_key = f"sweep|{spec.key}|{k_values}"
    # In a worker process, with progress and Cancel; a sweep still running re-attaches when the tab is drawn again.
    rows = fitting.sweep(sweep_key, spec, corpus, k_values, start=run) if k_values else None
    if rows:
        frame = pd.DataFrame([_row_dict(r) for r in rows])
        fig = go.Figure()
        fig.add_trace(go.Scatter(x=frame["k"], y=frame["c_v"], mode="lines+markers", name="c_v"))
        fig.add_trace(go.Scatter(x=frame["k"], y=frame["u_mass"], mode="lines+markers", name="u_mass", yaxis="y2"))
        fig.update_layout(
            height=320,
            margin={"l": 10, "r": 10, "t": 10, "b": 10},
            xaxis_title="K",
            yaxis={"title": "c_v"},
            yaxis2={"title": "u_mass", "overlaying": "y", "side": "right"},
            plot_bgcolor="white",
            legend={"orientation": "h"},
        )
        which_k.add_curves(fig, spec.key)  # mean stability and new themes per K, from the Which K? tab's genealogy
        st.plotly_chart(fig, key="tl_choose_k_chart")
        st.dataframe(frame, hide_index=True)
        csv_download(frame, "choose-k.csv", key="tl_dl_choose_k")


def _row_dict(row: object) -> dict:
    if isinstance(row, dict):
        return row
    if hasattr(row, "_asdict"):
        return row._asdict()
    k, c_v, u_mass, perplexity = row  # type: ignore[misc]
    return {"k": k, "c_v": c_v, "u_mass": u_mass, "perplexity": perplexity}


def _ldavis_html(fit_key: str, exploration: LdaExploration) -> str:
    from models.ldavis.html_page import ldavis_html

    key = f"html|{lda_explorer.model_key(fit_key, exploration)}"
    return result_cache.get_or_compute(key, lambda: ldavis_html(exploration.model))


def classic_tab(fit_key: str, exploration: LdaExploration) -> None:
    """pyLDAvis's own page, offline, inside an iframe (topic clicks work; see models.ldavis.html_page)."""
    st.caption(t("classic_help"))
    if exploration.model.n_topics < 2:
        st.info(t("classic_needs_two"))
        return
    st.session_state.setdefault(state.CLASSIC_SHOW, False)
    if not st.toggle(t("classic_show"), key=state.CLASSIC_SHOW):
        return
    try:
        page = _ldavis_html(fit_key, exploration)
    except InputError as err:
        st.error(message(err))
        return
    st.iframe(page, height=900)


def _share_link(exploration: LdaExploration) -> None:
    """A link that reproduces this view elsewhere (built-in samples), or why there is none (uploads)."""
    st.markdown(f"**{t('share_title')}**")
    if not share_view.is_shareable():
        st.caption(t("share_upload"))
        return
    st.code(share_view.link(share_view.link_params(exploration.options)), language=None, wrap_lines=True)
    st.caption(t("share_help"))


def downloads_tab(fit_key: str, exploration: LdaExploration, corpus: Corpus) -> None:
    """Topic-term table, document-topic table, topic names, the offline LDAvis page and the CLI's JSON."""
    from models.lda.report import lda_report

    model, vis = exploration.model, exploration.vis
    pictures = {t("export_map"): "map", t("export_bars"): "bars"}
    slide_export.export_panel(
        {label: (lambda name=name: slide_export.remembered(name)) for label, name in pictures.items()},
        key="tl_export_lda",
    )
    _share_link(exploration)
    saved_models.download_section(corpus)  # the .topiclens file: what a link cannot carry (uploads, merges, names)
    names = topic_names.names(fit_key, vis)
    topic_cols = [f"{names.get(k, '')} (id {k})" for k in range(model.n_topics)]
    st.markdown(f"**{t('dl_topic_term')}**")
    phi = pd.DataFrame(model.phi.T, index=list(model.vocab), columns=topic_cols)
    phi.index.name = t("col_term")
    csv_download(phi.reset_index(), "topic-term.csv", key="tl_dl_phi")
    st.markdown(f"**{t('dl_doc_topic')}**")
    theta = with_identity(corpus, pd.DataFrame(model.theta, columns=topic_cols))
    csv_download(theta, "document-topic.csv", key="tl_dl_theta")
    st.markdown(f"**{t('dl_names')}**")
    name_table = pd.DataFrame(
        {
            "topic_id": list(range(model.n_topics)),
            "rank": [int(vis.ranks[k]) for k in range(model.n_topics)],
            "name": [names.get(k, "") for k in range(model.n_topics)],
        }
    )
    csv_download(name_table, "topic-names.csv", key="tl_dl_names")
    st.markdown(f"**{t('dl_json')}**")
    st.download_button(
        t("download_json"),
        data=lambda: json.dumps(lda_report(exploration, names), ensure_ascii=False, indent=2).encode("utf-8"),
        file_name="topiclens-lda.json",
        mime="application/json",
        key="tl_dl_json",
        on_click="ignore",
    )
    st.markdown(f"**{t('dl_html')}**")
    if model.n_topics >= 2:
        st.download_button(
            t("download_html"),
            data=lambda: _ldavis_html(fit_key, exploration).encode("utf-8"),
            file_name="topiclens-ldavis.html",
            mime="text/html",
            key="tl_dl_html",
            on_click="ignore",
        )
    else:
        st.caption(t("classic_needs_two"))
