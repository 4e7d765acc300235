"""The LDA page's "Which K?" tab: topic genealogy across K as a Sankey diagram, scores per K (coherence,
perplexity, stability, new themes), and the stability of the current fit's topics across seeds.

Fits run in worker processes (``app.which_k_tasks``) with progress and Cancel and are cached by options and K; a
topic picked in the diagram opens that K's model (already fitted) on the map with the topic selected.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import corpus_source, job_ui, result_cache, state, which_k_tasks
from app.i18n import lang, message, t
from app.model_controls import FitSpec
from app.plain_text import plotly_text
from app.widgets import csv_download
from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.explore import LdaExploration, quality_of
from models.lda.k_sweep import KSweep
from models.lda.options import LdaOptions
from models.lda.quality import MAX_SWEEP_FITS, MAX_SWEEP_K, top_terms
from models.lda.stability import Stability
from models.lda.topic_model import TopicModel
from models.ldavis.vis_data import prepare_vis

__all__ = ["adopt_seed_names", "sankey_figure", "stability_of_fit", "which_k_tab"]

PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363",
)  # fmt: skip
MIN_LINK_SHARE = 0.05  # flows below this share of their source topic's tokens are not drawn
UNSTABLE_BELOW = 0.5  # topics that come back in fewer runs than this are flagged
_STABILITY_KEYS = "_tl_stability_keys"  # {fit key: result-cache key of its stability runs}
_SWEEP_KEYS = "_tl_which_k_keys"  # {fit key: result-cache key of the latest genealogy drawn for it}


# --- pure helpers (no Streamlit) ---------------------------------------------------------------------------------


def lineage_colour(lineage: int, alpha: float = 1.0) -> str:
    """A colour per lineage, stable across K (the palette repeats after 20 lineages)."""
    h = PALETTE[int(lineage) % len(PALETTE)].lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def node_layout(sweep: KSweep) -> tuple[list[tuple[int, int]], np.ndarray, np.ndarray]:
    """Nodes (K, topic) column by column, and their x and y (centres in [0, 1]).

    Within a column topics are ordered by their parent's place in the previous column (children next to their
    parent, new themes last) and stacked by their share of tokens, so bands cross as little as possible.
    """
    family = sweep.genealogy
    ks = family.ks
    nodes: list[tuple[int, int]] = []
    xs, ys = [], []
    place: dict[tuple[int, int], float] = {}
    for col, k in enumerate(ks):
        share = _shares(family.models[k])
        if col == 0:
            order = list(np.argsort(-share, kind="stable"))
        else:
            prev = ks[col - 1]
            parent = family.parents[k]
            key = [place.get((prev, int(p)), 2.0) if p >= 0 else 2.0 for p in parent]
            order = sorted(range(k), key=lambda j: (key[j], -share[j]))
        gap = 0.02 if k > 1 else 0.0
        scale = (0.96 - gap * (k - 1)) / max(share.sum(), 1e-12)
        y = 0.02
        for j in order:
            height = share[j] * scale
            nodes.append((k, int(j)))
            xs.append(0.01 + 0.98 * col / max(len(ks) - 1, 1))
            ys.append(y + height / 2)
            place[(k, int(j))] = y + height / 2
            y += height + gap
    return nodes, np.array(xs), np.array(ys)


def _shares(model: TopicModel) -> np.ndarray:
    mass = (model.theta * model.doc_lengths[:, None]).sum(axis=0)
    return mass / max(mass.sum(), 1e-12)


def sankey_figure(sweep: KSweep, names: dict[int, dict[int, str]] | None = None, n_terms: int = 3) -> go.Figure:
    """The genealogy as a Sankey diagram: a column per K, a node per topic (labelled by ``names[K][topic]`` or its
    top terms), bands sized by shared tokens, coloured by lineage. ``customdata`` of node i is
    ``[K, topic, hover text]``."""
    family = sweep.genealogy
    names = names or {}
    nodes, xs, ys = node_layout(sweep)
    index = {node: i for i, node in enumerate(nodes)}
    terms = {k: top_terms(family.models[k], 8) for k in family.ks}
    labels, hover, colours = [], [], []
    for k, j in nodes:
        given = names.get(k, {}).get(j)
        labels.append(plotly_text(given or " ".join(terms[k][j][:n_terms])))
        share = 100 * _shares(family.models[k])[j]
        text = t("which_k_node_hover", k=k, topic=j, terms=plotly_text(" ".join(terms[k][j])), share=share)
        hover.append((f"<b>{plotly_text(given)}</b><br>" if given else "") + text)
        colours.append(lineage_colour(family.lineage[k][j]))
    source, target, value, link_colour = [], [], [], []
    for k in family.ks[1:]:
        for link in family.links(k, min_share=MIN_LINK_SHARE):
            a, b = index[(link.k_from, link.source)], index[(link.k_to, link.target)]
            source.append(a)
            target.append(b)
            value.append(link.weight)
            link_colour.append(lineage_colour(family.lineage[link.k_from][link.source], 0.35))
    fig = go.Figure(
        go.Sankey(
            arrangement="fixed",
            node={
                "label": labels,
                "x": xs.tolist(),
                "y": ys.tolist(),
                "pad": 6,
                "thickness": 14,
                "color": colours,
                "customdata": [[k, j, h] for (k, j), h in zip(nodes, hover, strict=True)],
                "hoverinfo": "skip",
            },
            link={"source": source, "target": target, "value": value, "color": link_colour, "hoverinfo": "skip"},
        )
    )
    # Plotly reports no selection for Sankey nodes: one invisible point per node centre, on axes that span the
    # Sankey's own area, takes the click (Plotly gives it to the nearest point) and names the node in customdata
    fig.add_trace(
        go.Scatter(
            x=xs, y=ys, mode="markers", customdata=[[k, j] for k, j in nodes], hovertext=hover, name="nodes",
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"size": 14, "color": "rgba(0, 0, 0, 0)"}, showlegend=False,
        )
    )  # fmt: skip
    n_cols = len(family.ks)
    annotations = [
        {"x": 0.01 + 0.98 * c / max(n_cols - 1, 1), "y": -0.01, "xref": "paper", "yref": "paper", "yanchor": "top",
         "xanchor": "left" if c == 0 else "right" if c == n_cols - 1 else "center",
         "text": f"K={k}", "showarrow": False, "font": {"size": 11}}
        for c, k in enumerate(family.ks)
    ]  # fmt: skip
    fig.update_layout(
        height=max(420, 22 * max(family.ks)),
        margin={"l": 10, "r": 10, "t": 10, "b": 30},
        annotations=annotations,
        font={"size": 11},
        xaxis={"range": [0, 1], "visible": False, "fixedrange": True},
        yaxis={"range": [1, 0], "visible": False, "fixedrange": True},
        plot_bgcolor="rgba(0,0,0,0)",
        hovermode="closest",
        clickmode="event+select",
        dragmode=False,
    )
    return fig


def _add_stability_and_new_themes(fig: go.Figure, rows) -> None:
    """Mean stability per K (when measured) on the figure's y axis, and the new themes per K as bars on a third axis
    whose range keeps them in the lower third."""
    ks = [r.k for r in rows]
    if any(r.stability is not None for r in rows):
        fig.add_trace(go.Scatter(x=ks, y=[r.stability for r in rows], mode="lines+markers", name=t("col_stability")))
    fig.add_trace(go.Bar(x=ks, y=[r.new_themes for r in rows], name=t("col_new_themes"), yaxis="y3", opacity=0.35))
    fig.update_layout(
        yaxis3={
            "overlaying": "y",
            "side": "right",
            "position": 1.0,
            "showgrid": False,
            "title": t("col_new_themes"),
            "range": [0, 3 * max([r.new_themes for r in rows] + [1])],
        }
    )


def curves_figure(sweep: KSweep) -> go.Figure:
    """Coherence (c_v), perplexity, mean stability and new themes against K, on two y axes."""
    rows = sweep.rows
    ks = [r.k for r in rows]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=ks, y=[r.c_v for r in rows], mode="lines+markers", name="c_v"))
    _add_stability_and_new_themes(fig, rows)
    fig.add_trace(
        go.Scatter(x=ks, y=[r.perplexity for r in rows], mode="lines+markers", name=t("perplexity"), yaxis="y2",
                   line={"dash": "dot"})
    )  # fmt: skip
    fig.update_layout(
        height=340,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"title": "K", "domain": [0.0, 0.92]},
        yaxis={"title": "c_v · " + t("col_stability"), "range": [0, 1.05]},
        yaxis2={"title": t("perplexity"), "overlaying": "y", "side": "right"},
        plot_bgcolor="white",
        legend={"orientation": "h"},
    )
    return fig


def exploration_of(model: TopicModel, options: LdaOptions, corpus: Corpus) -> LdaExploration:
    """What the explorer shows for a model fitted elsewhere (a genealogy's K, a stability run): no refit."""
    vis = prepare_vis(model, layout="pcoa", R=30, seed=options.seed)
    return LdaExploration(model=model, vis=vis, quality=quality_of(model, corpus), options=options, seconds=0.0)


# --- the tab -----------------------------------------------------------------------------------------------------


def which_k_tab(spec: FitSpec, exploration: LdaExploration, corpus: Corpus) -> None:
    """Draw the tab: range and runs, the genealogy job, the Sankey, the node picker, the curves, stability."""
    st.caption(t("which_k_intro"))
    ss = st.session_state
    k_max_allowed = max(2, min(MAX_SWEEP_K, corpus.n_documents, corpus.vocab_size))
    ss[state.WHICH_K_FROM] = min(int(ss.get(state.WHICH_K_FROM, 2)), k_max_allowed)
    ss[state.WHICH_K_TO] = min(int(ss.get(state.WHICH_K_TO, min(10, k_max_allowed))), k_max_allowed)
    ss.setdefault(state.WHICH_K_STEP, 1)
    ss.setdefault(state.WHICH_K_RUNS, 1)
    a, b, c, d, e = st.columns([1, 1, 1, 1.3, 1.3], vertical_alignment="bottom")
    k_from = a.number_input(t("k_from"), min_value=2, max_value=k_max_allowed, key=state.WHICH_K_FROM)
    k_to = b.number_input(t("k_to"), min_value=2, max_value=k_max_allowed, key=state.WHICH_K_TO)
    k_step = c.number_input(t("k_step"), min_value=1, max_value=20, key=state.WHICH_K_STEP)
    runs = d.number_input(t("which_k_runs"), min_value=1, max_value=5, key=state.WHICH_K_RUNS,
                          help=t("which_k_runs_help"))  # fmt: skip
    ks = tuple(range(int(k_from), int(k_to) + 1, int(k_step)))
    too_many = len(ks) > MAX_SWEEP_FITS
    run = e.button(t("which_k_run"), key="tl_which_k_run", type="primary", disabled=too_many or len(ks) < 2)
    if too_many:
        st.warning(message(InputError("choose_k_too_many", count=len(ks), limit=MAX_SWEEP_FITS)))
    options = dataclasses.replace(spec.lda, n_topics=ks[0] if ks else 2)
    key = f"which_k|{spec.corpus_key}|{options!r}|{ks}|{int(runs)}"
    sweep = _job_result(
        key, start=run, label=t("which_k_running", ks=f"{ks[0]}..{ks[-1]}" if ks else ""),
        cancel_key=state.CANCEL_WHICH_K, cancelled=t("which_k_cancelled"),
        submit=lambda: (which_k_tasks.genealogy_sweep,
                        (corpus_source.job_source(spec.corpus_key, corpus), options, ks, int(runs))),
    ) if len(ks) >= 2 else None  # fmt: skip
    if sweep is not None:
        ss.setdefault(_SWEEP_KEYS, {})[spec.key] = key
        _draw_sweep(spec, sweep, corpus, key)
    st.divider()
    stability_section(spec, exploration, corpus)


def _draw_sweep(spec: FitSpec, sweep: KSweep, corpus: Corpus, key: str) -> None:
    family = sweep.genealogy
    names = {k: _names_for(_spec_at(spec, k)) for k in family.ks}
    for k in family.ks:  # seeded topics are named by their seeds
        for topic, name in family.models[k].params.get("topic_names", {}).items():
            names[k].setdefault(int(topic), name)
    st.markdown(f"**{t('which_k_sankey_title')}**")
    # the Sankey's boxes and bands let clicks through to the invisible points over the boxes (see sankey_figure)
    st.html(
        "<style>[data-testid=stPlotlyChart] .sankey *, [data-testid=stPlotlyChart] .bgsankey"
        " {pointer-events: none !important;}</style>"
    )
    chart_key = f"tl_which_k_sankey|{key}"
    st.plotly_chart(
        sankey_figure(sweep, names), key=chart_key, on_select=lambda: _on_node_click(spec, key, chart_key, corpus),
        selection_mode="points",
    )  # fmt: skip
    st.markdown(f"**{t('which_k_open')}**")
    st.caption(t("which_k_click_hint"))
    ss = st.session_state
    if ss.get(state.WHICH_K_PICK_K) not in family.ks:
        ss[state.WHICH_K_PICK_K] = family.ks[-1]
    a, b, c = st.columns([1, 3, 1.4], vertical_alignment="bottom")
    k = a.selectbox(t("which_k_pick_k"), family.ks, key=state.WHICH_K_PICK_K)
    terms = top_terms(family.models[k], 5)
    if ss.get(state.WHICH_K_PICK_TOPIC) not in range(k):
        ss[state.WHICH_K_PICK_TOPIC] = 0
    topic = b.selectbox(
        t("which_k_pick_topic"), list(range(k)), key=state.WHICH_K_PICK_TOPIC,
        format_func=lambda j: f"id {j}: " + (names[k].get(j) or " ".join(terms[j])),
    )  # fmt: skip
    c.button(t("which_k_open_button"), key="tl_which_k_open", on_click=_open_topic,
             args=(spec, key, int(k), int(topic), corpus), width="stretch")  # fmt: skip
    st.markdown(f"**{t('which_k_curves')}**")
    st.caption(t("which_k_curves_help"))
    st.plotly_chart(curves_figure(sweep), key=f"tl_which_k_curves|{key}")
    frame = pd.DataFrame(
        {
            t("col_k"): [r.k for r in sweep.rows],
            "c_v": [round(r.c_v, 4) for r in sweep.rows],
            "u_mass": [round(r.u_mass, 4) for r in sweep.rows],
            t("perplexity"): [round(r.perplexity, 1) for r in sweep.rows],
            t("col_stability"): [None if r.stability is None else round(r.stability, 3) for r in sweep.rows],
            t("col_new_themes"): [r.new_themes for r in sweep.rows],
        }
    )
    st.dataframe(frame, hide_index=True)
    csv_download(frame, "which-k.csv", key="tl_dl_which_k")


def _names_for(spec: FitSpec) -> dict[int, str]:
    return dict(st.session_state.get(state.TOPIC_NAMES, {}).get(spec.key, {}))


def _spec_at(spec: FitSpec, k: int, seed: int | None = None) -> FitSpec:
    lda = dataclasses.replace(spec.lda, n_topics=int(k), seed=spec.lda.seed if seed is None else int(seed))
    return dataclasses.replace(spec, lda=lda, stopped_at=None)


def _on_node_click(spec: FitSpec, key: str, chart_key: str, corpus: Corpus) -> None:
    """A click on a Sankey node (when the browser reports it): open that K's model with the topic selected."""
    event = st.session_state.get(chart_key) or {}
    points = (event.get("selection") or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list | tuple) and len(data) >= 2:
            _open_topic(spec, key, int(data[0]), int(data[1]), corpus)
            return


def _open_topic(spec: FitSpec, key: str, k: int, topic: int, corpus: Corpus) -> None:
    """Make K's model (from the genealogy, no refit) this session's fit and select ``topic`` on the map."""
    sweep: KSweep | None = result_cache.get(key)
    if sweep is None or k not in sweep.genealogy.models:
        return
    _show_model(_spec_at(spec, k), sweep.genealogy.models[k], corpus, topic)


def _show_model(target: FitSpec, model: TopicModel, corpus: Corpus, topic: int | None) -> None:
    """(A callback.) Cache ``model`` as ``target``'s fit, make it current, set the sidebar to it and open the map."""
    if result_cache.get(target.key) is None:
        result_cache.put(target.key, exploration_of(model, target.lda, corpus))
    ss = st.session_state
    ss[state.LDA_KEY] = target
    ss[state.N_TOPICS] = target.lda.n_topics  # the sidebar describes the model shown (a callback may set it)
    ss[state.SEED] = target.lda.seed
    ss[state.EXPLORED_FIT] = target.key
    ss[state.SELECTED_TOPIC] = topic
    ss[state.SELECTED_TERM] = ""
    ss.pop(state.OPEN_DOCUMENT, None)
    ss[state.LDA_TAB_OPEN] = "explore"
    ss[f"{state.LDA_TAB}|{lang()}"] = t("tab_explore")


def _job_result(key: str, *, start: bool, label: str, cancel_key: str, cancelled: str, submit) -> object | None:
    """A cached result, or the job's (started now when ``start``, else re-attached if running)."""
    value = result_cache.get(key)
    if value is not None:
        return value
    job = job_ui.running(key)
    if job is not None and st.session_state.get(cancel_key):
        job_ui.release(key)
        st.info(cancelled)
        return None
    if job is None:
        if not start:
            return None
        fn, args = submit()
        job = job_ui.submit(key, fn, args, "which_k")
    job_ui.wait(job, label=label, cancel_key=cancel_key, detail=lambda p: f"{p[0]}/{p[1]}")
    try:
        value = job_ui.outcome(job, "sweep")
    except InputError as err:
        if isinstance(err, job_ui.JobProblem) and err.reason == "cancelled":
            st.info(cancelled)
        else:
            st.error(message(err))
        return None
    finally:
        job_ui.release(key)
    result_cache.put(key, value)
    return value


# --- stability of the current fit -------------------------------------------------------------------------------


def stability_section(spec: FitSpec, exploration: LdaExploration, corpus: Corpus) -> None:
    """R more runs of this fit (seeds seed+1, ...): per topic the share of runs it comes back in, its stable words,
    and any run one click away."""
    st.markdown(f"**{t('stability_header')}**")
    st.caption(t("stability_help"))
    ss = st.session_state
    ss.setdefault(state.STABILITY_RUNS, 3)
    a, b = st.columns([1, 1.4], vertical_alignment="bottom")
    runs = int(a.number_input(t("stability_runs"), min_value=1, max_value=10, key=state.STABILITY_RUNS))
    run = b.button(t("stability_run"), key="tl_stability_run")
    key = f"stability|{spec.key}|{runs}"
    result = _job_result(
        key, start=run, label=t("stability_running", runs=runs), cancel_key=state.CANCEL_STABILITY,
        cancelled=t("stability_cancelled"),
        submit=lambda: (which_k_tasks.stability_runs,
                        (corpus_source.job_source(spec.corpus_key, corpus), spec.lda, exploration.model, runs)),
    )  # fmt: skip
    if result is None:
        return
    ss.setdefault(_STABILITY_KEYS, {})[spec.key] = key
    stab, models = result
    st.caption(t("stability_mean", value=stab.mean, runs=len(models)))
    vis = exploration.vis
    names = {**_names_for(spec)}
    frame = pd.DataFrame(
        {
            t("col_rank"): [int(vis.ranks[k]) for k in range(vis.n_topics)],
            t("col_topic_id"): list(range(vis.n_topics)),
            t("col_topic_name"): [names.get(k, "") for k in range(vis.n_topics)],
            t("col_stability"): np.round(stab.per_topic, 3),
            t("col_stable_words"): [" ".join(words) for words in stab.stable_words],
            t("col_similarity"): [" ".join(f"{s:.2f}" for s in stab.similarity[:, k]) for k in range(vis.n_topics)],
        }
    ).sort_values(t("col_rank"))
    st.dataframe(frame, hide_index=True)
    c, d = st.columns([1, 1.4], vertical_alignment="bottom")
    seed = c.selectbox(t("stability_show_run"), stab.seeds, key="tl_stability_pick_run")
    d.button(t("stability_open_run"), key="tl_stability_open_run", on_click=_show_model,
             args=(_spec_at(spec, spec.lda.n_topics, seed), models[stab.seeds.index(seed)], corpus, None))  # fmt: skip


def add_curves(fig: go.Figure, fit_key: str) -> None:
    """Add mean stability and new themes per K (from this fit's latest genealogy, if any) to the quality tab's
    choose-K chart (its y axis: c_v; the new themes as bars on a third axis)."""
    key = st.session_state.get(_SWEEP_KEYS, {}).get(fit_key)
    sweep: KSweep | None = result_cache.get(key) if key else None
    if sweep is None:
        return
    _add_stability_and_new_themes(fig, sweep.rows)
    fig.update_layout(xaxis={"domain": [0.0, 0.9]})


def stability_of_fit(fit_key: str) -> Stability | None:
    """The stability measured in this session for fit ``fit_key`` (for the map's marks), or None."""
    key = st.session_state.get(_STABILITY_KEYS, {}).get(fit_key)
    result = result_cache.get(key) if key else None
    return result[0] if result is not None else None


def unstable_note(fit_key: str, topic: int | None) -> str:
    """ " ⚠ unstable ..." for the bars' title when ``topic`` of this fit came back in under half the runs."""
    stab = stability_of_fit(fit_key)
    if stab is None or topic is None or not 0 <= topic < len(stab.per_topic):
        return ""
    share = float(stab.per_topic[topic])
    return " " + t("unstable_flag", share=share) if share < UNSTABLE_BELOW else ""


def adopt_seed_names(fit_key: str, exploration: LdaExploration) -> None:
    """Seeded topics carry their seeds' names: store them as the fit's names unless the user renamed them."""
    seeded: dict[int, str] = exploration.model.params.get("topic_names", {})
    if seeded:
        given = st.session_state.setdefault(state.TOPIC_NAMES, {}).setdefault(fit_key, {})
        for topic, name in seeded.items():
            given.setdefault(int(topic), name)


def stability_marks(fit_key: str, n_topics: int) -> Sequence[float] | None:
    """Per-topic stability for the map's circles, or None when not measured (or for another K)."""
    stab = stability_of_fit(fit_key)
    return None if stab is None or len(stab.per_topic) != n_topics else stab.per_topic
