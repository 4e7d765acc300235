"""Attention & BERT page: the Transformer's attention with numbers (step by step, √d_k, multi-head, the lecture's
picture, the causal mask and positions)."""

from __future__ import annotations

import streamlit as st

from app import attn_panels, state
from app.i18n import lang, t

st.title(t("page_attention"))
st.caption(t("attn_intro"))
attn_panels.defaults()
names = list(attn_panels.TABS)
labels = [t(f"attn_tab_{name}") for name in names]
tab_key = f"{state.ATTN_TAB}|{lang()}"  # labels are translated, so each language has its own widget
if tab_key not in st.session_state:
    st.session_state[tab_key] = labels[names.index(st.session_state.get(state.ATTN_TAB_OPEN, names[0]))]
for name, tab in zip(names, st.tabs(labels, key=tab_key, on_change="rerun"), strict=True):  # drawn lazily
    if tab.open:
        st.session_state[state.ATTN_TAB_OPEN] = name
        with tab:
            attn_panels.TABS[name]()
