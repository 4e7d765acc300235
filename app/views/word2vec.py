"""Word2vec page: the lecture's examples worked out (lookup, CBOW, skip-gram pairs, negative sampling), a training
step to watch, and the paper's table."""

from __future__ import annotations

import streamlit as st

from app import state, w2v_panels
from app.i18n import lang, t

st.title(t("page_word2vec"))
st.caption(t("w2v_intro"))
w2v_panels.defaults()
names = list(w2v_panels.TABS)
labels = [t(f"w2v_tab_{name}") for name in names]
tab_key = f"{state.W2V_TAB}|{lang()}"  # labels are translated, so each language has its own widget
if tab_key not in st.session_state:
    st.session_state[tab_key] = labels[names.index(st.session_state.get(state.W2V_TAB_OPEN, names[0]))]
# Tabs render lazily: only the open one is drawn.
for name, tab in zip(names, st.tabs(labels, key=tab_key, on_change="rerun"), strict=True):
    if tab.open:
        st.session_state[state.W2V_TAB_OPEN] = name
        with tab:
            w2v_panels.TABS[name]()
