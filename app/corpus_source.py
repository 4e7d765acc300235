"""Sidebar controls that choose the corpus (a sample or uploaded files) and how it is read and tokenized.

A corpus is built once per (files' content hash, options) and kept in the bounded process-wide cache
(``app.result_cache``), so reruns, page switches and other users never rebuild it. Uploaded files are read in a
child process (``app.jobs``) with memory and time limits, a progress box and a Cancel button; the built-in
samples are small and trusted and are built in the server itself (the first page needs them at once). An
uploaded file's bytes are copied into this session's state so they survive page switches.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from app import job_ui, result_cache, state
from app.i18n import formatter, lang, t
from app.job_tasks import CorpusFile
from app.model_controls import default_topics
from models import SAMPLES, SUPPORTED_EXTENSIONS, Corpus, IngestOptions, InputError, PreprocessOptions
from models.corpus.documents import DOC_MODES
from models.corpus.ingest import read_files
from models.corpus.limits import default_limits
from models.corpus.preprocess import build_corpus

logger = logging.getLogger(__name__)

ENCODINGS = ("", "utf-8", "cp949", "euc-kr", "utf-16", "latin-1")


@dataclass(frozen=True)
class CorpusRequest:
    """What to read and how: the files' digest, the files, and the options."""

    label: str
    digest: str
    files: tuple[tuple[str, bytes], ...]
    ingest: IngestOptions
    preprocess: PreprocessOptions

    @property
    def key(self) -> str:
        """Content hash of the files plus every reading and preprocessing option."""
        return f"{self.digest}|{self.ingest!r}|{self.preprocess!r}"


@dataclass(frozen=True)
class CorpusResult:
    """The built corpus, or the user-facing error that stopped it."""

    request: CorpusRequest | None
    corpus: Corpus | None = None
    error: InputError | None = None
    unexpected: bool = False


_spooled: dict[str, str] = {}  # request key -> the pickle a reading job left, handed to fit jobs (see job_source)


def _cache_key(request_key: str) -> str:
    return f"corpus|{request_key}"


def job_source(request_key: str, corpus: Corpus) -> Corpus | CorpusFile:
    """What a job should get for this corpus: the file its reading job left (no pickling here), else the corpus."""
    path = _spooled.get(request_key)
    return CorpusFile(path) if path is not None and os.path.exists(path) else corpus


def _forget_spool(request_key: str, path: str) -> Callable[[], None]:
    def forget() -> None:
        if _spooled.get(request_key) == path:
            del _spooled[request_key]
        with contextlib.suppress(OSError):
            os.remove(path)

    return forget


def _build_here(request: CorpusRequest) -> Corpus:
    """A built-in sample, built in this process once per options (concurrent sessions wait for one build)."""
    return result_cache.get_or_compute(
        _cache_key(request.key), lambda: build_corpus(read_files(request.files, request.ingest), request.preprocess)
    )


def _read_in_worker(request: CorpusRequest) -> Corpus:
    """Uploaded files, read in a child process (shared with any session reading the same files and options).

    Raises
    ------
    InputError
        The files' own problem, or :class:`app.job_ui.JobProblem` (memory, time, a dead worker, Cancel); either
        is remembered for this session, so a rerun does not read the same input again.
    """
    key = _cache_key(request.key)
    corpus = result_cache.get(key)
    if corpus is not None:
        return corpus
    ss = st.session_state
    failures: dict[str, InputError] = ss.setdefault(state.FAILED_READS, {})
    if ss.get(state.READ_AGAIN):
        failures.pop(key, None)
    if ss.get(state.CANCEL_READ):  # the rerun of a Cancel click
        job_ui.release(key)
        failures[key] = job_ui.cancelled("read")
    if key in failures:
        if isinstance(failures[key], job_ui.JobProblem):
            st.sidebar.button(t("read_again"), key=state.READ_AGAIN)
        raise failures[key]
    from app import job_tasks

    job = job_ui.submit(key, job_tasks.read_corpus, (request.files, request.ingest, request.preprocess), "read", True)
    job_ui.wait(job, label=t("reading"), cancel_key=state.CANCEL_READ)
    try:
        corpus = job_ui.outcome(job, "read")
    except InputError as err:
        failures[key] = err
        raise
    finally:
        job_ui.release(key)
    stored = result_cache.setdefault(key, corpus, on_evict=_forget_spool(request.key, job.result_path))
    if stored is corpus:
        _spooled[request.key] = job.result_path
    return stored


def _digest(files: tuple[tuple[str, bytes], ...]) -> str:
    h = hashlib.sha256()
    for name, data in files:
        h.update(name.encode("utf-8", "replace") + b"\0" + len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def default_sample() -> str:
    """The sample shown on first start: Korean listings for a Korean UI, the Lee news corpus otherwise."""
    return "ko-market" if lang() == "ko" else "lee-news"


def _reset_options(ingest: IngestOptions, prep: PreprocessOptions) -> None:
    ss = st.session_state
    ss[state.OPT_DOC_MODE] = ingest.doc_mode
    ss[state.OPT_TEXT_COLUMN] = ingest.text_column or ""
    ss[state.OPT_ENCODING] = ingest.encoding or ""
    ss[state.OPT_LANGUAGE] = prep.language
    ss[state.OPT_STOP_WORDS] = ", ".join(prep.stop_words)
    ss[state.OPT_MIN_LEN] = prep.min_token_length or 0
    ss[state.OPT_BIGRAMS] = prep.bigrams
    ss[state.OPT_VERBS] = prep.korean_verbs
    ss[state.OPT_FRAGMENTS] = prep.korean_fragments
    ss[state.OPT_MIN_DF] = prep.min_df
    ss[state.OPT_MAX_DF] = float(prep.max_df)
    ss[state.OPT_MAX_FEATURES] = prep.max_features or 0


def _source_key() -> str:
    ss = st.session_state
    return f"sample:{ss.get(state.SAMPLE)}" if ss.get(state.SOURCE) == "sample" else "upload"


def _on_source_change() -> None:
    ss = st.session_state
    if ss.get(state.SOURCE) == "sample":
        sample = SAMPLES[ss.get(state.SAMPLE) or default_sample()]
        _reset_options(sample.ingest, sample.preprocess)
        ss[state.N_TOPICS] = default_topics(f"sample:{sample.name}")
    else:
        _reset_options(IngestOptions(), PreprocessOptions())
    ss[state.OPTIONS_FOR] = _source_key()


def _copy_upload() -> None:
    files = st.session_state.get(state.UPLOADER) or []
    copied = tuple((f.name, f.getvalue()) for f in files)
    st.session_state[state.UPLOADED] = copied
    st.session_state[state.UPLOAD_DIGEST] = _digest(copied) if copied else ""


def _or_label(empty: str) -> Callable[[str], str]:
    return lambda value: value or empty


def _sample_title(code: str) -> Callable[[str], str]:
    return lambda name: SAMPLES[name].title(code)


def _options_widgets(columns: tuple[str, ...]) -> tuple[IngestOptions, PreprocessOptions]:
    with st.sidebar.expander(t("options"), expanded=False):
        doc_mode = st.selectbox(t("doc_mode"), DOC_MODES, key=state.OPT_DOC_MODE, format_func=formatter("doc_mode_"))
        column_choices = ("", *columns)
        if st.session_state.get(state.OPT_TEXT_COLUMN, "") not in column_choices:
            column_choices = (*column_choices, st.session_state[state.OPT_TEXT_COLUMN])
        text_column = st.selectbox(
            t("text_column"),
            column_choices,
            key=state.OPT_TEXT_COLUMN,
            format_func=_or_label(t("text_column_auto")),
        )
        encoding = st.selectbox(
            t("encoding"), ENCODINGS, key=state.OPT_ENCODING, format_func=_or_label(t("encoding_auto"))
        )
        language = st.selectbox(
            t("language"), ("auto", "en", "ko"), key=state.OPT_LANGUAGE, format_func=formatter("language_")
        )
        stop_words = st.text_area(t("stop_words"), key=state.OPT_STOP_WORDS, height=68)
        min_len = st.number_input(t("min_len"), min_value=0, max_value=20, step=1, key=state.OPT_MIN_LEN)
        bigrams = st.checkbox(t("bigrams"), key=state.OPT_BIGRAMS)
        verbs = st.checkbox(t("verbs"), key=state.OPT_VERBS)
        fragments = st.checkbox(t("fragments"), key=state.OPT_FRAGMENTS, help=t("fragments_help"))
        min_df = st.number_input(t("min_df"), min_value=1, max_value=1000, step=1, key=state.OPT_MIN_DF)
        max_df = st.slider(t("max_df"), min_value=0.05, max_value=1.0, step=0.05, key=state.OPT_MAX_DF)
        max_features = st.number_input(
            t("max_features"), min_value=0, max_value=1_000_000, step=1000, key=state.OPT_MAX_FEATURES
        )
    ingest = IngestOptions(
        doc_mode=doc_mode, text_column=text_column or None, encoding=encoding or None, limits=default_limits()
    )
    words = tuple(w for w in stop_words.replace(",", " ").split() if w)
    prep = PreprocessOptions(
        language=language,
        stop_words=words,
        min_token_length=int(min_len) or None,
        bigrams=bool(bigrams),
        korean_verbs=bool(verbs),
        korean_fragments=bool(fragments),
        min_df=int(min_df),
        max_df=float(max_df),
        max_features=int(max_features) or None,
    )
    return ingest, prep


def sidebar() -> CorpusRequest | None:
    """Draw the corpus controls in the sidebar and return the current request (None before any upload)."""
    ss = st.session_state
    ss.setdefault(state.SOURCE, "sample")
    ss.setdefault(state.SAMPLE, default_sample())
    if ss.get(state.OPTIONS_FOR) is None:
        _on_source_change()
    st.sidebar.header(t("corpus_header"))
    st.sidebar.radio(
        t("source"),
        ("sample", "upload", "saved"),
        key=state.SOURCE,
        horizontal=True,
        format_func=formatter("source_"),
        on_change=_on_source_change,
    )
    if ss[state.SOURCE] == "saved":  # a .topiclens file brings its own corpus and options
        from app import saved_models

        return saved_models.sidebar_request()
    columns: tuple[str, ...] = ()
    if ss[state.SOURCE] == "sample":
        st.sidebar.selectbox(
            t("sample"),
            list(SAMPLES),
            key=state.SAMPLE,
            format_func=_sample_title(lang()),
            on_change=_on_source_change,
        )
        sample = SAMPLES[ss[state.SAMPLE]]
        files = tuple(sample.files())
        label = sample.title(lang())
        digest = f"sample:{sample.name}"
    else:
        limit_mb = max(1, default_limits().max_file_bytes // (1024 * 1024))
        st.sidebar.file_uploader(
            t("upload"),
            type=list(SUPPORTED_EXTENSIONS),
            accept_multiple_files=True,
            key=state.UPLOADER,
            help=t("upload_help"),
            on_change=_copy_upload,
            max_upload_size=limit_mb,
        )
        files = ss.get(state.UPLOADED) or ()
        label = ", ".join(name for name, _ in files)
        digest = ss.get(state.UPLOAD_DIGEST, "")
        columns = _last_columns()
    ingest, prep = _options_widgets(columns)
    if not files:
        return None
    return CorpusRequest(label=label, digest=digest, files=files, ingest=ingest, preprocess=prep)


def _last_columns() -> tuple[str, ...]:
    """Table columns seen in the uploaded files when they were last read (offered in the text-column box)."""
    return tuple(st.session_state.get(state.LAST_COLUMNS, ()))


def load(request: CorpusRequest | None) -> CorpusResult:
    """Build (or fetch from the cache) the corpus for ``request``; user errors come back as ``error``."""
    if request is None:
        return CorpusResult(request=None)
    if request.digest.startswith("saved:"):
        from app import saved_models

        return saved_models.load(request)
    try:
        sample = request.digest.startswith("sample:")
        corpus = _build_here(request) if sample else _read_in_worker(request)
    except job_ui.JobProblem as err:
        if not err.user_facing:  # a bug in the worker (logged there): a plain message for the user
            return CorpusResult(request=request, unexpected=True)
        return CorpusResult(request=request, error=err)
    except InputError as err:
        return CorpusResult(request=request, error=err)
    except Exception:  # a bug or a library failure: logged for us, a plain message for the user
        logger.exception("building the corpus failed")
        return CorpusResult(request=request, unexpected=True)
    columns = tuple(sorted({c for f in corpus.files for c in f.columns}))
    if columns != tuple(st.session_state.get(state.LAST_COLUMNS, ())):
        st.session_state[state.LAST_COLUMNS] = columns
        if st.session_state.get(state.SOURCE) == "upload":
            st.rerun()  # offer the new file's columns in the text-column box
    return CorpusResult(request=request, corpus=corpus)
