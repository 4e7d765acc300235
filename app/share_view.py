"""Shareable views: the LDA page's state in the link (sample, model options, topic, λ, term, layout, language).

Fits are deterministic for a seed and a number of cores, so a link opened on another machine fits the same model
and shows the same view (a topic is named by the model's own id). Uploaded corpora cannot travel in a URL: the
link then carries the model options only and the page says so.

Reading happens once per session, on its first run: the sample before the corpus sidebar is drawn, the model
options after it (the sidebar resets them to the sample's defaults), and the topic, λ and term once the page shows
the fit the link describes. Every value is checked; what does not parse is left out and reported once.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from app import state
from models.corpus.samples import SAMPLES
from models.lda.options import ENGINES

_READ = "_tl_share_read"  # the first run has read the link
_MODEL = "_tl_share_model"  # model options from the link, applied after the corpus sidebar
_VIEW = "_tl_share_view"  # topic, λ, term from the link, applied when the page shows the fit
_IGNORED = "_tl_share_ignored"  # parameter names that did not parse

SEED_MAX = 2**32 - 1
LAYOUTS = ("pcoa", "mmds", "tsne")
MAX_TERM = 100


def _int(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        n = int(value)
        if not low <= n <= high:
            raise ValueError(value)
        return n

    return parse


def _positive_float(value: str) -> float:
    x = float(value)
    if not (math.isfinite(x) and 0 < x <= 1000):
        raise ValueError(value)
    return x


def _unit(value: str) -> float:
    x = float(value)
    if not (math.isfinite(x) and 0 <= x <= 1):
        raise ValueError(value)
    return round(x, 2)


def _one_of(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in options:
            raise ValueError(value)
        return value

    return parse


def _term(value: str) -> str:
    if not value or len(value) > MAX_TERM:
        raise ValueError(value)
    return value


# link parameter -> parser; the order is the order in a link
PARSERS: dict[str, Callable[[str], Any]] = {
    "sample": _one_of(tuple(SAMPLES)),
    "engine": _one_of(tuple(ENGINES)),
    "k": _int(1, 500),
    "alpha": lambda v: "auto" if v == "auto" else _positive_float(v),
    "eta": _positive_float,
    "iterations": _int(1, 10_000),
    "seed": _int(0, SEED_MAX),
    "workers": _int(1, 64),
    "layout": _one_of(LAYOUTS),
    "topic": _int(0, 499),
    "lambda": _unit,
    "term": _term,
    "lang": _one_of(("en", "ko")),
}
MODEL_PARAMS = ("engine", "k", "alpha", "eta", "iterations", "seed", "workers")
VIEW_PARAMS = ("topic", "lambda", "term", "layout")


def parse(params: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The link's parameters that parse, and the names of those that do not (unknown names are ignored)."""
    good: dict[str, Any] = {}
    bad: list[str] = []
    for name, parser in PARSERS.items():
        if name not in params:
            continue
        try:
            good[name] = parser(str(params[name]))
        except (TypeError, ValueError):
            bad.append(name)
    return good, bad


def read_once() -> None:
    """On a session's first run, take what the link asks for (the sample and language at once, the rest later)."""
    ss = st.session_state
    if ss.get(_READ):
        return
    ss[_READ] = True
    raw = {name: st.query_params.get(name) for name in st.query_params}
    if not raw:
        return
    good, bad = parse({k: v for k, v in raw.items() if v is not None})
    if bad:
        ss[_IGNORED] = bad
    if "lang" in good:
        ss[state.LANG] = good["lang"]
    if "sample" in good:
        ss[state.SOURCE] = "sample"
        ss[state.SAMPLE] = good["sample"]
    ss[_MODEL] = {k: good[k] for k in MODEL_PARAMS if k in good}
    ss[_VIEW] = {k: good[k] for k in VIEW_PARAMS if k in good}
    if "layout" in good:
        ss[state.LAYOUT] = good["layout"]


def apply_model_options() -> None:
    """After the corpus sidebar: the link's model options become the sidebar's values (once)."""
    ss = st.session_state
    model = ss.pop(_MODEL, None)
    if not model:
        return
    ss[state.METHOD] = "lda"
    if "engine" in model:
        ss[state.ENGINE] = model["engine"]
    if "k" in model:
        ss[state.N_TOPICS] = model["k"]
    if "alpha" in model:
        ss[state.ALPHA_MODE] = "auto" if model["alpha"] == "auto" else "value"
        if model["alpha"] != "auto":
            ss[state.ALPHA] = model["alpha"]
    if "eta" in model:
        ss[state.ETA_MODE] = "value"
        ss[state.ETA] = model["eta"]
    if "iterations" in model:
        ss[state.ITERATIONS] = model["iterations"]
    if "seed" in model:
        ss[state.SEED] = model["seed"]
    if "workers" in model:
        ss[state.WORKERS] = model["workers"]


def pending_view() -> dict[str, Any] | None:
    """The topic, λ and term the link asked for, until the page has applied them."""
    return st.session_state.get(_VIEW) or None


def apply_view(n_topics: int, vocab: set[str] | tuple[str, ...]) -> None:
    """On the LDA page showing the link's fit: select its topic, λ and term (once; impossible values dropped)."""
    ss = st.session_state
    view = ss.pop(_VIEW, None)
    if not view:
        return
    if "topic" in view and view["topic"] < n_topics:
        ss[state.SELECTED_TOPIC] = view["topic"]
    if "lambda" in view:
        ss[state.LAMBDA] = view["lambda"]
    if "term" in view and view["term"] in vocab:
        ss[state.SELECTED_TERM] = view["term"]


def ignored() -> list[str]:
    """Link parameters that did not parse (shown until the page shows a fit, see :func:`forget_ignored`)."""
    return list(st.session_state.get(_IGNORED, []))


def forget_ignored() -> None:
    """The page has shown a fit under the note: drop it."""
    st.session_state.pop(_IGNORED, None)


def link_params(spec_lda: Any) -> dict[str, str]:
    """The parameters that reproduce this session's LDA view (sample sessions only; see :func:`is_shareable`)."""
    ss = st.session_state
    params = {"sample": str(ss.get(state.SAMPLE)), "engine": spec_lda.engine, "k": str(spec_lda.n_topics)}
    if spec_lda.alpha is not None:
        params["alpha"] = str(spec_lda.alpha)
    if spec_lda.eta is not None:
        params["eta"] = repr(float(spec_lda.eta))
    if spec_lda.iterations is not None:
        params["iterations"] = str(spec_lda.iterations)
    params["seed"] = str(spec_lda.seed)
    if spec_lda.workers is not None:
        params["workers"] = str(spec_lda.workers)
    if ss.get(state.LAYOUT) and ss.get(state.LAYOUT) != "pcoa":
        params["layout"] = str(ss[state.LAYOUT])
    if ss.get(state.SELECTED_TOPIC) is not None:
        params["topic"] = str(int(ss[state.SELECTED_TOPIC]))
    params["lambda"] = f"{float(ss.get(state.LAMBDA, 1.0)):.2f}"
    if ss.get(state.SELECTED_TERM):
        params["term"] = str(ss[state.SELECTED_TERM])
    params["lang"] = str(ss.get(state.LANG, "en"))
    return params


def is_shareable() -> bool:
    """True when the corpus is a built-in sample (an upload cannot travel in a URL)."""
    return st.session_state.get(state.SOURCE) == "sample"


def link(params: dict[str, str], page_path: str = "") -> str:
    """The full link: this server's address, the page and the parameters.

    The LDA page is the app's default page, which Streamlit serves at ``/`` (``/lda`` is "page not found").
    """
    base = ""
    try:
        url = st.context.url or ""
    except Exception:  # not in a browser session (tests)
        url = ""
    if url:
        base = url.split("?", 1)[0].rstrip("/")
        for suffix in ("/lda", "/lsa", "/gibbs", "/word2vec", "/attention", "/corpus"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
    return f"{base}/{page_path}?{urlencode(params)}"
