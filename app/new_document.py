"""The LDA page's "New document" tab: a pasted or uploaded text's topics under the model the page shows (fold-in),
its words coloured by topic, and the nearest training documents."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import streamlit as st

from app import charts, result_cache, state, topic_names
from app.i18n import message, t
from app.plain_text import plain
from models.corpus.corpus import Corpus
from models.corpus.encoding import decode_text
from models.corpus.highlight import token_spans
from models.errors import InputError
from models.lda.explore import LdaExploration
from models.lda.fold_in import FoldIn, fold_in

MAX_CHARS = 200_000  # a new document, not a corpus
_UPLOADER = "tl_newdoc_file"


def _on_file() -> None:
    upload = st.session_state.get(_UPLOADER)
    if upload is None:
        return
    try:
        text, _, _ = decode_text(upload.getvalue()[: 4 * MAX_CHARS], upload.name)
    except InputError as err:
        st.session_state[state.FIT_MESSAGE] = ("error", message(err))
        return
    st.session_state[state.NEWDOC_TEXT] = text[:MAX_CHARS]


def new_document_tab(fit_key: str, exploration: LdaExploration, corpus: Corpus) -> None:
    """Text box and .txt upload; the inferred mixture, the coloured words, the unknown words and nearest documents."""
    model, vis = exploration.model, exploration.vis
    method = t("newdoc_gibbs") if model.engine == "gibbs" else t("newdoc_variational")
    st.caption(t("newdoc_help", method=method))
    st.session_state.setdefault(state.NEWDOC_TEXT, "")
    st.session_state.setdefault(state.NEWDOC_SEED, 0)
    st.file_uploader(t("newdoc_file"), type=["txt", "md"], key=_UPLOADER, on_change=_on_file)
    text = st.text_area(t("newdoc_text"), key=state.NEWDOC_TEXT, height=160, max_chars=MAX_CHARS)
    seed = 0
    if model.engine == "gibbs":
        seed = int(st.number_input(t("newdoc_seed"), min_value=0, max_value=2**32 - 1, key=state.NEWDOC_SEED))
    if not text.strip():
        return
    digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
    key = f"foldin|{fit_key}|{seed}|{digest}"
    try:
        result: FoldIn = result_cache.get_or_compute(key, lambda: fold_in(model, corpus, text, seed=seed))
    except InputError as err:
        st.error(message(err))
        return
    names = topic_names.names(fit_key, vis)
    labels = [topic_names.label(vis, names, k) for k in range(vis.n_topics)]
    colours = charts.topic_colours(model.n_topics)
    st.plotly_chart(charts.mixture_bar(result.theta, labels, colours), key="tl_newdoc_mixture")
    st.caption(t("newdoc_known", n=len(result.tokens)))
    if result.unknown:
        shown = ", ".join(result.unknown[:40]) + (" …" if len(result.unknown) > 40 else "")
        st.caption(t("newdoc_unknown", n=len(result.unknown), words=plain(shown)))
    st.html(charts.coloured_text(text, token_spans(text, result.tokens), result.word_topics, colours, labels))
    st.markdown(f"**{t('newdoc_nearest')}**")
    top = [int(np.argmax(model.theta[d])) for d in result.nearest]
    table = pd.DataFrame(
        {
            "#": [int(d) for d in result.nearest],
            t("col_name"): [corpus.documents[d].name for d in result.nearest],
            t("col_distance"): np.round(result.distances, 3),
            t("newdoc_col_topic"): [labels[k] for k in top],
            t("col_text"): [corpus.documents[d].text[:160] for d in result.nearest],
        }
    )
    st.dataframe(table, hide_index=True)
