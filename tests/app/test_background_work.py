"""Uploads and fits run as jobs in worker processes: once per input, failures remembered, limits in the user's words."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from app import job_ui, state
from tests.app.conftest import metrics

WORDS = (
    "apple banana cherry grape lemon mango peach pear plum melon "
    "carrot potato onion pepper tomato garlic celery radish spinach lettuce"
).split()
TEXT = "\n".join(" ".join(WORDS[(i + j) % len(WORDS)] for j in range(6)) for i in range(40)).encode()


@pytest.fixture
def jobs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kind ("read", "fit", "sweep") of every new job the app starts."""
    kinds: list[str] = []
    real = job_ui.submit

    def recording(key: str, fn: Any, args: tuple, kind: str, keep_file: bool = False) -> Any:
        if job_ui.runner().find(key) is None:
            kinds.append(kind)
        return real(key, fn, args, kind, keep_file)

    monkeypatch.setattr(job_ui, "submit", recording)
    return kinds


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.sidebar.radio(key=state.SOURCE).set_value("upload").run()
    at.session_state[state.UPLOADED] = ((name, data),)  # what the uploader's callback copies
    at.session_state[state.UPLOAD_DIGEST] = f"{name}:{len(data)}:{hash(data)}"
    return at.run()


def _texts(at: AppTest) -> str:
    return " ".join(e.value for e in [*at.error, *at.info, *at.warning])


def test_an_upload_is_read_and_fitted_in_workers_once(app: AppTest, jobs: list[str]) -> None:
    _upload(app, "food.txt", TEXT)
    assert not app.exception and not app.error
    assert jobs == ["read", "fit"]  # small corpus: the LDA page fitted it at once
    assert app.session_state[state.LDA_KEY].lda.n_topics == 10
    app.run()
    app.switch_page("views/corpus.py").run()
    assert jobs == ["read", "fit"]  # reruns and page switches take both from the cache
    assert metrics(app)["Documents"] == "40" and metrics(app)["Vocabulary"] == "20"


def test_a_refused_upload_is_not_read_again_on_every_rerun(app: AppTest, jobs: list[str]) -> None:
    _upload(app, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in app.error[0].value
    app.run()
    app.run()
    assert jobs == ["read"]
    assert "binary" in app.error[0].value


def test_memory_limit_in_the_users_words(app: AppTest, jobs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPICLENS_JOB_MEMORY_MB", "100")  # below what a worker holds at its start
    _upload(app, "food.txt", b"\n".join([TEXT] * 4500))  # 180,000 lines: about 1 s to read, enough to be measured
    assert not app.exception
    assert app.error[0].value.startswith("Reading this input needed more than 100 MB of memory")
    app.run()
    assert jobs == ["read"]  # remembered, not read again
    monkeypatch.delenv("TOPICLENS_JOB_MEMORY_MB")
    app.sidebar.button(key=state.READ_AGAIN).click().run()
    assert not app.error
    assert jobs == ["read", "read"]  # 360,000 tokens: too large to fit without a click
    assert "This corpus is large" in _texts(app)


def test_a_failed_fit_is_not_called_large_nor_retried(app: AppTest, jobs: list[str]) -> None:
    _upload(app, "tiny.txt", b"pizza pasta\npasta salad\nsalad pizza\n")  # 3 terms: the K box stops at 3
    assert not app.exception and not app.error
    assert app.sidebar.number_input(key=state.N_TOPICS).value == 3
    assert jobs == ["read", "fit"]
    # a fit the controls cannot describe any more (K = 10 on 3 terms), asked for as a pending fit
    spec = app.session_state["_tl_fit_spec_now"]
    app.session_state[state.PENDING] = dataclasses.replace(spec, lda=dataclasses.replace(spec.lda, n_topics=10))
    app.run()
    assert not app.exception
    assert "K" in app.error[0].value
    assert "large" not in _texts(app)
    app.run()
    assert jobs == ["read", "fit", "fit"]  # not retried
