"""Sidebar controls for the model (method, engine, K, priors, iterations, seed) and the Fit button."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from app import state
from app.i18n import formatter, message, t
from app.plain_text import plain
from models.errors import InputError
from models.lda.engines.spark_lda import spark_missing
from models.lda.fit import MAX_ITERATIONS, MAX_PRIOR, MAX_TOPICS, SEED_MAX
from models.lda.gibbs.engine import available_cores
from models.lda.options import LdaOptions, available_engines
from models.lda.seeds import SeedWords, parse_seed_words

# The number boxes never offer what the models refuse (models.lda's caps); K stops at 200 because the map and
# the bars stop being readable before the models' own limit.
MAX_K_WIDGET = min(200, MAX_TOPICS)
MAX_ALPHA_WIDGET = 50.0
MAX_ETA_WIDGET = 10.0


@dataclass(frozen=True)
class FitSpec:
    """A fit the user asked for: which method, on which corpus (content key), with which options."""

    method: str
    corpus_key: str
    lda: LdaOptions | None = None
    lsa_k: int | None = None
    lsa_weighting: str = "count"
    stopped_at: int | None = None  # Gibbs: the sweep at which the user stopped the fit and kept its model

    @property
    def key(self) -> str:
        """The result-cache key: corpus content and every option (and where a kept, stopped fit stopped)."""
        options = repr(self.lda) if self.method == "lda" else f"k={self.lsa_k},w={self.lsa_weighting}"
        stopped = "" if self.stopped_at is None else f"|stopped@{self.stopped_at}"
        return f"{self.method}|{self.corpus_key}|{options}{stopped}"


def default_topics(corpus_key: str) -> int:
    """A sensible K for a sample (the number of planted themes), else 10."""
    if "ko-market" in corpus_key:
        return 6
    if "lecture-" in corpus_key:
        return 2
    return 10


def _init_defaults(corpus_key: str) -> None:
    ss = st.session_state
    ss.setdefault(state.METHOD, "lda")
    ss.setdefault(state.ENGINE, "gibbs")
    ss.setdefault(state.N_TOPICS, default_topics(corpus_key))
    ss.setdefault(state.ALPHA_MODE, "default")
    ss.setdefault(state.ALPHA, 0.1)
    ss.setdefault(state.ETA_MODE, "default")
    ss.setdefault(state.ETA, 0.01)
    ss.setdefault(state.ITERATIONS, 0)
    ss.setdefault(state.SEED, 0)
    ss.setdefault(state.LSA_WEIGHTING, "count")
    ss.setdefault(state.LSA_K, 0)


def controls(corpus_key: str | None, vocab_size: int | None = None) -> tuple[FitSpec | None, bool]:
    """Draw the model controls; returns the spec they describe and whether the Fit button was pressed.

    ``vocab_size`` (the current corpus's) caps the K box: K cannot exceed the number of terms, so the box never
    offers a K that the fit would refuse.
    """
    ss = st.session_state
    _init_defaults(corpus_key or "")
    st.sidebar.header(t("model_header"))
    method = st.sidebar.radio(
        t("method"), ("lda", "lsa"), key=state.METHOD, horizontal=True, format_func=formatter("method_")
    )
    if method == "lda":
        engine = st.sidebar.selectbox(
            t("engine"), _engines(), key=state.ENGINE, format_func=formatter("engine_"), help=_engine_help()
        )
        max_k = max(1, min(MAX_K_WIDGET, vocab_size or MAX_K_WIDGET))
        ss[state.N_TOPICS] = min(int(ss[state.N_TOPICS]), max_k)
        k = st.sidebar.number_input(t("n_topics"), min_value=1, max_value=max_k, step=1, key=state.N_TOPICS)
        # scikit-learn takes priors up to 1 only: clamp a value typed for another engine instead of letting
        # Streamlit reset it to the minimum
        max_alpha = min(MAX_ALPHA_WIDGET, MAX_PRIOR[engine])
        max_eta = min(MAX_ETA_WIDGET, MAX_PRIOR[engine])
        ss[state.ALPHA] = min(float(ss[state.ALPHA]), max_alpha)
        ss[state.ETA] = min(float(ss[state.ETA]), max_eta)
        with st.sidebar.expander(t("hyperparameters")):
            alpha_modes = ("default", "value", "auto") if engine == "gensim" else ("default", "value")
            if ss.get(state.ALPHA_MODE) not in alpha_modes:
                ss[state.ALPHA_MODE] = "default"
            alpha_mode = st.radio(
                t("alpha"),
                alpha_modes,
                key=state.ALPHA_MODE,
                horizontal=True,
                format_func=formatter("prior_"),
                help=t("alpha_help"),
            )
            alpha_value = st.number_input(
                t("alpha_value"),
                min_value=0.0001,
                max_value=max_alpha,
                step=0.01,
                format="%.4f",
                key=state.ALPHA,
                disabled=alpha_mode != "value",
            )
            eta_mode = st.radio(
                t("eta"),
                ("default", "value"),
                key=state.ETA_MODE,
                horizontal=True,
                format_func=formatter("prior_"),
                help=t("eta_help"),
            )
            eta_value = st.number_input(
                t("eta_value"),
                min_value=0.0001,
                max_value=max_eta,
                step=0.001,
                format="%.4f",
                key=state.ETA,
                disabled=eta_mode != "value",
            )
            iterations = st.number_input(
                t("iterations"),
                min_value=0,
                max_value=MAX_ITERATIONS,
                step=50,
                key=state.ITERATIONS,
                help=t("iterations_help"),
            )
            seed = st.number_input(t("seed"), min_value=0, max_value=SEED_MAX, step=1, key=state.SEED)
            cores = available_cores()
            st.session_state[state.WORKERS] = min(int(st.session_state.get(state.WORKERS, cores)), cores)
            workers = st.number_input(
                t("workers"),
                min_value=1,
                max_value=cores,
                step=1,
                key=state.WORKERS,
                help=t("workers_help", cores=cores),
                disabled=engine != "gibbs",
            )
        seed_words = _seed_words(engine)
        alpha: float | str | None = {"default": None, "value": float(alpha_value), "auto": "auto"}[alpha_mode]
        options = LdaOptions(
            engine=engine,
            n_topics=int(k),
            alpha=alpha,
            eta=float(eta_value) if eta_mode == "value" else None,
            iterations=int(iterations) or None,
            seed=int(seed),
            workers=int(workers) if engine == "gibbs" else None,
            seed_words=seed_words,
        )
        spec = FitSpec(method="lda", corpus_key=corpus_key or "", lda=options)
    else:
        weighting = st.sidebar.radio(
            t("weighting"),
            ("count", "tfidf"),
            key=state.LSA_WEIGHTING,
            horizontal=True,
            format_func=formatter("weighting_"),
        )
        lsa_k = st.sidebar.number_input(
            t("lsa_k"), min_value=0, max_value=500, step=1, key=state.LSA_K, help=t("lsa_k_help")
        )
        spec = FitSpec(method="lsa", corpus_key=corpus_key or "", lsa_k=int(lsa_k) or None, lsa_weighting=weighting)
    pressed = st.sidebar.button(
        t("fit"), key=state.FIT_BUTTON, type="primary", width="stretch", disabled=corpus_key is None
    )
    if corpus_key is None:
        return None, False
    return spec, bool(pressed)


def _seed_words(engine: str) -> SeedWords:
    """The seed-word box (issue 15): one topic per line, ``name: word word``; parsed and checked as it is typed.

    The words are checked against the corpus by the fit (an unknown word is the fit's error message); here only the
    text's form. What the box holds is shown back as plain text (never Markdown).
    """
    with st.sidebar.expander(t("seed_words")):
        text = st.text_area(
            t("seed_words"), key=state.SEED_WORDS, height=90, help=t("seed_words_help"), label_visibility="collapsed",
            placeholder="sports: goal match team",
        )  # fmt: skip
        if not text.strip():
            return ()
        if engine != "gibbs":
            st.caption(t("seed_words_engine"))
            return ()
        try:
            seeds = parse_seed_words(text)
        except InputError as err:
            st.error(message(err))
            return ()
        if seeds:
            st.caption(plain(t("seed_words_ok", n=len(seeds), names=", ".join(name for name, _ in seeds))))
        return seeds


def _engines() -> tuple[str, ...]:
    """The engines offered: Spark only where pyspark and Java are installed (issue 16). A saved Spark model opened
    without Spark keeps its engine in the box; an engine the box cannot offer otherwise falls back to Gibbs."""
    engines = available_engines()
    current = st.session_state.get(state.ENGINE)
    if current not in engines:
        if current == "spark":
            return (*engines, "spark")
        st.session_state[state.ENGINE] = "gibbs"
    return engines


def _engine_help() -> str:
    """The engine box's help, with how to add Spark when it is missing."""
    missing = spark_missing()
    spark = t("engine_help_spark") if missing is None else t("engine_help_no_spark", missing=missing)
    return f"{t('engine_help')}\n\n{spark}"
