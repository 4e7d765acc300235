"""Running fits: a pending fit runs with a progress bar and a Cancel button; results go to the shared cache.

A fit runs in the entry script, above the page. Clicking Cancel makes Streamlit stop the running script at its
next progress update (a rerun); the rerun sees the Cancel click and drops the pending fit.
"""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from app import result_cache, state
from app.i18n import message, t
from app.model_controls import FitSpec
from models.corpus import Corpus
from models.errors import InputError
from models.lda_options import FitCancelled

logger = logging.getLogger(__name__)

AUTO_FIT_MAX_TOKENS = 300_000


def schedule(spec: FitSpec) -> None:
    """Ask for ``spec`` to be fitted on the next run."""
    st.session_state[state.PENDING] = spec
    st.session_state.pop(state.FIT_MESSAGE, None)


def _compute(spec: FitSpec, corpus: Corpus, progress: Any) -> Any:
    if spec.method == "lda":
        from models.explore import explore_lda

        return explore_lda(corpus, spec.lda, progress)
    from models.lsa import fit_lsa

    return fit_lsa(corpus, n_components=spec.lsa_k, weighting=spec.lsa_weighting)


def _result_key(method: str) -> str:
    return state.LDA_KEY if method == "lda" else state.LSA_KEY


def run_pending(corpus: Corpus | None) -> None:
    """Run the pending fit, if any, showing progress; store its key in this session when it succeeds."""
    ss = st.session_state
    spec: FitSpec | None = ss.get(state.PENDING)
    if spec is None:
        return
    if ss.get(state.CANCEL_BUTTON):
        ss.pop(state.PENDING, None)
        ss[state.FIT_MESSAGE] = ("info", t("fit_cancelled"))
        return
    if corpus is None:
        ss.pop(state.PENDING, None)
        return
    cached = result_cache.get(spec.key)
    if cached is None:
        box = st.empty()
        with box.container(border=True):
            label = (
                t("fitting_lda", engine=spec.lda.engine, k=spec.lda.n_topics)
                if spec.method == "lda"
                else t("fitting_lsa")
            )
            bar = st.progress(0.0, text=label)
            st.button(t("cancel"), key=state.CANCEL_BUTTON)

        def progress(i: int, total: int, value: float | None) -> None:
            detail = t("fit_progress", i=i, total=total) + (f" · {value:,.4g}" if value is not None else "")
            bar.progress(min(max(i / max(total, 1), 0.0), 1.0), text=f"{label} — {detail}")

        try:
            with st.spinner(label):
                cached = result_cache.get_or_compute(spec.key, lambda: _compute(spec, corpus, progress))
        except InputError as err:
            ss.pop(state.PENDING, None)
            ss.setdefault(state.FAILED_FITS, set()).add(spec.key)
            ss[state.FIT_MESSAGE] = ("error", message(err))
            box.empty()
            return
        except FitCancelled:
            ss.pop(state.PENDING, None)
            ss[state.FIT_MESSAGE] = ("info", t("fit_cancelled"))
            box.empty()
            return
        except Exception:
            logger.exception("fit failed: %s", spec.key)
            ss.pop(state.PENDING, None)
            ss.setdefault(state.FAILED_FITS, set()).add(spec.key)
            ss[state.FIT_MESSAGE] = ("error", t("unexpected"))
            box.empty()
            return
        box.empty()
    ss[_result_key(spec.method)] = spec
    ss.pop(state.PENDING, None)


def may_auto_fit(spec: FitSpec | None, method: str, corpus: Corpus) -> bool:
    """Whether to fit ``spec`` without a click: small corpus, and not a fit that already failed in this session."""
    if spec is None or spec.method != method or corpus.n_tokens > AUTO_FIT_MAX_TOKENS:
        return False
    return spec.key not in st.session_state.get(state.FAILED_FITS, set())


def current(method: str, corpus_key: str | None) -> Any | None:
    """This session's latest fit of ``method`` on the current corpus, or None (re-fitted if the cache lost it)."""
    spec: FitSpec | None = st.session_state.get(_result_key(method))
    if spec is None or spec.corpus_key != corpus_key:
        return None
    result = result_cache.get(spec.key)
    if result is None:
        schedule(spec)
        st.rerun()
    return result


def show_message() -> None:
    """Show (once) what the last fit attempt said: an error or a cancellation."""
    note = st.session_state.pop(state.FIT_MESSAGE, None)
    if note:
        kind, text = note
        (st.error if kind == "error" else st.info)(text)
