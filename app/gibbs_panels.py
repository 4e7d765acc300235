"""Drawing the Gibbs classroom: lecture-style tables, the full conditional, step panels, estimates, the story."""

from __future__ import annotations

import numpy as np
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from app import charts, gibbs_tables, state
from app.i18n import t
from app.plain_text import plain, plotly_text
from models.gibbs import ClassroomSampler, StepRecord, TokenConditional

WIDE = 40  # above this many tokens, the assignment table shows only the current document
MAX_WORD_COLUMNS = 16


def topic_names(k: int) -> list[str]:
    return [f"topic{i + 1}" for i in range(k)]


def _word_columns(sampler: ClassroomSampler, must: int | None) -> list[int]:
    if sampler.n_terms <= MAX_WORD_COLUMNS:
        return list(range(sampler.n_terms))
    counts = sampler.nzw.sum(axis=0)
    top = [int(j) for j in np.argsort(-counts, kind="stable")[: MAX_WORD_COLUMNS - 1]]
    if must is not None and must not in top:
        top.append(must)
    return sorted(top)


def assignments(
    sampler: ClassroomSampler,
    current: tuple[int, int] | None,
    colour: str,
    text: str | None = None,
    topics: list | None = None,
) -> None:
    topics = topics if topics is not None else [list(z) for z in sampler.assignments]
    docs = list(range(sampler.n_docs))
    if sampler.n_tokens > WIDE and current is not None:
        docs = [current[0]]
        st.caption(t("gibbs_one_document"))
    labels = (t("gibbs_word"), t("gibbs_topic"), t("gibbs_unassigned"))
    st.html(
        gibbs_tables.assignment_table(
            [sampler.documents[d] for d in docs],
            [sampler.doc_names[d] for d in docs],
            [topics[d] for d in docs],
            topic_names(sampler.n_topics),
            labels,
            current=(0, current[1])
            if (current is not None and len(docs) == 1 and sampler.n_tokens > WIDE)
            else current,
            current_colour=colour,
            current_text=text,
        )
    )


def count_tables(
    sampler: ClassroomSampler,
    doc_table: np.ndarray,
    word_table: np.ndarray,
    marks: dict[str, dict[tuple[int, int], str]],
    word_id: int | None,
) -> None:
    names = topic_names(sampler.n_topics)
    cols = _word_columns(sampler, word_id)
    left, right = st.columns([1, 2])
    with left:
        st.markdown(f"**{t('gibbs_topic_document')}** (n + α)")
        st.html(
            gibbs_tables.count_table(
                doc_table,
                names,
                list(sampler.doc_names),
                t("gibbs_corner_td"),
                gibbs_tables.decimals_for(sampler.alpha),
                marks.get("doc"),
            )
        )
    with right:
        st.markdown(f"**{t('gibbs_topic_word')}** (n + β)")
        word_marks = {(r, cols.index(c)): colour for (r, c), colour in (marks.get("word") or {}).items() if c in cols}
        st.html(
            gibbs_tables.count_table(
                word_table[:, cols],
                names,
                [sampler.vocab[j] for j in cols],
                t("gibbs_corner_tw"),
                gibbs_tables.decimals_for(sampler.beta),
                word_marks,
            )
        )
        if len(cols) < sampler.n_terms:
            st.caption(t("gibbs_some_words", shown=len(cols), total=sampler.n_terms))


def conditional(cond: TokenConditional, drawn: int | None = None, u: float | None = None) -> None:
    st.latex(
        r"p(z_i = k \mid z_{-i}, w) \;\propto\; (n_{d,k} + \alpha)\cdot"
        r"\frac{n_{k,w} + \beta}{n_{k} + V\beta}"
    )
    v = cond.nzw.shape[1]
    rows = []
    names = topic_names(len(cond.probabilities))
    for k in range(len(cond.probabilities)):
        formula = (
            f"({cond.doc_factor[k] - cond.alpha:g} + {cond.alpha:g}) · ({cond.word_factor[k] - cond.beta:g}"
            f" + {cond.beta:g}) / ({cond.norm_factor[k] - v * cond.beta:g} + {v}·{cond.beta:g})"
        )
        rows.append(
            {
                t("gibbs_topic"): names[k],
                t("gibbs_formula"): formula,
                t("gibbs_weight"): f"{cond.weights[k]:.6g}",
                t("gibbs_probability"): f"{cond.probabilities[k]:.5f}",
            }
        )
    st.dataframe(rows, hide_index=True)
    colours = [charts.RED if k == drawn else charts.BLUE for k in range(len(names))]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=cond.probabilities,
            marker_color=colours,
            text=[f"{p:.5f}" for p in cond.probabilities],
            textposition="outside",
            hovertemplate="%{x}: %{y:.6f}<extra></extra>",
        )
    )
    fig.update_layout(
        height=260,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        yaxis={"range": [0, 1.15]},
        plot_bgcolor="white",
        title=t("gibbs_bar_title", word=plotly_text(cond.word)),
    )
    if u is not None:
        fig.add_annotation(
            x=0.99, y=1.08, xref="paper", yref="y", showarrow=False, xanchor="right", text=t("gibbs_u", u=u)
        )
    st.plotly_chart(fig, key=f"tl_gibbs_probs_{'drawn' if drawn is not None else 'peek'}")


def record_panels(sampler: ClassroomSampler, r: StepRecord) -> None:
    names = topic_names(sampler.n_topics)
    st.subheader(
        t(
            "gibbs_step_title",
            word=plain(r.word),
            doc=plain(sampler.doc_names[r.doc]),
            sweep=r.sweep + 1,
            position=r.position + 1,
            total=sampler.n_tokens,
        )
    )
    st.markdown(f"##### ① {t('gibbs_remove')}")
    st.caption(t("gibbs_remove_help", word=plain(r.word), old=names[r.old_topic]))
    before = [list(z) for z in sampler.assignments]
    before[r.doc][r.index] = -1
    assignments(sampler, (r.doc, r.index), gibbs_tables.REMOVED, t("gibbs_unassigned"), topics=before)
    count_tables(
        sampler,
        r.topic_document_table,
        r.topic_word_table,
        {"doc": {(r.old_topic, r.doc): gibbs_tables.REMOVED}, "word": {(r.old_topic, r.word_id): gibbs_tables.REMOVED}},
        r.word_id,
    )
    st.markdown(f"##### ② {t('gibbs_conditional')}")
    conditional(r, drawn=r.new_topic, u=r.u)
    st.markdown(f"##### ③ {t('gibbs_draw')}")
    who = t("gibbs_by_user") if r.chosen_by == "user" else t("gibbs_by_sampler", u=r.u or 0.0)
    st.caption(t("gibbs_draw_help", word=plain(r.word), new=names[r.new_topic], who=who))
    assignments(sampler, (r.doc, r.index), gibbs_tables.ADDED)
    count_tables(
        sampler,
        r.ndz_after.T + r.alpha,
        r.nzw_after + r.beta,
        {"doc": {(r.new_topic, r.doc): gibbs_tables.ADDED}, "word": {(r.new_topic, r.word_id): gibbs_tables.ADDED}},
        r.word_id,
    )


def state_panel(sampler: ClassroomSampler) -> None:
    st.subheader(t("gibbs_state_title"))
    doc, index = sampler.current_token
    st.caption(t("gibbs_next_help", word=plain(sampler.documents[doc][index]), doc=plain(sampler.doc_names[doc])))
    assignments(sampler, (doc, index), gibbs_tables.CURRENT)
    count_tables(sampler, sampler.topic_document_table, sampler.topic_word_table, {}, None)


def estimates(sampler: ClassroomSampler) -> None:
    a, b, c = st.columns([1.2, 1, 1])
    with a:
        chart = charts.trace(sampler.log_likelihood_trace, t("gibbs_ll_title"), t("gibbs_sweep"), height=280)
        st.plotly_chart(chart, key="tl_gibbs_ll")
    names = topic_names(sampler.n_topics)
    cols = _word_columns(sampler, None)
    with b:
        fig = px.imshow(
            sampler.phi[:, cols],
            x=[plotly_text(sampler.vocab[j]) for j in cols],
            y=names,
            zmin=0,
            zmax=1,
            color_continuous_scale="Blues",
            text_auto=".2f",
            aspect="auto",
        )
        fig.update_layout(
            height=280, margin={"l": 10, "r": 10, "t": 30, "b": 10}, title="φ = p(w | k)", coloraxis_showscale=False
        )
        st.plotly_chart(fig, key="tl_gibbs_phi")
    with c:
        docs = list(range(min(sampler.n_docs, 20)))
        fig = px.imshow(
            sampler.theta[docs].T,
            x=[plotly_text(sampler.doc_names[d]) for d in docs],
            y=names,
            zmin=0,
            zmax=1,
            color_continuous_scale="Reds",
            text_auto=".2f",
            aspect="auto",
        )
        fig.update_layout(
            height=280, margin={"l": 10, "r": 10, "t": 30, "b": 10}, title="θ = p(k | d)", coloraxis_showscale=False
        )
        st.plotly_chart(fig, key="tl_gibbs_theta")


def story(sampler: ClassroomSampler) -> None:
    st.caption(t("gibbs_story_help"))
    a, b, c = st.columns([1, 1, 1])
    a.number_input(t("gibbs_story_length"), min_value=1, max_value=50, key=state.GIBBS_STORY_LENGTH)
    b.number_input(t("seed"), min_value=0, max_value=10_000, key=state.GIBBS_STORY_SEED)
    if c.button(t("gibbs_story_go"), key="tl_gibbs_story_go"):
        st.session_state[state.GIBBS_STORY] = sampler.generate_document(
            int(st.session_state[state.GIBBS_STORY_LENGTH]), int(st.session_state[state.GIBBS_STORY_SEED])
        )
    story = st.session_state.get(state.GIBBS_STORY)
    if story is None:
        return
    names = topic_names(sampler.n_topics)
    colours = charts.topic_colours(sampler.n_topics)
    st.markdown(
        t("gibbs_story_theta") + " " + ", ".join(f"{names[k]} {story.theta[k]:.2f}" for k in range(sampler.n_topics))
    )
    st.dataframe(
        [{"#": i + 1, t("gibbs_topic"): names[k], t("gibbs_word"): w} for i, (k, w) in enumerate(story.steps)],
        hide_index=True,
    )
    text = " ".join(story.words)
    spans, pos = [], 0
    for i, w in enumerate(story.words):
        spans.append((pos, pos + len(w), i))
        pos += len(w) + 1
    st.html(charts.coloured_text(text, spans, list(story.topics), colours, names))
