"""Per-run shared context: the sidebar's corpus request and the corpus built from it."""

from __future__ import annotations

import streamlit as st

from app import corpus_source
from app.corpus_source import CorpusResult

_RESULT = "_tl_corpus_result"  # valid for the current script run only


def corpus_sidebar() -> None:
    """Draw the corpus sidebar and build (or fetch) the corpus; pages read it with :func:`current_corpus`."""
    request = corpus_source.sidebar()
    st.session_state[_RESULT] = corpus_source.load(request)


def current_corpus() -> CorpusResult:
    """The corpus result of this run (built by :func:`corpus_sidebar` in the entry file)."""
    result = st.session_state.get(_RESULT)
    if result is None:
        result = corpus_source.load(corpus_source.sidebar())
    return result
