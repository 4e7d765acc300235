"""LDA page: the LDAvis view done natively (map, λ bars, term view, documents), quality, classic view, downloads."""

from __future__ import annotations

import streamlit as st

from app import fitting, lda_explorer, lda_tabs, state
from app.i18n import t
from app.session import fit_spec_now, pending
from app.widgets import require_corpus

st.title(t("page_lda"))
result, corpus = require_corpus()
fitting.show_message()
exploration = fitting.current("lda", result.request.key)
if exploration is None:
    if pending():
        st.stop()
    spec = fit_spec_now()
    if fitting.may_auto_fit(spec, "lda", corpus):
        fitting.schedule(spec)
        st.rerun()
    st.info(t("press_fit_lda"))
    st.stop()

spec = st.session_state[state.LDA_KEY]
st.caption(
    t(
        "lda_caption",
        engine=t(f"engine_{exploration.options.engine}"),
        k=exploration.model.n_topics,
        seconds=exploration.seconds,
        docs=corpus.n_documents,
        label=result.request.label,
    )
)
explore_tab, topics_tab, quality_tab, classic_tab, downloads_tab = st.tabs(
    [t("tab_explore"), t("tab_topics"), t("tab_quality"), t("tab_classic"), t("tab_downloads")]
)
with explore_tab:
    lda_explorer.explorer(spec.key, exploration, corpus)
with topics_tab:
    lda_tabs.topics_tab(spec.key, exploration)
with quality_tab:
    lda_tabs.quality_tab(spec, exploration, corpus)
with classic_tab:
    lda_tabs.classic_tab(spec.key, exploration)
with downloads_tab:
    lda_tabs.downloads_tab(spec.key, exploration, corpus)
