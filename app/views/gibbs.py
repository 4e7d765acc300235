"""Gibbs classroom: collapsed Gibbs sampling for LDA one token at a time, on the lecture's example or a small corpus."""

from __future__ import annotations

import time

import streamlit as st

from app import charts, gibbs_panels, slide_export, state
from app.i18n import formatter, message, t
from app.plain_text import plain
from app.session import current_corpus
from models.corpus.samples import gibbs_example
from models.errors import InputError
from models.lda.gibbs import ClassroomSampler

MAX_TOKENS = 300  # a user's corpus is capped to this many tokens

ss = st.session_state


# --- building the sampler ------------------------------------------------------------------------------------------
def _config() -> tuple:
    return (
        ss[state.GIBBS_SOURCE],
        int(ss[state.GIBBS_K]),
        float(ss[state.GIBBS_ALPHA]),
        float(ss[state.GIBBS_BETA]),
        int(ss[state.GIBBS_SEED]),
        _corpus_key(),
    )


def _corpus_key() -> str | None:
    if ss.get(state.GIBBS_SOURCE) != "corpus":
        return None
    result = current_corpus()
    return result.request.key if result.request is not None and result.corpus is not None else None


def _build() -> None:
    """(Re)build the sampler from the settings; a problem becomes a message on the page."""
    ss.pop(state.GIBBS_NOTE, None)
    source, k, alpha, beta, seed, _ = _config()
    try:
        if source == "lecture":
            example = dict(gibbs_example(), alpha=alpha, beta=beta)
            sampler = ClassroomSampler.from_example(example, seed=seed)
        else:
            corpus = current_corpus().corpus
            if corpus is None:
                raise InputError("no_documents")
            documents, names, total = [], [], 0
            for d, doc in enumerate(corpus.documents):  # only the first documents' tokens are built
                if total >= MAX_TOKENS:
                    break
                kept = list(corpus.document_tokens(d)[: MAX_TOKENS - total])
                documents.append(kept)
                names.append(doc.name)
                total += len(kept)
            if total < corpus.n_tokens:
                ss[state.GIBBS_NOTE] = t("gibbs_capped", kept=total, total=corpus.n_tokens, docs=len(documents))
            sampler = ClassroomSampler.random(documents, n_topics=k, alpha=alpha, beta=beta, seed=seed, doc_names=names)
    except InputError as err:
        ss[state.GIBBS_NOTE] = ("error", message(err))
        ss.pop(state.GIBBS, None)
        return
    ss[state.GIBBS] = sampler
    ss[state.GIBBS_CONFIG] = _config()
    ss.pop(state.GIBBS_STORY, None)


def _defaults() -> None:
    example = gibbs_example()
    ss.setdefault(state.GIBBS_SOURCE, "lecture")
    ss.setdefault(state.GIBBS_K, int(example["n_topics"]))
    ss.setdefault(state.GIBBS_ALPHA, float(example["alpha"]))
    ss.setdefault(state.GIBBS_BETA, float(example["beta"]))
    ss.setdefault(state.GIBBS_SEED, 0)
    ss.setdefault(state.GIBBS_SWEEPS, 5)
    ss.setdefault(state.GIBBS_SPEED, 0.3)
    ss.setdefault(state.GIBBS_STORY_LENGTH, 8)
    ss.setdefault(state.GIBBS_STORY_SEED, 0)


# --- actions (callbacks run before the page is drawn) -------------------------------------------------------------
def _act(action: str, choice: int | None = None) -> None:
    sampler: ClassroomSampler = ss[state.GIBBS]
    if action == "step":
        sampler.step(choice)
    elif action == "undo":
        sampler.undo()
    elif action == "sweep":
        sampler.finish_sweep()
    elif action == "reset":
        sampler.reset()
    ss.pop(state.GIBBS_STORY, None)


# --- the page ------------------------------------------------------------------------------------------------------
_defaults()
st.title(t("page_gibbs"))
st.caption(t("gibbs_intro"))
with st.expander(t("gibbs_setup"), expanded=False):
    st.radio(
        t("gibbs_source"),
        ("lecture", "corpus"),
        key=state.GIBBS_SOURCE,
        horizontal=True,
        format_func=formatter("gibbs_source_"),
    )
    lecture = ss[state.GIBBS_SOURCE] == "lecture"
    c1, c2, c3, c4 = st.columns(4)
    if lecture:
        ss[state.GIBBS_K] = int(gibbs_example()["n_topics"])
    c1.number_input(
        t("n_topics"),
        min_value=2,
        max_value=10,
        key=state.GIBBS_K,
        disabled=lecture,
        help=t("gibbs_k_lecture") if lecture else None,
    )
    c2.number_input("α", min_value=0.0001, max_value=10.0, step=0.01, format="%.4f", key=state.GIBBS_ALPHA)
    c3.number_input("β", min_value=0.0001, max_value=10.0, step=0.001, format="%.4f", key=state.GIBBS_BETA)
    c4.number_input(t("seed"), min_value=0, max_value=1_000_000, key=state.GIBBS_SEED)
    st.button(t("gibbs_apply"), key="tl_gibbs_apply", on_click=_build, type="primary")
if state.GIBBS not in ss or (
    ss.get(state.GIBBS_CONFIG) != _config()
    and ss[state.GIBBS_SOURCE] == "corpus"
    and ss.get(state.GIBBS_CONFIG, (None,))[0] == "corpus"
):
    _build()
note = ss.get(state.GIBBS_NOTE)
if isinstance(note, tuple):
    st.error(note[1])
    st.stop()
if note:
    st.info(note)
sampler: ClassroomSampler = ss[state.GIBBS]
if ss.get(state.GIBBS_CONFIG) != _config():
    st.caption(t("gibbs_settings_changed"))

doc, index = sampler.current_token
m = st.columns([0.7, 1, 1.2, 1.6])
m[0].metric(t("gibbs_sweep_metric"), sampler.sweep + 1)
m[1].metric(t("gibbs_position"), f"{sampler.position + 1} / {sampler.n_tokens}")
m[2].metric("log p(w, z)", f"{sampler.log_likelihood:.3f}")
# The word as the value (large), its document in the label (small), so neither is cut off at 1280 px.
m[3].metric(t("gibbs_next_in", doc=plain(sampler.doc_names[doc])), plain(sampler.documents[doc][index]))

b = st.columns([1.15, 1.45, 1.15, 0.75, 1.2, 0.8])
b[0].button(t("gibbs_step"), key="tl_gibbs_step", on_click=_act, args=("step",), type="primary", width="stretch")
b[1].button(
    t("gibbs_undo"), key="tl_gibbs_undo", on_click=_act, args=("undo",), disabled=not sampler.can_undo, width="stretch"
)
b[2].button(t("gibbs_finish"), key="tl_gibbs_finish", on_click=_act, args=("sweep",), width="stretch")
b[3].number_input(t("gibbs_n"), min_value=1, max_value=500, key=state.GIBBS_SWEEPS, label_visibility="collapsed")
run = b[4].button(t("gibbs_run"), key="tl_gibbs_run", width="stretch")
b[5].button(t("gibbs_reset"), key="tl_gibbs_reset", on_click=_act, args=("reset",), width="stretch")
st.slider(t("gibbs_speed"), min_value=0.0, max_value=1.0, step=0.05, key=state.GIBBS_SPEED, help=t("gibbs_speed_help"))

if run:
    n = int(ss[state.GIBBS_SWEEPS])
    bar = st.progress(0.0)
    live = st.empty()
    for i in range(n):
        sampler.run_sweeps(1)
        bar.progress((i + 1) / n, text=t("gibbs_running", i=i + 1, n=n, ll=sampler.log_likelihood))
        with live.container():
            st.plotly_chart(
                charts.trace(sampler.log_likelihood_trace, "", t("gibbs_sweep"), height=240), key=f"tl_gibbs_live_{i}"
            )
        if ss[state.GIBBS_SPEED] > 0:
            time.sleep(float(ss[state.GIBBS_SPEED]))
    st.rerun()

record = sampler.last_record
if record is not None:
    gibbs_panels.record_panels(sampler, record)
else:
    gibbs_panels.state_panel(sampler)

# Keyed, so it stays open after each choice (each choice redraws the page with a new token).
with st.expander(t("gibbs_you"), expanded=False, key="tl_gibbs_you"):
    peek = sampler.peek()
    st.caption(t("gibbs_you_help", word=plain(peek.word), doc=plain(sampler.doc_names[peek.doc])))
    gibbs_panels.conditional(peek)
    choose = st.columns(sampler.n_topics)
    for k in range(sampler.n_topics):
        choose[k].button(
            t("gibbs_assign", topic=f"topic{k + 1}"),
            key=f"tl_gibbs_choose_{k}",
            on_click=_act,
            args=("step", k),
            width="stretch",
        )

st.subheader(t("gibbs_estimates"))
gibbs_panels.estimates(sampler)
with st.expander(t("gibbs_story"), expanded=False):
    gibbs_panels.story(sampler)
slide_export.export_panel(
    {
        t("export_gibbs"): lambda: slide_export.matrix_figure(
            [
                (t("export_gibbs_doc"), sampler.ndz.T + sampler.alpha, gibbs_panels.topic_names(sampler.n_topics),
                 list(sampler.doc_names)),
                (t("export_gibbs_word"), sampler.nzw + sampler.beta, gibbs_panels.topic_names(sampler.n_topics),
                 list(sampler.vocab)),
            ],
            title=t("export_gibbs_title", sweep=sampler.sweep + 1),
        )
    },
    key="tl_export_gibbs",
)  # fmt: skip
