"""UI text in English and Korean, and the current UI language of this session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from app import state
from app.plain_text import plain
from app.text import TEXT
from models.errors import InputError, Notice, render

LANGUAGES = {"en": "English", "ko": "한국어"}


def lang() -> str:
    """The session's UI language: chosen by the user, else the browser's locale (Korean → "ko"), else "en"."""
    if state.LANG not in st.session_state:
        locale = ""
        try:
            locale = st.context.locale or ""
        except Exception:
            locale = ""
        st.session_state[state.LANG] = "ko" if locale.lower().startswith("ko") else "en"
    return st.session_state[state.LANG]


def t(key: str, **params: Any) -> str:
    """The UI text ``key`` in the session's language, with ``params`` filled in."""
    entry = TEXT.get(key)
    if entry is None:
        return key
    text = entry.get(lang()) or entry["en"]
    return text.format(**params) if params else text


_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def subscript(n: int) -> str:
    """``n`` in subscript digits, for matrix names in headings (Markdown would read ``A_2`` as the start of italics)."""
    return str(n).translate(_SUBSCRIPT)


def formatter(prefix: str = "") -> Callable[[Any], str]:
    """A ``format_func`` for option widgets: ``prefix + option`` looked up in the language of this run.

    The language is bound now, not looked up when Streamlit calls the function later (e.g. in AppTest).
    """
    code = lang()

    def fmt(option: Any) -> str:
        entry = TEXT.get(f"{prefix}{option}")
        return (entry.get(code) or entry["en"]) if entry else str(option)

    return fmt


def message(item: InputError | Notice) -> str:
    """A models error or notice in the session's language, as Markdown for ``st.error``/``st.warning``/``st.info``.

    Its text parameters (file names, zip member names, column names, details) are escaped with
    :func:`app.plain_text.plain`, so they show as written; the message's own template is unchanged.
    """
    params = {key: plain(value) if isinstance(value, str) else value for key, value in item.params.items()}
    return render(item.code, params, lang())


def message_text(item: InputError | Notice) -> str:
    """A models error or notice in the session's language as plain text, for tables (not Markdown)."""
    return item.text(lang())


def language_selector() -> None:
    """The UI-language switch (sidebar); switching reruns the page in the other language."""
    lang()
    st.sidebar.radio(
        t("ui_language"), options=list(LANGUAGES), format_func=LANGUAGES.__getitem__, key=state.LANG, horizontal=True
    )
