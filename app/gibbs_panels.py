"""Drawing the Gibbs classroom: lecture-style tables, the full conditional, step panels, estimates, the story."""

from __future__ import annotations

import numpy as np
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from app import charts, gibbs_tables, state
from app.i18n import t
from app.plain_text import plain, plotly_text
from models.lda.gibbs import ClassroomSampler, StepRecord, TokenConditional

WIDE = 40  # above this many tokens, the assignment table shows only a few tokens of the current document
MAX_TOKEN_COLUMNS = 10  # tokens shown then: the current one, two before it and the ones after
MAX_WORD_COLUMNS = 10  # columns of the topic-word table (the most frequent words and the current one)
MAX_DOC_COLUMNS = 5  # columns of the topic-document table (the current document and the next ones)
CHART_WIDTH = 300  # pixels of the conditional's bar chart
SHORT_NAME = 12  # longer document names are shown as d1, d2, ... in the topic-document table


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


def _doc_columns(sampler: ClassroomSampler, doc: int | None) -> list[int]:
    """Documents shown in the topic-document table: all, or the current one and the next few."""
    if sampler.n_docs <= MAX_DOC_COLUMNS:
        return list(range(sampler.n_docs))
    first = min(doc or 0, sampler.n_docs - MAX_DOC_COLUMNS)
    return list(range(first, first + MAX_DOC_COLUMNS))


def assignments(
    sampler: ClassroomSampler,
    current: tuple[int, int] | None,
    colour: str,
    text: str | None = None,
    topics: list | None = None,
) -> None:
    """The word / topic table: every document, or (beyond WIDE tokens) a few tokens around the current one."""
    topics = topics if topics is not None else [list(z) for z in sampler.assignments]
    labels = (t("gibbs_word"), t("gibbs_topic"), t("gibbs_unassigned"))
    if sampler.n_tokens > WIDE and current is not None:
        d, i = current
        length = len(sampler.documents[d])
        first = max(0, min(i - 2, length - MAX_TOKEN_COLUMNS))
        last = min(length, first + MAX_TOKEN_COLUMNS)
        st.caption(t("gibbs_token_window", first=first + 1, last=last, total=length))
        documents = [sampler.documents[d][first:last]]
        names = [sampler.doc_names[d]]
        shown_topics = [topics[d][first:last]]
        current = (0, i - first)
    else:
        documents = list(sampler.documents)
        names = list(sampler.doc_names)
        shown_topics = topics
    st.html(
        gibbs_tables.assignment_table(
            documents,
            names,
            shown_topics,
            topic_names(sampler.n_topics),
            labels,
            current=current,
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
    doc: int | None = None,
    texts: dict[str, dict[tuple[int, int], str]] | None = None,
) -> None:
    """The topic-document and topic-word tables side by side, each as wide as its number of columns.

    ``marks`` colours cells and ``texts`` replaces their numbers, both keyed "doc"/"word" and then by
    (topic, document) or (topic, word id).
    """
    names = topic_names(sampler.n_topics)
    cols = _word_columns(sampler, word_id)
    docs = _doc_columns(sampler, doc)
    texts = texts or {}
    # Long document names (file names) would make the table too wide: columns d1, d2, ... and a legend under it.
    short = all(len(sampler.doc_names[d]) <= SHORT_NAME for d in docs)
    doc_labels = [sampler.doc_names[d] if short else f"d{d + 1}" for d in docs]

    def shown(key: str, columns: list[int], table: dict | None) -> dict[tuple[int, int], str]:
        return {(r, columns.index(c)): v for (r, c), v in (table or {}).items() if c in columns}

    doc_digits, word_digits = gibbs_tables.decimals_for(sampler.alpha), gibbs_tables.decimals_for(sampler.beta)
    # Side by side where they fit (the lecture's at 1280 px), one under the other where they do not: never cut off.
    with st.container(horizontal=True, gap="medium"):
        st.html(
            gibbs_tables.count_table(
                doc_table[:, docs],
                names,
                doc_labels,
                t("gibbs_corner_td"),
                doc_digits,
                shown("doc", docs, marks.get("doc")),
                shown("doc", docs, texts.get("doc")),
                note="n + α",
            ),
            width="content",
        )
        st.html(
            gibbs_tables.count_table(
                word_table[:, cols],
                names,
                [sampler.vocab[j] for j in cols],
                t("gibbs_corner_tw"),
                word_digits,
                shown("word", cols, marks.get("word")),
                shown("word", cols, texts.get("word")),
                note="n + β",
            ),
            width="content",
        )
    notes = []
    if not short:
        notes.append(
            " · ".join(f"{label} = {plain(sampler.doc_names[d])}" for label, d in zip(doc_labels, docs, strict=True))
        )
    if len(docs) < sampler.n_docs:
        notes.append(t("gibbs_some_docs", shown=len(docs), total=sampler.n_docs))
    if len(cols) < sampler.n_terms:
        notes.append(t("gibbs_some_words", shown=len(cols), total=sampler.n_terms))
    if notes:
        st.caption("  \n".join(notes))


def conditional(cond: TokenConditional, drawn: int | None = None, u: float | None = None) -> None:
    """The full conditional with the numbers plugged in (a table) beside its bar chart."""
    # The formula table as wide as its text and the bars beside it; the bars go below when there is no room.
    with st.container(horizontal=True, gap="medium", vertical_alignment="bottom"):
        with st.container(width="content", gap="xsmall"):
            _conditional_table(cond)
        with st.container(width=CHART_WIDTH):
            _conditional_bars(cond, drawn, u)


def _conditional_table(cond: TokenConditional) -> None:
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
    st.dataframe(rows, hide_index=True, width="content")


def _conditional_bars(cond: TokenConditional, drawn: int | None, u: float | None) -> None:
    names = topic_names(len(cond.probabilities))
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
    title = t("gibbs_bar_title", word=plotly_text(cond.word))
    if u is not None:  # a second title line: an annotation inside the plot collided with a tall bar's value
        title += f"<br><sup>{t('gibbs_u', u=u)}</sup>"
    fig.update_layout(
        height=250,
        margin={"l": 10, "r": 10, "t": 50 if u is not None else 30, "b": 10},
        yaxis={"range": [0, 1.2]},
        plot_bgcolor="white",
        title=title,
    )
    st.plotly_chart(fig, key=f"tl_gibbs_probs_{'drawn' if drawn is not None else 'peek'}")


def _changed(before: float, after: float, digits: int) -> str:
    return f"{before:.{digits}f}→{after:.{digits}f}"


def _step_texts(r: StepRecord, kind: str, removed: np.ndarray, after: np.ndarray, digits: int) -> dict:
    """Cell texts of one count table for a step: ``before → after`` where the token's count left and came back."""
    col = r.doc if kind == "doc" else r.word_id
    old, new = (r.old_topic, col), (r.new_topic, col)
    if old == new:
        value = f"{removed[old] + 1:.{digits}f}→{removed[old]:.{digits}f}→{after[old]:.{digits}f}"
        return {old: value}
    return {old: _changed(removed[old] + 1, after[old], digits), new: _changed(removed[new], after[new], digits)}


def record_panels(sampler: ClassroomSampler, r: StepRecord) -> None:
    """One step on one screen: the assignments, both count tables (each changed count as before → after), and the
    full conditional with its bars. Red: the token's counts taken out (①); green: put back in the drawn topic (③)."""
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
    who = t("gibbs_by_user") if r.chosen_by == "user" else t("gibbs_by_sampler", u=r.u or 0.0)
    st.caption(t("gibbs_step_help", word=plain(r.word), old=names[r.old_topic], new=names[r.new_topic], who=who))
    assignments(sampler, (r.doc, r.index), gibbs_tables.ADDED, f"{names[r.old_topic]} → {names[r.new_topic]}")
    doc_removed, word_removed = r.topic_document_table, r.topic_word_table
    doc_after, word_after = r.ndz_after.T + r.alpha, r.nzw_after + r.beta
    da, db = gibbs_tables.decimals_for(sampler.alpha), gibbs_tables.decimals_for(sampler.beta)
    marks: dict[str, dict[tuple[int, int], str]] = {"doc": {}, "word": {}}
    for kind, col in (("doc", r.doc), ("word", r.word_id)):
        marks[kind][(r.old_topic, col)] = gibbs_tables.REMOVED
        marks[kind][(r.new_topic, col)] = gibbs_tables.ADDED if r.new_topic != r.old_topic else gibbs_tables.CURRENT
    texts = {
        "doc": _step_texts(r, "doc", doc_removed, doc_after, da),
        "word": _step_texts(r, "word", word_removed, word_after, db),
    }
    count_tables(sampler, doc_after, word_after, marks, r.word_id, r.doc, texts)
    conditional(r, drawn=r.new_topic, u=r.u)


def state_panel(sampler: ClassroomSampler) -> None:
    st.subheader(t("gibbs_state_title"))
    doc, index = sampler.current_token
    st.caption(t("gibbs_next_help", word=plain(sampler.documents[doc][index]), doc=plain(sampler.doc_names[doc])))
    assignments(sampler, (doc, index), gibbs_tables.CURRENT)
    count_tables(sampler, sampler.topic_document_table, sampler.topic_word_table, {}, None, doc)


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
