"""LDA page: the LDAvis view done natively (map, λ bars, term view, documents), quality, classic view, downloads."""

from __future__ import annotations

import streamlit as st

from app import fitting, lda_explorer, lda_tabs, share_view, state, time_groups, which_k
from app.i18n import lang, t
from app.merges import view as merged_view
from app.new_document import new_document_tab
from app.plain_text import plain
from app.relations import relations_tab
from app.session import fit_spec_now, pending
from app.widgets import require_corpus

LDA_TABS = ("explore", "topics", "time", "quality", "which_k", "classic", "downloads")

st.title(t("page_lda"))
result, corpus = require_corpus()
fitting.show_message()
if bad_link := share_view.ignored():
    st.warning(t("share_ignored", names=", ".join(bad_link)))
live = fitting.live(result.request.key)  # a Gibbs fit still sampling: its model as it stands
exploration = live[1] if live is not None else fitting.current("lda", result.request.key)
if exploration is None:
    if pending():
        st.stop()
    spec = fit_spec_now()
    if fitting.may_auto_fit(spec, "lda", corpus):
        fitting.schedule(spec)
        st.rerun()
    st.info(t("press_fit_lda"))
    st.stop()

spec = live[0] if live is not None else st.session_state[state.LDA_KEY]
spec, exploration = merged_view(spec, exploration, corpus)  # the fit after this session's topic merges, if any
share_view.forget_ignored()  # the note about a link's bad values was shown above this fit
which_k.adopt_seed_names(spec.key, exploration)  # seeded topics are named by their seeds
caption = "lda_caption" if exploration.complete else "lda_caption_live" if live else "lda_caption_stopped"
fitting.live_box()
st.caption(
    t(
        caption,
        engine=t(f"engine_{exploration.options.engine}"),
        k=exploration.model.n_topics,
        seconds=exploration.seconds,
        docs=corpus.n_documents,
        label=plain(result.request.label),
        done=exploration.sweeps_done,
        total=exploration.model.params.get("iterations"),
    )
)
LDA_TABS = (*LDA_TABS[:-1], "relations", "new_document", LDA_TABS[-1])  # issue 14's tabs, before the downloads
# Tabs render lazily: only the open tab's content is drawn, so the explorer's page stays small and quick to redraw.
tab_labels = [t(f"tab_{name}") for name in LDA_TABS]
tab_key = f"{state.LDA_TAB}|{lang()}"  # labels are translated, so each language has its own widget
if tab_key not in st.session_state:
    st.session_state[tab_key] = tab_labels[LDA_TABS.index(st.session_state.get(state.LDA_TAB_OPEN, LDA_TABS[0]))]
draw = {
    "explore": lambda: lda_explorer.explorer(spec.key, exploration, corpus),
    "topics": lambda: lda_tabs.topics_tab(spec.key, exploration),
    "time": lambda: time_groups.time_tab(spec.key, exploration, corpus),
    "quality": lambda: lda_tabs.quality_tab(spec, exploration, corpus),
    "which_k": lambda: which_k.which_k_tab(spec, exploration, corpus),
    "classic": lambda: lda_tabs.classic_tab(spec.key, exploration),
    "downloads": lambda: lda_tabs.downloads_tab(spec.key, exploration, corpus),
}
draw["relations"] = lambda: relations_tab(spec, exploration, corpus)
draw["new_document"] = lambda: new_document_tab(spec.key, exploration, corpus)
for name, tab in zip(LDA_TABS, st.tabs(tab_labels, key=tab_key, on_change="rerun"), strict=True):
    if tab.open:
        st.session_state[state.LDA_TAB_OPEN] = name  # remembered for the other language's tab widget
        with tab:
            draw[name]()
