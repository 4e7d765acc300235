"""Corpus page: what was read (files, encodings, documents), the vocabulary and what was dropped."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from app import state
from app.document_tables import with_identity
from app.i18n import message, message_text, t
from app.plain_text import plain, plotly_text
from app.widgets import csv_download, require_corpus

MAX_ROWS = 2000

st.title(t("page_corpus"))
result, corpus = require_corpus()

st.caption(plain(result.request.label))
cols = st.columns(5)
cols[0].metric(t("documents"), f"{corpus.n_documents:,}")
cols[1].metric(t("tokens"), f"{corpus.n_tokens:,}")
cols[2].metric(t("vocabulary"), f"{corpus.vocab_size:,}")
cols[3].metric(t("detected_language"), t(f"language_{corpus.language}"))
cols[4].metric(t("detected_encoding"), plain(", ".join(corpus.encodings)) or "—")

# --- files -------------------------------------------------------------------------------------------------------
for report in corpus.files:
    for notice in report.notices:
        st.warning(message(notice))
    if report.error is not None:
        st.error(message(report.error))
with st.expander(f"{t('files')} ({len(corpus.files)})", expanded=len(corpus.files) > 1):
    files = pd.DataFrame(
        {
            t("col_file"): [f.name for f in corpus.files],
            t("col_kind"): [f.kind for f in corpus.files],
            t("col_encoding"): [f.encoding or "—" for f in corpus.files],
            t("col_documents"): [f.n_documents for f in corpus.files],
            t("col_text_column"): [f.text_column or "—" for f in corpus.files],
            t("col_status"): [message_text(f.error) if f.error else t("status_ok") for f in corpus.files],
        }
    )
    st.dataframe(files, hide_index=True)

# --- documents ----------------------------------------------------------------------------------------------------
st.subheader(t("doc_table"))
query = st.text_input(t("search"), key=state.DOC_SEARCH, placeholder=t("search_placeholder"))
lengths = corpus.doc_lengths
table = with_identity(
    corpus,
    pd.DataFrame(
        {
            t("col_tokens"): lengths,
            t("col_text"): [d.text for d in corpus.documents],
            t("col_terms"): [" ".join(tokens) for tokens in corpus.doc_tokens],
        }
    ),
)
if query.strip():
    needle = query.strip().lower()
    mask = table[t("col_text")].str.lower().str.contains(needle, regex=False) | table[
        t("col_name")
    ].str.lower().str.contains(needle, regex=False)
    table = table[mask]
    st.caption(t("matches", n=len(table), total=corpus.n_documents))
st.dataframe(
    table.head(MAX_ROWS),
    hide_index=True,
    column_config={t("col_text"): st.column_config.TextColumn(width="large")},
    height=min(400, 35 * (min(len(table), MAX_ROWS) + 1) + 3),
)
if len(table) > MAX_ROWS:
    st.caption(t("shown_first", n=MAX_ROWS))
csv_download(table, "documents.csv", key="dl_documents")

# --- terms --------------------------------------------------------------------------------------------------------
st.subheader(t("top_terms"))
top = pd.DataFrame(corpus.top_terms(30), columns=[t("col_term"), t("col_count"), t("col_df")])
left, right = st.columns([3, 2])
with left:
    shown = top.iloc[::-1].assign(**{t("col_term"): lambda f: f[t("col_term")].map(plotly_text)})
    fig = px.bar(
        shown,
        x=t("col_count"),
        y=t("col_term"),
        orientation="h",
        hover_data=[t("col_df")],
        height=max(320, 18 * len(top)),
    )
    fig.update_layout(margin={"l": 0, "r": 10, "t": 10, "b": 0}, yaxis_title=None)
    fig.update_traces(marker_color="#1f77b4")
    st.plotly_chart(fig, key="corpus_top_terms")
with right:
    st.dataframe(top, hide_index=True, height=max(320, 18 * len(top)))
    columns = list(top.columns)
    csv_download(
        lambda: pd.DataFrame(corpus.top_terms(corpus.vocab_size), columns=columns),
        "vocabulary.csv",
        key="dl_vocabulary",
    )

# --- dropped ------------------------------------------------------------------------------------------------------
st.subheader(t("dropped"))
if not corpus.dropped:
    st.caption(t("dropped_none"))
else:
    st.write(t("dropped_count", n=len(corpus.dropped)))
    from models.errors import render

    dropped = pd.DataFrame(
        {
            t("col_file"): [d.source for d in corpus.dropped],
            t("col_name"): [d.name for d in corpus.dropped],
            t("col_reason"): [render(d.reason, {}, st.session_state.get(state.LANG, "en")) for d in corpus.dropped],
            t("col_preview"): [d.preview for d in corpus.dropped],
        }
    )
    st.dataframe(dropped, hide_index=True)
    csv_download(dropped, "dropped.csv", key="dl_dropped")
