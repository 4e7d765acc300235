"""``.topiclens`` files in the app: the sidebar's "Saved model" source, and the download on the LDA page.

Opening a file restores its corpus, its fitted model (under the cache key of the fit it came from, so the LDA page
shows it as this session's fit), the user's topic names and the merges; it never fits. The file is checked by
:func:`models.lda.saved_model.open_saved` (never unpickled); its problems are shown as messages.
"""

from __future__ import annotations

import hashlib
import logging

import streamlit as st

from app import merges, result_cache, state
from app.corpus_source import CorpusRequest, CorpusResult
from app.i18n import t
from app.model_controls import FitSpec
from app.plain_text import plain
from models.corpus.corpus import Corpus, PreprocessOptions
from models.corpus.documents import IngestOptions
from models.corpus.limits import default_limits
from models.errors import InputError
from models.lda.saved_exploration import base_exploration, saved_from
from models.lda.saved_model import SavedModel, open_saved, save_model

logger = logging.getLogger(__name__)

PREFIX = "saved:"


def _copy_file() -> None:
    upload = st.session_state.get(state.SAVED_UPLOADER)
    st.session_state[state.SAVED_FILE] = (upload.name, upload.getvalue()) if upload is not None else None


def sidebar_request() -> CorpusRequest | None:
    """The uploader of the "Saved model" source; the request for the file it holds (None before an upload)."""
    limit_mb = max(1, default_limits().max_file_bytes // (1024 * 1024))
    st.sidebar.file_uploader(
        t("saved_upload"),
        type=["topiclens"],
        key=state.SAVED_UPLOADER,
        help=t("saved_upload_help"),
        on_change=_copy_file,
        max_upload_size=limit_mb,
    )
    saved = st.session_state.get(state.SAVED_FILE)
    if not saved:
        return None
    name, data = saved
    digest = PREFIX + hashlib.sha256(data).hexdigest()
    return CorpusRequest(
        label=name, digest=digest, files=((name, data),), ingest=IngestOptions(), preprocess=PreprocessOptions()
    )


def is_saved(request: CorpusRequest) -> bool:
    """Whether ``request`` is a ``.topiclens`` file."""
    return request.digest.startswith(PREFIX)


def fit_spec(request: CorpusRequest, saved: SavedModel) -> FitSpec:
    """The spec under which the saved fit is kept (as if fitted in this session on the file's corpus)."""
    return FitSpec(method="lda", corpus_key=request.key, lda=saved.options)


def load(request: CorpusRequest) -> CorpusResult:
    """Open the file of ``request`` (cached by content); on its first opening in this session, restore the names and
    merges and make its fit this session's LDA fit."""
    name, data = request.files[0]
    try:
        saved: SavedModel = result_cache.get_or_compute(f"saved|{request.digest}", lambda: open_saved(data, name))
    except InputError as err:
        return CorpusResult(request=request, error=err)
    except Exception:  # a bug: logged for us, a plain message for the user
        logger.exception("opening a .topiclens file failed")
        return CorpusResult(request=request, unexpected=True)
    spec = fit_spec(request, saved)
    result_cache.get_or_compute(spec.key, lambda: base_exploration(saved))
    ss = st.session_state
    if ss.get(state.SAVED_OPENED) != saved.content_hash:
        ss[state.SAVED_OPENED] = saved.content_hash
        ss[state.LDA_KEY] = spec
        names = ss.setdefault(state.TOPIC_NAMES, {})
        names[spec.key] = dict(saved.base_names)
        merges.set_history(spec.key, saved.merges)
        if saved.merges:
            names[merges.view_key(spec.key, saved.merges)] = dict(saved.names)
        ss[state.SELECTED_TOPIC] = None
        ss[state.LAYOUT] = saved.layout
        ss[state.METHOD] = "lda"
        ss[state.ENGINE] = saved.options.engine
        ss[state.N_TOPICS] = saved.options.n_topics
        ss[state.SEED] = saved.options.seed
    st.sidebar.caption(
        t(
            "saved_opened",
            name=plain(name),
            digest=saved.content_hash[:12],
            docs=saved.corpus.n_documents,
            k=saved.model.n_topics,
        )
    )
    if saved.model.params.get("theta_sample"):  # a Spark fit that kept θ for a sample of its documents (issue 16)
        total, docs = saved.model.params.get("documents_total", 0), saved.corpus.n_documents
        st.sidebar.caption(t("spark_sample_notice", total=int(total), docs=docs))
    return CorpusResult(request=request, corpus=saved.corpus)


def _to_save(corpus: Corpus) -> SavedModel | None:
    """What the LDA page shows, to save: the fit, its merges and the user's names (None when the fit is gone)."""
    shown = merges.current()
    if shown is None:
        return None
    view_key, fit_key, steps = shown
    base = result_cache.get(fit_key)
    if base is None:
        return None
    names = st.session_state.get(state.TOPIC_NAMES, {})
    return saved_from(base, corpus, steps, names=names.get(view_key, {}), base_names=names.get(fit_key, {}))


def download_section(corpus: Corpus) -> None:
    """The downloads tab's ``.topiclens`` button (the file is built when clicked)."""
    st.markdown(f"**{t('dl_saved')}**")
    saved = _to_save(corpus)
    if saved is None:
        st.caption(t("dl_saved_unavailable"))
        return
    st.caption(t("dl_saved_help"))
    st.download_button(
        t("download_saved"),
        data=lambda: save_model(saved),
        file_name="topiclens-model.topiclens",
        mime="application/zip",
        key="tl_dl_saved",
        on_click="ignore",
    )
