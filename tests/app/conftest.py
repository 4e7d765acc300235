"""AppTest helpers: run the real app script headless (no browser, no JavaScript)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from app import job_tasks, job_ui, lda_explorer, result_cache, state
from app.text import TEXT
from models.lda.options import LdaOptions

MAIN = str(Path(__file__).resolve().parents[2] / "app" / "main.py")


@pytest.fixture(autouse=True)
def _whole_reruns(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest drops the elements outside the fragments named in ``st.rerun(scope=[...])``; rerun normally."""
    monkeypatch.setattr(lda_explorer, "NAMED_RERUNS", False)


@pytest.fixture
def fresh_app() -> Iterator[AppTest]:
    """A new app session (not yet run); the shared cache starts empty and no worker job is left behind."""
    result_cache.clear()
    yield AppTest.from_file(MAIN, default_timeout=300)
    job_ui.runner().cancel_all()
    result_cache.clear()


@pytest.fixture
def app(fresh_app: AppTest) -> AppTest:
    """A fresh app session on its default page, already run once (English UI)."""
    fresh_app.run()
    finish_pending_fit(fresh_app)
    assert not fresh_app.exception, fresh_app.exception
    return fresh_app


def finish_pending_fit(at: AppTest, timeout: float = 300.0) -> AppTest:
    """Rerun until the pending fit has finished: a fit slower than a second (a busy machine, numba compiling on a
    fresh one) first shows its map while it converges, and its result comes on a later run."""
    import time

    deadline = time.monotonic() + timeout
    while state.PENDING in at.session_state and at.session_state[state.PENDING] is not None:
        assert time.monotonic() < deadline, "the fit did not finish"
        assert not at.exception, at.exception
        time.sleep(0.2)
        at.run()
    return at


def ask_for_fit(at: AppTest, seed: int, iterations: int | None = None, n_topics: int | None = None) -> str:
    """Ask for a fit the cache does not hold (a new seed), as the Fit button would; returns its key.

    Fits meant to be still running a few seconds later need their length in sweeps and topics: on two workers the
    Lee sample takes about 0.5 s per 1,000 sweeps at K = 10 and 1.2 s at K = 100.
    """
    import dataclasses

    spec = at.session_state["_tl_fit_spec_now"]
    lda = dataclasses.replace(spec.lda, seed=seed, iterations=iterations)
    if n_topics is not None:
        lda = dataclasses.replace(lda, n_topics=n_topics)
    pending = dataclasses.replace(spec, lda=lda)
    at.session_state[state.PENDING] = pending
    return pending.key


def count_fits(monkeypatch: pytest.MonkeyPatch) -> list[LdaOptions]:
    """Record the options of every LDA fit the app starts from now on.

    Fits run in worker processes, where a patched ``models.lda.fit_lda`` is not seen: they are counted where the
    app hands them to the job runner, once per new job (a session attaching to a running fit is not a new fit).
    """
    calls: list[LdaOptions] = []
    real = job_ui.submit

    def recording(key: str, fn: Any, args: tuple, kind: str, keep_file: bool = False) -> Any:
        if fn is job_tasks.fit_lda and job_ui.runner().find(key) is None:
            calls.append(args[1])
        return real(key, fn, args, kind, keep_file)

    monkeypatch.setattr(job_ui, "submit", recording)
    return calls


def open_lda_tab(at: AppTest, name: str) -> AppTest:
    """Open the LDA page's tab ``name`` ("explore", "topics", "quality", "classic", "downloads") and run."""
    language = at.session_state[state.LANG]
    at.session_state[f"{state.LDA_TAB}|{language}"] = TEXT[f"tab_{name}"][language]
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    """The page's metrics as {label: value}."""
    return {m.label: m.value for m in at.metric}


def decode_arrays(value: Any) -> Any:
    """Plotly writes NumPy arrays as {"dtype", "bdata"} (base64); turn them back into lists."""
    if isinstance(value, dict):
        if set(value) >= {"dtype", "bdata"}:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
            if "shape" in value:
                array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
            return array.tolist()
        return {k: decode_arrays(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode_arrays(v) for v in value]
    return value


def plotly_figures(at: AppTest) -> list[dict[str, Any]]:
    """The Plotly figures on the page, as their JSON specs (AppTest has no Plotly element of its own)."""
    return [decode_arrays(json.loads(element.proto.spec)) for element in at.get("plotly_chart")]


def frame_with(at: AppTest, *columns: str) -> Any:
    """The first dataframe on the page that has all ``columns``."""
    for df in at.dataframe:
        value = df.value
        data = value.data if hasattr(value, "data") else value
        if all(c in data.columns for c in columns):
            return data
    raise AssertionError(f"no table with columns {columns}")
