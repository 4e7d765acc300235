"""Per-run shared context: the sidebar's corpus and model requests, built once per run in the entry file."""

from __future__ import annotations

import streamlit as st

from app import corpus_source, fitting, model_controls, share_view, state
from app.corpus_source import CorpusResult
from app.model_controls import FitSpec

_RESULT = "_tl_corpus_result"  # valid for the current script run only
_SPEC = "_tl_fit_spec_now"


def sidebar_and_fits(page: str | None = None) -> FitSpec | None:
    """Draw the corpus and model sidebars, build (or fetch) the corpus and run a pending fit.

    ``page`` is the page about to be drawn ("lda", "lsa", "gibbs", "corpus"): a pending fit blocks only the page
    that shows it; on the others it runs on in the background with a progress line in the sidebar.
    Returns the spec of a Fit button press in this run (the caller switches to the method's page), else None.
    """
    request = corpus_source.sidebar()
    share_view.apply_model_options()  # a shared link's model options, after the sample reset the sidebar's
    result = corpus_source.load(request)
    st.session_state[_RESULT] = result
    corpus_key = request.key if request is not None and result.corpus is not None else None
    vocab_size = result.corpus.vocab_size if result.corpus is not None else None
    spec, pressed = model_controls.controls(corpus_key, vocab_size)
    st.session_state[_SPEC] = spec
    if pressed and spec is not None:
        fitting.schedule(spec)
        return spec
    fitting.run_pending(result.corpus, page)
    return None


def current_corpus() -> CorpusResult:
    """The corpus result of this run (built by :func:`sidebar_and_fits` in the entry file)."""
    result = st.session_state.get(_RESULT)
    if result is None:
        result = corpus_source.load(corpus_source.sidebar())
    return result


def fit_spec_now() -> FitSpec | None:
    """What the model controls describe right now (used to fit automatically on first view)."""
    return st.session_state.get(_SPEC)


def pending() -> bool:
    """True while a fit is waiting to run or running."""
    return st.session_state.get(state.PENDING) is not None
