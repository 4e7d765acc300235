"""Small rendering helpers shared by the pages."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from app.corpus_source import CorpusResult
from app.i18n import message, t
from models.corpus.corpus import Corpus
from models.export_safety import safe_csv


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as CSV in UTF-8 with BOM (so Excel shows Hangul), no text cell starting like a formula."""
    return safe_csv(frame).encode("utf-8-sig")


def csv_download(table: pd.DataFrame | Callable[[], pd.DataFrame], file_name: str, key: str) -> None:
    """A download button for ``table`` as CSV (see :func:`csv_bytes`).

    ``table`` may be a function, called only when the user downloads (for tables too costly to build every run).
    Text cells and column names that a spreadsheet would run as formulas get a leading ``'`` (OWASP's rule).
    """

    def data() -> bytes:
        return csv_bytes(table() if callable(table) else table)

    st.download_button(
        t("download_csv"),
        data=data,
        file_name=file_name,
        mime="text/csv",
        key=key,
        on_click="ignore",
    )


def require_corpus() -> tuple[CorpusResult, Corpus]:
    """This run's corpus; when there is none, say why (no upload yet, or the input's error) and stop the page."""
    from app.session import current_corpus

    result = current_corpus()
    if result.request is None:
        st.info(t("upload_prompt"))
        st.stop()
    if show_failure(result):
        st.stop()
    assert result.corpus is not None
    return result, result.corpus


def show_failure(result: CorpusResult) -> bool:
    """Show the user-facing error of ``result`` (if any); True when there is no corpus to show."""
    if result.error is not None:
        st.error(message(result.error))  # its file and member names are escaped (see app.i18n.message)
        return True
    if result.unexpected:
        st.error(t("unexpected"))
        return True
    return result.corpus is None
