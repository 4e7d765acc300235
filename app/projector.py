"""Projector mode: larger text and a simpler sidebar for a classroom projector at 1280 × 720.

A toggle in the sidebar (kept across pages) adds a style sheet: every text sized in rem grows by a quarter, the
sidebar's option panels (reading and preprocessing, priors and iterations, seed words) fold away so the page list,
the corpus and K stay, and Plotly's axis and legend text grows with the rest.
"""

from __future__ import annotations

import streamlit as st

from app import state
from app.i18n import t

STYLE = """<style>
html { font-size: 20px; }
section[data-testid="stSidebar"] [data-testid="stExpander"] { display: none; }
.js-plotly-plot .xtick text, .js-plotly-plot .ytick text, .js-plotly-plot .legendtext { font-size: 14px !important; }
</style>"""


def toggle() -> bool:
    """Draw the sidebar's projector-mode switch and, when it is on, the style sheet; returns whether it is on."""
    st.session_state.setdefault(state.PROJECTOR, False)
    on = st.sidebar.toggle(t("projector_mode"), key=state.PROJECTOR, help=t("projector_help"))
    if on:
        st.html(STYLE)
    return on
