"""Gibbs classroom page (being built)."""

from __future__ import annotations

import streamlit as st

from app.i18n import t

st.title(t("page_gibbs"))
