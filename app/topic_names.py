"""Topic names: defaults from each topic's top terms, renamed by the user, kept per fit in this session."""

from __future__ import annotations

import weakref

import streamlit as st

from app import state
from models.ldavis.vis_data import VisData, top_terms

DEFAULT_LAMBDA = 0.6


def default_names(vis: VisData, n_terms: int = 3) -> dict[int, str]:
    """Each topic named by its ``n_terms`` most relevant terms at λ = 0.6."""
    n = min(n_terms, vis.R)
    return {k: " · ".join(top_terms(vis, k, DEFAULT_LAMBDA, R=n).terms) for k in range(vis.n_topics)}


_defaults: weakref.WeakKeyDictionary[VisData, dict[int, str]] = weakref.WeakKeyDictionary()


def names(fit_key: str, vis: VisData) -> dict[int, str]:
    """The session's names for the topics of fit ``fit_key``: the user's, and defaults from ``vis`` for the rest.

    Only the user's names are stored (per fit); defaults follow the model, so a model that is still converging
    (its top terms change from one refresh to the next) shows its current terms until the user names a topic.
    """
    store = st.session_state.setdefault(state.TOPIC_NAMES, {})
    given = store.setdefault(fit_key, {})
    defaults = _defaults.get(vis)
    if defaults is None:
        defaults = _defaults[vis] = default_names(vis)
    return {**defaults, **given}


def rename(fit_key: str, topic: int, name: str) -> None:
    """Give topic ``topic`` of fit ``fit_key`` a new name."""
    store = st.session_state.setdefault(state.TOPIC_NAMES, {})
    store.setdefault(fit_key, {})[topic] = name.strip()


def label(vis: VisData, names_: dict[int, str], topic: int) -> str:
    """Display label: rank, name and the model's own id, e.g. "#1 gene · dna (id 3)"."""
    return f"#{int(vis.ranks[topic])} {names_.get(topic, '')} (id {topic})"
