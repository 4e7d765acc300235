"""Merged topics on the LDA page: the merge history per fit, and the merged model the page shows instead of the fit.

The fitted exploration is never changed. Each fit (by its cache key) has a history of merge steps in session state;
the page calls :func:`view` once, which returns the exploration of the fit after those merges (computed once and kept
in :mod:`app.result_cache` under a key derived from the fit's key and the history) and a spec whose ``key`` is that
view key, so topic names, the selected topic, the map, bars, documents and downloads all follow the merged model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from app import result_cache, state
from app.model_controls import FitSpec
from models.corpus.corpus import Corpus
from models.lda.explore import LdaExploration
from models.lda.merge import explore_merged, merge_topics

History = tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class ViewSpec:
    """A fit spec seen through its merges: ``key`` names the merged model; everything else is the fit's."""

    spec: FitSpec
    key: str
    fit_key: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.spec, name)


def view_key(fit_key: str, history: History) -> str:
    """The result-cache key of the fit ``fit_key`` after ``history``."""
    return fit_key + "|merged:" + ";".join("+".join(str(k) for k in step) for step in history)


def history(fit_key: str) -> History:
    """The merge steps of fit ``fit_key`` in this session (empty when none)."""
    return tuple(st.session_state.get(state.MERGES, {}).get(fit_key, ()))


def set_history(fit_key: str, steps: History) -> None:
    """Replace the merge history of fit ``fit_key`` (a reopened file's merges)."""
    st.session_state.setdefault(state.MERGES, {})[fit_key] = tuple(tuple(int(k) for k in s) for s in steps)


def view(spec: FitSpec, exploration: LdaExploration, corpus: Corpus) -> tuple[FitSpec | ViewSpec, LdaExploration]:
    """What the LDA page shows for ``spec``: the fit after this session's merges (the fit itself without merges).

    A model shown while its chain still converges is shown as it is (merges apply to finished fits).
    """
    steps = history(spec.key) if exploration.complete else ()
    st.session_state[state.MERGE_VIEW] = (spec.key, spec.key, steps)
    if not steps:
        return spec, exploration
    key = view_key(spec.key, steps)
    merged = result_cache.get_or_compute(key, lambda: explore_merged(exploration, corpus, steps))
    st.session_state[state.MERGE_VIEW] = (key, spec.key, steps)
    return ViewSpec(spec=spec, key=key, fit_key=spec.key), merged


def current() -> tuple[str, str, History] | None:
    """(view key, fit key, merges) of the model the LDA page showed last in this session."""
    return st.session_state.get(state.MERGE_VIEW)


def merge(fit_key: str, shown: LdaExploration, topics: list[int], corpus: Corpus) -> int:
    """Merge ``topics`` (ids of the model shown) of fit ``fit_key``; returns the merged topic's new id.

    The user's names of the other topics follow them to their new ids.

    Raises
    ------
    InputError
        As :func:`models.lda.merge.merge_topics`.
    """
    steps = history(fit_key)
    _, step = merge_topics(shown.model, topics, corpus.token_ids)
    names = st.session_state.setdefault(state.TOPIC_NAMES, {})
    old = names.get(view_key(fit_key, steps) if steps else fit_key, {})
    new_steps = (*steps, step.merged)
    names[view_key(fit_key, new_steps)] = {
        step.new_ids[k]: name for k, name in old.items() if 0 <= k < len(step.new_ids) and k not in step.merged
    }
    set_history(fit_key, new_steps)
    st.session_state[state.SELECTED_TOPIC] = None
    return step.into


def undo(fit_key: str) -> None:
    """Forget the last merge of fit ``fit_key``."""
    steps = history(fit_key)
    if steps:
        set_history(fit_key, steps[:-1])
        st.session_state[state.SELECTED_TOPIC] = None
